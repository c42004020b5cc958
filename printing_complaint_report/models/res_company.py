# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


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
    complaint_monthly_report = fields.Boolean(
        string="Monthly management report",
        default=True,
        help="Email the analysis workbook of the previous month, with the "
        "improvement plan, on the 1st of each month.",
    )
    complaint_weekly_summary = fields.Boolean(
        string="Weekly complaint summary",
        help="Email a summary of the previous week every Monday morning to "
        "the recipients of the monthly report.",
    )
    complaint_rate_target = fields.Float(
        string="Complaint rate target (%)",
        default=0.2,
        digits=(16, 3),
        help="The highest share of delivered orders that may be complained "
        "about in a month, in percent: the dashboard and the workbook show "
        "the month's complaint rate against it.",
    )

    @api.constrains("complaint_rate_target")
    def _check_complaint_rate_target(self):
        for company in self:
            if not 0.0 <= company.complaint_rate_target <= 100.0:
                raise ValidationError(
                    self.env._("The complaint rate target is between 0 and 100 %.")
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
