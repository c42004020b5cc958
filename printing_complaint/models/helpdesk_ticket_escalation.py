# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Overdue complaint steps on helpdesk.ticket: the Overdue flag and filter,
and the cron that escalates each breach to the team's manager once (an
activity, a note and one digest per manager and run)."""

from odoo import api, fields, models

from ..tools import overdue_domain

OVERDUE_ACTIVITY = "printing_complaint.activity_complaint_overdue"


def _per_language(text_of):
    """text_of (env -> str) read once per language: a cron writes the same
    text on thousands of records."""
    texts = {}

    def text_in(env):
        if env.lang not in texts:
            texts[env.lang] = text_of(env)
        return texts[env.lang]

    return text_in


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    is_overdue = fields.Boolean(
        compute="_compute_is_overdue",
        search="_search_is_overdue",
    )

    @api.depends("step_deadline", "complaint_step")  # and the time
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for ticket in self:
            ticket.is_overdue = bool(
                ticket.step_deadline
                and ticket.step_deadline < now
                and ticket.complaint_step not in (False, "closed")
            )

    def _search_is_overdue(self, operator, value):
        return overdue_domain(
            self.env,
            operator,
            value,
            [
                ("step_deadline", "<", fields.Datetime.now()),
                ("complaint_step", "not in", [False, "closed"]),
            ],
        )

    # ------------------------------------------------------------------
    # Overdue escalation (cron)
    # ------------------------------------------------------------------
    @api.model
    def _cron_escalate_overdue(self, batch_size=1000):
        """Flag the steps past their deadline and tell the team's manager,
        once per breach; works in batches with a fixed number of queries,
        and sends each manager one digest for the whole run."""
        History = self.env["printing.complaint.stage.history"].sudo()
        domain = [
            ("exit_date", "=", False),
            ("escalated", "=", False),
            ("deadline", "<", fields.Datetime.now()),
        ]
        # The team's leader, else the administrator (read once, not per ticket).
        fallback = self.env.ref("base.user_admin")
        escalated = self.browse()
        while True:
            # Oldest breaches first, in the order of the partial index on
            # the steps to escalate (the model's order joins the tickets).
            lines = History.search(domain, limit=batch_size, order="deadline, id")
            if not lines:
                break
            lines.write({"escalated": True, "is_late": True})
            lines.ticket_id._complaint_escalate(fallback, digest=False)
            escalated |= lines.ticket_id
            if len(lines) < batch_size:
                break
        escalated._complaint_send_overdue_digests(fallback)
        return True

    def _complaint_escalate(
        self, fallback_manager, summary=None, note=None, digest=True
    ):
        """An overdue activity for each complaint's team manager, a note on
        the complaint and (digest) one notification per manager. summary and
        note give the texts in a language (env -> str); by default those of
        an overdue step. Activities and notes are inserted in one statement
        each (_complaint_insert_activities, _complaint_insert_notes)."""
        today = fields.Date.today()
        by_manager = self._complaint_fetch_for_crons()._complaint_by_manager(
            fallback_manager
        )
        summary = _per_language(summary or (lambda env: env._("Complaint overdue")))
        self._complaint_insert_activities(
            [
                vals
                for manager, tickets in by_manager.items()
                for vals in tickets._complaint_activities_vals(
                    OVERDUE_ACTIVITY, lambda _ticket, m=manager: m, today, summary
                )
            ]
        )
        self._complaint_log_batch(
            note
            or (
                lambda env: env._(
                    "The deadline of this step has passed: escalated to the team "
                    "manager."
                )
            ),
            insert=True,
        )
        if digest:
            self._complaint_send_overdue_digests(fallback_manager)

    def _complaint_by_manager(self, fallback_manager):
        """{team manager (else fallback_manager): their complaints}, the
        complaints grouped by team first (a few teams, thousands of
        complaints)."""
        by_manager = {}
        for team, tickets in self.grouped("team_id").items():
            manager = team.user_id or fallback_manager
            by_manager[manager] = by_manager.get(manager, self.browse()) | tickets
        return by_manager

    def _complaint_send_overdue_digests(self, fallback_manager):
        """One notification to each team manager listing these overdue
        complaints."""
        for manager, overdue in self._complaint_by_manager(fallback_manager).items():
            manager._complaint_notify_overdue(overdue)
