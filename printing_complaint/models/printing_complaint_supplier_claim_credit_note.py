# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The vendor credit note of a supplier claim: a reversal of the supplier's
bill scaled to the amount accepted, or one line when there is no bill, and
the checks before finance posts it."""

from odoo import Command, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class PrintingComplaintSupplierClaim(models.Model):
    _inherit = "printing.complaint.supplier.claim"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # The vendor credit note
    # ------------------------------------------------------------------
    def _draft_credit_note(self):
        """A draft vendor credit note of the accepted amount (untaxed): the
        reversal of the supplier's bill, its lines scaled to the amount,
        or a credit note of one line without a bill."""
        self.ensure_one()
        if self.bill_id:
            return self._reverse_bill()
        Move = self.env["account.move"].sudo()
        return Move.create(
            {
                "move_type": "in_refund",
                "partner_id": self.partner_id.id,
                "company_id": self.company_id.id,
                "invoice_date": fields.Date.context_today(self),
                "ref": self._credit_note_ref(),
                "complaint_supplier_claim_id": self.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": self._credit_note_ref(),
                            "quantity": 1,
                            "price_unit": self.accepted_amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )

    def _credit_note_ref(self):
        return self.env._(
            "Claim %(claim)s, complaint %(number)s",
            claim=self.name,
            number=self.ticket_id.number,
        )

    def _reverse_bill(self):
        bill = self.bill_id.sudo()
        credit_note = bill._reverse_moves(
            default_values_list=[
                {
                    "ref": self._credit_note_ref(),
                    "invoice_date": fields.Date.context_today(self),
                    "complaint_supplier_claim_id": self.id,
                }
            ]
        )
        lines = bill.invoice_line_ids.filtered(
            lambda line: line.display_type == "product"
        )
        commands = [Command.delete(line.id) for line in credit_note.invoice_line_ids]
        commands += [
            Command.create(
                {
                    "product_id": line.product_id.id,
                    "name": line.name,
                    "quantity": 1,
                    "product_uom_id": line.product_uom_id.id,
                    "price_unit": amount,
                    "tax_ids": [Command.set(line.tax_ids.ids)],
                    "account_id": line.account_id.id,
                    "analytic_distribution": line.analytic_distribution,
                }
            )
            for line, amount in self._bill_shares(lines).items()
        ]
        credit_note.write({"invoice_line_ids": commands})
        return credit_note

    def _bill_shares(self, lines):
        """The accepted amount spread over the bill's lines in proportion to
        what they cost; the last line takes the rounding."""
        total = sum(lines.mapped("price_subtotal")) or 1.0
        remaining = self.accepted_amount
        shares = {}
        for line in lines[:-1]:
            shares[line] = self.currency_id.round(
                self.accepted_amount * line.price_subtotal / total
            )
            remaining -= shares[line]
        shares[lines[-1]] = remaining
        return shares

    def _check_may_post(self):
        """A claim's credit note is posted once finance approved it, as
        accepted by the supplier."""
        for claim in self:
            if claim.state not in ("approved", "settled"):
                raise UserError(
                    self.env._(
                        "%(claim)s is not approved by finance: its credit note "
                        "cannot be posted.",
                        claim=claim.display_name,
                    )
                )
            move = claim.credit_note_id
            if (
                move
                and float_compare(
                    move.amount_untaxed,
                    claim.accepted_amount,
                    precision_rounding=claim.currency_id.rounding,
                )
                != 0
            ):
                raise UserError(
                    self.env._(
                        "%(claim)s: the credit note is of %(amount)s, the supplier "
                        "accepted %(accepted)s.",
                        claim=claim.display_name,
                        amount=claim._format_amount(move.amount_untaxed),
                        accepted=claim._format_amount(claim.accepted_amount),
                    )
                )
