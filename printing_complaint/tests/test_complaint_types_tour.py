# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestComplaintTypesTour(HttpCase):
    """A rep logs a walk-in customer's late delivery in Chromium: the
    delivery's facts instead of the defect's, the job instead of an order;
    in English and in Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep = new_test_user(
            cls.env,
            login="types_rep",
            name="Types Rep",
            groups="printing_complaint.group_complaint_sales",
        )
        team = cls.env.ref("printing_complaint.helpdesk_team_complaints")
        team.user_ids = [Command.link(cls.rep.id)]
        cls.customer = cls.env["res.partner"].create(
            {"name": "Wu Min", "email": "wu.min@example.com"}
        )

    def _logged(self):
        return self.env["helpdesk.ticket"].search(
            [("partner_id", "=", self.customer.id)]
        )

    def test_walk_in_delivery_complaint_in_english(self):
        self.start_tour(
            "/odoo/action-printing_complaint.action_complaints",
            "printing_complaint_types_walk_in",
            login="types_rep",
        )
        complaint = self._logged()
        self.assertEqual(len(complaint), 1)
        self.assertEqual(
            complaint.type_id, self.env.ref("printing_complaint.type_delivery")
        )
        self.assertFalse(complaint.sale_order_id)
        self.assertEqual(complaint.job_reference, "J-0917")
        self.assertEqual(complaint.job_amount, 180.0)
        self.assertEqual(complaint.delivery_delay_days, 2)
        self.assertEqual(complaint.complaint_step, "registered")

    def test_walk_in_delivery_complaint_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "printing_complaint")]
        )._update_translations(["zh_CN"], overwrite=True)
        self.rep.lang = "zh_CN"
        self.start_tour(
            "/odoo/action-printing_complaint.action_complaints",
            "printing_complaint_types_walk_in_zh",
            login="types_rep",
        )
        complaint = self._logged()
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.job_reference, "J-0917")
        self.assertEqual(
            complaint.type_id, self.env.ref("printing_complaint.type_delivery")
        )
