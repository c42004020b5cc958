# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A complaint that duplicates another: merged into the original (its
messages, files and evidence move there) and closed."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    # helpdesk_mgmt's field, indexed: the form counts a ticket's duplicates,
    # which otherwise reads the whole table.
    duplicate_id = fields.Many2one(index="btree_not_null", groups="base.group_user")

    def action_merge_duplicate(self):
        """Merge this complaint into the one it duplicates: its messages,
        files and evidence move to the original, and it closes."""
        for ticket in self:
            original = ticket.duplicate_id
            if not original or original == ticket:
                raise UserError(
                    self.env._("Set the original complaint in “Duplicate of” first.")
                )
            if original.duplicate_id == ticket:
                raise UserError(
                    self.env._("Two complaints cannot duplicate each other.")
                )
            # Set before the constraint, or the customer changed since.
            ticket._check_duplicate_of_same_customer()
            ticket._move_thread_to(original)
            original._complaint_note(
                lambda env, ticket=ticket: env._(
                    "Complaint %(number)s was merged into this one.",
                    number=ticket.number,
                )
            )
            ticket.validity = "duplicate"
            ticket._complaint_move("closed")
            ticket._complaint_note(
                lambda env, original=original: env._(
                    "Merged into %(number)s: its messages and files are there.",
                    number=original.number,
                )
            )
        return True

    @api.constrains("duplicate_id", "partner_id", "company_id", "team_id")
    def _check_duplicate_of_same_customer(self):
        """A complaint duplicates one of the same customer and company only:
        merging moves its messages and files, seen by the other's customer."""
        tickets = (self | self.sudo().duplicate_ids).sudo()
        for ticket in tickets.filtered(lambda t: t.is_complaint and t.duplicate_id):
            original = ticket.duplicate_id
            if (
                original.commercial_partner_id != ticket.commercial_partner_id
                or original.company_id != ticket.company_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(number)s cannot duplicate %(original)s: it is another "
                        "customer's or another company's complaint.",
                        number=ticket.number,
                        original=original.number,
                    )
                )

    def _move_thread_to(self, original):
        """Messages, files and evidence of this complaint go to original."""
        self.ensure_one()
        for model in ("mail.message", "ir.attachment"):
            field = "model" if model == "mail.message" else "res_model"
            self.env[model].sudo().search(
                [(field, "=", self._name), ("res_id", "=", self.id)]
            ).write({"res_id": original.id})
        self.with_context(active_test=False).evidence_ids.sudo().write(
            {"ticket_id": original.id}
        )
