# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Claims against the supplier or carrier at fault: purchasing claims and
sends the evidence, the supplier's answer is kept, finance approves and
posts the vendor credit note, the claim is settled when it is paid."""

from unittest import SkipTest

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, freeze_time, new_test_user, tagged

from .common import ComplaintCase

REPLY = """Return-Path: <claims@fine-paper.example.com>
From: Fine Paper Sales <claims@fine-paper.example.com>
To: printshop@example.com
Subject: Re: {subject}
Message-ID: <answer-1@fine-paper.example.com>
In-Reply-To: {in_reply_to}
References: {in_reply_to}
Content-Type: text/plain; charset="utf-8"

We accept 600 for the damaged paper lot.
"""


@tagged("post_install", "-at_install")
@freeze_time("2026-09-14 09:00:00")
class TestSupplierClaim(ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.purchaser = new_test_user(
            cls.env,
            login="claim_purchaser",
            name="Purchaser",
            groups="printing_complaint.group_complaint_purchasing",
        )
        cls.logistics_user = new_test_user(
            cls.env,
            login="claim_logistics",
            name="Logistics",
            groups="printing_complaint.group_complaint_logistics",
        )
        cls.finance_buyer = new_test_user(
            cls.env,
            login="claim_finance_buyer",
            name="Finance and purchasing",
            groups="printing_complaint.group_complaint_purchasing,"
            "printing_complaint.group_complaint_finance",
        )
        cls.supplier = cls.env["res.partner"].create(
            {
                "name": "Fine Paper Co.",
                "email": "claims@fine-paper.example.com",
                "is_company": True,
            }
        )
        cls.carrier = cls.env["res.partner"].create(
            {"name": "Swift Freight", "email": "desk@swift.example.com"}
        )
        cls.material = cls.env.ref("printing_complaint.responsibility_material")
        cls.material.head_user_id = cls.purchaser
        cls.paper = cls.env["product.product"].create(
            {"name": "Coated paper 128 g", "type": "consu", "supplier_taxes_id": False}
        )

    def _material_complaint(self):
        complaint = self._at_solution_step()
        complaint.write(
            {"responsibility_id": self.material.id, "supplier_id": self.supplier.id}
        )
        return complaint

    def _claim(self, complaint, user=None, **values):
        vals = {
            "ticket_id": complaint.id,
            "claimed_amount": 900.0,
            "description": "Paper lot cracks at the fold",
            "evidence_ids": [Command.set(complaint.evidence_ids.ids)],
        }
        vals.update(values)
        Claim = self.env["printing.complaint.supplier.claim"]
        return Claim.with_user(user or self.purchaser).create(vals)

    def _bill(self, amounts=(600.0, 400.0)):
        bill = self.env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": self.supplier.id,
                "invoice_date": "2026-09-01",
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": self.paper.id,
                            "name": f"Paper {amount}",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                    for amount in amounts
                ],
            }
        )
        bill.action_post()
        return bill

    def _answer(self, claim, amount, text="We accept part of it", user=None):
        claim = claim.with_user(user or self.purchaser)
        claim.write({"accepted_amount": amount, "supplier_answer": text})
        claim.action_record_answer()
        return claim

    # -- the whole path ---------------------------------------------------------
    def test_supplier_claim_from_sending_to_settlement(self):
        complaint = self._material_complaint()
        self.assertEqual(complaint.claim_kind, "supplier")
        claim = self._claim(complaint)
        self.assertTrue(claim.name.startswith("SC2026-"))
        self.assertEqual(claim.partner_id, self.supplier)
        self.assertEqual(claim.state, "draft")
        self.assertEqual(claim.company_id, complaint.company_id)

        claim.action_send()
        self.assertEqual(claim.state, "sent")
        email = claim.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertEqual(len(email), 1)
        self.assertIn(self.supplier, email.partner_ids)
        self.assertIn(claim.name, email.subject)
        self.assertIn("Paper lot cracks at the fold", str(email.body))
        self.assertEqual(email.attachment_ids.mapped("name"), ["cover.png"])
        self.assertEqual(email.attachment_ids.res_model, claim._name)
        # the supplier is told, by email
        mail = self.env["mail.mail"].sudo().search([("mail_message_id", "=", email.id)])
        self.assertIn(self.supplier, mail.recipient_ids)

        # The supplier replies to the email: kept in the claim's chatter.
        self.env["mail.thread"].message_process(
            model=None,
            message=REPLY.format(subject=email.subject, in_reply_to=email.message_id),
        )
        answer = claim.message_ids.filtered(
            lambda m: m.message_id == "<answer-1@fine-paper.example.com>"
        )
        self.assertEqual(answer.author_id, self.supplier)
        self.assertIn("We accept 600", str(answer.body))

        self._answer(claim, 600.0, "600 for the paper, not the press time")
        self.assertEqual(claim.state, "answered")
        credit_note = claim.sudo().credit_note_id
        self.assertEqual(credit_note.move_type, "in_refund")
        self.assertEqual(credit_note.state, "draft")
        self.assertEqual(credit_note.partner_id, self.supplier)
        self.assertEqual(credit_note.amount_untaxed, 600.0)
        self.assertEqual(credit_note.complaint_supplier_claim_id, claim)
        # Purchasing, who reads no journal entry, still opens the claim.
        form = claim.get_views([(False, "form")])["models"][claim._name]["fields"]
        values = claim.web_read({name: {} for name in form})[0]
        self.assertEqual(values["credit_note_state"], "draft")

        # Finance is asked to approve it (its author would not be).
        asked = claim.activity_ids
        self.assertEqual(
            asked.activity_type_id,
            self.env.ref("printing_complaint.activity_supplier_claim_approve"),
        )
        self.assertIn(self.finance_user, asked.user_id)
        self.assertNotIn(claim.create_uid, asked.user_id)
        # Finance cannot post it before approving the claim.
        with self.assertRefused(UserError, "not approved by finance"):
            credit_note.with_user(self.finance_user).action_post()
        claim.with_user(self.finance_user).action_approve()
        self.assertEqual(claim.state, "approved")
        self.assertEqual(claim.approved_by_id, self.finance_user)
        self.assertFalse(claim.activity_ids, "the approval activities are done")
        credit_note.with_user(self.finance_user).action_post()
        self.assertEqual(claim.state, "approved")

        # The supplier refunds us: the claim is settled.
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=credit_note.ids
        ).create({})._create_payments()
        self.assertIn(credit_note.payment_state, ("in_payment", "paid"))
        self.assertEqual(claim.state, "settled")

        complaint.invalidate_recordset()
        self.assertEqual(complaint.supplier_claim_count, 1)
        self.assertEqual(complaint.claim_claimed_total, 900.0)
        self.assertEqual(complaint.claim_accepted_total, 600.0)
        self.assertEqual(complaint.claim_settled_total, 600.0)

    def test_credit_note_reverses_the_suppliers_bill(self):
        """With the supplier's bill, the credit note reverses it, its lines
        scaled to the accepted amount."""
        bill = self._bill()
        complaint = self._material_complaint()
        claim = self._claim(complaint)
        claim.action_send()
        # finance, who reads the bills, names the one the claim credits
        claim.with_user(self.finance_user).bill_id = bill
        self._answer(claim, 500.0)
        credit_note = claim.sudo().credit_note_id
        self.assertEqual(credit_note.move_type, "in_refund")
        self.assertEqual(credit_note.reversed_entry_id, bill)
        self.assertEqual(credit_note.amount_untaxed, 500.0)
        self.assertEqual(
            sorted(credit_note.invoice_line_ids.mapped("price_subtotal")),
            [200.0, 300.0],
        )
        self.assertEqual(credit_note.invoice_line_ids.product_id, self.paper)

    def test_carrier_claim_of_a_logistics_fault(self):
        complaint = self._at_solution_step()
        complaint.write(
            {
                "responsibility_id": self.env.ref(
                    "printing_complaint.responsibility_logistics"
                ).id,
                "carrier_id": self.carrier.id,
            }
        )
        self.assertEqual(complaint.claim_kind, "carrier")
        action = complaint.with_user(self.logistics_user).action_new_supplier_claim()
        Claim = self.env["printing.complaint.supplier.claim"].with_user(
            self.logistics_user
        )
        claim = Claim.with_context(**action["context"]).create(
            {"claimed_amount": 120.0, "description": "Cartons crushed in transit"}
        )
        self.assertEqual(claim.kind, "carrier")
        self.assertEqual(claim.partner_id, self.carrier)
        claim.action_send()
        self.assertEqual(claim.state, "sent")

    def test_supplier_refuses_and_claim_cancelled(self):
        complaint = self._material_complaint()
        refused = self._claim(complaint)
        refused.action_send()
        self._answer(refused, 0.0, "Our paper met the specification")
        self.assertEqual(refused.state, "refused")
        self.assertFalse(refused.credit_note_id)

        cancelled = self._claim(complaint)
        cancelled.action_send()
        self._answer(cancelled, 300.0)
        with self.assertRefused(UserError, "reason for cancelling"):
            cancelled.action_cancel()
        cancelled.close_reason = "Settled with the next delivery instead"
        credit_note = cancelled.sudo().credit_note_id
        cancelled.action_cancel()
        self.assertEqual(cancelled.state, "cancelled")
        self.assertEqual(credit_note.state, "cancel")
        # Archived, never deleted.
        with self.assertRaises(AccessError):
            cancelled.with_user(self.manager).unlink()
        with self.assertRefused(UserError, "never deleted"):
            cancelled.sudo().unlink()
        cancelled.with_user(self.manager).action_archive()
        self.assertFalse(cancelled.active)

    # -- refused input and roles ----------------------------------------------
    def test_amounts_refused(self):
        complaint = self._material_complaint()
        for amount in (0.0, -5.0):
            with self.assertRefused(ValidationError, "more than zero"):
                self._claim(complaint, claimed_amount=amount)
        with self.assertRaises(ValidationError):
            self._claim(complaint, claimed_amount=float("nan"))
        claim = self._claim(complaint)
        claim.action_send()
        with self.assertRefused(ValidationError, "cannot exceed"):
            claim.with_user(self.purchaser).accepted_amount = 901.0
        with self.assertRefused(ValidationError, "negative"):
            claim.with_user(self.purchaser).accepted_amount = -1.0
        with self.assertRaises(ValidationError):
            claim.with_user(self.purchaser).accepted_amount = float("inf")
        with self.assertRefused(UserError, "is sent"):
            claim.with_user(self.purchaser).claimed_amount = 2000.0
        with self.assertRefused(UserError, "answer first"):
            claim.with_user(self.purchaser).action_record_answer()

    def test_purchasing_claims_from_the_supplier_logistics_from_the_carrier(self):
        complaint = self._material_complaint()
        for user, kind, refusal in (
            (self.production_head, "supplier", "not allowed to create"),
            (self.logistics_user, "supplier", "not yours to open"),
            (self.purchaser, "carrier", "not yours to open"),
        ):
            with self.subTest(user=user.login, kind=kind):
                with self.assertRefused(AccessError, refusal):
                    self._claim(
                        complaint,
                        user,
                        kind=kind,
                        partner_id=self.supplier.id,
                    )
        self.assertFalse(complaint.supplier_claim_count)
        # The complaint manager may open either.
        claim = self._claim(
            complaint, self.manager, kind="carrier", partner_id=self.carrier.id
        )
        self.assertEqual(claim.kind, "carrier")

    def test_only_finance_approves_and_never_its_author(self):
        complaint = self._material_complaint()
        claim = self._claim(complaint, user=self.finance_buyer)
        claim.action_send()
        self._answer(claim, 400.0, user=self.finance_buyer)
        for user in (self.purchaser, self.manager, self.sales_rep):
            with self.assertRaises(AccessError, msg=user.login):
                claim.with_user(user).action_approve()
        with self.assertRefused(UserError, "is yours"):
            claim.with_user(self.finance_buyer).action_approve()
        claim.with_user(self.finance_user).action_approve()
        self.assertEqual(claim.state, "approved")
        with self.assertRefused(UserError, "cannot be approved"):
            claim.with_user(self.finance_user).action_approve()

    def test_state_and_credit_note_not_written_by_hand(self):
        complaint = self._material_complaint()
        claim = self._claim(complaint)
        other_move = self.env["account.move"].create(
            {"move_type": "in_refund", "partner_id": self.supplier.id}
        )
        for user in (self.purchaser, self.manager, self.finance_user):
            for vals in (
                {"state": "approved"},
                {"credit_note_id": other_move.id},
                {"approved_by_id": user.id},
            ):
                with self.assertRefused(AccessError, "not by hand"):
                    claim.with_user(user).write(vals)
        with self.assertRefused(AccessError, "not by hand"):
            self._claim(complaint, state="settled")
        # A rep reads the claims of their complaints, and writes none.
        self.assertEqual(claim.with_user(self.sales_rep).state, "draft")
        with self.assertRaises(AccessError):
            claim.with_user(self.sales_rep).write({"description": "Changed"})
        with self.assertRaises(AccessError):
            self._claim(complaint, user=self.sales_rep)
        # nor links a credit note to a claim
        with self.assertRefused(AccessError, "not by hand"):
            other_move.with_user(self.finance_user).write(
                {"complaint_supplier_claim_id": claim.id}
            )

    def test_closure_without_claim_warns_purchasing(self):
        """A supplier's fault reaching closure without a claim: purchasing
        (the material department's head) is asked to claim it back."""
        complaint = self._material_complaint()
        solution = self._propose(complaint, "solution_type_apology")
        self._approve_all(solution)
        self._offer_and_accept(complaint)
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "closure")
        warning = complaint.activity_ids.filtered(
            lambda a: a.user_id == self.purchaser
            and a.activity_type_id == self.env.ref("mail.mail_activity_data_warning")
        )
        self.assertEqual(len(warning), 1)
        self.assertIn("No claim from Fine Paper Co.", warning.summary)

    def test_closure_with_a_claim_does_not_warn(self):
        complaint = self._material_complaint()
        self._claim(complaint)
        solution = self._propose(complaint, "solution_type_apology")
        self._approve_all(solution)
        self._offer_and_accept(complaint)
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "closure")
        self.assertFalse(
            complaint.activity_ids.filtered(
                lambda a: a.activity_type_id
                == self.env.ref("mail.mail_activity_data_warning")
            )
        )


