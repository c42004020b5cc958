# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A reprint, rework or replacement is delivered when the pickings of its
order are done: the goods that left (done outgoing moves, less the done
returns), not a quantity typed on the order line."""

from collections import defaultdict

from odoo import models
from odoo.tools import float_compare


class PrintingComplaintSolution(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "printing.complaint.solution"  # pylint: disable=consider-merging-classes-inherited

    def _reprint_missing(self):
        missing = super()._reprint_missing()
        if missing or not self._reprint_lines_not_shipped():
            return missing
        return self.env._("the delivery of the reprint order is not done.")

    def _reprint_lines_not_shipped(self):
        """The reprint order's lines delivered by stock whose done moves do
        not cover the ordered quantity."""
        lines = self.sudo().reprint_order_id.order_line.filtered(
            lambda line: not line.display_type
            and line.qty_delivered_method == "stock_move"
        )
        shipped = defaultdict(float)
        for line in lines:
            outgoing, incoming = line._get_outgoing_incoming_moves()
            for move in outgoing.filtered(lambda m: m.state == "done"):
                shipped[line] += move.product_uom._compute_quantity(
                    move.quantity, line.product_uom
                )
            for move in incoming.filtered(lambda m: m.state == "done"):
                shipped[line] -= move.product_uom._compute_quantity(
                    move.quantity, line.product_uom
                )
        return lines.filtered(
            lambda line: float_compare(
                shipped[line],
                line.product_uom_qty,
                precision_rounding=line.product_uom.rounding,
            )
            < 0
        )
