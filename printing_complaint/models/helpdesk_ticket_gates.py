# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a complaint needs before it leaves each step (its gate). Each gate
returns (fact recorded?, what to record) pairs; helpdesk_ticket_procedure.py
refuses the move while one is missing."""

from odoo import models
from odoo.tools import html2plaintext

from .printing_complaint_solution import ENDED_STATES

# The gate of each step, by the step a complaint leaves.
STEP_GATES = {
    "registered": "_gate_registration",
    "verification": "_gate_verification",
    "solution": "_gate_solution",
    "confirmation": "_gate_confirmation",
    "execution": "_gate_execution",
    "closure": "_gate_closure",
    "closed": "_gate_reopening",
}


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    def _complaint_gate_errors(self, source, target):
        """What is missing to move from step source to step target."""
        self.ensure_one()
        if self.feedback_type != "complaint":
            return self._gate_feedback(target)
        checks = getattr(self, STEP_GATES[source])(target)
        return [message for ok, message in checks if not ok]

    def _gate_feedback(self, target):
        """Praise and suggestions are answered and closed."""
        if target != "closed":
            return [
                self.env._(
                    "Feedback is answered and closed, not handled as a complaint"
                )
            ]
        return [message for ok, message in self._gate_feedback_facts() if not ok]

    def _gate_registration(self, target):
        if target == "closed":  # only a duplicate closes at registration
            return [
                (
                    self.validity == "duplicate" and self.duplicate_id,
                    self.env._("the original complaint it duplicates"),
                )
            ]
        return [
            (self.partner_id, self.env._("the customer")),
            *self._gate_job(),
            (
                html2plaintext(self.description or "").strip(),
                self.env._("the description"),
            ),
            (self.request_ids, self.env._("what the customer asks for")),
            *self._gate_type_registration(),
            (self.acknowledged_date, self.env._("the customer's acknowledgement")),
        ]

    def _gate_verification(self, target):
        checks = [
            *self._gate_type_verification(),
            (self.severity, self.env._("the severity")),
            (self.validity != "to_check", self.env._("the validity judgement")),
        ]
        if target == "solution":
            checks.append((self.validity == "valid", self.env._("a valid complaint")))
        if target == "closed":
            checks += [
                (
                    self.validity in ("not_valid", "duplicate"),
                    self.env._("a complaint judged not valid or duplicate"),
                ),
                (
                    self.validity != "not_valid" or self.invalid_reason,
                    self.env._("the reason why it is not valid"),
                ),
                (
                    self.validity != "duplicate" or self.duplicate_id,
                    self.env._("the original complaint it duplicates"),
                ),
            ]
        return checks

    def _gate_solution(self, target):
        # The round being negotiated: solutions of an earlier round (done
        # before a reopening, or accepted and still carried out when the
        # complaint came back from execution) stay as they are.
        in_negotiation = self.solution_ids.filtered(
            lambda s: s.state in ("proposed", "approved", "offered")
        )
        return [
            (self.responsibility_id, self.env._("the responsibility type")),
            (
                not self.responsibility_id.requires_supplier or self.supplier_id,
                self.env._("the supplier at fault"),
            ),
            (self.root_cause, self.env._("the root cause")),
            (
                not self.needs_quality_team or self.team_leader_id,
                self.env._(
                    "the complaint team and its leader (a major or safety complaint)"
                ),
            ),
            (
                self.customer_summary,
                self.env._("the findings explained for the customer"),
            ),
            (in_negotiation, self.env._("at least one solution")),
            (
                all(s.state == "offered" for s in in_negotiation),
                self.env._("every solution approved and offered to the customer"),
            ),
        ]

    def _gate_confirmation(self, target):
        if target == "solution":
            return [
                (
                    self.customer_decision == "rejected",
                    self.env._("the customer's rejection, with what they ask for"),
                )
            ]
        return [
            (
                self.customer_decision == "accepted",
                self.env._("the customer's acceptance"),
            )
        ]

    def _gate_execution(self, target):
        if target == "solution":
            return self._gate_back_to_solution()
        return [(self.execution_done, self.env._("every solution carried out"))]

    def _gate_back_to_solution(self):
        """Back to the solution step for a new round (see
        helpdesk_ticket_handling._complaint_back_to_solution): with a reason."""
        return [
            (
                self.env.context.get("complaint_back_reason"),
                self.env._("the reason to go back to the solution step"),
            )
        ]

    def _gate_closure(self, target):
        if target == "solution":
            return [
                *self._gate_back_to_solution(),
                (
                    not self.closure_confirmed,
                    self.env._("a closure the customer has not confirmed"),
                ),
            ]
        return [
            (
                all(s.state in ENDED_STATES for s in self.solution_ids),
                self.env._("every solution done or cancelled"),
            ),
            (
                self.closure_confirmed,
                self.env._("the customer's confirmation of closure"),
            ),
            (self.root_cause, self.env._("the final root cause")),
            (self.closure_summary, self.env._("the closure summary")),
            (self.lessons_learned, self.env._("the lessons learned")),
            (
                self.capa_action_ids,
                self.env._("the corrective or preventive actions filed"),
            ),
        ]

    def _gate_reopening(self, target):
        """Only a manager reopens a closed complaint, with a reason (see
        the reopen wizard)."""
        return [
            (
                self.env.context.get("complaint_reopen_reason")
                and self.env.user.has_group(
                    "printing_complaint.group_complaint_manager"
                ),
                self.env._("a complaint manager's reason to reopen it"),
            )
        ]
