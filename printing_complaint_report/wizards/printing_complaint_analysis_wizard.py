# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


def _first_of_last_month(self):
    return fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)


def _end_of_last_month(self):
    return fields.Date.context_today(self).replace(day=1) - relativedelta(days=1)


class PrintingComplaintAnalysisWizard(models.TransientModel):
    """The period of the analysis workbook."""

    _name = "printing.complaint.analysis.wizard"
    _description = "Complaint analysis period"

    date_from = fields.Date(required=True, default=_first_of_last_month)
    date_to = fields.Date(required=True, default=_end_of_last_month)

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise ValidationError(self.env._("The period ends before it starts."))

    def action_print_workbook(self):
        self.ensure_one()
        return self.env.ref(
            "printing_complaint_report.action_report_complaint_analysis"
        ).report_action(self)

    def _workbook(self):
        """The workbook's bytes and file name."""
        self.ensure_one()
        content, _kind = self.env["ir.actions.report"]._render_xlsx(
            "printing_complaint_report.action_report_complaint_analysis",
            self.ids,
            {},
        )
        name = self.env._(
            "Complaint analysis %(start)s to %(end)s.xlsx",
            start=self.date_from,
            end=self.date_to,
        )
        return content, name

    @api.model
    def _cron_send_monthly_report(self):
        """Email the analysis workbook of the previous month to each
        company's recipients (the complaint managers when none is set)."""
        managers = self.env.ref("printing_complaint.group_complaint_manager").users
        for company in self.env["res.company"].search([]):
            recipients = company.complaint_report_user_ids or managers.filtered(
                lambda u, c=company: c in u.company_ids and not u.share
            )
            recipients = recipients.filtered("email")
            if not recipients:
                continue
            wizard = self.with_context(allowed_company_ids=company.ids).create({})
            content, name = wizard._workbook()
            attachment = self.env["ir.attachment"].create(
                {
                    "name": name,
                    "raw": content,
                    "mimetype": "application/vnd.openxmlformats-officedocument."
                    "spreadsheetml.sheet",
                }
            )
            subject = self.env._(
                "%(company)s: complaint analysis %(start)s to %(end)s",
                company=company.name,
                start=wizard.date_from,
                end=wizard.date_to,
            )
            self.env["mail.mail"].create(
                {
                    "subject": subject,
                    "email_from": company.partner_id.email_formatted
                    or self.env.user.email_formatted,
                    "recipient_ids": [fields.Command.set(recipients.partner_id.ids)],
                    "body_html": self.env._(
                        "<p>The complaint analysis of last month is attached.</p>"
                    ),
                    "attachment_ids": [fields.Command.set(attachment.ids)],
                    "auto_delete": True,
                }
            )
        return True
