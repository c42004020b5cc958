# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import BadRequest

from odoo import http
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController


class TicketCloseController(HelpdeskTicketController):
    """helpdesk_mgmt's "/ticket/close" (the close buttons of its portal
    page) moved any ticket to any closing stage as superuser, on a GET
    without a CSRF token (a link in an email or an image tag was enough). It
    now answers POST only, with Odoo's CSRF check (the page's buttons post
    their token, views/portal_templates.xml), and closes only the user's own
    plain tickets (models/helpdesk_ticket_procedure.py,
    _portal_close_to_stage), never a complaint."""

    @http.route(methods=["POST"])
    def support_ticket_close(self, **kw):
        try:
            ticket_id = int(kw.get("ticket_id") or 0)
            stage_id = int(kw.get("stage_id") or 0)
        except ValueError as error:
            raise BadRequest() from error
        if not ticket_id:
            raise BadRequest()
        ticket = request.env["helpdesk.ticket"].browse(ticket_id)
        stage = request.env["helpdesk.ticket.stage"].sudo().browse(stage_id).exists()
        ticket._portal_close_to_stage(stage)
        # 302, as helpdesk_mgmt answers (its portal tests expect it).
        return request.redirect(f"/my/ticket/{ticket.id}", code=302)
