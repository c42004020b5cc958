# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The 8D report attached to a supplier claim's email when asked."""

from odoo import models

REPORT_8D = "printing_complaint_report.action_report_complaint_8d"


class PrintingComplaintSupplierClaim(models.Model):
    _inherit = "printing.complaint.supplier.claim"

    def _claim_attachments(self):
        attachments = super()._claim_attachments()
        if not self.send_8d:
            return attachments
        content, kind = (
            self.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf(REPORT_8D, self.ticket_id.ids)
        )
        return attachments | self.env["ir.attachment"].sudo().create(
            {
                "name": self.env._(
                    "8D report - %(number)s.%(kind)s",
                    number=self.ticket_id.number,
                    kind=kind,
                ),
                "raw": content,
                "res_model": self._name,
                "res_id": self.id,
            }
        )
