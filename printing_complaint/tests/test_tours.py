# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestComplaintTours(HttpCase):
    def test_sales_rep_logs_complaint_from_order(self):
        rep = new_test_user(
            self.env,
            login="tour_rep",
            password="tour_rep_pw",
            name="Tour Rep",
            groups="printing_complaint.group_complaint_sales",
        )
        team = self.env.ref("printing_complaint.helpdesk_team_complaints")
        team.user_ids = [Command.link(rep.id)]
        customer = self.env["res.partner"].create(
            {"name": "Lotus Printing Buyer Ltd.", "email": "buyer@lotus.example.com"}
        )
        product = self.env["product.product"].create(
            {"name": "Brochure A4", "list_price": 0.5}
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "user_id": rep.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": 5000})
                ],
            }
        )
        order.action_confirm()
        self.start_tour(
            "/odoo/sales", "printing_complaint_log_from_order", login="tour_rep"
        )
        complaint = self.env["helpdesk.ticket"].search(
            [("sale_order_id", "=", order.id)]
        )
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.complaint_step, "registered")
        self.assertEqual(complaint.partner_id, customer)
        self.assertEqual(complaint.sale_line_ids, order.order_line)
        self.assertEqual(complaint.user_id, rep)
        self.assertEqual(complaint.attachment_ids.mapped("name"), ["cover_photo.png"])
        self.assertEqual(
            complaint.request_ids, self.env.ref("printing_complaint.request_reprint")
        )
