# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

HANDLING_ACTIONS = [
    ("refer", "Refer to a supervisor or technician"),
    ("waive_evidence", "Waive the evidence"),
    ("bad_faith", "Mark as a bad-faith complaint"),
    ("back_to_solution", "Back to the solution step"),
]


class PrintingComplaintHandlingWizard(models.TransientModel):
    """The reason (and, for a referral, the person) of a handler's decision
    outside the steps; the complaint checks who may take it
    (models/helpdesk_ticket_handling.py)."""

    _name = "printing.complaint.handling.wizard"
    _description = "Refer a complaint, waive its evidence or mark bad faith"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    action = fields.Selection(HANDLING_ACTIONS, required=True, readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Refer to",
        domain=[("share", "=", False)],
        help="The supervisor or technician who takes over or helps.",
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        ticket = self.ticket_id
        if self.action == "refer":
            ticket._complaint_refer(self.user_id, self.reason)
        elif self.action == "waive_evidence":
            ticket._complaint_waive_evidence(self.reason)
        elif self.action == "back_to_solution":
            ticket._complaint_back_to_solution(self.reason)
        else:
            ticket._complaint_mark_bad_faith(self.reason)
        return {"type": "ir.actions.act_window_close"}
