# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A team's overall target besides the step limits: the first answer (our
verification result) within so many hours of receiving the complaint, and
the result (the solution offered, or the complaint closed) within so many
working days. Planned when the complaint is received, recorded when it is
met, and escalated like the steps when it is missed."""

from datetime import timedelta

from odoo import api, fields, models

# The steps a complaint has reached once each target is met.
ANSWERED_STEPS = ("solution", "confirmation", "execution", "closure", "closed")
RESULT_STEPS = ("confirmation", "execution", "closure", "closed")


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    target_answer_deadline = fields.Datetime(
        string="First answer due", readonly=True, copy=False, groups="base.group_user"
    )
    target_answer_date = fields.Datetime(
        string="First answer given",
        readonly=True,
        copy=False,
        groups="base.group_user",
    )
    target_result_deadline = fields.Datetime(
        string="Result due",
        readonly=True,
        copy=False,
        index="btree_not_null",
        groups="base.group_user",
    )
    target_result_date = fields.Datetime(
        string="Result given", readonly=True, copy=False, groups="base.group_user"
    )
    target_escalated = fields.Boolean(
        readonly=True, copy=False, groups="base.group_user"
    )
    target_missed = fields.Boolean(
        string="Team target missed",
        compute="_compute_target_missed",
        groups="base.group_user",
        help="The first answer or the result came (or is still due) after the "
        "team's target.",
    )

    # Declared so that a read fetches the four dates with the other columns
    # it reads (not in a query of their own). It depends on the time too.
    @api.depends(
        "target_answer_deadline",
        "target_answer_date",
        "target_result_deadline",
        "target_result_date",
    )
    def _compute_target_missed(self):
        now = fields.Datetime.now()
        for ticket in self:
            ticket.target_missed = any(
                deadline and (done or now) > deadline
                for deadline, done in (
                    (ticket.target_answer_deadline, ticket.target_answer_date),
                    (ticket.target_result_deadline, ticket.target_result_date),
                )
            )

    def _complaint_enter_step(self, now):
        res = super()._complaint_enter_step(now)
        self._complaint_plan_targets(now)
        return res

    def _complaint_plan_targets(self, now):
        """Plan the targets of complaints just received; record those met."""
        received = self.filtered(
            lambda t: t.complaint_step == "registered"
            and (t.team_id.complaint_answer_hours or t.team_id.complaint_result_days)
            and not t.target_result_deadline
            and not t.target_answer_deadline
        )
        for ticket in received:
            team = ticket.team_id
            start = ticket.received_date or now
            calendar = ticket.company_id.resource_calendar_id
            ticket.sudo().write(
                {
                    "target_answer_deadline": team.complaint_answer_hours
                    and start + timedelta(hours=team.complaint_answer_hours),
                    # Working days of the schedule's length from the very
                    # moment received (Monday 10:00 + 3 days: Thursday 10:00).
                    "target_result_deadline": team.complaint_result_days
                    and calendar
                    and calendar.plan_hours(
                        team.complaint_result_days * (calendar.hours_per_day or 8),
                        start,
                        compute_leaves=True,
                    ),
                }
            )
        answered = self.filtered(
            lambda t: t.complaint_step in ANSWERED_STEPS
            and t.target_answer_deadline
            and not t.target_answer_date
        )
        answered.sudo().write({"target_answer_date": now})
        resulted = self.filtered(
            lambda t: t.complaint_step in RESULT_STEPS
            and t.target_result_deadline
            and not t.target_result_date
        )
        resulted.sudo().write({"target_result_date": now})

    def _cron_escalate_missed_targets(self, batch_size=200):
        """Escalate, once, the complaints past a team target not met: an
        overdue activity for the team's manager and a note."""
        now = fields.Datetime.now()
        domain = [
            ("target_escalated", "=", False),
            "|",
            "&",
            ("target_answer_deadline", "<", now),
            ("target_answer_date", "=", False),
            "&",
            ("target_result_deadline", "<", now),
            ("target_result_date", "=", False),
        ]
        fallback = self.env.ref("base.user_admin")
        while True:
            tickets = self.sudo().search(domain, limit=batch_size)
            if not tickets:
                break
            tickets.write({"target_escalated": True})
            tickets._complaint_escalate_target(fallback)
            if len(tickets) < batch_size:
                break
        return True

    def _complaint_escalate_target(self, fallback_manager):
        self._complaint_escalate(
            fallback_manager,
            summary=lambda env: env._("Team target missed"),
            note=lambda env: env._(
                "The team's target for this complaint has passed: escalated to "
                "the team manager."
            ),
            digest=False,
        )
