# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


def browser_now():
    """The clock of the Chromium the tour runs in: the machine's real one,
    which ``setup/test --today`` freezes for the server only (freezegun)."""
    try:
        from freezegun.api import real_datetime
    except ImportError:  # freezegun not installed: nothing is frozen
        real_datetime = datetime
    return real_datetime.utcnow().replace(microsecond=0)


@tagged("post_install", "-at_install")
class TestBackendScreensTour(HttpCase):
    """The complaint kanban, list and form, and Log complaint from an order
    of two lines, in Chromium, in English and in Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep = new_test_user(
            cls.env,
            login="screens_rep",
            name="Screens Rep",
            groups="printing_complaint.group_complaint_sales",
        )
        team = cls.env.ref("printing_complaint.helpdesk_team_complaints")
        team.user_ids = [Command.link(cls.rep.id)]
        customer = cls.env["res.partner"].create(
            {"name": "Lotus Printing Buyer Ltd.", "email": "buyer@lotus.example.com"}
        )
        brochure, poster = cls.env["product.product"].create(
            [
                {"name": "Brochure A4", "list_price": 0.5},
                {"name": "Poster A2", "list_price": 2.0},
            ]
        )
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "user_id": cls.rep.id,
                "order_line": [
                    Command.create(
                        {"product_id": brochure.id, "product_uom_qty": 5000}
                    ),
                    Command.create({"product_id": poster.id, "product_uom_qty": 300}),
                ],
            }
        )
        cls.order.action_confirm()
        vals = {
            "name": "Cover darker than the proof",
            "description": "<p>Dark blue.</p>",
            "team_id": team.id,
            "partner_id": customer.id,
            "sale_order_id": cls.order.id,
            "sale_line_ids": [Command.set(cls.order.order_line[:1].ids)],
            "user_id": cls.rep.id,
        }
        cls.complaint = cls.env["helpdesk.ticket"].create(vals)
        # A second one whose step is three hours late: the badge counts the
        # lateness in the browser, so on the browser's clock.
        cls.late = cls.env["helpdesk.ticket"].create({**vals, "name": "Posters faded"})
        cls.late.sudo().step_deadline = browser_now() - timedelta(hours=3)

    def _run(self, tour):
        self.assertTrue(self.complaint.step_deadline)
        self.start_tour(
            "/odoo/action-printing_complaint.action_complaints",
            tour,
            login="screens_rep",
        )
        complaints = self.env["helpdesk.ticket"].search(
            [("sale_order_id", "=", self.order.id)]
        )
        self.assertEqual(len(complaints), 3)
        logged = complaints - self.complaint - self.late
        self.assertEqual(logged.name, "Posters torn on delivery")
        self.assertEqual(logged.sale_line_ids, self.order.order_line[1])
        self.assertEqual(logged.complaint_step, "registered")

    def test_backend_screens_in_english(self):
        self._run("printing_complaint_backend_screens")

    def test_backend_screens_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "in", ["printing_complaint", "helpdesk_mgmt", "sale"])]
        )._update_translations(["zh_CN"])
        self.rep.lang = "zh_CN"
        self._run("printing_complaint_backend_screens_zh")
