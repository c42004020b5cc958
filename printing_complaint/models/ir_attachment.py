# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.mimetypes import guess_mimetype

# What a customer may attach to a complaint (portal form, portal chatter).
CUSTOMER_FILE_TYPES = ("image/", "video/", "application/pdf")


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    # How many files a customer may send at once (portal form, chatter).
    COMPLAINT_CUSTOMER_MAX_FILES = 10

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

    @api.model
    def _complaint_customer_file_limit(self, company):
        """The largest file (in bytes) a customer may attach to a complaint
        of company: a reader of an upload needs no more than one byte over."""
        return company.complaint_portal_max_file_mb * 1024 * 1024

    @api.model
    def _complaint_check_customer_files(self, files, company):
        """The files a customer sends for a complaint of company, given as
        (name, bytes): at most COMPLAINT_CUSTOMER_MAX_FILES, each checked as
        below. Return them as (name, bytes, mimetype), the name shortened
        for storage, or raise the ValidationError that says what is wrong."""
        if len(files) > self.COMPLAINT_CUSTOMER_MAX_FILES:
            raise ValidationError(
                self.env._(
                    "Attach at most %(count)s files.",
                    count=self.COMPLAINT_CUSTOMER_MAX_FILES,
                )
            )
        return [
            (name[:200], raw, self._complaint_check_customer_file(name, raw, company))
            for name, raw in files
        ]

    @api.model
    def _complaint_check_customer_file(self, name, raw, company):
        """Refuse a customer's file that is too large or is not a photo, a
        video or a PDF (judged on its content, not its name); return its
        mimetype."""
        if len(raw) > self._complaint_customer_file_limit(company):
            raise ValidationError(
                self.env._(
                    "%(file)s is larger than %(size)s MB.",
                    file=name,
                    size=company.complaint_portal_max_file_mb,
                )
            )
        mimetype = guess_mimetype(raw)
        # SVG is a drawing (and a script carrier), not a photo.
        if not mimetype.startswith(CUSTOMER_FILE_TYPES) or "svg" in mimetype:
            raise ValidationError(
                self.env._("%(file)s is not a photo, a video or a PDF.", file=name)
            )
        return mimetype

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
        new = on_tickets.filtered(
            lambda a: a.res_id in complaints and a.id not in known
        )
        if self.env.user.share:
            # A customer's file from the portal (its forms, the chatter).
            # Files of emails are not checked: the gateway posts them as
            # superuser, and an email may carry any document.
            for attachment in new.sudo():
                complaint = tickets.browse(attachment.res_id)
                self._complaint_check_customer_file(
                    attachment.name, attachment.raw, complaint.company_id
                )
        Evidence.create(
            [
                {
                    "ticket_id": attachment.res_id,
                    "attachment_id": attachment.id,
                    "name": attachment.name,
                    "kind": Evidence._kind_of_mimetype(attachment.mimetype),
                }
                for attachment in new
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
