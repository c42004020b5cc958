# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare
from odoo.tools.misc import formatLang

SOLUTION_STATES = [
    ("proposed", "Proposed"),
    ("approved", "Approved"),
    ("offered", "Offered"),
    ("accepted", "Accepted"),
    ("rejected", "Rejected"),
    ("in_execution", "In execution"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
# The moves a solution may make; approval is the tier validation's job.
SOLUTION_MOVES = {
    "proposed": {"approved", "cancelled"},
    "approved": {"offered", "cancelled"},
    "offered": {"accepted", "rejected", "cancelled"},
    "accepted": {"in_execution", "cancelled"},
    "in_execution": {"done", "cancelled"},
}
# The solutions still alive in the negotiation or the execution.
LIVE_STATES = ("proposed", "approved", "offered", "accepted", "in_execution", "done")
# What the approvals cover: frozen once approved.
PRICED_FIELDS = {
    "ticket_id",
    "type_id",
    "sale_line_ids",
    "quantity",
    "customer_share",
    "amount",
    "cost",
    "compensation_booking",
}


class PrintingComplaintSolution(models.Model):
    """One solution offered to the customer: priced, approved on the tiers of
    base_tier_validation, confirmed by the customer and executed as the ERP
    document of its type (reprint order, credit note, discount code)."""

    _name = "printing.complaint.solution"
    _description = "Complaint Solution"
    _inherit = ("mail.thread", "mail.activity.mixin", "tier.validation")
    _order = "ticket_id, sequence, id"

    # Lists: base_tier_validation concatenates them with lists.
    _state_from = ["proposed"]  # noqa: RUF012
    _state_to = ["approved"]  # noqa: RUF012
    _cancel_state = "cancelled"
    _tier_validation_manual_config = False

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_complaint", "=", True)],
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        related="ticket_id.commercial_partner_id", string="Customer"
    )
    sale_order_id = fields.Many2one(related="ticket_id.sale_order_id")
    type_id = fields.Many2one(
        "printing.complaint.solution.type",
        string="Solution",
        required=True,
        tracking=True,
    )
    execution = fields.Selection(related="type_id.execution", store=True)
    description = fields.Text()
    sale_line_ids = fields.Many2many(
        "sale.order.line",
        "printing_complaint_solution_sale_line_rel",
        "solution_id",
        "sale_line_id",
        string="Order lines",
        domain="[('order_id', '=', sale_order_id), ('display_type', '=', False)]",
        help="The lines reprinted or refunded.",
    )
    quantity = fields.Float(
        digits="Product Unit of Measure",
        help="Quantity reprinted of each line; empty reprints each line's "
        "ordered quantity.",
    )
    customer_share = fields.Float(
        string="Customer's share (%)",
        compute="_compute_customer_share",
        store=True,
        readonly=False,
        help="Share of the original price the customer pays for the reprint.",
    )
    amount = fields.Monetary(
        compute="_compute_amount",
        store=True,
        readonly=False,
        tracking=True,
        help="Refund or price reduction (untaxed), discount or compensation "
        "given; for a reprint, what the customer pays.",
    )
    cost = fields.Monetary(
        compute="_compute_cost",
        store=True,
        readonly=False,
        tracking=True,
        help="What the solution costs the company.",
    )
    costs_money = fields.Boolean(
        compute="_compute_costs_money",
        store=True,
        help="Finance signs off the solutions that cost money.",
    )
    deadline = fields.Date(tracking=True)
    state = fields.Selection(
        SOLUTION_STATES,
        default="proposed",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    proposer_id = fields.Many2one(
        "res.users",
        string="Proposed by",
        default=lambda self: self.env.user,
        readonly=True,
        copy=False,
    )
    department_head_id = fields.Many2one(
        "res.users",
        compute="_compute_department_head_id",
        help="The responsible department's head, or the team manager.",
    )
    needs_director = fields.Boolean(compute="_compute_needs_director")
    rejection_note = fields.Text(string="Last rejection", readonly=True, copy=False)
    done_date = fields.Datetime(readonly=True, copy=False)
    deadline_missed_notified = fields.Boolean(copy=False)

    # Documents
    reprint_order_id = fields.Many2one(
        "sale.order", readonly=True, copy=False, index="btree_not_null"
    )
    credit_note_ids = fields.One2many(
        "account.move", "complaint_solution_id", string="Credit notes", readonly=True
    )
    credit_note_payment_state = fields.Selection(
        selection=lambda self: self.env["account.move"]
        ._fields["payment_state"]
        ._description_selection(self.env),
        compute="_compute_credit_note_payment_state",
        string="Payment of the credit note",
    )
    discount_card_id = fields.Many2one("loyalty.card", readonly=True, copy=False)
    discount_code = fields.Char(related="discount_card_id.code")
    compensation_booking = fields.Selection(
        [("credit_note", "Credit note"), ("note", "Booked by finance")],
        default="credit_note",
        help="How finance books the compensation.",
    )
    compensation_given = fields.Char(
        string="What was given", help="E.g. a gift, free proofs, a voucher."
    )
    booking_note = fields.Text(
        help="How finance booked a compensation that has no credit note."
    )
    document_state = fields.Char(compute="_compute_document_state")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("ticket_id.number", "type_id.name")
    def _compute_display_name(self):
        for solution in self:
            solution.display_name = (
                f"{solution.ticket_id.number or ''} / {solution.type_id.name or ''}"
            )

    @api.depends("type_id")
    def _compute_customer_share(self):
        for solution in self:
            solution.customer_share = solution.type_id.customer_share

    def _reprint_quantity(self, line):
        return self.quantity or line.product_uom_qty

    @api.depends(
        "type_id",
        "customer_share",
        "quantity",
        "sale_line_ids.price_unit",
        "sale_line_ids.discount",
    )
    def _compute_amount(self):
        for solution in self:
            if solution.execution == "reprint":
                solution.amount = solution.currency_id.round(
                    sum(
                        solution._reprint_quantity(line)
                        * line.price_unit
                        * (1 - line.discount / 100)
                        for line in solution.sale_line_ids
                    )
                    * solution.customer_share
                    / 100
                )
            elif solution.execution == "none":
                solution.amount = 0.0
            elif solution.type_id.full_refund and not solution.amount:
                solution.amount = solution._refundable_amount()
            else:
                solution.amount = solution.amount

    @api.depends("execution", "amount", "quantity", "sale_line_ids.product_id")
    def _compute_cost(self):
        for solution in self:
            if solution.execution == "reprint":
                production = sum(
                    solution._reprint_quantity(line) * line.product_id.standard_price
                    for line in solution.sale_line_ids
                )
                solution.cost = max(production - solution.amount, 0.0)
            elif solution.execution == "none":
                solution.cost = 0.0
            else:
                solution.cost = solution.amount

    @api.depends("execution", "customer_share")
    def _compute_costs_money(self):
        for solution in self:
            solution.costs_money = solution.execution not in (False, "none") and not (
                solution.execution == "reprint" and solution.customer_share >= 100
            )

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

    @api.depends("credit_note_ids.payment_state")
    def _compute_credit_note_payment_state(self):
        for solution in self:
            states = set(solution.credit_note_ids.mapped("payment_state"))
            solution.credit_note_payment_state = (
                states.pop() if len(states) == 1 else (states and "partial") or False
            )

    def _compute_document_state(self):
        for solution in self:
            solution.document_state = solution._document_summary()

    def _document_summary(self):
        self.ensure_one()
        if self.reprint_order_id:
            return f"{self.reprint_order_id.name} ({self.reprint_order_id.state})"
        if self.credit_note_ids:
            return ", ".join(
                f"{move.name} ({move.state})" for move in self.credit_note_ids
            )
        if self.discount_card_id:
            return self.discount_card_id.code
        return ""

    # ------------------------------------------------------------------
    # Constraints: amounts and lines
    # ------------------------------------------------------------------
    @api.constrains("amount", "cost", "quantity", "execution", "state")
    def _check_amounts(self):
        for solution in self:
            if solution.amount < 0 or solution.cost < 0 or solution.quantity < 0:
                raise ValidationError(
                    self.env._(
                        "The amount, cost and quantity of a solution cannot be "
                        "negative."
                    )
                )
            if solution.state not in ("proposed", "cancelled", "rejected"):
                solution._check_priced()

    def _check_priced(self):
        """A solution that gives money is priced before anyone approves it
        (a proposal may start at zero while it is worked out)."""
        for solution in self:
            if solution.execution in (
                "refund",
                "discount",
                "compensation",
            ) and solution.currency_id.is_zero(solution.amount):
                raise ValidationError(
                    self.env._(
                        "A %(solution)s needs a positive amount.",
                        solution=solution.type_id.name,
                    )
                )

    @api.constrains("sale_line_ids", "ticket_id", "execution")
    def _check_order_lines(self):
        for solution in self:
            order = solution.ticket_id.sale_order_id
            if solution.sale_line_ids.order_id - order:
                raise ValidationError(
                    self.env._(
                        "A solution can only reprint or refund lines of the "
                        "complaint's order %(order)s.",
                        order=order.name or "-",
                    )
                )
            if solution.execution in ("reprint", "refund") and not (
                solution.sale_line_ids or solution.type_id.full_refund
            ):
                raise ValidationError(
                    self.env._(
                        "Choose the order lines of the %(solution)s.",
                        solution=solution.type_id.name,
                    )
                )

    @api.constrains("execution", "amount", "sale_line_ids", "state")
    def _check_refund_not_above_invoiced(self):
        for solution in self.filtered(
            lambda s: s.execution == "refund" and s.state in ("proposed", "approved")
        ):
            available = solution._refundable_amount()
            if (
                float_compare(
                    solution.amount,
                    available,
                    precision_rounding=solution.currency_id.rounding,
                )
                > 0
            ):
                raise ValidationError(
                    self.env._(
                        "%(solution)s of %(amount)s is above what can still be "
                        "refunded on these lines: %(available)s (invoiced, minus "
                        "earlier refunds and other open refunds).",
                        solution=solution.type_id.name,
                        amount=solution._format(solution.amount),
                        available=solution._format(available),
                    )
                )

    @api.constrains("execution", "customer_share", "ticket_id")
    def _check_free_reprint_allowed(self):
        for solution in self:
            responsibility = solution.ticket_id.responsibility_id
            if (
                solution.execution == "reprint"
                and responsibility
                and not responsibility.allows_free_reprint
                and solution.customer_share <= 0
            ):
                raise ValidationError(
                    self.env._(
                        "No free reprint when the responsibility is “%(resp)s”: "
                        "the customer pays a share.",
                        resp=responsibility.name,
                    )
                )

    def _format(self, amount):
        return formatLang(self.env, amount, currency_obj=self.currency_id)

    def _refund_lines(self):
        """The order lines a refund covers."""
        self.ensure_one()
        if self.type_id.full_refund:
            return self.ticket_id.sale_order_id.order_line.filtered(
                lambda line: not line.display_type
            )
        return self.sale_line_ids

    def _invoiced_lines(self):
        return self._refund_lines().invoice_lines.filtered(
            lambda aml: aml.move_id.move_type == "out_invoice"
            and aml.move_id.state == "posted"
        )

    def _refundable_amount(self):
        """Untaxed amount still refundable on the lines, in company currency:
        invoiced minus credit notes (ours and any other) minus the other
        refund solutions not executed yet. A server-side check: it counts
        every invoice and credit note, also those the user may not read."""
        self.ensure_one()
        solution = self.sudo()
        lines = solution._refund_lines()
        invoiced = -sum(solution._invoiced_lines().mapped("balance"))
        refunds = solution.env["account.move.line"].search(
            [
                ("move_id.move_type", "=", "out_refund"),
                ("move_id.state", "!=", "cancel"),
                ("display_type", "=", "product"),
                ("move_id.complaint_solution_id", "not in", self._origin.ids),
                "|",
                ("sale_line_ids", "in", lines.ids),
                ("complaint_sale_line_id", "in", lines.ids),
            ]
        )
        refunded = sum(refunds.mapped("balance"))
        others = solution.search(
            [
                ("id", "not in", self._origin.ids),
                ("execution", "=", "refund"),
                ("state", "in", ("proposed", "approved", "offered", "accepted")),
                ("ticket_id.sale_order_id", "=", solution.ticket_id.sale_order_id.id),
            ]
        )
        pending = sum(
            others.filtered(
                lambda s: not s.credit_note_ids and s._refund_lines() & lines
            ).mapped("amount")
        )
        return self.currency_id.round(max(invoiced - refunded - pending, 0.0))

    # ------------------------------------------------------------------
    # CRUD and state machine
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        solutions = super().create(vals_list)
        for solution in solutions:
            solution.ticket_id.message_post(
                body=self.env._(
                    "Solution proposed: %(solution)s, %(amount)s.",
                    solution=solution.type_id.name,
                    amount=solution._format(solution.amount),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return solutions

    def write(self, vals):
        if "state" in vals:
            self._check_state_move(vals["state"])
        if PRICED_FIELDS & set(vals):
            frozen = self.filtered(lambda s: s.state != "proposed")
            if frozen:
                raise UserError(
                    self.env._(
                        "%(solution)s is %(state)s: its price and lines are those "
                        "approved. Cancel it and propose a new one instead.",
                        solution=frozen[0].display_name,
                        state=dict(SOLUTION_STATES)[frozen[0].state],
                    )
                )
        if "deadline" in vals:
            moved = self.filtered(
                lambda s: s.state in ("accepted", "in_execution")
                and s.deadline
                and str(s.deadline) != str(vals["deadline"])
            )
        result = super().write(vals)
        if "deadline" in vals and moved:
            moved.write({"deadline_missed_notified": False})
            moved._notify_new_deadline()
        if vals.get("state") == "done":
            self.write({"done_date": fields.Datetime.now()})
        return result

    def _check_state_move(self, new_state):
        states = dict(SOLUTION_STATES)
        for solution in self:
            if solution.state == new_state:
                continue
            if new_state not in SOLUTION_MOVES.get(solution.state, ()):
                raise UserError(
                    self.env._(
                        "%(solution)s cannot go from “%(from_state)s” to "
                        "“%(to_state)s”.",
                        solution=solution.display_name,
                        from_state=states[solution.state],
                        to_state=states[new_state],
                    )
                )
            if new_state == "done":
                missing = solution._execution_missing()
                if missing:
                    raise UserError(
                        self.env._(
                            "%(solution)s is not carried out yet: %(missing)s",
                            solution=solution.display_name,
                            missing=missing,
                        )
                    )
            if new_state == "cancelled" and solution._has_executed_document():
                raise UserError(
                    self.env._(
                        "%(solution)s has a confirmed or posted document: cancel "
                        "the document first.",
                        solution=solution.display_name,
                    )
                )

    def _has_executed_document(self):
        self.ensure_one()
        return (self.reprint_order_id.state == "sale") or any(
            move.state == "posted" for move in self.credit_note_ids
        )

    def _execution_missing(self):
        """Why the solution cannot be marked done ('' when it can)."""
        self.ensure_one()
        if self.execution == "reprint":
            order = self.reprint_order_id
            if order.state != "sale":
                return self.env._("the reprint order is not confirmed.")
            undelivered = order.order_line.filtered(
                lambda line: not line.display_type
                and float_compare(
                    line.qty_delivered,
                    line.product_uom_qty,
                    precision_rounding=line.product_uom.rounding,
                )
                < 0
            )
            if undelivered:
                return self.env._("the reprint order is not fully delivered.")
        elif self.execution == "refund" or (
            self.execution == "compensation"
            and self.compensation_booking == "credit_note"
        ):
            if not self.credit_note_ids or any(
                move.state != "posted" for move in self.credit_note_ids
            ):
                return self.env._("the credit note is not posted.")
        elif self.execution == "discount":
            if not self.discount_card_id:
                return self.env._("the discount code is not created.")
        elif self.execution == "compensation" and not self.booking_note:
            return self.env._("finance has not recorded how it was booked.")
        return ""

    def unlink(self):
        # The rights first: base_tier_validation removes the reviews before,
        # which would answer with an error about the reviews instead.
        self.check_access("unlink")
        return super().unlink()

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._(
                "A solution is part of the complaint's record: cancel or archive "
                "it instead of deleting it."
            )
        )

    # ------------------------------------------------------------------
    # Approval (base_tier_validation)
    # ------------------------------------------------------------------
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
            "printing_complaint.activity_complaint_solution_revise",
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
        return result

    @api.model
    def _get_under_validation_exceptions(self):
        # Written by the approval itself while the reviews are open.
        return [*super()._get_under_validation_exceptions(), "rejection_note"]

    def _sync_approval_activities(self):
        """One approval activity per person who can approve now; closed when
        they approve, reject, or someone else of their group does."""
        activity_type = self.env.ref("printing_complaint.activity_complaint_approve")
        for solution in self:
            approvers = (
                solution.review_ids.filtered(
                    lambda r: r.status in ("waiting", "pending")
                ).reviewer_ids
                - solution.proposer_id
            )
            activities = solution.activity_ids.filtered(
                lambda a, t=activity_type: a.activity_type_id == t
            )
            stale = activities.filtered(lambda a, u=approvers: a.user_id not in u)
            kept_users = (activities - stale).user_id
            stale.sudo().unlink()
            for user in approvers - kept_users:
                solution.sudo().activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=user.id,
                    summary=self.env._(
                        "Approve %(solution)s (%(amount)s)",
                        solution=solution.display_name,
                        amount=solution._format(solution.amount),
                    ),
                    date_deadline=solution.ticket_id.step_deadline
                    and fields.Date.context_today(
                        solution, solution.ticket_id.step_deadline
                    ),
                )

    def _complaint_log(self, message):
        """A note on the complaint: the approvals and the execution are read
        there, not on each solution."""
        self.ensure_one()
        self.ticket_id.message_post(body=message, subtype_xmlid="mail.mt_note")

    # ------------------------------------------------------------------
    # Customer and execution
    # ------------------------------------------------------------------
    def action_cancel(self):
        self.write({"state": "cancelled"})
        self._cancel_draft_documents()
        return True

    def _prepare_documents(self):
        """Once approved, the documents are drafted for finance and sales to
        check: a reprint quotation, a draft credit note. They are confirmed or
        posted only after the customer accepts (see _start_execution)."""
        for solution in self:
            if solution.execution == "reprint" and not solution.reprint_order_id:
                solution._create_reprint_order()
            elif solution.execution == "refund" and not solution.credit_note_ids:
                solution._create_refund_credit_notes()
            elif (
                solution.execution == "compensation"
                and solution.compensation_booking == "credit_note"
                and not solution.credit_note_ids
            ):
                solution._create_compensation_credit_note()

    def _cancel_draft_documents(self):
        """A rejected or cancelled solution leaves no live draft behind."""
        orders = self.reprint_order_id.filtered(lambda o: o.state in ("draft", "sent"))
        orders.sudo()._action_cancel()
        self.credit_note_ids.filtered(
            lambda m: m.state == "draft"
        ).sudo().button_cancel()

    def action_done(self):
        self.write({"state": "done"})
        for solution in self:
            solution._complaint_log(
                self.env._("%(solution)s carried out.", solution=solution.display_name)
            )
        return True

    def _start_execution(self):
        """The customer accepted: the reprint order is confirmed, the credit
        notes wait for finance to post them, the discount code is sent."""
        self.write({"state": "in_execution"})
        self._prepare_documents()
        for solution in self:
            if solution.execution == "reprint":
                solution.reprint_order_id.action_confirm()
            elif solution.execution == "discount":
                solution._create_discount_card()
        self.filtered(lambda s: s.execution == "none").write({"state": "done"})

    def _create_reprint_order(self):
        """A new sale order for the affected lines at the customer's share of
        the price, marked as a complaint reprint and confirmed."""
        self.ensure_one()
        origin = self.ticket_id.sale_order_id
        share = self.customer_share / 100
        order = (
            self.env["sale.order"]
            .sudo()
            .create(
                {
                    "partner_id": origin.partner_id.id,
                    "partner_invoice_id": origin.partner_invoice_id.id,
                    "partner_shipping_id": origin.partner_shipping_id.id,
                    "pricelist_id": origin.pricelist_id.id,
                    "company_id": origin.company_id.id,
                    "user_id": origin.user_id.id,
                    "team_id": origin.team_id.id,
                    "origin": f"{self.ticket_id.number} / {origin.name}",
                    "client_order_ref": origin.client_order_ref,
                    "complaint_solution_id": self.id,
                    "complaint_origin_order_id": origin.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": line.product_id.id,
                                "name": line.name,
                                "product_uom_qty": self._reprint_quantity(line),
                                "product_uom": line.product_uom.id,
                                "price_unit": line.price_unit * share,
                                "discount": line.discount,
                                "tax_id": [Command.set(line.tax_id.ids)],
                            }
                        )
                        for line in self.sale_line_ids
                    ],
                }
            )
        )
        self.reprint_order_id = order
        return order

    def _create_refund_credit_notes(self):
        """Credit notes reversing the invoices of the lines, for the agreed
        amount spread over the lines in proportion to what was invoiced."""
        self.ensure_one()
        invoice_lines = self._invoiced_lines()
        if not invoice_lines:
            raise UserError(
                self.env._(
                    "%(solution)s: the order lines have no posted invoice to refund.",
                    solution=self.display_name,
                )
            )
        invoiced = -sum(invoice_lines.mapped("balance"))
        invoices = invoice_lines.move_id
        credit_notes = invoices.sudo()._reverse_moves(
            default_values_list=[
                {
                    "ref": self.env._(
                        "Complaint %(number)s: %(solution)s",
                        number=self.ticket_id.number,
                        solution=self.type_id.name,
                    ),
                    "invoice_date": fields.Date.context_today(self),
                    "complaint_solution_id": self.id,
                    # The customer's salesperson follows the credit note.
                    "invoice_user_id": invoice.invoice_user_id.id,
                }
                for invoice in invoices
            ],
        )
        remaining = self.amount
        last_line = invoice_lines[-1]
        for invoice, credit_note in zip(invoices, credit_notes, strict=True):
            commands = [
                Command.delete(line.id) for line in credit_note.invoice_line_ids
            ]
            for line in invoice_lines.filtered(lambda aml, i=invoice: aml.move_id == i):
                share = (
                    remaining
                    if line == last_line
                    else self.currency_id.round(self.amount * -line.balance / invoiced)
                )
                remaining -= share
                commands.append(
                    Command.create(
                        {
                            "product_id": line.product_id.id,
                            "name": line.name,
                            "quantity": 1,
                            "product_uom_id": line.product_uom_id.id,
                            "price_unit": self._in_move_currency(share, credit_note),
                            "discount": 0.0,
                            "tax_ids": [Command.set(line.tax_ids.ids)],
                            "account_id": line.account_id.id,
                            "analytic_distribution": line.analytic_distribution,
                            "complaint_sale_line_id": line.sale_line_ids[:1].id,
                        }
                    )
                )
            credit_note.write({"invoice_line_ids": commands})
        return credit_notes

    def _in_move_currency(self, amount, move):
        if move.currency_id == self.currency_id:
            return amount
        return self.currency_id._convert(
            amount, move.currency_id, move.company_id, move.invoice_date
        )

    def _create_compensation_credit_note(self):
        self.ensure_one()
        return (
            self.env["account.move"]
            .sudo()
            .create(
                {
                    "move_type": "out_refund",
                    "partner_id": self.ticket_id.sale_order_id.partner_invoice_id.id
                    or self.partner_id.id,
                    "company_id": self.company_id.id,
                    "invoice_date": fields.Date.context_today(self),
                    "ref": self.env._(
                        "Complaint %(number)s: compensation",
                        number=self.ticket_id.number,
                    ),
                    "complaint_solution_id": self.id,
                    "invoice_user_id": (
                        self.ticket_id.sale_order_id.user_id or self.ticket_id.user_id
                    ).id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": self.env._(
                                    "Compensation for complaint %(number)s: %(what)s",
                                    number=self.ticket_id.number,
                                    what=self.compensation_given or self.type_id.name,
                                ),
                                "quantity": 1,
                                "price_unit": self.amount,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )

    def _create_discount_card(self):
        """A one-customer discount code worth the agreed amount on a future
        order (a coupon of the company's complaint discount program)."""
        self.ensure_one()
        program = (
            self.env["loyalty.program"]
            .sudo()
            ._complaint_discount_program(self.company_id)
        )
        card = (
            self.env["loyalty.card"]
            .sudo()
            .create(
                {
                    "program_id": program.id,
                    "partner_id": self.partner_id.id,
                    "points": self.amount,
                    "expiration_date": self.deadline,
                }
            )
        )
        self.discount_card_id = card
        self.ticket_id.message_post_with_source(
            "printing_complaint.mail_template_complaint_discount_code",
            render_values={"solution": self},
            subtype_xmlid="mail.mt_comment",
        )
        self.write({"state": "done"})
        return card

    def _notify_new_deadline(self):
        for solution in self:
            solution.ticket_id.message_post(
                body=self.env._(
                    "New date for %(solution)s: %(date)s. We apologise for the delay.",
                    solution=solution.type_id.name,
                    date=solution.deadline,
                ),
                partner_ids=solution.ticket_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
            )

    def action_view_document(self):
        self.ensure_one()
        if self.reprint_order_id:
            return self.reprint_order_id.get_formview_action()
        moves = self.credit_note_ids
        if len(moves) == 1:
            return moves.get_formview_action()
        if moves:
            action = self.env["ir.actions.act_window"]._for_xml_id(
                "account.action_move_out_refund_type"
            )
            action["domain"] = [("id", "in", moves.ids)]
            return action
        if self.discount_card_id:
            return self.discount_card_id.get_formview_action()
        raise UserError(self.env._("This solution has no document yet."))
