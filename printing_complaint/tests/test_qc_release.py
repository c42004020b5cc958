# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""QC releases the goods of a reprint before it is carried out: a failure
goes back to production with the defect."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestQcRelease(ComplaintCase):
    def _reprint_in_execution(self):
        complaint = self._at_solution_step()
        solution = self._propose(
            complaint, "solution_type_reprint", amount=0.0, cost=300.0
        )
        self._approve_all(solution)
        self._offer_and_accept(complaint)
        self.assertEqual(solution.state, "in_execution")
        return complaint, solution

    def _activities(self, complaint, xmlid):
        complaint.invalidate_recordset(["activity_ids"])
        return complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(xmlid)
        )

    def test_qc_is_asked_to_release_the_reprint(self):
        complaint, solution = self._reprint_in_execution()
        activity = self._activities(
            complaint, "printing_complaint.activity_complaint_qc_release"
        )
        self.assertEqual(activity.user_id, self.qc_user)
        self.assertIn(solution.display_name, activity.summary)

    def test_a_failed_inspection_goes_back_to_production(self):
        complaint, solution = self._reprint_in_execution()
        with self.assertRefused(UserError, "defect"):
            self._inspect(solution, "fail", " ")
        self._inspect(solution, "fail", "Blue still 4 dE off; adjust the ink keys")
        rework = self._activities(
            complaint, "printing_complaint.activity_complaint_rework"
        )
        self.assertEqual(rework.user_id, self.production_head)
        self.assertIn("ink keys", rework.summary)
        self.assertTrue(
            complaint.message_ids.filtered(lambda m: "QC failed" in (m.body or ""))
        )
        for line in solution.reprint_order_id.order_line:
            line.qty_delivered = line.product_uom_qty
        with self.assertRefused(UserError, "QC has not released"):
            solution.action_done()
        self.assertEqual(solution.state, "in_execution")
        # Reworked and inspected again: released, then carried out.
        self._inspect(solution, "pass", "Within 1.5 dE")
        solution.action_done()
        self.assertEqual(solution.state, "done")
        self.assertEqual(len(solution.inspection_ids), 2)
        self.assertFalse(
            self._activities(
                complaint, "printing_complaint.activity_complaint_qc_release"
            )
        )

    def test_only_qc_inspects_and_nobody_changes_an_inspection(self):
        complaint, solution = self._reprint_in_execution()
        for user in (self.sales_rep, self.production_head, self.finance_user):
            with self.assertRefused(AccessError, "Only QC"):
                self._inspect(solution, "pass", "Fine", user=user)
        inspection = self._inspect(solution, "pass", "Fine")
        self.assertEqual(inspection.user_id, self.qc_user)
        with self.assertRefused(UserError, "never changed"):
            inspection.with_user(self.qc_user).write({"result": "fail"})
        with self.assertRefused(UserError, "never deleted"):
            inspection.sudo().unlink()
        self.assertEqual(inspection.result, "pass")

    def test_only_goods_made_again_are_inspected(self):
        complaint = self._at_solution_step()
        self._invoice_order(self.order)
        refund = self._propose(
            complaint, "solution_type_partial_refund", amount=100.0, cost=100.0
        )
        self._approve_all(refund)
        self._offer_and_accept(complaint)
        with self.assertRefused(UserError, "reprint, rework or replacement"):
            self._inspect(refund, "pass", "Nothing to inspect")
