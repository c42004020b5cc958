# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, models
from odoo.exceptions import UserError, ValidationError

from .helpdesk_ticket_stage import COMPLAINT_STEPS


class HelpdeskTicket(models.Model):
    """What the customer does to a complaint in the portal: file it against
    one of their orders, answer the offer, confirm the closure. The portal's
    controllers parse the request and call these; they hold the checks."""

    # Apart on purpose: one concern per file (helpdesk_ticket.py holds the
    # procedure), so pylint-odoo's advice to merge them is declined.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _complaint_web_channel(self):
        return self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")

    # ------------------------------------------------------------------
    # Filing a complaint against one of the customer's own orders
    # ------------------------------------------------------------------
    @api.model
    def _complaint_portal_orders(self, partner):
        """The confirmed orders of partner's company, newest first (read as
        superuser: a portal user may not read every line of them)."""
        return (
            self.env["sale.order"]
            .sudo()
            .search(
                [
                    ("partner_id", "child_of", partner.commercial_partner_id.id),
                    ("state", "=", "sale"),
                ],
                order="date_order desc",
            )
        )

    @api.model
    def _complaint_portal_order_vals(self, partner, order_id, line_ids, quantity):
        """The values of a complaint partner files in the portal about lines
        line_ids of order order_id, checked: the order is one of partner's
        confirmed orders, the lines are product lines of it, the quantity
        is not negative. It goes to the order's company's complaint team,
        received by the order's salesperson, through the web channel."""
        order = self._complaint_portal_orders(partner).filtered(
            lambda o: o.id == order_id
        )
        if not order:
            raise ValidationError(self.env._("Choose one of your confirmed orders."))
        lines = order.order_line.filtered(
            lambda line: line.id in line_ids and not line.display_type
        )
        if not lines or len(lines) != len(set(line_ids)):
            raise ValidationError(
                self.env._("Choose the affected lines of that order.")
            )
        if quantity < 0:
            raise ValidationError(
                self.env._("The quantity affected cannot be negative.")
            )
        team = (
            self.env["helpdesk.ticket.team"]
            .sudo()
            ._complaint_team_of_company(order.company_id)
        )
        return {
            "team_id": team.id,
            "company_id": order.company_id.id,
            "partner_id": partner.id,
            "sale_order_id": order.id,
            "sale_line_ids": [Command.set(lines.ids)],
            "quantity_affected": quantity,
            "channel_id": self._complaint_web_channel().id,
            "user_id": order.user_id.id,
            "received_by_id": order.user_id.id,
        }

    # ------------------------------------------------------------------
    # Where the complaint stands, as the portal shows it
    # ------------------------------------------------------------------
    def _complaint_portal_waits_on_customer(self):
        """Whether the next move is the customer's: answering the offered
        solutions, or confirming that the complaint may be closed."""
        self.ensure_one()
        complaint = self.sudo()
        return complaint._complaint_offer_waiting() or (
            complaint.complaint_step == "closure" and not complaint.closure_confirmed
        )

    def _complaint_portal_answer_owed(self):
        """Whether we owe the customer the next answer (the portal then says
        by when): an open complaint that does not wait on the customer."""
        self.ensure_one()
        return (
            self.sudo().complaint_step
            not in (
                False,
                "closed",
            )
            and not self._complaint_portal_waits_on_customer()
        )

    def _complaint_portal_timeline(self):
        """The steps of the procedure for the customer's page, in order, as
        dicts (name, state): state is "done", "current", "todo" (to come) or
        "skipped" (a step a closed complaint never went through, as one
        closed as not valid at verification)."""
        self.ensure_one()
        complaint = self.sudo()
        labels = dict(
            self.env["helpdesk.ticket.stage"]
            ._fields["complaint_step"]
            ._description_selection(self.env)
        )
        steps = [step for step, _label in COMPLAINT_STEPS]
        if complaint.complaint_step not in steps:
            return []
        current = steps.index(complaint.complaint_step)
        closed = complaint.complaint_step == "closed"
        passed = set(complaint.stage_history_ids.mapped("step"))
        timeline = []
        for index, step in enumerate(steps):
            if closed:
                state = "done" if step in passed or step == "closed" else "skipped"
            elif index < current:
                state = "done"
            elif index == current:
                state = "current"
            else:
                state = "todo"
            timeline.append({"step": step, "name": labels[step], "state": state})
        return timeline

    def _complaint_portal_rating_token(self):
        """The token of the rating the closure email asked of the customer,
        while they have not given it for this closure; False otherwise."""
        self.ensure_one()
        complaint = self.sudo()
        if (
            complaint.complaint_step != "closed"
            or complaint.feedback_type != "complaint"
            or complaint.validity != "valid"
        ):
            return False
        ratings = complaint.rating_ids
        if ratings.filtered(
            lambda r: r.consumed and r.complaint_round == complaint.reopen_count
        ):
            return False
        asked = ratings.filtered(
            lambda r: not r.consumed and r.partner_id == complaint.partner_id
        )
        return asked[:1].access_token or False

    # ------------------------------------------------------------------
    # The customer's answers
    # ------------------------------------------------------------------
    def _complaint_offer_waiting(self):
        """Whether offered solutions wait for the customer's answer."""
        self.ensure_one()
        return self.complaint_step == "confirmation" and any(
            solution.state == "offered" for solution in self.solution_ids
        )

    def _complaint_portal_decide(
        self, decision, partner, note=None, signed_by=None, signature=None
    ):
        """Record partner's decision on the offer given in the portal: a
        rejection says what the customer asks for instead (note); an
        acceptance is signed, with a name and a signature (base64 image).
        Whoever may read the complaint answers (the portal passes it as
        superuser to a visitor holding its link); return the decision."""
        self.ensure_one()
        self.check_access("read")
        if not self.sudo()._complaint_offer_waiting():
            raise UserError(self.env._("There is no offer waiting for your answer."))
        vals = {
            "ticket_id": self.id,
            "decision": decision,
            "note": (note or "").strip()[:4000],
            "partner_id": partner.id,
            "channel_id": self._complaint_web_channel().id,
        }
        if decision == "accepted":
            signed_by = (signed_by or "").strip()[:200]
            if not signed_by or not signature:
                raise UserError(self.env._("Sign with your name to accept."))
            vals.update(
                signed_by=signed_by,
                signature=signature,
                note=self.env._(
                    "Accepted and signed in the portal by %(name)s.", name=signed_by
                ),
            )
        return self.env["printing.complaint.decision"].sudo().create(vals)

    def _complaint_portal_confirm_closure(self, partner):
        """partner confirmed in the portal that the complaint can be closed.
        Nothing is done when the complaint does not wait for it (not at the
        closure step, or confirmed already: a second click); return whether
        it was recorded."""
        self.ensure_one()
        self.check_access("read")
        complaint = self.sudo()
        if complaint.complaint_step != "closure" or complaint.closure_confirmed:
            return False
        complaint.action_confirm_closure(channel=self._complaint_web_channel())
        complaint.message_post(
            body=self.env._("The customer confirmed the closure in the portal."),
            author_id=partner.id,
            subtype_xmlid="mail.mt_note",
        )
        return True
