# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import StockComplaintCase


@tagged("post_install", "-at_install")
class TestReprintDelivery(StockComplaintCase):
    """A reprint counts as delivered when its picking is done, never by a
    typed quantity."""

    def test_reprint_delivered_by_its_picking_only(self):
        reprint = self._accepted("solution_type_reprint")
        order = reprint.reprint_order_id
        self.assertEqual(order.state, "sale")
        self._inspect(reprint, "pass", "Density within tolerance")
        self.assertTrue(order.picking_ids)
        self.assertTrue(reprint._execution_missing())
        line = order.order_line
        for user in (self.sales_rep, self.logistics_user):
            with self.assertRefused(UserError, "delivery order"):
                line.with_user(user).write({"qty_delivered": line.product_uom_qty})
        with self.assertRefused(UserError, "not carried out"):
            reprint.with_user(self.sales_rep).action_done()
        self._ship(order)
        self.assertEqual(line.qty_delivered, line.product_uom_qty)
        self.assertEqual(reprint._execution_missing(), "")
        reprint.with_user(self.sales_rep).action_done()
        self.assertEqual(reprint.state, "done")

    def test_partly_shipped_reprint_is_not_delivered(self):
        reprint = self._accepted("solution_type_reprint")
        order = reprint.reprint_order_id
        self._inspect(reprint, "pass", "Density within tolerance")
        self._ship(order, quantities={self.brochure: 1000})
        self.assertLess(order.order_line.qty_delivered, 5000)
        self.assertTrue(reprint._execution_missing())
