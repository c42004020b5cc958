# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import uuid
from urllib.parse import urlencode

from psycopg2 import IntegrityError
from werkzeug.exceptions import BadRequest, NotFound

from odoo import Command, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import plaintext2html
from odoo.tools.misc import get_lang

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.mail.controllers.attachment import AttachmentController
from odoo.addons.portal.controllers.portal import CustomerPortal

PORTAL_MAX_FILES = 10
PORTAL_MAX_TEXT = 20000


def checked_customer_files(company):
    """The files of the posted form (field "attachment") as (name, bytes,
    mimetype), each checked as a customer's file for a complaint; the
    uploads are rewound for whoever reads them next."""
    files = [
        upload
        for upload in request.httprequest.files.getlist("attachment")
        if upload.filename
    ]
    if len(files) > PORTAL_MAX_FILES:
        raise ValidationError(
            request.env._("Attach at most %(count)s files.", count=PORTAL_MAX_FILES)
        )
    limit = company.complaint_portal_max_file_mb * 1024 * 1024
    Attachment = request.env["ir.attachment"]
    checked = []
    for upload in files:
        data = upload.read(limit + 1)
        upload.seek(0)
        mimetype = Attachment._complaint_check_customer_file(
            upload.filename, data, company
        )
        checked.append((upload.filename[:200], data, mimetype))
    return checked


class ComplaintTicketController(HelpdeskTicketController):
    @http.route()
    def submit_ticket(self, **kw):
        """helpdesk_mgmt's portal form, when it files a complaint: its files
        are checked first, and a refused one keeps the form with the reason
        instead of filing the complaint without it."""
        vals = self._prepare_submit_ticket_vals(**kw)
        team = request.env["helpdesk.ticket.team"].sudo().browse(vals.get("team_id"))
        if team.is_complaint_team:
            try:
                checked_customer_files(team.company_id or request.env.company)
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


class ComplaintAttachmentController(AttachmentController):
    @http.route()
    def mail_attachment_upload(
        self, ufile, thread_id, thread_model, is_pending=False, **kwargs
    ):
        """A customer's file for a complaint's chatter is checked as it is
        uploaded, so the portal says at once what is wrong with it (it is
        checked again when the message links it to the complaint)."""
        if thread_model == "helpdesk.ticket" and request.env.user.share:
            Ticket = request.env["helpdesk.ticket"]
            # Only for whom may post there (the parent answers the others).
            complaint = Ticket._get_thread_with_access(
                int(thread_id), mode=Ticket._mail_post_access, **kwargs
            )
            if complaint and complaint.sudo().is_complaint:
                company = complaint.sudo().company_id
                limit = company.complaint_portal_max_file_mb * 1024 * 1024
                data = ufile.read(limit + 1)
                ufile.seek(0)
                try:
                    request.env["ir.attachment"]._complaint_check_customer_file(
                        ufile.filename, data, company
                    )
                except ValidationError as error:
                    return request.make_json_response({"error": error.args[0]})
        return super().mail_attachment_upload(
            ufile, thread_id, thread_model, is_pending=is_pending, **kwargs
        )


