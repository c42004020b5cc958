# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import complaint_at_solution_step


@tagged("post_install", "-at_install")
class TestFinanceSignOffTour(HttpCase):
    def test_finance_signs_off_a_refund_and_finds_the_credit_note(self):
        """The department head has approved; finance opens "To approve",
        signs off the refund with a comment, and the draft credit note
        appears on the complaint."""
        env = self.env
        rep, head, finance = (
            new_test_user(env, login=login, name=name, groups=group)
            for login, name, group in (
                ("tour_rep", "Tour Rep", "printing_complaint.group_complaint_sales"),
                (
                    "tour_head",
                    "Tour Head",
                    "printing_complaint.group_complaint_production",
                ),
                (
                    "tour_finance",
                    "Tour Finance",
                    "printing_complaint.group_complaint_finance",
                ),
            )
        )
        env.ref("printing_complaint.responsibility_production").head_user_id = head
        complaint = complaint_at_solution_step(env, rep)
        order = complaint.sale_order_id
        solution = (
            env["printing.complaint.solution"]
            .with_user(rep)
            .create(
                {
                    "ticket_id": complaint.id,
                    "type_id": env.ref(
                        "printing_complaint.solution_type_partial_refund"
                    ).id,
                    "sale_line_ids": [Command.set(order.order_line.ids)],
                    "amount": 120.0,
                }
            )
        )
        solution.action_request_approval()
        head_review = solution.review_ids.filtered(
            lambda r: r.name == "Department head"
        )
        solution.with_user(head)._validate_tier(head_review)
        self.assertEqual(solution.validation_status, "pending")

        self.start_tour(
            "/odoo", "printing_complaint_finance_sign_off", login="tour_finance"
        )

        self.assertEqual(solution.state, "approved")
        finance_review = solution.review_ids.filtered(
            lambda r: r.name == "Finance sign-off"
        )
        self.assertEqual(finance_review.status, "approved")
        self.assertEqual(finance_review.done_by, finance)
        self.assertEqual(finance_review.comment, "Within the quality budget")
        credit_note = solution.credit_note_ids
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.state, "draft")
        self.assertEqual(credit_note.amount_untaxed, 120.0)
        self.assertEqual(credit_note.complaint_id, complaint)
