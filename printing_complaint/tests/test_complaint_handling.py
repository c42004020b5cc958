# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A handler's decisions outside the steps, each with its reason, and the
valid complaint open too long that becomes major."""

from datetime import datetime, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, new_test_user, tagged
from odoo.tools import mute_logger

from .common import ComplaintCase

# A Monday in working hours: the step clocks do not matter here, but the
# 30-day delay is counted from a fixed "now".
NOW = datetime(2026, 9, 28, 10, 0)


@tagged("post_install", "-at_install")
class TestComplaintHandling(ComplaintCase):
    def _wizard(self, user, complaint, action, **values):
        return (
            self.env["printing.complaint.handling.wizard"]
            .with_user(user)
            .create({"ticket_id": complaint.id, "action": action, **values})
        )

    def _notes(self, complaint, text):
        return complaint.message_ids.filtered(lambda m: text in (m.body or ""))

    # -- evidence waived by QC ---------------------------------------------
    def test_qc_waives_the_evidence_with_a_reason(self):
        complaint = self._create_complaint(is_oral=True)
        complaint.action_acknowledge()
        with self.assertRefused(UserError, "evidence"):
            complaint.action_next_step()
        with self.assertRefused(AccessError, "Only"):
            self._wizard(
                self.sales_rep, complaint, "waive_evidence", reason="Oral"
            ).action_confirm()
        with self.assertRefused(UserError, "reason"):
            complaint.with_user(self.qc_user)._complaint_waive_evidence("  ")
        self.assertFalse(complaint.evidence_waived)
        self._wizard(
            self.qc_user,
            complaint,
            "waive_evidence",
            reason="The customer keeps the sample; told by phone",
        ).action_confirm()
        self.assertTrue(complaint.evidence_waived)
        self.assertIn("keeps the sample", complaint.evidence_waiver_reason)
        self.assertTrue(self._notes(complaint, "Evidence waived by QC"))
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "verification")

    def test_evidence_is_not_waived_after_verification(self):
        complaint = self._at_solution_step()
        with self.assertRefused(UserError, "registration or verification"):
            complaint.with_user(self.qc_user)._complaint_waive_evidence("Late")
        self.assertFalse(complaint.evidence_waived)

    # -- referral ------------------------------------------------------------
    def test_rep_refers_a_complaint_to_a_technician(self):
        complaint = self._create_complaint()
        technician = self.production_head
        self._wizard(
            self.sales_rep,
            complaint,
            "refer",
            user_id=technician.id,
            reason="Is this mottling from the press or the paper?",
        ).action_confirm()
        activity = complaint.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("printing_complaint.activity_complaint_referral")
        )
        self.assertEqual(activity.user_id, technician)
        self.assertIn("mottling", activity.summary)
        self.assertIn(technician.partner_id, complaint.message_partner_ids)
        self.assertTrue(self._notes(complaint, "Referred to Production Head"))

    def test_a_referral_needs_a_reason_and_an_internal_user(self):
        complaint = self._create_complaint()
        portal = new_test_user(
            self.env, login="referral_portal", groups="base.group_portal"
        )
        before = len(complaint.activity_ids)
        Complaint = complaint.with_user(self.sales_rep)
        for user, reason, message in (
            (self.production_head, " ", "reason"),
            (portal, "Help", "internal user"),
            (self.sales_rep, "Help", "someone else"),
        ):
            with self.assertRefused(UserError, message):
                Complaint._complaint_refer(user, reason)
        complaint.invalidate_recordset(["activity_ids"])
        self.assertEqual(len(complaint.activity_ids), before)

    def test_a_complaint_of_another_team_is_not_referred(self):
        complaint = self._create_complaint()
        with self.assertRaises(AccessError):
            complaint.with_user(self.other_rep)._complaint_refer(
                self.production_head, "Not mine"
            )

    # -- bad faith -------------------------------------------------------------
    def test_manager_marks_a_bad_faith_complaint_which_closes_as_not_valid(self):
        complaint = self._create_complaint()
        self._registered_complete(complaint)
        complaint.action_next_step()
        with self.assertRefused(AccessError, "Only"):
            self._wizard(
                self.qc_user, complaint, "bad_faith", reason="Third claim"
            ).action_confirm()
        self._wizard(
            self.manager,
            complaint,
            "bad_faith",
            reason="Third claim on goods the customer resold; photos of another job",
        ).action_confirm()
        self.assertTrue(complaint.bad_faith)
        self.assertEqual(complaint.validity, "not_valid")
        self.assertIn("resold", complaint.invalid_reason)
        # QC cannot judge it valid again while the mark stands.
        with self.assertRefused(ValidationError, "bad-faith"):
            complaint.with_user(self.qc_user).write({"validity": "valid"})
        complaint.write({"proof_checked": True, "category_id": self.colour.id})
        complaint.write({"stage_id": self.stages["closed"].id})
        self.assertEqual(complaint.complaint_step, "closed")

    def test_the_mark_is_cleared_by_a_manager_only(self):
        complaint = self._create_complaint()
        complaint.with_user(self.manager)._complaint_mark_bad_faith("Resold goods")
        with self.assertRefused(AccessError, "Only"):
            complaint.with_user(self.qc_user).action_clear_bad_faith()
        complaint.with_user(self.manager).action_clear_bad_faith()
        self.assertFalse(complaint.bad_faith)
        complaint.write({"validity": "valid"})
        self.assertEqual(complaint.validity, "valid")

    def test_nobody_writes_the_judgements_by_hand(self):
        complaint = self._create_complaint()
        for user in (self.sales_rep, self.qc_user, self.manager):
            for vals in ({"evidence_waived": True}, {"bad_faith": True}):
                with self.assertRaises(AccessError):
                    complaint.with_user(user).write(vals)
        self.assertFalse(complaint.evidence_waived or complaint.bad_faith)

    # -- a valid complaint open too long becomes major ----------------------
    @freeze_time(NOW)
    def test_a_valid_complaint_open_a_month_becomes_major(self):
        received = NOW - timedelta(days=31)
        complaint = self._at_solution_step(received_date=received)
        self._invoice_order(self.order)
        solution = self._propose(
            complaint, "solution_type_partial_refund", amount=100.0, cost=100.0
        )
        solution.action_request_approval()
        self._review(solution, self.production_head)
        self.assertNotIn("Director", solution.review_ids.mapped("name"))
        recent = self._at_solution_step(received_date=NOW - timedelta(days=29))
        self.env["helpdesk.ticket"]._cron_upgrade_long_open()
        self.assertEqual(complaint.severity, "major")
        self.assertTrue(self._notes(complaint, "Raised to major"))
        # Its approvals restart, with the director's tier now.
        self.assertEqual(solution.state, "proposed")
        solution.action_request_approval()
        self.assertIn("Director", solution.review_ids.mapped("name"))
        self.assertEqual(recent.severity, "important")

    @freeze_time(NOW)
    def test_the_delay_is_the_companys_and_zero_never(self):
        complaint = self._at_solution_step(received_date=NOW - timedelta(days=31))
        self.company.complaint_major_after_days = 0
        self.env["helpdesk.ticket"]._cron_upgrade_long_open()
        self.assertEqual(complaint.severity, "important")
        self.company.complaint_major_after_days = 40
        self.env["helpdesk.ticket"]._cron_upgrade_long_open()
        self.assertEqual(complaint.severity, "important")
        self.company.complaint_major_after_days = 30
        self.env["helpdesk.ticket"]._cron_upgrade_long_open()
        self.assertEqual(complaint.severity, "major")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.company.complaint_major_after_days = -1
                self.company.flush_recordset()

    # -- ways back to the solution step ---------------------------------------
    def _in_execution(self):
        complaint = self._at_solution_step()
        reprint = self._propose(
            complaint, "solution_type_reprint", amount=0.0, cost=300.0
        )
        self._approve_all(reprint)
        self._offer_and_accept(complaint)
        self.assertEqual(complaint.complaint_step, "execution")
        return complaint, reprint

    def test_back_from_execution_for_a_new_round(self):
        complaint, reprint = self._in_execution()
        state = reprint.state
        with self.assertRefused(ValidationError, "reason to go back"):
            complaint.with_user(self.sales_rep).write(
                {"stage_id": self.stages["solution"].id}
            )
        with self.assertRefused(UserError, "reason"):
            complaint.with_user(self.sales_rep)._complaint_back_to_solution(" ")
        self._wizard(
            self.sales_rep,
            complaint,
            "back_to_solution",
            reason="The reprint is a week late: the customer asks for more",
        ).action_confirm()
        self.assertEqual(complaint.complaint_step, "solution")
        self.assertTrue(self._notes(complaint, "a week late"))
        # The earlier round stays; the new one is proposed, approved, offered.
        self.assertEqual(reprint.state, state)
        with self.assertRefused(ValidationError, "at least one solution"):
            complaint.action_next_step()
        apology = self._propose(complaint, "solution_type_apology")
        self._approve_all(apology)
        self._offer_and_accept(complaint)
        self.assertEqual(complaint.complaint_step, "execution")
        self.assertEqual(apology.state in ("accepted", "in_execution", "done"), True)
        self.assertEqual(reprint.state, state)
        self.assertEqual(len(complaint.decision_ids), 2)
        self.assertTrue(reprint.reprint_order_id)

    def test_back_from_closure_when_the_customer_does_not_confirm(self):
        complaint, reprint = self._in_execution()
        self._deliver(reprint.reprint_order_id)
        reprint.action_done()
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "closure")
        complaint.with_user(self.sales_rep)._complaint_back_to_solution(
            "The customer still finds the covers too dark"
        )
        self.assertEqual(complaint.complaint_step, "solution")
        self.assertEqual(reprint.state, "done")

    def test_a_confirmed_closure_does_not_go_back(self):
        complaint, reprint = self._in_execution()
        self._deliver(reprint.reprint_order_id)
        reprint.action_done()
        complaint.action_next_step()
        complaint.with_user(self.sales_rep).action_confirm_closure()
        with self.assertRefused(ValidationError, "not confirmed"):
            complaint.with_user(self.sales_rep)._complaint_back_to_solution("Why")
        self.assertEqual(complaint.complaint_step, "closure")

    def test_no_way_back_from_the_earlier_steps(self):
        complaint = self._at_solution_step()
        with self.assertRefused(UserError, "execution or closure only"):
            complaint.with_user(self.sales_rep)._complaint_back_to_solution("Why")
