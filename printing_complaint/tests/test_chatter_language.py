# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import freeze_time, tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestChatterLanguage(ComplaintCase):
    """What the process writes is in the language of whoever reads it (the
    customer's for the customer, the assignee's for an activity, the owner's
    for an internal note), not in the language of whoever acts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.customer.lang = "zh_CN"
        cls.manager.lang = "en_US"
        cls.sales_rep.lang = "zh_CN"

    def _messages(self, complaint):
        return complaint.message_ids.mapped(lambda m: str(m.body))

    def _activity(self, complaint, xmlid):
        return complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(xmlid)
        )

    def test_offer_by_an_english_user_reaches_a_chinese_customer_in_chinese(self):
        complaint = self._at_solution_step()
        solution = self._propose(complaint, "solution_type_reprint")
        self._approve_all(solution)
        # The English manager sends the offer: the step moves on.
        complaint.with_user(self.manager).with_context(lang="en_US").action_send_offer()
        self.assertEqual(complaint.complaint_step, "confirmation")
        offer = complaint.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref("mail.mt_comment")
        )[:1]
        self.assertIn("投诉", offer.subject or "")
        # The next step's activity is the owner's, in the owner's Chinese.
        activity = self._activity(
            complaint, "printing_complaint.activity_complaint_confirm"
        )
        self.assertEqual(activity.user_id, self.sales_rep)
        self.assertEqual(
            activity.summary, "向客户提出解决方案；记录客户接受或拒绝的决定。"
        )
        # The same step, owned by an English rep: English.
        self.sales_rep.lang = "en_US"
        other = self._at_solution_step()
        self._approve_all(self._propose(other, "solution_type_reprint"))
        other.with_user(self.manager).with_context(lang="zh_CN").action_send_offer()
        self.assertEqual(
            self._activity(
                other, "printing_complaint.activity_complaint_confirm"
            ).summary,
            "Offer the solution; record the customer's acceptance or rejection.",
        )

    def test_step_taken_by_an_english_user_closes_the_activity_in_chinese(self):
        """The registration activity of the Chinese owner is marked done by
        the English manager's move: its done note is in Chinese, and the
        next step's activity (QC's, in English) in English."""
        complaint = self._create_complaint()
        self._add_photo(complaint)
        complaint.with_user(self.manager).with_context(
            lang="en_US"
        ).action_acknowledge()
        complaint.with_user(self.manager).with_context(lang="en_US").action_next_step()
        self.assertEqual(complaint.complaint_step, "verification")
        self.assertTrue(
            any("步骤已完成。" in body for body in self._messages(complaint)),
            self._messages(complaint),
        )
        verify = self._activity(
            complaint, "printing_complaint.activity_complaint_verify"
        )
        self.assertEqual(verify.user_id, self.qc_user)
        self.assertEqual(
            verify.summary,
            "Check the order specs and signed proof against the evidence; "
            "set category and severity.",
        )

    # A Monday morning: the deadlines are working days ahead of it.
    @freeze_time("2026-11-23 10:00:00")
    def test_new_date_is_told_in_the_customers_language(self):
        complaint = self._at_solution_step()
        solution = self._propose(
            complaint,
            "solution_type_reprint",
            deadline=fields.Date.today() + timedelta(days=3),
        )
        self._approve_all(solution)
        self._offer_and_accept(complaint)
        self.assertEqual(complaint.complaint_step, "execution")
        # Execution runs on the solution's deadline.
        self.assertEqual(
            complaint.step_deadline.date(), fields.Date.today() + timedelta(days=3)
        )
        later = fields.Date.today() + timedelta(days=5)
        solution.with_user(self.manager).with_context(lang="en_US").deadline = later
        self.assertTrue(
            any("对于延期，我们深表歉意" in body for body in self._messages(complaint)),
            self._messages(complaint),
        )
        self.assertEqual(complaint.step_deadline.date(), later)
        self.assertEqual(complaint.stage_history_ids[-1:].deadline.date(), later)

    @freeze_time("2026-11-23 10:00:00")
    def test_cron_writes_in_the_readers_language(self):
        """The overdue escalation, run by the cron in English, writes the
        manager's activity in the manager's Chinese and the note in the
        owner's."""
        self.manager.lang = "zh_CN"
        complaint = self._create_complaint()
        complaint.stage_history_ids.deadline = fields.Datetime.now() - timedelta(
            hours=1
        )
        self.env["helpdesk.ticket"].with_context(lang="en_US")._cron_escalate_overdue()
        activity = self._activity(
            complaint, "printing_complaint.activity_complaint_overdue"
        )
        self.assertEqual(activity.user_id, self.manager)
        self.assertEqual(activity.summary, "投诉处理超时")
        self.assertIn(
            "该步骤已超过截止时间：已升级上报给团队经理。", self._messages(complaint)[0]
        )
        # The manager's digest, in Chinese.
        self.assertTrue(
            self.env["mail.message"].search_count(
                [
                    ("subject", "like", "个投诉步骤已超时"),
                    ("partner_ids", "in", self.manager.partner_id.ids),
                ]
            )
        )
        # Registered in the owner's language too.
        self.assertTrue(
            any("投诉已受理登记。" in body for body in self._messages(complaint))
        )
