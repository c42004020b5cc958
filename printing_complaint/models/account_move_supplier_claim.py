# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The vendor credit note of a supplier or carrier claim: linked by the
claim only, posted once finance approved the claim."""

from odoo import api, fields, models

from ..tools import check_document_links

# Set by the claim only (see tools.check_document_links).
CLAIM_LINK_FIELDS = ("complaint_supplier_claim_id",)


class AccountMove(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "account.move"  # pylint: disable=consider-merging-classes-inherited

    complaint_supplier_claim_id = fields.Many2one(
        "printing.complaint.supplier.claim",
        string="Supplier claim",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )

    @api.model_create_multi
    def create(self, vals_list):
        check_document_links(self, vals_list, CLAIM_LINK_FIELDS)
        return super().create(vals_list)

    def write(self, vals):
        check_document_links(self, [vals], CLAIM_LINK_FIELDS)
        return super().write(vals)

    def _post(self, soft=True):
        self.complaint_supplier_claim_id._check_may_post()
        return super()._post(soft=soft)
