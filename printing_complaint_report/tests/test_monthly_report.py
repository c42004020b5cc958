# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo.tests import freeze_time, new_test_user, tagged

from .common import ReportCase

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@tagged("post_install", "-at_install")
class TestMonthlyReport(ReportCase):
    """The monthly report is the template's email: its body, and the
    analysis workbook of the previous month attached by the template."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template = cls.env.ref(
            "printing_complaint_report.mail_template_monthly_report"
        )
        cls.manager.email = "manager@example.com"
        cls.company.complaint_report_user_ids = cls.manager

    def _send(self):
        """The emails the cron of 1 April 2025 sends to the main company."""
        Mail = self.env["mail.mail"]
        before = Mail.search([])
        with freeze_time("2025-04-01 06:00:00"):
            self.env["printing.complaint.analysis.wizard"]._cron_send_monthly_report()
        return (Mail.search([]) - before).filtered(
            lambda mail: mail.recipient_ids
            <= self.company.complaint_report_user_ids.partner_id
        )

    def _summary(self, attachment):
        book = self._workbook(attachment.raw)
        return book, {
            row[0]: row[1] for row in book.worksheets[0].iter_rows(values_only=True)
        }

    def test_the_template_sends_the_previous_months_workbook(self):
        mail = self._send()
        self.assertEqual(len(mail), 1)
        self.assertEqual(
            mail.subject,
            f"{self.company.name}: complaint analysis 2025-03-01 to 2025-03-31",
        )
        self.assertIn("Attached is the complaint analysis of", mail.body_html)
        self.assertIn(self.company.name, mail.body_html)
        self.assertEqual(mail.email_from, self.company.partner_id.email_formatted)
        self.assertEqual(mail.recipient_ids, self.manager.partner_id)
        self.assertTrue(mail.auto_delete)
        # the wizard of the period is transient: the email is not its message
        self.assertFalse(mail.model)
        attachment = mail.attachment_ids
        self.assertEqual(len(attachment), 1)
        self.assertEqual(
            attachment.name, "Complaint analysis 2025-03-01 to 2025-03-31.xlsx"
        )
        self.assertEqual(attachment.mimetype, XLSX)
        book, summary = self._summary(attachment)
        self.assertEqual(book.sheetnames[0], "Summary")
        self.assertEqual(summary["From"], datetime(2025, 3, 1))
        self.assertEqual(summary["To"], datetime(2025, 3, 31))
        self.assertEqual(summary["Complaints received"], 6)

    def test_an_edited_template_is_what_is_sent(self):
        self.template.write(
            {
                "subject": "Monthly figures {{ object.date_from }}",
                "body_html": "<p>Figures of the month attached.</p>",
            }
        )
        mail = self._send()
        self.assertEqual(mail.subject, "Monthly figures 2025-03-01")
        self.assertIn("Figures of the month attached.", mail.body_html)
        self.assertEqual(len(mail.attachment_ids), 1)

    def test_each_recipient_reads_it_in_their_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "printing_complaint_report")]
        )._update_translations(["zh_CN"])
        director = new_test_user(
            self.env,
            login="report_director_zh",
            name="Director Zhang",
            email="zhang@example.com",
            lang="zh_CN",
        )
        self.company.complaint_report_user_ids |= director
        mails = self._send()
        self.assertEqual(len(mails), 2)
        chinese = mails.filtered(lambda mail: mail.recipient_ids == director.partner_id)
        english = mails - chinese
        self.assertEqual(english.recipient_ids, self.manager.partner_id)
        self.assertIn("complaint analysis", english.subject)
        self.assertEqual(
            chinese.subject, f"{self.company.name}：投诉分析 2025-03-01 至 2025-03-31"
        )
        self.assertIn("投诉分析", chinese.body_html)
        self.assertNotIn("Attached is", chinese.body_html)
        attachment = chinese.attachment_ids
        self.assertEqual(attachment.name, "投诉分析 2025-03-01 至 2025-03-31.xlsx")
        self.assertEqual(attachment.mimetype, XLSX)
        book, summary = self._summary(attachment)
        self.assertEqual(book.sheetnames[0], "摘要")
        self.assertEqual(summary["收到的投诉"], 6)

    def test_nobody_with_an_email_nothing_sent(self):
        self.manager.email = False
        self.assertFalse(self._send())
