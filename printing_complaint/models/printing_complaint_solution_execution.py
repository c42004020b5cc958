# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How a solution is carried out as ERP documents: a reprint order, credit
notes, a discount code, or nothing but the record. Each kind of execution
is one entry of EXECUTION_KINDS (printing_complaint_solution_type.py)
naming its small methods below: a new kind is its entry, its name in
EXECUTION_KIND_NAMES and its methods here."""

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_compare

from .printing_complaint_inspection import RELEASE_ACTIVITY
from .printing_complaint_solution_type import EXECUTION_KINDS, NO_EXECUTION

LATE_SOLUTION_ACTIVITY = "printing_complaint.activity_complaint_solution_late"


def _late_summary(kind):
    """The summary of a late solution's activity, for a kind of solution,
    in the language of env (an activity's summary, see
    _complaint_activity_vals)."""
    return lambda env: env._(
        "%(solution)s is late: set a new date, the customer is told of it",
        solution=kind.with_env(env).name,
    )


class PrintingComplaintSolution(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "printing.complaint.solution"  # pylint: disable=consider-merging-classes-inherited

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
        groups="base.group_user",
    )
    compensation_given = fields.Char(
        string="What was given", help="E.g. a gift, free proofs, a voucher."
    )
    booking_note = fields.Text(
        help="How finance booked a compensation that has no credit note.",
        groups="base.group_user",
    )
    document_state = fields.Char(
        compute="_compute_document_state", groups="base.group_user"
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
            documents = solution._execution_documents()
            if documents._name == "loyalty.card":
                solution.document_state = documents.code or ""
            else:
                # The state's label in the user's language ("S00027
                # (Quotation)"), not its key ("S00027 (draft)").
                solution.document_state = ", ".join(
                    "{} ({})".format(
                        # a credit note cancelled as a draft has no number
                        document.name or document.display_name,
                        document._fields["state"].convert_to_export(
                            document.state, document
                        ),
                    )
                    for document in documents
                )

    # ------------------------------------------------------------------
    # The kind of execution
    # ------------------------------------------------------------------
    def _execution(self):
        return EXECUTION_KINDS.get(self.execution_kind, NO_EXECUTION)

    def _execution_do(self, moment, default=None):
        """Run the method this solution's kind names for moment (an
        ExecutionKind attribute); default when it names none."""
        method = getattr(self._execution(), moment)
        return getattr(self, method)() if method else default

    def _execution_documents(self):
        return self._execution_do("documents", self.env["sale.order"])

    def _execution_missing(self):
        """Why the solution cannot be marked done ('' when it can)."""
        self.ensure_one()
        return self._execution_do("missing", "")

    def _check_carried_out(self):
        missing = self._execution_missing()
        if missing:
            raise UserError(
                self.env._(
                    "%(solution)s is not carried out yet: %(missing)s",
                    solution=self.display_name,
                    missing=missing,
                )
            )

    def _has_executed_document(self):
        """A confirmed order or a posted credit note: not cancelled silently."""
        self.ensure_one()
        return (self.reprint_order_id.state == "sale") or any(
            move.state == "posted" for move in self.credit_note_ids
        )

    def _check_accepted_before(self, what):
        """The documents of a solution are confirmed (what="confirm") or
        posted (what="post") only once the customer has accepted it."""
        early = self.filtered(lambda s: s.state not in ("in_execution", "done"))
        if not early:
            return
        solution = early[0].display_name
        if what == "post":
            raise UserError(
                self.env._(
                    "%(solution)s is not accepted by the customer yet: its credit "
                    "note cannot be posted.",
                    solution=solution,
                )
            )
        raise UserError(
            self.env._(
                "%(solution)s is not accepted by the customer yet: its "
                "reprint order cannot be confirmed.",
                solution=solution,
            )
        )

    # ------------------------------------------------------------------
    # The solution's life: approved, accepted, done or cancelled
    # ------------------------------------------------------------------
    def _prepare_documents(self):
        """Once approved, the documents are drafted for finance and sales to
        check: a reprint quotation, a draft credit note. They are confirmed or
        posted only after the customer accepts (see _start_execution)."""
        for solution in self:
            solution._execution_do("draft")

    def _start_execution(self):
        """The customer accepted: the reprint order is confirmed, the credit
        notes wait for finance to post them, the discount code is sent."""
        self._procedure_write({"state": "in_execution"})
        self._prepare_documents()
        for solution in self:
            solution._execution_do("start")

    def _cancel_draft_documents(self):
        """A rejected or cancelled solution leaves no live draft behind."""
        orders = self.reprint_order_id.filtered(lambda o: o.state in ("draft", "sent"))
        orders.sudo()._action_cancel()
        self.credit_note_ids.filtered(
            lambda m: m.state == "draft"
        ).sudo().button_cancel()

    def action_cancel(self):
        under_review = self.filtered(lambda s: s._needs_withdrawal())
        if under_review:
            raise UserError(
                self.env._(
                    "%(solution)s is under review or approved: its proposer or a "
                    "complaint manager withdraws it, with the reason.",
                    solution=under_review[0].display_name,
                )
            )
        self._procedure_write({"state": "cancelled"})
        self._cancel_draft_documents()
        return True

    def action_done(self):
        self._procedure_write({"state": "done"})
        for solution in self:
            solution._complaint_log(
                lambda env, solution=solution: env._(
                    "%(solution)s carried out.",
                    solution=solution.with_env(env).display_name,
                )
            )
        return True

    def _record_done(self):
        self._procedure_write({"state": "done"})

    def _nothing(self):
        return 0.0

    def action_view_document(self):
        self.ensure_one()
        documents = self._execution_documents()
        if not documents:
            raise UserError(self.env._("This solution has no document yet."))
        if len(documents) == 1:
            return documents.get_formview_action()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_refund_type"
        )
        action["domain"] = [("id", "in", documents.ids)]
        return action

    def _notify_new_deadline(self):
        # Written to the customer: in the customer's language.
        for solution in self:
            ticket = solution.ticket_id
            ticket._complaint_note(
                lambda env, solution=solution: env._(
                    "New date for %(solution)s: %(date)s. We apologise for the delay.",
                    solution=solution.with_env(env).type_id.name,
                    date=solution.deadline,
                ),
                customer=True,
                partner_ids=ticket.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
            )

    def _late_reminders(self, today):
        """Values of the activities asking the complaints' owners to set a
        new date for these late solutions (the customer is told of it): the
        type and summary worked out once per language and kind of solution,
        not once per solution."""
        self.ticket_id._complaint_fetch_for_crons()
        shared = {}
        vals_list = []
        for solution in self:
            ticket = solution.ticket_id
            owner = ticket._complaint_owner()
            if not owner:
                continue
            key = (owner.lang, solution.type_id)
            if key not in shared:
                summary = _late_summary(solution.type_id)
                shared[key] = ticket._complaint_activity_vals(
                    LATE_SOLUTION_ACTIVITY, owner, today, summary
                )
            vals_list.append(dict(shared[key], res_id=ticket.id, user_id=owner.id))
        return vals_list

    def _flag_deadline_missed(self):
        """Mark these late solutions as reminded: the reminders cron's own
        flag (nothing depends on it or tracks it), written for the whole
        batch with one UPDATE rather than by write() in chunks, with its
        tracking and reviews' checks."""
        if not self:
            return
        self.flush_recordset(["deadline_missed_notified"])
        self.env.cr.execute(
            SQL(
                "UPDATE printing_complaint_solution"
                " SET deadline_missed_notified = TRUE, write_uid = %s,"
                " write_date = %s WHERE id = ANY(%s)",
                self.env.uid,
                self.env.cr.now(),
                self.ids,
            )
        )
        self.invalidate_recordset(
            ["deadline_missed_notified", "write_uid", "write_date"], flush=False
        )
        self.modified(["deadline_missed_notified"])

    # ------------------------------------------------------------------
    # Reprint, rework, replacement: a new sale order
    # ------------------------------------------------------------------
    def _reprint_quantity(self, line):
        return self.quantity or line.product_uom_qty

    def _reprint_amount(self):
        """What the customer pays: their share of the lines' price."""
        price = sum(
            self._reprint_quantity(line) * line.price_unit * (1 - line.discount / 100)
            for line in self.sale_line_ids
        )
        return self.currency_id.round(price * self.customer_share / 100)

    def _reprint_cost(self):
        """The production cost the customer's share does not cover."""
        production = sum(
            self._reprint_quantity(line) * line.product_id.standard_price
            for line in self.sale_line_ids
        )
        return max(production - self.amount, 0.0)

    def _reprint_documents(self):
        return self.reprint_order_id

    def _draft_reprint_order(self):
        """A quotation of the affected lines at the customer's share of the
        price, marked as a complaint reprint and linked to the original."""
        self.ensure_one()
        if self.reprint_order_id:
            return self.reprint_order_id
        origin = self.ticket_id.sale_order_id
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
                    "order_line": self._reprint_line_commands(),
                }
            )
        )
        self._procedure_write({"reprint_order_id": order.id})
        return self.reprint_order_id

    def _reprint_line_commands(self):
        share = self.customer_share / 100
        return [
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
        ]

    def _confirm_reprint_order(self):
        """The reprint goes to production; QC is asked to release the goods
        (printing.complaint.inspection) before they leave."""
        self.reprint_order_id.action_confirm()
        ticket = self.ticket_id
        qc_user = self.company_id.complaint_qc_user_id
        ticket._complaint_schedule_activities(
            [
                ticket._complaint_activity_vals(
                    RELEASE_ACTIVITY,
                    qc_user,
                    self.deadline or fields.Date.context_today(self),
                    lambda env: env._(
                        "Inspect and release the goods of %(solution)s",
                        solution=self.with_env(env).display_name,
                    ),
                )
            ]
        )

    def _qc_released(self):
        """QC's last inspection of the goods released them."""
        return self.inspection_ids[:1].result == "pass"

    def _reprint_missing(self):
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
        if not self._qc_released():
            return self.env._("QC has not released the reprinted goods.")
        if undelivered:
            return self.env._("the reprint order is not fully delivered.")
        return ""

    # ------------------------------------------------------------------
    # Refund and price reduction: credit notes reversing the invoices
    # ------------------------------------------------------------------
    def _refund_amount(self):
        """A full refund starts at what is still refundable."""
        if self.type_id.full_refund and not self.amount:
            return self._refundable_amount()
        return self.amount

    def _credit_note_documents(self):
        return self.credit_note_ids

    def _credit_notes_missing(self):
        if not self.credit_note_ids or any(
            move.state != "posted" for move in self.credit_note_ids
        ):
            return self.env._("the credit note is not posted.")
        return ""

    def _draft_refund_credit_notes(self):
        """Credit notes reversing the invoices of the lines, for the agreed
        amount spread over the lines in proportion to what was invoiced."""
        self.ensure_one()
        if self.credit_note_ids:
            return self.credit_note_ids
        invoice_lines = self._invoiced_lines()
        if not invoice_lines:
            raise UserError(
                self.env._(
                    "%(solution)s: the order lines have no posted invoice to refund.",
                    solution=self.display_name,
                )
            )
        invoices = invoice_lines.move_id
        credit_notes = self._reverse_invoices(invoices)
        shares = self._refund_shares(invoice_lines)
        for invoice, credit_note in zip(invoices, credit_notes, strict=True):
            commands = [
                Command.delete(line.id) for line in credit_note.invoice_line_ids
            ]
            commands += [
                self._refund_line_command(line, shares[line], credit_note)
                for line in invoice_lines.filtered(
                    lambda aml, i=invoice: aml.move_id == i
                )
            ]
            credit_note.write({"invoice_line_ids": commands})
        return credit_notes

    def _reverse_invoices(self, invoices):
        """Draft credit notes reversing invoices, linked to this solution."""
        return invoices.sudo()._reverse_moves(
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

    def _refund_shares(self, invoice_lines):
        """The agreed amount spread over the invoice lines in proportion to
        what they invoiced; the last line takes the rounding."""
        invoiced = -sum(invoice_lines.mapped("balance"))
        remaining = self.amount
        shares = {}
        for line in invoice_lines[:-1]:
            shares[line] = self.currency_id.round(
                self.amount * -line.balance / invoiced
            )
            remaining -= shares[line]
        shares[invoice_lines[-1]] = remaining
        return shares

    def _refund_line_command(self, line, amount, credit_note):
        return Command.create(
            {
                "product_id": line.product_id.id,
                "name": line.name,
                "quantity": 1,
                "product_uom_id": line.product_uom_id.id,
                "price_unit": self._in_move_currency(amount, credit_note),
                "discount": 0.0,
                "tax_ids": [Command.set(line.tax_ids.ids)],
                "account_id": line.account_id.id,
                "analytic_distribution": line.analytic_distribution,
                "complaint_sale_line_id": line.sale_line_ids[:1].id,
            }
        )

    def _in_move_currency(self, amount, move):
        if move.currency_id == self.currency_id:
            return amount
        return self.currency_id._convert(
            amount, move.currency_id, move.company_id, move.invoice_date
        )

    # ------------------------------------------------------------------
    # Compensation: a credit note, or a booking noted by finance
    # ------------------------------------------------------------------
    def _compensation_missing(self):
        if self.compensation_booking == "credit_note":
            return self._credit_notes_missing()
        if not self.booking_note:
            return self.env._("finance has not recorded how it was booked.")
        return ""

    def _draft_compensation_credit_note(self):
        self.ensure_one()
        if self.compensation_booking != "credit_note" or self.credit_note_ids:
            return self.credit_note_ids
        order = self.ticket_id.sale_order_id
        return (
            self.env["account.move"]
            .sudo()
            .create(
                {
                    "move_type": "out_refund",
                    "partner_id": order.partner_invoice_id.id or self.partner_id.id,
                    "company_id": self.company_id.id,
                    "invoice_date": fields.Date.context_today(self),
                    "ref": self.env._(
                        "Complaint %(number)s: compensation",
                        number=self.ticket_id.number,
                    ),
                    "complaint_solution_id": self.id,
                    "invoice_user_id": (order.user_id or self.ticket_id.user_id).id,
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

    # ------------------------------------------------------------------
    # Discount on future orders: a code of the complaint coupon program
    # ------------------------------------------------------------------
    def _discount_documents(self):
        return self.discount_card_id

    def _discount_missing(self):
        if not self.discount_card_id:
            return self.env._("the discount code is not created.")
        return ""

    def _send_discount_code(self):
        """A one-customer discount code worth the agreed amount on a future
        order (a coupon of the company's complaint discount program), mailed
        to the customer; the solution is then done."""
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
        self._procedure_write({"discount_card_id": card.id})
        self.ticket_id.message_post_with_source(
            "printing_complaint.mail_template_complaint_discount_code",
            render_values={"solution": self},
            subtype_xmlid="mail.mt_comment",
        )
        self._procedure_write({"state": "done"})
        return self.discount_card_id
