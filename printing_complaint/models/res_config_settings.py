# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _name = "res.config.settings"
    _inherit = ("res.config.settings", "printing.complaint.number.mixin")

    complaint_director_threshold = fields.Monetary(
        related="company_id.complaint_director_threshold",
        currency_field="currency_id",
        readonly=False,
    )
    complaint_progress_interval = fields.Integer(
        related="company_id.complaint_progress_interval", readonly=False
    )
    complaint_refund_days = fields.Integer(
        related="company_id.complaint_refund_days", readonly=False
    )
    complaint_qc_user_id = fields.Many2one(
        related="company_id.complaint_qc_user_id", readonly=False
    )
    complaint_containment_days = fields.Integer(
        related="company_id.complaint_containment_days", readonly=False
    )
    complaint_corrective_days = fields.Integer(
        related="company_id.complaint_corrective_days", readonly=False
    )
    complaint_verification_days = fields.Integer(
        related="company_id.complaint_verification_days", readonly=False
    )
    complaint_major_after_days = fields.Integer(
        related="company_id.complaint_major_after_days", readonly=False
    )
    complaint_recurrence_days = fields.Integer(
        related="company_id.complaint_recurrence_days", readonly=False
    )
    complaint_follow_up_interval = fields.Integer(
        related="company_id.complaint_follow_up_interval", readonly=False
    )
    complaint_portal_max_file_mb = fields.Integer(
        related="company_id.complaint_portal_max_file_mb", readonly=False
    )
