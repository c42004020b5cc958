# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo's major case (printing_complaint's gift boxes) gets its 8D
approved by the quality manager and sent to the customer by the rep, through
the composer, a few hours after it closed (demo data only)."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

MODULE = "printing_complaint"


class PrintingComplaintDemo(models.AbstractModel):
    _inherit = "printing.complaint.demo"

    @api.model
    def _play_eight_d_sent(self):
        ticket = self.env.ref(
            f"{MODULE}.complaint_demo_closed_8d", raise_if_not_found=False
        )
        if not ticket:
            return False
        first_message = self.env["mail.message"].search([], order="id desc", limit=1)
        self._as("qc", ticket).action_approve_eight_d()
        action = self._as("rep", ticket).action_send_eight_d()
        composer = (
            self._as("rep", self.env["mail.compose.message"])
            .with_context(**action["context"])
            .create({})
        )
        composer.action_send_mail()
        self._date_eight_d(ticket.sudo(), first_message.id)
        return True

    def _date_eight_d(self, ticket, after_message_id):
        """Approved an hour after the closure, sent an hour later."""
        closed = ticket.closed_date or fields.Datetime.now()
        approved, sent = closed + timedelta(hours=1), closed + timedelta(hours=2)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE helpdesk_ticket SET eight_d_reviewed_date = %s,"
                " eight_d_sent_date = %s WHERE id = %s",
                approved,
                sent,
                ticket.id,
            )
        )
        self.env.cr.execute(
            SQL(
                "UPDATE mail_message SET date = %s WHERE id > %s AND model ="
                " 'helpdesk.ticket' AND res_id = %s",
                sent,
                after_message_id,
                ticket.id,
            )
        )
        self.env.invalidate_all()
