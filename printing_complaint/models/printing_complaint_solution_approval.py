# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The approval of a solution on OCA base_tier_validation: the department
head always, finance when it costs money, the director for major
complaints or above the company's threshold (data/tier_definition_data.xml).
Reviews are written by the flow only (record rule on tier.review): the
overrides below run it as superuser for the acting user."""

from odoo import api, fields, models
from odoo.exceptions import UserError

APPROVAL_ACTIVITY = "printing_complaint.activity_complaint_approve"
REVISE_ACTIVITY = "printing_complaint.activity_complaint_solution_revise"


class PrintingComplaintSolution(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "printing.complaint.solution"  # pylint: disable=consider-merging-classes-inherited

    # Lists: base_tier_validation concatenates them with lists.
    _state_from = ["proposed"]  # noqa: RUF012
    _state_to = ["approved"]  # noqa: RUF012
    _cancel_state = "cancelled"
    _tier_validation_manual_config = False

    department_head_id = fields.Many2one(
        "res.users",
        compute="_compute_department_head_id",
        help="The responsible department's head, or the team manager.",
        groups="base.group_user",
    )
    needs_director = fields.Boolean(
        compute="_compute_needs_director", groups="base.group_user"
    )
    rejection_note = fields.Text(
        string="Last rejection", readonly=True, copy=False, groups="base.group_user"
    )
    # base_tier_validation's fields, for internal users only: who approves,
    # how far the approval is (the customer sees the offer, not its approval).
    review_ids = fields.One2many(groups="base.group_user")
    reviewer_ids = fields.Many2many(groups="base.group_user")
    validated = fields.Boolean(groups="base.group_user")
    rejected = fields.Boolean(groups="base.group_user")
    need_validation = fields.Boolean(groups="base.group_user")
    validation_status = fields.Selection(groups="base.group_user")
    can_review = fields.Boolean(groups="base.group_user")
    has_comment = fields.Boolean(groups="base.group_user")
    next_review = fields.Char(groups="base.group_user")
    hide_reviews = fields.Boolean(groups="base.group_user")
    to_validate_message = fields.Html(groups="base.group_user")
    validated_message = fields.Html(groups="base.group_user")
    rejected_message = fields.Html(groups="base.group_user")

    @api.depends(
        "ticket_id.responsibility_id.head_user_id", "ticket_id.team_id.user_id"
    )
    def _compute_department_head_id(self):
        for solution in self:
            solution.department_head_id = (
                solution.ticket_id.responsibility_id.head_user_id
                or solution.ticket_id.team_id.user_id
            )

    @api.depends(
        "ticket_id.severity",
        "ticket_id.solution_cost_total",
        "company_id.complaint_director_threshold",
    )
    def _compute_needs_director(self):
        for solution in self:
            threshold = solution.company_id.complaint_director_threshold
            solution.needs_director = solution.ticket_id.severity == "major" or bool(
                threshold and solution.ticket_id.solution_cost_total >= threshold
            )

    def action_request_approval(self):
        for solution in self:
            if solution.state != "proposed":
                raise UserError(
                    self.env._("Only a proposed solution is sent for approval.")
                )
            if solution.review_ids:
                solution.restart_validation()
        self.request_validation()
        return True

    @api.returns("tier.review")  # the reviews' ids over RPC (not a recordset)
    def request_validation(self):
        # Also behind base_tier_validation's own "Request Validation" button.
        self._check_priced()
        # The reviews are written by the flow only (record rule on
        # tier.review); sudo keeps the user, who is who requests.
        reviews = super(PrintingComplaintSolution, self.sudo()).request_validation()
        self.invalidate_recordset(["review_ids"])
        for solution in self.filtered("review_ids"):
            solution._complaint_log(
                self.env._(
                    "Approval requested for %(solution)s.",
                    solution=solution.display_name,
                )
            )
        self._sync_approval_activities()
        return reviews

    def _validate_tier(self, tiers=False):
        self.ensure_one()
        if self.proposer_id == self.env.user:
            raise UserError(
                self.env._(
                    "You proposed %(solution)s: another person must approve it.",
                    solution=self.display_name,
                )
            )
        done_before = self.review_ids.filtered(lambda r: r.status == "approved")
        result = super(PrintingComplaintSolution, self.sudo())._validate_tier(
            tiers.sudo() if tiers else False
        )
        # need_validation has no dependencies: its cached value predates the
        # reviews, and the state write below would validate again.
        self.invalidate_recordset(["need_validation"])
        approved = self.review_ids.filtered(lambda r: r.status == "approved")
        for review in approved - done_before:
            comment = f" ({review.comment})" if review.comment else ""
            self._complaint_log(
                self.env._(
                    "%(review)s of %(solution)s approved by %(user)s.%(comment)s",
                    review=review.name,
                    solution=self.display_name,
                    user=self.env.user.name,
                    comment=comment,
                )
            )
        if self.validation_status == "validated" and self.state == "proposed":
            self.write({"state": "approved"})
            self._complaint_log(
                self.env._("%(solution)s is approved.", solution=self.display_name)
            )
            self._prepare_documents()
        self._sync_approval_activities()
        return result

    def _rejected_tier(self, tiers=False):
        self.ensure_one()
        result = super(PrintingComplaintSolution, self.sudo())._rejected_tier(
            tiers.sudo() if tiers else False
        )
        rejected = self.review_ids.filtered(
            lambda r: r.status == "rejected" and r.done_by == self.env.user
        )
        reason = "; ".join(filter(None, rejected.mapped("comment"))) or self.env._(
            "no reason given"
        )
        self.rejection_note = self.env._(
            "%(review)s rejected by %(user)s on %(date)s: %(reason)s",
            review=", ".join(rejected.mapped("name")),
            user=self.env.user.name,
            date=fields.Date.context_today(self),
            reason=reason,
        )
        self._complaint_log(
            self.env._(
                "%(solution)s rejected: %(reason)s",
                solution=self.display_name,
                reason=reason,
            )
        )
        # Back to proposed: the reviews are archived (kept for the audit) so
        # that the proposer can revise and ask again.
        self.restart_validation()
        self.activity_schedule(
            REVISE_ACTIVITY,
            user_id=self.proposer_id.id,
            note=self.rejection_note,
        )
        return result

    @api.model
    def _update_counter(self, review_counter):
        # Recomputes (and writes) the reviews' status: the flow's write.
        return super(PrintingComplaintSolution, self.sudo())._update_counter(
            review_counter
        )

    def restart_validation(self):
        result = super(PrintingComplaintSolution, self.sudo()).restart_validation()
        self._sync_approval_activities()
        return True if result is None else result

    # base_tier_validation's Validate / Reject buttons return None when they
    # open no comment dialog: an XML-RPC client would get a fault.
    def validate_tier(self):
        return super().validate_tier() or True

    def reject_tier(self):
        return super().reject_tier() or True

    @api.model
    def _get_under_validation_exceptions(self):
        # Written by the approval itself while the reviews are open.
        return [*super()._get_under_validation_exceptions(), "rejection_note"]

    def _sync_approval_activities(self):
        """One approval activity per person who can approve now; closed when
        they approve, reject, or someone else of their group does."""
        for solution in self:
            approvers = (
                solution.review_ids.filtered(
                    lambda r: r.status in ("waiting", "pending")
                ).reviewer_ids
                - solution.proposer_id
            )
            activities = solution._complaint_activities(APPROVAL_ACTIVITY)
            stale = activities.filtered(lambda a, u=approvers: a.user_id not in u)
            stale.sudo().unlink()
            deadline = solution.ticket_id.step_deadline or fields.Date.context_today(
                solution
            )
            summary = self.env._(
                "Approve %(solution)s (%(amount)s)",
                solution=solution.display_name,
                amount=solution._format_amount(solution.amount),
            )
            # The approvers are told by email: an approval waits for them.
            solution._complaint_schedule_activities(
                [
                    solution._complaint_activity_vals(
                        APPROVAL_ACTIVITY, user, deadline, summary
                    )
                    for user in approvers - (activities - stale).user_id
                ],
                notify=True,
            )
