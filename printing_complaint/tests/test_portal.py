# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import PNG


@tagged("post_install", "-at_install")
class TestPortalComplaint(HttpCase):
    def test_portal_form_registers_a_complaint(self):
        portal = new_test_user(
            self.env,
            login="lotus_portal",
            password="lotus_portal_pw",
            name="Lotus Buyer",
            email="buyer@lotus.example.com",
            groups="base.group_portal",
        )
        self.authenticate("lotus_portal", "lotus_portal_pw")
        response = self.url_open(
            "/submitted/ticket",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "subject": "Brochures <b>smudged</b>",
                "description": "The ink rubs off on the fingers.",
                "category": self.env.ref("printing_complaint.category_blur").id,
            },
            files={"attachment": ("smudge.png", PNG, "image/png")},
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
        new_test_user(
            self.env,
            login="lotus_portal",
            password="lotus_portal_pw",
            groups="base.group_portal",
        )
        self.authenticate("lotus_portal", "lotus_portal_pw")
        Ticket = self.env["helpdesk.ticket"]
        before = Ticket.search_count([])
        response = self.url_open(
            "/submitted/ticket",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "subject": "Brochures smudged",
                "description": "The ink <b>rubs</b> off.",
            },
            files={"attachment": ("smudge.png", b"#!/bin/sh\nrm -rf /\n", "image/png")},
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("smudge.png is not a photo, a video or a PDF", response.text)
        # What the customer wrote is kept, as text.
        self.assertIn('value="Brochures smudged"', response.text)
        self.assertIn("The ink &lt;b&gt;rubs&lt;/b&gt; off.", response.text)
        self.assertEqual(Ticket.search_count([]), before)
