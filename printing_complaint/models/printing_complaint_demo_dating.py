# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo's clock moved back (_age): the steps of a played complaint take
realistic working hours, a few of them late, and what was done in each
step is dated inside it (see DemoClock in printing_complaint_demo.py)."""

import logging
from datetime import datetime, time, timedelta

import pytz

from odoo import fields, models
from odoo.tools import SQL

from .printing_complaint_demo import DATED

_logger = logging.getLogger(__name__)

# A demo order is placed this many days before its first complaint.
ORDER_LEAD_DAYS = 10
# The customer orders are invoiced the day after their order (the products'
# invoice policy is "on order").
INVOICE_LAG_DAYS = 1


class PrintingComplaintDemo(models.AbstractModel):
    _inherit = "printing.complaint.demo"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # The clock moved back
    # ------------------------------------------------------------------
    def _age(self, clock, ticket, days_ago, hours):
        """Date the complaint's steps: it was received days_ago days ago
        (09:10 in the company's time zone) and spent hours[i] working hours
        in its i-th step (stage history line); the open step runs from the
        last exit until now. Deadlines, working hours and lateness are
        computed as the procedure computes them, and every record made in a
        step (messages, reviews, decisions, inspections, actions) is dated
        inside it."""
        ticket = ticket.sudo()
        company = ticket.company_id
        calendar = company.resource_calendar_id
        limits = self.env["printing.complaint.time.limit"]._limits_by_key(company)
        lines = ticket.stage_history_ids.sorted("id")
        now = fields.Datetime.now()
        tz = pytz.timezone(calendar.tz or "UTC")
        for attempt in range(60):
            day = fields.Date.today() - timedelta(days=days_ago + attempt)
            start = (
                tz.localize(datetime.combine(day, time(9, 10)))
                .astimezone(pytz.utc)
                .replace(tzinfo=None)
            )
            if not hours:
                start = now - timedelta(minutes=25)
            elif not calendar.get_work_hours_count(start, start + timedelta(hours=1)):
                continue  # received on a working day
            windows = []
            moment = start
            for line, spent in zip(lines, hours, strict=False):
                end = calendar.plan_hours(spent, moment, compute_leaves=True)
                windows.append((line, moment, end))
                moment = end
            if moment < now - timedelta(minutes=30):
                break
        for line in lines[len(hours) :]:
            windows.append((line, moment, None))
        for line, entry, exit_ in windows:
            clock_severity = "major" if ticket.is_safety else line.severity
            limit = limits.get((company.id, line.step, clock_severity))
            deadline = (
                calendar.plan_hours(limit, entry, compute_leaves=True)
                if limit and line.step != "closed"
                else None
            )
            values = {
                "entry_date": entry,
                "exit_date": exit_,
                "deadline": deadline,
                "working_hours": round(calendar.get_work_hours_count(entry, exit_), 2)
                if exit_
                else 0.0,
                "is_late": bool(deadline and exit_ and exit_ > deadline),
            }
            self.env.cr.execute(
                SQL(
                    "UPDATE printing_complaint_stage_history SET entry_date = %s,"
                    " exit_date = %s, deadline = %s, working_hours = %s,"
                    " is_late = %s WHERE id = %s",
                    values["entry_date"],
                    values["exit_date"],
                    values["deadline"],
                    values["working_hours"],
                    values["is_late"],
                    line.id,
                )
            )
        self._date_records(clock, ticket, windows, now)
        last_entry, last_line = windows[-1][1], windows[-1][0]
        self.env.invalidate_all()
        ticket = ticket.browse(ticket.id).sudo()
        last_line = last_line.browse(last_line.id)
        first_exit = windows[0][2] or now
        vals = {
            "received_date": start,
            "acknowledged_date": min(start + timedelta(minutes=12), first_exit),
            "step_entry_date": last_entry,
            "step_deadline": last_line.deadline,
            "last_progress_date": min(last_entry + timedelta(minutes=30), now),
        }
        if ticket.date_found:
            # found the day before it was received (not the day of the demo)
            vals["date_found"] = (start - timedelta(days=1)).date()
        if ticket.complaint_step == "closed":
            vals["closed_date"] = last_entry
        if ticket.closure_confirmed:
            closure = [w for w in windows if w[0].step == "closure"][-1]
            vals["closure_confirmed_date"] = (
                closure[1] + ((closure[2] or now) - closure[1]) / 2
            )
        ticket.with_context(tracking_disable=True).write(vals)
        self.env.cr.execute(
            SQL(
                "UPDATE helpdesk_ticket SET create_date = %s WHERE id = %s",
                start,
                ticket.id,
            )
        )
        # The open step's activity is due at the step's deadline.
        if ticket.step_deadline:
            ticket.activity_ids.filtered(
                lambda a: a.activity_type_id.res_model in (False, "helpdesk.ticket")
                and a.date_deadline >= fields.Date.today()
                and a.date_deadline > ticket.step_deadline.date()
            ).write({"date_deadline": ticket.step_deadline.date()})
        self._date_solutions(ticket, windows, now)
        self.env.invalidate_all()

    @staticmethod
    def _moment_inside(calendar, entry, end, hours, share):
        """The moment share (0 to 1) of the way through a step, counted in
        working hours (in wall-clock time for a step of none)."""
        if hours <= 0:
            return entry + (end - entry) * share
        moment = calendar.plan_hours(hours * share, entry, compute_leaves=True)
        return min(max(moment, entry), end)

    def _date_records(self, clock, ticket, windows, now):
        """Spread the records made in each step inside its window."""
        calendar = ticket.company_id.resource_calendar_id
        bounds = [clock.first[ticket.id], *clock.marks[ticket.id]]
        if len(bounds) != len(windows):
            _logger.warning(
                "Demo complaint %s: %s marks for %s steps.",
                ticket.number,
                len(bounds),
                len(windows),
            )
        for model, field in DATED.items():
            records = self._ticket_records(model, ticket)
            for index, (_line, entry, exit_) in enumerate(windows):
                low = bounds[index][model] if index < len(bounds) else 2**31
                high = bounds[index + 1][model] if index + 1 < len(bounds) else 2**31
                inside = records.filtered(lambda r, lo=low, hi=high: lo < r.id <= hi)
                if not inside:
                    continue
                end = exit_ or now
                hours = calendar.get_work_hours_count(entry, end)
                if not exit_:
                    # The open step: what was done in it, done on entering.
                    hours = min(hours, 0.5 * len(inside))
                for rank, record in enumerate(inside.sorted("id"), start=1):
                    if field == "reviewed_date" and not record[field]:
                        continue
                    moment = self._moment_inside(
                        calendar, entry, end, hours, rank / (len(inside) + 1)
                    )
                    if model == "printing.complaint.decision":
                        # The customer's answer is what moved it on.
                        moment = entry
                    self.env.cr.execute(
                        SQL(
                            "UPDATE %s SET %s = %s WHERE id = %s",
                            SQL.identifier(record._table),
                            SQL.identifier(field),
                            moment,
                            record.id,
                        )
                    )

    def _ticket_records(self, model, ticket):
        Model = self.env[model].sudo()
        if model == "mail.message":
            return Model.search(
                [("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
            )
        if model == "tier.review":
            return Model.with_context(active_test=False).search(
                [
                    ("model", "=", "printing.complaint.solution"),
                    (
                        "res_id",
                        "in",
                        ticket.with_context(active_test=False).solution_ids.ids,
                    ),
                ]
            )
        if model == "mgmtsystem.action":
            return ticket.capa_action_ids
        return Model.search([("ticket_id", "=", ticket.id)])

    def _date_solutions(self, ticket, windows, now):
        """A solution is done in the last execution step; an action is due
        ten days after it was filed, closed before the complaint closed, and
        its effectiveness verified 90 days after."""
        executions = [w for w in windows if w[0].step == "execution"]
        if executions:
            _line, entry, exit_ = executions[-1]
            done = entry + ((exit_ or now) - entry) * 0.6
            for solution in ticket.solution_ids.filtered("done_date"):
                self.env.cr.execute(
                    SQL(
                        "UPDATE printing_complaint_solution SET done_date = %s"
                        " WHERE id = %s",
                        done,
                        solution.id,
                    )
                )
        if executions:
            self._date_documents(ticket, executions[0][1])
        closed_at = ticket.closed_date or now
        for action in ticket.capa_action_ids:
            self.env.invalidate_all()
            action = action.browse(action.id).sudo()
            created = action.create_date
            vals = {"date_deadline": (created + timedelta(days=10)).date()}
            if action.date_closed:
                closed = min(created + (closed_at - created) * 0.8, now)
                vals["date_closed"] = closed
                if action.verification_date:
                    vals["verification_date"] = (closed + timedelta(days=90)).date()
            self.env.cr.execute(
                SQL(
                    "UPDATE mgmtsystem_action SET %s WHERE id = %s",
                    SQL(", ").join(
                        SQL("%s = %s", SQL.identifier(name), value)
                        for name, value in vals.items()
                    ),
                    action.id,
                )
            )
        for rating in ticket.rating_ids:
            self.env.cr.execute(
                SQL(
                    "UPDATE rating_rating SET create_date = %s, write_date = %s"
                    " WHERE id = %s",
                    min(closed_at + timedelta(hours=2), now),
                    min(closed_at + timedelta(hours=2), now),
                    rating.id,
                )
            )

    def _date_customer_orders(self, tickets):
        """Date each customer order complained about ORDER_LEAD_DAYS before
        its first complaint: confirming an order dates it at the moment of
        confirmation (sale's _prepare_confirmation_values), which in the
        demo is the install, after the complaints the clock moved back."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                UPDATE sale_order o
                   SET date_order = first.received - %(lead)s,
                       create_date = first.received - %(lead)s
                  FROM (SELECT sale_order_id, min(received_date) AS received
                          FROM helpdesk_ticket WHERE id = ANY(%(ids)s)
                         GROUP BY sale_order_id) first
                 WHERE o.id = first.sale_order_id
                   AND o.complaint_solution_id IS NULL
                """,
                lead=timedelta(days=ORDER_LEAD_DAYS),
                ids=[ticket.id for ticket in tickets],
            )
        )
        self._date_customer_invoices(tickets)

    def _date_customer_invoices(self, tickets):
        """Date the invoices of the orders complained about INVOICE_LAG_DAYS
        after their order, within the year of their number (INV/2026/...),
        with their due date as far after as the payment terms put it."""
        self.env.cr.execute(
            SQL(
                """
                WITH invoiced AS (
                    SELECT move.id,
                           GREATEST(min(o.date_order)::date + %(lag)s,
                                    date_trunc('year', move.date)::date) AS day
                      FROM account_move move
                      JOIN account_move_line line ON line.move_id = move.id
                      JOIN sale_order_line_invoice_rel rel
                        ON rel.invoice_line_id = line.id
                      JOIN sale_order_line sol ON sol.id = rel.order_line_id
                      JOIN sale_order o ON o.id = sol.order_id
                      JOIN helpdesk_ticket t ON t.sale_order_id = o.id
                     WHERE move.move_type = 'out_invoice'
                       AND t.id = ANY(%(ids)s)
                       AND o.complaint_solution_id IS NULL
                     GROUP BY move.id
                ), dated AS (
                    UPDATE account_move m
                       SET date = invoiced.day,
                           invoice_date = invoiced.day,
                           invoice_date_due = invoiced.day
                               + (m.invoice_date_due - m.invoice_date)
                      FROM invoiced
                     WHERE m.id = invoiced.id
                 RETURNING m.id, m.date, m.invoice_date_due
                )
                UPDATE account_move_line l
                   SET date = dated.date,
                       date_maturity = CASE WHEN l.date_maturity IS NOT NULL
                                            THEN dated.invoice_date_due END
                  FROM dated
                 WHERE l.move_id = dated.id
                """,
                lag=INVOICE_LAG_DAYS,
                ids=[ticket.id for ticket in tickets],
            )
        )
        self.env.invalidate_all()

    def _date_documents(self, ticket, accepted):
        """The reprint orders and credit notes date from the customer's
        acceptance (the day execution started); a credit note stays in the
        year its number was given in."""
        solutions = ticket.with_context(active_test=False).solution_ids
        for order in solutions.reprint_order_id:
            self.env.cr.execute(
                SQL(
                    "UPDATE sale_order SET date_order = %s, create_date = %s"
                    " WHERE id = %s",
                    accepted,
                    accepted,
                    order.id,
                )
            )
        for move in solutions.credit_note_ids:
            self._date_credit_note(move, accepted.date())

    def _date_credit_note(self, move, day):
        """Date the credit note move on day, due the same day; never before
        the year of its number (RINV/2026/...)."""
        day = max(day, move.date.replace(month=1, day=1))
        self.env.cr.execute(
            SQL(
                "UPDATE account_move SET date = %(day)s, invoice_date = %(day)s,"
                " invoice_date_due = %(day)s WHERE id = %(id)s;"
                " UPDATE account_move_line SET date = %(day)s,"
                " date_maturity = CASE WHEN date_maturity IS NOT NULL"
                " THEN %(day)s END WHERE move_id = %(id)s",
                day=day,
                id=move.id,
            )
        )
