# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from urllib.parse import urlencode

from werkzeug.exceptions import BadRequest

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.portal.controllers.portal import CustomerPortal


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


class ComplaintPortal(CustomerPortal):
    @http.route(
        ["/my/ticket/<int:ticket_id>/decision"],
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_complaint_decision(
        self, ticket_id, decision=None, note=None, access_token=None, **kw
    ):
        """The customer accepts or rejects the offered solutions."""
        try:
            ticket_sudo = self._document_check_access(
                "helpdesk.ticket", ticket_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if decision not in ("accepted", "rejected"):
            raise BadRequest()
        offered = ticket_sudo.solution_ids.filtered(lambda s: s.state == "offered")
        url = ticket_sudo.get_portal_url()
        if ticket_sudo.complaint_step == "confirmation" and offered:
            partner = (
                request.env.user.partner_id
                if not request.env.user._is_public()
                else ticket_sudo.partner_id
            )
            try:
                request.env["printing.complaint.decision"].sudo().create(
                    {
                        "ticket_id": ticket_sudo.id,
                        "decision": decision,
                        "note": (note or "").strip()[:4000],
                        "partner_id": partner.id,
                        "channel_id": request.env.ref(
                            "helpdesk_mgmt.helpdesk_ticket_channel_web"
                        ).id,
                    }
                )
            except UserError as error:
                separator = "&" if "?" in url else "?"
                query = urlencode({"decision_error": str(error)})
                return request.redirect(f"{url}{separator}{query}")
        return request.redirect(url)
