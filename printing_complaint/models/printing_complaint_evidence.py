# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

EVIDENCE_KINDS = [
    ("photo", "Photo"),
    ("video", "Video"),
    ("sample", "Physical sample"),
    ("document", "Document"),
]


class PrintingComplaintEvidence(models.Model):
    """A piece of evidence of a complaint, with its kind and the date it was
    received. Files are attachments of the complaint; a physical sample is a
    note. Evidence is archived, never deleted."""

    _name = "printing.complaint.evidence"
    _description = "Complaint Evidence"
    _order = "date_received desc, id desc"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    kind = fields.Selection(EVIDENCE_KINDS, required=True, default="photo")
    name = fields.Char(required=True)
    attachment_id = fields.Many2one("ir.attachment", string="File", index=True)
    datas = fields.Binary(related="attachment_id.datas", string="Content")
    mimetype = fields.Char(related="attachment_id.mimetype")
    date_received = fields.Date(required=True, default=fields.Date.context_today)
    note = fields.Text(help="Where a physical sample is kept, what it shows.")
    active = fields.Boolean(default=True)

    @api.model
    def _kind_of_mimetype(self, mimetype):
        mimetype = mimetype or ""
        if mimetype.startswith("image/"):
            return "photo"
        if mimetype.startswith("video/"):
            return "video"
        return "document"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_evidence(self):
        raise UserError(
            self.env._("Evidence of a complaint is archived, never deleted.")
        )
