# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PrintingComplaintToleranceMixin(models.AbstractModel):
    """Tolerances a complaint's measured deviation is judged against: agreed
    on the order, else the product's, else the company's defaults.
    0 means: not set here, look further."""

    _name = "printing.complaint.tolerance.mixin"
    _description = "Complaint Tolerances"
    _inherit = "printing.complaint.number.mixin"

    complaint_tolerance_delta_e = fields.Float(string="ΔE tolerance")
    complaint_tolerance_cmyk = fields.Float(string="CMYK tolerance (%)")
    complaint_tolerance_registration = fields.Float(
        string="Registration tolerance (mm)"
    )
    complaint_tolerance_cutting = fields.Float(string="Cutting tolerance (mm)")
