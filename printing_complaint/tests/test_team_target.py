# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A team's overall target (a quick-print shop: first answer within 24 h,
result within 3 working days), planned, met and escalated."""

from datetime import datetime

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import ComplaintCase

# A Monday far from public holidays.
MONDAY = datetime(2026, 9, 14, 10, 0)


@tagged("post_install", "-at_install")
class TestTeamTarget(ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team.write({"complaint_answer_hours": 24, "complaint_result_days": 3})

    def _overdue_activities(self, complaint):
        return complaint.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("printing_complaint.activity_complaint_overdue")
        )

    @freeze_time(MONDAY)
    def test_targets_planned_on_reception(self):
        complaint = self._create_complaint()
        self.assertEqual(complaint.target_answer_deadline, datetime(2026, 9, 15, 10))
        # 3 working days of 8 h from Monday 10:00: Thursday 10:00.
        self.assertEqual(complaint.target_result_deadline, datetime(2026, 9, 17, 10))
        self.assertFalse(complaint.target_missed)
        other = self._create_complaint(team_id=self.other_team.id)
        self.assertFalse(other.target_answer_deadline)
        self.assertFalse(other.target_result_deadline)

    def test_targets_met_by_the_verification_and_the_offer(self):
        with freeze_time(MONDAY):
            complaint = self._at_solution_step()
        self.assertEqual(complaint.target_answer_date, MONDAY)
        self.assertFalse(complaint.target_result_date)
        solution = self._propose(complaint, "solution_type_apology")
        self._approve_all(solution)
        with freeze_time(datetime(2026, 9, 18, 9, 0)):  # Friday: a day late
            complaint.action_send_offer()
            self.assertEqual(complaint.target_result_date, datetime(2026, 9, 18, 9))
            self.assertTrue(complaint.target_missed)

    def test_missed_target_escalated_once(self):
        with freeze_time(MONDAY):
            complaint = self._create_complaint()
            answered = self._create_complaint()
        with freeze_time(datetime(2026, 9, 14, 15, 0)):
            self._registered_complete(answered)
            answered.action_next_step()
            answered.write(
                {
                    "proof_checked": True,
                    "category_id": self.colour.id,
                    "validity": "valid",
                }
            )
            answered.action_next_step()  # answered on time
        with freeze_time(datetime(2026, 9, 15, 11, 0)):  # 25 h later
            self.env["helpdesk.ticket"]._cron_escalate_missed_targets()
            self.assertTrue(complaint.target_escalated)
            self.assertTrue(complaint.target_missed)
            self.assertEqual(
                self._overdue_activities(complaint).user_id, self.team.user_id
            )
            self.assertFalse(answered.target_escalated)
            self.env["helpdesk.ticket"]._cron_escalate_missed_targets()
        self.assertEqual(len(self._overdue_activities(complaint)), 1)
        self.assertTrue(
            complaint.message_ids.filtered(lambda m: "team's target" in (m.body or ""))
        )

    def test_targets_are_the_procedures(self):
        complaint = self._create_complaint()
        with self.assertRefused(AccessError, "set by the complaint procedure"):
            complaint.with_user(self.sales_rep).write({"target_answer_date": MONDAY})
        with self.assertRefused(ValidationError, "cannot be negative"):
            self.team.complaint_result_days = -1


@tagged("post_install", "-at_install")
class TestClockFollowsSeverity(ComplaintCase):
    @freeze_time(MONDAY)
    def test_new_severity_replans_the_step(self):
        complaint = self._create_complaint(severity="general")
        self._registered_complete(complaint)
        complaint.action_next_step()
        # Verification: 4 working hours for a general complaint (10-12, 13-15).
        self.assertEqual(complaint.step_deadline, datetime(2026, 9, 14, 15, 0))
        complaint.with_user(self.qc_user).severity = "major"
        # A major one has 2: from the step's start at 10:00, due by 12:00.
        self.assertEqual(complaint.step_deadline, datetime(2026, 9, 14, 12, 0))
        line = complaint.stage_history_ids.filtered(lambda h: not h.exit_date)
        self.assertEqual(line.deadline, datetime(2026, 9, 14, 12, 0))
        self.assertEqual(line.severity, "major")
        self.assertTrue(
            complaint.message_ids.filtered(
                lambda m: "severity changed" in (m.body or "")
            )
        )
        # A safety issue runs on the major limits already: nothing moves.
        complaint.is_safety = True
        self.assertEqual(complaint.step_deadline, datetime(2026, 9, 14, 12, 0))