@tagged("post_install", "-at_install")
class TestSupplierClaimDemo(TransactionCase):
    """The demo's material fault: purchasing claimed from the paper
    supplier, who answered by email; the credit note waits for finance."""

    def test_demo_claim_sent_answered_and_credit_note_drafted(self):
        claim = self.env.ref(
            "printing_complaint.supplier_claim_demo", raise_if_not_found=False
        )
        if not claim:
            raise SkipTest("the database was installed without demo data")
        ref = self.env.ref
        complaint = ref("printing_complaint.complaint_demo_supplier_claim")
        self.assertEqual(claim.ticket_id, complaint)
        self.assertEqual(
            complaint.responsibility_id,
            ref("printing_complaint.responsibility_material"),
        )
        self.assertEqual(
            claim.partner_id, ref("printing_complaint.partner_fine_paper_supplier")
        )
        self.assertEqual(
            claim.create_uid, ref("printing_complaint.user_demo_purchasing")
        )
        self.assertEqual(claim.state, "answered")
        self.assertEqual(claim.claimed_amount, 1800.0)
        self.assertEqual(claim.accepted_amount, 1200.0)
        email = claim.message_ids.filtered(
            lambda m: m.message_type == "comment" and m.attachment_ids
        )
        self.assertEqual(len(email), 1)
        reply = claim.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(reply.author_id, claim.partner_id)
        credit_note = claim.credit_note_id
        self.assertEqual(credit_note.move_type, "in_refund")
        self.assertEqual(credit_note.state, "draft")
        self.assertEqual(credit_note.amount_untaxed, 1200.0)
        self.assertEqual(complaint.claim_accepted_total, 1200.0)
