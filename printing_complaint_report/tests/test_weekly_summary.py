# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from odoo import Command
from odoo.tests import freeze_time, tagged

from .common import ReportCase

# The Monday the weekly cron runs: it sums up 10 to 16 March 2025.
MONDAY = "2025-03-17 06:00:00"


@tagged("post_install", "-at_install")
class TestWeeklySummary(ReportCase):
    """The weekly summary email (optional, off by default) and the monthly
    report (optional, on by default) with its improvement plan."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager.email = "manager@example.com"
        cls.company.complaint_report_user_ids = cls.manager
        # One order delivered in the week: the week's 2 complaints (12 and
        # 15 March, lamination) over 1 delivered order.
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "order_line": [
                    Command.create(
                        {"product_id": cls.brochure.id, "product_uom_qty": 800}
                    )
                ],
            }
        )
        order.action_confirm()
        order.date_order = datetime(2025, 3, 11, 10, 0)
        order.order_line.qty_delivered = 800
        # The complaint of 3 March closed on 14 March; the one of 5 March
        # late since 14 March.
        closed = cls.stages["closed"]
        first, second = cls.fixture[:2]
        cls.env.flush_all()
        cls.env.cr.execute(
            "UPDATE helpdesk_ticket SET stage_id = %s, complaint_step = 'closed',"
            " closed_date = %s WHERE id = %s",
            [closed.id, datetime(2025, 3, 14, 15, 0), first.id],
        )
        cls.env.cr.execute(
            "UPDATE helpdesk_ticket SET step_deadline = %s WHERE id = %s",
            [datetime(2025, 3, 14, 12, 0), second.id],
        )
        cls.env.invalidate_all()

    def _mails(self, cron, when=MONDAY):
        Mail = self.env["mail.mail"]
        before = Mail.search([])
        with freeze_time(when):
            getattr(self.env["printing.complaint.analysis.wizard"], cron)()
        return (Mail.search([]) - before).filtered(
            lambda mail: mail.recipient_ids == self.manager.partner_id
        )

    def _open_complaints(self, extra=()):
        return self.env["helpdesk.ticket"].search_count(
            [
                ("is_complaint", "=", True),
                ("feedback_type", "=", "complaint"),
                ("company_id", "=", self.company.id),
                ("complaint_step", "not in", [False, "closed"]),
                *extra,
            ]
        )

    def test_weekly_summary_off_by_default(self):
        self.assertFalse(self.company.complaint_weekly_summary)
        self.assertFalse(self._mails("_cron_send_weekly_summary"))

    def test_weekly_summary_figures(self):
        with freeze_time(MONDAY):
            summary = self.env["printing.complaint.analysis"]._weekly_summary(
                date(2025, 3, 10), date(2025, 3, 16)
            )
            late = self._open_complaints([("is_overdue", "=", True)])
        self.assertEqual(summary["new"], 2)
        self.assertEqual(summary["closed"], 1)
        self.assertEqual(summary["open"], self._open_complaints())
        self.assertGreaterEqual(late, 1)
        self.assertEqual(summary["late"], late)
        self.assertEqual(summary["orders"], 1)
        self.assertEqual(summary["rate"], 2.0)
        self.assertAlmostEqual(summary["target"], 0.002)
        self.assertTrue(summary["above_target"])
        lamination = self.categories["lamination"].display_name
        self.assertEqual(summary["categories"][0][:2], (lamination, 2))
        self.assertEqual(summary["rate_text"], "200.00 %")
        self.assertEqual(summary["target_text"], "0.20 %")

    def test_weekly_summary_sent_when_enabled(self):
        settings = self.env["res.config.settings"].create(
            {"complaint_weekly_summary": True}
        )
        settings.execute()
        self.assertTrue(self.company.complaint_weekly_summary)
        mail = self._mails("_cron_send_weekly_summary")
        self.assertEqual(len(mail), 1)
        self.assertEqual(
            mail.subject,
            f"{self.company.name}: weekly complaint summary 2025-03-10 to 2025-03-16",
        )
        body = mail.body_html
        self.assertIn("New: 2", body)
        self.assertIn("Closed: 1", body)
        self.assertIn("200.00 %", body)
        self.assertIn("target 0.20 %", body)
        self.assertIn("above the target", body)
        self.assertIn(f"{self.categories['lamination'].display_name}: 2", body)
        self.assertFalse(mail.attachment_ids)
        self.assertFalse(mail.model)

    def test_weekly_cron_every_monday(self):
        cron = self.env.ref("printing_complaint_report.cron_weekly_summary")
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "weeks"))
        self.assertEqual(cron.nextcall.weekday(), 0)
        self.assertTrue(cron.active)

    def test_monthly_report_only_when_enabled(self):
        self.assertTrue(self.company.complaint_monthly_report)
        self.company.complaint_monthly_report = False
        self.assertFalse(
            self._mails("_cron_send_monthly_report", "2025-04-01 06:00:00")
        )
        self.company.complaint_monthly_report = True
        self.assertEqual(
            len(self._mails("_cron_send_monthly_report", "2025-04-01 06:00:00")), 1
        )

    def test_monthly_report_carries_the_improvement_plan(self):
        with freeze_time("2025-03-20 10:00:00"):
            action = self._file_action(
                self.fixture[3],
                name="Store laminated sheets flat",
                date_deadline=date(2025, 4, 10),
            )
        mail = self._mails("_cron_send_monthly_report", "2025-04-01 06:00:00")
        self.assertIn("Improvement plan", mail.body_html)
        self.assertIn("Store laminated sheets flat", mail.body_html)
        self.assertIn(action.reference, mail.body_html)
        self.assertIn("Production Head", mail.body_html)
        self.assertIn("04/10/2025", mail.body_html)
        self.assertIn(self.fixture[3].number, mail.body_html)
