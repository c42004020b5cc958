# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PNG, ComplaintCase

EMAIL = """Return-Path: <buyer@lotus.example.com>
To: complaints@printshop.test
From: Lotus Buyer <buyer@lotus.example.com>
Message-ID: {msg_id}
{reply}Date: Mon, 23 Nov 2026 09:15:00 +0000
MIME-Version: 1.0
Subject: {subject}
Content-Type: text/plain; charset=UTF-8

{body}
"""


@tagged("post_install", "-at_install")
class TestComplaintIntake(ComplaintCase):
    def test_the_same_values_log_two_complaints(self):
        """create() leaves the caller's values as they were: the same
        dictionary logs two complaints, each with its own number."""
        vals = self._complaint_vals()
        before = dict(vals)
        first = self.env["helpdesk.ticket"].create(vals)
        second = self.env["helpdesk.ticket"].create(vals)
        self.assertEqual(vals, before)
        self.assertNotEqual(first.number, second.number)

    # -- evidence ------------------------------------------------------------
    def test_attached_file_becomes_dated_evidence(self):
        complaint = self._create_complaint()
        attachment = self._add_photo(complaint)
        evidence = complaint.evidence_ids
        self.assertEqual(len(evidence), 1)
        self.assertEqual(evidence.kind, "photo")
        self.assertEqual(evidence.attachment_id, attachment)
        # "Today" in the user's time zone, as the team sees the date.
        self.assertEqual(evidence.date_received, fields.Date.context_today(evidence))
        self.assertEqual(complaint.evidence_count, 1)

    def test_sample_note_is_evidence(self):
        complaint = self._create_complaint()
        self.env["printing.complaint.evidence"].create(
            {
                "ticket_id": complaint.id,
                "kind": "sample",
                "name": "Three brochures sent by courier",
                "note": "Kept in the QC cabinet, shelf 2.",
            }
        )
        complaint.action_acknowledge()
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "verification")

    def test_evidence_is_never_deleted(self):
        complaint = self._create_complaint()
        attachment = self._add_photo(complaint)
        evidence = complaint.evidence_ids
        with self.assertRefused(UserError, "archived, never deleted"):
            evidence.unlink()
        with self.assertRefused(UserError, "archive the evidence"):
            attachment.unlink()
        self.assertTrue(attachment.exists())
        evidence.action_archive()
        self.assertFalse(complaint.evidence_ids)
        self.assertTrue(evidence.exists())

    def test_complaint_is_archived_never_deleted(self):
        complaint = self._create_complaint()
        self._add_photo(complaint)
        history = complaint.stage_history_ids
        with self.assertRefused(UserError, "archive it instead"):
            complaint.with_user(self.manager).unlink()
        with self.assertRefused(UserError, "archive it instead"):
            complaint.sudo().unlink()
        complaint.with_user(self.manager).action_archive()
        self.assertFalse(complaint.active)
        self.assertTrue(complaint.evidence_ids.exists())
        self.assertTrue(history.exists())
        # Other tickets are the helpdesk's: its manager still deletes them.
        team = self.env["helpdesk.ticket.team"].create({"name": "IT support"})
        ticket = self.env["helpdesk.ticket"].create(
            {"name": "Printer", "description": "<p>x</p>", "team_id": team.id}
        )
        ticket.with_user(self.manager).unlink()
        self.assertFalse(ticket.exists())

    def test_archived_evidence_does_not_pass_the_gate(self):
        complaint = self._create_complaint()
        self._add_photo(complaint)
        complaint.evidence_ids.action_archive()
        with self.assertRefused(Exception, "evidence"):
            complaint.action_next_step()

    def test_plain_ticket_files_are_not_evidence(self):
        team = self.env["helpdesk.ticket.team"].create({"name": "IT support"})
        ticket = self.env["helpdesk.ticket"].create(
            {"name": "Printer", "description": "<p>x</p>", "team_id": team.id}
        )
        self._add_photo(ticket)
        self.assertFalse(
            self.env["printing.complaint.evidence"].search(
                [("ticket_id", "=", ticket.id)]
            )
        )

    # -- duplicates ------------------------------------------------------------
    def test_merge_duplicate_keeps_chatter_and_files(self):
        original = self._create_complaint()
        duplicate = self._create_complaint(name="Same cover problem")
        self._add_photo(duplicate)
        duplicate.message_post(body="The customer called again about the cover.")
        with self.assertRefused(UserError, "Duplicate of"):
            duplicate.action_merge_duplicate()
        duplicate.duplicate_id = original
        duplicate.action_merge_duplicate()
        self.assertEqual(duplicate.complaint_step, "closed")
        self.assertEqual(duplicate.validity, "duplicate")
        self.assertIn(
            "The customer called again about the cover.",
            "".join(original.message_ids.mapped("body")),
        )
        self.assertEqual(original.evidence_ids.attachment_id.name, "cover.png")
        self.assertEqual(
            self.env["ir.attachment"]
            .search(
                [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", original.id)]
            )
            .mapped("name"),
            ["cover.png"],
        )

    def test_file_posted_in_the_chatter_becomes_evidence(self):
        """The chatter (backend or portal) uploads the file first and links
        it to the complaint when the message is posted."""
        complaint = self._create_complaint()
        upload = self.env["ir.attachment"].create(
            {
                "name": "box_photo.png",
                "raw": PNG,
                "res_model": "mail.compose.message",
                "res_id": 0,
            }
        )
        self.assertFalse(complaint.evidence_ids)
        complaint.message_post(body="More photos", attachment_ids=upload.ids)
        self.assertEqual(complaint.evidence_ids.attachment_id, upload)
        self.assertEqual(complaint.evidence_ids.kind, "photo")
        # Linking it again (a merge, a re-post) makes no second evidence.
        upload.write({"res_id": complaint.id})
        self.assertEqual(len(complaint.evidence_ids), 1)

    # -- email -----------------------------------------------------------------
    def _process(self, **values):
        values.setdefault("reply", "")
        values.setdefault("body", "The blue of the cover is darker than the proof.")
        return self.env["mail.thread"].message_process(
            model=None, message=EMAIL.format(**values)
        )

    def test_email_to_alias_creates_complaint_and_reply_threads(self):
        domain = self.env["mail.alias.domain"].create({"name": "printshop.test"})
        self.team.alias_id.write(
            {"alias_name": "complaints", "alias_domain_id": domain.id}
        )
        res_id = self._process(
            msg_id="<first-1@lotus.example.com>", subject="Cover colour is wrong"
        )
        complaint = self.env["helpdesk.ticket"].browse(res_id)
        self.assertTrue(complaint.is_complaint)
        self.assertEqual(complaint.name, "Cover colour is wrong")
        self.assertTrue(complaint.number.startswith("TS"))
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.complaint_step, "registered")
        self.assertEqual(
            complaint.channel_id,
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email"),
        )
        again = self._process(
            msg_id="<second-2@lotus.example.com>",
            reply="In-Reply-To: <first-1@lotus.example.com>\n",
            subject="Re: Cover colour is wrong",
            body="Here are more photos.",
        )
        self.assertEqual(again, complaint.id)
        self.assertIn(
            "Here are more photos.", "".join(complaint.message_ids.mapped("body"))
        )
        self.assertEqual(
            self.env["helpdesk.ticket"].search_count(
                [("name", "ilike", "Cover colour is wrong")]
            ),
            1,
        )

    def _bounces(self, email_to):
        return self.env["mail.mail"].search(
            [("email_to", "ilike", email_to), ("subject", "ilike", "Re:")]
        )

    def test_malformed_emails_are_bounced_and_register_nothing(self):
        domain = self.env["mail.alias.domain"].create({"name": "printshop.test"})
        self.team.alias_id.write(
            {"alias_name": "complaints", "alias_domain_id": domain.id}
        )
        Ticket = self.env["helpdesk.ticket"]
        before = Ticket.search_count([])
        # No subject.
        self._process(msg_id="<nosubject@lotus.example.com>", subject="")
        # A huge body.
        self._process(
            msg_id="<huge@lotus.example.com>",
            subject="Cover colour",
            body="x" * (self.team.COMPLAINT_EMAIL_MAX_BODY + 10),
        )
        self.assertEqual(Ticket.search_count([]), before)
        self.assertEqual(len(self._bounces("buyer@lotus.example.com")), 2)
        self.assertIn(
            "could not register a complaint",
            self._bounces("buyer@lotus.example.com")[0].body_html,
        )
        # An unknown sender.
        unknown = EMAIL.replace("buyer@lotus.example.com", "someone@else.example.com")
        self.env["mail.thread"].message_process(
            model=None,
            message=unknown.format(
                msg_id="<unknown@else.example.com>",
                reply="",
                subject="Your posters",
                body="Bad posters",
            ),
        )
        self.assertEqual(Ticket.search_count([]), before)
        self.assertEqual(len(self._bounces("someone@else.example.com")), 1)
        # No sender at all: nobody to answer, so the bounce goes to the one who
        # set the alias up (here the complaint manager), and nothing is filed.
        self.env.cr.execute(
            "UPDATE mail_alias SET create_uid = %s WHERE id = %s",
            [self.manager.id, self.team.alias_id.id],
        )
        self.team.alias_id.invalidate_recordset(["create_uid"])
        anonymous = EMAIL.replace(
            "From: Lotus Buyer <buyer@lotus.example.com>\n", ""
        ).replace("Return-Path: <buyer@lotus.example.com>\n", "")
        self.env["mail.thread"].message_process(
            model=None,
            message=anonymous.format(
                msg_id="<anonymous@nowhere>", reply="", subject="Hi", body="?"
            ),
        )
        self.assertEqual(Ticket.search_count([]), before)
        bounce = self.env["mail.mail"].search([("subject", "=", "Re: Hi")])
        self.assertEqual(bounce.recipient_ids, self.manager.partner_id)
        self.assertFalse(bounce.email_to)
        self.assertIn("could not register a complaint", bounce.body_html)

    # -- customer ----------------------------------------------------------------
    def test_customer_smart_button(self):
        self._create_complaint()
        self._create_complaint(name="Second")
        self.assertEqual(self.customer.complaint_count, 2)
        action = self.customer.action_view_complaints()
        self.assertEqual(self.env["helpdesk.ticket"].search_count(action["domain"]), 2)

    # -- multi-company -------------------------------------------------------------
    def test_other_company_complaints_hidden(self):
        other_company = self.env["res.company"].create({"name": "Print Shop Shanghai"})
        self.assertTrue(
            self.env["ir.sequence"].search(
                [
                    ("code", "=", "printing.complaint"),
                    ("company_id", "=", other_company.id),
                ]
            )
        )
        self.assertEqual(
            self.env["printing.complaint.time.limit"].search_count(
                [("company_id", "=", other_company.id)]
            ),
            18,
        )
        team = self.env["helpdesk.ticket.team"].create(
            {"name": "Shanghai complaints", "company_id": other_company.id}
        )
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Other company",
                "description": "<p>x</p>",
                "team_id": team.id,
                "company_id": other_company.id,
            }
        )
        visible = (
            self.env["helpdesk.ticket"]
            .with_user(self.manager)
            .search([("id", "=", ticket.id)])
        )
        self.assertFalse(visible)
