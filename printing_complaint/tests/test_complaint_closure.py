# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestComplaintClosure(ComplaintCase):
    """Step 6: closure with the customer's confirmation and rating, the
    manager's reopening, and the corrective and preventive actions."""

    def _at_closure_step(self, **values):
        complaint = self._at_solution_step(**values)
        solution = self._propose(
            complaint, "solution_type_reprint", amount=0.0, cost=300.0
        )
        self._approve_all(solution)
        self._offer_and_accept(complaint)
        self._deliver(solution.reprint_order_id)
        solution.action_done()
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "closure")
        return complaint

    def _closed(self, **values):
        complaint = self._at_closure_step(**values)
        self._closure_complete(complaint, summary="Reprinted with corrected density")
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "closed")
        return complaint

    def _activities(self, record, xmlid):
        record.invalidate_recordset(["activity_ids"])
        return record.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(xmlid)
        )

    # -- closure -----------------------------------------------------------
    def test_closure_refused_until_customer_confirms_and_actions_filed(self):
        complaint = self._at_closure_step()
        for missing in (
            "confirmation of closure",
            "closure summary",
            "lessons learned",
            "corrective or preventive actions",
        ):
            with self.assertRefused(ValidationError, missing):
                complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "closure")
        self._file_action(complaint)
        complaint.write({"closure_summary": "Done", "lessons_learned": "Measure"})
        with self.assertRefused(ValidationError, "confirmation of closure"):
            complaint.write({"stage_id": self.stages["closed"].id})
        complaint.with_user(self.sales_rep).action_confirm_closure()
        self.assertTrue(complaint.closure_confirmed_date)
        complaint.with_user(self.sales_rep).action_next_step()
        self.assertEqual(complaint.complaint_step, "closed")

    def test_closure_refused_while_a_solution_is_open(self):
        complaint = self._at_closure_step()
        # A goodwill discount agreed later is still being carried out.
        late = self._propose(complaint, "solution_type_apology")
        self._closure_complete(complaint)
        with self.assertRefused(ValidationError, "every solution done or cancelled"):
            complaint.action_next_step()
        late.action_cancel()
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "closed")

    def test_closure_confirmation_only_at_closure_step(self):
        complaint = self._at_solution_step()
        with self.assertRefused(UserError, "not at the closure step"):
            complaint.action_confirm_closure()
        self.assertFalse(complaint.closure_confirmed)

    def test_closure_email_asks_for_a_rating_from_1_to_5(self):
        complaint = self._closed()
        self.env.flush_all()
        self.env.cr.precommit.run()
        email = complaint.message_ids.filtered(
            lambda m: "is closed" in (m.subject or "")
        )
        self.assertEqual(len(email), 1)
        rating = complaint.rating_ids
        self.assertEqual(len(rating), 1)
        self.assertFalse(rating.consumed)
        for score in range(1, 6):
            self.assertIn(f"/complaint/rate/{rating.access_token}/{score}", email.body)

    def test_rep_records_rating_given_by_phone(self):
        complaint = self._closed()
        wizard = (
            self.env["printing.complaint.rating.wizard"]
            .with_user(self.sales_rep)
            .create(
                {
                    "ticket_id": complaint.id,
                    "score": "4",
                    "feedback": "Quick reprint, thank you",
                }
            )
        )
        self.assertEqual(wizard.channel_id.name, "Phone")
        wizard.action_record()
        rating = complaint.rating_ids.filtered("consumed")
        self.assertEqual(rating.rating, 4)
        self.assertIn("Quick reprint", rating.feedback)
        self.assertIn("Phone", rating.feedback)
        self.assertEqual(complaint.rating_last_value, 4)
        self.assertTrue(rating.message_id)

    def test_rating_refused_out_of_range_or_before_closure(self):
        complaint = self._at_closure_step()
        with self.assertRefused(UserError, "once it is closed"):
            complaint._complaint_apply_rating(5, "", False)
        self._closure_complete(complaint)
        complaint.action_next_step()
        with self.assertRefused(UserError, "from 1 to 5"):
            complaint._complaint_apply_rating(6, "", False)
        self.assertFalse(complaint.rating_ids.filtered("consumed"))

    # -- reopening -----------------------------------------------------------
    def test_manager_reopens_with_reason_and_history_stays(self):
        complaint = self._closed()
        complaint._complaint_apply_rating(2, "Still too dark", False)
        history = complaint.stage_history_ids
        self.assertEqual(len(history), 7)
        with self.assertRefused(AccessError, "Only a complaint manager"):
            complaint.with_user(self.sales_rep)._complaint_reopen("Still dark")
        # The stage cannot be written back either, even by a manager.
        with self.assertRefused(ValidationError, "reason to reopen"):
            complaint.with_user(self.manager).write(
                {"stage_id": self.stages["solution"].id}
            )
        wizard = (
            self.env["printing.complaint.reopen.wizard"]
            .with_user(self.manager)
            .create({"ticket_id": complaint.id, "reason": " "})
        )
        with self.assertRefused(UserError, "reason"):
            wizard.action_reopen()
        self.assertEqual(complaint.complaint_step, "closed")
        wizard.reason = "The customer found more dark covers in a second box"
        wizard.action_reopen()
        self.assertEqual(complaint.complaint_step, "solution")
        self.assertFalse(complaint.closure_confirmed)
        self.assertEqual(complaint.reopen_count, 1)
        self.assertEqual(len(complaint.stage_history_ids), 8)
        self.assertLessEqual(history, complaint.stage_history_ids)
        self.assertEqual(complaint.solution_ids.state, "done")
        self.assertEqual(complaint.rating_ids.filtered("consumed").rating, 2)
        self.assertTrue(
            complaint.message_ids.filtered(
                lambda m: "second box" in (m.body or "") and "reopened" in m.body
            )
        )
        # A new round needs a new solution: the done one does not count.
        with self.assertRefused(ValidationError, "at least one solution"):
            complaint.action_next_step()

    def test_a_reopened_complaint_offers_its_new_round(self):
        complaint = self._closed()
        earlier = complaint.solution_ids
        complaint.with_user(self.manager)._complaint_reopen("More dark covers")
        solution = self._propose(complaint, "solution_type_apology")
        self._approve_all(solution)
        complaint.action_send_offer()
        self.assertEqual(complaint.complaint_step, "confirmation")
        self.assertEqual(solution.state, "offered")
        self.assertEqual(earlier.state, "done")

    def test_reopen_not_valid_goes_back_to_verification(self):
        complaint = self._create_complaint()
        self._registered_complete(complaint)
        complaint.action_next_step()
        complaint.write(
            {
                "proof_checked": True,
                "category_id": self.colour.id,
                "validity": "not_valid",
                "invalid_reason": "Within the agreed tolerance",
            }
        )
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "closed")
        complaint.with_user(self.manager)._complaint_reopen("New measurement")
        self.assertEqual(complaint.complaint_step, "verification")

    # -- actions -------------------------------------------------------------
    def test_action_is_an_activity_of_its_owner_until_closed(self):
        complaint = self._at_closure_step()
        action = self._file_action(complaint)
        activity = self._activities(action, "printing_complaint.activity_capa_action")
        self.assertEqual(activity.user_id, self.production_head)
        self.assertEqual(activity.date_deadline, action.date_deadline)
        action.user_id = self.qc_user
        self.assertEqual(activity.user_id, self.qc_user)
        closed = self.env.ref("mgmtsystem_action.stage_close")
        with self.assertRefused(ValidationError, "evidence of completion"):
            action.write({"stage_id": closed.id})
        action.write(
            {"stage_id": closed.id, "completion_evidence": "Density log of 3 runs"}
        )
        self.assertFalse(
            self._activities(action, "printing_complaint.activity_capa_action")
        )
        self.assertEqual(complaint.capa_action_count, 1)

    def test_one_action_serves_several_complaints(self):
        first = self._at_solution_step()
        second = self._at_solution_step()
        action = self._file_action(first, kind="prevention")
        action.complaint_ids = [Command.link(second.id)]
        self.assertEqual(first.capa_action_ids, action)
        self.assertEqual(second.capa_action_ids, action)
        self.assertEqual(action.complaint_count, 2)

    @freeze_time("2026-11-30 09:00:00")  # a Monday
    def test_batch_fault_containment_and_correction_in_working_days(self):
        complaint = self._at_solution_step()
        with self.assertRefused(UserError, "batch fault"):
            complaint.action_plan_containment()
        complaint.is_batch_fault = True
        complaint.action_plan_containment()
        actions = complaint.capa_action_ids
        containment = actions.filtered(lambda a: a.type_action == "immediate")
        self.assertEqual(
            sorted(containment.mapped("containment_scope")),
            ["customer", "stock", "transit", "wip"],
        )
        # 3 working days after Monday: Tuesday, Wednesday, Thursday.
        self.assertEqual(set(containment.mapped("date_deadline")), {date(2026, 12, 3)})
        corrective = actions - containment
        self.assertEqual(corrective.type_action, "correction")
        # 10 working days (two weeks) after Monday 30 November.
        self.assertEqual(corrective.date_deadline, date(2026, 12, 14))
        self.assertEqual(set(actions.mapped("department")), {"Production"})
        with self.assertRefused(UserError, "already planned"):
            complaint.action_plan_containment()
        self.assertEqual(len(complaint.capa_action_ids), 5)

    def test_containment_days_are_configurable(self):
        with freeze_time("2026-11-27 09:00:00"):  # a Friday
            self.company.complaint_containment_days = 1
            complaint = self._at_solution_step(is_batch_fault=True)
            complaint.action_plan_containment()
        containment = complaint.capa_action_ids.filtered("containment_scope")
        self.assertEqual(set(containment.mapped("date_deadline")), {date(2026, 11, 30)})

    def _done(self, action):
        action.write(
            {
                "stage_id": self.env.ref("mgmtsystem_action.stage_close").id,
                "completion_evidence": "New density check list in use",
            }
        )

    def test_verification_date_on_a_working_day_and_cron_asks_once(self):
        complaint = self._at_closure_step()
        action = self._file_action(complaint)
        preventive = self._file_action(complaint, kind="prevention")
        with freeze_time("2026-11-30 10:00:00"):
            self._done(action)
            self._done(preventive)
        # 90 days after Monday 30 November is a Sunday: checked on Monday.
        self.assertEqual(action.verification_date, date(2027, 3, 1))
        self.assertFalse(preventive.verification_date)
        Action = self.env["mgmtsystem.action"]
        verify = "printing_complaint.activity_capa_verify"
        with freeze_time("2027-02-28 10:00:00"):
            Action._cron_effectiveness_checks()
        self.assertFalse(self._activities(action, verify))
        with freeze_time("2027-03-01 10:00:00"):
            Action._cron_effectiveness_checks()
            Action._cron_effectiveness_checks()
        activity = self._activities(action, verify)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.production_head)

    def test_not_effective_opens_a_follow_up_action(self):
        complaint = self._at_closure_step()
        action = self._file_action(complaint)
        with self.assertRefused(ValidationError, "once it is done"):
            action.effectiveness = "effective"
        self._done(action)
        Wizard = self.env["printing.complaint.effectiveness.wizard"].with_user(
            self.production_head
        )
        wizard = Wizard.create(
            {
                "action_id": action.id,
                "result": "not_effective",
                "evidence": " ",
                "defect_rate_before": 4.0,
                "defect_rate_after": 3.8,
            }
        )
        with self.assertRefused(ValidationError, "evidence"):
            wizard.action_record()
        self.assertFalse(action.effectiveness)
        wizard.evidence = "Defect rate 4.0 % before, 3.8 % after three months"
        result = wizard.action_record()
        follow_up = self.env["mgmtsystem.action"].browse(result["res_id"])
        self.assertEqual(action.effectiveness, "not_effective")
        self.assertEqual(action.efficacy_value, 0)
        self.assertEqual(action.efficacy_user_id, self.production_head)
        self.assertEqual(action.defect_rate_after, 3.8)
        self.assertEqual(follow_up.follow_up_of_id, action)
        self.assertEqual(follow_up.type_action, "correction")
        self.assertEqual(follow_up.complaint_ids, complaint)
        self.assertIn(follow_up, complaint.capa_action_ids)
        with self.assertRefused(ValidationError, "already recorded"):
            action._record_effectiveness("effective", "Second try", 0, 0)

    def test_effective_action_opens_no_follow_up(self):
        complaint = self._at_closure_step()
        action = self._file_action(complaint)
        self._done(action)
        action._record_effectiveness("effective", "0.4 % after, 4 % before", 4, 0.4)
        self.assertEqual(action.efficacy_value, 100)
        self.assertFalse(action.follow_up_ids)
        self.assertEqual(len(complaint.capa_action_ids), 1)

    def test_overdue_actions_found_by_the_manager(self):
        complaint = self._at_closure_step()
        late = self._file_action(
            complaint, date_deadline=fields.Date.today() - timedelta(days=1)
        )
        on_time = self._file_action(complaint)
        Action = self.env["mgmtsystem.action"].with_user(self.manager)
        overdue = Action.search([("is_overdue", "=", True)])
        self.assertIn(late, overdue)
        self.assertNotIn(on_time, overdue)
        self._done(late)
        self.assertNotIn(late, Action.search([("is_overdue", "=", True)]))

    # -- long-term follow-up -----------------------------------------------
    def test_long_term_follow_up_only_for_major_complaints(self):
        complaint = self._at_solution_step(severity="important")
        with self.assertRefused(ValidationError, "major"):
            complaint.follow_up_until = date(2027, 6, 30)

    def test_follow_up_check_once_per_interval(self):
        complaint = self._at_solution_step(severity="major")
        complaint.follow_up_until = date(2027, 1, 31)
        Ticket = self.env["helpdesk.ticket"]
        check = "printing_complaint.activity_complaint_follow_up"
        with freeze_time("2026-12-01 08:00:00"):
            Ticket._cron_follow_up_checks()
            Ticket._cron_follow_up_checks()
        self.assertEqual(len(self._activities(complaint, check)), 1)
        self.assertEqual(complaint.follow_up_next_date, date(2026, 12, 31))
        with freeze_time("2026-12-31 08:00:00"):
            Ticket._cron_follow_up_checks()
        self.assertEqual(len(self._activities(complaint, check)), 2)
        with freeze_time("2027-02-01 08:00:00"):  # after the follow-up date
            Ticket._cron_follow_up_checks()
        self.assertEqual(len(self._activities(complaint, check)), 2)

    # -- recurrence ----------------------------------------------------------
    def _earlier(self, days_ago, **values):
        earlier = self._create_complaint(
            received_date=fields.Datetime.now() - timedelta(days=days_ago),
            category_id=self.colour.id,
            cause_category="material",
            **values,
        )
        return earlier

    def test_recurrence_detected_inside_the_window_only(self):
        old = self._earlier(400)
        recent = self._earlier(100)
        action = self._file_action(recent)
        complaint = self._create_complaint(category_id=self.colour.id)
        mine = complaint.earlier_complaint_ids.filtered(
            lambda c: c.partner_id == self.customer
        )
        self.assertEqual(mine, recent)
        self.assertFalse(complaint.is_repeat_cause)
        complaint.cause_category = "material"
        self.assertEqual(complaint.recurrence_of_id, recent)
        self.assertTrue(complaint.is_repeat_cause)
        self.assertEqual(complaint.recurrence_action_ids, action)
        self.assertNotIn(old, complaint.earlier_complaint_ids)
        # A wider window finds the old one too.
        self.company.complaint_recurrence_days = 500
        complaint.invalidate_recordset(["earlier_complaint_ids"])
        self.assertLessEqual(recent | old, complaint.earlier_complaint_ids)

    def test_a_complaint_is_never_its_own_earlier_complaint(self):
        # An earlier complaint of its own (the demo's were received when the
        # database was built: not earlier ones at every date the tests run).
        older = self._earlier(20)
        complaint = self._earlier(10)
        # Edited in the form (onchange): received later than saved, still in
        # the window; the saved complaint is not an earlier one of itself.
        draft = complaint.new(
            {"received_date": fields.Datetime.now(), "recurrence_of_id": False},
            origin=complaint,
        )
        self.assertIn(older.id, draft.earlier_complaint_ids.ids)
        self.assertNotIn(complaint.id, draft.earlier_complaint_ids.ids)
        self.assertNotEqual(draft.recurrence_of_id._origin, complaint)
        complaint.received_date = fields.Datetime.now()
        self.assertNotIn(complaint, complaint.earlier_complaint_ids)

    def test_other_cause_or_customer_is_no_recurrence(self):
        earlier = self._earlier(30)
        other_cause = self._create_complaint(
            category_id=self.colour.id, cause_category="machine"
        )
        self.assertFalse(other_cause.recurrence_of_id)
        other = self.env["res.partner"].create({"name": "Harbour Books"})
        order = self.env["sale.order"].create(
            {
                "partner_id": other.id,
                "order_line": [
                    Command.create({"product_id": self.poster.id, "product_uom_qty": 5})
                ],
            }
        )
        order.action_confirm()
        stranger = self._create_complaint(
            partner_id=other.id,
            sale_order_id=order.id,
            sale_line_ids=[Command.set(order.order_line.ids)],
            category_id=self.colour.id,
            cause_category="material",
        )
        self.assertFalse(stranger.recurrence_of_id)
        # Shown at registration all the same: same defect category.
        self.assertLessEqual(earlier | other_cause, stranger.earlier_complaint_ids)

    # -- access --------------------------------------------------------------
    def test_access_to_actions_per_role(self):
        mine = self._at_solution_step()
        action = self._file_action(mine)
        other_customer_complaint = self._create_complaint(
            team_id=self.other_team.id, user_id=self.other_rep.id
        )
        foreign = self._file_action(other_customer_complaint)
        Action = self.env["mgmtsystem.action"]
        # The rep reads the actions of their complaints, not the others'.
        self.assertEqual(
            Action.with_user(self.sales_rep).search(
                [("id", "in", (action | foreign).ids)]
            ),
            action,
        )
        with self.assertRaises(AccessError):
            foreign.with_user(self.sales_rep).read(["name"])
        with self.assertRaises(AccessError):
            action.with_user(self.sales_rep).write({"name": "Changed"})
        with self.assertRaises(AccessError):
            Action.with_user(self.sales_rep).create(
                {"name": "Mine", "type_action": "improvement"}
            )
        # Finance and the director read them; only QC, production and the
        # manager file and change them; nobody deletes them.
        for reader in (self.finance_user, self.director):
            self.assertEqual(foreign.with_user(reader).name, foreign.name)
            with self.assertRaises(AccessError):
                foreign.with_user(reader).write({"name": "Changed"})
        for writer in (self.qc_user, self.production_head, self.manager):
            foreign.with_user(writer).write({"department": "Production"})
        for user in (self.sales_rep, self.qc_user, self.manager):
            with self.assertRaises(AccessError):
                action.with_user(user).unlink()
        self.assertTrue(action.exists())

    def test_reopen_and_rating_wizards_per_role(self):
        complaint = self._closed()
        with self.assertRaises(AccessError):
            self.env["printing.complaint.reopen.wizard"].with_user(
                self.sales_rep
            ).create({"ticket_id": complaint.id, "reason": "x"})
        with self.assertRaises(AccessError):
            self.env["printing.complaint.effectiveness.wizard"].with_user(
                self.finance_user
            ).create(
                {
                    "action_id": complaint.capa_action_ids.id,
                    "result": "effective",
                    "evidence": "x",
                }
            )
