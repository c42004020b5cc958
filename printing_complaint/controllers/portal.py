# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import math
import uuid
from urllib.parse import urlencode

from psycopg2 import IntegrityError
from werkzeug.exceptions import BadRequest

from odoo import Command, fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import plaintext2html

from odoo.addons.portal.controllers.portal import CustomerPortal

from .attachment import checked_form_files

PORTAL_MAX_TEXT = 20000
# The filing form's single values, shown again after a refusal.
FORM_TEXT_KEYS = (
    "submission_key",
    "order",
    "subject",
    "description",
    "date_found",
    "quantity",
)


class ComplaintPortal(CustomerPortal):
    """The customer's complaint pages: filing one against their own order,
    answering the offer, confirming the closure. The checks are the
    complaint's (models/helpdesk_ticket_portal.py); these read the request
    and turn a refusal into the page's answer."""

    # ------------------------------------------------------------------
    # Filing a complaint against one of the customer's own orders
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        """The home page says "Complaints" on the tickets card when the
        customer's tickets are all complaints."""
        values = super()._prepare_home_portal_values(counters)
        if not counters:
            Ticket = request.env["helpdesk.ticket"]
            values["complaints_only"] = Ticket.has_access("read") and not (
                Ticket.search_count([("is_complaint", "=", False)], limit=1)
            )
        return values

    def _complaint_form_values(self, error=None, values=None, files_dropped=False):
        env = request.env
        return {
            "file_limit_note": env._(
                "Up to %(count)s files, each at most %(size)s MB.",
                count=env["ir.attachment"].COMPLAINT_CUSTOMER_MAX_FILES,
                size=env.company.sudo().complaint_portal_max_file_mb,
            ),
            "files_dropped": files_dropped,
            "orders": request.env["helpdesk.ticket"]._complaint_portal_orders(
                request.env.user.partner_id
            ),
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
        """The new complaint's values from the posted form: its text and
        choices are read here, its order and lines checked by the model."""
        env = request.env
        subject = (kw.get("subject") or "").strip()[:200]
        description = (kw.get("description") or "").strip()
        if not subject or not description:
            raise ValidationError(env._("Give a subject and describe the problem."))
        if len(description) > PORTAL_MAX_TEXT:
            raise ValidationError(env._("The description is too long."))
        form = request.httprequest.form
        try:
            order_id = int(kw.get("order") or 0)
            line_ids = [int(line) for line in form.getlist("lines")]
            request_ids = [int(item) for item in form.getlist("requests")]
            quantity = float(kw.get("quantity") or 0)
        except ValueError as error:
            raise ValidationError(env._("The form holds invalid values.")) from error
        # Checked before the complaint is created: a refusal then would
        # already have drawn its number.
        if not math.isfinite(quantity):
            raise ValidationError(env._("The quantity affected must be a number."))
        try:
            date_found = fields.Date.to_date(kw.get("date_found") or False)
        except ValueError as error:
            raise ValidationError(
                env._("The date found is not a valid date.")
            ) from error
        vals = env["helpdesk.ticket"]._complaint_portal_order_vals(
            env.user.partner_id, order_id, line_ids, quantity
        )
        requests = env["printing.complaint.request"].sudo().browse(request_ids)
        vals.update(
            name=subject,
            description=plaintext2html(description),
            request_ids=[Command.set(requests.exists().ids)],
            date_found=date_found or False,
            portal_submission_key=(kw.get("submission_key") or "")[:64] or False,
        )
        return vals

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
            files = checked_form_files(Ticket.env.company)
            with request.env.cr.savepoint():
                complaint = self._complaint_file(vals, files)
        except (UserError, ValidationError) as error:
            # The form again with what was typed and ticked (a file input
            # cannot be filled in again: the customer is told).
            form = request.httprequest.form
            values = {
                key: kw[key] for key in FORM_TEXT_KEYS if isinstance(kw.get(key), str)
            }
            values.update(
                lines=form.getlist("lines"), requests=form.getlist("requests")
            )
            files_dropped = any(
                upload.filename
                for upload in request.httprequest.files.getlist("attachment")
            )
            response = request.render(
                "printing_complaint.portal_complaint_new",
                self._complaint_form_values(
                    error=str(error), values=values, files_dropped=files_dropped
                ),
            )
            response.status_code = 400
            return response
        except IntegrityError:
            # Two submissions of the same form at once: the other one won.
            done = Ticket.search([("portal_submission_key", "=", key)], limit=1)
            return request.redirect(done.get_portal_url() if done else "/my/tickets")
        # The complaint's page thanks the customer with its number.
        return request.redirect(complaint.get_portal_url(query_string="&filed=1"))

    @staticmethod
    def _complaint_file(vals, files):
        """Create the complaint, its customer following it, with the checked
        files (name, bytes, mimetype) attached as evidence."""
        complaint = request.env["helpdesk.ticket"].sudo().create(vals)
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
        return complaint

    # ------------------------------------------------------------------
    # The customer's answers: the offer, the closure
    # ------------------------------------------------------------------
    @staticmethod
    def _complaint_customer(ticket_sudo):
        """Who answers: the logged-in customer, or the complaint's customer
        for a visitor holding the complaint's link."""
        user = request.env.user
        return ticket_sudo.partner_id if user._is_public() else user.partner_id

    def _complaint_check_access(self, ticket_id, access_token):
        """The complaint (as superuser) for whoever may see it or holds its
        link; None for anyone else."""
        try:
            return self._document_check_access(
                "helpdesk.ticket", ticket_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return None

    @staticmethod
    def _redirect_with_decision_error(url, message):
        """Back to the complaint's page, which shows why nothing was recorded."""
        separator = "&" if "?" in url else "?"
        query = urlencode({"decision_error": message})
        return request.redirect(f"{url}{separator}{query}")

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
        """The customer rejects the offered solutions, saying why (accepting
        is signed: see the JSON route below)."""
        ticket_sudo = self._complaint_check_access(ticket_id, access_token)
        if not ticket_sudo:
            return request.redirect("/my")
        if decision not in ("accepted", "rejected"):
            raise BadRequest()
        url = ticket_sudo.get_portal_url()
        if decision == "accepted":
            return self._redirect_with_decision_error(
                url, request.env._("Sign to accept the solution.")
            )
        if not ticket_sudo._complaint_offer_waiting():
            return request.redirect(url)  # answered already (a second click)
        try:
            ticket_sudo._complaint_portal_decide(
                decision, self._complaint_customer(ticket_sudo), note=note
            )
        except UserError as error:
            return self._redirect_with_decision_error(url, str(error))
        return request.redirect(url)

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
        access_token = access_token or request.httprequest.args.get("access_token")
        ticket_sudo = self._complaint_check_access(ticket_id, access_token)
        if not ticket_sudo:
            return {"error": request.env._("Invalid complaint.")}
        # A malformed signature (not a base64 string) fails as ValueError or
        # TypeError: an error for the signature form as well.
        try:
            ticket_sudo._complaint_portal_decide(
                "accepted",
                self._complaint_customer(ticket_sudo),
                signed_by=name,
                signature=signature,
            )
        except (UserError, TypeError, ValueError) as error:
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
        ticket_sudo = self._complaint_check_access(ticket_id, access_token)
        if not ticket_sudo:
            return request.redirect("/my")
        # The closure note is authored by the complaint's customer.
        ticket_sudo._complaint_portal_confirm_closure(ticket_sudo.partner_id)
        return request.redirect(ticket_sudo.get_portal_url())
