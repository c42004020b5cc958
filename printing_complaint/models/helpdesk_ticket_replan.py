# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The step clock follows the severity: when QC raises or lowers it (or the
30-day upgrade makes a complaint major) during a step, the step's deadline
is planned again from the moment the step began, on the new time limit."""

from odoo import models
from odoo.tools import format_datetime

CLOCK_FIELDS = {"severity", "is_safety"}


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    def write(self, vals):
        if not CLOCK_FIELDS & set(vals) or "stage_id" in vals:
            return super().write(vals)
        clocks = {ticket.id: ticket._clock_severity() for ticket in self}
        result = super().write(vals)
        self.filtered(
            lambda t: t.is_complaint
            and t.step_entry_date
            and t.complaint_step != "closed"
            and clocks[t.id] != t._clock_severity()
        )._complaint_replan_step()
        return result

    def _complaint_replan_step(self):
        limits = self.env["printing.complaint.time.limit"]._limits_by_key(
            self.company_id
        )
        open_lines = (
            self.env["printing.complaint.stage.history"]
            .sudo()
            .search([("ticket_id", "in", self.ids), ("exit_date", "=", False)])
            .grouped("ticket_id")
        )
        for ticket in self:
            deadline = ticket._complaint_step_deadline(ticket.step_entry_date, limits)
            if deadline == ticket.step_deadline:
                continue
            ticket.sudo().write({"step_deadline": deadline})
            open_lines.get(ticket, self.env["printing.complaint.stage.history"]).write(
                {"deadline": deadline, "severity": ticket.severity}
            )
            ticket._complaint_log_batch(
                lambda env, deadline=deadline: env._(
                    "The severity changed: this step is now due by %(deadline)s.",
                    deadline=format_datetime(env, deadline, dt_format="short")
                    if deadline
                    else "-",
                )
            )
