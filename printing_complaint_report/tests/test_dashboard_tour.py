# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.manager = new_test_user(
            env,
            login="dashboard_manager",
            name="Dashboard Manager",
            groups="printing_complaint.group_complaint_manager",
        )
        category = env["helpdesk.ticket.category"].create(
            {"name": "Foil stamping (tour)"}
        )
        customer = env["res.partner"].create({"name": "Foil Buyer Ltd."})
        product = env["product.product"].create({"name": "Foiled card"})
        order = env["sale.order"].create(
            {
                "partner_id": customer.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": 100})
                ],
            }
        )
        order.action_confirm()
        team = env.ref("printing_complaint.helpdesk_team_complaints")
        env["helpdesk.ticket"].create(
            [
                {
                    "name": f"Foil peeling on the cover {index}",
                    "description": "<p>Peeling.</p>",
                    "team_id": team.id,
                    "partner_id": customer.id,
                    "sale_order_id": order.id,
                    "sale_line_ids": [Command.set(order.order_line.ids)],
                    "category_id": category.id,
                }
                for index in (1, 2)
            ]
        )
        # No complaint of the period was rated (the demo's ratings are
        # taken out): the satisfaction says so.
        env["rating.rating"].sudo().search(
            [("res_model", "=", "helpdesk.ticket"), ("consumed", "=", True)]
        ).write({"consumed": False})
        env.flush_all()
        env.cr.execute("UPDATE helpdesk_ticket SET rating_last_value = 0")
        env.invalidate_all()

    def _tour(self):
        self.start_tour(
            "/odoo/action-printing_complaint_report.action_complaint_dashboard",
            "printing_complaint_report_dashboard",
            login="dashboard_manager",
        )

    def test_dashboard_drills_down_in_english(self):
        self._tour()

    def test_dashboard_drills_down_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.manager.lang = "zh_CN"
        self._tour()
