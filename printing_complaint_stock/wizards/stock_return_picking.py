# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The return of a delivery received for a complaint: the goods of a return
and refund (prefilled with the affected lines and quantities), or samples
sent back for inspection. The receipt is linked to the complaint."""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from ..models.stock_picking import COMPLAINT_PURPOSES


def _without_complaint_defaults(records):
    return {
        key: value
        for key, value in records.env.context.items()
        if not key.startswith("default_complaint_")
    }


class StockReturnPicking(models.TransientModel):
    _inherit = "stock.return.picking"

    complaint_ticket_id = fields.Many2one("helpdesk.ticket", string="Complaint")
    complaint_solution_id = fields.Many2one(
        "printing.complaint.solution", string="Complaint solution"
    )
    complaint_purpose = fields.Selection(COMPLAINT_PURPOSES, string="Received for")

    @api.depends("picking_id", "complaint_solution_id")
    def _compute_moves_locations(self):
        res = super()._compute_moves_locations()
        for wizard in self.filtered("complaint_solution_id"):
            wizard._prefill_returned_quantities()
        return res

    def _prefill_returned_quantities(self):
        wanted = self.complaint_solution_id.sudo()._return_quantities()
        for return_line in self.product_return_moves:
            sale_line = return_line.move_id.sale_line_id
            quantity = min(wanted.get(sale_line, 0.0), self._returnable(return_line))
            return_line.quantity = max(quantity, 0.0)
            if sale_line in wanted:
                wanted[sale_line] -= return_line.quantity

    @staticmethod
    def _returnable(return_line):
        """What of the delivered move has not come back yet."""
        move = return_line.move_id
        returned = sum(
            m.quantity
            for m in move.move_dest_ids
            if m.origin_returned_move_id == move and m.state != "cancel"
        )
        return move.quantity - returned

    def _complaint(self):
        return self.complaint_solution_id.ticket_id or self.complaint_ticket_id

    def _check_complaint_return(self):
        """The receipt is of the complaint's own order, by a user who sees
        the complaint, never more than was delivered."""
        complaint = self._complaint()
        if self.complaint_solution_id:
            self.complaint_solution_id.check_access("read")
            self.complaint_solution_id._check_can_receive_return()
        complaint.check_access("read")
        if self.complaint_purpose == "sample" or not self.complaint_solution_id:
            complaint._check_can_receive_samples()
        if self.picking_id.sale_id != complaint.sudo().sale_order_id:
            raise UserError(
                self.env._(
                    "%(picking)s is not a delivery of the order of complaint "
                    "%(number)s.",
                    picking=self.picking_id.name,
                    number=complaint.number,
                )
            )
        for return_line in self.product_return_moves:
            if (
                float_compare(
                    return_line.quantity,
                    self._returnable(return_line),
                    precision_rounding=return_line.uom_id.rounding,
                )
                > 0
            ):
                raise UserError(
                    self.env._(
                        "%(quantity)s %(product)s cannot come back: only "
                        "%(delivered)s were delivered and not returned yet.",
                        quantity=return_line.quantity,
                        product=return_line.product_id.display_name,
                        delivered=self._returnable(return_line),
                    )
                )

    def _create_return(self):
        if not (self.complaint_solution_id or self.complaint_ticket_id):
            return super()._create_return()
        self._check_complaint_return()
        # The receipt is linked below, through the procedure: not by the
        # defaults that opened the wizard.
        cleared = dict.fromkeys(
            set(self.env.context) - set(_without_complaint_defaults(self)), False
        )
        receipt = super(
            StockReturnPicking, self.with_context(**cleared)
        )._create_return()
        complaint = self._complaint()
        receipt._complaint_link(
            {
                "complaint_ticket_id": complaint.id,
                "complaint_solution_id": self.complaint_solution_id.id,
                "complaint_purpose": self.complaint_purpose
                or ("return" if self.complaint_solution_id else "sample"),
            }
        )
        complaint.sudo()._complaint_note(
            lambda env: env._(
                "%(receipt)s receives %(what)s of %(delivery)s.",
                receipt=receipt.name,
                what=dict(
                    receipt._fields["complaint_purpose"]._description_selection(env)
                )[receipt.complaint_purpose].lower(),
                delivery=self.picking_id.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return receipt

    def action_create_returns(self):
        action = super().action_create_returns()
        if self.complaint_solution_id or self.complaint_ticket_id:
            action["context"] = _without_complaint_defaults(self)
        return action
