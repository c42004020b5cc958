# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta
from unittest import SkipTest

from odoo.tests import TransactionCase, tagged

from ..models.printing_complaint_demo_stock import DELIVERED_ORDERS


@tagged("post_install", "-at_install")
class TestDemoStock(TransactionCase):
    """With Inventory, the demo delivers through pickings and plays a
    return and refund."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.complaint = cls.env.ref(
            "printing_complaint.complaint_demo_return_refund", raise_if_not_found=False
        )
        if not cls.complaint:
            raise SkipTest("the database was installed without demo data")

    def test_return_and_refund_credits_what_came_back(self):
        refund = self.env.ref("printing_complaint.solution_demo_return_refund")
        self.assertEqual(self.complaint.complaint_step, "closure")
        self.assertEqual(refund.state, "done")
        receipt = refund.return_picking_ids
        self.assertEqual(receipt.state, "done")
        self.assertEqual(receipt.complaint_ticket_id, self.complaint)
        self.assertEqual(receipt.move_ids.quantity, 780)
        self.assertEqual(
            receipt.write_uid, self.env.ref("printing_complaint.user_demo_logistics")
        )
        credit_note = refund.credit_note_ids
        self.assertEqual(credit_note.state, "posted")
        self.assertEqual(credit_note.invoice_line_ids.quantity, 780)
        self.assertAlmostEqual(credit_note.amount_untaxed, 780 * 2.60)
        self.assertAlmostEqual(self.complaint.defect_rate, 100.0)

    def test_deliveries_are_done_pickings(self):
        reprint = self.env.ref("printing_complaint.solution_demo_closed_8d_reprint")
        pickings = reprint.reprint_order_id.picking_ids
        self.assertTrue(pickings)
        self.assertEqual(set(pickings.mapped("state")), {"done"})
        order = self.env.ref("printing_complaint.sale_order_sunrise_boxes")
        self.assertEqual(
            order.order_line.mapped("qty_delivered"),
            order.order_line.mapped("product_uom_qty"),
        )

    def test_orders_delivered_before_their_complaints(self):
        """The demo validates the deliveries at install; they are dated three
        days after their order, before the complaints about it."""
        orders = self.env["sale.order"].browse(
            [self.env.ref(xmlid).id for xmlid in DELIVERED_ORDERS]
        )
        complaints = self.env["helpdesk.ticket"].search(
            [("is_complaint", "=", True), ("sale_order_id", "in", orders.ids)]
        )
        self.assertEqual(complaints.sale_order_id, orders)
        for order in orders:
            deliveries = order.picking_ids.filtered(
                lambda p: p.picking_type_code == "outgoing" and p.state == "done"
            )
            self.assertTrue(deliveries, order.name)
            delivered = order.date_order + timedelta(days=3)
            self.assertEqual(set(deliveries.mapped("date_done")), {delivered})
            self.assertEqual(set(deliveries.move_ids.mapped("date")), {delivered})
            self.assertEqual(order.effective_date, delivered)
            first = min(
                complaints.filtered(lambda c, o=order: c.sale_order_id == o).mapped(
                    "received_date"
                )
            )
            self.assertLess(delivered, first, order.name)

    def test_reprint_deliveries_and_receipts_dated_with_their_complaint(self):
        """A reprint is delivered on the day its solution was done; the
        returned goods are received at the note that recorded them."""
        reprint = self.env.ref("printing_complaint.solution_demo_closed_8d_reprint")
        deliveries = reprint.reprint_order_id.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
        )
        self.assertEqual(set(deliveries.mapped("date_done")), {reprint.done_date})
        self.assertEqual(reprint.reprint_order_id.effective_date, reprint.done_date)
        receipt = self.env.ref(
            "printing_complaint.solution_demo_return_refund"
        ).return_picking_ids
        note = self.complaint.message_ids.filtered(
            lambda m: receipt.name in (m.body or "")
        )
        self.assertTrue(note)
        self.assertEqual(receipt.date_done, min(note.mapped("date")))
        self.assertLess(self.complaint.received_date, receipt.date_done)
        # Its credit note credits what came back: dated on that day.
        credit_note = receipt.complaint_solution_id.credit_note_ids
        self.assertEqual(credit_note.invoice_date, receipt.date_done.date())
        self.assertEqual(set(credit_note.line_ids.mapped("date")), {credit_note.date})
        self.assertLess(
            receipt.date_done, self.complaint.closed_date or receipt.create_date
        )
