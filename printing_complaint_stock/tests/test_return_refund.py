# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import StockComplaintCase


@tagged("post_install", "-at_install")
class TestReturnRefund(StockComplaintCase):
    """Return and refund (退货退款): the goods come back as a return of the
    delivery, linked to the complaint and the solution; the credit note
    credits what was received, never more."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._invoice_order(cls.order)

    def _receive(self, solution, quantities, user=None):
        """The warehouse receives the goods back from the solution's button,
        then validates the receipt; quantities: {product: quantity}."""
        user = user or self.logistics_user
        action = solution.with_user(user).action_receive_returned_goods()
        wizard = self._return_wizard(action, user)
        for line in wizard.product_return_moves:
            line.quantity = quantities.get(line.product_id, 0.0)
        receipt = self.env["stock.picking"].browse(
            wizard.action_create_returns()["res_id"]
        )
        return receipt, wizard

    def test_return_received_and_credit_note_follows_the_quantity(self):
        refund = self._accepted("solution_type_full_refund")
        self.assertTrue(refund.returns_goods)
        # Nothing to post before the goods are back.
        self.assertFalse(refund.credit_note_ids)
        self.assertEqual(
            refund._execution_missing(), "the returned goods are not received yet."
        )
        action = refund.with_user(self.logistics_user).action_receive_returned_goods()
        wizard = self._return_wizard(action)
        # Prefilled with all that was delivered (a full refund).
        self.assertEqual(
            sorted(wizard.product_return_moves.mapped("quantity")), [300.0, 5000.0]
        )
        receipt, _wizard = self._receive(
            refund, {self.brochure: 4000, self.poster: 300}
        )
        self.assertEqual(receipt.complaint_solution_id, refund)
        self.assertEqual(receipt.complaint_ticket_id, refund.ticket_id)
        self.assertEqual(receipt.complaint_purpose, "return")
        self.assertEqual(receipt.return_id, self.delivery)
        self.assertEqual(refund.ticket_id.complaint_picking_count, 1)
        self.assertFalse(refund.credit_note_ids)
        self._validate(receipt, self.logistics_user)
        self.assertEqual(refund.returned_qty, 4300)
        credit_note = refund.credit_note_ids
        self.assertEqual(credit_note.state, "draft")
        self.assertEqual(
            sorted(credit_note.invoice_line_ids.mapped("quantity")), [300.0, 4000.0]
        )
        self.assertAlmostEqual(credit_note.amount_untaxed, 4000 * 0.5 + 300 * 2.0)
        # Finance cannot credit more than came back.
        brochures = credit_note.invoice_line_ids.filtered(
            lambda aml: aml.product_id == self.brochure
        )
        credit_note.with_user(self.finance_user).write(
            {"invoice_line_ids": [(1, brochures.id, {"quantity": 5000})]}
        )
        with self.assertRefused(UserError, "only 4000.0 were received back"):
            credit_note.with_user(self.finance_user).action_post()
        credit_note.with_user(self.finance_user).write(
            {"invoice_line_ids": [(1, brochures.id, {"quantity": 4000})]}
        )
        credit_note.with_user(self.finance_user).action_post()
        self.assertEqual(credit_note.state, "posted")
        self.assertEqual(refund.state, "done")

    def test_receiving_is_the_warehouse_s_and_links_are_not_typed(self):
        refund = self._accepted("solution_type_full_refund")
        action = refund.with_user(self.sales_rep).action_receive_returned_goods()
        with self.assertRaises(AccessError):
            self._return_wizard(action, self.sales_rep).action_create_returns()
        for user in (self.sales_rep, self.logistics_user):
            with self.assertRefused(AccessError, "not by hand"):
                self.delivery.with_user(user).write(
                    {"complaint_solution_id": refund.id}
                )
            with self.assertRefused(AccessError, "not by hand"):
                self.env["stock.picking"].with_user(user).create(
                    {
                        "picking_type_id": self.delivery.picking_type_id.id,
                        "complaint_ticket_id": refund.ticket_id.id,
                    }
                )
        self.assertFalse(self.delivery.complaint_solution_id)

    def test_only_an_accepted_return_and_refund_receives_goods(self):
        complaint = self._at_solution_step()
        partial = self._propose(complaint, "solution_type_partial_refund", amount=50)
        with self.assertRefused(UserError, "does not take the goods back"):
            partial.with_user(self.logistics_user).action_receive_returned_goods()
        full = self._propose(complaint, "solution_type_full_refund")
        with self.assertRefused(UserError, "not accepted by the customer yet"):
            full.with_user(self.logistics_user).action_receive_returned_goods()
        # The wizard refuses it too, whoever fills it in.
        wizard = (
            self.env["stock.return.picking"]
            .with_user(self.logistics_user)
            .with_context(active_model="stock.picking", active_id=self.delivery.id)
            .create({"complaint_solution_id": full.id})
        )
        with self.assertRefused(UserError, "not accepted by the customer yet"):
            wizard.action_create_returns()

    def test_no_more_comes_back_than_was_delivered(self):
        refund = self._accepted("solution_type_full_refund")
        with self.assertRefused(UserError, "cannot come back"):
            self._receive(refund, {self.brochure: 6000})
        self.assertFalse(refund.sudo().return_picking_ids)
