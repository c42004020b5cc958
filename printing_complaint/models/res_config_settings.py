# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    complaint_director_threshold = fields.Monetary(
        related="company_id.complaint_director_threshold",
        currency_field="currency_id",
        readonly=False,
    )
    complaint_progress_interval = fields.Integer(
        related="company_id.complaint_progress_interval", readonly=False
    )
    complaint_qc_user_id = fields.Many2one(
        related="company_id.complaint_qc_user_id", readonly=False
    )
