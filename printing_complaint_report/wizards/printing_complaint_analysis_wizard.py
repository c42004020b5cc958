# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval, time


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
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        help="The company the workbook is computed for (the current one); "
        "the monthly report's email names it.",
    )

    @api.depends_context("allowed_company_ids")
    def _compute_company_id(self):
        self.company_id = self.env.company

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
        """The workbook's bytes and file name, the name the monthly report's
        attachment gets (the report's print_report_name)."""
        self.ensure_one()
        report = self.env.ref(
            "printing_complaint_report.action_report_complaint_analysis"
        )
        content, kind = self.env["ir.actions.report"]._render_xlsx(report, self.ids, {})
        name = safe_eval(report.print_report_name, {"object": self, "time": time})
        return content, f"{name}.{kind}"

    def _improvement_plan(self):
        """The open corrective actions of the complaints, the overdue first:
        the improvement plan the monthly report carries."""
        return self.env["printing.complaint.analysis"]._open_actions()

    def _weekly_summary(self):
        """The figures of the weekly summary email, for the wizard's period."""
        self.ensure_one()
        return self.env["printing.complaint.analysis"]._weekly_summary(
            self.date_from, self.date_to
        )

    @api.model
    def _send_to_recipients(self, template, company, period_values):
        """Send the template on a period's wizard to the company's
        recipients, one email per language, rendered in that language."""
        recipients = company._complaint_report_recipients()
        by_lang = recipients.grouped(lambda user: user.lang or self.env.lang)
        for lang, users in by_lang.items():
            period = self.with_context(allowed_company_ids=company.ids, lang=lang)
            wizard = period.create(period_values)
            template.with_env(period.env).send_mail(
                wizard.id,
                email_values={
                    "recipient_ids": [fields.Command.set(users.partner_id.ids)],
                    # the wizard is transient: the email is not its message
                    "model": False,
                    "res_id": False,
                },
            )

    @api.model
    def _cron_send_monthly_report(self):
        """Email the analysis workbook of the previous month, with the
        improvement plan, to the recipients of each company that sends it
        (Settings; the complaint managers when no recipient is set), with
        the template of the monthly report. The cron runs on the 1st: a
        server down that day runs it when it starts again, well before the
        5th."""
        template = self.env.ref(
            "printing_complaint_report.mail_template_monthly_report"
        )
        companies = self.env["res.company"].search(
            [("complaint_monthly_report", "=", True)]
        )
        for company in companies:
            self._send_to_recipients(template, company, {})
        return True

    @api.model
    def _cron_send_weekly_summary(self):
        """Email the summary of the previous week (Monday to Sunday) to the
        monthly report's recipients of each company that sends it."""
        template = self.env.ref(
            "printing_complaint_report.mail_template_weekly_summary"
        )
        today = fields.Date.context_today(self)
        monday = today - relativedelta(days=today.weekday(), weeks=1)
        period = {"date_from": monday, "date_to": monday + relativedelta(days=6)}
        companies = self.env["res.company"].search(
            [("complaint_weekly_summary", "=", True)]
        )
        for company in companies:
            self._send_to_recipients(template, company, period)
        return True
