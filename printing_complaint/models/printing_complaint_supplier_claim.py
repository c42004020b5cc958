# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A claim of the company against the supplier or the carrier at fault:
what is claimed and why, the evidence sent, the supplier's answer, the
vendor credit note drafted for finance, its approval and its settlement.

draft → sent (the email to the supplier) → answered (the accepted amount,
a draft vendor credit note) → approved (finance) → settled (the credit
note posted and paid); refused (nothing accepted) or cancelled (with a
reason). The state and the documents move through the actions only
(PROCEDURE_FIELDS, as the solution does): the claim's life is in
printing_complaint_supplier_claim_procedure.py, its vendor credit note in
printing_complaint_supplier_claim_credit_note.py."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare
from odoo.tools.misc import formatLang

CLAIM_KINDS = [("supplier", "Supplier"), ("carrier", "Carrier")]
CLAIM_STATES = [
    ("draft", "Draft"),
    ("sent", "Sent"),
    ("answered", "Answered"),
    ("approved", "Approved"),
    ("settled", "Settled"),
    ("refused", "Refused"),
    ("cancelled", "Cancelled"),
]
# The live claims: counted in the complaint's totals.
LIVE_CLAIM_STATES = ("draft", "sent", "answered", "approved", "settled")
# A credit note is settled once paid or reconciled.
PAID_STATES = ("in_payment", "paid")
# Written by the claim's methods only, never by a user's create or write.
PROCEDURE_FIELDS = {
    "state",
    "credit_note_id",
    "sent_date",
    "answer_date",
    "approved_by_id",
    "approved_date",
}
# What is claimed, frozen once the claim is sent.
CLAIMED_FIELDS = {
    "ticket_id",
    "kind",
    "partner_id",
    "claimed_amount",
    "description",
    "evidence_ids",
    "send_8d",
}
# The supplier's answer, recorded while the claim waits for it, and the bill
# it credits (chosen by finance, who reads the bills).
ANSWER_FIELDS = {"accepted_amount", "supplier_answer", "bill_id"}
# The context value of the claim's own writes: an object no RPC can send.
PROCEDURE_WRITE = object()
FINANCE_GROUP = "printing_complaint.group_complaint_finance"
# Who claims: purchasing from the supplier, logistics from the carrier (and
# the complaint managers).
CLAIMANT_GROUPS = {
    "supplier": "printing_complaint.group_complaint_purchasing",
    "carrier": "printing_complaint.group_complaint_logistics",
}
MANAGER_GROUP = "printing_complaint.group_complaint_manager"
CLAIM_TEMPLATE = "printing_complaint.mail_template_supplier_claim"
APPROVAL_ACTIVITY = "printing_complaint.activity_supplier_claim_approve"


