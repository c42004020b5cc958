# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

# How a solution is carried out in the ERP (see printing.complaint.solution).
EXECUTIONS = [
    ("reprint", "Reprint order"),
    ("refund", "Credit note"),
    ("discount", "Discount code"),
    ("compensation", "Compensation"),
    ("none", "Recorded only"),
]


class PrintingComplaintSolutionType(models.Model):
    """A kind of solution (reprint, partial refund, apology...) and the ERP
    document that executes it."""

    _name = "printing.complaint.solution.type"
    _description = "Complaint Solution Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    execution = fields.Selection(EXECUTIONS, required=True, default="none")
    full_refund = fields.Boolean(
        help="Refunds every invoiced line of the order, not chosen lines."
    )
    customer_share = fields.Float(
        string="Customer's share (%)",
        help="Share of the original price the customer pays for a reprint.",
    )
    description = fields.Text(translate=True)

    _sql_constraints = (
        ("code_unique", "unique(code)", "The code of a solution type is unique."),
        (
            "customer_share_range",
            "CHECK(customer_share >= 0 AND customer_share <= 100)",
            "The customer's share is a percentage between 0 and 100.",
        ),
    )
