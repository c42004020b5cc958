# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A solution of a complaint: its price, the limits the server holds it to,
and its states. Its approval is in printing_complaint_solution_approval.py,
its execution as ERP documents in printing_complaint_solution_execution.py
(with the table of the kinds of execution)."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare
from odoo.tools.misc import formatLang

from .printing_complaint_solution_type import REFUND_KINDS

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
    "approved": {"offered", "cancelled", "proposed"},  # its approvals restart
    "offered": {"accepted", "rejected", "cancelled"},
    "accepted": {"in_execution", "cancelled"},
    "in_execution": {"done", "cancelled"},
}
# A live solution is part of what the complaint gives: neither cancelled
# nor rejected. An ended one needs nothing more.
LIVE_STATES = ("proposed", "approved", "offered", "accepted", "in_execution", "done")
ENDED_STATES = ("done", "cancelled", "rejected")
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
# Written by the procedure only, never by a user's write or create: the state
# (moved by the solution's actions: approval, offer, decision, execution),
# the documents, the dates, who proposed it, the last rejection and whether
# the customer was told of a missed deadline (the execution reminders).
PROCEDURE_FIELDS = {
    "state",
    "deadline_missed_notified",
    "proposer_id",
    "done_date",
    "rejection_note",
    "reprint_order_id",
    "credit_note_ids",
    "discount_card_id",
}
# The context value of the procedure's own writes (_procedure_write): an
# object, which no RPC or HTTP request can send.
PROCEDURE_WRITE = object()


