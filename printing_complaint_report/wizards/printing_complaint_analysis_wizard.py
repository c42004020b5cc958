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

    @api.model
    def _cron_send_monthly_report(self):
        """Email the analysis workbook of the previous month to each
        company's recipients (the complaint managers when none is set), with
        the template of the monthly report: one email per language of the
        recipients, the workbook rendered in that language and attached by
        the template."""
        template = self.env.ref(
            "printing_complaint_report.mail_template_monthly_report"
        )
        for company in self.env["res.company"].search([]):
            recipients = company._complaint_report_recipients()
            by_lang = recipients.grouped(lambda user: user.lang or self.env.lang)
            for lang, users in by_lang.items():
                period = self.with_context(allowed_company_ids=company.ids, lang=lang)
                wizard = period.create({})
                template.with_env(period.env).send_mail(
                    wizard.id,
                    email_values={
                        "recipient_ids": [fields.Command.set(users.partner_id.ids)],
                        # the wizard is transient: the email is not its message
                        "model": False,
                        "res_id": False,
                    },
                )
        return True
