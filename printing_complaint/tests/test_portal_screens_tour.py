# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import PNG


class PortalScreensTourCase(HttpCase):
    """A customer with two confirmed orders and a complaint filed already,
    going through the portal's screens in Chromium (see
    static/tests/tours/portal_screens_tour.esm.js)."""

    def _customer(self, lang="en_US"):
        env = self.env
        rep = new_test_user(
            env,
            login="screens_tour_rep",
            name="Screens Tour Rep",
            groups="printing_complaint.group_complaint_sales",
        )
        team = env.ref("printing_complaint.helpdesk_team_complaints")
        team.user_ids = [Command.link(rep.id)]
        customer = env["res.partner"].create(
            {"name": "Lotus Printing Buyer Ltd.", "is_company": True, "lang": lang}
        )
        buyer = new_test_user(
            env,
            login="screens_tour",
            password="screens_tour_pw",
            name="Lotus Buyer",
            email="li@lotus.example.com",
            groups="base.group_portal",
            lang=lang,
        )
        buyer.partner_id.parent_id = customer
        orders = env["sale.order"]
        for days_ago, names in ((1, ("Brochure A4", "Poster A2")), (10, ("Flyer A5",))):
            order = env["sale.order"].create(
                {
                    "partner_id": customer.id,
                    "user_id": rep.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": env["product.product"]
                                .create({"name": name})
                                .id,
                                "product_uom_qty": 100,
                            }
                        )
                        for name in names
                    ],
                }
            )
            order.action_confirm()
            order.date_order = fields.Datetime.now() - timedelta(days=days_ago)
            orders |= order
        filed = env["helpdesk.ticket"].create(
            {
                "name": "Covers too dark",
                "description": "<p>Dark blue.</p>",
                "team_id": team.id,
                "partner_id": buyer.partner_id.id,
                "sale_order_id": orders[0].id,
                "sale_line_ids": [Command.set(orders[0].order_line[:1].ids)],
                "user_id": rep.id,
            }
        )
        env["ir.attachment"].create(
            {
                "name": "cover.png",
                "raw": PNG,
                "res_model": "helpdesk.ticket",
                "res_id": filed.id,
            }
        )
        return buyer, orders, filed

    def _run_tour(self, tour, lang="en_US"):
        buyer, orders, filed = self._customer(lang)
        self.start_tour("/my", tour, login="screens_tour")
        new = self.env["helpdesk.ticket"].search(
            [("partner_id", "=", buyer.partner_id.id), ("id", "!=", filed.id)]
        )
        self.assertEqual(len(new), 1)
        self.assertEqual(new.sale_order_id, orders[1])
        self.assertEqual(new.sale_line_ids, orders[1].order_line)
        self.assertEqual(new.name, "Flyers cut crooked")
        self.assertEqual(new.quantity_affected, 250)
        return new


@tagged("post_install", "-at_install")
class TestPortalScreensTour(PortalScreensTourCase):
    def test_portal_screens_in_english(self):
        self._run_tour("printing_complaint_portal_screens_en")

    def test_portal_screens_in_chinese(self):
        env = self.env
        env["res.lang"]._activate_lang("zh_CN")
        env["ir.module.module"]._load_module_terms(
            ["printing_complaint"], ["zh_CN"], overwrite=True
        )
        self._run_tour("printing_complaint_portal_screens_zh", lang="zh_CN")


@tagged("post_install", "-at_install")
class TestPortalScreensTourPhone(PortalScreensTourCase):
    """The same screens on a phone-sized window."""

    browser_size = "375x667"

    def test_portal_screens_on_a_phone(self):
        self._run_tour("printing_complaint_portal_screens_en")
