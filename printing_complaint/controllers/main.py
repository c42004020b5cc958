# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from urllib.parse import urlencode

from werkzeug.exceptions import BadRequest, NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request
from odoo.tools.misc import get_lang

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

    @http.route(
        ["/my/ticket/<int:ticket_id>/confirm_closure"],
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_complaint_confirm_closure(self, ticket_id, access_token=None, **kw):
        """The customer confirms the complaint can be closed."""
        try:
            ticket_sudo = self._document_check_access(
                "helpdesk.ticket", ticket_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if (
            ticket_sudo.complaint_step == "closure"
            and not ticket_sudo.closure_confirmed
        ):
            ticket_sudo.action_confirm_closure(
                channel=request.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
            )
            ticket_sudo.message_post(
                body=request.env._("The customer confirmed the closure in the portal."),
                author_id=ticket_sudo.partner_id.id,
                subtype_xmlid="mail.mt_note",
            )
        return request.redirect(ticket_sudo.get_portal_url())


class ComplaintRating(http.Controller):
    """The 1-5 satisfaction rating asked by the closure email. Odoo's own
    /rate pages know three smileys (1, 3, 5) only; the complaint procedure
    rates on five levels, stored on the same rating records."""

    def _complaint_rating(self, token):
        rating_sudo = (
            request.env["rating.rating"]
            .sudo()
            .search([("access_token", "=", token)], limit=1)
        )
        if not token or rating_sudo.res_model != "helpdesk.ticket":
            raise NotFound()
        ticket_sudo = request.env["helpdesk.ticket"].sudo().browse(rating_sudo.res_id)
        if not ticket_sudo.exists() or not ticket_sudo.is_complaint:
            raise NotFound()
        return rating_sudo, ticket_sudo

    @http.route(
        "/complaint/rate/<string:token>/<int:score>",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
    )
    def complaint_rating_page(self, token, score, **kw):
        """Show the chosen score with a comment box: a GET changes nothing
        (mail scanners open links), the customer submits the form."""
        rating_sudo, ticket_sudo = self._complaint_rating(token)
        if score not in range(1, 6):
            raise BadRequest()
        lang = rating_sudo.partner_id.lang or get_lang(request.env).code
        return (
            request.env["ir.ui.view"]
            .with_context(lang=lang)
            ._render_template(
                "printing_complaint.portal_complaint_rating_submit",
                {
                    "rating": rating_sudo,
                    "ticket": ticket_sudo,
                    "token": token,
                    "score": score,
                },
            )
        )

    @http.route(
        "/complaint/rate/<string:token>/submit",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def complaint_rating_submit(self, token, score=None, feedback=None, **kw):
        rating_sudo, ticket_sudo = self._complaint_rating(token)
        try:
            score = int(score)
        except (TypeError, ValueError) as error:
            raise BadRequest() from error
        try:
            ticket_sudo._complaint_apply_rating(
                score, (feedback or "")[:4000], False, token=token
            )
        except UserError as error:
            raise BadRequest(str(error)) from error
        lang = rating_sudo.partner_id.lang or get_lang(request.env).code
        return (
            request.env["ir.ui.view"]
            .with_context(lang=lang)
            ._render_template(
                "rating.rating_external_page_view",
                {"web_base_url": rating_sudo.get_base_url(), "rating": rating_sudo},
            )
        )
