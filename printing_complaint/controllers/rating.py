# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import BadRequest, NotFound

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools.misc import get_lang


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

    @staticmethod
    def _render_for_customer(rating_sudo, template, values):
        """A page in the language of the rating's customer (a visitor's
        browser may say another)."""
        lang = rating_sudo.partner_id.lang or get_lang(request.env).code
        return (
            request.env["ir.ui.view"]
            .with_context(lang=lang)
            ._render_template(template, values)
        )

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
        return self._render_for_customer(
            rating_sudo,
            "printing_complaint.portal_complaint_rating_submit",
            {
                "rating": rating_sudo,
                "ticket": ticket_sudo,
                "token": token,
                "score": score,
            },
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
        return self._render_for_customer(
            rating_sudo,
            "rating.rating_external_page_view",
            {"web_base_url": rating_sudo.get_base_url(), "rating": rating_sudo},
        )
