# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools import check_document_links

# Set by the solution's execution only (see tools.check_document_links).
COMPLAINT_LINK_FIELDS = ("complaint_solution_id",)


class AccountMove(models.Model):
    _inherit = "account.move"

    complaint_solution_id = fields.Many2one(
        "printing.complaint.solution",
        string="Complaint solution",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    complaint_id = fields.Many2one(
        related="complaint_solution_id.ticket_id", string="Complaint"
    )

    @api.model_create_multi
    def create(self, vals_list):
        check_document_links(self, vals_list, COMPLAINT_LINK_FIELDS)
        return super().create(vals_list)

    def write(self, vals):
        check_document_links(self, [vals], COMPLAINT_LINK_FIELDS)
        return super().write(vals)

    def _post(self, soft=True):
        solutions = self.complaint_solution_id
        solutions._check_accepted_before("post")
        solutions._check_documents_match()
        posted = super()._post(soft=soft)
        posted._complaint_tell_refunds()
        # A refund is carried out once its credit notes are all posted.
        for solution in posted.complaint_solution_id.filtered(
            lambda s: s.state == "in_execution" and not s._execution_missing()
        ):
            solution.action_done()
        return posted

    def _complaint_tell_refunds(self):
        """The customer is told of each refund's posted credit notes (a
        compensation's credit note is the agreed amount already offered)."""
        refunds = self.filtered(
            lambda move: move.move_type == "out_refund"
            and move.complaint_solution_id._execution().refunds
        )
        for complaint, credit_notes in refunds.grouped("complaint_id").items():
            complaint._complaint_tell_refund(credit_notes)

    def action_open_complaint(self):
        self.ensure_one()
        return self.complaint_id.get_formview_action()
