# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PrintingComplaintResponsibility(models.Model):
    """Who caused the problem (production, material, customer...): routes the
    complaint to a department, its head and owner, and proposes the usual
    solutions."""

    _name = "printing.complaint.responsibility"
    _description = "Complaint Responsibility Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    department = fields.Char(required=True, translate=True)
    head_user_id = fields.Many2one(
        "res.users",
        string="Department head",
        help="Approves the solutions of complaints of this responsibility.",
    )
    owner_user_id = fields.Many2one(
        "res.users",
        string="Investigation owner",
        help="Investigates complaints of this responsibility by default.",
    )
    solution_type_ids = fields.Many2many(
        "printing.complaint.solution.type",
        "printing_complaint_responsibility_solution_type_rel",
        "responsibility_id",
        "solution_type_id",
        string="Usual solutions",
        help="Proposed by default when a complaint gets this responsibility.",
    )
    requires_supplier = fields.Boolean(
        help="The supplier at fault must be named (material faults)."
    )
    allows_free_reprint = fields.Boolean(
        default=True,
        help="No free reprint when the customer's own file or specification was wrong.",
    )

    _sql_constraints = (
        ("code_unique", "unique(code)", "The code of a responsibility is unique."),
    )
