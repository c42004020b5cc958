# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged

from .common import complaint_at_closure_step


@tagged("post_install", "-at_install")
class TestClosureTour(HttpCase):
    def test_rep_closes_a_complaint_and_records_the_rating(self):
        """The rep writes the closure summary and the lessons, records the
        customer's confirmation, closes, and records the phone rating."""
        env = self.env
        rep = new_test_user(
            env,
            login="closing_rep",
            name="Closing Rep",
            groups="printing_complaint.group_complaint_sales",
        )
        head = new_test_user(
            env,
            login="closing_head",
            name="Closing Head",
            groups="printing_complaint.group_complaint_production",
        )
        complaint = complaint_at_closure_step(env, rep, head)

        self.start_tour(
            "/odoo/action-printing_complaint.action_complaints",
            "printing_complaint_closure_rating",
            login="closing_rep",
        )

        self.assertEqual(complaint.complaint_step, "closed")
        self.assertTrue(complaint.closure_confirmed)
        self.assertIn("checked by QC", complaint.closure_summary)
        self.assertIn("first sheets", complaint.lessons_learned)
        rating = complaint.rating_ids.filtered("consumed")
        self.assertEqual(rating.rating, 4)
        self.assertIn("Quick and polite", rating.feedback)
        self.assertEqual(complaint.rating_last_value, 4)
