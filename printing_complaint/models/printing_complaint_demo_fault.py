# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo's figures for management: the warehouse has delivered the
customers' orders (the complaint rate counts delivered orders), and a
complaint on the last of them names its person at fault, which only the
complaint manager does."""

from odoo import Command, models

# The customers' orders of the demo, delivered in full (no stock app: their
# delivered quantities).
DELIVERED_ORDERS = (
    "sale_order_sunrise_boxes",
    "sale_order_harbour_brochures",
    "sale_order_greenleaf_cards",
    "sale_order_pearl_catalogues",
    "sale_order_northwind_posters",
    "sale_order_sunrise_reorder",
)


class PrintingComplaintDemo(models.AbstractModel):
    # One concern per file, as Odoo splits its big models.
    _inherit = "printing.complaint.demo"  # pylint: disable=consider-merging-classes-inherited

    def _deliver_orders(self):
        for name in DELIVERED_ORDERS:
            for line in self._ref(name).sudo().order_line:
                line.qty_delivered = line.product_uom_qty

    def _play_fault(self, clock):
        """Sunrise's reorder of folding cartons, delivered: 600 cartons
        with open glue flaps. Production finds the gluer unchecked after a
        roll change; the complaint manager names the person at fault."""
        self._deliver_orders()
        ticket = self._log(
            clock,
            "complaint_demo_fault",
            "rep",
            "sale_order_sunrise_reorder",
            ["sale_order_sunrise_reorder_line_1"],
            {
                "name": "Folding cartons: glue flaps open on 600 cartons",
                "description": "<p>约600个彩盒的糊口没有粘牢，装盒时散开。</p>",
                "partner_id": self._ref("partner_sunrise_cosmetics_lin").id,
                "channel_id": self._ref("channel_wechat").id,
                "type_id": self._ref("type_quality").id,
                "request_ids": [Command.set(self._ref("request_reprint").ids)],
                "quantity_affected": 600,
            },
        )
        self._next(clock, "rep", ticket)
        self._as("qc", ticket).write(
            {
                "proof_checked": True,
                "category_id": self._ref("category_binding").id,
                "severity": "important",
                "validity": "valid",
            }
        )
        self._next(clock, "qc", ticket)
        self._as("production", ticket).write(
            {
                "responsibility_id": self._ref("responsibility_production").id,
                "cause_category": "man",
                "work_order_ref": "WO-2026-0502",
                "root_cause": "The glue level of the folder-gluer was not "
                "checked after the roll change of the night shift.",
                "customer_summary": "Some cartons were not glued because our "
                "folder-gluer was not checked after a change: our fault.",
            }
        )
        # The manager's own request: mail tracks the field with the rights of
        # the first writer of a transaction, and only managers may read it.
        clock.settle()
        self._as("manager", ticket).fault_user_id = self._user("production")
        clock.settle()
        return ticket, 1, [0.5, 3.0]
