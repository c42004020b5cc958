# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

DECISIONS = [("accepted", "Accepted"), ("rejected", "Rejected")]


class PrintingComplaintDecision(models.Model):
    """The customer's answer to an offer, kept as the negotiation record:
    acceptance starts the execution, rejection goes back to the solution
    step. Recorded by the rep (phone, email...) or by the customer in the
    portal; never edited afterwards."""

    _name = "printing.complaint.decision"
    _description = "Customer Decision on a Complaint Offer"
    _order = "date desc, id desc"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        required=True,
        index=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    decision = fields.Selection(DECISIONS, required=True)
    channel_id = fields.Many2one(
        "helpdesk.ticket.channel",
        help="How the customer answered: phone, email, portal...",
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    note = fields.Text(
        help="What the customer said; for a rejection, what they ask for instead."
    )
    user_id = fields.Many2one(
        "res.users", string="Recorded by", default=lambda self: self.env.user
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Decided by",
        help="The customer contact who gave the answer.",
    )
    signed_by = fields.Char(
        readonly=True, help="Name the customer signed with in the portal."
    )
    signature = fields.Image(
        readonly=True,
        attachment=True,
        max_width=1024,
        max_height=1024,
        help="The customer's signature of the acceptance, given in the portal.",
    )
    solution_ids = fields.Many2many(
        "printing.complaint.solution",
        "printing_complaint_decision_solution_rel",
        "decision_id",
        "solution_id",
        string="Solutions",
        readonly=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            ticket = self.env["helpdesk.ticket"].browse(vals.get("ticket_id"))
            offered = ticket.solution_ids.filtered(lambda s: s.state == "offered")
            if ticket.complaint_step != "confirmation" or not offered:
                raise UserError(
                    self.env._(
                        "%(number)s has no offer waiting for the customer's answer.",
                        number=ticket.number,
                    )
                )
            if vals.get("decision") == "rejected" and not vals.get("note"):
                raise UserError(
                    self.env._("Note what the customer rejects and asks for instead.")
                )
            vals["solution_ids"] = [fields.Command.set(offered.ids)]
            vals.setdefault("partner_id", ticket.partner_id.id)
        decisions = super().create(vals_list)
        for decision in decisions:
            decision._apply_to_complaint()
        return decisions

    def _apply_to_complaint(self):
        """Acceptance starts the execution, rejection goes back to the
        solution step; either way the negotiation is noted."""
        self.ensure_one()
        ticket = self.ticket_id
        solutions = self.solution_ids

        def body(env):
            """The note, in the complaint's language."""
            labels = dict(self._fields["decision"]._description_selection(env))
            channel = self.with_env(env).channel_id
            channel = f" ({channel.name})" if channel else ""
            return env._(
                "Customer %(decision)s the offer%(channel)s: %(note)s",
                decision=labels[self.decision].lower(),
                channel=channel,
                note=self.note or "-",
            )

        ticket._complaint_note(body, subtype_xmlid="mail.mt_note")
        if self.decision == "accepted":
            solutions._procedure_write({"state": "accepted"})
            ticket._complaint_move("execution")
            solutions._start_execution()
        else:
            solutions._procedure_write({"state": "rejected"})
            solutions._cancel_draft_documents()
            ticket._complaint_move("solution")

    def action_close(self):
        return {"type": "ir.actions.act_window_close"}

    def write(self, vals):
        if self:
            raise UserError(self.env._("A customer's decision is never changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decision(self):
        raise UserError(self.env._("A customer's decision is never deleted."))
