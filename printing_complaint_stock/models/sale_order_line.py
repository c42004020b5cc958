# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A complaint's reprint is delivered by its picking: its delivered
quantity is not typed."""

from odoo import models
from odoo.exceptions import UserError


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def write(self, vals):
        if "qty_delivered" in vals:
            typed = self.filtered(
                lambda line: line.order_id.complaint_solution_id
                and line.qty_delivered_method == "stock_move"
            )
            if typed:
                raise UserError(
                    self.env._(
                        "%(order)s is a complaint's reprint: its goods are "
                        "delivered by its delivery order (validate the "
                        "picking), not by typing the delivered quantity.",
                        order=typed[0].order_id.name,
                    )
                )
        return super().write(vals)
