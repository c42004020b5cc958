# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Praise and suggestions: recorded and answered without the complaint
procedure. Praise is shared with the team once answered; a suggestion is
reviewed, and the customer told whether it was adopted."""

from markupsafe import Markup

from odoo import fields, models
from odoo.tools import html2plaintext

SUGGESTION_DECISIONS = [
    ("adopted", "Adopted"),
    ("not_adopted", "Not adopted"),
]


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    suggestion_decision = fields.Selection(
        SUGGESTION_DECISIONS,
        tracking=True,
        copy=False,
        help="The review of a suggestion, told to the customer with the answer.",
    )

    def _gate_feedback_facts(self):
        """What praise and suggestions need before they close."""
        checks = [(self.feedback_answer, self.env._("the answer to the customer"))]
        if self.feedback_type == "suggestion":
            checks.append(
                (
                    self.suggestion_decision,
                    self.env._("whether the suggestion is adopted"),
                )
            )
        return checks

    def _complaint_enter_step(self, now):
        res = super()._complaint_enter_step(now)
        self.filtered(
            lambda t: t.feedback_type == "praise" and t.complaint_step == "closed"
        )._share_praise()
        return res

    def _share_praise(self):
        """Tell the team's followers (its members) about the praise, in the
        language of the complaint's internal notes."""
        for ticket in self:
            env = ticket.with_context(lang=ticket._complaint_internal_lang()).env
            body = Markup("<p>%s</p><blockquote>%s</blockquote>") % (
                env._(
                    "Praise from %(customer)s (%(number)s): thank you all!",
                    customer=ticket.partner_id.display_name or "-",
                    number=ticket.number,
                ),
                html2plaintext(ticket.description or "").strip(),
            )
            ticket.team_id.sudo().message_post(
                body=body, subtype_xmlid="mail.mt_comment"
            )
