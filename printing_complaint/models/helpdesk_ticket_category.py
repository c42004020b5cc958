# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

MEASURE_KINDS = [
    ("none", "Not measured"),
    ("delta_e", "Colour ΔE"),
    ("cmyk", "CMYK deviation (%)"),
    ("registration", "Registration error (mm)"),
    ("cutting", "Size / cutting error (mm)"),
]


class HelpdeskTicketCategory(models.Model):
    _inherit = "helpdesk.ticket.category"

    measure_kind = fields.Selection(
        selection=MEASURE_KINDS,
        default="none",
        required=True,
        help="The deviation QC measures for a defect of this category, "
        "compared with the tolerance agreed for the order.",
    )
    complaint_type_id = fields.Many2one(
        "helpdesk.ticket.type",
        string="Complaint type",
        index="btree_not_null",
        help="The complaints of this type choose among its categories; "
        "empty: any type.",
    )
