# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ComplaintDocument(models.AbstractModel):
    """What every complaint document gets: the complaints the user may read,
    checked up front (a rendering would otherwise read some fields as the
    report's own user)."""

    _name = "report.printing_complaint_report.complaint_document"
    _description = "Complaint document"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["helpdesk.ticket"].browse(docids)
        docs.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "helpdesk.ticket",
            "docs": docs,
            "data": data,
        }


class ComplaintRegistration(models.AbstractModel):
    _name = "report.printing_complaint_report.report_complaint_registration"
    _inherit = "report.printing_complaint_report.complaint_document"
    _description = "Complaint registration form"


class ComplaintVerification(models.AbstractModel):
    _name = "report.printing_complaint_report.report_complaint_verification"
    _inherit = "report.printing_complaint_report.complaint_document"
    _description = "Complaint verification form"


class ComplaintSolutionSheet(models.AbstractModel):
    _name = "report.printing_complaint_report.report_complaint_solution"
    _inherit = "report.printing_complaint_report.complaint_document"
    _description = "Solution confirmation sheet"


class ComplaintConfirmationRecord(models.AbstractModel):
    _name = "report.printing_complaint_report.report_complaint_confirmation"
    _inherit = "report.printing_complaint_report.complaint_document"
    _description = "Customer confirmation record"


class ComplaintProgressLog(models.AbstractModel):
    _name = "report.printing_complaint_report.report_complaint_progress"
    _inherit = "report.printing_complaint_report.complaint_document"
    _description = "Complaint progress log"


class ComplaintClosureReport(models.AbstractModel):
    _name = "report.printing_complaint_report.report_complaint_closure"
    _inherit = "report.printing_complaint_report.complaint_document"
    _description = "Complaint closure report"


class Complaint8dReport(models.AbstractModel):
    _name = "report.printing_complaint_report.report_complaint_8d"
    _inherit = "report.printing_complaint_report.complaint_document"
    _description = "8D report"
