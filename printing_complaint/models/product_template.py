# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    # 0 means: use the company's default.
    complaint_tolerance_delta_e = fields.Float(string="ΔE tolerance")
    complaint_tolerance_cmyk = fields.Float(string="CMYK tolerance (%)")
    complaint_tolerance_registration = fields.Float(
        string="Registration tolerance (mm)"
    )
    complaint_tolerance_cutting = fields.Float(string="Cutting tolerance (mm)")
