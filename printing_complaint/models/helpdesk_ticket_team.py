# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.mail.tools.alias_error import AliasError


class HelpdeskTicketTeam(models.Model):
    _name = "helpdesk.ticket.team"
    _inherit = ("helpdesk.ticket.team", "printing.complaint.number.mixin")

    # An email that opens a complaint: larger bodies are refused (bounced).
    COMPLAINT_EMAIL_MAX_BODY = 200_000

    is_complaint_team = fields.Boolean(
        string="Handles complaints",
        help="Tickets of this team follow the complaint procedure: steps, "
        "gates, time limits and the complaint number.",
    )
    # An overall target besides the step limits (a quick-print shop: first
    # answer within 24 h, result within 3 working days); 0: none.
    complaint_answer_hours = fields.Float(
        string="First answer within (hours)",
        help="Our verification result is told to the customer within this many "
        "hours of receiving the complaint. 0: no target.",
    )
    complaint_result_days = fields.Integer(
        string="Result within (working days)",
        help="Our solution is offered to the customer (or the complaint "
        "closed) within this many working days of receiving it. 0: no target.",
    )

    @api.constrains("complaint_answer_hours", "complaint_result_days")
    def _check_complaint_targets(self):
        if any(
            team.complaint_answer_hours < 0 or team.complaint_result_days < 0
            for team in self
        ):
            raise ValidationError(self.env._("A team's target cannot be negative."))

    @api.model
    def _complaint_team_of_company(self, company):
        """The team that handles the complaints of company (a team of no
        company serves them all); empty if there is none."""
        return self.search(
            [
                ("is_complaint_team", "=", True),
                ("company_id", "in", [company.id, False]),
            ],
            limit=1,
        )

    def _get_applicable_stages(self):
        """A complaint team uses only its own stages: the complaint steps."""
        if len(self) == 1 and self.is_complaint_team:
            return self.env["helpdesk.ticket.stage"].search(
                [("team_ids", "=", self.id)]
            )
        return super()._get_applicable_stages()

    def _alias_get_error(self, message, message_dict, alias):
        """An email to a complaint team's alias opens a complaint only from a
        known customer, with a subject and a readable body; anything else is
        bounced with the alias's message and registers nothing. (Replies to a
        complaint are checked on the complaint, with the usual rules.)"""
        error = super()._alias_get_error(message, message_dict, alias)
        if error or not self.is_complaint_team:
            return error
        if not message_dict.get("author_id"):
            return AliasError(
                "complaint_unknown_sender",
                self.env._("complaints are registered from known customers only"),
            )
        if not (message_dict.get("subject") or "").strip():
            return AliasError(
                "complaint_no_subject", self.env._("a complaint needs a subject")
            )
        if len(message_dict.get("body") or "") > self.COMPLAINT_EMAIL_MAX_BODY:
            return AliasError(
                "complaint_body_too_large",
                self.env._("the message is too large to be registered"),
            )
        return False