class ComplaintPortal(CustomerPortal):
    # ------------------------------------------------------------------
    # Filing a complaint against one of the customer's own orders
    # ------------------------------------------------------------------
    def _complaint_orders(self):
        """The confirmed orders of the portal user's company."""
        partner = request.env.user.partner_id.commercial_partner_id
        return (
            request.env["sale.order"]
            .sudo()
            .search(
                [("partner_id", "child_of", partner.id), ("state", "=", "sale")],
                order="date_order desc",
            )
        )

    def _complaint_form_values(self, error=None, values=None):
        return {
            "orders": self._complaint_orders(),
            "requests": request.env["printing.complaint.request"].sudo().search([]),
            "submission_key": (values or {}).get("submission_key") or uuid.uuid4().hex,
            "error": error,
            "values": values or {},
            "page_name": "new_complaint",
        }

    @http.route(
        "/my/complaint/new", type="http", auth="user", methods=["GET"], website=True
    )
    def portal_complaint_new(self, **kw):
        return request.render(
            "printing_complaint.portal_complaint_new", self._complaint_form_values()
        )

    def _complaint_vals(self, kw):
        """The new complaint's values from the form, checked: the order is
        one of the customer's, the lines are lines of that order."""
        env = request.env
        subject = (kw.get("subject") or "").strip()[:200]
        description = (kw.get("description") or "").strip()
        if not subject or not description:
            raise ValidationError(env._("Give a subject and describe the problem."))
        if len(description) > PORTAL_MAX_TEXT:
            raise ValidationError(env._("The description is too long."))
        try:
            order_id = int(kw.get("order") or 0)
            line_ids = [int(line) for line in request.httprequest.form.getlist("lines")]
            request_ids = [
                int(item) for item in request.httprequest.form.getlist("requests")
            ]
            quantity = float(kw.get("quantity") or 0)
        except ValueError as error:
            raise ValidationError(env._("The form holds invalid values.")) from error
        order = self._complaint_orders().filtered(lambda o: o.id == order_id)
        if not order:
            raise ValidationError(env._("Choose one of your confirmed orders."))
        lines = order.order_line.filtered(
            lambda line: line.id in line_ids and not line.display_type
        )
        if not lines or len(lines) != len(set(line_ids)):
            raise ValidationError(env._("Choose the affected lines of that order."))
        if quantity < 0:
            raise ValidationError(env._("The quantity affected cannot be negative."))
        team = (
            env["helpdesk.ticket.team"]
            .sudo()
            .search(
                [
                    ("is_complaint_team", "=", True),
                    ("company_id", "in", [order.company_id.id, False]),
                ],
                limit=1,
            )
        )
        partner = env.user.partner_id
        return {
            "name": subject,
            "description": plaintext2html(description),
            "team_id": team.id,
            "company_id": order.company_id.id,
            "partner_id": partner.id,
            "sale_order_id": order.id,
            "sale_line_ids": [Command.set(lines.ids)],
            "request_ids": [
                Command.set(
                    env["printing.complaint.request"]
                    .sudo()
                    .browse(request_ids)
                    .exists()
                    .ids
                )
            ],
            "quantity_affected": quantity,
            "date_found": kw.get("date_found") or False,
            "channel_id": env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web").id,
            "user_id": order.user_id.id,
            "received_by_id": order.user_id.id,
            "portal_submission_key": (kw.get("submission_key") or "")[:64] or False,
        }

    @http.route(
        "/my/complaint/submit",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_complaint_submit(self, **kw):
        """File the complaint; bad input files nothing and says why."""
        Ticket = request.env["helpdesk.ticket"].sudo()
        key = (kw.get("submission_key") or "")[:64]
        done = key and Ticket.search(
            [
                ("portal_submission_key", "=", key),
                ("partner_id", "=", request.env.user.partner_id.id),
            ],
            limit=1,
        )
        if done:  # the same form sent twice: show what the first filed
            return request.redirect(done.get_portal_url())
        try:
            vals = self._complaint_vals(kw)
            files = checked_customer_files(Ticket.env.company)
            with request.env.cr.savepoint():
                complaint = Ticket.create(vals)
                complaint.message_subscribe(partner_ids=request.env.user.partner_id.ids)
                request.env["ir.attachment"].sudo().create(
                    [
                        {
                            "name": name,
                            "datas": base64.b64encode(data),
                            "mimetype": mimetype,
                            "res_model": "helpdesk.ticket",
                            "res_id": complaint.id,
                        }
                        for name, data, mimetype in files
                    ]
                )
        except (UserError, ValidationError) as error:
            response = request.render(
                "printing_complaint.portal_complaint_new",
                self._complaint_form_values(error=str(error), values=kw),
            )
            response.status_code = 400
            return response
        except IntegrityError:
            # Two submissions of the same form at once: the other one won.
            done = Ticket.search([("portal_submission_key", "=", key)], limit=1)
            return request.redirect(done.get_portal_url() if done else "/my/tickets")
        return request.redirect(complaint.get_portal_url())

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
        if decision == "accepted":
            # Acceptance is signed, like a quotation (see the JSON route).
            return self._redirect_with_decision_error(
                ticket_sudo.get_portal_url(),
                request.env._("Sign to accept the solution."),
            )
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
                return self._redirect_with_decision_error(url, str(error))
        return request.redirect(url)

    @staticmethod
    def _redirect_with_decision_error(url, message):
        """Back to the complaint's page, which shows why nothing was recorded."""
        separator = "&" if "?" in url else "?"
        query = urlencode({"decision_error": message})
        return request.redirect(f"{url}{separator}{query}")

    @http.route(
        ["/my/ticket/<int:ticket_id>/accept"],
        type="json",
        auth="public",
        website=True,
    )
    def portal_complaint_accept(
        self, ticket_id, access_token=None, name=None, signature=None
    ):
        """The customer accepts the offered solutions with a signature (the
        portal's signature form, as for quotations)."""
        env = request.env
        access_token = access_token or request.httprequest.args.get("access_token")
        try:
            ticket_sudo = self._document_check_access(
                "helpdesk.ticket", ticket_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return {"error": env._("Invalid complaint.")}
        offered = ticket_sudo.solution_ids.filtered(lambda s: s.state == "offered")
        if ticket_sudo.complaint_step != "confirmation" or not offered:
            return {"error": env._("There is no offer waiting for your answer.")}
        name = (name or "").strip()[:200]
        if not name or not signature:
            return {"error": env._("Sign with your name to accept.")}
        partner = (
            ticket_sudo.partner_id if env.user._is_public() else env.user.partner_id
        )
        try:
            env["printing.complaint.decision"].sudo().create(
                {
                    "ticket_id": ticket_sudo.id,
                    "decision": "accepted",
                    "partner_id": partner.id,
                    "channel_id": env.ref(
                        "helpdesk_mgmt.helpdesk_ticket_channel_web"
                    ).id,
                    "signed_by": name,
                    "signature": signature,
                    "note": env._(
                        "Accepted and signed in the portal by %(name)s.", name=name
                    ),
                }
            )
        except (UserError, ValidationError, TypeError, ValueError) as error:
            return {"error": str(error)}
        return {"force_refresh": True, "redirect_url": ticket_sudo.get_portal_url()}

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
