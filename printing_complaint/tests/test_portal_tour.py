# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import bring_to_solution_step, offer_apology


@tagged("post_install", "-at_install")
class TestPortalCustomerTour(HttpCase):
    def test_customer_files_accepts_and_rates(self):
        """In Chromium, the customer files a complaint with a photo, later
        accepts the offered solution, confirms the closure and rates it."""
        env = self.env
        customer = env["res.partner"].create(
            {"name": "Lotus Printing Buyer Ltd.", "is_company": True}
        )
        buyer = new_test_user(
            env,
            login="lotus_tour",
            password="lotus_tour_pw",
            name="Lotus Buyer",
            email="li@lotus.example.com",
            groups="base.group_portal",
        )
        buyer.partner_id.parent_id = customer
        rep, head = (
            new_test_user(env, login=login, name=login, groups=group)
            for login, group in (
                ("tour_portal_rep", "printing_complaint.group_complaint_sales"),
                ("tour_portal_head", "printing_complaint.group_complaint_production"),
            )
        )
        env.ref("printing_complaint.helpdesk_team_complaints").user_ids = [
            Command.link(rep.id)
        ]
        order = env["sale.order"].create(
            {
                "partner_id": customer.id,
                "user_id": rep.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": env["product.product"]
                            .create({"name": "Brochure A4"})
                            .id,
                            "product_uom_qty": 5000,
                        }
                    )
                ],
            }
        )
        order.action_confirm()

        self.start_tour(
            "/my/complaint/new", "printing_complaint_portal_file", login="lotus_tour"
        )
        complaint = env["helpdesk.ticket"].search(
            [("partner_id", "=", buyer.partner_id.id)]
        )
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.evidence_ids.name, "dark_cover.png")
        self.assertEqual(complaint.sale_line_ids, order.order_line)

        # The company handles it: verification, cause, an approved apology.
        bring_to_solution_step(env, complaint)
        offer_apology(env, complaint, rep, head)

        self.start_tour(
            complaint.get_portal_url(),
            "printing_complaint_portal_accept",
            login="lotus_tour",
        )
        self.assertEqual(complaint.decision_ids.decision, "accepted")
        self.assertEqual(complaint.decision_ids.signed_by, "Lotus Buyer")
        self.assertTrue(complaint.decision_ids.signature)
        self.assertEqual(complaint.complaint_step, "execution")
        complaint.action_next_step()

        self.start_tour(
            complaint.get_portal_url(),
            "printing_complaint_portal_close",
            login="lotus_tour",
        )
        self.assertTrue(complaint.closure_confirmed)
        env["mgmtsystem.action"].create(
            {
                "name": "Density check at press start",
                "type_action": "correction",
                "complaint_ids": [Command.set(complaint.ids)],
                "user_id": head.id,
            }
        )
        complaint.write({"closure_summary": "Apologised", "lessons_learned": "Check"})
        complaint.action_next_step()
        self.env.flush_all()
        self.env.cr.precommit.run()  # the closure email and its rating link
        rating = complaint.rating_ids
        self.assertEqual(len(rating), 1)

        self.start_tour(
            f"/complaint/rate/{rating.access_token}/5",
            "printing_complaint_portal_rate",
        )
        self.assertTrue(rating.consumed)
        self.assertEqual(rating.rating, 5)
        self.assertIn("Handled quickly", rating.feedback)
