# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import ValidationError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController

from .attachment import checked_form_files


class ComplaintTicketController(HelpdeskTicketController):
    """helpdesk_mgmt's portal form ("/new/ticket") when it files a complaint."""

    @http.route()
    def submit_ticket(self, **kw):
        """The complaint's files are checked first: a refused one keeps the
        form with the reason instead of filing the complaint without it."""
        vals = self._prepare_submit_ticket_vals(**kw)
        team = request.env["helpdesk.ticket.team"].sudo().browse(vals.get("team_id"))
        if team.is_complaint_team:
            try:
                checked_form_files(team.company_id or request.env.company)
            except ValidationError as error:
                values = self._get_create_new_ticket_values(**kw)
                values.update(complaint_file_error=error.args[0], complaint_values=kw)
                return request.render(
                    "helpdesk_mgmt.portal_create_ticket", values, status=400
                )
        return super().submit_ticket(**kw)

    def _prepare_submit_ticket_vals(self, **kw):
        """A ticket from the portal form that names no team is a complaint:
        it goes to the company's complaint team and follows the procedure."""
        vals = super()._prepare_submit_ticket_vals(**kw)
        if not vals.get("team_id"):
            team = (
                request.env["helpdesk.ticket.team"]
                .sudo()
                ._complaint_team_of_company(
                    request.env["res.company"].browse(vals["company_id"])
                )
            )
            if team:
                vals["team_id"] = team.id
                vals["stage_id"] = team._get_applicable_stages()[:1].id
        return vals