class PrintingComplaintSolution(models.Model):
    """One solution offered to the customer: priced, approved on the tiers of
    base_tier_validation, confirmed by the customer and executed as the ERP
    document of its kind (reprint order, credit note, discount code)."""

    _name = "printing.complaint.solution"
    _description = "Complaint Solution"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "tier.validation",
        "printing.complaint.activity.mixin",
        "printing.complaint.number.mixin",
    )
    _order = "ticket_id, sequence, id"

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
    execution_kind = fields.Selection(related="type_id.execution_kind", store=True)
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
        groups="base.group_user",
    )
    costs_money = fields.Boolean(
        compute="_compute_costs_money",
        store=True,
        help="Finance signs off the solutions that cost money.",
        groups="base.group_user",
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
        groups="base.group_user",
    )
    done_date = fields.Datetime(readonly=True, copy=False)
    inspection_ids = fields.One2many(
        "printing.complaint.inspection",
        "solution_id",
        string="QC inspections",
        groups="base.group_user",
    )
    deadline_missed_notified = fields.Boolean(copy=False, groups="base.group_user")

    # ------------------------------------------------------------------
    # Computes: the price
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

    @api.depends(
        "type_id",
        "customer_share",
        "quantity",
        "sale_line_ids.price_unit",
        "sale_line_ids.discount",
    )
    def _compute_amount(self):
        for solution in self:
            solution.amount = (
                solution.amount
                if solution._price_settled()
                else solution._execution_do("amount", solution.amount)
            )

    @api.depends("execution_kind", "amount", "quantity", "sale_line_ids.product_id")
    def _compute_cost(self):
        for solution in self:
            solution.cost = (
                solution.cost
                if solution._price_settled()
                else solution._execution_do("cost", solution.amount)
            )

    def _price_settled(self):
        """Under review or approved, the price is the one the reviewers see:
        a new price of the order lines does not change it behind them."""
        return self.state != "proposed" or bool(self.review_ids)

    @api.depends("execution_kind", "customer_share")
    def _compute_costs_money(self):
        for solution in self:
            kind = solution._execution()
            solution.costs_money = kind.gives_money or (
                kind.reprints and solution.customer_share < 100
            )

    def _format_amount(self, amount):
        return formatLang(self.env, amount, currency_obj=self.currency_id)

    def _live(self):
        """The solutions still part of what the complaint gives."""
        return self.filtered(lambda s: s.state in LIVE_STATES)

    # ------------------------------------------------------------------
    # Constraints: amounts and lines
    # ------------------------------------------------------------------
    @api.constrains("amount", "cost", "quantity", "execution_kind", "state")
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
            if solution._execution().gives_money and solution.currency_id.is_zero(
                solution.amount
            ):
                raise ValidationError(
                    self.env._(
                        "A %(solution)s needs a positive amount.",
                        solution=solution.type_id.name,
                    )
                )

    @api.constrains("sale_line_ids", "ticket_id", "execution_kind")
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
            if solution._execution().needs_lines and not order:
                raise ValidationError(
                    self.env._(
                        "A %(solution)s is made from the sale order of the job: "
                        "record the complaint's sale order first. Without an "
                        "order, propose a compensation (a credit note of the "
                        "amount), a discount code or a solution recorded only.",
                        solution=solution.type_id.name,
                    )
                )
            if solution._execution().needs_lines and not (
                solution.sale_line_ids or solution.type_id.full_refund
            ):
                raise ValidationError(
                    self.env._(
                        "Choose the order lines of the %(solution)s.",
                        solution=solution.type_id.name,
                    )
                )

    @api.constrains("execution_kind", "amount", "sale_line_ids", "state")
    def _check_refund_not_above_invoiced(self):
        for solution in self.filtered(
            lambda s: s.execution_kind in REFUND_KINDS
            and s.state in ("proposed", "approved")
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
                        amount=solution._format_amount(solution.amount),
                        available=solution._format_amount(available),
                    )
                )

    @api.constrains("execution_kind", "customer_share", "ticket_id")
    def _check_free_reprint_allowed(self):
        for solution in self:
            responsibility = solution.ticket_id.responsibility_id
            if (
                solution._execution().reprints
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

    # ------------------------------------------------------------------
    # What is still refundable
    # ------------------------------------------------------------------
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
                ("execution_kind", "in", REFUND_KINDS),
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
    # CRUD and states
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # A new solution is proposed, by whoever creates it.
            self._check_procedure_fields(
                {
                    name: value
                    for name, value in vals.items()
                    if value
                    and (name, value)
                    not in (("state", "proposed"), ("proposer_id", self.env.uid))
                }
            )
        solutions = super().create(vals_list)
        solutions._siblings_missing_tiers()
        for solution in solutions:
            solution._complaint_log(
                lambda env, solution=solution: env._(
                    "Solution proposed: %(solution)s, %(amount)s.",
                    solution=solution.with_env(env).type_id.name,
                    amount=solution._format_amount(solution.amount),
                )
            )
        return solutions

    def write(self, vals):
        if "state" in vals:
            self._check_state_move(vals["state"])
        self._check_procedure_fields(vals)
        if PRICED_FIELDS & set(vals):
            self._check_price_not_frozen()
            # A new price under review is a new proposal (see the approval).
            self._approval_facts_changed(
                self.env._("its price or lines changed during the approval")
            )
        moved = self.browse()
        if "deadline" in vals:
            moved = self.filtered(
                lambda s: s.state in ("accepted", "in_execution")
                and s.deadline
                and str(s.deadline) != str(vals["deadline"])
            )
        result = super().write(vals)
        if PRICED_FIELDS & set(vals):
            self._siblings_missing_tiers()
        if moved:
            moved._procedure_write({"deadline_missed_notified": False})
            moved._notify_new_deadline()
            moved.ticket_id._complaint_execution_deadline_moved()
        if vals.get("state") == "done":
            self._procedure_write({"done_date": fields.Datetime.now()})
        return result

    def _procedure_write(self, vals):
        """How the solution's own actions write its PROCEDURE_FIELDS."""
        return self.with_context(complaint_solution_procedure=PROCEDURE_WRITE).write(
            vals
        )

    def _check_procedure_fields(self, vals):
        if self.env.su or (
            self.env.context.get("complaint_solution_procedure") is PROCEDURE_WRITE
        ):
            return
        forged = PROCEDURE_FIELDS & set(vals)
        if forged:
            raise AccessError(
                self.env._(
                    "The state, documents and dates of a solution and who proposed "
                    "it are set by its actions (approval, offer, the customer's "
                    "decision, execution), not by hand: %(fields)s.",
                    fields=", ".join(
                        sorted(
                            self._fields[name]._description_string(self.env)
                            for name in forged
                        )
                    ),
                )
            )

    def _check_price_not_frozen(self):
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

    def _check_state_move(self, new_state):
        states = dict(SOLUTION_STATES)
        for solution in self.filtered(lambda s: s.state != new_state):
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
                solution._check_carried_out()
            if new_state == "cancelled" and solution._has_executed_document():
                raise UserError(
                    self.env._(
                        "%(solution)s has a confirmed or posted document: cancel "
                        "the document first.",
                        solution=solution.display_name,
                    )
                )

    def unlink(self):
        # The rights first: base_tier_validation removes the reviews before,
        # which would answer with an error about the reviews instead.
        self.check_access("unlink")
        return super().unlink()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_solution(self):
        raise UserError(
            self.env._(
                "A solution is part of the complaint's record: cancel or archive "
                "it instead of deleting it."
            )
        )

    def _complaint_log(self, message):
        """A note on the complaint: the approvals and the execution are read
        there, not on each solution. In the complaint's language (message:
        a text, or a function of an environment in that language)."""
        self.ensure_one()
        self.ticket_id._complaint_note(message, subtype_xmlid="mail.mt_note")