class PrintingComplaintSupplierClaim(models.Model):
    _name = "printing.complaint.supplier.claim"
    _description = "Supplier or Carrier Claim"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "printing.complaint.activity.mixin",
        "printing.complaint.number.mixin",
    )
    _order = "id desc"

    name = fields.Char(
        string="Claim number", readonly=True, copy=False, default="/", index=True
    )
    active = fields.Boolean(default=True)
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_complaint", "=", True)],
        tracking=True,
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(
        CLAIM_KINDS, string="Claim against", required=True, default="supplier"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Supplier or carrier",
        required=True,
        tracking=True,
        compute="_compute_partner_id",
        store=True,
        precompute=True,
        readonly=False,
    )
    claimed_amount = fields.Monetary(
        string="Amount claimed",
        required=True,
        tracking=True,
        help="Untaxed: what the fault cost us (the solutions given to the "
        "customer, scrap, freight).",
    )
    description = fields.Text(
        string="Reason",
        required=True,
        help="The fault and what it cost, for the supplier.",
    )
    evidence_ids = fields.Many2many(
        "printing.complaint.evidence",
        "printing_complaint_supplier_claim_evidence_rel",
        "claim_id",
        "evidence_id",
        string="Evidence sent",
        domain="[('ticket_id', '=', ticket_id), ('attachment_id', '!=', False)]",
        help="The files of the complaint attached to the claim's email.",
    )
    send_8d = fields.Boolean(
        string="Send the 8D report", help="The complaint's 8D report is attached."
    )
    bill_id = fields.Many2one(
        "account.move",
        string="Supplier bill",
        domain="[('move_type', '=', 'in_invoice'), ('state', '=', 'posted'), "
        "('commercial_partner_id', '=', partner_id)]",
        help="The bill the claim is about: the credit note reverses it.",
    )
    sent_date = fields.Datetime(readonly=True, copy=False)
    supplier_answer = fields.Text(
        string="Supplier's answer",
        tracking=True,
        copy=False,
        help="What the supplier answered; their emails are in the chatter.",
    )
    accepted_amount = fields.Monetary(
        string="Amount accepted",
        tracking=True,
        copy=False,
        help="Untaxed: what the supplier accepts to credit us.",
    )
    answer_date = fields.Datetime(readonly=True, copy=False)
    credit_note_id = fields.Many2one(
        "account.move", string="Vendor credit note", readonly=True, copy=False
    )
    credit_note_state = fields.Selection(related="credit_note_id.state")
    credit_note_payment_state = fields.Selection(
        related="credit_note_id.payment_state", string="Payment of the credit note"
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)
    close_reason = fields.Text(
        string="Reason for cancelling",
        copy=False,
        help="Why the claim is cancelled.",
    )
    state = fields.Selection(
        CLAIM_STATES,
        default="draft",
        compute="_compute_state",
        store=True,
        precompute=True,
        readonly=False,
        tracking=True,
        copy=False,
        index=True,
    )

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------
    @api.depends("ticket_id", "kind")
    def _compute_partner_id(self):
        """The supplier at fault of the complaint, or its carrier."""
        for claim in self:
            ticket = claim.ticket_id
            at_fault = (
                ticket.carrier_id if claim.kind == "carrier" else ticket.supplier_id
            )
            claim.partner_id = at_fault or claim.partner_id

    @api.depends("credit_note_id.state", "credit_note_id.payment_state")
    def _compute_state(self):
        """Settled once finance approved and the credit note is posted and
        paid (refunded by the supplier or reconciled with their bill)."""
        for claim in self:
            move = claim.credit_note_id
            settled = (
                claim.state == "approved"
                and move.state == "posted"
                and move.payment_state in PAID_STATES
            )
            claim.state = "settled" if settled else (claim.state or "draft")

    @api.constrains("claimed_amount", "accepted_amount")
    def _check_amounts(self):
        for claim in self:
            rounding = claim.currency_id.rounding
            if (
                float_compare(claim.claimed_amount, 0.0, precision_rounding=rounding)
                <= 0
            ):
                raise ValidationError(
                    self.env._("The amount claimed must be more than zero.")
                )
            if (
                float_compare(claim.accepted_amount, 0.0, precision_rounding=rounding)
                < 0
            ):
                raise ValidationError(
                    self.env._("The amount accepted cannot be negative.")
                )
            if (
                float_compare(
                    claim.accepted_amount,
                    claim.claimed_amount,
                    precision_rounding=rounding,
                )
                > 0
            ):
                raise ValidationError(
                    self.env._(
                        "%(claim)s: the amount accepted cannot exceed the amount "
                        "claimed.",
                        claim=claim.display_name,
                    )
                )

    @api.constrains("ticket_id", "evidence_ids", "bill_id", "partner_id")
    def _check_links(self):
        for claim in self:
            if not claim.ticket_id.is_complaint:
                raise ValidationError(self.env._("A claim is made from a complaint."))
            if claim.evidence_ids.ticket_id - claim.ticket_id:
                raise ValidationError(
                    self.env._("The evidence sent is the complaint's own.")
                )
            # purchasing does not read journal entries: the claim does
            bill = claim.bill_id.sudo()
            if bill and (
                bill.move_type != "in_invoice"
                or bill.commercial_partner_id != claim.partner_id.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(bill)s is not a bill of %(partner)s.",
                        bill=bill.display_name,
                        partner=claim.partner_id.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD: the procedure's fields are the methods' own
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_procedure_fields(
                {
                    name: value
                    for name, value in vals.items()
                    if value and (name, value) != ("state", "draft")
                }
            )
        vals_list = [dict(vals) for vals in vals_list]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code(
                        "printing.complaint.supplier.claim"
                    )
                    or "/"
                )
        claims = super().create(vals_list)
        claims._check_claimant()
        for claim in claims:
            claim._log_on_complaint(
                lambda env, claim=claim: env._(
                    "%(claim)s opened against %(partner)s: %(amount)s claimed.",
                    claim=claim.name,
                    partner=claim.partner_id.display_name,
                    amount=claim._format_amount(claim.claimed_amount),
                )
            )
        return claims

    def _check_claimant(self):
        """Purchasing claims from the supplier, logistics from the carrier."""
        if self.env.su or self.env.user.has_group(MANAGER_GROUP):
            return
        for claim in self:
            if not self.env.user.has_group(CLAIMANT_GROUPS[claim.kind]):
                raise AccessError(
                    self.env._(
                        "Purchasing claims from the supplier, logistics from the "
                        "carrier: %(claim)s is not yours to open.",
                        claim=claim.name,
                    )
                )

    def write(self, vals):
        self._check_procedure_fields(vals)
        if not self._is_procedure_write():
            self._check_editable(vals)
        return super().write(vals)

    def _procedure_write(self, vals):
        """How the claim's own methods write its PROCEDURE_FIELDS."""
        return self.with_context(complaint_claim_procedure=PROCEDURE_WRITE).write(vals)

    def _is_procedure_write(self):
        return self.env.su or (
            self.env.context.get("complaint_claim_procedure") is PROCEDURE_WRITE
        )

    def _check_procedure_fields(self, vals):
        if self._is_procedure_write():
            return
        forged = PROCEDURE_FIELDS & set(vals)
        if forged:
            raise AccessError(
                self.env._(
                    "The state, credit note and dates of a claim are set by its "
                    "actions (send, record the answer, approve, cancel), not by "
                    "hand: %(fields)s.",
                    fields=", ".join(
                        sorted(
                            self._fields[name]._description_string(self.env)
                            for name in forged
                        )
                    ),
                )
            )

    def _check_editable(self, vals):
        """What is claimed is frozen once sent; the answer is recorded while
        the claim waits for it."""
        if CLAIMED_FIELDS & set(vals):
            sent = self.filtered(lambda c: c.state != "draft")
            if sent:
                raise UserError(
                    self.env._(
                        "%(claim)s is sent: what it claims cannot change. Cancel it "
                        "and open a new claim instead.",
                        claim=sent[0].display_name,
                    )
                )
        if ANSWER_FIELDS & set(vals):
            not_waiting = self.filtered(lambda c: c.state not in ("draft", "sent"))
            if not_waiting:
                raise UserError(
                    self.env._(
                        "%(claim)s: the supplier's answer is already recorded.",
                        claim=not_waiting[0].display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_claim(self):
        raise UserError(self.env._("A claim is cancelled or archived, never deleted."))

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _format_amount(self, amount):
        return formatLang(self.env, amount, currency_obj=self.currency_id)

    def _log_on_complaint(self, message):
        """A note on the complaint, in its language: the complaint's history
        tells what was claimed and settled."""
        self.ensure_one()
        self.ticket_id._complaint_note(message, subtype_xmlid="mail.mt_note")
