# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Return and refund (退货退款): the goods come back as a return of the
original delivery (stock.return.picking, linked to the solution), and the
credit note is drafted from the quantity received, never more."""

from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero


class PrintingComplaintSolution(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "printing.complaint.solution"  # pylint: disable=consider-merging-classes-inherited

    returns_goods = fields.Boolean(
        related="type_id.returns_goods", groups="base.group_user"
    )
    return_picking_ids = fields.One2many(
        "stock.picking",
        "complaint_solution_id",
        string="Returns",
        readonly=True,
        groups="stock.group_stock_user",
    )
    returned_qty = fields.Float(
        string="Quantity received back",
        compute="_compute_returned_qty",
        digits="Product Unit of Measure",
        compute_sudo=True,
        groups="base.group_user",
    )

    @api.depends("return_picking_ids.state", "return_picking_ids.move_ids.quantity")
    def _compute_returned_qty(self):
        for solution in self:
            solution.returned_qty = sum(solution._received_quantities().values())

    # ------------------------------------------------------------------
    # Receiving the goods
    # ------------------------------------------------------------------
    def _complaint_deliveries(self):
        """The done deliveries of the complaint's order holding the lines."""
        self.ensure_one()
        lines = self._refund_lines() if self.returns_goods else self.sale_line_ids
        return self.ticket_id.sudo().sale_order_id.picking_ids.filtered(
            lambda p: p.state == "done"
            and p.picking_type_code == "outgoing"
            and p.move_ids.sale_line_id & lines
        )

    def _check_can_receive_return(self):
        self.ensure_one()
        if not self.returns_goods:
            raise UserError(
                self.env._(
                    "%(solution)s does not take the goods back: only a return "
                    "and refund receives returned goods.",
                    solution=self.display_name,
                )
            )
        if self.state != "in_execution":
            raise UserError(
                self.env._(
                    "%(solution)s is not accepted by the customer yet: its "
                    "goods are received back once it is.",
                    solution=self.display_name,
                )
            )
        if not self._complaint_deliveries():
            raise UserError(
                self.env._(
                    "%(solution)s: the order has no done delivery of these "
                    "lines to return.",
                    solution=self.display_name,
                )
            )

    def action_receive_returned_goods(self):
        """The return wizard of the original delivery, prefilled with the
        affected lines and quantities, linked to this solution."""
        self._check_can_receive_return()
        delivery = self._complaint_deliveries().sorted("date_done")[-1:]
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Receive the returned goods"),
            "res_model": "stock.return.picking",
            "view_mode": "form",
            "target": "new",
            "context": {
                "active_model": "stock.picking",
                "active_id": delivery.id,
                "active_ids": delivery.ids,
                "default_complaint_solution_id": self.id,
                "default_complaint_purpose": "return",
            },
        }

    def _return_quantities(self):
        """What comes back per order line: all that was delivered for a full
        refund, else the solution's (or the complaint's) quantity affected."""
        self.ensure_one()
        wanted = not self.type_id.full_refund and (
            self.quantity or self.ticket_id.quantity_affected
        )
        return {line: (wanted or line.qty_delivered) for line in self._refund_lines()}

    def _received_quantities(self):
        """{order line: quantity received back}, in the line's unit, from
        the done returns of this solution."""
        received = defaultdict(float)
        moves = (
            self.sudo()
            .return_picking_ids.filtered(
                lambda p: p.complaint_purpose == "return" and p.state == "done"
            )
            .move_ids.filtered(lambda m: m.state == "done")
        )
        for move in moves:
            line = move.sale_line_id or move.origin_returned_move_id.sale_line_id
            if line:
                received[line] += move.product_uom._compute_quantity(
                    move.quantity, line.product_uom
                )
        return received

    # ------------------------------------------------------------------
    # The credit note follows what was received
    # ------------------------------------------------------------------
    def _draft_refund_credit_notes(self):
        # Drafted when the goods are received back, from their quantity.
        if self.returns_goods:
            return self.credit_note_ids
        return super()._draft_refund_credit_notes()

    def _draft_return_credit_notes(self):
        for solution in self.sudo().filtered(
            lambda s: s.returns_goods and s.state == "in_execution"
        ):
            solution._redraft_return_credit_notes()

    def _credited_quantities(self, moves):
        credited = defaultdict(float)
        for line in moves.invoice_line_ids.filtered(
            lambda aml: aml.display_type == "product"
        ):
            credited[line.complaint_sale_line_id] += line.quantity
        return credited

    def _redraft_return_credit_notes(self):
        """Draft credit notes (one per invoice) crediting what was received
        and not credited yet, at the invoiced unit price."""
        self.ensure_one()
        to_credit = self._received_quantities()
        posted = self.credit_note_ids.filtered(lambda m: m.state == "posted")
        for line, quantity in self._credited_quantities(posted).items():
            to_credit[line] -= quantity
        invoice_lines = self._invoiced_lines()
        drafts = self.credit_note_ids.filtered(lambda m: m.state == "draft")
        if not drafts and invoice_lines:
            drafts = self._reverse_invoices(invoice_lines.move_id)
        for credit_note in drafts:
            commands = [
                Command.delete(line.id) for line in credit_note.invoice_line_ids
            ]
            for invoice_line in invoice_lines.filtered(
                lambda aml, note=credit_note: aml.move_id == note.reversed_entry_id
            ):
                sale_line = invoice_line.sale_line_ids[:1]
                quantity = min(to_credit[sale_line], invoice_line.quantity)
                if (
                    float_is_zero(
                        quantity, precision_rounding=sale_line.product_uom.rounding
                    )
                    or quantity < 0
                ):
                    continue
                to_credit[sale_line] -= quantity
                commands.append(self._return_line_command(invoice_line, quantity))
            credit_note.write({"invoice_line_ids": commands})

    def _return_line_command(self, invoice_line, quantity):
        return Command.create(
            {
                "product_id": invoice_line.product_id.id,
                "name": invoice_line.name,
                "quantity": quantity,
                "product_uom_id": invoice_line.product_uom_id.id,
                "price_unit": invoice_line.price_unit,
                "discount": invoice_line.discount,
                "tax_ids": [Command.set(invoice_line.tax_ids.ids)],
                "account_id": invoice_line.account_id.id,
                "analytic_distribution": invoice_line.analytic_distribution,
                "complaint_sale_line_id": invoice_line.sale_line_ids[:1].id,
            }
        )

    def _credit_notes_missing(self):
        if self.returns_goods and not self._received_quantities():
            return self.env._("the returned goods are not received yet.")
        return super()._credit_notes_missing()

    def _refund_credit_notes_mismatch(self):
        """A return's credit notes credit no more than was received, nor
        more than the approved amount."""
        if not self.returns_goods:
            return super()._refund_credit_notes_mismatch()
        notes = self.credit_note_ids.filtered(lambda m: m.state != "cancel")
        if notes.commercial_partner_id != self._billed_partner():
            return self.env._("the credit note is made out to another customer.")
        allowed = self._refund_lines()
        lines = notes.invoice_line_ids.filtered(
            lambda aml: aml.display_type == "product"
        )
        if any(line.complaint_sale_line_id not in allowed for line in lines):
            return self.env._(
                "the credit note credits other products or lines than those approved."
            )
        received = self._received_quantities()
        for sale_line, credited in self._credited_quantities(notes).items():
            if (
                float_compare(
                    credited,
                    received[sale_line],
                    precision_rounding=sale_line.product_uom.rounding,
                )
                > 0
            ):
                return self.env._(
                    "the credit note credits %(credited)s %(product)s, only "
                    "%(received)s were received back.",
                    credited=credited,
                    product=sale_line.product_id.display_name,
                    received=received[sale_line],
                )
        total = sum(lines.mapped("balance"))
        if self._amount_differs(total, min(total, self.amount)):
            return self.env._(
                "the credit notes come to %(total)s untaxed, more than the "
                "approved %(amount)s.",
                total=self._format_amount(total),
                amount=self._format_amount(self.amount),
            )
        return ""
