# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The 8D report sent to the customer from the complaint: once the quality
manager approved it (printing_complaint's helpdesk_ticket_eight_d_review.py),
the owner sends it by email with the PDF attached, from the composer; the
sending is recorded on the complaint."""

from odoo import fields, models
from odoo.exceptions import UserError

EIGHT_D_TEMPLATE = "printing_complaint_report.mail_template_complaint_8d"
MARK_SENT = "complaint_mark_eight_d_sent"


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    def action_send_eight_d(self):
        """Open the composer with the 8D email and its PDF, for the
        customer. Only an approved 8D is sent."""
        self.ensure_one()
        self.check_access("write")
        self._check_eight_d_approved()
        template = self.env.ref(EIGHT_D_TEMPLATE)
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
                "default_email_layout_xmlid": "mail.mail_notification_light",
                "force_email": True,
                MARK_SENT: True,
            },
        }

    def _check_eight_d_approved(self):
        for ticket in self:
            if not ticket.sudo().eight_d_reviewed_date:
                raise UserError(
                    self.env._(
                        "The quality manager approves the 8D of %(number)s "
                        "before it is sent to the customer.",
                        number=ticket.number,
                    )
                )

    def message_post(self, **kwargs):
        """The composer opened by Send the 8D records the sending."""
        message = super().message_post(**kwargs)
        if self.env.context.get(MARK_SENT) and self.is_complaint:
            self._check_eight_d_approved()
            self.sudo().eight_d_sent_date = fields.Datetime.now()
        return message
