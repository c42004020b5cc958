# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import ValidationError
from odoo.http import request

from odoo.addons.mail.controllers.attachment import AttachmentController


def read_uploads(uploads, company):
    """The uploaded files as (name, bytes), for ir.attachment's check of a
    customer's files: each read up to one byte over company's size limit
    (enough to refuse it) and rewound for whoever reads it next."""
    limit = request.env["ir.attachment"]._complaint_customer_file_limit(company)
    files = []
    for upload in uploads:
        files.append((upload.filename or "", upload.read(limit + 1)))
        upload.seek(0)
    return files


def checked_form_files(company):
    """The files of the posted form (field "attachment") checked as a
    customer's files for a complaint of company: (name, bytes, mimetype)."""
    uploads = [
        upload
        for upload in request.httprequest.files.getlist("attachment")
        if upload.filename
    ]
    return request.env["ir.attachment"]._complaint_check_customer_files(
        read_uploads(uploads, company), company
    )


class ComplaintAttachmentController(AttachmentController):
    @http.route()
    def mail_attachment_upload(
        self, ufile, thread_id, thread_model, is_pending=False, **kwargs
    ):
        """A customer's file for a complaint's chatter is checked as it is
        uploaded, so the portal says at once what is wrong with it (it is
        checked again when the message links it to the complaint)."""
        if thread_model == "helpdesk.ticket" and request.env.user.share:
            Ticket = request.env["helpdesk.ticket"]
            # Only for whom may post there (the parent answers the others).
            complaint = Ticket._get_thread_with_access(
                int(thread_id), mode=Ticket._mail_post_access, **kwargs
            )
            if complaint and complaint.sudo().is_complaint:
                company = complaint.sudo().company_id
                try:
                    request.env["ir.attachment"]._complaint_check_customer_files(
                        read_uploads([ufile], company), company
                    )
                except ValidationError as error:
                    return request.make_json_response({"error": error.args[0]})
        return super().mail_attachment_upload(
            ufile, thread_id, thread_model, is_pending=is_pending, **kwargs
        )
