# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestQualityTeam(ComplaintCase):
    """The complaint team of a major case: formed before the complaint
    leaves the solution step, one leader, its members follow the complaint,
    its meetings; a temporary action held until its permanent fix is
    verified; the quality manager's approval of the 8D."""

    def _major_with_offer_ready(self):
        complaint = self._at_solution_step(severity="major")
        solution = self._propose(complaint, "solution_type_apology")
        self._approve_all(solution)
        return complaint

    # -- the team ------------------------------------------------------------
    def test_a_major_complaint_leaves_the_solution_step_with_its_team(self):
        complaint = self._major_with_offer_ready()
        self.assertTrue(complaint.needs_quality_team)
        with self.assertRefused(ValidationError, "complaint team"):
            complaint.with_user(self.sales_rep).action_send_offer()
        self.assertEqual(complaint.complaint_step, "solution")
        complaint.with_user(self.sales_rep).action_form_quality_team()
        complaint.with_user(self.sales_rep).action_send_offer()
        self.assertEqual(complaint.complaint_step, "confirmation")

    def test_a_safety_complaint_needs_a_team_an_important_one_does_not(self):
        important = self._at_solution_step(severity="important")
        self.assertFalse(important.needs_quality_team)
        important.is_safety = True
        self.assertTrue(important.needs_quality_team)

    def test_the_team_proposed_and_following_the_complaint(self):
        complaint = self._at_solution_step(severity="major")
        complaint.responsible_user_id = self.production_head
        complaint.with_user(self.sales_rep).action_form_quality_team()
        roles = {m.user_id: m.role for m in complaint.team_member_ids}
        self.assertEqual(
            roles,
            {
                self.qc_user: "leader",
                self.sales_rep: "sales",
                self.production_head: "production",
            },
        )
        self.assertEqual(complaint.team_leader_id, self.qc_user)
        self.assertLessEqual(
            complaint.team_member_ids.user_id.partner_id,
            complaint.message_partner_ids,
        )
        # Forming it again adds nobody.
        complaint.action_form_quality_team()
        self.assertEqual(len(complaint.team_member_ids), 3)
        self.assertIn("joined the complaint team", complaint.message_ids[0].body)

    def test_one_leader_and_each_member_once(self):
        complaint = self._at_solution_step(severity="major")
        complaint.action_form_quality_team()
        Member = self.env["printing.complaint.team.member"].with_user(self.sales_rep)
        with self.assertRefused(ValidationError, "one leader"):
            Member.create(
                {
                    "ticket_id": complaint.id,
                    "user_id": self.finance_user.id,
                    "role": "leader",
                }
            )
        with self.assertRefused(ValidationError, "already in the complaint team"):
            Member.create(
                {"ticket_id": complaint.id, "user_id": self.qc_user.id, "role": "qc"}
            )
        # The leader leaves (archived, logged): another may lead.
        leader = complaint.team_member_ids.filtered(lambda m: m.role == "leader")
        leader.with_user(self.sales_rep).action_leave_team()
        self.assertFalse(complaint.team_leader_id)
        self.assertIn("left the complaint team", complaint.message_ids[0].body)
        Member.create(
            {"ticket_id": complaint.id, "user_id": self.manager.id, "role": "leader"}
        )
        self.assertEqual(complaint.team_leader_id, self.manager)
        for user in (self.sales_rep, self.manager):
            with self.assertRaises(AccessError):
                complaint.team_member_ids.with_user(user).unlink()

    def test_the_team_of_another_teams_complaint_is_not_the_reps(self):
        theirs = self._create_complaint(
            team_id=self.other_team.id, user_id=self.other_rep.id
        )
        with self.assertRaises(AccessError):
            self.env["printing.complaint.team.member"].with_user(self.sales_rep).create(
                {"ticket_id": theirs.id, "user_id": self.sales_rep.id}
            )

    # -- meetings ------------------------------------------------------------
    def test_meetings_of_the_team(self):
        complaint = self._at_solution_step(severity="major")
        complaint.action_form_quality_team()
        action = self._file_action(complaint)
        Meeting = self.env["printing.complaint.meeting"]
        meeting = Meeting.with_user(self.sales_rep).create(
            {
                "ticket_id": complaint.id,
                "name": "Kick-off",
                "decisions": "<p>Sort the stock</p>",
                "action_ids": [Command.set(action.ids)],
            }
        )
        self.assertEqual(meeting.attendee_ids, complaint.team_member_ids.user_id)
        self.assertEqual(meeting.user_id, self.sales_rep)
        self.assertEqual(complaint.meeting_ids, meeting)
        self.assertIn("Kick-off", complaint.message_ids[0].body)
        # Every role handling the complaint reads it; the other team's rep not.
        for user in (self.qc_user, self.production_head, self.finance_user):
            self.assertTrue(Meeting.with_user(user).search([("id", "=", meeting.id)]))
        self.assertFalse(
            Meeting.with_user(self.other_rep).search([("id", "=", meeting.id)])
        )
        # The actions are the complaint's own; the minutes are never deleted.
        other = self._create_complaint(name="Another complaint")
        foreign = self._file_action(other)
        with self.assertRefused(ValidationError, "actions of a meeting"):
            meeting.with_user(self.sales_rep).action_ids = [Command.link(foreign.id)]
        for user in (self.sales_rep, self.manager):
            with self.assertRaises(AccessError):
                meeting.with_user(user).unlink()

    # -- temporary and permanent actions -------------------------------------
    def test_a_temporary_action_stays_open_until_its_fix_is_verified(self):
        complaint = self._at_solution_step(severity="major")
        permanent = self._file_action(complaint, name="Lock the die chase")
        temporary = self._file_action(
            complaint,
            kind="immediate",
            name="Sort the stock",
            permanent_action_id=permanent.id,
        )
        closed = self.env.ref("mgmtsystem_action.stage_close")
        close = {"stage_id": closed.id, "completion_evidence": "Done"}
        owner = self.production_head
        with self.assertRefused(ValidationError, "stays open"):
            temporary.with_user(owner).write(close)
        permanent.with_user(owner).write(close)
        with self.assertRefused(ValidationError, "stays open"):
            temporary.with_user(owner).write(close)
        permanent.with_user(owner)._record_effectiveness(
            "effective", "No reject since", 3.0, 0.2
        )
        temporary.with_user(owner).write(close)
        self.assertEqual(temporary.stage_id, closed)
        self.assertEqual(permanent.temporary_action_ids, temporary)

    def test_only_a_temporary_action_has_a_permanent_one(self):
        complaint = self._at_solution_step()
        correction = self._file_action(complaint)
        with self.assertRefused(ValidationError, "temporary"):
            self._file_action(
                complaint, kind="prevention", permanent_action_id=correction.id
            )
        prevention = self._file_action(complaint, kind="prevention")
        with self.assertRefused(ValidationError, "corrective"):
            self._file_action(
                complaint, kind="immediate", permanent_action_id=prevention.id
            )

    # -- the 8D's approval ---------------------------------------------------
    def test_the_quality_manager_approves_a_complete_8d(self):
        complaint = self._at_solution_step(severity="major")
        for user in (self.qc_user, self.manager, self.sales_rep):
            with self.assertRefused(AccessError, "quality manager"):
                complaint.with_user(user).action_approve_eight_d()
        with self.assertRefused(UserError, "escape cause") as caught:
            complaint.with_user(self.quality_manager).action_approve_eight_d()
        self.assertIn("corrective action", str(caught.exception))
        self.assertIn("complaint team", str(caught.exception))
        complaint.escape_cause = "The patrol check has no die-cut gauge."
        self._file_action(complaint)
        complaint.action_form_quality_team()
        complaint.with_user(self.quality_manager).action_approve_eight_d()
        self.assertEqual(complaint.eight_d_reviewed_by_id, self.quality_manager)
        self.assertTrue(complaint.eight_d_reviewed_date)
        self.assertIn("8D report approved", complaint.message_ids[0].body)
        # The approved causes change: the 8D is approved again.
        complaint.with_user(self.production_head).escape_cause = "No gauge"
        self.assertFalse(complaint.eight_d_reviewed_date)
        self.assertFalse(complaint.eight_d_reviewed_by_id)
        self.assertIn("approved again", complaint.message_ids[0].body)

    def _approved_eight_d(self):
        """A major complaint whose complete 8D the quality manager approved,
        with its corrective action."""
        complaint = self._at_solution_step(severity="major")
        complaint.escape_cause = "The patrol check has no die-cut gauge."
        correction = self._file_action(complaint)
        complaint.action_form_quality_team()
        complaint.with_user(self.quality_manager).action_approve_eight_d()
        self.assertTrue(complaint.eight_d_reviewed_date)
        return complaint, correction

    def _assert_to_approve_again(self, complaint):
        self.assertFalse(complaint.eight_d_reviewed_date)
        self.assertFalse(complaint.eight_d_reviewed_by_id)
        self.assertIn(
            "The actions changed: the 8D report is to be approved again.",
            complaint.message_ids[0].body,
        )

    def test_the_8d_is_approved_again_when_its_actions_change(self):
        """Which actions the approved 8D has, and what each says, on every
        path: an action filed, reworded, re-kinded, unlinked from either
        side, archived or deleted."""
        owner = self.production_head
        changes = [
            lambda c, a: self._file_action(c, kind="prevention"),
            lambda c, a: a.with_user(owner).write({"name": "Gauge at press start"}),
            lambda c, a: a.write({"type_action": "prevention"}),
            lambda c, a: a.write({"complaint_ids": [Command.clear()]}),
            lambda c, a: c.write({"capa_action_ids": [Command.unlink(a.id)]}),
            lambda c, a: a.write({"active": False}),
            lambda c, a: a.sudo().unlink(),
        ]
        for index, change in enumerate(changes):
            with self.subTest(change=index):
                complaint, correction = self._approved_eight_d()
                change(complaint, correction)
                self._assert_to_approve_again(complaint)

    def test_the_8d_approval_stays_while_its_actions_progress(self):
        """The progress of the approved actions (stage, evidence, deadline)
        and a rewrite that says the same keep the approval."""
        complaint, correction = self._approved_eight_d()
        approved_on = complaint.eight_d_reviewed_date
        correction.with_user(self.production_head).write(
            {
                "name": correction.name,
                "date_deadline": fields.Date.add(correction.date_deadline, days=10),
                "completion_evidence": "Gauge installed on press 2",
            }
        )
        complaint.write({"capa_action_ids": [Command.set(correction.ids)]})
        self.assertEqual(complaint.eight_d_reviewed_date, approved_on)
        self.assertEqual(complaint.eight_d_reviewed_by_id, self.quality_manager)

    def test_the_8d_review_is_not_written_by_hand(self):
        complaint = self._at_solution_step()
        for user in (self.quality_manager, self.manager, self.sales_rep):
            for field, value in (
                ("eight_d_reviewed_by_id", user.id),
                ("eight_d_reviewed_date", "2026-01-01 00:00:00"),
                ("eight_d_sent_date", "2026-01-01 00:00:00"),
            ):
                with self.assertRaises(AccessError, msg=f"{user.login} {field}"):
                    complaint.with_user(user).write({field: value})
        self.assertFalse(complaint.eight_d_reviewed_by_id)
