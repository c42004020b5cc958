# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.tests import Form, tagged

from odoo.addons.printing_complaint.tests.common import ComplaintCase


@tagged("post_install", "-at_install")
class TestComplaintFormWithHelpdeskSale(ComplaintCase):
    """helpdesk_mgmt_sale's sale orders and button are hidden on a
    complaint, kept on a plain ticket."""

    def _arch(self, view_id):
        view = self.env["helpdesk.ticket"].get_view(view_id, "form")
        return etree.fromstring(view["arch"])

    def test_complaint_form_hides_helpdesk_mgmt_sales_link_and_button(self):
        form_id = self.env.ref(
            "printing_complaint.helpdesk_ticket_view_form_complaint"
        ).id
        arch = self._arch(form_id)
        [orders] = arch.xpath("//field[@name='sale_order_ids']")
        self.assertEqual(orders.get("invisible"), "is_complaint")
        [button] = arch.xpath("//button[@name='action_view_sale_orders']")
        self.assertEqual(button.get("invisible"), "is_complaint")
        complaint = self._create_complaint()
        form = Form(complaint, view=form_id)
        self.assertTrue(form._get_modifier("sale_order_ids", "invisible"))
        self.assertFalse(form._get_modifier("sale_order_id", "invisible"))
        self.assertEqual(form.sale_order_id, self.order)

    def test_plain_ticket_keeps_them(self):
        arch = self._arch(self.env.ref("helpdesk_mgmt.ticket_view_form").id)
        [orders] = arch.xpath("//field[@name='sale_order_ids']")
        self.assertFalse(orders.get("invisible"))
        [button] = arch.xpath("//button[@name='action_view_sale_orders']")
        self.assertFalse(button.get("invisible"))
