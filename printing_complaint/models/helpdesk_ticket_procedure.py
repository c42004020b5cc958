# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaint procedure on helpdesk.ticket: the moves between steps,
the step clock (deadline in working hours, stage history, who acts next).
What each step needs before a complaint leaves it is in
helpdesk_ticket_gates.py; the escalation of overdue steps is in
helpdesk_ticket_escalation.py."""

import uuid
from datetime import datetime, time

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError

from .helpdesk_ticket_stage import ALLOWED_MOVES, COMPLAINT_STEPS, FEEDBACK_MOVES

# Set by the procedure itself (as superuser, after its checks), never
# through a user's write: the step's clock, the closure (confirmed only by
# action_confirm_closure, at the closure step) and the reopenings.
PROCEDURE_FIELDS = {
    "step_entry_date",
    "step_deadline",
    "closure_confirmed",
    "closure_channel_id",
    "closure_confirmed_date",
    "closure_confirmation_sent_date",
    "reopen_count",
    "last_progress_date",
    # The judgements of helpdesk_ticket_handling.py, each with its reason.
    "evidence_waived",
    "evidence_waiver_reason",
    "bad_faith",
    "bad_faith_reason",
    # The answers promised at reception (helpdesk_ticket_customer_messages.py).
    "verification_due",
    "proposal_due",
    # The team's targets (helpdesk_ticket_team_target.py).
    "target_answer_deadline",
    "target_answer_date",
    "target_result_deadline",
    "target_result_date",
    "target_escalated",
    # The 8D's review by the quality manager and its sending
    # (helpdesk_ticket_eight_d_review.py).
    "eight_d_reviewed_by_id",
    "eight_d_reviewed_date",
    "eight_d_sent_date",
}
# Who acts next when a complaint enters a step (see _complaint_step_user).
STEP_ACTIVITY_TYPES = {
    "registered": "printing_complaint.activity_complaint_register",
    "verification": "printing_complaint.activity_complaint_verify",
    "solution": "printing_complaint.activity_complaint_solution",
    "confirmation": "printing_complaint.activity_complaint_confirm",
    "execution": "printing_complaint.activity_complaint_execute",
    "closure": "printing_complaint.activity_complaint_close",
}
# The solutions whose deadlines make the deadline of execution.
EXECUTED_STATES = ("accepted", "in_execution", "done")
# What the crons read of the complaints they remind or escalate.
CRON_FIELDS = [
    "number",
    "name",
    "is_complaint",
    "user_id",
    "team_id",
    "company_id",
    "stage_id",
]


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    step_entry_date = fields.Datetime(
        readonly=True, copy=False, groups="base.group_user"
    )
    step_deadline = fields.Datetime(
        string="Step deadline", readonly=True, copy=False, index=True
    )
    stage_history_ids = fields.One2many(
        "printing.complaint.stage.history",
        "ticket_id",
        readonly=True,
        groups="base.group_user",
    )

    def action_view_stage_history(self):
        """The complaint's stage history: the History tab's list, loaded when
        the tab is opened (the complaint_section_list widget)."""
        return self._complaint_section_action(
            self.env._("Stage history of %s", self.display_name),
            "printing.complaint.stage.history",
            "printing_complaint.printing_complaint_stage_history_view_list",
            [("ticket_id", "=", self.id)],
        )

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        """The complaint kanban shows the complaint steps only."""
        team = self.env["helpdesk.ticket.team"].browse(
            self.env.context.get("default_team_id")
        )
        if team.exists().is_complaint_team:
            return team._get_applicable_stages()
        return super()._read_group_stage_ids(stages, domain)

    # ------------------------------------------------------------------
    # Moves: every stage change, whoever writes it, passes the gates
    # ------------------------------------------------------------------
    def write(self, vals):
        if not self.env.su and PROCEDURE_FIELDS & set(vals):
            raise AccessError(
                self.env._(
                    "The step dates, the customer's closure confirmation and the "
                    "reopenings are set by the complaint procedure, not by hand."
                )
            )
        if "stage_id" not in vals and "team_id" not in vals:
            return super().write(vals)
        if vals.get("team_id") is not None:
            self._check_stays_in_complaint_team(vals["team_id"])
        previous = {ticket.id: ticket.complaint_step for ticket in self}
        result = super().write(vals)
        self._complaint_check_stages()
        # Every change of step is checked, from any source to any target
        # (also into the procedure, from a plain ticket's stage).
        moved = self.filtered(
            lambda t: t.is_complaint and previous[t.id] != t.complaint_step
        )
        if moved:
            moved._complaint_check_moves(previous)
            now = fields.Datetime.now()
            moved._complaint_leave_step(now)
            moved._complaint_enter_step(now)
            moved.filtered(
                lambda t: t.complaint_step == "closed"
            )._complaint_renew_access_token()
        return result

    def _check_stays_in_complaint_team(self, team_id):
        """Moving a complaint to another kind of team would take it out of
        the procedure (its stage is recomputed) without passing any gate."""
        team = self.env["helpdesk.ticket.team"].browse(team_id)
        if not team.is_complaint_team and any(self.mapped("is_complaint")):
            raise ValidationError(
                self.env._("A complaint can only move to another complaint team.")
            )

    def _complaint_check_stages(self):
        """A complaint is always in one of its team's complaint stages: a
        stage outside them (helpdesk_mgmt's "Done", another team's) would
        let it skip steps, or reopen it, with no gate. A plain ticket never
        takes a complaint stage."""
        for team, tickets in self.grouped("team_id").items():
            complaints = tickets.filtered("is_complaint")
            allowed = (
                team._get_applicable_stages().filtered("complaint_step")
                if complaints
                else self.env["helpdesk.ticket.stage"]
            )
            for ticket in tickets:
                if ticket.is_complaint and ticket.stage_id not in allowed:
                    raise ValidationError(
                        self.env._(
                            "%(number)s is a complaint: it can only be in a step "
                            "of its team %(team)s, not in “%(stage)s”.",
                            number=ticket.number,
                            team=team.name,
                            stage=ticket.stage_id.name or "-",
                        )
                    )
                if not ticket.is_complaint and ticket.complaint_step:
                    raise ValidationError(
                        self.env._(
                            "%(number)s is not a complaint: it cannot be in the "
                            "complaint step “%(stage)s”.",
                            number=ticket.number,
                            stage=ticket.stage_id.name,
                        )
                    )

    def _complaint_renew_access_token(self):
        """A closed complaint's emailed links (acknowledgement, offer) expire:
        its access token is renewed. The customer still sees it when logged
        in, and the rating link has its own token."""
        for ticket in self.sudo():
            ticket.access_token = str(uuid.uuid4())

    def _complaint_check_moves(self, previous):
        """Refuse any move the process does not allow, or whose step is not
        complete. Runs after the write, so that facts written together with
        the stage count; the error rolls the whole write back."""
        steps = dict(self._fields["complaint_step"]._description_selection(self.env))
        for ticket in self:
            source, target = previous[ticket.id], ticket.complaint_step
            moves = (
                ALLOWED_MOVES if ticket.feedback_type == "complaint" else FEEDBACK_MOVES
            )
            if not source and target != "registered":
                raise ValidationError(
                    self.env._(
                        "%(number)s enters the complaint procedure at "
                        "registration, not at “%(to_step)s”.",
                        number=ticket.number,
                        to_step=steps[target],
                    )
                )
            if source and target not in moves.get(source, ()):
                raise ValidationError(
                    self.env._(
                        "%(number)s cannot move from “%(from_step)s” to “%(to_step)s”.",
                        number=ticket.number,
                        from_step=steps[source],
                        to_step=steps[target],
                    )
                )
            missing = ticket._complaint_gate_errors(source, target) if source else []
            if missing:
                raise ValidationError(
                    self.env._(
                        "%(number)s cannot leave “%(from_step)s” yet:\n- %(missing)s",
                        number=ticket.number,
                        from_step=steps[source],
                        missing="\n- ".join(missing),
                    )
                )

    def _complaint_stage(self, step):
        """The stage of the complaint's team that stands for step."""
        self.ensure_one()
        stage = self.team_id._get_applicable_stages().filtered(
            lambda s: s.complaint_step == step
        )[:1]
        if not stage:
            raise UserError(
                self.env._(
                    "The team %(team)s has no stage for this step.",
                    team=self.team_id.name,
                )
            )
        return stage

    def _complaint_move(self, step):
        for ticket in self:
            ticket.stage_id = ticket._complaint_stage(step)

    def action_next_step(self):
        """Step button: move forward to the next step of the procedure.

        The form's button says which step it was pressed from
        (complaint_step_from in the context): a second press from the same
        step (a double click, or a request retried after a concurrent one)
        finds the complaint moved already and moves it no further."""
        from_step = self.env.context.get("complaint_step_from")
        order = [code for code, _label in COMPLAINT_STEPS]
        already = self.browse()
        for ticket in self.with_context(complaint_step_from=None):
            step = ticket.complaint_step
            if from_step and step != from_step:
                already |= ticket
                continue
            if not step or step == "closed":
                raise UserError(self.env._("This complaint has no next step."))
            target = order[order.index(step) + 1]
            if ticket.feedback_type != "complaint" or (
                step == "verification" and ticket.validity in ("not_valid", "duplicate")
            ):
                target = "closed"
            ticket._complaint_move(target)
        return already._complaint_already_moved() if already else True

    def _complaint_already_moved(self):
        """The answer to a press of "Next step" on complaints that have left
        the step it was pressed from: nothing was done."""
        steps = dict(self._fields["complaint_step"]._description_selection(self.env))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "message": self.env._(
                    "%(numbers)s already moved on (now “%(step)s”): nothing was done.",
                    numbers=", ".join(self.mapped("number")),
                    step=", ".join({steps.get(t.complaint_step, "-") for t in self}),
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _portal_close_to_stage(self, stage):
        """helpdesk_mgmt's portal route /ticket/close (see
        controllers/ticket_close.py): the user closes one of the tickets the
        portal shows them, to a closing stage it offers. A complaint closes
        through its procedure (the customer confirms the closure on its
        page), never here. Return whether the ticket moved."""
        self.ensure_one()
        try:
            self.check_access("read")
        except (AccessError, MissingError) as error:
            raise AccessError(
                self.env._("This ticket is not one of yours: you cannot close it.")
            ) from error
        ticket = self.sudo()
        if ticket.is_complaint:
            raise UserError(
                self.env._(
                    "%(number)s is a complaint: it is closed by the complaint "
                    "procedure, once you confirm its closure on its page.",
                    number=ticket.number,
                )
            )
        offered = ticket.team_id._get_applicable_stages().filtered("close_from_portal")
        if stage not in offered:
            return False  # as helpdesk_mgmt: a stage not offered moves nothing
        # A portal user has no write access: the move is written for them,
        # once checked; an employee writes with their own rights.
        (ticket if self.env.user.share else self).stage_id = stage
        return True

    # ------------------------------------------------------------------
    # Languages of the lines the process writes
    # ------------------------------------------------------------------
    def _complaint_fetch_for_crons(self):
        """Read only the fields the crons use of their complaints (the owner,
        the team, the language of the notes, the name on activities and
        digests): a ticket's whole row is some 150 columns, read for
        thousands of complaints otherwise."""
        self.fetch(CRON_FIELDS)
        return self

    def _complaint_internal_lang(self):
        """The language of the complaint's internal notes: its owner's (the
        team leader's without an owner), else the company's."""
        self.ensure_one()
        return (
            (self.user_id or self.team_id.user_id).lang
            or self.company_id.partner_id.lang
            or self.env.lang
            or "en_US"
        )

    def _complaint_customer_lang(self):
        """The language of what the customer reads: the customer's."""
        self.ensure_one()
        return self.partner_id.lang or self._complaint_internal_lang()

    def _complaint_note(self, body, customer=False, **kwargs):
        """Post body on each complaint, written in its language (the
        customer's when customer, else the internal one); body is a function
        of an environment in that language (``lambda env: env._("...")``)
        or a text. One translation per language."""
        lang_of = (
            (lambda t: t._complaint_customer_lang())
            if customer
            else (lambda t: t._complaint_internal_lang())
        )
        messages = self.env["mail.message"]
        for tickets, env in self._complaint_in_langs(lang_of):
            text = body(env) if callable(body) else body
            for ticket in tickets:
                messages |= ticket.message_post(body=text, **kwargs)
        return messages

    def _complaint_log_batch(self, body, insert=False):
        """An internal note on each complaint in its language, in one batch
        (_message_log_batch: no notification round per complaint; insert:
        with one INSERT, for a cron's batch)."""
        bodies = {}
        for tickets, env in self._complaint_in_langs(
            lambda t: t._complaint_internal_lang()
        ):
            text = body(env) if callable(body) else body
            bodies.update(dict.fromkeys(tickets.ids, text))
        if insert:
            return self._complaint_insert_notes(bodies)
        return self._message_log_batch(bodies=bodies)

    # ------------------------------------------------------------------
    # The step clock: deadline, history, who acts next
    # ------------------------------------------------------------------
    def _clock_severity(self):
        """The severity whose time limits run: a safety issue is urgent and
        runs on the major limits whatever its severity."""
        return "major" if self.is_safety else self.severity

    def _complaint_step_deadline(self, start, limits):
        """Deadline of the current step from start, in working hours;
        execution runs on its solutions' deadlines."""
        self.ensure_one()
        if self.complaint_step == "execution":
            return self._complaint_execution_deadline()
        hours = limits.get(
            (self.company_id.id, self.complaint_step, self._clock_severity())
        )
        calendar = self.company_id.resource_calendar_id
        if not hours or not calendar or self.complaint_step == "closed":
            return False
        return calendar.plan_hours(hours, start, compute_leaves=True)

    def _complaint_clock_vals(self, now, limits):
        """The clock's values of a complaint entering its step at now."""
        return {"step_deadline": self._complaint_step_deadline(now, limits)}

    def _complaint_execution_deadline(self):
        """The deadline of execution: the latest deadline of the solutions
        to carry out (the procedure's "per solution deadline"), at the end
        of that day in the company's time zone; none without a dated one."""
        self.ensure_one()
        dates = [
            solution.deadline
            for solution in self.solution_ids
            if solution.deadline and solution.state in EXECUTED_STATES
        ]
        if not dates:
            return False
        calendar = self.company_id.resource_calendar_id
        zone = pytz.timezone(calendar.tz or self.env.user.tz or "UTC")
        end_of_day = zone.localize(datetime.combine(max(dates), time(23, 59, 59)))
        return end_of_day.astimezone(pytz.utc).replace(tzinfo=None)

    def _complaint_execution_deadline_moved(self):
        """A solution's new date moves the deadline of execution (the
        complaint's and its open step line's)."""
        History = self.env["printing.complaint.stage.history"].sudo()
        for ticket in self.filtered(lambda t: t.complaint_step == "execution"):
            deadline = ticket._complaint_execution_deadline()
            ticket.sudo().write({"step_deadline": deadline})
            History.search(
                [("ticket_id", "=", ticket.id), ("exit_date", "=", False)]
            ).write({"deadline": deadline, "escalated": False})

    def _complaint_enter_step(self, now):
        limits = self.env["printing.complaint.time.limit"]._limits_by_key(
            self.company_id
        )
        # Tickets sharing company, step and severity share their deadline:
        # plan it and write it once per group (batch-friendly).
        history_vals = []
        for tickets in self.grouped(
            lambda t: (
                t.company_id.id,
                t.complaint_step,
                t._clock_severity(),
                # execution: each complaint on its own solutions' deadlines
                t.id if t.complaint_step == "execution" else 0,
            )
        ).values():
            clock = tickets[0]._complaint_clock_vals(now, limits)
            deadline = clock["step_deadline"]
            # No stage in these values: write() passes no gate again.
            tickets.sudo().write({"step_entry_date": now, **clock})
            history_vals += [
                {
                    "ticket_id": ticket.id,
                    "stage_id": ticket.stage_id.id,
                    "step": ticket.complaint_step,
                    "severity": ticket.severity,
                    "entry_date": now,
                    "deadline": deadline,
                    "user_id": self.env.uid,
                }
                for ticket in tickets
            ]
        self.env["printing.complaint.stage.history"].sudo().create(history_vals)
        self._complaint_schedule_step_activity()

    def _complaint_leave_step(self, now):
        History = self.env["printing.complaint.stage.history"].sudo()
        open_lines = History.search(
            [("ticket_id", "in", self.ids), ("exit_date", "=", False)]
        )
        for line in open_lines:
            calendar = line.ticket_id.company_id.resource_calendar_id
            hours = (
                calendar.get_work_hours_count(line.entry_date, now) if calendar else 0
            )
            line.write(
                {
                    "exit_date": now,
                    "working_hours": round(hours, 2),
                    "is_late": bool(line.deadline and now > line.deadline),
                }
            )
        # The step's open activities are done with it.
        self._complaint_activities_done(
            STEP_ACTIVITY_TYPES.values(), lambda env: env._("Step completed.")
        )

    def _complaint_step_user(self):
        """Who acts in the current step: QC verifies, the owner does the rest."""
        self.ensure_one()
        step = self.complaint_step
        if step == "solution" and self.responsible_user_id:
            return self.responsible_user_id
        if step in ("verification", "solution"):
            return (
                self.company_id.complaint_qc_user_id
                or self.team_id.user_id
                or self.user_id
            )
        return self.user_id or self.team_id.user_id

    def _complaint_schedule_step_activity(self):
        self._complaint_schedule_activities(
            ticket._complaint_activity_vals(
                STEP_ACTIVITY_TYPES[ticket.complaint_step],
                ticket._complaint_step_user(),
                ticket.step_deadline or fields.Datetime.now(),
            )
            for ticket in self
            if ticket.complaint_step in STEP_ACTIVITY_TYPES
        )
