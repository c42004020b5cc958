# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    complaint_report_user_ids = fields.Many2many(
        "res.users",
        "printing_complaint_report_recipient_rel",
        "company_id",
        "user_id",
        string="Monthly report recipients",
        help="Who receives the analysis workbook of the previous month. "
        "Empty: the complaint managers.",
    )

    def _complaint_report_recipients(self):
        """The users who receive the company's monthly report, with an email:
        those of Settings, or the company's internal complaint managers."""
        self.ensure_one()
        recipients = self.complaint_report_user_ids
        if not recipients:
            managers = self.env.ref("printing_complaint.group_complaint_manager").users
            recipients = managers.filtered(
                lambda user: self in user.company_ids and not user.share
            )
        return recipients.filtered("email")
