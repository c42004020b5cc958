# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.printing_complaint.tests.common import ComplaintCase


@tagged("post_install", "-at_install")
class TestEightD(ComplaintCase):
    """The 8D of a major case: D1 its team and meetings, D4 the occurrence
    and escape causes, D5 the corrective actions (not the customer's
    solutions); approved by the quality manager, then sent with its PDF."""

    def _major_case(self):
        complaint = self._at_solution_step(severity="major", is_batch_fault=True)
        complaint.write(
            {
                "root_cause": "Loose die chase on die-cutter 2",
                "escape_cause": "The patrol check has no die-cut gauge",
                "responsible_user_id": self.production_head.id,
            }
        )
        complaint.action_plan_containment()
        complaint.action_form_quality_team()
        corrective = complaint.capa_action_ids.filtered(
            lambda a: a.type_action == "correction"
        )
        corrective.name = "Lock the die chase at every make-ready"
        self._propose(
            complaint, "solution_type_apology", description="A letter of apology"
        )
        self.env["printing.complaint.meeting"].create(
            {
                "ticket_id": complaint.id,
                "name": "Kick-off meeting",
                "decisions": "<p>Sort the boxes in stock</p>",
                "action_ids": [Command.set(corrective.ids)],
            }
        )
        return complaint

    def _html(self, complaint):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "printing_complaint_report.action_report_complaint_8d", complaint.ids
        )
        return html.decode()

    def test_the_8d_shows_team_meetings_causes_and_corrective_actions(self):
        complaint = self._major_case()
        html = self._html(complaint)
        d1, rest = html.split('name="d1"')[1].split('name="d2"')
        for text in ("QC Inspector", "Leader", "Rep North", "Production Head"):
            self.assertIn(text, d1)
        for text in ("Team meetings", "Kick-off meeting", "Sort the boxes in stock"):
            self.assertIn(text, d1)
        d3 = rest.split('name="d3"')[1].split('name="d4"')[0]
        self.assertIn("Goods in transit", d3)
        d4 = rest.split('name="d4"')[1].split('name="d5"')[0]
        self.assertIn("Occurrence cause", d4)
        self.assertIn("Loose die chase on die-cutter 2", d4)
        self.assertIn("Escape cause", d4)
        self.assertIn("The patrol check has no die-cut gauge", d4)
        d5 = rest.split('name="d5"')[1].split('name="d6"')[0]
        self.assertIn("Lock the die chase at every make-ready", d5)
        self.assertNotIn("A letter of apology", d5)
        self.assertNotIn("contain stock", d5)

    def test_the_8d_is_printed_in_chinese_for_a_chinese_customer(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        complaint = self._major_case()
        self.customer.lang = "zh_CN"
        html = self._html(complaint)
        self.assertIn("8D 报告", html)
        self.assertIn("The patrol check has no die-cut gauge", html)

    def test_the_8d_is_sent_once_approved(self):
        complaint = self._major_case()
        rep = complaint.with_user(self.sales_rep)
        with self.assertRefused(UserError, "quality manager approves"):
            rep.action_send_eight_d()
        with self.assertRefused(AccessError, "quality manager"):
            complaint.with_user(self.qc_user).action_approve_eight_d()
        complaint.with_user(self.quality_manager).action_approve_eight_d()
        action = rep.action_send_eight_d()
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.sales_rep)
            .with_context(**action["context"])
            .create({})
        )
        self.assertIn(complaint.number, composer.subject)
        self.assertEqual(composer.partner_ids, self.customer)
        composer.action_send_mail()
        self.assertTrue(complaint.eight_d_sent_date)
        message = complaint.message_ids.filtered(
            lambda m: m.message_type == "comment" and m.attachment_ids
        )[:1]
        # The PDF (an HTML rendering in tests: Odoo renders no PDF in tests).
        self.assertRegex(
            message.attachment_ids.name,
            rf"^8D report - {complaint.number}\.(pdf|html)$",
        )
        self.assertIn(self.customer, message.partner_ids)

    def test_a_forged_sending_of_an_unapproved_8d_is_refused(self):
        complaint = self._major_case()
        with self.assertRefused(UserError, "quality manager approves"):
            complaint.with_user(self.sales_rep).with_context(
                complaint_mark_eight_d_sent=True
            ).message_post(body="8D", message_type="comment")
        self.assertFalse(complaint.eight_d_sent_date)
