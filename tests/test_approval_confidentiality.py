"""A complaint solution's approvals (who approved, their comments) are read
only by those who may read the complaint: not by the customer in the portal,
nor by an employee outside the complaint groups, nor by a rep of another
team. The reviews of other documents stay as base_tier_validation has them."""

from conftest import cross_addon_test

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.printing_complaint.tests.common import ComplaintCase

REVIEW_FIELDS = ["name", "status", "comment", "done_by", "reviewer_ids", "res_id"]


@cross_addon_test
@tagged("post_install", "-at_install")
class TestApprovalConfidentiality(ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.buyer = new_test_user(
            cls.env,
            login="lotus_buyer_rpc",
            name="Li Wei",
            email="li@lotus.example.com",
            groups="base.group_portal",
        )
        cls.buyer.partner_id.parent_id = cls.customer
        cls.employee = new_test_user(cls.env, login="warehouse_clerk_rpc")

    def _reviewed_solution(self):
        complaint = self._at_solution_step()
        solution = self._propose(
            complaint,
            "solution_type_apology",
            description="Apology and a QC check",
        )
        solution.action_request_approval()
        self._review(solution, self.production_head, comment="Ink density, agreed")
        return complaint, solution

    def test_a_solutions_reviews_are_read_by_those_who_read_the_complaint(self):
        complaint, solution = self._reviewed_solution()
        reviews = solution.review_ids
        self.assertTrue(reviews)
        self.assertEqual(reviews.complaint_ticket_id, complaint)
        Review = self.env["tier.review"]
        mine = [("model", "=", "printing.complaint.solution")]
        # The attackers: search_read as over RPC, then read by id.
        for user in (self.buyer, self.employee, self.other_rep):
            self.assertFalse(
                Review.with_user(user).search_read(mine, REVIEW_FIELDS), user.login
            )
            self.assertFalse(
                Review.with_user(user).search_count([("id", "in", reviews.ids)]),
                user.login,
            )
            with self.assertRaises(AccessError, msg=user.login):
                reviews.with_user(user).read(REVIEW_FIELDS)
        # The customer still sees the offer's solution itself, not its reviews.
        with self.assertRaises(AccessError):
            reviews[:1].with_user(self.buyer).read(["comment"])
        handlers = (
            self.sales_rep,
            self.qc_user,
            self.production_head,
            self.finance_user,
            self.director,
            self.manager,
        )
        for user in handlers:
            found = Review.with_user(user).search_read(
                [("id", "in", reviews.ids)], REVIEW_FIELDS
            )
            self.assertEqual({r["id"] for r in found}, set(reviews.ids), user.login)
        approved = reviews.filtered(lambda r: r.status == "approved")
        self.assertEqual(
            approved.with_user(self.sales_rep).comment, "Ink density, agreed"
        )

    def test_the_refusal_changes_nothing_and_writes_stay_the_flows(self):
        _complaint, solution = self._reviewed_solution()
        review = solution.review_ids.filtered(lambda r: r.status == "approved")[:1]
        for user in (self.buyer, self.employee, self.sales_rep):
            with self.assertRaises(AccessError, msg=user.login):
                review.with_user(user).write({"comment": "Forged"})
        self.assertEqual(review.comment, "Ink density, agreed")
        self.assertEqual(review.status, "approved")

    def test_reviews_of_other_documents_stay_as_base_tier_validation_has_them(self):
        other = (
            self.env["tier.review"]
            .sudo()
            .create({"model": "res.partner", "res_id": self.customer.id})
        )
        self.assertFalse(other.complaint_ticket_id)
        for user in (self.buyer, self.employee, self.other_rep, self.sales_rep):
            self.assertEqual(
                self.env["tier.review"].with_user(user).search([("id", "=", other.id)]),
                other,
                user.login,
            )
            self.assertEqual(
                other.with_user(user).read(["model"])[0]["model"], "res.partner"
            )
