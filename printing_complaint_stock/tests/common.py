# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user

from odoo.addons.printing_complaint.tests.common import ComplaintCase


class StockComplaintCase(ComplaintCase):
    """The complaint company with Inventory: a warehouse user, and the
    order's goods delivered by its picking."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.logistics_user = new_test_user(
            cls.env,
            login="warehouse_huang",
            name="Warehouse Huang",
            groups="stock.group_stock_user,printing_complaint.group_complaint_production",
        )
        cls.delivery = cls._ship(cls.order)

    @classmethod
    def _ship(cls, order, user=None, quantities=None):
        """The warehouse validates the order's delivery (all of it, or
        quantities: {product: quantity})."""
        picking = order.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing" and p.state != "done"
        )
        return cls._validate(picking, user or cls.logistics_user, quantities)

    @classmethod
    def _validate(cls, picking, user, quantities=None):
        quantities = quantities or {}
        picking = picking.with_user(user)
        for move in picking.move_ids:
            move.quantity = quantities.get(move.product_id, move.product_uom_qty)
        picking.move_ids.picked = True
        picking.with_context(skip_backorder=True).button_validate()
        return picking.sudo(False)

    def _accepted(self, type_xmlid, complaint=None, **values):
        """A solution of type_xmlid approved and accepted by the customer."""
        complaint = complaint or self._at_solution_step()
        solution = self._propose(complaint, type_xmlid, **values)
        self._approve_all(solution)
        self._offer_and_accept(complaint)
        self.assertEqual(solution.state, "in_execution")
        return solution

    def _return_wizard(self, action, user=None):
        return (
            self.env["stock.return.picking"]
            .with_user(user or self.logistics_user)
            .with_context(**action["context"])
            .create({})
        )
