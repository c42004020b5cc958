# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime
from unittest import SkipTest

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestInstalledData(TransactionCase):
    """What the addon puts in every database, with and without demo data."""

    def test_complaint_team_exists(self):
        team = self.env.ref("printing_complaint.helpdesk_team_complaints")
        self.assertEqual(team._name, "helpdesk.ticket.team")
        self.assertEqual(team.company_id, self.env.ref("base.main_company"))
        self.assertTrue(team.active)

    def test_depends_installed(self):
        modules = self.env["ir.module.module"].search(
            [
                (
                    "name",
                    "in",
                    ["helpdesk_mgmt", "helpdesk_type", "sale_management", "account"],
                )
            ]
        )
        self.assertEqual(set(modules.mapped("state")), {"installed"})
        self.assertEqual(len(modules), 4)


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    """The demo database shows a printing company's real sales flow."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls.env.ref(
            "printing_complaint.sale_order_harbour_brochures",
            raise_if_not_found=False,
        )
        if not cls.order:
            raise SkipTest("the database was installed without demo data")

    def test_orders_confirmed_and_invoiced(self):
        xmlids = [
            "sale_order_sunrise_boxes",
            "sale_order_harbour_brochures",
            "sale_order_greenleaf_cards",
            "sale_order_pearl_catalogues",
            "sale_order_northwind_posters",
        ]
        orders = self.env["sale.order"].browse(
            [self.env.ref(f"printing_complaint.{xmlid}").id for xmlid in xmlids]
        )
        self.assertEqual(set(orders.mapped("state")), {"sale"})
        self.assertEqual(set(orders.mapped("invoice_status")), {"invoiced"})
        invoices = orders.invoice_ids
        self.assertEqual(len(invoices), 5)
        self.assertEqual(set(invoices.mapped("state")), {"posted"})
        self.assertEqual(set(invoices.mapped("move_type")), {"out_invoice"})

    def test_brochure_order_amounts(self):
        """10,000 brochures at 0.45 and 500 posters at 2.60."""
        self.assertEqual(self.order.partner_id.name, "Harbour City Travel Agency")
        self.assertEqual(
            self.order.order_line.mapped("product_id.default_code"),
            ["PRT-BRO-A4", "PRT-POS-A2"],
        )
        self.assertAlmostEqual(self.order.amount_untaxed, 4500.0 + 1300.0)
        self.assertAlmostEqual(
            self.order.invoice_ids.amount_untaxed, self.order.amount_untaxed
        )

    def test_one_order_left_to_invoice(self):
        reorder = self.env.ref("printing_complaint.sale_order_sunrise_reorder")
        self.assertEqual(reorder.state, "sale")
        self.assertEqual(reorder.invoice_status, "to invoice")

    def test_printed_products(self):
        packaging = self.env.ref("printing_complaint.product_category_packaging")
        products = self.env["product.product"].search(
            [("categ_id", "child_of", packaging.id)]
        )
        self.assertEqual(
            sorted(products.mapped("default_code")), ["PKG-BOX-350", "PKG-GIFT-01"]
        )
        self.assertTrue(self.env["res.lang"]._lang_get("zh_CN").active)

    def test_public_holidays_in_the_working_schedule(self):
        """The company works in Beijing time and keeps China's public
        holidays: the time limits skip them."""
        calendar = self.env.ref("base.main_company").resource_calendar_id
        self.assertEqual(calendar.tz, "Asia/Shanghai")
        names = calendar.global_leave_ids.mapped("name")
        for year in (2026, 2027, 2028):
            for festival in ("New Year's Day", "Spring Festival", "National Day"):
                self.assertTrue(
                    any(name.startswith(f"{festival} {year}") for name in names)
                )
        # Wednesday 30 September 2026, 16:30 in Beijing: half an hour of
        # work left before National Day (1 to 7 October); the next working
        # hour is on Thursday 8 October, 08:00 to 09:00 in Beijing.
        start = datetime(2026, 9, 30, 8, 30)  # UTC
        self.assertEqual(
            calendar.plan_hours(1.5, start, compute_leaves=True),
            datetime(2026, 10, 8, 1, 0),
        )
