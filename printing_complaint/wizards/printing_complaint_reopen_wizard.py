# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PrintingComplaintReopenWizard(models.TransientModel):
    _name = "printing.complaint.reopen.wizard"
    _description = "Reopen a closed complaint"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    reason = fields.Text(required=True)

    def action_reopen(self):
        self.ensure_one()
        self.ticket_id._complaint_reopen(self.reason)
        return {"type": "ir.actions.act_window_close"}
