# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The documents of a solution are those approved and accepted: a credit
note, a reprint order or a discount code edited since (price, lines,
quantities, customer) is neither posted nor confirmed. Each kind of
execution names its check (`matches` of EXECUTION_KINDS); the documents
call _check_documents_match next to _check_accepted_before."""

from odoo import models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_round


class PrintingComplaintSolution(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "printing.complaint.solution"  # pylint: disable=consider-merging-classes-inherited

    def _check_documents_match(self):
        """Refuse documents that differ from what was approved. Read as
        superuser: the check counts lines and invoices the user may not read."""
        for solution in self.sudo():
            reason = solution._execution_do("matches", "")
            if reason:
                raise UserError(
                    self.env._(
                        "%(solution)s: %(reason)s A solution's document gives "
                        "what was approved and accepted: correct the document, "
                        "or cancel the solution and propose a new one.",
                        solution=solution.display_name,
                        reason=reason,
                    )
                )

    def _amount_differs(self, amount, expected):
        return (
            float_compare(
                amount, expected, precision_rounding=self.currency_id.rounding
            )
            != 0
        )

    def _billed_partner(self):
        order = self.ticket_id.sale_order_id
        return (order.partner_invoice_id or self.partner_id).commercial_partner_id

    # ------------------------------------------------------------------
    # Credit notes: refund, price reduction, compensation
    # ------------------------------------------------------------------
    def _credit_notes_mismatch(self):
        """Why the live credit notes are not the approved amount (untaxed,
        in company currency) for the customer ('' when they are)."""
        notes = self.credit_note_ids.filtered(lambda m: m.state != "cancel")
        if notes.commercial_partner_id != self._billed_partner():
            return self.env._("the credit note is made out to another customer.")
        total = sum(notes.invoice_line_ids.mapped("balance"))
        if self._amount_differs(total, self.amount):
            return self.env._(
                "the credit notes come to %(total)s untaxed, the approved amount "
                "is %(amount)s.",
                total=self._format_amount(total),
                amount=self._format_amount(self.amount),
            )
        return ""

    def _refund_credit_notes_mismatch(self):
        """A refund's credit notes also credit only the approved lines, and
        no more than is still refundable on them."""
        reason = self._credit_notes_mismatch()
        if reason:
            return reason
        lines = self.credit_note_ids.filtered(
            lambda m: m.state != "cancel"
        ).invoice_line_ids.filtered(lambda aml: aml.display_type == "product")
        allowed = self._refund_lines()
        if any(
            line.complaint_sale_line_id not in allowed
            or line.product_id != line.complaint_sale_line_id.product_id
            for line in lines
        ):
            return self.env._(
                "the credit note credits other products or lines than those approved."
            )
        available = self._refundable_amount()
        if (
            float_compare(
                self.amount, available, precision_rounding=self.currency_id.rounding
            )
            > 0
        ):
            return self.env._(
                "only %(available)s can still be refunded on these lines "
                "(invoiced, minus the credit notes posted since).",
                available=self._format_amount(available),
            )
        return ""

    def _compensation_credit_note_mismatch(self):
        return self._credit_notes_mismatch()

    # ------------------------------------------------------------------
    # Reprint: the quotation drafted once approved
    # ------------------------------------------------------------------
    def _reprint_line_key(self, product, uom, quantity, price, discount):
        precision = self.env["decimal.precision"].precision_get
        return (
            product.id,
            uom.id,
            float_round(
                quantity, precision_digits=precision("Product Unit of Measure")
            ),
            float_round(price, precision_digits=precision("Product Price")),
            float_round(discount, precision_digits=precision("Discount")),
        )

    def _reprint_order_mismatch(self):
        """The reprint order is the origin's customer and currency, with the
        lines drafted: the same products, quantities, prices and discounts."""
        order = self.reprint_order_id
        origin = self.ticket_id.sale_order_id
        if (
            order.partner_id.commercial_partner_id
            != origin.partner_id.commercial_partner_id
            or order.currency_id != origin.currency_id
        ):
            return self.env._(
                "the reprint order is made out to another customer or currency."
            )
        Product, Uom = self.env["product.product"], self.env["uom.uom"]
        expected = sorted(
            self._reprint_line_key(
                Product.browse(vals["product_id"]),
                Uom.browse(vals["product_uom"]),
                vals["product_uom_qty"],
                vals["price_unit"],
                vals["discount"],
            )
            for _command, _id, vals in self._reprint_line_commands()
        )
        actual = sorted(
            self._reprint_line_key(
                line.product_id,
                line.product_uom,
                line.product_uom_qty,
                line.price_unit,
                line.discount,
            )
            for line in order.order_line.filtered(lambda line: not line.display_type)
        )
        if expected != actual:
            return self.env._(
                "the reprint order's products, quantities or prices are not "
                "those approved."
            )
        return ""

    # ------------------------------------------------------------------
    # Discount code: the coupon sent to the customer
    # ------------------------------------------------------------------
    def _discount_card_mismatch(self):
        """The code is the customer's, of the complaint program, and worth
        no more than the approved amount (what is left plus what confirmed
        orders used)."""
        card = self.discount_card_id
        if (
            card.partner_id.commercial_partner_id != self.partner_id
            or not card.program_id.is_complaint_discount
        ):
            return self.env._(
                "the discount code is not the customer's complaint discount."
            )
        used = sum(
            self.env["sale.order.line"]
            .search([("coupon_id", "=", card.id), ("order_id.state", "=", "sale")])
            .mapped("points_cost")
        )
        if (
            float_compare(
                card.points + used,
                self.amount,
                precision_rounding=self.currency_id.rounding,
            )
            > 0
        ):
            return self.env._(
                "the discount code is worth %(value)s, the approved amount is "
                "%(amount)s.",
                value=self._format_amount(card.points + used),
                amount=self._format_amount(self.amount),
            )
        return ""
