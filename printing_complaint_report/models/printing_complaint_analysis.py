# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.printing_complaint.models.helpdesk_ticket_stage import TIMED_STEPS
from odoo.addons.printing_complaint.models.printing_complaint_solution import (
    LIVE_STATES,
)


class PrintingComplaintAnalysis(models.AbstractModel):
    """The figures management reads for a period, computed in the database
    over the complaints the user may read. The analysis workbook, the
    dashboard and the monthly report all read them from here."""

    _name = "printing.complaint.analysis"
    _description = "Complaint analysis figures"

    # ------------------------------------------------------------------
    # Period and scope
    # ------------------------------------------------------------------
    @api.model
    def _period_domain(self, date_from, date_to):
        """Complaints received from date_from to date_to, both included."""
        start = datetime.combine(fields.Date.to_date(date_from), time.min)
        end = datetime.combine(fields.Date.to_date(date_to), time.max)
        return [
            ("is_complaint", "=", True),
            ("company_id", "in", self.env.companies.ids),
            ("feedback_type", "=", "complaint"),
            ("received_date", ">=", start),
            ("received_date", "<=", end),
        ]

    @api.model
    def _scope(self, date_from, date_to):
        """The period's complaints the user may read, as a subquery."""
        return self.env["helpdesk.ticket"]._search(
            self._period_domain(date_from, date_to)
        )

    def _labels(self, model, field):
        return dict(self.env[model]._fields[field]._description_selection(self.env))

    # ------------------------------------------------------------------
    # Counts and ratios
    # ------------------------------------------------------------------
    @api.model
    def _count_by(self, date_from, date_to, groupby):
        """[(label, count, ratio)] of the period's complaints by a field of
        the complaint, the largest first."""
        Ticket = self.env["helpdesk.ticket"]
        groups = Ticket._read_group(
            self._period_domain(date_from, date_to), [groupby], ["__count"]
        )
        total = sum(count for _key, count in groups) or 1
        field = Ticket._fields[groupby.split(":")[0]]
        labels = (
            self._labels("helpdesk.ticket", field.name)
            if field.type == "selection"
            else {}
        )
        undefined = self.env._("Not set")
        rows = []
        for key, count in groups:
            if field.type == "selection":
                label = labels.get(key, key) if key else undefined
            elif field.type == "many2one":
                label = key.display_name if key else undefined
            else:
                label = key or undefined
            rows.append((label, count, count / total))
        return sorted(rows, key=lambda row: (-row[1], str(row[0])))

    @api.model
    def _feedback_shares(self, date_from, date_to):
        """[(label, count, ratio)] of the period's praise, complaints and
        suggestions, in the order of their selection."""
        domain = [
            leaf
            for leaf in self._period_domain(date_from, date_to)
            if leaf[0] != "feedback_type"
        ]
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(
                domain, ["feedback_type"], ["__count"]
            )
        )
        total = sum(counts.values()) or 1
        labels = self._labels("helpdesk.ticket", "feedback_type")
        return [
            (label, counts.get(key, 0), counts.get(key, 0) / total)
            for key, label in labels.items()
        ]

    @api.model
    def _count_by_product(self, date_from, date_to, total=None):
        """[(product, count, ratio)]: a complaint counts once per product
        among its affected lines; total is the period's count when known."""
        scope = self._scope(date_from, date_to)
        lang = self.env.lang or "en_US"
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT COALESCE(pt.name->>%(lang)s, pt.name->>'en_US'),
                       COUNT(DISTINCT r.helpdesk_ticket_id)
                  FROM helpdesk_ticket_sale_order_line_rel r
                  JOIN sale_order_line l ON l.id = r.sale_order_line_id
                  JOIN product_product pp ON pp.id = l.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                 WHERE r.helpdesk_ticket_id IN %(scope)s
                 GROUP BY 1
                 ORDER BY 2 DESC, 1
                """,
                lang=lang,
                scope=scope.subselect(),
            )
        )
        rows = self.env.cr.fetchall()
        if total is None:
            total = self.env["helpdesk.ticket"].search_count(
                self._period_domain(date_from, date_to)
            )
        return [(name, count, count / (total or 1)) for name, count in rows]

    # ------------------------------------------------------------------
    # Time
    # ------------------------------------------------------------------
    @api.model
    def _step_times(self, date_from, date_to):
        """[(step label, steps done, on-time rate, average working hours)]
        of the steps completed by the period's complaints."""
        scope = self._scope(date_from, date_to)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT step, COUNT(*), COUNT(*) FILTER (WHERE NOT is_late),
                       AVG(working_hours)
                  FROM printing_complaint_stage_history
                 WHERE exit_date IS NOT NULL AND ticket_id IN %(scope)s
                 GROUP BY step
                """,
                scope=scope.subselect(),
            )
        )
        done = {step: row for step, *row in self.env.cr.fetchall()}
        labels = self._labels("printing.complaint.stage.history", "step")
        rows = []
        for step in TIMED_STEPS:
            count, on_time, hours = done.get(step, (0, 0, 0.0))
            rows.append(
                (
                    labels.get(step, step),
                    count,
                    on_time / count if count else 0.0,
                    hours or 0.0,
                )
            )
        return rows

    # ------------------------------------------------------------------
    # Satisfaction
    # ------------------------------------------------------------------
    @api.model
    def _satisfaction_by_month(self, date_from, date_to):
        """[(month, ratings, average 1-5)] of the ratings given in the
        period to complaints (bad-faith complaints left out)."""
        start = datetime.combine(fields.Date.to_date(date_from), time.min)
        end = datetime.combine(fields.Date.to_date(date_to), time.max)
        scope = self.env["helpdesk.ticket"]._search(
            [("is_complaint", "=", True), ("bad_faith", "=", False)]
        )
        groups = (
            self.env["rating.rating"]
            .sudo()
            ._read_group(
                [
                    ("res_model", "=", "helpdesk.ticket"),
                    ("res_id", "in", scope),
                    ("consumed", "=", True),
                    ("rating", ">=", 1),
                    ("write_date", ">=", start),
                    ("write_date", "<=", end),
                ],
                ["write_date:month"],
                ["__count", "rating:avg"],
            )
        )
        return [(month, count, average) for month, count, average in groups]

    # ------------------------------------------------------------------
    # Cost
    # ------------------------------------------------------------------
    @api.model
    def _cost_by_responsibility_and_type(self, date_from, date_to):
        """[(responsibility, solution type, solutions, cost, amount)]."""
        scope = self._scope(date_from, date_to)
        solutions = self.env["printing.complaint.solution"]._search(
            [("state", "in", LIVE_STATES)]
        )
        lang = self.env.lang or "en_US"
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT COALESCE(resp.name->>%(lang)s, resp.name->>'en_US'),
                       COALESCE(stype.name->>%(lang)s, stype.name->>'en_US'),
                       COUNT(*), SUM(s.cost), SUM(s.amount)
                  FROM printing_complaint_solution s
                  JOIN helpdesk_ticket t ON t.id = s.ticket_id
                  JOIN printing_complaint_solution_type stype ON stype.id = s.type_id
                  LEFT JOIN printing_complaint_responsibility resp
                         ON resp.id = t.responsibility_id
                 WHERE s.id IN %(solutions)s AND t.id IN %(scope)s
                 GROUP BY 1, 2
                 ORDER BY 4 DESC, 1, 2
                """,
                lang=lang,
                solutions=solutions.subselect(),
                scope=scope.subselect(),
            )
        )
        undefined = self.env._("Not set")
        return [
            (name or undefined, solution_type, count, cost or 0.0, amount or 0.0)
            for name, solution_type, count, cost, amount in self.env.cr.fetchall()
        ]

    # ------------------------------------------------------------------
    # Pareto, recurrence, actions
    # ------------------------------------------------------------------
    @api.model
    def _pareto_of_categories(self, date_from, date_to, counts=None):
        """[(category, count, share, cumulative share)], the largest first;
        counts are the period's counts by category when known."""
        rows = counts or self._count_by(date_from, date_to, "category_id")
        cumulative = 0.0
        pareto = []
        for label, count, share in rows:
            cumulative += share
            pareto.append((label, count, share, min(cumulative, 1.0)))
        return pareto

    @api.model
    def _recurring_domain(self, date_from, date_to):
        return self._period_domain(date_from, date_to) + [
            ("is_repeat_cause", "=", True)
        ]

    @api.model
    def _recurring(self, date_from, date_to, limit=None):
        """The period's complaints that repeat an earlier root cause; with a
        limit, the latest that many, the latest first."""
        return self.env["helpdesk.ticket"].search(
            self._recurring_domain(date_from, date_to),
            order="received_date desc, id desc" if limit else "received_date",
            limit=limit,
        )

    @api.model
    def _recurring_count(self, date_from, date_to):
        return self.env["helpdesk.ticket"].search_count(
            self._recurring_domain(date_from, date_to)
        )

    @api.model
    def _open_actions(self, limit=None):
        """The actions of complaints not finished yet, the overdue first."""
        return self.env["mgmtsystem.action"].search(
            [("complaint_ids", "!=", False), ("stage_id.is_ending", "=", False)],
            order="date_deadline, id",
            limit=limit,
        )

    @api.model
    def _summary(self, date_from, date_to):
        """Headline figures of the period, in one query."""
        scope = self._scope(date_from, date_to)
        self.env.flush_all()
        self.env.cr.execute(
            scope.select(
                SQL("COUNT(*)"),
                SQL("COUNT(*) FILTER (WHERE complaint_step = 'closed')"),
                SQL("COUNT(*) FILTER (WHERE validity = 'valid')"),
                SQL("COALESCE(SUM(solution_cost_total), 0)"),
                # A bad-faith complaint's rating says nothing of the handling.
                SQL(
                    "COALESCE(AVG(rating_last_value)"
                    " FILTER (WHERE rating_last_value >= 1"
                    " AND bad_faith IS NOT TRUE), 0)"
                ),
                SQL(
                    "COUNT(*) FILTER (WHERE rating_last_value >= 1"
                    " AND bad_faith IS NOT TRUE)"
                ),
            )
        )
        count, closed, valid, cost, satisfaction, rated = self.env.cr.fetchone()
        return {
            "count": count,
            "closed": closed,
            "valid": valid,
            "cost": float(cost),
            "satisfaction": float(satisfaction),
            # How many rated: without a rating there is no average to show.
            "rated": rated,
        }
