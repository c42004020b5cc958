# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model_create_multi
    def create(self, vals_list):
        """A file attached to a complaint (form, chatter, email, portal)
        becomes a piece of evidence, dated the day it was received."""
        attachments = super().create(vals_list)
        attachments._complaint_make_evidence()
        return attachments

    def write(self, vals):
        # The chatter (backend or portal) uploads first, then links the file
        # to the complaint when the message is posted.
        result = super().write(vals)
        if {"res_model", "res_id"} & set(vals):
            self._complaint_make_evidence()
        return result

    def _complaint_make_evidence(self):
        on_tickets = self.filtered(
            lambda a: a.res_model == "helpdesk.ticket" and a.res_id and not a.res_field
        )
        if not on_tickets:
            return
        tickets = self.env["helpdesk.ticket"].sudo().browse(on_tickets.mapped("res_id"))
        complaints = set(tickets.filtered("is_complaint").ids)
        Evidence = self.env["printing.complaint.evidence"].sudo()
        known = set(
            Evidence.with_context(active_test=False)
            .search([("attachment_id", "in", on_tickets.ids)])
            .attachment_id.ids
        )
        Evidence.create(
            [
                {
                    "ticket_id": attachment.res_id,
                    "attachment_id": attachment.id,
                    "name": attachment.name,
                    "kind": Evidence._kind_of_mimetype(attachment.mimetype),
                }
                for attachment in on_tickets
                if attachment.res_id in complaints and attachment.id not in known
            ]
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_complaint_evidence(self):
        evidence = (
            self.env["printing.complaint.evidence"]
            .sudo()
            .with_context(active_test=False)
            .search([("attachment_id", "in", self.ids)], limit=1)
        )
        if evidence:
            raise UserError(
                self.env._(
                    "%(name)s is evidence of complaint %(number)s: archive the "
                    "evidence instead of deleting the file.",
                    name=evidence.name,
                    number=evidence.ticket_id.number,
                )
            )
