# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""helpdesk_mgmt's "/ticket/close" (GET, no CSRF token, ran as superuser):
it moved anyone's ticket, complaints included. Played over HTTP by the
customers themselves."""

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import complaint_with_apology_offered


@tagged("post_install", "-at_install")
class TestTicketCloseRoute(HttpCase):
    def setUp(self):
        super().setUp()
        env = self.env
        rep = new_test_user(
            env,
            login="close_rep",
            name="Close Rep",
            groups="printing_complaint.group_complaint_sales",
        )
        head = new_test_user(
            env,
            login="close_head",
            name="Close Head",
            groups="printing_complaint.group_complaint_production",
        )
        # At the customer confirmation step: the offer waits for the buyer.
        self.complaint = complaint_with_apology_offered(env, rep, head)
        self.buyer = self._portal_user("lotus_close", self.complaint.partner_id)
        stranger_company = env["res.partner"].create(
            {"name": "Other Print Buyer", "is_company": True}
        )
        self.stranger = self._portal_user("stranger_close", stranger_company)
        self.done = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        plain_team = env["helpdesk.ticket.team"].create({"name": "Front desk"})
        self.plain_ticket = env["helpdesk.ticket"].create(
            {
                "name": "Where is my delivery note?",
                "description": "<p>Please send it again.</p>",
                "team_id": plain_team.id,
                "partner_id": self.buyer.partner_id.id,
            }
        )

    def _portal_user(self, login, company):
        user = new_test_user(
            self.env,
            login=login,
            password=f"{login}_pw",
            name=login.title(),
            email=f"{login}@example.com",
            groups="base.group_portal",
        )
        user.partner_id.parent_id = company
        return user

    def _close(self, login, ticket, stage, csrf=True):
        """Press a close button of the portal page: a POST with the token."""
        self.authenticate(login, f"{login}_pw")
        data = {"ticket_id": ticket.id, "stage_id": stage.id}
        if csrf:
            data["csrf_token"] = http.Request.csrf_token(self)
        return self.url_open("/ticket/close", data=data, allow_redirects=False)

    def _stage(self, ticket):
        """The stage and the history lines: what a move would change."""
        ticket.invalidate_recordset()
        return ticket.stage_id, len(ticket.stage_history_ids)

    def test_other_customer_cannot_move_a_complaint(self):
        before = self._stage(self.complaint)
        self.assertEqual(self.complaint.complaint_step, "confirmation")
        response = self._close("stranger_close", self.complaint, self.done)
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self._stage(self.complaint), before)

    def test_other_customer_cannot_close_a_plain_ticket(self):
        before = self._stage(self.plain_ticket)
        response = self._close("stranger_close", self.plain_ticket, self.done)
        self.assertEqual(response.status_code, 403)
        self.assertIn("not one of yours", response.text)
        self.assertEqual(self._stage(self.plain_ticket), before)
        self.assertFalse(self.plain_ticket.closed)

    def test_owner_cannot_move_a_complaint(self):
        before = self._stage(self.complaint)
        for stage in (self.done, self.complaint._complaint_stage("closed")):
            response = self._close("lotus_close", self.complaint, stage)
            self.assertEqual(response.status_code, 400)
            self.assertIn("closed by the complaint procedure", response.text)
            self.assertEqual(self._stage(self.complaint), before)

    def test_owner_closes_a_plain_ticket_as_before(self):
        response = self._close("lotus_close", self.plain_ticket, self.done)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(
            response.headers["Location"].endswith(f"/my/ticket/{self.plain_ticket.id}")
        )
        self.assertEqual(self.plain_ticket.stage_id, self.done)
        self.assertTrue(self.plain_ticket.closed)

    def test_a_get_or_a_post_without_token_closes_nothing(self):
        """A link in an email or an image tag used to be enough."""
        before = self._stage(self.plain_ticket)
        self.authenticate("lotus_close", "lotus_close_pw")
        response = self.url_open(
            f"/ticket/close?ticket_id={self.plain_ticket.id}&stage_id={self.done.id}",
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 405)
        response = self._close("lotus_close", self.plain_ticket, self.done, csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._stage(self.plain_ticket), before)
        self.assertFalse(self.plain_ticket.closed)

    def test_the_close_buttons_post_their_token(self):
        self.done.close_from_portal = True
        self.authenticate("lotus_close", "lotus_close_pw")
        page = self.url_open(f"/my/ticket/{self.plain_ticket.id}").text
        form = page[page.index('action="/ticket/close"') - 200 :]
        form = form[: form.index("</form>")]
        self.assertIn('method="post"', form)
        self.assertIn('name="csrf_token"', form)

    def test_owner_cannot_pick_a_stage_the_portal_does_not_offer(self):
        before = self._stage(self.plain_ticket)
        awaiting = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")
        response = self._close("lotus_close", self.plain_ticket, awaiting)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self._stage(self.plain_ticket), before)
