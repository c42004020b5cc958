# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import StockComplaintCase


@tagged("post_install", "-at_install")
class TestSamplesAndLots(StockComplaintCase):
    """Samples come back as a return for QC's inspection; the affected lots
    are recorded and their other deliveries listed for containment."""

    def test_samples_received_and_inspected(self):
        complaint = self._create_complaint()
        self._registered_complete(complaint)
        complaint.action_next_step()
        action = complaint.with_user(self.logistics_user).action_receive_samples()
        wizard = self._return_wizard(action)
        wizard.product_return_moves.quantity = 5
        receipt = self.env["stock.picking"].browse(
            wizard.action_create_returns()["res_id"]
        )
        self.assertEqual(receipt.complaint_ticket_id, complaint)
        self.assertEqual(receipt.complaint_purpose, "sample")
        self.assertFalse(receipt.complaint_solution_id)
        self.assertEqual(complaint.complaint_picking_ids, receipt)
        self._validate(receipt, self.logistics_user)
        receipt.with_user(self.qc_user).write(
            {"sample_result": "defect_confirmed", "sample_note": "Cyan 5 ΔE off"}
        )
        self.assertEqual(receipt.sample_result, "defect_confirmed")
        self.assertIn(receipt.name, complaint.message_ids[0].body)

    def test_samples_are_received_before_the_classification_only(self):
        """From the third step on, samples are refused on every
        path: the button's method and the return wizard opened by hand."""
        complaint = self._create_complaint()
        self._registered_complete(complaint)
        complaint.action_next_step()
        action = complaint.with_user(self.logistics_user).action_receive_samples()
        complaint.write(
            {
                "proof_checked": True,
                "category_id": self.colour.id,
                "severity": "important",
                "validity": "valid",
            }
        )
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "solution")
        with self.assertRefused(UserError, "registration or verification"):
            complaint.with_user(self.logistics_user).action_receive_samples()
        # The wizard opened before the step changed, confirmed after.
        wizard = self._return_wizard(action)
        wizard.product_return_moves.quantity = 5
        with self.assertRefused(UserError, "registration or verification"):
            wizard.action_create_returns()
        self.assertFalse(complaint.complaint_picking_ids)

    def test_lots_of_the_products_and_their_other_deliveries(self):
        stock = self.env.ref("stock.stock_location_stock")
        cover = self.env["product.product"].create(
            {
                "name": "Hardcover, lot tracked",
                "is_storable": True,
                "tracking": "lot",
                "invoice_policy": "order",
                "list_price": 4.0,
            }
        )
        lot, other_lot = self.env["stock.lot"].create(
            [
                {"name": "P-2611-14", "product_id": cover.id},
                {"name": "P-2611-15", "product_id": cover.id},
            ]
        )
        self.env["stock.quant"]._update_available_quantity(
            cover, stock, 100, lot_id=lot
        )
        orders = self.env["sale.order"].create(
            [
                {
                    "partner_id": partner.id,
                    "order_line": [
                        Command.create({"product_id": cover.id, "product_uom_qty": qty})
                    ],
                }
                for partner, qty in (
                    (self.customer, 40),
                    (self.env.ref("base.res_partner_2"), 30),
                )
            ]
        )
        orders.action_confirm()
        for order in orders:
            self._ship(order)
        self.assertEqual(orders.picking_ids.move_line_ids.lot_id, lot)
        complaint = self._create_complaint(
            sale_order_id=orders[0].id,
            sale_line_ids=[Command.set(orders[0].order_line.ids)],
        )
        complaint.with_user(self.qc_user).complaint_lot_ids = lot
        self.assertEqual(complaint.lot_delivery_count, 1)
        action = complaint.with_user(self.qc_user).action_view_lot_deliveries()
        deliveries = self.env["stock.move.line"].search(action["domain"])
        self.assertEqual(deliveries.picking_id.sale_id, orders[1])
        # A lot of another product is refused.
        with self.assertRefused(
            ValidationError, "not a lot of the complaint's products"
        ):
            self._create_complaint(
                complaint_lot_ids=[Command.set(lot.ids)],
            )
        complaint.complaint_lot_ids = other_lot
        self.assertEqual(complaint.lot_delivery_count, 0)

    def test_every_complaint_role_opens_the_complaint_form(self):
        """The lots, receipts and counts are readable by the complaint's
        roles, who do not all work in Inventory."""
        complaint = self._create_complaint()
        names = [
            "complaint_lot_ids",
            "lot_delivery_count",
            "complaint_picking_ids",
            "complaint_picking_count",
            "batch_number",
            "defect_rate",
        ]
        for user in (self.sales_rep, self.qc_user, self.finance_user, self.manager):
            Ticket = self.env["helpdesk.ticket"].with_user(user)
            view = Ticket.get_views([(complaint.get_formview_id(), "form")])["views"][
                "form"
            ]
            self.assertIn("complaint_lot_ids", view["arch"])
            complaint.with_user(user).read(names)
            complaint.with_user(user).complaint_lot_ids.read(["name", "product_id"])
