# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

SOLUTION_MODEL = "printing.complaint.solution"


class TierReview(models.Model):
    _inherit = "tier.review"

    # base_tier_validation deletes the reviews when a validation restarts; a
    # complaint solution's reviews are its approval record, so they are
    # archived instead (and leave the solution's active reviews).
    active = fields.Boolean(default=True)
    # The complaint a solution's review is about, stored: the record rules
    # (security/) keep those reviews (approver, comment, solution) to the
    # people who may read the complaint, as its ratings and followers.
    complaint_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        compute="_compute_complaint_ticket_id",
        store=True,
        index="btree_not_null",
        compute_sudo=True,
        string="Complaint",
    )

    @api.depends("model", "res_id")
    def _compute_complaint_ticket_id(self):
        on_solutions = self.filtered(lambda r: r.model == SOLUTION_MODEL)
        solutions = self.env[SOLUTION_MODEL].browse(on_solutions.mapped("res_id"))
        tickets = {s.id: s.ticket_id.id for s in solutions.exists()}
        for review in self:
            on_solution = review.model == SOLUTION_MODEL
            review.complaint_ticket_id = on_solution and tickets.get(review.res_id)

    def unlink(self):
        kept = self.filtered(lambda r: r.model == SOLUTION_MODEL)
        kept.write({"active": False})
        return super(TierReview, self - kept).unlink()
