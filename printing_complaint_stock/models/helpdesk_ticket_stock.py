# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a complaint reads from Inventory: the affected lots of its products
(recorded at intake or verification), the other deliveries of the same lots
(for containment), its receipts (returned goods, samples), and receiving
the customer's samples for inspection."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# The steps at which the customer's samples come back for QC's inspection
# (the button "Receive samples" shows at these steps).
SAMPLE_STEPS = ("registered", "verification")


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    complaint_lot_ids = fields.Many2many(
        "stock.lot",
        "helpdesk_ticket_stock_lot_rel",
        "ticket_id",
        "lot_id",
        string="Affected lots",
        tracking=True,
        domain="[('product_id', 'in', product_ids)]",
        help="The lots of the complaint's products the defect was found in.",
        groups="base.group_user",
    )
    lot_delivery_count = fields.Integer(
        string="Other deliveries of the lots",
        compute="_compute_lot_delivery_count",
        groups="base.group_user",
    )
    complaint_picking_ids = fields.One2many(
        "stock.picking",
        "complaint_ticket_id",
        string="Receipts",
        readonly=True,
        groups="base.group_user",
    )
    complaint_picking_count = fields.Integer(
        compute="_compute_complaint_picking_count", groups="base.group_user"
    )

    @api.constrains("complaint_lot_ids", "sale_line_ids")
    def _check_lots_of_the_products(self):
        for ticket in self:
            foreign = ticket.complaint_lot_ids.filtered(
                lambda lot, t=ticket: lot.product_id not in t.sale_line_ids.product_id
            )
            if foreign:
                raise ValidationError(
                    self.env._(
                        "%(number)s: lot %(lot)s is not a lot of the complaint's "
                        "products.",
                        number=ticket.number or ticket.name,
                        lot=foreign[0].display_name,
                    )
                )

    @api.onchange("complaint_lot_ids")
    def _onchange_complaint_lots_batch_number(self):
        """The batch facts name the lots chosen, unless QC typed them."""
        if self.complaint_lot_ids and not self.batch_number:
            self.batch_number = ", ".join(self.complaint_lot_ids.mapped("name"))

    def _lot_deliveries_domain(self):
        """Done outgoing move lines of the affected lots, except those of the
        complaint's own order."""
        self.ensure_one()
        return [
            ("lot_id", "in", self.complaint_lot_ids.ids),
            ("state", "=", "done"),
            ("picking_code", "=", "outgoing"),
            ("move_id.sale_line_id.order_id", "not in", self.sale_order_id.ids),
        ]

    @api.depends("complaint_lot_ids", "sale_order_id")
    def _compute_lot_delivery_count(self):
        """One search for all the tickets' lots, shared out in memory."""
        lots = self.complaint_lot_ids
        lines = self.env["stock.move.line"].sudo()
        if lots:
            lines = lines.search(
                [
                    ("lot_id", "in", lots.ids),
                    ("state", "=", "done"),
                    ("picking_code", "=", "outgoing"),
                ]
            )
        for ticket in self:
            ticket.lot_delivery_count = len(
                lines.filtered(
                    lambda line, t=ticket: line.lot_id in t.complaint_lot_ids
                    and line.move_id.sale_line_id.order_id not in t.sale_order_id
                )
            )

    @api.depends("complaint_picking_ids")
    def _compute_complaint_picking_count(self):
        counts = dict(
            self.env["stock.picking"]
            .sudo()
            ._read_group(
                [("complaint_ticket_id", "in", self.ids)],
                ["complaint_ticket_id"],
                ["__count"],
            )
        )
        for ticket in self:
            ticket.complaint_picking_count = counts.get(ticket._origin, 0)

    def action_view_lot_deliveries(self):
        """The other deliveries of the affected lots: who else has them."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Other deliveries of the lots"),
            "res_model": "stock.move.line",
            "view_mode": "list,form",
            "domain": self._lot_deliveries_domain(),
            "context": {"create": False},
        }

    def action_view_complaint_pickings(self):
        return self._documents_action(
            "stock.action_picking_tree_all", self.complaint_picking_ids
        )

    def _check_can_receive_samples(self):
        """Samples come back for QC's inspection, which verifies and
        classifies the complaint: at registration or verification only,
        whatever the way in (the button, RPC, the return wizard)."""
        for ticket in self.sudo():
            if ticket.complaint_step not in SAMPLE_STEPS:
                steps = dict(
                    ticket._fields["complaint_step"]._description_selection(self.env)
                )
                raise UserError(
                    self.env._(
                        "%(number)s is at the step “%(step)s”: samples for the "
                        "inspection are received at registration or verification.",
                        number=ticket.number,
                        step=steps.get(ticket.complaint_step, ticket.complaint_step),
                    )
                )

    def action_receive_samples(self):
        """The return wizard of the order's delivery, for the samples the
        customer sends back for QC's inspection."""
        self.ensure_one()
        self._check_can_receive_samples()
        delivery = (
            self.sudo()
            .sale_order_id.picking_ids.filtered(
                lambda p: p.state == "done" and p.picking_type_code == "outgoing"
            )
            .sorted("date_done")[-1:]
        )
        if not delivery:
            raise UserError(
                self.env._(
                    "%(number)s: the order has no done delivery to receive samples of.",
                    number=self.number,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Receive samples"),
            "res_model": "stock.return.picking",
            "view_mode": "form",
            "target": "new",
            "context": {
                "active_model": "stock.picking",
                "active_id": delivery.id,
                "active_ids": delivery.ids,
                "default_complaint_ticket_id": self.id,
                "default_complaint_purpose": "sample",
            },
        }
