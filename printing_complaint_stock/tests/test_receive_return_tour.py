# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.printing_complaint.tests.common import complaint_at_solution_step


@tagged("post_install", "-at_install")
class TestReceiveReturnTour(HttpCase):
    def test_warehouse_receives_the_returned_goods_from_the_solution(self):
        """A return and refund accepted by the customer: the warehouse opens
        the solution, receives the goods back and validates the receipt; the
        credit note is drafted for what came back."""
        env = self.env
        rep, head, finance, director = (
            new_test_user(env, login=login, name=login, groups=group)
            for login, group in (
                ("tour_rep", "printing_complaint.group_complaint_sales"),
                ("tour_head", "printing_complaint.group_complaint_production"),
                ("tour_finance", "printing_complaint.group_complaint_finance"),
                ("tour_director", "printing_complaint.group_complaint_director"),
            )
        )
        new_test_user(
            env,
            login="tour_warehouse",
            groups="stock.group_stock_user,printing_complaint.group_complaint_production",
        )
        env.ref("printing_complaint.responsibility_production").head_user_id = head
        complaint = complaint_at_solution_step(env, rep)
        order = complaint.sale_order_id
        delivery = order.picking_ids
        delivery.move_ids.quantity = 5000
        delivery.move_ids.picked = True
        delivery.button_validate()
        solution = (
            env["printing.complaint.solution"]
            .with_user(rep)
            .create(
                {
                    "ticket_id": complaint.id,
                    "type_id": env.ref(
                        "printing_complaint.solution_type_full_refund"
                    ).id,
                    "sale_line_ids": [Command.set(order.order_line.ids)],
                }
            )
        )
        solution.action_request_approval()
        reviewers = {
            "Department head": head,
            "Finance sign-off": finance,
            "Director": director,
        }
        for review in solution.review_ids.sorted("sequence"):
            solution.with_user(reviewers[review.name])._validate_tier(review)
        self.assertEqual(solution.state, "approved")
        complaint.action_send_offer()
        env["printing.complaint.decision"].create(
            {"ticket_id": complaint.id, "decision": "accepted", "note": "By phone"}
        )
        self.assertEqual(solution.state, "in_execution")

        self.start_tour(
            f"/odoo/printing.complaint.solution/{solution.id}",
            "printing_complaint_stock_receive_return",
            login="tour_warehouse",
        )

        solution = solution.sudo()
        receipt = solution.return_picking_ids
        self.assertEqual(receipt.state, "done")
        self.assertEqual(receipt.return_id, delivery)
        self.assertEqual(solution.returned_qty, 5000)
        self.assertEqual(solution.credit_note_ids.state, "draft")
        self.assertAlmostEqual(solution.credit_note_ids.amount_untaxed, 2500.0)
