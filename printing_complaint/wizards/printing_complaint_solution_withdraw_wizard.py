# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PrintingComplaintSolutionWithdrawWizard(models.TransientModel):
    _name = "printing.complaint.solution.withdraw.wizard"
    _description = "Withdraw a complaint solution under review or approved"

    solution_id = fields.Many2one(
        "printing.complaint.solution", required=True, ondelete="cascade"
    )
    reason = fields.Text(required=True)

    def action_withdraw(self):
        self.ensure_one()
        self.solution_id._withdraw(self.reason)
        return {"type": "ir.actions.act_window_close"}
