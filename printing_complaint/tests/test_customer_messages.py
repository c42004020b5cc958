# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the customer is told: by when our answers come and what to send,
the findings before the solutions, a posted refund, and the closure
confirmation sheet."""

from datetime import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, tagged

from ..tools import plan_hours_series
from .common import ComplaintCase

# A Monday at 10:00 (UTC, the test calendar's zone).
MONDAY = datetime(2026, 9, 28, 10, 0)


@tagged("post_install", "-at_install")
class TestCustomerMessages(ComplaintCase):
    def _emails(self, complaint, subject):
        self.env.flush_all()
        self.env.cr.precommit.run()
        complaint.invalidate_recordset(["message_ids"])
        return complaint.message_ids.filtered(lambda m: subject in (m.subject or ""))

    @freeze_time(MONDAY)
    def test_acknowledgement_says_by_when_and_what_to_send(self):
        complaint = self._create_complaint(severity="general")
        # Registration ends at 11:00 (1 h); verification takes 4 working
        # hours (11-12, 13-16); the proposal 8 more (16-17, Tue 8-12, 13-16).
        self.assertEqual(
            [moment for _what, moment in complaint._complaint_answer_plan()],
            [datetime(2026, 9, 28, 16, 0), datetime(2026, 9, 29, 16, 0)],
        )
        email = self._emails(complaint, "we received your feedback")
        self.assertEqual(len(email), 1)
        for text in (
            "The result of our verification",
            "Our proposal of a solution",
            "photos of the defect",
            "the batch or job number",
        ):
            self.assertIn(text, email.body)

    @freeze_time(MONDAY)
    def test_delivery_complaint_asks_for_the_delivery_note(self):
        complaint = self._create_complaint(
            type_id=self.env.ref("printing_complaint.type_delivery").id
        )
        wanted = complaint._complaint_what_to_provide()
        self.assertEqual(len(wanted), 1)
        self.assertIn("delivery note", wanted[0])

    def test_offer_explains_the_findings_first(self):
        complaint = self._at_solution_step()
        complaint.customer_summary = False
        solution = self._propose(complaint, "solution_type_apology")
        self._approve_all(solution)
        with self.assertRefused(UserError, "findings explained for the customer"):
            complaint.action_send_offer()
        self.assertEqual(complaint.complaint_step, "solution")
        complaint.customer_summary = "The press ran the blue too dense on your job."
        complaint.action_send_offer()
        offer = self._emails(complaint, "our proposal")
        self.assertIn("ran the blue too dense", offer.body)
        self.assertIn("confirmed the problem", offer.body)
        # The internal root cause stays internal.
        self.assertNotIn(complaint.root_cause, offer.body)

    def _posted_refund(self, amount):
        invoice = self._invoice_order(self.order)
        complaint = self._at_solution_step()
        solution = self._propose(
            complaint, "solution_type_partial_refund", amount=amount
        )
        self._approve_all(solution)
        self._offer_and_accept(complaint)
        solution.credit_note_ids.with_user(self.finance_user).action_post()
        return complaint, invoice

    def test_refund_deducted_from_an_open_invoice(self):
        complaint, invoice = self._posted_refund(120.0)
        email = self._emails(complaint, "your refund")
        self.assertEqual(len(email), 1)
        credit_note = complaint.solution_ids.credit_note_ids
        self.assertEqual(credit_note.amount_untaxed, 120.0)
        self.assertIn(f"{credit_note.amount_total:,.2f}", email.body)
        self.assertIn(invoice.name, email.body)
        self.assertIn("deducted", email.body)

    def test_refund_paid_back_when_nothing_is_owed(self):
        self.company.complaint_refund_days = 5
        invoice = self._invoice_order(self.order)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        complaint = self._at_solution_step()
        solution = self._propose(complaint, "solution_type_partial_refund", amount=80.0)
        self._approve_all(solution)
        self._offer_and_accept(complaint)
        solution.credit_note_ids.with_user(self.finance_user).action_post()
        email = self._emails(complaint, "your refund")
        self.assertIn("within", email.body)
        self.assertIn("5", email.body)
        self.assertNotIn("deducted", email.body)

    def test_closure_confirmation_sheet(self):
        complaint = self._at_solution_step()
        solution = self._propose(complaint, "solution_type_apology")
        self._approve_all(solution)
        self._offer_and_accept(complaint)
        self.assertEqual(solution.state, "done")  # an apology is done on acceptance
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "closure")
        with self.assertRefused(UserError, "closure summary first"):
            complaint.action_send_closure_confirmation()
        complaint.closure_summary = "The density is now measured on the first sheets."
        complaint.with_user(self.sales_rep).action_send_closure_confirmation()
        self.assertTrue(complaint.closure_confirmation_sent_date)
        sheet = self._emails(complaint, "please confirm the closure")
        self.assertEqual(len(sheet), 1)
        for text in (
            complaint.customer_summary,
            solution.type_id.name,
            "measured on the first sheets",
            "/my/ticket",
        ):
            self.assertIn(text, sheet.body)
        with self.assertRefused(AccessError, "set by the complaint procedure"):
            complaint.with_user(self.sales_rep).write(
                {"closure_confirmation_sent_date": False}
            )

    def test_answer_plan_counts_as_plan_hours(self):
        """One read of the schedule gives what plan_hours gives one by one,
        across a weekend and the National Day holidays."""
        start = datetime(2026, 9, 25, 16, 30)  # a Friday afternoon
        amounts = [0.5, 1, 4, 8.5, 30]
        self.assertEqual(
            plan_hours_series(self.calendar, start, amounts),
            [
                self.calendar.plan_hours(hours, start, compute_leaves=True)
                for hours in amounts
            ],
        )
        self.assertEqual(
            plan_hours_series(self.calendar, start, [1000], days=7), [False]
        )
