# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import Command, http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import PNG


@tagged("post_install", "-at_install")
class TestPortalFiling(HttpCase):
    """A customer files a complaint in the portal against one of their own
    confirmed orders; bad input files nothing and says why."""

    def setUp(self):
        super().setUp()
        env = self.env
        self.customer = env["res.partner"].create(
            {"name": "Lotus Printing Buyer Ltd.", "is_company": True}
        )
        self.buyer = new_test_user(
            env,
            login="lotus_filer",
            password="lotus_filer_pw",
            name="Lotus Buyer",
            email="li@lotus.example.com",
            groups="base.group_portal",
        )
        self.buyer.partner_id.parent_id = self.customer
        product = env["product.product"].create({"name": "Brochure A4"})
        poster = env["product.product"].create({"name": "Poster A2"})
        self.order = self._order(self.customer, [product, poster])
        stranger = env["res.partner"].create({"name": "Harbour Books"})
        self.foreign = self._order(stranger, [product])
        self.Ticket = env["helpdesk.ticket"]

    def _order(self, partner, products):
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create({"product_id": p.id, "product_uom_qty": 100})
                    for p in products
                ],
            }
        )
        order.action_confirm()
        return order

    def _submit(self, files=None, **data):
        form = {
            "csrf_token": http.Request.csrf_token(self),
            "submission_key": "key-1",
            "order": str(self.order.id),
            "lines": [str(line.id) for line in self.order.order_line],
            "subject": "Covers too dark",
            "description": "The blue <b>cover</b> is too dark.",
            "requests": [str(self.env.ref("printing_complaint.request_reprint").id)],
            "quantity": "40",
        }
        form.update(data)
        return self.url_open(
            "/my/complaint/submit",
            data=form,
            files=files or [("attachment", ("cover.png", PNG, "image/png"))],
        )

    def _complaints(self):
        return self.Ticket.search([("partner_id", "=", self.buyer.partner_id.id)])

    def test_customer_files_a_complaint_with_a_photo(self):
        self.authenticate("lotus_filer", "lotus_filer_pw")
        page = self.url_open("/my/complaint/new")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.order.name, page.text)
        self.assertNotIn(self.foreign.name, page.text)
        response = self._submit()
        self.assertEqual(response.status_code, 200)
        complaint = self._complaints()
        self.assertEqual(len(complaint), 1)
        self.assertTrue(complaint.is_complaint)
        self.assertEqual(complaint.complaint_step, "registered")
        self.assertEqual(complaint.sale_order_id, self.order)
        self.assertEqual(complaint.sale_line_ids, self.order.order_line)
        self.assertEqual(complaint.quantity_affected, 40)
        self.assertEqual(
            complaint.channel_id,
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web"),
        )
        self.assertEqual(complaint.evidence_ids.mapped("kind"), ["photo"])
        self.assertIn("&lt;b&gt;cover&lt;/b&gt;", complaint.description)
        self.assertIn(complaint.number, response.text)
        # Where it stands: its step, by when we answer, its order.
        self.assertIn("complaint_step_deadline", response.text)
        self.assertIn(self.order.name, response.text)
        # The same form sent again (double click) files nothing more.
        self._submit()
        self.assertEqual(len(self._complaints()), 1)

    def test_foreign_order_or_lines_are_refused(self):
        self.authenticate("lotus_filer", "lotus_filer_pw")
        response = self._submit(order=str(self.foreign.id))
        self.assertEqual(response.status_code, 400)
        self.assertIn("one of your confirmed orders", response.text)
        response = self._submit(
            submission_key="key-2", lines=[str(self.foreign.order_line.id)]
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("affected lines", response.text)
        self.assertFalse(self._complaints())

    def test_disallowed_or_oversized_files_are_refused(self):
        self.authenticate("lotus_filer", "lotus_filer_pw")
        script = b"#!/bin/sh\nrm -rf /\n"
        response = self._submit(
            files=[("attachment", ("photo.png", script, "image/png"))]
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("not a photo, a video or a PDF", response.text)
        self.env.company.complaint_portal_max_file_mb = 1
        big = PNG + b"\0" * (1024 * 1024)
        response = self._submit(files=[("attachment", ("big.png", big, "image/png"))])
        self.assertEqual(response.status_code, 400)
        self.assertIn("larger than 1 MB", response.text)
        self.assertFalse(self._complaints())
        self.assertFalse(
            self.env["ir.attachment"].search([("name", "in", ["photo.png", "big.png"])])
        )

    def _upload(self, name, data, thread):
        response = self.url_open(
            "/mail/attachment/upload",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "thread_id": str(thread.id),
                "thread_model": thread._name,
                "is_pending": "true",
            },
            files=[("ufile", (name, data, "image/png"))],
        )
        return response.json()

    def _post(self, complaint, body, attachments):
        """Post in the complaint's chatter as the portal does; the JSON-RPC
        answer."""
        params = {
            "thread_model": "helpdesk.ticket",
            "thread_id": complaint.id,
            "post_data": {
                "body": body,
                "attachment_ids": attachments.ids,
                "message_type": "comment",
                "subtype_xmlid": "mail.mt_comment",
            },
            "attachment_tokens": attachments.mapped("access_token"),
        }
        response = self.url_open(
            "/mail/message/post",
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def test_files_added_in_the_chatter_are_checked_like_the_form(self):
        self.authenticate("lotus_filer", "lotus_filer_pw")
        self._submit()
        complaint = self._complaints()
        script = b"#!/bin/sh\nrm -rf /\n"
        # Refused as it is uploaded, with the reason.
        result = self._upload("notes.png", script, complaint)
        self.assertIn("not a photo, a video or a PDF", result["error"])
        self.assertFalse(self.env["ir.attachment"].search([("name", "=", "notes.png")]))
        # A photo is taken, and becomes evidence once the message is posted.
        result = self._upload("more.png", PNG, complaint)
        photo = self.env["ir.attachment"].browse(
            result["data"]["ir.attachment"][0]["id"]
        )
        self.assertIn("result", self._post(complaint, "Another photo", photo))
        self.assertIn(photo, complaint.evidence_ids.attachment_id)
        # A file uploaded elsewhere (the customer's ticket of another team) is
        # checked when the message links it to the complaint: nothing posted.
        ticket = self.Ticket.create(
            {
                "name": "Invoice address",
                "description": "<p>New address</p>",
                "team_id": self.env["helpdesk.ticket.team"].create({"name": "Help"}).id,
                "partner_id": self.buyer.partner_id.id,
            }
        )
        result = self._upload("notes.png", script, ticket)
        notes = self.env["ir.attachment"].browse(
            result["data"]["ir.attachment"][0]["id"]
        )
        messages = complaint.message_ids
        error = self._post(complaint, "My notes", notes)["error"]
        self.assertIn(
            "notes.png is not a photo, a video or a PDF", error["data"]["message"]
        )
        complaint.invalidate_recordset()
        self.assertEqual(complaint.message_ids, messages)
        self.assertNotIn("notes.png", complaint.evidence_ids.mapped("name"))
        # A visitor without the complaint's link learns nothing about it.
        self.authenticate(None, None)
        response = self.url_open(
            "/mail/attachment/upload",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "thread_id": str(complaint.id),
                "thread_model": "helpdesk.ticket",
                "is_pending": "true",
            },
            files=[("ufile", ("notes.png", script, "image/png"))],
        )
        self.assertEqual(response.status_code, 404)

    def test_videos_and_phone_photos_are_taken_drawings_are_not(self):
        self.authenticate("lotus_filer", "lotus_filer_pw")
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>'
        response = self._submit(files=[("attachment", ("cover.svg", svg, "image/svg"))])
        self.assertEqual(response.status_code, 400)
        self.assertIn("cover.svg is not a photo, a video or a PDF", response.text)
        self.assertFalse(self._complaints())
        # The headers of an MP4 video and of an iPhone (HEIC) photo.
        mp4 = b"\0\0\0\x18ftypmp42\0\0\0\0mp42isom\0\0\0\x08free"
        heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"
        self._submit(
            submission_key="key-2",
            files=[
                ("attachment", ("press.mp4", mp4, "video/mp4")),
                ("attachment", ("cover.heic", heic, "image/heic")),
            ],
        )
        evidence = self._complaints().evidence_ids
        self.assertEqual(
            sorted(evidence.mapped("kind")), ["photo", "video"], evidence.mapped("name")
        )

    def test_missing_facts_are_refused_and_kept_in_the_form(self):
        self.authenticate("lotus_filer", "lotus_filer_pw")
        response = self._submit(description="   ", subject="<script>x</script>")
        self.assertEqual(response.status_code, 400)
        self.assertIn("describe the problem", response.text)
        self.assertNotIn("<script>x</script>", response.text)
        self.assertIn("&lt;script&gt;x&lt;/script&gt;", response.text)
        self.assertFalse(self._complaints())

    def test_public_visitor_is_sent_to_login(self):
        self.authenticate(None, None)
        response = self.url_open("/my/complaint/new")
        self.assertIn("/web/login", response.url)
