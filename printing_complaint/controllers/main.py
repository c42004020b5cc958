# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController


class ComplaintTicketController(HelpdeskTicketController):
    def _prepare_submit_ticket_vals(self, **kw):
        """A ticket from the portal form that names no team is a complaint:
        it goes to the company's complaint team and follows the procedure."""
        vals = super()._prepare_submit_ticket_vals(**kw)
        if not vals.get("team_id"):
            team = (
                request.env["helpdesk.ticket.team"]
                .sudo()
                .search(
                    [
                        ("is_complaint_team", "=", True),
                        ("company_id", "in", [vals["company_id"], False]),
                    ],
                    limit=1,
                )
            )
            if team:
                vals["team_id"] = team.id
                vals["stage_id"] = team._get_applicable_stages()[:1].id
        return vals
