# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime
from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged

from ..models import printing_complaint_activity_mixin as activity_mixin
from .common import ComplaintCase

# Every step of the procedure, in order.
ALL_STEPS = [
    "registered",
    "verification",
    "solution",
    "confirmation",
    "execution",
    "closure",
    "closed",
]


@tagged("post_install", "-at_install")
class TestComplaintLifecycle(ComplaintCase):
    def _step(self, complaint):
        complaint.invalidate_recordset()
        return complaint.complaint_step

    # -- registration --------------------------------------------------
    def test_registration_number_history_and_activity(self):
        complaint = self._create_complaint()
        self.assertRegex(complaint.number, r"^TS\d{4}-\d{5}$")
        self.assertEqual(complaint.complaint_step, "registered")
        self.assertEqual(complaint.product_ids, self.brochure)
        history = complaint.stage_history_ids
        self.assertEqual(len(history), 1)
        self.assertEqual(history.step, "registered")
        self.assertFalse(history.exit_date)
        activity = complaint.activity_ids
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("printing_complaint.activity_complaint_register"),
        )
        self.assertEqual(activity.user_id, self.sales_rep)

    def _flush_commit(self):
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _emails(self, complaint):
        complaint.invalidate_recordset(["message_ids"])
        return complaint.message_ids.filtered(
            lambda m: m.message_type != "notification"
        )

    def test_acknowledgement_email_on_registration(self):
        complaint = self._create_complaint()
        self._flush_commit()
        self.assertTrue(complaint.acknowledged_date)
        email = self._emails(complaint).filtered(
            lambda m: "we received your feedback" in (m.subject or "")
        )
        self.assertEqual(len(email), 1)
        self.assertIn(complaint.number, email.subject)
        self.assertIn(complaint.number, email.body)
        outgoing = self.env["mail.mail"].search([("mail_message_id", "=", email.id)])
        self.assertEqual(outgoing.recipient_ids, self.customer)

    def test_acknowledgement_in_customer_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "printing_complaint")]
        )._update_translations(["zh_CN"])
        self.customer.lang = "zh_CN"
        complaint = self._create_complaint()
        self._flush_commit()
        email = self._emails(complaint).filtered(
            lambda m: complaint.number in (m.subject or "")
        )
        self.assertEqual(len(email), 1)
        self.assertIn("我们已收到您的反馈", email.subject)
        self.assertIn("投诉编号", email.body)

    def test_acknowledgement_by_phone(self):
        contact = self.env["res.partner"].create(
            {"name": "Mrs Wu", "parent_id": self.customer.id}
        )
        complaint = self._create_complaint(partner_id=contact.id)
        self.assertFalse(complaint.acknowledged_date)
        complaint.action_acknowledge()
        self.assertTrue(complaint.acknowledged_date)

    def test_created_only_at_registration(self):
        with self.assertRefused(ValidationError, "registration step"):
            self._create_complaint(stage_id=self.stages["solution"].id)

    def test_copy_is_a_new_complaint_at_registration(self):
        complaint = self._create_complaint()
        self._registered_complete(complaint)
        complaint.action_next_step()
        copy = complaint.copy()
        self.assertRegex(copy.number, r"^TS\d{4}-\d{5}$")
        self.assertNotEqual(copy.number, complaint.number)
        self.assertEqual(copy.complaint_step, "registered")
        self.assertEqual(len(copy.stage_history_ids), 1)
        self.assertFalse(copy.evidence_ids)

    def test_numbers_are_unique_and_increasing(self):
        first, second = self.env["helpdesk.ticket"].create(
            [self._complaint_vals(), self._complaint_vals(name="Second")]
        )
        self.assertNotEqual(first.number, second.number)
        self.assertLess(first.number, second.number)

    # -- gates -----------------------------------------------------------
    def test_gate_refuses_premature_move_by_write_and_button(self):
        # A contact without email: nobody has acknowledged the complaint yet.
        contact = self.env["res.partner"].create(
            {"name": "Mr Li", "parent_id": self.customer.id}
        )
        complaint = self._create_complaint(partner_id=contact.id)
        self.assertFalse(complaint.acknowledged_date)
        with self.assertRefused(ValidationError, "evidence") as error:
            complaint.write({"stage_id": self.stages["verification"].id})
        self.assertIn("acknowledgement", str(error.exception))
        self.assertEqual(self._step(complaint), "registered")
        with self.assertRefused(ValidationError, "cannot leave"):
            complaint.action_next_step()
        self.assertEqual(self._step(complaint), "registered")
        self.assertEqual(len(complaint.stage_history_ids), 1)

    def test_every_gate_refuses_by_write_and_by_button(self):
        """Each step refuses to be left before its facts are recorded, whether
        the user clicks "Next step" or writes the stage (kanban drag, RPC)."""
        complaint = self._create_complaint()
        self._registered_complete(complaint)
        facts = [
            ("verification", "solution", "proof checked", self._verification_complete),
            ("solution", "confirmation", "responsibility type", self._plan_and_offer),
            ("confirmation", "execution", "acceptance", self._accept),
            ("execution", "closure", "carried out", self._carry_out),
            (
                "closure",
                "closed",
                "confirmation of closure",
                self._closure_complete,
            ),
        ]
        complaint.action_next_step()
        for step, target, missing, complete in facts:
            self.assertEqual(complaint.complaint_step, step)
            with self.assertRefused(ValidationError, missing):
                complaint.write({"stage_id": self.stages[target].id})
            self.assertEqual(self._step(complaint), step)
            with self.assertRefused(ValidationError, missing):
                complaint.action_next_step()
            self.assertEqual(self._step(complaint), step)
            complete(complaint)
            # Sending the offer and the customer's answer move the complaint.
            if complaint.complaint_step == step:
                complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "closed")

    def _plan_and_offer(self, complaint):
        complaint.write(
            {
                "responsibility_id": self.production.id,
                "root_cause": "Ink density",
                "customer_summary": "The cover was printed too dark on our press.",
            }
        )
        solution = self._propose(complaint, "solution_type_reprint")
        self._approve_all(solution)
        complaint.action_send_offer()

    def _accept(self, complaint):
        self.env["printing.complaint.decision"].create(
            {"ticket_id": complaint.id, "decision": "accepted", "note": "Fine"}
        )

    def _carry_out(self, complaint):
        solution = complaint.solution_ids
        self._deliver(solution.reprint_order_id)
        solution.action_done()

    def test_complaint_cannot_leave_the_procedure_by_team(self):
        complaint = self._create_complaint()
        plain_team = self.env["helpdesk.ticket.team"].create({"name": "IT support"})
        with self.assertRefused(ValidationError, "another complaint team"):
            complaint.write({"team_id": plain_team.id})
        self.assertEqual(self._step(complaint), "registered")
        # Between complaint teams, the complaint keeps its step.
        complaint.write({"team_id": self.other_team.id})
        self.assertEqual(self._step(complaint), "registered")
        self.assertEqual(len(complaint.stage_history_ids), 1)

    def test_ticket_moved_into_complaint_team_starts_at_registration(self):
        plain_team = self.env["helpdesk.ticket.team"].create({"name": "Front desk"})
        ticket = self.env["helpdesk.ticket"].create(
            {"name": "Call", "description": "<p>x</p>", "team_id": plain_team.id}
        )
        ticket.write({"team_id": self.team.id})
        self.assertEqual(ticket.complaint_step, "registered")
        self.assertEqual(ticket.stage_history_ids.step, "registered")
        self.assertTrue(ticket.step_deadline)

    def test_gate_counts_facts_written_with_the_stage(self):
        complaint = self._create_complaint()
        self._add_photo(complaint)
        complaint.write(
            {
                "stage_id": self.stages["verification"].id,
                "acknowledged_date": fields.Datetime.now(),
            }
        )
        self.assertEqual(complaint.complaint_step, "verification")

    def test_only_process_moves_allowed(self):
        complaint = self._create_complaint()
        self._registered_complete(complaint)
        with self.assertRefused(ValidationError, "cannot move from"):
            complaint.write({"stage_id": self.stages["solution"].id})
        # Only a merged duplicate closes at registration.
        with self.assertRefused(ValidationError, "original complaint it duplicates"):
            complaint.write({"stage_id": self.stages["closed"].id})
        self.assertEqual(self._step(complaint), "registered")

    def test_verification_needs_classification_and_validity(self):
        complaint = self._create_complaint()
        self._registered_complete(complaint)
        complaint.action_next_step()
        with self.assertRefused(ValidationError, "defect category"):
            complaint.action_next_step()
        complaint.write({"proof_checked": True, "category_id": self.colour.id})
        with self.assertRefused(ValidationError, "validity"):
            complaint.action_next_step()
        complaint.validity = "valid"
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "solution")

    def _next(self, complaint):
        """Click "Next step"; each click is its own transaction, whose commit
        writes the tracking values."""
        complaint.action_next_step()
        self.env.flush_all()
        self.env.cr.precommit.run()

    def test_full_happy_path_and_tracking(self):
        complaint = self._create_complaint()
        self._registered_complete(complaint)
        self.env.flush_all()
        self.env.cr.precommit.run()  # the registration is committed
        self._next(complaint)
        self.assertEqual(complaint.activity_ids.user_id, self.qc_user)
        self._verification_complete(complaint)
        self._next(complaint)
        self._plan_and_offer(complaint)
        self.env.flush_all()
        self.env.cr.precommit.run()
        self._accept(complaint)
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertEqual(complaint.complaint_step, "execution")
        self._carry_out(complaint)
        self._next(complaint)
        self._closure_complete(complaint, summary="Reprinted")
        self._next(complaint)
        self.assertEqual(complaint.complaint_step, "closed")
        self.assertTrue(complaint.closed)
        closure = self._emails(complaint).filtered(
            lambda m: "is closed" in (m.subject or "")
        )
        self.assertEqual(len(closure), 1)
        self.assertIn("Reprinted", closure.body)
        steps = complaint.stage_history_ids.mapped("step")
        self.assertEqual(
            steps,
            ALL_STEPS,
        )
        self.assertTrue(all(complaint.stage_history_ids[:-1].mapped("exit_date")))
        self.assertFalse(complaint.step_deadline)
        self.assertFalse(complaint.activity_ids)
        complaint.invalidate_recordset(["message_ids"])
        tracked = complaint.message_ids.tracking_value_ids.filtered(
            lambda v: v.field_id.name == "stage_id"
        )
        self.assertEqual(len(tracked), 6)

    def test_rejection_loops_back_to_solution(self):
        complaint = self._create_complaint()
        self._registered_complete(complaint)
        complaint.action_next_step()
        self._verification_complete(complaint)
        complaint.action_next_step()
        self._plan_and_offer(complaint)
        Decision = self.env["printing.complaint.decision"]
        with self.assertRefused(UserError, "asks for instead"):
            Decision.create({"ticket_id": complaint.id, "decision": "rejected"})
        with self.assertRefused(ValidationError, "rejection"):
            complaint.write({"stage_id": self.stages["solution"].id})
        Decision.create(
            {"ticket_id": complaint.id, "decision": "rejected", "note": "Wants refund"}
        )
        self.assertEqual(complaint.complaint_step, "solution")
        self.assertEqual(complaint.solution_ids.state, "rejected")
        self.assertEqual(complaint.solution_ids.reprint_order_id.state, "cancel")
        self.assertEqual(complaint.decision_ids.note, "Wants refund")
        self.assertEqual(
            complaint.stage_history_ids.mapped("step").count("solution"), 2
        )
        # No answer is recorded while no offer waits.
        with self.assertRefused(UserError, "no offer waiting"):
            Decision.create({"ticket_id": complaint.id, "decision": "accepted"})

    def test_not_valid_closes_with_reason(self):
        complaint = self._create_complaint()
        self._registered_complete(complaint)
        complaint.action_next_step()
        complaint.write(
            {
                "proof_checked": True,
                "category_id": self.colour.id,
                "validity": "not_valid",
            }
        )
        with self.assertRefused(ValidationError, "reason"):
            complaint.action_next_step()
        complaint.invalid_reason = "The colour matches the signed proof."
        self._flush_commit()
        complaint.action_next_step()
        self._flush_commit()
        self.assertEqual(complaint.complaint_step, "closed")
        answer = self._emails(complaint).filtered(
            lambda m: "about your complaint" in (m.subject or "")
        )
        self.assertEqual(len(answer), 1)
        self.assertIn("The colour matches the signed proof.", answer.body)
        self.assertFalse(
            self._emails(complaint).filtered(lambda m: "is closed" in (m.subject or ""))
        )

    def test_praise_has_its_light_flow(self):
        praise = self._create_complaint(
            feedback_type="praise", name="Great job", sale_line_ids=False
        )
        with self.assertRefused(ValidationError, "answer"):
            praise.action_next_step()
        praise.feedback_answer = "Thanked; shared with the press team."
        praise.action_next_step()
        self.assertEqual(praise.complaint_step, "closed")

    # -- intake validation ---------------------------------------------------
    def test_lines_of_another_order_refused(self):
        other = self.order.copy()
        other.action_confirm()
        with self.assertRefused(ValidationError, "must belong"):
            self._create_complaint(sale_line_ids=[(6, 0, other.order_line.ids)])

    def test_order_of_another_customer_refused(self):
        stranger = self.env["res.partner"].create({"name": "Someone Else"})
        with self.assertRefused(ValidationError, "another customer"):
            self._create_complaint(partner_id=stranger.id)

    def test_negative_quantity_refused(self):
        with self.assertRefused(ValidationError, "negative"):
            self._create_complaint(quantity_affected=-5)

    def test_oral_complaint_awaits_written_confirmation(self):
        complaint = self._create_complaint(is_oral=True)
        self.assertTrue(complaint.awaiting_written_confirmation)
        complaint.written_confirmation_date = fields.Date.today()
        self.assertFalse(complaint.awaiting_written_confirmation)

    # -- classification --------------------------------------------------------
    def test_tolerance_order_then_product_then_company(self):
        complaint = self._create_complaint(
            category_id=self.colour.id, measured_deviation=2.5
        )
        self.assertEqual(complaint.tolerance, 3.0)  # company default
        self.assertFalse(complaint.out_of_tolerance)
        self.brochure.product_tmpl_id.complaint_tolerance_delta_e = 2.0
        complaint.invalidate_recordset()
        complaint._compute_tolerance()
        self.assertEqual(complaint.tolerance, 2.0)
        self.assertTrue(complaint.out_of_tolerance)
        self.order.complaint_tolerance_delta_e = 4.0
        self.assertEqual(complaint.tolerance, 4.0)
        self.assertFalse(complaint.out_of_tolerance)

    def test_severity_sets_priority(self):
        complaint = self._create_complaint(severity="major")
        self.assertEqual(complaint.priority, "3")
        complaint.write({"severity": "general", "is_safety": True})
        self.assertEqual(complaint.priority, "3")
        complaint.is_safety = False
        self.assertEqual(complaint.priority, "1")

    # -- time limits in working hours ----------------------------------------
    def test_deadline_over_night_and_weekend(self):
        # Friday 2026-11-20 16:30 UTC: half an hour left in the week.
        with freeze_time("2026-11-20 16:30:00"):
            complaint = self._create_complaint()
            self.assertEqual(complaint.step_deadline, datetime(2026, 11, 23, 8, 30))
        # Verification (4 h) entered Monday 15:00: 2 h Monday, 2 h Tuesday.
        self._registered_complete(complaint)
        with freeze_time("2026-11-23 15:00:00"):
            complaint.action_next_step()
            self.assertEqual(complaint.step_deadline, datetime(2026, 11, 24, 10, 0))
        line = complaint.stage_history_ids[0]
        # Friday 16:30-17:00 and Monday 8:00-12:00, 13:00-15:00.
        self.assertAlmostEqual(line.working_hours, 6.5)
        self.assertTrue(line.is_late)

    def test_deadline_and_working_hours_across_a_public_holiday(self):
        # National Day 2026, Thursday 1 to Wednesday 7 October: a public
        # holiday of the company's working schedule (the demo company has
        # it already; the test does not rely on demo data).
        self.calendar.leave_ids = [
            Command.create(
                {
                    "name": "National Day",
                    "date_from": datetime(2026, 10, 1, 0, 0),
                    "date_to": datetime(2026, 10, 7, 23, 59, 59),
                }
            )
        ]
        # Wednesday 30 September 16:30: half an hour left before the holiday.
        with freeze_time("2026-09-30 16:30:00"):
            complaint = self._create_complaint()
            self.assertEqual(complaint.step_deadline, datetime(2026, 10, 8, 8, 30))
            activity = complaint.activity_ids
            self.assertEqual(activity.date_deadline, date(2026, 10, 8))
        self._registered_complete(complaint)
        with freeze_time("2026-10-08 10:00:00"):
            complaint.invalidate_recordset(["is_overdue"])
            self.assertTrue(complaint.is_overdue)
            complaint.action_next_step()
        line = complaint.stage_history_ids[0]
        # 16:30-17:00 on 30 September and 8:00-10:00 on 8 October.
        self.assertAlmostEqual(line.working_hours, 2.5)
        self.assertTrue(line.is_late)

    def test_time_limits_per_severity(self):
        limit = self.env.ref("printing_complaint.time_limit_registered_major")
        limit.hours = 0.5
        with freeze_time("2026-11-23 09:00:00"):
            major = self._create_complaint(severity="major")
            general = self._create_complaint()
        self.assertEqual(major.step_deadline, datetime(2026, 11, 23, 9, 30))
        self.assertEqual(general.step_deadline, datetime(2026, 11, 23, 10, 0))

    def test_major_and_safety_run_on_half_the_time(self):
        limits = self.env["printing.complaint.time.limit"]._limits_by_key(self.company)
        key = self.company.id
        for step in ("registered", "verification", "solution", "confirmation"):
            self.assertEqual(
                limits[(key, step, "major")] * 2, limits[(key, step, "general")], step
            )
        with freeze_time("2026-11-23 09:00:00"):
            safety = self._create_complaint(is_safety=True)
            general = self._create_complaint()
        self.assertEqual(safety.step_deadline, datetime(2026, 11, 23, 9, 30))
        self.assertEqual(general.step_deadline, datetime(2026, 11, 23, 10, 0))

    # -- escalation ----------------------------------------------------------
    def test_cron_escalates_once(self):
        with freeze_time("2026-11-23 09:00:00"):
            complaint = self._create_complaint()
        overdue_type = self.env.ref("printing_complaint.activity_complaint_overdue")
        with freeze_time("2026-11-23 11:00:00"):
            self.assertTrue(complaint.is_overdue)
            self.assertIn(
                complaint,
                self.env["helpdesk.ticket"].search([("is_overdue", "=", True)]),
            )
            messages = len(complaint.message_ids)
            self.env["helpdesk.ticket"]._cron_escalate_overdue()
            self.env["helpdesk.ticket"]._cron_escalate_overdue()
        escalations = complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == overdue_type
        )
        self.assertEqual(len(escalations), 1)
        self.assertEqual(escalations.user_id, self.manager)
        self.assertEqual(len(complaint.message_ids), messages + 1)
        self.assertTrue(complaint.stage_history_ids.escalated)
        notices = self.env["mail.message"].search(
            [
                ("partner_ids", "in", self.manager.partner_id.ids),
                ("subject", "ilike", "overdue"),
            ]
        )
        self.assertEqual(len(notices), 1)
        self.assertIn(complaint.number, notices.body)

    def test_escalation_writes_what_the_orm_writes(self):
        """The cron inserts its activities and notes in SQL: they are the
        records the ORM would have created, seen at once by the manager."""
        with freeze_time("2026-11-23 09:00:00"):
            complaint = self._create_complaint()
        with freeze_time("2026-11-23 10:30:00"):
            twin = self._create_complaint()  # not overdue at 11:00
        overdue = "printing_complaint.activity_complaint_overdue"
        step_activities = complaint.activity_ids  # in the cache before the cron
        with freeze_time("2026-11-23 11:00:00"):
            self.env["helpdesk.ticket"]._cron_escalate_overdue()
            # What the ORM creates for the same values.
            twin._complaint_schedule_activities(
                [
                    twin._complaint_activity_vals(
                        overdue,
                        self.manager,
                        date(2026, 11, 23),
                        "Complaint overdue",
                    )
                ]
            )
            twin._complaint_log_batch(
                "The deadline of this step has passed: escalated to the team manager."
            )
        # In the same transaction, the complaint's cache knows the activity.
        inserted = complaint.activity_ids - step_activities
        self.assertEqual(inserted.activity_type_id, self.env.ref(overdue))
        created = twin._complaint_activities(overdue)[-1:]
        activity_fields = [
            "res_model",
            "activity_type_id",
            "summary",
            "date_deadline",
            "user_id",
            "user_tz",
            "automated",
            "active",
            "state",
        ]

        def values(record, names):
            return {k: str(v) for k, v in record.read(names)[0].items() if k != "id"}

        self.assertEqual(
            values(inserted, activity_fields), values(created, activity_fields)
        )
        self.assertEqual(inserted.res_name, complaint.display_name)
        self.assertIn(self.manager.partner_id, complaint.message_partner_ids)

        def manager_follower(ticket):
            return ticket.message_follower_ids.filtered(
                lambda f: f.partner_id == self.manager.partner_id
            )

        self.assertEqual(manager_follower(complaint).helpdesk_ticket_id, complaint)
        self.assertEqual(
            manager_follower(complaint).subtype_ids, manager_follower(twin).subtype_ids
        )
        self.assertTrue(manager_follower(complaint).subtype_ids)
        note_fields = [
            "body",
            "author_id",
            "email_from",
            "reply_to",
            "message_type",
            "subtype_id",
            "is_internal",
        ]
        self.env.invalidate_all()
        self.assertEqual(
            values(complaint.message_ids[:1], note_fields),
            values(twin.message_ids[:1], note_fields),
        )
        # The manager sees both in their own rights.
        as_manager = complaint.with_user(self.manager)
        self.assertIn(inserted.id, as_manager.activity_ids.ids)
        self.assertIn("escalated to the team manager", as_manager.message_ids[:1].body)

    def test_inserted_followers_are_those_message_subscribe_adds(self):
        """The crons' followers, inserted in SQL: an internal user gets the
        model's default subtypes and a portal contact the external ones, as
        message_subscribe gives them; a follower keeps the subtypes chosen,
        an archived contact is not subscribed; with a column of another
        module on followers, message_subscribe does the work."""
        complaint, twin, third = (self._create_complaint() for _i in range(3))
        portal = self.env["res.partner"].create({"name": "Portal contact"})
        archived = self.env["res.partner"].create({"name": "Gone", "active": False})
        note = self.env.ref("mail.mt_note")
        complaint.message_subscribe(self.manager.partner_id.ids, [note.id])
        pairs = {
            (record.id, partner.id)
            for record in (complaint, twin)
            for partner in (self.manager.partner_id, portal, archived)
        }
        complaint._complaint_insert_followers(pairs)
        third.message_subscribe((self.manager.partner_id | portal).ids)

        def subtypes(ticket, partner):
            return ticket.message_follower_ids.filtered(
                lambda f: f.partner_id == partner
            ).subtype_ids

        self.assertEqual(subtypes(complaint, self.manager.partner_id), note)
        for partner in (self.manager.partner_id, portal):
            self.assertEqual(subtypes(twin, partner), subtypes(third, partner))
        self.assertNotEqual(
            subtypes(twin, portal), subtypes(twin, self.manager.partner_id)
        )
        self.assertNotIn(archived, twin.message_partner_ids)
        fourth = self._create_complaint()
        with patch.object(activity_mixin, "FOLLOWER_COLUMNS", {"id", "res_id"}):
            fourth._complaint_insert_followers({(fourth.id, portal.id)})
        self.assertEqual(subtypes(fourth, portal), subtypes(third, portal))

    def test_escalation_sends_one_short_digest_per_run(self):
        """Thousands overdue on a first run: one digest per manager, listing
        the first 50 and counting the rest."""
        with freeze_time("2026-11-23 09:00:00"):
            complaints = self.env["helpdesk.ticket"].create(
                [self._complaint_vals() for _i in range(55)]
            )
        with freeze_time("2026-11-23 11:00:00"):
            self.env["helpdesk.ticket"]._cron_escalate_overdue(batch_size=20)
        notices = self.env["mail.message"].search(
            [
                ("partner_ids", "in", self.manager.partner_id.ids),
                ("subject", "ilike", "overdue"),
            ]
        )
        self.assertEqual(len(notices), 1)
        self.assertIn("55 complaint step(s) overdue", notices.subject)
        self.assertEqual(notices.body.count("<li>"), 50)
        self.assertIn("and 5 more", notices.body)
        self.assertTrue(all(complaints.stage_history_ids.mapped("escalated")))

    # -- access ------------------------------------------------------------------
    def test_sales_rep_sees_own_team_only(self):
        mine = self._create_complaint()
        theirs = self._create_complaint(
            team_id=self.other_team.id, user_id=self.other_rep.id
        )
        Ticket = self.env["helpdesk.ticket"].with_user(self.sales_rep)
        visible = Ticket.search([("id", "in", [mine.id, theirs.id])])
        self.assertEqual(visible, mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.sales_rep).read(["name"])
        # QC sees every complaint.
        qc_visible = (
            self.env["helpdesk.ticket"]
            .with_user(self.qc_user)
            .search([("id", "in", [mine.id, theirs.id])])
        )
        self.assertEqual(qc_visible, mine | theirs)

    def test_sales_rep_cannot_edit_time_limits(self):
        limit = self.env.ref("printing_complaint.time_limit_registered_general")
        with self.assertRaises(AccessError):
            limit.with_user(self.sales_rep).hours = 10
        limit.with_user(self.manager).hours = 2
        self.assertEqual(limit.hours, 2)

    def test_kanban_columns_are_the_complaint_steps(self):
        self._create_complaint()
        groups = (
            self.env["helpdesk.ticket"]
            .with_context(default_team_id=self.team.id)
            .web_read_group([("is_complaint", "=", True)], ["stage_id"], ["stage_id"])[
                "groups"
            ]
        )
        steps = [
            self.env["helpdesk.ticket.stage"].browse(g["stage_id"][0]).complaint_step
            for g in groups
        ]
        self.assertEqual(
            steps,
            ALL_STEPS,
        )

    # -- sale order --------------------------------------------------------------
    def test_log_complaint_from_order(self):
        action = self.order.with_user(self.sales_rep).action_log_complaint()
        context = action["context"]
        self.assertEqual(context["default_sale_order_id"], self.order.id)
        self.assertEqual(context["default_team_id"], self.team.id)
        self.assertEqual(context["default_partner_id"], self.customer.id)
        self._create_complaint()
        self.assertEqual(self.order.complaint_count, 1)
