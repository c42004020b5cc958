# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The claims of a complaint against the supplier or the carrier at fault:
the carrier of a logistics fault, the claims' totals (claimed, accepted,
settled), the Claim from the supplier / carrier button, and a warning to
purchasing when a supplier's fault reaches closure without a claim."""

from odoo import api, fields, models

from .printing_complaint_supplier_claim import LIVE_CLAIM_STATES

NO_CLAIM_ACTIVITY = "mail.mail_activity_data_warning"


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    carrier_id = fields.Many2one(
        "res.partner",
        string="Carrier at fault",
        tracking=True,
        help="Logistics faults: the carrier who damaged or lost the goods, for "
        "the claim.",
        groups="base.group_user",
    )
    supplier_claim_ids = fields.One2many(
        "printing.complaint.supplier.claim",
        "ticket_id",
        string="Claims",
        groups="base.group_user",
    )
    claim_kind = fields.Selection(
        [("supplier", "Supplier"), ("carrier", "Carrier")],
        compute="_compute_claim_kind",
        help="Whom the responsibility lets the company claim from.",
        groups="base.group_user",
    )
    supplier_claim_count = fields.Integer(
        compute="_compute_supplier_claim_totals", groups="base.group_user"
    )
    claim_claimed_total = fields.Monetary(
        string="Claimed",
        compute="_compute_supplier_claim_totals",
        currency_field="company_currency_id",
        groups="base.group_user",
    )
    claim_accepted_total = fields.Monetary(
        string="Accepted",
        compute="_compute_supplier_claim_totals",
        currency_field="company_currency_id",
        groups="base.group_user",
    )
    claim_settled_total = fields.Monetary(
        string="Settled",
        compute="_compute_supplier_claim_totals",
        currency_field="company_currency_id",
        groups="base.group_user",
    )

    @api.depends("responsibility_id")
    def _compute_claim_kind(self):
        for ticket in self:
            responsibility = ticket.responsibility_id
            ticket.claim_kind = (
                "supplier"
                if responsibility.requires_supplier
                else "carrier"
                if responsibility.code == "logistics"
                else False
            )

    @api.depends("supplier_claim_ids.state", "supplier_claim_ids.accepted_amount")
    def _compute_supplier_claim_totals(self):
        totals = {
            (ticket.id, state): (count, claimed, accepted)
            for ticket, state, count, claimed, accepted in self.env[
                "printing.complaint.supplier.claim"
            ]._read_group(
                [("ticket_id", "in", self.ids), ("state", "in", LIVE_CLAIM_STATES)],
                ["ticket_id", "state"],
                ["__count", "claimed_amount:sum", "accepted_amount:sum"],
            )
        }
        for ticket in self:
            rows = {
                state: totals.get((ticket.id, state), (0, 0.0, 0.0))
                for state in LIVE_CLAIM_STATES
            }
            ticket.supplier_claim_count = sum(row[0] for row in rows.values())
            ticket.claim_claimed_total = sum(row[1] for row in rows.values())
            ticket.claim_accepted_total = sum(
                rows[state][2] for state in ("answered", "approved", "settled")
            )
            ticket.claim_settled_total = rows["settled"][2]

    def action_new_supplier_claim(self):
        """Claim from the supplier / carrier: a new claim of the complaint,
        its partner the one at fault."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Claim"),
            "res_model": "printing.complaint.supplier.claim",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {
                "default_ticket_id": self.id,
                "default_kind": self.claim_kind or "supplier",
                "default_evidence_ids": self.evidence_ids.filtered("attachment_id").ids,
            },
        }

    def action_view_supplier_claims(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "printing_complaint.action_supplier_claims"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {
            "default_ticket_id": self.id,
            "default_kind": self.claim_kind or "supplier",
        }
        return action

    def _complaint_enter_step(self, now):
        res = super()._complaint_enter_step(now)
        self.filtered(
            lambda t: t.complaint_step == "closure"
            and t.claim_kind == "supplier"
            and not t.supplier_claim_ids
        )._warn_no_supplier_claim(now)
        return res

    def _warn_no_supplier_claim(self, now):
        """The supplier's fault cost the company: purchasing (the
        responsibility's department head) is asked to claim it back before
        the complaint is closed."""
        self._complaint_schedule_activities(
            [
                ticket._complaint_activity_vals(
                    NO_CLAIM_ACTIVITY,
                    ticket.responsibility_id.head_user_id,
                    now,
                    lambda env, ticket=ticket: env._(
                        "No claim from %(supplier)s yet: claim back what the fault "
                        "cost, or note why not",
                        supplier=ticket.supplier_id.display_name
                        or env._("the supplier"),
                    ),
                )
                for ticket in self
                if ticket.responsibility_id.head_user_id
            ]
        )
