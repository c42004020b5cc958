# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import json

from markupsafe import Markup

from odoo.tests import HttpCase, new_test_user, tagged

from .common import PNG, complaint_with_apology_offered

# What a customer may type, as a file name, a message or a signature.
MARKUP = '<img src=x onerror="window.pcInjected=1">'


@tagged("post_install", "-at_install")
class TestEscapingTour(HttpCase):
    """Text from customers is shown as text in the backend and the portal."""

    def setUp(self):
        super().setUp()
        env = self.env
        rep = new_test_user(
            env,
            login="escaping_rep",
            name="Escaping Rep",
            groups="printing_complaint.group_complaint_sales",
        )
        head = new_test_user(
            env,
            login="escaping_head",
            groups="printing_complaint.group_complaint_production",
        )
        self.complaint = complaint = complaint_with_apology_offered(env, rep, head)
        complaint.name = f"Covers darker {MARKUP}"
        customer = complaint.partner_id
        # The customer signs the offer in the portal, with the link's token.
        self.authenticate(None, None)
        response = self.url_open(
            f"/my/ticket/{complaint.id}/accept",
            data=json.dumps(
                {
                    "params": {
                        "access_token": complaint.access_token,
                        "name": f"Li Wei {MARKUP}",
                        "signature": base64.b64encode(PNG).decode(),
                    }
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertNotIn("error", response.json().get("result", {}))
        # ... writes in the chatter as text, and by email as HTML with a photo.
        complaint.message_post(
            body=f"Still too dark {MARKUP}",
            author_id=customer.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        complaint.message_post(
            body=Markup(f"<p>See the photo {MARKUP}</p>"),
            author_id=customer.id,
            message_type="email",
            subtype_xmlid="mail.mt_comment",
            attachments=[(f"{MARKUP}.png", PNG)],
        )

    def test_backend_shows_customer_text_as_text(self):
        self.assertIn(
            f"{MARKUP}.png", self.complaint.evidence_ids.mapped("attachment_id.name")
        )
        self.assertEqual(self.complaint.decision_ids.signed_by, f"Li Wei {MARKUP}")
        self.start_tour(
            f"/odoo/action-printing_complaint.action_complaints/{self.complaint.id}",
            "printing_complaint_backend_escaping",
            login="escaping_rep",
        )

    def test_portal_shows_customer_text_as_text(self):
        token = self.complaint.access_token
        url = f"/my/ticket/{self.complaint.id}?access_token={token}"
        page = self.url_open(url).text
        self.assertNotIn(MARKUP, page)
        self.assertIn("Covers darker &lt;img src=x onerror=", page)
        self.start_tour(url, "printing_complaint_portal_escaping")
