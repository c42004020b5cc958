# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import PNG


@tagged("post_install", "-at_install")
class TestPortalComplaint(HttpCase):
    """helpdesk_mgmt's portal form ("/new/ticket") files complaints."""

    def setUp(self):
        super().setUp()
        self.portal = new_test_user(
            self.env,
            login="lotus_portal",
            password="lotus_portal_pw",
            name="Lotus Buyer",
            email="buyer@lotus.example.com",
            groups="base.group_portal",
        )
        self.authenticate("lotus_portal", "lotus_portal_pw")

    def _send(self, subject, description, file_data, **data):
        return self.url_open(
            "/submitted/ticket",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "subject": subject,
                "description": description,
                **data,
            },
            files={"attachment": ("smudge.png", file_data, "image/png")},
        )

    def test_portal_form_registers_a_complaint(self):
        portal = self.portal
        response = self._send(
            "Brochures <b>smudged</b>",
            "The ink rubs off on the fingers.",
            PNG,
            category=self.env.ref("printing_complaint.category_blur").id,
        )
        self.assertEqual(response.status_code, 200)
        complaint = self.env["helpdesk.ticket"].search(
            [("partner_id", "=", portal.partner_id.id)]
        )
        self.assertEqual(len(complaint), 1)
        self.assertTrue(complaint.is_complaint)
        self.assertEqual(complaint.complaint_step, "registered")
        self.assertTrue(complaint.number.startswith("TS"))
        self.assertEqual(complaint.name, "Brochures <b>smudged</b>")
        self.assertEqual(complaint.evidence_ids.kind, "photo")
        self.assertEqual(
            base64.b64decode(complaint.evidence_ids.attachment_id.datas), PNG
        )
        # The customer sees the number on the portal page of the complaint.
        page = self.url_open(f"/my/ticket/{complaint.id}")
        self.assertIn(complaint.number, page.text)
        self.assertNotIn("<b>smudged</b>", page.text)

    def test_portal_form_refuses_a_file_that_is_not_a_photo(self):
        Ticket = self.env["helpdesk.ticket"]
        before = Ticket.search_count([])
        script = b"#!/bin/sh\nrm -rf /\n"
        response = self._send("Brochures smudged", "The ink <b>rubs</b> off.", script)
        self.assertEqual(response.status_code, 400)
        self.assertIn("smudge.png is not a photo, a video or a PDF", response.text)
        # What the customer wrote is kept, as text.
        self.assertIn('value="Brochures smudged"', response.text)
        self.assertIn("The ink &lt;b&gt;rubs&lt;/b&gt; off.", response.text)
        self.assertEqual(Ticket.search_count([]), before)
