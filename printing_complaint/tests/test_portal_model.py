# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import PNG, complaint_at_closure_step, complaint_with_apology_offered

PNG_B64 = base64.b64encode(PNG).decode()


@tagged("post_install", "-at_install")
class TestPortalModel(TransactionCase):
    """What the portal does to a complaint, called on the model as the
    portal's customer (the path the portal's pages, the backend and RPC
    share): the answer to the offer, the closure, the filing's values, the
    complaint team of a company and the customer's files."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.rep = new_test_user(
            env,
            login="model_rep",
            name="Model Rep",
            groups="printing_complaint.group_complaint_sales",
        )
        cls.head = new_test_user(
            env,
            login="model_head",
            name="Model Head",
            groups="printing_complaint.group_complaint_production",
        )
        cls.buyer = new_test_user(
            env,
            login="model_buyer",
            name="Li Wei",
            email="li@lotus.example.com",
            groups="base.group_portal",
        )
        cls.stranger = new_test_user(
            env,
            login="model_stranger",
            name="Stranger",
            email="s@example.com",
            groups="base.group_portal",
        )
        cls.stranger.partner_id.parent_id = env["res.partner"].create(
            {"name": "Other Co.", "is_company": True}
        )
        cls.web = env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")

    def _offered(self):
        complaint = complaint_with_apology_offered(self.env, self.rep, self.head)
        self.buyer.partner_id.parent_id = complaint.partner_id
        return complaint

    def _decide(self, complaint, decision, **kw):
        return complaint.with_user(self.buyer)._complaint_portal_decide(
            decision, self.buyer.partner_id, **kw
        )

    # ------------------------------------------------------------------
    # The answer to the offer
    # ------------------------------------------------------------------
    def test_customer_rejects_with_a_note(self):
        complaint = self._offered()
        with self.assertRaisesRegex(UserError, "asks for instead"):
            self._decide(complaint, "rejected", note="   ")
        self.assertFalse(complaint.decision_ids)
        decision = self._decide(complaint, "rejected", note="  We want a reprint ")
        self.assertEqual(decision, complaint.decision_ids)
        self.assertEqual(decision.decision, "rejected")
        self.assertEqual(decision.note, "We want a reprint")
        self.assertEqual(decision.partner_id, self.buyer.partner_id)
        self.assertEqual(decision.user_id, self.buyer)
        self.assertEqual(decision.channel_id, self.web)
        self.assertEqual(complaint.complaint_step, "solution")

    def test_acceptance_is_signed_with_a_name(self):
        complaint = self._offered()
        with self.assertRaisesRegex(UserError, "Sign with your name"):
            self._decide(complaint, "accepted", signed_by="Li Wei")
        with self.assertRaisesRegex(UserError, "Sign with your name"):
            self._decide(complaint, "accepted", signed_by="  ", signature=PNG_B64)
        self.assertFalse(complaint.decision_ids)
        self.assertEqual(complaint.complaint_step, "confirmation")
        decision = self._decide(
            complaint, "accepted", signed_by=" Li Wei ", signature=PNG_B64
        )
        self.assertEqual(decision.signed_by, "Li Wei")
        self.assertTrue(decision.signature)
        self.assertEqual(decision.note, "Accepted and signed in the portal by Li Wei.")
        self.assertEqual(decision.channel_id, self.web)
        self.assertEqual(complaint.complaint_step, "execution")

    def test_refused_when_no_offer_waits(self):
        complaint = self._offered()
        self._decide(complaint, "rejected", note="We want a reprint")
        self.assertFalse(complaint._complaint_offer_waiting())
        for decision, kw in (
            ("rejected", {"note": "Again"}),
            ("accepted", {"signed_by": "Li Wei", "signature": PNG_B64}),
        ):
            with self.assertRaisesRegex(UserError, "no offer waiting"):
                self._decide(complaint, decision, **kw)
        self.assertEqual(len(complaint.decision_ids), 1)

    def test_other_customers_cannot_answer(self):
        complaint = self._offered()
        with self.assertRaises(AccessError):
            complaint.with_user(self.stranger)._complaint_portal_decide(
                "rejected", self.stranger.partner_id, note="Not mine"
            )
        self.assertFalse(complaint.decision_ids)

    # ------------------------------------------------------------------
    # The closure
    # ------------------------------------------------------------------
    def test_customer_confirms_the_closure_once(self):
        complaint = complaint_at_closure_step(self.env, self.rep, self.head)
        self.buyer.partner_id.parent_id = complaint.partner_id
        with self.assertRaises(AccessError):
            complaint.with_user(self.stranger)._complaint_portal_confirm_closure(
                self.stranger.partner_id
            )
        as_buyer = complaint.with_user(self.buyer)
        self.assertTrue(
            as_buyer._complaint_portal_confirm_closure(complaint.partner_id)
        )
        self.assertTrue(complaint.closure_confirmed)
        self.assertEqual(complaint.closure_channel_id, self.web)
        notes = complaint.message_ids.filtered(
            lambda m: "confirmed the closure in the portal" in m.body
        )
        self.assertEqual(notes.author_id, complaint.partner_id)
        # A second click records nothing more.
        self.assertFalse(
            as_buyer._complaint_portal_confirm_closure(self.buyer.partner_id)
        )
        self.assertEqual(
            len(
                complaint.message_ids.filtered(
                    lambda m: "confirmed the closure in the portal" in m.body
                )
            ),
            1,
        )

    def test_nothing_to_confirm_before_the_closure_step(self):
        complaint = self._offered()
        as_buyer = complaint.with_user(self.buyer)
        self.assertFalse(
            as_buyer._complaint_portal_confirm_closure(self.buyer.partner_id)
        )
        self.assertFalse(complaint.closure_confirmed)

    # ------------------------------------------------------------------
    # Filing: the order, its lines, the team
    # ------------------------------------------------------------------
    def _order(self, partner):
        product = self.env["product.product"].create({"name": "Brochure A4"})
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "user_id": self.rep.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": 10}),
                    Command.create({"display_type": "line_note", "name": "Matte"}),
                ],
            }
        )
        order.action_confirm()
        return order

    def test_filing_values_are_checked_against_the_customers_orders(self):
        customer = self.env["res.partner"].create(
            {"name": "Lotus Printing Buyer Ltd.", "is_company": True}
        )
        self.buyer.partner_id.parent_id = customer
        order = self._order(customer)
        foreign = self._order(self.stranger.partner_id.parent_id)
        product_line, note_line = order.order_line
        Ticket = self.env["helpdesk.ticket"].with_user(self.buyer)
        partner = self.buyer.partner_id
        self.assertEqual(Ticket._complaint_portal_orders(partner), order)
        for order_id, line_ids, quantity, message in (
            (foreign.id, foreign.order_line[:1].ids, 1, "one of your confirmed"),
            (order.id, foreign.order_line[:1].ids, 1, "affected lines"),
            (order.id, note_line.ids, 1, "affected lines"),
            (order.id, [], 1, "affected lines"),
            (order.id, product_line.ids, -1, "cannot be negative"),
        ):
            with self.assertRaisesRegex(ValidationError, message):
                Ticket._complaint_portal_order_vals(
                    partner, order_id, line_ids, quantity
                )
        vals = Ticket._complaint_portal_order_vals(
            partner, order.id, product_line.ids, 40
        )
        team = self.env.ref("printing_complaint.helpdesk_team_complaints")
        self.assertEqual(vals["team_id"], team.id)
        self.assertEqual(vals["sale_line_ids"], [Command.set(product_line.ids)])
        self.assertEqual(vals["channel_id"], self.web.id)
        self.assertEqual(vals["received_by_id"], self.rep.id)
        self.assertEqual(vals["partner_id"], partner.id)

    def test_complaint_team_of_a_company(self):
        Team = self.env["helpdesk.ticket.team"]
        main = self.env.ref("base.main_company")
        team = self.env.ref("printing_complaint.helpdesk_team_complaints")
        self.assertEqual(Team._complaint_team_of_company(main), team)
        other = self.env["res.company"].create({"name": "Print Shop South"})
        self.assertFalse(Team._complaint_team_of_company(other))
        south = Team.create(
            {"name": "Complaints", "company_id": other.id, "is_complaint_team": True}
        )
        self.assertEqual(Team._complaint_team_of_company(other), south)
        self.assertEqual(Team._complaint_team_of_company(main), team)

    # ------------------------------------------------------------------
    # The customer's files
    # ------------------------------------------------------------------
    def test_customer_files_are_checked_together(self):
        Attachment = self.env["ir.attachment"]
        company = self.env.ref("base.main_company")
        long_name = "p" * 300 + ".png"
        self.assertEqual(
            Attachment._complaint_check_customer_files(
                [("cover.png", PNG), (long_name, PNG)], company
            ),
            [("cover.png", PNG, "image/png"), (long_name[:200], PNG, "image/png")],
        )
        self.assertEqual(Attachment._complaint_check_customer_files([], company), [])
        with self.assertRaisesRegex(ValidationError, "at most 10 files"):
            Attachment._complaint_check_customer_files([("a.png", PNG)] * 11, company)
        with self.assertRaisesRegex(ValidationError, "x.sh is not a photo"):
            Attachment._complaint_check_customer_files(
                [("cover.png", PNG), ("x.sh", b"#!/bin/sh\n")], company
            )
        company.complaint_portal_max_file_mb = 1
        big = PNG + b"\0" * Attachment._complaint_customer_file_limit(company)
        with self.assertRaisesRegex(ValidationError, "larger than 1 MB"):
            Attachment._complaint_check_customer_files([("big.png", big)], company)
