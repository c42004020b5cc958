# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A picking of a complaint: the return of the goods of a return and refund,
or the samples sent back for inspection, with QC's result. The links are
written by the return wizard of the complaint only (not by hand or RPC)."""

from odoo import api, fields, models
from odoo.exceptions import AccessError

# The return wizard's own writes of the links (a Python object: no RPC
# caller can pass it in a context).
COMPLAINT_LINK_WRITE = object()
COMPLAINT_LINK_FIELDS = {
    "complaint_ticket_id",
    "complaint_solution_id",
    "complaint_purpose",
}
COMPLAINT_PURPOSES = [
    ("return", "Returned goods"),
    ("sample", "Samples for inspection"),
]


class StockPicking(models.Model):
    _inherit = "stock.picking"

    complaint_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        index="btree_not_null",
        readonly=True,
        copy=False,
        groups="base.group_user",
    )
    complaint_solution_id = fields.Many2one(
        "printing.complaint.solution",
        string="Complaint solution",
        index="btree_not_null",
        readonly=True,
        copy=False,
        groups="base.group_user",
    )
    complaint_purpose = fields.Selection(
        COMPLAINT_PURPOSES,
        string="Received for",
        readonly=True,
        copy=False,
        groups="base.group_user",
    )
    sample_result = fields.Selection(
        [("defect_confirmed", "Defect confirmed"), ("no_defect", "No defect found")],
        string="Inspection result",
        tracking=True,
        copy=False,
        help="What QC found on the samples received back.",
        groups="base.group_user",
    )
    sample_note = fields.Text(
        string="Inspection notes", copy=False, groups="base.group_user"
    )

    @api.model_create_multi
    def create(self, vals_list):
        defaults = {
            key[len("default_") :]: value
            for key, value in self.env.context.items()
            if key.startswith("default_")
        }
        for vals in vals_list:
            merged = {**defaults, **vals}
            self._check_complaint_links(
                {name for name in COMPLAINT_LINK_FIELDS if merged.get(name)}
            )
        return super().create(vals_list)

    def write(self, vals):
        self._check_complaint_links(COMPLAINT_LINK_FIELDS & set(vals))
        return super().write(vals)

    def _check_complaint_links(self, names):
        """names: the complaint links a create or write sets."""
        if (
            not names
            or self.env.su
            or (self.env.context.get("complaint_picking_link") is COMPLAINT_LINK_WRITE)
        ):
            return
        raise AccessError(
            self.env._(
                "A picking is linked to a complaint by receiving its "
                "returned goods or samples from the complaint, not by hand."
            )
        )

    def _complaint_link(self, vals):
        """How the return wizard links the receipt to its complaint."""
        return self.with_context(complaint_picking_link=COMPLAINT_LINK_WRITE).write(
            vals
        )

    def _action_done(self):
        res = super()._action_done()
        # The credit note of a return and refund follows what was received.
        returns = self.filtered(lambda p: p.complaint_purpose == "return")
        returns.complaint_solution_id._draft_return_credit_notes()
        return res
