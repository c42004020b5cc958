# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    is_complaint_team = fields.Boolean(
        string="Handles complaints",
        help="Tickets of this team follow the complaint procedure: steps, "
        "gates, time limits and the complaint number.",
    )

    def _get_applicable_stages(self):
        """A complaint team uses only its own stages: the complaint steps."""
        if len(self) == 1 and self.is_complaint_team:
            return self.env["helpdesk.ticket.stage"].search(
                [("team_ids", "=", self.id)]
            )
        return super()._get_applicable_stages()
