# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    complaint_report_user_ids = fields.Many2many(
        related="company_id.complaint_report_user_ids", readonly=False
    )
    complaint_monthly_report = fields.Boolean(
        related="company_id.complaint_monthly_report", readonly=False
    )
    complaint_weekly_summary = fields.Boolean(
        related="company_id.complaint_weekly_summary", readonly=False
    )
    complaint_rate_target = fields.Float(
        related="company_id.complaint_rate_target", readonly=False
    )
