# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo with Inventory: the goods are delivered by validating the
pickings, and a return and refund (退货退款) is played, its goods received
back by the warehouse and its credit note posted by finance for the
quantity received.

printing_complaint's demo is played when printing_complaint is installed,
before this glue: demo/printing_complaint_demo_stock.xml then delivers the
orders it played through their pickings and plays the return and refund
(_play_demo_stock), dated back like the others."""

import json
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.tools import SQL

from odoo.addons.printing_complaint.models.printing_complaint_demo import DemoClock

GLUE = "printing_complaint_stock"
# The demo's orders, delivered before their complaints were logged.
DELIVERED_ORDERS = (
    "printing_complaint.sale_order_sunrise_boxes",
    "printing_complaint.sale_order_harbour_brochures",
    "printing_complaint.sale_order_greenleaf_cards",
    "printing_complaint.sale_order_pearl_catalogues",
    "printing_complaint.sale_order_northwind_posters",
    f"{GLUE}.sale_order_northwind_event_posters",
)
# A demo order is delivered this many days after it was placed (and before
# its complaint: see ORDER_LEAD_DAYS in printing_complaint's demo).
DELIVERY_LAG_DAYS = 3


class PrintingComplaintDemo(models.AbstractModel):
    _inherit = "printing.complaint.demo"

    def _deliver(self, solution):
        """The warehouse validates the delivery of the reprint order."""
        self._validate_deliveries(solution.sudo().reprint_order_id)

    def _validate_deliveries(self, orders):
        """The logistics manager ships what the orders still have to ship."""
        orders = orders.sudo()
        missing = orders.order_line.filtered(
            lambda line: line.qty_delivered_method == "stock_move" and not line.move_ids
        )
        # Orders confirmed before sale_stock was installed have no picking.
        missing._action_launch_stock_rule()
        pickings = orders.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
            and p.state not in ("done", "cancel")
        )
        for picking in pickings:
            self._validate_picking(picking)

    def _validate_picking(self, picking, quantities=None):
        """Validate picking as the logistics manager; quantities: {product:
        quantity} where less than planned comes (else all of it)."""
        quantities = quantities or {}
        for move in picking.move_ids:
            move.quantity = quantities.get(move.product_id, move.product_uom_qty)
        picking.move_ids.picked = True
        self._as("logistics", picking).with_context(
            skip_backorder=True, picking_ids_not_to_backorder=picking.ids
        ).button_validate()

    @api.model
    def _play_demo_stock(self):
        clock = DemoClock(self.env)
        orders = self.env["sale.order"].browse(
            [self.env.ref(xmlid).id for xmlid in DELIVERED_ORDERS]
        )
        self._validate_deliveries(orders)
        done_reprints = self.env["printing.complaint.solution"].search(
            [("state", "=", "done"), ("reprint_order_id", "!=", False)]
        )
        self._validate_deliveries(done_reprints.reprint_order_id)
        ticket, days_ago, hours = self._play_return_refund(clock)
        self._age(clock, ticket, days_ago, hours)
        self._date_customer_orders(ticket)
        self.env.invalidate_all()
        self._date_stock_documents(orders, done_reprints)
        self.env.invalidate_all()
        return True

    def _date_stock_documents(self, orders, reprint_solutions):
        """The pickings validated at this install are dated with what they
        belong to: an order's delivery DELIVERY_LAG_DAYS after the order, a
        reprint's on the day its solution was done, a receipt of returned
        goods or samples at the complaint's note that recorded it."""
        dates = {}
        for order in orders:
            delivered = order.date_order + timedelta(days=DELIVERY_LAG_DAYS)
            for picking in self._done_deliveries(order):
                dates[picking] = (order.date_order, delivered)
        for solution in reprint_solutions.filtered("done_date"):
            reprint = solution.reprint_order_id
            for picking in self._done_deliveries(reprint):
                dates[picking] = (reprint.date_order, solution.done_date)
        receipts = self.env["stock.picking"].search(
            [("complaint_ticket_id", "!=", False), ("state", "=", "done")]
        )
        for receipt in receipts:
            notes = receipt.complaint_ticket_id.message_ids.filtered(
                lambda m, name=receipt.name: name in (m.body or "")
            )
            if notes:
                received = min(notes.mapped("date"))
                dates[receipt] = (received, received)
                self._date_return_credit_notes(receipt, received)
        self._date_pickings(dates)

    def _date_return_credit_notes(self, receipt, received):
        """A return and refund's credit note follows the goods received: it
        is dated on the day they came back."""
        for move in receipt.complaint_solution_id.credit_note_ids:
            self._date_credit_note(move, received.date())

    def _done_deliveries(self, order):
        return order.sudo().picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing" and p.state == "done"
        )

    def _date_pickings(self, dates):
        """Date each picking of dates ({picking: (created, done)}) and its
        moves; an order's delivery date follows its deliveries."""
        if not dates:
            return
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                WITH dated AS (
                    UPDATE stock_picking p
                       SET date = done.created,
                           scheduled_date = done.moment,
                           date_done = done.moment
                      FROM json_to_recordset(%(dates)s)
                           AS done(id int, created timestamp, moment timestamp)
                     WHERE p.id = done.id
                 RETURNING p.id, p.sale_id, p.date_done
                ), moves AS (
                    UPDATE stock_move m SET date = dated.date_done
                      FROM dated WHERE m.picking_id = dated.id
                 RETURNING m.id
                ), lines AS (
                    UPDATE stock_move_line l SET date = dated.date_done
                      FROM dated WHERE l.picking_id = dated.id
                 RETURNING l.id
                )
                SELECT 1
                """,
                dates=json.dumps(
                    [
                        {
                            "id": picking.id,
                            "created": created.isoformat(),
                            "moment": moment.isoformat(),
                        }
                        for picking, (created, moment) in dates.items()
                    ]
                ),
            )
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE sale_order o SET effective_date = delivered.first
                  FROM (SELECT p.sale_id, min(p.date_done) AS first
                          FROM stock_picking p
                          JOIN stock_picking_type kind ON kind.id = p.picking_type_id
                         WHERE kind.code = 'outgoing' AND p.state = 'done'
                           AND p.sale_id = ANY(%(orders)s)
                         GROUP BY p.sale_id) delivered
                 WHERE o.id = delivered.sale_id
                """,
                orders=list(
                    {picking.sale_id.id for picking in dates if picking.sale_id}
                ),
            )
        )

    def _play_return_refund(self, clock):
        """Event posters printed with last year's date: returned and fully
        refunded. The customer sends back 780 of the 800 (20 were already
        put up): the warehouse receives them as a return of the delivery,
        and the credit note credits the 780 received."""
        order = self._ref(f"{GLUE}.sale_order_northwind_event_posters")
        ticket = self._log(
            clock,
            "complaint_demo_return_refund",
            "rep",
            f"{GLUE}.sale_order_northwind_event_posters",
            [f"{GLUE}.sale_order_northwind_event_posters_line_1"],
            {
                "name": "Event posters: last year's date printed",
                "description": "<p>The 800 posters of the spring fair show "
                "last year's date; the proof had this year's.</p>",
                "partner_id": self._ref("partner_northwind_events").id,
                "channel_id": self.env.ref(
                    "helpdesk_mgmt.helpdesk_ticket_channel_email"
                ).id,
                "type_id": self._ref("type_quality").id,
                "request_ids": [Command.set(self._ref("request_refund").ids)],
                "quantity_affected": 800,
                "date_found": fields.Date.today(),
            },
        )
        self._next(clock, "rep", ticket)
        self._as("qc", ticket).write(
            {
                "proof_checked": True,
                "category_id": self._ref("category_wrong_content").id,
                "severity": "important",
                "validity": "valid",
                "batch_number": "P-2611-14",
                "production_date": fields.Date.subtract(fields.Date.today(), days=21),
                "inspected_qty": 50,
                "defective_qty": 50,
            }
        )
        self._next(clock, "qc", ticket)
        self._as("production", ticket).write(
            {
                "responsibility_id": self._ref("responsibility_production").id,
                "cause_category": "method",
                "root_cause": "Prepress printed last year's plate of the "
                "recurring poster instead of the approved file.",
                "customer_summary": "Your posters were printed from last "
                "year's plate: an error in our prepress. We take them back "
                "and refund them.",
            }
        )
        refund = self._propose(
            "rep",
            ticket,
            "solution_type_full_refund",
            "solution_demo_return_refund",
            description="The posters are returned and refunded in full.",
        )
        self._approve(
            refund,
            {
                "Department head": "Agreed: the plate check is added to prepress.",
                "Finance sign-off": "Refund on the goods received back.",
            },
        )
        self._send_offer(clock, ticket)
        self._decide(
            clock,
            ticket,
            "accepted",
            "Accepted by email: the posters go back with our driver.",
            channel="email",
        )
        self._receive_returned_goods(refund, {order.order_line.product_id: 780})
        self._as("finance", refund.sudo().credit_note_ids).action_post()
        self._next(clock, "rep", ticket)
        return ticket, 5, [0.5, 2.0, 6.0, 3.0, 9.0]

    def _receive_returned_goods(self, solution, quantities):
        """The logistics manager receives the goods back from the solution's
        button; quantities: {product: quantity} actually received."""
        action = self._as("logistics", solution).action_receive_returned_goods()
        wizard = (
            self._as("logistics", self.env["stock.return.picking"])
            .with_context(**action["context"])
            .create({})
        )
        for line in wizard.product_return_moves:
            if line.product_id in quantities:
                line.quantity = quantities[line.product_id]
        receipt = self.env["stock.picking"].browse(
            wizard.action_create_returns()["res_id"]
        )
        self._validate_picking(receipt, quantities)
        return receipt
