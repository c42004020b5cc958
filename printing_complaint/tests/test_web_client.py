# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestWebClient(HttpCase):
    """The product is reachable in a real browser."""

    def test_login_page(self):
        response = self.url_open("/web/login")
        self.assertEqual(response.status_code, 200)
        self.assertIn(b'name="login"', response.content)

    def test_tour_demo_sale_order(self):
        """The demo's sales rep opens their sales list (the demo orders are
        theirs) and a printing order of the demo."""
        if not self.env.ref(
            "printing_complaint.sale_order_harbour_brochures", raise_if_not_found=False
        ):
            self.skipTest("the database was installed without demo data")
        self.start_tour("/odoo/sales", "printing_complaint_demo_order", login="rep")
