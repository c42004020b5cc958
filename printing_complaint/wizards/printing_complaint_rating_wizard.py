# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

SCORES = [
    ("1", "1 - Very dissatisfied"),
    ("2", "2 - Dissatisfied"),
    ("3", "3 - Neutral"),
    ("4", "4 - Satisfied"),
    ("5", "5 - Very satisfied"),
]


class PrintingComplaintRatingWizard(models.TransientModel):
    """The rating the customer gave by phone or in person, recorded by the
    rep on the complaint's closure rating."""

    _name = "printing.complaint.rating.wizard"
    _description = "Record the customer's rating"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    score = fields.Selection(SCORES, string="Satisfaction", required=True)
    channel_id = fields.Many2one(
        "helpdesk.ticket.channel",
        string="Given through",
        default=lambda self: self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_channel_phone", raise_if_not_found=False
        ),
    )
    feedback = fields.Text(string="Customer's comment")

    def action_record(self):
        self.ensure_one()
        self.ticket_id._complaint_apply_rating(
            int(self.score), self.feedback, False, channel=self.channel_id
        )
        return {"type": "ir.actions.act_window_close"}
