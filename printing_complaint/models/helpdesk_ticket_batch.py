# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The facts of a batch fault, recorded at intake or verification: the
batch number and production date of the goods, and the defect rate
(不良率: defective / inspected quantity) QC measured on them. Without the
Inventory app: printing_complaint_stock adds the lots themselves."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    batch_number = fields.Char(
        tracking=True,
        help="The batch (lot) number of the goods, as printed on their label.",
        groups="base.group_user",
    )
    production_date = fields.Date(
        tracking=True, help="When the batch was produced.", groups="base.group_user"
    )
    inspected_qty = fields.Float(
        string="Inspected quantity",
        digits="Product Unit of Measure",
        tracking=True,
        help="How many pieces of the batch QC inspected.",
        groups="base.group_user",
    )
    defective_qty = fields.Float(
        string="Defective quantity",
        digits="Product Unit of Measure",
        tracking=True,
        help="How many of the inspected pieces are defective.",
        groups="base.group_user",
    )
    defect_rate = fields.Float(
        string="Defect rate (%)",
        compute="_compute_defect_rate",
        store=True,
        aggregator="avg",
        digits=(16, 2),
        help="Defective / inspected quantity, in %.",
        groups="base.group_user",
    )

    @api.depends("inspected_qty", "defective_qty")
    def _compute_defect_rate(self):
        for ticket in self:
            ticket.defect_rate = (
                100.0 * ticket.defective_qty / ticket.inspected_qty
                if ticket.inspected_qty > 0
                else 0.0
            )

    @api.constrains("inspected_qty", "defective_qty")
    def _check_batch_quantities(self):
        for ticket in self:
            if ticket.inspected_qty < 0 or ticket.defective_qty < 0:
                raise ValidationError(
                    self.env._(
                        "%(number)s: the inspected and defective quantities "
                        "cannot be negative.",
                        number=ticket.number or ticket.name,
                    )
                )
            if (
                float_compare(
                    ticket.defective_qty, ticket.inspected_qty, precision_digits=6
                )
                > 0
            ):
                raise ValidationError(
                    self.env._(
                        "%(number)s: %(defective)s defective pieces cannot be "
                        "more than the %(inspected)s inspected.",
                        number=ticket.number or ticket.name,
                        defective=ticket.defective_qty,
                        inspected=ticket.inspected_qty,
                    )
                )
