"""What nobody changes through RPC by hand: approvals, approved amounts, the
stage history and the procedure's dates, and the customer's rating."""

from conftest import cross_addon_test

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.printing_complaint.tests.common import ComplaintCase


@cross_addon_test
@tagged("post_install", "-at_install")
class TestFieldProtection(ComplaintCase):
    def _approved_refund(self):
        complaint = self._at_solution_step()
        self._invoice_order(self.order)
        solution = self._propose(
            complaint, "solution_type_partial_refund", amount=100.0, cost=100.0
        )
        self._approve_all(solution)
        return complaint, solution

    def test_approvals_are_not_written_by_hand(self):
        complaint, solution = self._approved_refund()
        reviews = solution.review_ids
        for user in (self.sales_rep, self.finance_user, self.qc_user):
            with self.assertRaises(AccessError, msg=user.login):
                reviews.with_user(user).write({"status": "rejected"})
        self.assertEqual(set(reviews.mapped("status")), {"approved"})
        # Nor forged: a review created by hand would count as an approval.
        with self.assertRaises(AccessError):
            self.env["tier.review"].with_user(self.sales_rep).create(
                {
                    "model": solution._name,
                    "res_id": solution.id,
                    "definition_id": reviews[:1].definition_id.id,
                    "status": "approved",
                }
            )

    def test_amounts_are_frozen_after_approval(self):
        complaint, solution = self._approved_refund()
        for user in (self.sales_rep, self.manager):
            with self.assertRaises(UserError, msg=user.login):
                solution.with_user(user).write({"amount": 1.0})
        self.assertEqual(solution.amount, 100.0)

    def test_stage_history_and_procedure_dates_are_not_written(self):
        complaint = self._at_solution_step()
        history = complaint.stage_history_ids
        for user in (self.sales_rep, self.manager):
            with self.assertRaises(AccessError):
                history.with_user(user).write({"working_hours": 0.0})
            for field, value in (
                ("step_deadline", "2030-01-01 00:00:00"),
                ("step_entry_date", "2020-01-01 00:00:00"),
                ("reopen_count", 0),
                ("closure_confirmed_date", "2020-01-01 00:00:00"),
            ):
                with self.assertRaises(AccessError, msg=f"{user.login} {field}"):
                    complaint.with_user(user).write({field: value})
        self.assertEqual(len(complaint.stage_history_ids), 3)

    def test_the_customers_rating_is_not_written_by_hand(self):
        complaint = self._at_solution_step()
        token = complaint._rating_get_access_token()
        rating = self.env["rating.rating"].search([("access_token", "=", token)])
        Rating = self.env["rating.rating"].with_user(self.sales_rep)
        with self.assertRaises(AccessError):
            rating.with_user(self.sales_rep).write({"rating": 5, "consumed": True})
        with self.assertRaises(AccessError):
            Rating.create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("helpdesk.ticket"),
                    "res_id": complaint.id,
                    "rating": 5,
                    "consumed": True,
                }
            )
        with self.assertRaises(AccessError):
            rating.with_user(self.manager).unlink()
        self.assertFalse(rating.consumed)
