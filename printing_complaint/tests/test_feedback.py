# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Praise is thanked and shared with the team; a suggestion is reviewed
and the customer told whether it was adopted; both can be rated."""

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestFeedback(ComplaintCase):
    def _feedback(self, kind, **values):
        return self._create_complaint(
            feedback_type=kind,
            name=f"A {kind}",
            description="<p>The press crew did a wonderful job on our catalogue.</p>",
            sale_line_ids=[Command.clear()],
            **values,
        )

    def _closure_email(self, ticket):
        self.env.flush_all()
        self.env.cr.precommit.run()
        ticket.invalidate_recordset(["message_ids"])
        return ticket.message_ids.filtered(lambda m: "is closed" in (m.subject or ""))

    def test_praise_is_shared_with_the_team_and_rated(self):
        praise = self._feedback("praise")
        praise.feedback_answer = "Thank you! We told the press crew."
        praise.action_next_step()
        self.assertEqual(praise.complaint_step, "closed")
        shared = self.team.message_ids.filtered(
            lambda m: praise.number in (m.body or "")
        )
        self.assertEqual(len(shared), 1)
        self.assertIn("wonderful job", shared.body)
        self.assertEqual(shared.subtype_id, self.env.ref("mail.mt_comment"))
        email = self._closure_email(praise)
        self.assertIn("We told the press crew", email.body)
        self.assertIn("/complaint/rate/", email.body)
        praise._complaint_apply_rating(5, "Thanks for listening", False)
        self.assertEqual(praise.rating_ids.rating, 5)

    def test_suggestion_is_reviewed_before_it_closes(self):
        suggestion = self._feedback("suggestion")
        suggestion.feedback_answer = "We will print the job number on every box."
        with self.assertRefused(ValidationError, "whether the suggestion is adopted"):
            suggestion.action_next_step()
        self.assertEqual(suggestion.complaint_step, "registered")
        suggestion.suggestion_decision = "adopted"
        suggestion.action_next_step()
        self.assertEqual(suggestion.complaint_step, "closed")
        email = self._closure_email(suggestion)
        self.assertIn("we are adopting", email.body)
        self.assertIn("job number on every box", email.body)
        # Not shared with the team as praise is.
        self.assertFalse(
            self.team.message_ids.filtered(
                lambda m: suggestion.number in (m.body or "")
            )
        )

    def test_suggestion_not_adopted_is_said_so(self):
        suggestion = self._feedback("suggestion")
        suggestion.write(
            {
                "feedback_answer": "Our cutter cannot take that format.",
                "suggestion_decision": "not_adopted",
            }
        )
        suggestion.action_next_step()
        self.assertIn("not adopting it", self._closure_email(suggestion).body)
