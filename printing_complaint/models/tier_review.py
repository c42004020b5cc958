# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class TierReview(models.Model):
    _inherit = "tier.review"

    # base_tier_validation deletes the reviews when a validation restarts; a
    # complaint solution's reviews are its approval record, so they are
    # archived instead (and leave the solution's active reviews).
    active = fields.Boolean(default=True)

    def unlink(self):
        kept = self.filtered(lambda r: r.model == "printing.complaint.solution")
        kept.write({"active": False})
        return super(TierReview, self - kept).unlink()
