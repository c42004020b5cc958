# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The approval of a solution on OCA base_tier_validation: the department
head always, finance when it costs money, the director for major
complaints or above the company's threshold (data/tier_definition_data.xml).
Reviews are written by the flow only (record rule on tier.review): the
overrides below run it as superuser for the acting user. The tiers are
approved in order (approve_sequence): head, finance, director. When a fact
that decides the reviewers changes, the reviews restart; a solution under
review or approved is withdrawn with a reason."""

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import dialog_action

APPROVAL_ACTIVITY = "printing_complaint.activity_complaint_approve"
REVISE_ACTIVITY = "printing_complaint.activity_complaint_solution_revise"
# The context key of the exceptions read once per write (a dict, per call).
EXCEPTION_MEMO = "printing_complaint_tier_exceptions"


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

    def _compute_next_review(self):
        """Who approves next, by name ("Finance: Li Wei"); empty when no
        review is pending (base_tier_validation's would read
        "tier.review()", an empty recordset written to a text field)."""
        for solution in self:
            review = solution.review_ids.filtered(
                lambda r: r.status == "pending"
            ).sorted("sequence")[:1]
            reviewers = ", ".join(review.reviewer_ids.mapped("name"))
            if not review:
                solution.next_review = False
            elif review.name:
                solution.next_review = self.env._(
                    "%(role)s: %(reviewers)s", role=review.name, reviewers=reviewers
                )
            else:
                solution.next_review = reviewers

    @api.depends(
        "ticket_id.responsibility_id.head_user_id",
        "ticket_id.team_id.user_id",
        "proposer_id",
        "create_uid",
    )
    def _compute_department_head_id(self):
        # Nobody approves what they proposed: a head who proposed the
        # solution leaves the first tier to the team leader.
        for solution in self:
            candidates = (
                solution.ticket_id.responsibility_id.head_user_id
                | solution.ticket_id.team_id.user_id
            ) - solution._authors()
            solution.department_head_id = candidates[:1]

    @api.depends(
        "ticket_id.severity",
        "ticket_id.is_safety",
        "ticket_id.solution_cost_total",
        "company_id.complaint_director_threshold",
    )
    def _compute_needs_director(self):
        for solution in self:
            ticket = solution.ticket_id
            threshold = solution.company_id.complaint_director_threshold
            # A safety issue is handled as a major complaint.
            solution.needs_director = (
                ticket.severity == "major"
                or ticket.is_safety
                or bool(threshold and ticket.solution_cost_total >= threshold)
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
        self._check_first_approver()
        # The reviews are written by the flow only (record rule on
        # tier.review); sudo keeps the user, who is who requests.
        reviews = super(PrintingComplaintSolution, self.sudo()).request_validation()
        self.invalidate_recordset(["review_ids"])
        for solution in self.filtered("review_ids"):
            solution._complaint_log(
                lambda env, solution=solution: env._(
                    "Approval requested for %(solution)s.",
                    solution=solution.with_env(env).display_name,
                )
            )
        self._sync_approval_activities()
        return reviews

    def validate_tier(self):
        # Told before "nothing for you to approve", whatever the tier's turn.
        # The button returns None when it opens no comment dialog: an
        # XML-RPC client would get a fault.
        self._check_not_author()
        return super().validate_tier() or True

    def _validate_tier(self, tiers=False):
        self.ensure_one()
        self._check_not_author()
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
                lambda env, comment=comment, review=review: env._(
                    "%(review)s of %(solution)s approved by %(user)s.%(comment)s",
                    review=review.name,
                    solution=self.with_env(env).display_name,
                    user=self.env.user.name,
                    comment=comment,
                )
            )
        if self.validation_status == "validated" and self.state == "proposed":
            self._procedure_write({"state": "approved"})
            self._complaint_log(
                lambda env: env._(
                    "%(solution)s is approved.",
                    solution=self.with_env(env).display_name,
                )
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
        self._procedure_write(
            {
                "rejection_note": self.env._(
                    "%(review)s rejected by %(user)s on %(date)s: %(reason)s",
                    review=", ".join(rejected.mapped("name")),
                    user=self.env.user.name,
                    date=fields.Date.context_today(self),
                    reason=reason,
                )
            }
        )
        self._complaint_log(
            lambda env: env._(
                "%(solution)s rejected: %(reason)s",
                solution=self.with_env(env).display_name,
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
        # Archived, not deleted: the cache still holds them.
        self.invalidate_recordset(["review_ids"])
        self._sync_approval_activities()
        return True if result is None else result

    def reject_tier(self):
        # As validate_tier: a value for XML-RPC clients.
        return super().reject_tier() or True

    def _tier_validation_check_write_remove_reviews(self, vals):
        # Cancelled or back to proposed (a state only the procedure writes):
        # the reviews are archived by the flow (see tier_review.py).
        return super(
            PrintingComplaintSolution, self.sudo()
        )._tier_validation_check_write_remove_reviews(vals)

    def _tier_validation_check_write_allowed(self, vals):
        # base_tier_validation searches the same exceptions once per record:
        # read them once per write (see _get_exception_fields).
        records = self
        if len(self) > 1 and EXCEPTION_MEMO not in self.env.context:
            records = self.with_context(**{EXCEPTION_MEMO: {}})
        return super(
            PrintingComplaintSolution, records
        )._tier_validation_check_write_allowed(vals)

    def _get_exception_fields(self, extra_domain=None):
        memo = self.env.context.get(EXCEPTION_MEMO)
        if memo is None:
            return super()._get_exception_fields(extra_domain=extra_domain)
        # What the search depends on: the domain, the record's company (the
        # user and the environment's company are those of the whole write).
        key = (repr(extra_domain), self._get_company().id)
        if key not in memo:
            memo[key] = super()._get_exception_fields(extra_domain=extra_domain)
        return list(memo[key])

    @api.model
    def _get_under_validation_exceptions(self):
        # Written by the approval itself while the reviews are open.
        return [*super()._get_under_validation_exceptions(), "rejection_note"]

    def _sync_approval_activities(self):
        """One approval activity per person who can approve now; closed when
        they approve, reject, or someone else of their group does."""
        for solution in self:
            approvers = solution._current_reviews().reviewer_ids - solution._authors()
            activities = solution._complaint_activities(APPROVAL_ACTIVITY)
            stale = activities.filtered(lambda a, u=approvers: a.user_id not in u)
            stale.sudo().unlink()
            deadline = solution.ticket_id.step_deadline or fields.Date.context_today(
                solution
            )

            def summary(env, solution=solution):
                return env._(
                    "Approve %(solution)s (%(amount)s)",
                    solution=solution.with_env(env).display_name,
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

    def _current_reviews(self):
        """The open reviews whose turn it is (approve_sequence: the lowest)."""
        reviews = self.review_ids.filtered(lambda r: r.status in ("waiting", "pending"))
        first = min(reviews.mapped("sequence"), default=0)
        return reviews.filtered(lambda r: not r.approve_sequence or r.sequence == first)

    def _authors(self):
        """Who may not approve the solution: who proposed and who created it."""
        return self.proposer_id | self.create_uid

    def _check_first_approver(self):
        """The first tier needs someone other than the authors: the head of
        the responsible department, or else the team leader."""
        for solution in self:
            if not solution.department_head_id:
                raise UserError(
                    self.env._(
                        "Nobody can approve %(solution)s as department head: the "
                        "responsible department's head and the team leader are "
                        "missing or proposed it. Set them on the responsibility "
                        "type and the complaint team first.",
                        solution=solution.display_name,
                    )
                )

    def _check_not_author(self):
        if self.env.user in self._authors():
            raise UserError(
                self.env._(
                    "You proposed %(solution)s: another person must approve it.",
                    solution=self.display_name,
                )
            )

    # ------------------------------------------------------------------
    # The facts the reviewers were chosen on
    # ------------------------------------------------------------------
    def _approval_facts_changed(self, reason):
        """A fact that decides the reviewers (severity, safety, responsibility,
        price, director threshold) changed: the reviews restart (archived,
        kept for the audit) and an approved solution is proposed again, its
        drafts dropped. Once offered or accepted, the change is refused
        instead: the customer holds (or signed) an offer approved on the old
        facts, and taking it back silently would break that commitment; the
        solution is cancelled and proposed anew if the facts truly changed."""
        reviewed = self.filtered(
            lambda s: s.review_ids
            and s.state in ("proposed", "approved", "offered", "accepted")
        )
        committed = reviewed.filtered(lambda s: s.state in ("offered", "accepted"))
        if committed:
            raise UserError(
                self.env._(
                    "%(solution)s was offered to the customer on the approved "
                    "facts; this change is refused (%(reason)s). Cancel the "
                    "solution first.",
                    solution=committed[0].display_name,
                    reason=reason,
                )
            )
        for solution in reviewed:
            if solution.state == "approved":
                solution._procedure_write({"state": "proposed"})
                solution.invalidate_recordset(["review_ids"])
                solution._drop_draft_documents()
            else:
                solution.restart_validation()
            solution._complaint_log(
                lambda env, solution=solution: env._(
                    "The approvals of %(solution)s restart: %(reason)s. Request "
                    "approval again.",
                    solution=solution.with_env(env).display_name,
                    reason=reason,
                )
            )
        reviewed._sync_approval_activities()

    def _drop_draft_documents(self):
        """The drafts of an approval that no longer holds are cancelled and
        detached: the next approval drafts them anew at its price."""
        self._cancel_draft_documents()
        for solution in self:
            solution.sudo()._procedure_write(
                {
                    "reprint_order_id": False,
                    "credit_note_ids": [
                        Command.unlink(move.id)
                        for move in solution.credit_note_ids
                        if move.state == "cancel"
                    ],
                }
            )

    def _siblings_missing_tiers(self):
        """A new total of the complaint may call the director on the other
        solutions (see _missing_tiers)."""
        others = self.ticket_id.solution_ids - self
        others._missing_tiers()._approval_facts_changed(
            self.env._("the complaint's total cost changed")
        )

    def _missing_tiers(self):
        """The solutions under review or approved that lack a tier their facts
        now call for (a total that reached the director's threshold)."""
        definitions = (
            self.env["tier.definition"].sudo().search([("model", "=", self._name)])
        )
        return self.filtered(
            lambda s: s.review_ids
            and s.state in ("proposed", "approved", "offered", "accepted")
            and any(
                s.evaluate_tier(tier) and tier not in s.review_ids.definition_id
                for tier in definitions
                if not tier.company_id or tier.company_id == s.company_id
            )
        )

    # ------------------------------------------------------------------
    # Withdrawing a solution under review or approved
    # ------------------------------------------------------------------
    def _needs_withdrawal(self):
        """Under review or approved: cancelled only by withdrawing it."""
        return self.state == "approved" or (
            self.state == "proposed" and bool(self.review_ids)
        )

    def action_withdraw(self):
        self.ensure_one()
        return dialog_action(
            self.env._("Withdraw the solution"),
            "printing.complaint.solution.withdraw.wizard",
            {"default_solution_id": self.id},
        )

    def _withdraw(self, reason):
        """The proposer or a complaint manager withdraws a solution under
        review or approved (not offered yet): cancelled, the reason noted on
        the complaint, the reviews archived."""
        manager = self.env.user.has_group("printing_complaint.group_complaint_manager")
        for solution in self:
            if not manager and solution.proposer_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only the proposer of %(solution)s or a complaint manager "
                        "can withdraw it.",
                        solution=solution.display_name,
                    )
                )
            if not solution._needs_withdrawal():
                raise UserError(
                    self.env._(
                        "Only a solution under review or approved, not offered "
                        "yet, is withdrawn: %(solution)s.",
                        solution=solution.display_name,
                    )
                )
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for withdrawing it."))
        self._procedure_write({"state": "cancelled"})
        self.invalidate_recordset(["review_ids"])
        self._cancel_draft_documents()
        for solution in self:
            solution._complaint_log(
                lambda env, solution=solution: env._(
                    "%(solution)s withdrawn by %(user)s: %(reason)s",
                    solution=solution.with_env(env).display_name,
                    user=self.env.user.name,
                    reason=reason,
                )
            )
        self._sync_approval_activities()
        return True
