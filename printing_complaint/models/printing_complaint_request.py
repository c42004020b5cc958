# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PrintingComplaintRequest(models.Model):
    """What a customer asks for: reprint, refund, compensation, apology..."""

    _name = "printing.complaint.request"
    _description = "Customer Request of a Complaint"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Stable code used by the solution proposals.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = (
        ("code_unique", "unique(code)", "The code of a customer request is unique."),
    )
