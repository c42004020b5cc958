# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestComplaintSolutions(ComplaintCase):
    """Solutions priced, approved on their tiers, offered, accepted and
    carried out as real sale orders, credit notes and discount codes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.binding = cls.env["product.product"].create(
            {"name": "Binding", "list_price": 1.0, "invoice_policy": "order"}
        )
        cls.order.write(
            {
                "order_line": [
                    Command.create(
                        {"product_id": cls.binding.id, "product_uom_qty": 400}
                    )
                ]
            }
        )
        cls.brochure_line, cls.poster_line, cls.binding_line = cls.order.order_line
        cls.invoice = cls._invoice_order(cls.order)

    def _solution_ready(self, type_xmlid, lines=None, **values):
        complaint = self._at_solution_step(
            sale_line_ids=[Command.set((lines or self.brochure_line).ids)]
        )
        solution = self._propose(complaint, type_xmlid, **values)
        return complaint, solution

    def _untaxed_invoiced(self, lines):
        return sum(lines.invoice_lines.mapped("price_subtotal"))

    # -- documents of each solution type --------------------------------
    def test_free_reprint_is_a_free_sale_order_confirmed_on_acceptance(self):
        complaint, solution = self._solution_ready("solution_type_reprint")
        self.assertEqual(solution.amount, 0.0)
        self.assertTrue(solution.costs_money)
        self._approve_all(solution)
        order = solution.reprint_order_id
        # Drafted once approved, for sales to check; not confirmed yet.
        self.assertEqual(order.state, "draft")
        with self.assertRefused(UserError, "not accepted by the customer"):
            order.action_confirm()
        self._offer_and_accept(complaint)
        self.assertEqual(order.state, "sale")
        self.assertEqual(solution.state, "in_execution")
        self.assertTrue(order.is_complaint_reprint)
        self.assertEqual(order.complaint_origin_order_id, self.order)
        self.assertIn(
            self.order,
            order.search(
                [("is_complaint_reprint", "=", True)]
            ).complaint_origin_order_id,
        )
        self.assertEqual(self.order.complaint_reprint_ids, order)
        self.assertEqual(order.partner_id, self.order.partner_id)
        self.assertEqual(order.order_line.product_id, self.brochure)
        self.assertEqual(order.order_line.product_uom_qty, 5000)
        self.assertEqual(order.amount_total, 0.0)
        self.assertIn(complaint.number, order.origin)
        self.assertEqual(complaint.reprint_order_count, 1)
        action = complaint.action_view_reprint_orders()
        self.assertEqual(action["res_id"], order.id)
        # Done once QC released the goods and they are delivered.
        with self.assertRefused(UserError, "QC has not released"):
            solution.action_done()
        self._inspect(solution, "pass", "Colour matches the proof")
        with self.assertRefused(UserError, "not fully delivered"):
            solution.action_done()
        self._deliver(order)
        solution.action_done()
        self.assertEqual(solution.state, "done")
        self.assertTrue(complaint.execution_done)

    def test_cost_shared_reprint_charges_the_customer_share(self):
        complaint, solution = self._solution_ready(
            "solution_type_shared_reprint", quantity=1000
        )
        self.assertEqual(solution.customer_share, 50)
        self.assertEqual(solution.amount, 250.0)  # 1000 x 0.50 x 50 %
        self._approve_all(solution)
        self._offer_and_accept(complaint)
        order = solution.reprint_order_id
        self.assertEqual(order.order_line.product_uom_qty, 1000)
        self.assertEqual(order.order_line.price_unit, 0.25)
        self.assertEqual(order.amount_untaxed, 250.0)

    def test_full_refund_reverses_the_invoice(self):
        complaint, solution = self._solution_ready("solution_type_full_refund")
        invoiced = self._untaxed_invoiced(self.order.order_line)
        self.assertEqual(invoiced, 3500.0)  # 2500 + 600 + 400
        self.assertEqual(solution.amount, invoiced)
        self._approve_all(solution)
        credit_note = solution.credit_note_ids
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.state, "draft")
        self.assertEqual(credit_note.reversed_entry_id, self.invoice)
        self.assertEqual(credit_note.amount_untaxed, invoiced)
        self.assertEqual(credit_note.amount_total, self.invoice.amount_total)
        self.assertEqual(credit_note.complaint_id, complaint)
        with self.assertRefused(UserError, "not accepted by the customer"):
            credit_note.action_post()
        self._offer_and_accept(complaint)
        self.assertEqual(solution.state, "in_execution")
        credit_note.with_user(self.finance_user).action_post()
        self.assertEqual(solution.state, "done")
        # Reversing the whole open invoice settles it.
        self.assertEqual(credit_note.payment_state, "paid")
        self.assertEqual(solution.credit_note_payment_state, "paid")
        self.assertEqual(complaint.credit_note_count, 1)

    def test_partial_refund_on_two_of_three_lines(self):
        lines = self.brochure_line | self.poster_line
        complaint, solution = self._solution_ready(
            "solution_type_partial_refund", lines=lines, amount=310.0
        )
        self._approve_all(solution)
        credit_note = solution.credit_note_ids
        self.assertEqual(credit_note.amount_untaxed, 310.0)
        refund_lines = credit_note.invoice_line_ids
        self.assertEqual(refund_lines.product_id, self.brochure | self.poster)
        # In proportion to what was invoiced: 2500 / 3100 and 600 / 3100.
        by_product = {line.product_id: line.price_subtotal for line in refund_lines}
        self.assertEqual(by_product[self.brochure], 250.0)
        self.assertEqual(by_product[self.poster], 60.0)
        self.assertEqual(refund_lines.complaint_sale_line_id, lines)
        self._offer_and_accept(complaint)
        credit_note.with_user(self.finance_user).action_post()
        # A price correction: the quantities invoiced stay.
        self.assertEqual(self.brochure_line.qty_invoiced, 5000)
        self.assertEqual(self.order.invoice_status, "invoiced")
        # What is left to refund on these lines: 3100 - 310.
        other = self._propose(complaint, "solution_type_price_reduction", amount=1.0)
        other.sale_line_ids = lines
        self.assertEqual(other._refundable_amount(), 2790.0)

    def test_refund_above_invoiced_refused(self):
        complaint, solution = self._solution_ready(
            "solution_type_partial_refund", amount=100.0
        )
        with self.assertRefused(ValidationError, "above what can still be refunded"):
            solution.amount = 2500.01
        self.assertEqual(solution.amount, 100.0)
        # Another open refund on the same line counts too.
        with self.assertRefused(ValidationError, "2,400.00"):
            self._propose(complaint, "solution_type_price_reduction", amount=2401.0)
        self.assertEqual(len(complaint.solution_ids), 1)

    def test_bad_amounts_and_foreign_lines_refused(self):
        complaint = self._at_solution_step()
        with self.assertRefused(ValidationError, "cannot be negative"):
            self._propose(complaint, "solution_type_reprint", quantity=-5)
        unpriced = self._propose(complaint, "solution_type_compensation", amount=0)
        with self.assertRefused(ValidationError, "needs a positive amount"):
            unpriced.action_request_approval()
        self.assertFalse(unpriced.review_ids)
        unpriced.action_cancel()
        other_order = self.order.copy()
        other_order.action_confirm()
        with self.assertRefused(ValidationError, "lines of the complaint's order"):
            self._propose(
                complaint,
                "solution_type_reprint",
                sale_line_ids=[Command.set(other_order.order_line[:1].ids)],
            )
        with self.assertRefused(ValidationError, "Choose the order lines"):
            self._propose(
                complaint, "solution_type_reprint", sale_line_ids=[Command.clear()]
            )
        self.assertEqual(complaint.solution_ids, unpriced)
        self.assertEqual(complaint.solution_cost_total, 0.0)

    def test_no_free_reprint_when_the_customer_is_responsible(self):
        complaint = self._at_solution_step()
        complaint.responsibility_id = self.env.ref(
            "printing_complaint.responsibility_customer"
        )
        with self.assertRefused(ValidationError, "No free reprint"):
            self._propose(complaint, "solution_type_reprint")
        shared = self._propose(complaint, "solution_type_shared_reprint")
        self.assertEqual(shared.customer_share, 50)

    def test_discount_code_applies_to_the_next_order(self):
        complaint, solution = self._solution_ready(
            "solution_type_discount", sale_line_ids=[Command.clear()], amount=80.0
        )
        self._approve_all(solution)
        self.assertFalse(solution.discount_card_id)  # not before acceptance
        self._offer_and_accept(complaint)
        card = solution.discount_card_id
        self.assertEqual(solution.state, "done")
        self.assertEqual(card.points, 80.0)
        self.assertEqual(card.partner_id, self.customer)
        email = complaint.message_ids.filtered(
            lambda m: "discount code" in (m.subject or "")
        )
        self.assertIn(card.code, email.body)
        # The sales flow applies it: 80 off the customer's next order.
        next_order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.poster.id, "product_uom_qty": 100}
                    )
                ],
            }
        )
        before = next_order.amount_total
        rewards = next_order._try_apply_code(card.code)
        self.assertNotIn("error", rewards)
        reward, coupon = next(
            (reward, coupon)
            for coupon, coupon_rewards in rewards.items()
            for reward in coupon_rewards
        )
        next_order._apply_program_reward(reward, coupon)
        # (taxes are split over the discount: a cent of rounding)
        self.assertAlmostEqual(before - next_order.amount_total, 80.0, delta=0.02)

    def test_compensation_as_credit_note_or_note(self):
        complaint = self._at_solution_step()
        booked = self._propose(
            complaint,
            "solution_type_compensation",
            amount=150.0,
            compensation_given="Voucher",
            sale_line_ids=[Command.clear()],
        )
        noted = self._propose(
            complaint,
            "solution_type_goodwill",
            amount=40.0,
            compensation_booking="note",
            compensation_given="Box of tea",
            sale_line_ids=[Command.clear()],
        )
        self._approve_all(booked)
        self._approve_all(noted)
        self.assertEqual(booked.credit_note_ids.amount_total, 150.0)
        self.assertIn("Voucher", booked.credit_note_ids.invoice_line_ids.name)
        self.assertFalse(noted.credit_note_ids)
        self._offer_and_accept(complaint)
        with self.assertRefused(UserError, "finance has not recorded"):
            noted.action_done()
        noted.booking_note = "Marketing expense"
        noted.action_done()
        booked.credit_note_ids.with_user(self.finance_user).action_post()
        self.assertEqual(booked.state, "done")
        self.assertEqual(complaint.solution_cost_total, 190.0)

    def test_apology_needs_no_document_nor_finance(self):
        complaint, solution = self._solution_ready(
            "solution_type_apology", sale_line_ids=[Command.clear()]
        )
        self.assertFalse(solution.costs_money)
        solution.action_request_approval()
        self.assertEqual(solution.review_ids.mapped("name"), ["Department head"])
        self._review(solution, self.production_head)
        self._offer_and_accept(complaint)
        self.assertEqual(solution.state, "done")
        self.assertTrue(complaint.execution_done)

    def test_responsibility_routes_and_proposes_its_usual_solutions(self):
        investigator = self.qc_user.copy(
            {"login": "press_lead", "name": "Press Lead", "email": "p@example.com"}
        )
        self.production.owner_user_id = investigator
        complaint = self._create_complaint()
        self._registered_complete(complaint)
        complaint.action_next_step()
        self._verification_complete(complaint)
        complaint.action_next_step()
        step_activity = self.env.ref("printing_complaint.activity_complaint_solution")
        complaint.responsibility_id = self.production
        self.assertEqual(complaint.responsible_user_id, investigator)
        self.assertEqual(complaint.responsible_department, "Production")
        self.assertEqual(
            complaint.activity_ids.filtered(
                lambda a: a.activity_type_id == step_activity
            ).user_id,
            investigator,
        )
        complaint.action_propose_solutions()
        self.assertEqual(
            complaint.solution_ids.type_id, self.production.solution_type_ids
        )
        self.assertEqual(set(complaint.solution_ids.mapped("state")), {"proposed"})
        # Proposing again adds nothing twice.
        complaint.action_propose_solutions()
        self.assertEqual(len(complaint.solution_ids), 3)
        # A material fault names the supplier before leaving the step.
        complaint.responsibility_id = self.env.ref(
            "printing_complaint.responsibility_material"
        )
        complaint.root_cause = "Damp paper"
        with self.assertRefused(ValidationError, "supplier at fault"):
            complaint.action_next_step()

    # -- approvals --------------------------------------------------------
    def test_approval_chain_roles_and_activities(self):
        complaint, solution = self._solution_ready(
            "solution_type_partial_refund", amount=100.0
        )
        solution.action_request_approval()
        self.assertEqual(
            sorted(solution.review_ids.mapped("name")),
            ["Department head", "Finance sign-off"],
        )
        approve = self.env.ref("printing_complaint.activity_complaint_approve")
        todo = solution.activity_ids.filtered(lambda a: a.activity_type_id == approve)
        # The head approves first (issue 14): his activity, his "To approve".
        self.assertEqual(todo.user_id, self.production_head)
        to_approve = (
            self.env["printing.complaint.solution"]
            .with_user(self.production_head)
            .search([("can_review", "=", True)])
        )
        self.assertEqual(to_approve, solution)
        # The proposing sales rep cannot sign off, nor can QC who is no
        # reviewer: nothing changes.
        with self.assertRefused(UserError, "another person must approve"):
            solution.with_user(self.sales_rep).validate_tier()
        solution.with_user(self.qc_user).validate_tier()
        self.assertEqual(solution.validation_status, "pending")
        with self.assertRefused(AccessError, "set by its actions"):
            solution.with_user(self.sales_rep).write({"state": "approved"})
        # The department head first, then finance (issue 14: in that order).
        self._review(solution, self.production_head)
        self.assertEqual(solution.state, "proposed")
        todo = solution.activity_ids.filtered(lambda a: a.activity_type_id == approve)
        # Every finance user may sign off (the demo's too, on a demo database).
        finance = self.env.ref("printing_complaint.group_complaint_finance").users
        self.assertIn(self.finance_user, todo.user_id)
        self.assertEqual(todo.user_id, finance)
        self._review(solution, self.finance_user, comment="Within budget")
        self.assertEqual(solution.state, "approved")
        self.assertFalse(
            solution.activity_ids.filtered(lambda a: a.activity_type_id == approve)
        )
        # Who, role, when, decision, comment: on the complaint and its chatter.
        finance_review = complaint.approval_review_ids.filtered(
            lambda r: r.name == "Finance sign-off"
        )
        self.assertEqual(finance_review.done_by, self.finance_user)
        self.assertEqual(finance_review.status, "approved")
        self.assertEqual(finance_review.comment, "Within budget")
        self.assertTrue(finance_review.reviewed_date)
        self.assertTrue(
            complaint.message_ids.filtered(
                lambda m: "approved by Finance Clerk" in (m.body or "")
            )
        )
        # What is approved is frozen.
        with self.assertRefused(UserError, "those approved"):
            solution.amount = 90.0
        self.assertEqual(solution.amount, 100.0)

    def test_nobody_approves_their_own_proposal(self):
        complaint = self._at_solution_step()
        solution = self._propose(
            complaint,
            "solution_type_partial_refund",
            user=self.finance_user,
            amount=50.0,
        )
        solution.with_user(self.finance_user).action_request_approval()
        with self.assertRefused(UserError, "another person must approve"):
            self._review(solution, self.finance_user)
        self.assertEqual(solution.validation_status, "pending")
        other_finance = self.finance_user.copy(
            {"login": "finance_two", "name": "Finance Two", "email": "f2@example.com"}
        )
        self._review(solution, self.production_head)
        self._review(solution, other_finance)
        self.assertEqual(solution.state, "approved")

    def test_major_complaint_waits_for_the_director(self):
        complaint, solution = self._solution_ready("solution_type_reprint")
        complaint.severity = "major"
        solution.action_request_approval()
        self.assertIn("Director", solution.review_ids.mapped("name"))
        self._review(solution, self.production_head)
        self._review(solution, self.finance_user)
        self.assertEqual(solution.state, "proposed")
        with self.assertRefused(UserError, "not approved yet"):
            complaint.action_send_offer()
        self._review(solution, self.director)
        self.assertEqual(solution.state, "approved")

    def test_director_from_the_company_threshold(self):
        self.company.complaint_director_threshold = 1000.0
        complaint, small = self._solution_ready(
            "solution_type_partial_refund", amount=400.0
        )
        self.assertFalse(small.needs_director)
        large = self._propose(complaint, "solution_type_compensation", amount=700.0)
        self.assertEqual(complaint.solution_cost_total, 1100.0)
        self.assertTrue(large.needs_director)
        large.action_request_approval()
        self.assertIn("Director", large.review_ids.mapped("name"))

    def test_rejected_approval_returns_to_proposed_with_reason(self):
        complaint, solution = self._solution_ready(
            "solution_type_partial_refund", amount=200.0
        )
        solution.action_request_approval()
        self._review(solution, self.production_head)
        self._review(solution, self.finance_user, "reject", comment="Too generous")
        self.assertEqual(solution.state, "proposed")
        self.assertIn("Too generous", solution.rejection_note)
        self.assertFalse(solution.review_ids)
        history = (
            self.env["tier.review"]
            .with_context(active_test=False)
            .search([("model", "=", solution._name), ("res_id", "=", solution.id)])
        )
        self.assertEqual(
            history.filtered(lambda r: r.status == "rejected").comment,
            "Too generous",
        )
        self.assertLessEqual(history, complaint.approval_review_ids)
        # The Solutions tab's Approvals (loaded with the tab) list the
        # rejected round too, as the rep sees them.
        approvals = complaint.with_user(self.sales_rep).action_view_approvals()
        self.assertEqual(
            self.env["tier.review"]
            .with_user(self.sales_rep)
            .with_context(**approvals["context"])
            .search(approvals["domain"]),
            complaint.approval_review_ids,
        )
        revise = self.env.ref("printing_complaint.activity_complaint_solution_revise")
        self.assertEqual(
            solution.activity_ids.filtered(
                lambda a: a.activity_type_id == revise
            ).user_id,
            self.sales_rep,
        )
        # Revised and asked again: a new round of approvals.
        solution.amount = 120.0
        self._approve_all(solution)
        self.assertEqual(solution.credit_note_ids.amount_untaxed, 120.0)

    def test_nothing_offered_before_approval(self):
        complaint, solution = self._solution_ready("solution_type_reprint")
        with self.assertRefused(UserError, "not approved yet"):
            complaint.action_send_offer()
        with self.assertRefused(UserError, "cannot go from"):
            solution.write({"state": "offered"})
        with self.assertRefused(ValidationError, "every solution approved and offered"):
            complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "solution")
        self.assertFalse(
            complaint.message_ids.filtered(
                lambda m: "our proposal" in (m.subject or "")
            )
        )

    def test_offer_email_lists_the_solutions(self):
        complaint, solution = self._solution_ready(
            "solution_type_partial_refund",
            amount=123.45,
            description="Refund of the darker covers",
        )
        self._approve_all(solution)
        complaint.action_send_offer()
        self.assertEqual(solution.state, "offered")
        self.assertEqual(complaint.complaint_step, "confirmation")
        offer = complaint.message_ids.filtered(
            lambda m: "our proposal" in (m.subject or "")
        )
        self.assertEqual(len(offer), 1)
        self.assertIn("Refund of the darker covers", offer.body)
        self.assertIn("123.45", offer.body)
        self.assertIn(complaint.access_token, offer.body)

    def test_customer_rejection_cancels_the_drafts(self):
        complaint, solution = self._solution_ready("solution_type_reprint")
        self._approve_all(solution)
        complaint.action_send_offer()
        self.env["printing.complaint.decision"].create(
            {"ticket_id": complaint.id, "decision": "rejected", "note": "Too late"}
        )
        self.assertEqual(solution.state, "rejected")
        self.assertEqual(solution.reprint_order_id.state, "cancel")
        self.assertEqual(complaint.complaint_step, "solution")
        self.assertEqual(complaint.solution_cost_total, 0.0)
        decision = complaint.decision_ids
        # The Solutions tab's list of decisions (loaded with the tab).
        decisions = complaint.with_user(self.sales_rep).action_view_decisions()
        self.assertEqual(
            self.env["printing.complaint.decision"]
            .with_user(self.sales_rep)
            .search(decisions["domain"]),
            decision,
        )
        with self.assertRefused(UserError, "never changed"):
            decision.note = "Changed"
        with self.assertRefused(UserError, "never deleted"):
            decision.unlink()
        with self.assertRefused(AccessError, "not allowed to delete"):
            solution.with_user(self.sales_rep).unlink()
        with self.assertRefused(UserError, "cancel or archive"):
            solution.sudo().unlink()

    def test_access_of_other_teams_and_of_the_portal(self):
        complaint, solution = self._solution_ready(
            "solution_type_partial_refund", amount=80.0
        )
        # A sales rep of another team neither reads nor adds solutions.
        with self.assertRefused(AccessError, "Complaint Solution"):
            solution.with_user(self.other_rep).read(["amount"])
        with self.assertRefused(AccessError, "create' access"):
            self._propose(
                complaint,
                "solution_type_apology",
                user=self.other_rep,
                sale_line_ids=[],
            )
        # The approval chain is the complaint manager's to change.
        with self.assertRefused(AccessError, "not allowed"):
            self.env.ref("printing_complaint.tier_solution_finance").with_user(
                self.sales_rep
            ).write({"reviewer_group_id": False})
        # A portal user of another customer sees nothing; none writes decisions
        # through the ORM (the portal route checks the access token).
        stranger = self.env["res.users"].create(
            {
                "name": "Stranger",
                "login": "stranger_portal",
                "email": "s@example.com",
                "groups_id": [Command.set(self.env.ref("base.group_portal").ids)],
            }
        )
        self.assertFalse(
            self.env["printing.complaint.solution"].with_user(stranger).search([])
        )
        with self.assertRefused(AccessError, "access"):
            self.env["printing.complaint.decision"].with_user(stranger).create(
                {"ticket_id": complaint.id, "decision": "accepted"}
            )

    # -- execution reminders ----------------------------------------------
    def _in_execution(self, start, deadline_days):
        """A complaint whose reprint, due deadline_days after start, the
        customer accepted at start: (complaint, solution)."""
        with freeze_time(start):
            complaint, solution = self._solution_ready(
                "solution_type_reprint",
                deadline=fields.Date.to_date(start) + timedelta(days=deadline_days),
            )
            self._approve_all(solution)
            self._offer_and_accept(complaint)
        return complaint, solution

    def _tell_customer(self, complaint, body):
        """The owner's update to the customer, which answers the reminder."""
        complaint.message_post(
            body=body,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.customer.ids,
        )

    @staticmethod
    def _activities_of(complaint, kind):
        return complaint.activity_ids.filtered(lambda a: a.activity_type_id == kind)

    def test_progress_and_late_reminders_at_once_for_an_unfollowing_owner(self):
        """Both reminders of one complaint for one owner in the same run:
        Odoo subscribes a batch's assignees at once, and subscribed them
        twice (duplicate follower, the cron crashed)."""
        start = fields.Datetime.now()
        complaint, _solution = self._in_execution(start, deadline_days=1)
        complaint.message_unsubscribe(partner_ids=self.sales_rep.partner_id.ids)
        with freeze_time(start + timedelta(days=3)):
            self.env["helpdesk.ticket"]._cron_execution_reminders()
        kinds = complaint.activity_ids.filtered(
            lambda a: a.user_id == self.sales_rep
        ).activity_type_id
        self.assertIn(
            self.env.ref("printing_complaint.activity_complaint_progress"), kinds
        )
        self.assertIn(
            self.env.ref("printing_complaint.activity_complaint_solution_late"), kinds
        )
        self.assertIn(self.sales_rep.partner_id, complaint.message_partner_ids)

    def test_progress_reminder_counts_from_the_last_update_and_the_company(self):
        """The reminder is due an interval of the complaint's company after
        the customer was last told (not after the step began)."""
        start = fields.Datetime.now()
        complaint, _solution = self._in_execution(start, deadline_days=10)
        progress = self.env.ref("printing_complaint.activity_complaint_progress")
        Ticket = self.env["helpdesk.ticket"]

        def reminded():
            return self._activities_of(complaint, progress)

        with freeze_time(start + timedelta(hours=30)):
            self._tell_customer(complaint, "Plates remade, on the press tomorrow.")
        with freeze_time(start + timedelta(hours=50)):
            Ticket._cron_execution_reminders()
        self.assertFalse(reminded(), "told 20 hours ago: not due")
        complaint.company_id.complaint_progress_interval = 48
        with freeze_time(start + timedelta(hours=60)):
            Ticket._cron_execution_reminders()
        self.assertFalse(reminded(), "told 30 hours ago, the company waits 48")
        with freeze_time(start + timedelta(hours=79)):
            Ticket._cron_execution_reminders()
        self.assertEqual(reminded().user_id, self.sales_rep)

    def test_progress_reminders_and_late_solutions(self):
        start = fields.Datetime.now()
        complaint, solution = self._in_execution(start, deadline_days=2)
        progress = self.env.ref("printing_complaint.activity_complaint_progress")
        late = self.env.ref("printing_complaint.activity_complaint_solution_late")
        Ticket = self.env["helpdesk.ticket"]

        def activities(kind):
            return self._activities_of(complaint, kind)

        with freeze_time(start + timedelta(hours=23)):
            Ticket._cron_execution_reminders()
        self.assertFalse(activities(progress))
        with freeze_time(start + timedelta(hours=25)):
            Ticket._cron_execution_reminders()
            Ticket._cron_execution_reminders()
        self.assertEqual(len(activities(progress)), 1)
        self.assertEqual(activities(progress).user_id, self.sales_rep)
        # The update to the customer answers the reminder.
        with freeze_time(start + timedelta(hours=26)):
            self._tell_customer(complaint, "Reprint on the press today.")
        self.assertFalse(activities(progress))
        self.assertEqual(
            complaint.last_progress_date,
            start.replace(microsecond=0) + timedelta(hours=26),
        )
        # The deadline passes: one activity, then a new date told to the customer.
        with freeze_time(start + timedelta(days=3)):
            Ticket._cron_execution_reminders()
            Ticket._cron_execution_reminders()
        self.assertEqual(len(activities(late)), 1)
        new_date = fields.Date.to_date(start) + timedelta(days=5)
        solution.deadline = new_date
        notice = complaint.message_ids.filtered(lambda m: "New date" in m.body)
        self.assertEqual(len(notice), 1)
        self.assertIn(self.customer, notice.partner_ids)
        self.assertFalse(solution.deadline_missed_notified)
