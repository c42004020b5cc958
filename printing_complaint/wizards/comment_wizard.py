# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError


class CommentWizard(models.TransientModel):
    """base_tier_validation's approve/reject comment. The reviews of complaint
    solutions are written by the approval flow only (see the record rule on
    tier.review): the comment goes on the reviews the user may act on."""

    _inherit = "comment.wizard"

    def add_comment(self):
        self.ensure_one()
        if self.res_model != "printing.complaint.solution":
            # base_tier_validation returns None: an XML-RPC client would get
            # a fault after the work was done.
            return super().add_comment() or True
        solution = self.env[self.res_model].browse(self.res_id)
        # What base_tier_validation would act on: the user's reviews of the
        # tiers they may approve now (the wizard's, when it names some).
        sequences = solution._get_sequences_to_approve(self.env.user)
        mine = solution.review_ids.filtered(
            lambda r: r.sequence in sequences
            and r.status in ("waiting", "pending")
            and self.env.user in r.reviewer_ids
        )
        if self.review_ids:
            mine &= self.review_ids
        if not mine:
            raise UserError(self.env._("There is nothing for you to approve here."))
        mine.sudo().write({"comment": self.comment})
        if self.validate_reject == "validate":
            solution._validate_tier(mine)
        if self.validate_reject == "reject":
            solution._rejected_tier(mine)
        solution._update_counter({"review_deleted": True})
        return True
