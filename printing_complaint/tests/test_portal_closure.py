# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import complaint_at_closure_step


@tagged("post_install", "-at_install")
class TestPortalClosure(HttpCase):
    """The customer confirms the closure in the portal and rates the
    handling from the closure email's link."""

    def setUp(self):
        super().setUp()
        env = self.env
        rep = new_test_user(
            env,
            login="closure_rep",
            name="Closure Rep",
            groups="printing_complaint.group_complaint_sales",
        )
        head = new_test_user(
            env,
            login="closure_head",
            name="Closure Head",
            groups="printing_complaint.group_complaint_production",
        )
        self.complaint = complaint_at_closure_step(env, rep, head)
        self.buyer = new_test_user(
            env,
            login="lotus_closure",
            password="lotus_closure_pw",
            name="Lotus Buyer",
            email="li@lotus.example.com",
            groups="base.group_portal",
        )
        self.buyer.partner_id.parent_id = self.complaint.partner_id
        self.url = f"/my/ticket/{self.complaint.id}"

    def _post(self, url, **data):
        return self.url_open(
            url, data={"csrf_token": http.Request.csrf_token(self), **data}
        )

    def _close(self):
        self.complaint.write(
            {"closure_summary": "Apologised", "lessons_learned": "Check density"}
        )
        self.complaint.action_confirm_closure()
        self.complaint.action_next_step()
        self.assertEqual(self.complaint.complaint_step, "closed")
        # The closure email (and its rating link) is sent at commit.
        self.env.flush_all()
        self.env.cr.precommit.run()
        return self.complaint.rating_ids

    def test_customer_confirms_closure_in_the_portal(self):
        self.authenticate("lotus_closure", "lotus_closure_pw")
        page = self.url_open(self.url)
        self.assertIn("Confirm closure", page.text)
        response = self._post(f"{self.url}/confirm_closure")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(self.complaint.closure_confirmed)
        self.assertEqual(
            self.complaint.closure_channel_id,
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web"),
        )
        self.assertNotIn("Confirm closure", self.url_open(self.url).text)

    def test_other_customer_cannot_confirm_closure(self):
        stranger = new_test_user(
            self.env,
            login="closure_stranger",
            password="closure_stranger_pw",
            name="Stranger",
            email="s@example.com",
            groups="base.group_portal",
        )
        stranger.partner_id.parent_id = self.env["res.partner"].create(
            {"name": "Other Co.", "is_company": True}
        )
        self.authenticate("closure_stranger", "closure_stranger_pw")
        response = self._post(f"{self.url}/confirm_closure")
        self.assertTrue(response.url.endswith("/my"))
        self.assertFalse(self.complaint.closure_confirmed)
        # Nor with a wrong token, logged out.
        self.authenticate(None, None)
        self._post(f"{self.url}/confirm_closure", access_token="wrong")
        self.assertFalse(self.complaint.closure_confirmed)

    def test_public_user_rates_through_the_email_link(self):
        rating = self._close()
        self.assertEqual(len(rating), 1)
        token = rating.access_token
        self.authenticate(None, None)
        # Opening the link (a mail scanner does too) records nothing.
        page = self.url_open(f"/complaint/rate/{token}/4")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.complaint.number, page.text)
        self.assertIn("complaint_rating_form", page.text)
        self.assertFalse(rating.consumed)
        response = self._post(
            f"/complaint/rate/{token}/submit",
            score="4",
            feedback="Good <script>alert(1)</script>",
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(rating.consumed)
        self.assertEqual(rating.rating, 4)
        self.assertEqual(self.complaint.rating_last_value, 4)
        message = rating.message_id
        self.assertNotIn("<script>", message.body)
        self.assertIn("&lt;script&gt;", message.body)

    def test_bad_token_or_score_changes_nothing(self):
        rating = self._close()
        self.authenticate(None, None)
        self.assertEqual(self.url_open("/complaint/rate/wrong/5").status_code, 404)
        self.assertEqual(
            self.url_open(f"/complaint/rate/{rating.access_token}/9").status_code,
            400,
        )
        response = self._post(
            f"/complaint/rate/{rating.access_token}/submit", score="0"
        )
        self.assertEqual(response.status_code, 400)
        response = self._post("/complaint/rate/wrong/submit", score="5")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(rating.consumed)

    def test_emailed_links_expire_when_the_complaint_closes(self):
        token = self.complaint._portal_ensure_token()
        self.authenticate(None, None)
        page = self.url_open(f"{self.url}?access_token={token}")
        self.assertIn(self.complaint.number, page.text)
        self._close()
        self.assertNotEqual(self.complaint.access_token, token)
        page = self.url_open(f"{self.url}?access_token={token}")
        self.assertNotIn(self.complaint.number, page.text)
        # The customer's own account still shows it.
        self.authenticate("lotus_closure", "lotus_closure_pw")
        self.assertIn(self.complaint.number, self.url_open(self.url).text)
