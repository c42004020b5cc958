# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    # A complaint refund is a price correction, not a return: its lines are
    # not linked to the order line (which would make the quantity invoiced
    # drop and the order "to invoice" again), but remember which line they
    # refund so that no later refund goes above what was invoiced.
    complaint_sale_line_id = fields.Many2one(
        "sale.order.line",
        string="Refunded order line",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
