# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL, format_amount

from odoo.addons.printing_complaint.models.helpdesk_ticket_stage import TIMED_STEPS
from odoo.addons.printing_complaint.models.printing_complaint_solution import (
    LIVE_STATES,
)

# The recurring issues the dashboard lists (the latest); the workbook has all.
RECURRING_LIMIT = 20
# The open actions the dashboard lists (the most urgent).
ACTIONS_LIMIT = 20
MANAGER_GROUP = "printing_complaint.group_complaint_manager"


class PrintingComplaintDashboard(models.AbstractModel):
    """The complaint manager's dashboard (the client action
    printing_complaint_report.dashboard): the figures of the analysis
    workbook for a period, each with the domain of the complaints behind
    it, read in a fixed number of queries whatever the number of
    complaints."""

    _name = "printing.complaint.dashboard"
    _description = "Complaint dashboard"

    # ------------------------------------------------------------------
    # Entry points (called by the client action)
    # ------------------------------------------------------------------
    @api.model
    def _check_manager(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._("Only the complaint managers see the dashboard.")
            )

    @api.model
    def _period(self, date_from=None, date_to=None):
        today = fields.Date.context_today(self)
        end = fields.Date.to_date(date_to) if date_to else today
        start = (
            fields.Date.to_date(date_from)
            if date_from
            else end - relativedelta(months=12)
        )
        return start, end

    @api.model
    def get_dashboard_data(self, date_from=None, date_to=None):
        """Every figure of the dashboard for the period (the last 12 months
        by default). Each figure carries `domain`, the complaints (or the
        records) it counts, for the drill-down."""
        self._check_manager()
        start, end = self._period(date_from, date_to)
        if start > end:
            start, end = end, start
        Analysis = self.env["printing.complaint.analysis"]
        period = Analysis._period_domain(start, end)
        summary = Analysis._summary(start, end)
        return {
            "date_from": fields.Date.to_string(start),
            "date_to": fields.Date.to_string(end),
            "complaints_action": self._complaints_action(),
            "summary": self._summary_figures(summary, period),
            "by_category": self._groups(period, "category_id"),
            "by_responsibility": self._groups(period, "responsibility_id"),
            "by_severity": self._groups(period, "severity"),
            "steps": self._steps(start, end, period),
            "satisfaction": self._satisfaction(start, end, period),
            "costs": self._costs(start, end, period),
            **self._recurring(start, end),
            "actions": self._actions(),
            "rate": self._rate(end),
            "feedback": self._feedback(start, end),
            "faults": self._faults(start, end),
        }

    @api.model
    def action_print_workbook(self, date_from=None, date_to=None):
        self._check_manager()
        start, end = self._period(date_from, date_to)
        wizard = self.env["printing.complaint.analysis.wizard"].create(
            {"date_from": start, "date_to": end}
        )
        return wizard.action_print_workbook()

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------
    @api.model
    def _complaints_action(self):
        """The window the drill-downs open: the complaints' list and form;
        the client sets the name and the domain of each figure."""
        ref = self.env.ref
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "views": [
                [
                    ref("printing_complaint.helpdesk_ticket_view_list_complaint").id,
                    "list",
                ],
                [
                    ref("printing_complaint.helpdesk_ticket_view_form_complaint").id,
                    "form",
                ],
            ],
            "search_view_id": [
                ref("printing_complaint.helpdesk_ticket_view_search_complaint").id
            ],
            "context": {"create": False},
            "target": "current",
        }

    @api.model
    def _summary_figures(self, summary, period):
        currency = self.env.company.currency_id
        rated = summary["rated"]
        return [
            {
                "key": "count",
                "label": self.env._("Complaints"),
                "value": str(summary["count"]),
                "domain": period,
            },
            {
                "key": "valid",
                "label": self.env._("Valid"),
                "value": str(summary["valid"]),
                "domain": period + [("validity", "=", "valid")],
            },
            {
                "key": "closed",
                "label": self.env._("Closed"),
                "value": str(summary["closed"]),
                "domain": period + [("complaint_step", "=", "closed")],
            },
            {
                "key": "cost",
                "label": self.env._("Solution cost"),
                "value": format_amount(self.env, summary["cost"], currency),
                "domain": period + [("solution_cost_total", ">", 0)],
            },
            {
                "key": "satisfaction",
                "label": self.env._("Average satisfaction (1-5)"),
                # Nobody rated: no average, not a 0.0 that reads as a verdict.
                "value": f"{summary['satisfaction']:.1f}" if rated else "—",
                "note": (
                    self.env._("%(count)s rating(s)", count=rated)
                    if rated
                    else self.env._("No rating yet")
                ),
                "domain": period
                + [("rating_last_value", ">=", 1), ("bad_faith", "=", False)],
            },
        ]

    @api.model
    def _rate(self, end):
        """The complaint rate of the month of the period's end (to that
        day) against the company's target (one query)."""
        Analysis = self.env["printing.complaint.analysis"]
        month_start = end.replace(day=1)
        _label, complaints, orders, _qty, rate, _per_units = Analysis._complaint_rate(
            month_start, end
        )
        target = Analysis._rate_target()
        return {
            "month": month_start.strftime("%Y-%m"),
            "value": Analysis._percent_text(rate),
            "target": Analysis._percent_text(target),
            "above_target": rate is not None and rate > target,
            "note": self.env._(
                "%(complaints)s complaint(s) / %(orders)s delivered order(s)",
                complaints=complaints,
                orders=orders,
            ),
            "domain": Analysis._period_domain(month_start, end),
        }

    @api.model
    def _feedback(self, start, end):
        """[{label, count, share}] of the period's praise, complaints and
        suggestions (one query)."""
        return [
            {"label": label, "count": count, "share": share}
            for label, count, share in self.env[
                "printing.complaint.analysis"
            ]._feedback_shares(start, end)
        ]

    @api.model
    def _faults(self, start, end):
        """Count and cost per department and per person at fault, for the
        managers and the director only (False for anyone else)."""
        Analysis = self.env["printing.complaint.analysis"]
        if not Analysis._may_read_fault_figures():
            return False
        currency = self.env.company.currency_id

        def rows(figures):
            return [
                {
                    "label": label,
                    "count": count,
                    "cost": format_amount(self.env, cost, currency),
                }
                for label, count, cost in figures
            ]

        return {
            "departments": rows(Analysis._fault_by_department(start, end)),
            "people": rows(Analysis._fault_by_person(start, end)),
        }

    @api.model
    def _groups(self, period, groupby):
        """[{label, count, share, cumulative, domain}] of the period's
        complaints by a field, the largest first (one query)."""
        Ticket = self.env["helpdesk.ticket"]
        field = Ticket._fields[groupby]
        groups = Ticket._read_group(period, [groupby], ["__count"])
        total = sum(count for _key, count in groups) or 1
        labels = (
            dict(field._description_selection(self.env))
            if field.type == "selection"
            else {}
        )
        undefined = self.env._("Not set")
        rows = []
        for key, count in groups:
            if field.type == "many2one":
                label, value = (key.display_name, key.id) if key else (undefined, False)
            else:
                label, value = labels.get(key, key) if key else undefined, key or False
            rows.append(
                {
                    "label": label,
                    "count": count,
                    "share": count / total,
                    "domain": period + [(groupby, "=", value)],
                }
            )
        rows.sort(key=lambda row: (-row["count"], str(row["label"])))
        cumulative = 0.0
        for row in rows:
            cumulative += row["share"]
            row["cumulative"] = min(cumulative, 1.0)
        return rows

    @api.model
    def _steps(self, start, end, period):
        """[{label, done, on_time, hours, domain}] of the steps completed by
        the period's complaints, in the procedure's order (one query)."""
        rows = self.env["printing.complaint.analysis"]._step_times(start, end)
        return [
            {
                "step": step,
                "label": label,
                "done": done,
                "on_time": on_time if done else None,
                "hours": round(hours, 1) if done else None,
                "domain": period
                + [
                    (
                        "stage_history_ids",
                        "any",
                        [("step", "=", step), ("exit_date", "!=", False)],
                    )
                ],
            }
            for step, (label, done, on_time, hours) in zip(
                TIMED_STEPS, rows, strict=True
            )
        ]

    @api.model
    def _satisfaction(self, start, end, period):
        """[{label, count, average, domain}]: the ratings given each month
        of the period (one query)."""
        period_start = datetime.combine(start, time.min)
        period_end = datetime.combine(end + relativedelta(days=1), time.min)
        rows = []
        for month, count, average in self.env[
            "printing.complaint.analysis"
        ]._satisfaction_by_month(start, end):
            month_start = datetime.combine(month, time.min)
            month_end = month_start + relativedelta(months=1)
            rated = [
                ("consumed", "=", True),
                ("rating", ">=", 1),
                ("write_date", ">=", max(month_start, period_start)),
                ("write_date", "<", min(month_end, period_end)),
            ]
            rows.append(
                {
                    "label": month.strftime("%Y-%m"),
                    "count": count,
                    "average": round(average, 1),
                    "domain": [
                        ("is_complaint", "=", True),
                        ("bad_faith", "=", False),
                        ("rating_ids", "any", rated),
                    ],
                }
            )
        return rows

    @api.model
    def _costs(self, start, end, period):
        """[{responsibility, type, count, cost, domain}] of the live
        solutions of the period's complaints (one query)."""
        Analysis = self.env["printing.complaint.analysis"]
        scope = Analysis._scope(start, end)
        solutions = self.env["printing.complaint.solution"]._search(
            [("state", "in", LIVE_STATES)]
        )
        lang = self.env.lang or "en_US"
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT resp.id,
                       COALESCE(resp.name->>%(lang)s, resp.name->>'en_US'),
                       stype.id,
                       COALESCE(stype.name->>%(lang)s, stype.name->>'en_US'),
                       COUNT(*), SUM(s.cost)
                  FROM printing_complaint_solution s
                  JOIN helpdesk_ticket t ON t.id = s.ticket_id
                  JOIN printing_complaint_solution_type stype ON stype.id = s.type_id
                  LEFT JOIN printing_complaint_responsibility resp
                         ON resp.id = t.responsibility_id
                 WHERE s.id IN %(solutions)s AND t.id IN %(scope)s
                 GROUP BY 1, 2, 3, 4
                 ORDER BY 6 DESC NULLS LAST, 2, 4
                """,
                lang=lang,
                solutions=solutions.subselect(),
                scope=scope.subselect(),
            )
        )
        currency = self.env.company.currency_id
        undefined = self.env._("Not set")
        return [
            {
                "responsibility": name or undefined,
                "type": type_name,
                "count": count,
                "cost": format_amount(self.env, cost or 0.0, currency),
                "domain": period
                + [
                    ("responsibility_id", "=", resp_id or False),
                    (
                        "solution_ids",
                        "any",
                        [("type_id", "=", type_id), ("state", "in", LIVE_STATES)],
                    ),
                ],
            }
            for resp_id, name, type_id, type_name, count, cost in self.env.cr.fetchall()
        ]

    @api.model
    def _recurring(self, start, end):
        """The latest recurring issues (RECURRING_LIMIT), and a line saying
        how many more the period has."""
        Analysis = self.env["printing.complaint.analysis"]
        recurring = Analysis._recurring(start, end, limit=RECURRING_LIMIT)
        more = (
            Analysis._recurring_count(start, end) - len(recurring)
            if len(recurring) == RECURRING_LIMIT
            else 0
        )
        return {
            "recurring": [
                {
                    "id": complaint.id,
                    "number": complaint.number,
                    "customer": complaint.commercial_partner_id.name or "",
                    "category": complaint.category_id.name or "",
                    "recurrence_of": complaint.recurrence_of_id.number or "",
                    "domain": [("id", "=", complaint.id)],
                }
                for complaint in recurring
            ],
            "recurring_more": more
            and self.env._(
                "%(count)s more recurring complaint(s) in the period: "
                "the analysis workbook lists them all.",
                count=more,
            ),
            "recurring_domain": Analysis._recurring_domain(start, end),
        }

    @api.model
    def _actions(self):
        """The most urgent open actions of the complaints, the overdue first."""
        actions = self.env["printing.complaint.analysis"]._open_actions(
            limit=ACTIONS_LIMIT
        )
        return [
            {
                "id": action.id,
                "reference": action.reference or "",
                "name": action.name or "",
                "user": action.user_id.name or "",
                "deadline": action.date_deadline
                and fields.Date.to_string(action.date_deadline),
                "overdue": action.is_overdue,
                "complaint_domain": [("id", "in", action.complaint_ids.ids)],
            }
            for action in actions
        ]
