# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaint team of the demo's major case (the gift boxes of
_play_closed_8d): formed by QC, who leads it, with the escape cause and
two meetings, a kick-off at the solution step and a review of the
corrective action before the closure. A temporary 100 % inspection is held
until the permanent corrective action is verified effective."""

from datetime import datetime, time

from odoo import Command, models
from odoo.tools import SQL


class PrintingComplaintDemo(models.AbstractModel):
    _inherit = "printing.complaint.demo"  # pylint: disable=consider-merging-classes-inherited

    def _team_closed_8d_kick_off(self, ticket):
        """At the solution step, once the containment is planned."""
        qc = self._as("qc", ticket)
        qc.action_form_quality_team()
        qc.write(
            {
                "escape_cause": "The first-article check measures the print "
                "register only, not the die-cut position against the foil "
                "logo; the patrol check samples 5 boxes in 500 by eye, "
                "without a die-cut gauge.",
            }
        )
        actions = ticket.sudo().capa_action_ids
        corrective = actions.filtered(lambda a: a.type_action == "correction")[:1]
        temporary = self._action(
            "qc",
            ticket,
            "action_demo_closed_8d_temporary",
            name="Gauge the die-cut position of every box until the chase is fixed",
            type_action="immediate",
            department="QC",
            user_id=self._user("qc").id,
            permanent_action_id=corrective.id,
        )
        containment = actions.filtered("containment_scope") | temporary
        meeting = self._as("qc", self.env["printing.complaint.meeting"]).create(
            {
                "ticket_id": ticket.id,
                "name": "Kick-off: containment and causes",
                "decisions": "<ul><li>Sort the boxes in stock and at Sunrise "
                "within 3 working days.</li><li>Zhang Wei checks the die chase "
                "of die-cutter 2 today.</li><li>Offer a free rush reprint and a "
                "partial refund for the launch delay.</li></ul>",
                "action_ids": [Command.set(containment.ids)],
            }
        )
        return self._name_record(meeting.sudo(False), "meeting_demo_closed_8d_kick_off")

    def _team_closed_8d_review(self, ticket):
        """At the closure step: the corrective action verified effective, the
        temporary inspection ends."""
        self._close_action(
            "qc",
            self._ref("action_demo_closed_8d_temporary"),
            "Every box gauged until the die chase check was verified: none off.",
        )
        actions = ticket.sudo().capa_action_ids.filtered(
            lambda a: a.type_action in ("correction", "prevention")
        )
        meeting = self._as("qc", self.env["printing.complaint.meeting"]).create(
            {
                "ticket_id": ticket.id,
                "name": "Review of the corrective action",
                "decisions": "<ul><li>The locked die chase and the make-ready "
                "check are effective: rejects down from 3.2 % to 0.3 %.</li>"
                "<li>Deploy the check to die-cutters 1 and 3.</li>"
                "<li>Add a die-cut gauge to the first-article and patrol "
                "checks.</li></ul>",
                "action_ids": [Command.set(actions.ids)],
            }
        )
        return self._name_record(meeting.sudo(False), "meeting_demo_closed_8d_review")

    def _date_solutions(self, ticket, windows, now):
        """A temporary action closes on the day its permanent action was
        verified effective."""
        result = super()._date_solutions(ticket, windows, now)
        self.env.invalidate_all()
        for action in ticket.sudo().capa_action_ids.filtered(
            lambda a: a.permanent_action_id.verification_date and a.date_closed
        ):
            verified = datetime.combine(
                action.permanent_action_id.verification_date, time(10, 0)
            )
            self.env.cr.execute(
                SQL(
                    "UPDATE mgmtsystem_action SET date_closed = %s WHERE id = %s",
                    min(max(action.date_closed, verified), now),
                    action.id,
                )
            )
        return result
