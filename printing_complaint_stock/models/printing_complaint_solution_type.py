# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A refund whose goods come back first (退货退款)."""

from odoo import fields, models


class PrintingComplaintSolutionType(models.Model):
    _inherit = "printing.complaint.solution.type"

    returns_goods = fields.Boolean(
        string="Goods returned",
        help="The customer returns the goods (a return of the original "
        "delivery) and the credit note follows the quantity received.",
    )
