# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

# The recurring issues the dashboard lists (the latest); the workbook has all.
RECURRING_LIMIT = 20


class PrintingComplaintDashboard(models.TransientModel):
    """The complaint manager's dashboard: the figures of the analysis
    workbook for a period, on screen."""

    _name = "printing.complaint.dashboard"
    _description = "Complaint dashboard"

    date_from = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self) - relativedelta(months=12),
    )
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    figures = fields.Html(compute="_compute_figures", sanitize=False)

    @api.depends("date_from", "date_to")
    def _compute_figures(self):
        Analysis = self.env["printing.complaint.analysis"]
        for dashboard in self:
            start, end = dashboard.date_from, dashboard.date_to
            if not start or not end or start > end:
                dashboard.figures = False
                continue
            recurring = Analysis._recurring(start, end, limit=RECURRING_LIMIT)
            more = (
                Analysis._recurring_count(start, end) - len(recurring)
                if len(recurring) == RECURRING_LIMIT
                else 0
            )
            dashboard.figures = self.env["ir.qweb"]._render(
                "printing_complaint_report.dashboard_figures",
                {
                    "summary": Analysis._summary(start, end),
                    "by_category": Analysis._pareto_of_categories(start, end),
                    "by_responsibility": Analysis._count_by(
                        start, end, "responsibility_id"
                    ),
                    "by_severity": Analysis._count_by(start, end, "severity"),
                    "steps": Analysis._step_times(start, end),
                    "satisfaction": Analysis._satisfaction_by_month(start, end),
                    "costs": Analysis._cost_by_responsibility_and_type(start, end),
                    "recurring": recurring,
                    "recurring_more": more
                    and self.env._(
                        "%(count)s more recurring complaint(s) in the period: "
                        "the analysis workbook lists them all.",
                        count=more,
                    ),
                    "actions": Analysis._open_actions(),
                    "currency": self.env.company.currency_id,
                    "format_amount": lambda amount: self.env[
                        "ir.qweb.field.monetary"
                    ].value_to_html(
                        amount, {"display_currency": self.env.company.currency_id}
                    ),
                },
            )

    def action_print_workbook(self):
        self.ensure_one()
        wizard = self.env["printing.complaint.analysis.wizard"].create(
            {"date_from": self.date_from, "date_to": self.date_to}
        )
        return wizard.action_print_workbook()
