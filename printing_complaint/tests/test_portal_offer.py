# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import json

from lxml import html

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import PNG, complaint_with_apology_offered

PNG_B64 = base64.b64encode(PNG).decode()


@tagged("post_install", "-at_install")
class TestPortalOffer(HttpCase):
    """The customer answers the offer in the portal."""

    def setUp(self):
        super().setUp()
        env = self.env
        rep = new_test_user(
            env,
            login="offer_rep",
            name="Offer Rep",
            groups="printing_complaint.group_complaint_sales",
        )
        head = new_test_user(
            env,
            login="offer_head",
            name="Offer Head",
            groups="printing_complaint.group_complaint_production",
        )
        self.complaint = complaint_with_apology_offered(env, rep, head)
        self.solution = self.complaint.solution_ids
        self.buyer = new_test_user(
            env,
            login="lotus_buyer",
            password="lotus_buyer_pw",
            name="Lotus Buyer",
            email="li@lotus.example.com",
            groups="base.group_portal",
        )
        self.buyer.partner_id.parent_id = self.complaint.partner_id
        self.url = f"/my/ticket/{self.complaint.id}"

    def _answer(self, **data):
        return self.url_open(
            f"{self.url}/decision",
            data={"csrf_token": http.Request.csrf_token(self), **data},
        )

    def _accept(self, **params):
        """What the portal's signature form sends (JSON-RPC)."""
        response = self.url_open(
            f"{self.url}/accept",
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}),
            headers={"Content-Type": "application/json"},
        )
        return response.json().get("result", {})

    def test_customer_accepts_and_signs_in_the_portal(self):
        self.authenticate("lotus_buyer", "lotus_buyer_pw")
        page = self.url_open(self.url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Apology and improvement commitment", page.text)
        self.assertIn("complaint_decision_form", page.text)
        self.assertIn("complaint_accept_modal", page.text)
        # A solution without a deadline keeps all its cells in its row.
        rows = html.fromstring(page.text).xpath("//tr[td]")
        self.assertEqual([len(row.xpath("td")) for row in rows], [5])
        # A rejection needs a note: refused, nothing recorded.
        response = self._answer(decision="rejected", note="")
        self.assertIn("asks for instead", response.text)
        # Accepting needs a signature: refused, nothing recorded.
        response = self._answer(decision="accepted", note="Fine")
        self.assertIn("Sign to accept", response.text)
        self.assertIn("error", self._accept(name="Li Wei"))
        self.assertFalse(self.complaint.decision_ids)
        self.assertEqual(self.complaint.complaint_step, "confirmation")
        result = self._accept(name="Li <b>Wei</b>", signature=PNG_B64)
        self.assertTrue(result.get("force_refresh"), result)
        decision = self.complaint.decision_ids
        self.assertEqual(decision.decision, "accepted")
        self.assertEqual(decision.partner_id, self.buyer.partner_id)
        self.assertEqual(decision.signed_by, "Li <b>Wei</b>")
        self.assertTrue(decision.signature)
        self.assertEqual(
            decision.channel_id,
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web"),
        )
        self.assertEqual(self.complaint.complaint_step, "execution")
        self.assertEqual(self.solution.state, "done")
        # The customer's words are shown as text, not markup.
        note = self.complaint.message_ids.filtered(
            lambda m: "Customer accepted" in m.body
        )
        self.assertIn("&lt;b&gt;Wei&lt;/b&gt;", note.body)
        # A second click records nothing more.
        self.assertIn("error", self._accept(name="Li Wei", signature=PNG_B64))
        self.assertEqual(len(self.complaint.decision_ids), 1)
        self.assertNotIn("complaint_decision_form", self.url_open(self.url).text)

    def test_other_customers_cannot_answer(self):
        stranger = new_test_user(
            self.env,
            login="stranger",
            password="stranger_pw",
            name="Stranger",
            email="s@example.com",
            groups="base.group_portal",
        )
        stranger.partner_id.parent_id = self.env["res.partner"].create(
            {"name": "Other Co.", "is_company": True}
        )
        self.authenticate("stranger", "stranger_pw")
        page = self.url_open(self.url)
        self.assertTrue(page.url.endswith("/my"))
        self.assertNotIn("Apology", page.text)
        self._answer(decision="rejected", note="Not mine but I reject")
        self.assertFalse(self.complaint.decision_ids)
        self.assertEqual(self.solution.state, "offered")

    def test_link_with_access_token_answers_without_login(self):
        self.authenticate(None, None)
        token = self.complaint.access_token
        self.assertTrue(token)
        page = self.url_open(f"{self.url}?access_token={token}")
        self.assertIn("complaint_decision_form", page.text)
        self._answer(decision="rejected", note="We want a reprint", access_token=token)
        decision = self.complaint.decision_ids
        self.assertEqual(decision.decision, "rejected")
        self.assertEqual(decision.partner_id, self.complaint.partner_id)
        self.assertEqual(self.complaint.complaint_step, "solution")
        # A wrong token changes nothing.
        response = self._answer(decision="rejected", note="x", access_token="wrong")
        self.assertTrue(response.url.endswith("/my") or "/web/login" in response.url)
        self.assertIn(
            "error", self._accept(name="X", signature=PNG_B64, access_token="wrong")
        )
        self.assertEqual(len(self.complaint.decision_ids), 1)
