# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Each complaint type asks for its own facts at each step, categories
belong to their type, and a walk-in customer's complaint names the job
without a sale order."""

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestComplaintTypes(ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quality = cls.env.ref("printing_complaint.type_quality")
        cls.delivery = cls.env.ref("printing_complaint.type_delivery")
        cls.service = cls.env.ref("printing_complaint.type_service")
        cls.packaging = cls.env.ref("printing_complaint.type_packaging")
        cls.late = cls.env.ref("printing_complaint.category_late_delivery")

    def _to_verification(self, complaint):
        complaint.action_acknowledge()
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "verification")

    def _judge_valid(self, complaint, **values):
        complaint.write({"severity": "general", "validity": "valid", **values})

    # -- delivery ----------------------------------------------------------
    def test_delivery_complaint_needs_dates_not_a_defect(self):
        """No photo and no defect category: the promised and actual dates."""
        complaint = self._create_complaint(
            type_id=self.delivery.id, name="Flyers arrived two days late"
        )
        self._to_verification(complaint)  # no evidence asked for
        self._judge_valid(complaint)
        with self.assertRefused(UserError, "promised and the actual delivery dates"):
            complaint.action_next_step()
        complaint.write(
            {
                "promised_delivery_date": "2026-09-21",
                "actual_delivery_date": "2026-09-23",
            }
        )
        self.assertEqual(complaint.delivery_delay_days, 2)
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "solution")
        self.assertFalse(complaint.category_id)
        self.assertFalse(complaint.proof_checked)

    def test_quality_complaint_still_needs_its_facts(self):
        complaint = self._create_complaint(type_id=self.quality.id)
        complaint.action_acknowledge()
        with self.assertRefused(UserError, "evidence"):
            complaint.action_next_step()
        self._add_photo(complaint)
        complaint.action_next_step()
        self._judge_valid(complaint)
        with self.assertRefused(UserError, "(?s)signed proof checked.*defect category"):
            complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "verification")

    # -- service -----------------------------------------------------------
    def test_service_complaint_needs_who_and_when(self):
        complaint = self._create_complaint(
            type_id=self.service.id, name="Counter clerk was rude"
        )
        complaint.action_acknowledge()
        with self.assertRefused(
            UserError, "(?s)staff member concerned.*when it happened"
        ):
            complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "registered")
        complaint.write(
            {
                "staff_concerned": "Counter 2, afternoon shift",
                "incident_datetime": "2026-09-25 15:30:00",
            }
        )
        complaint.action_next_step()
        self._judge_valid(complaint)
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "solution")

    # -- quantity ----------------------------------------------------------
    def test_quantity_complaint_needs_counted_and_ordered(self):
        complaint = self._create_complaint(type_id=self.packaging.id)
        self._registered_complete(complaint)
        complaint.action_next_step()
        self._judge_valid(complaint)
        with self.assertRefused(UserError, "ordered and the counted quantities"):
            complaint.action_next_step()
        complaint.write({"ordered_quantity": 5000, "counted_quantity": 4600})
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "solution")
        with self.assertRefused(ValidationError, "negative"):
            complaint.write({"counted_quantity": -1})

    def test_facts_follow_the_type_configuration(self):
        """A company that wants photos of late deliveries ticks it."""
        self.delivery.needs_evidence = True
        complaint = self._create_complaint(type_id=self.delivery.id)
        complaint.action_acknowledge()
        self.assertTrue(complaint.needs_evidence)
        with self.assertRefused(UserError, "evidence"):
            complaint.action_next_step()

    def test_sales_rep_chooses_the_type(self):
        """A rep logs the complaint: they pick its type and see its facts."""
        Type = self.env["helpdesk.ticket.type"].with_user(self.sales_rep)
        self.assertIn(
            self.delivery.id, [type_id for type_id, _name in Type.name_search("Deliv")]
        )
        complaint = self._create_complaint(type_id=self.delivery.id)
        facts = complaint.with_user(self.sales_rep).read(
            ["needs_delivery_dates", "needs_proof_check"]
        )[0]
        self.assertTrue(facts["needs_delivery_dates"])
        self.assertFalse(facts["needs_proof_check"])

    # -- categories --------------------------------------------------------
    def test_categories_belong_to_their_type(self):
        self.assertEqual(self.colour.complaint_type_id, self.quality)
        self.assertIn(self.late, self.delivery.category_ids)
        with self.assertRefused(ValidationError, "belongs to Delivery complaints"):
            self._create_complaint(type_id=self.quality.id, category_id=self.late.id)
        complaint = self._create_complaint(
            type_id=self.delivery.id, category_id=self.late.id
        )
        with self.assertRefused(ValidationError, "belongs to Quality complaints"):
            complaint.category_id = self.colour
        self.assertEqual(complaint.category_id, self.late)

    # -- walk-in customers -------------------------------------------------
    def _walk_in_vals(self, **values):
        vals = {
            "sale_order_id": False,
            "sale_line_ids": [Command.clear()],
            "type_id": self.quality.id,
            "name": "Business cards cut crooked",
        }
        vals.update(values)
        return vals

    def test_walk_in_job_reference_and_amount(self):
        complaint = self._create_complaint(**self._walk_in_vals(job_reference="J-0917"))
        self._registered_complete(complaint)
        with self.assertRefused(UserError, "amount the customer paid"):
            complaint.action_next_step()
        complaint.job_amount = 180.0
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "verification")

    def test_complaint_without_any_job_is_refused(self):
        complaint = self._create_complaint(**self._walk_in_vals())
        self._registered_complete(complaint)
        with self.assertRefused(UserError, "sale order \\(or, without an order"):
            complaint.action_next_step()

    def test_walk_in_against_an_invoice(self):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_line_ids": [
                    Command.create(
                        {"name": "200 business cards", "quantity": 1, "price_unit": 180}
                    )
                ],
            }
        )
        with self.assertRefused(ValidationError, "posted customer invoice"):
            self._create_complaint(**self._walk_in_vals(invoice_id=invoice.id))
        invoice.action_post()
        stranger = self.env["res.partner"].create({"name": "Someone else"})
        with self.assertRefused(ValidationError, "not the customer's"):
            self._create_complaint(
                **self._walk_in_vals(invoice_id=invoice.id, partner_id=stranger.id)
            )
        complaint = self._create_complaint(**self._walk_in_vals(invoice_id=invoice.id))
        self._registered_complete(complaint)
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "verification")

    def test_walk_in_solutions_say_what_they_need(self):
        """A reprint or a refund is made from the order: without one, the
        proposal says so; a compensation's credit note works without."""
        complaint = self._at_solution_step(
            **self._walk_in_vals(job_reference="J-0917", job_amount=180.0)
        )
        for kind in ("solution_type_reprint", "solution_type_partial_refund"):
            with self.assertRefused(
                ValidationError, "record the complaint's sale order"
            ):
                self._propose(complaint, kind, amount=50.0)
        solution = self._propose(
            complaint,
            "solution_type_compensation",
            amount=50.0,
            compensation_given="A voucher",
        )
        self.assertEqual(solution.state, "proposed")
        credit_note = solution.sudo()._draft_compensation_credit_note()
        self.assertEqual(credit_note.partner_id, self.customer)
        self.assertEqual(credit_note.amount_untaxed, 50.0)
