# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The solutions of a complaint seen from the complaint: their cost, their
approvals, the offer to the customer and the customer's decisions, the
documents they made, and the progress updates owed to the customer while
they are carried out."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from ..tools import dialog_action
from .printing_complaint_decision import DECISIONS
from .printing_complaint_solution import LIVE_STATES

PROGRESS_ACTIVITY = "printing_complaint.activity_complaint_progress"
# The complaint's facts that decide who approves its solutions.
APPROVAL_FACTS = ("severity", "is_safety", "responsibility_id")


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    solution_ids = fields.One2many("printing.complaint.solution", "ticket_id")
    company_currency_id = fields.Many2one(related="company_id.currency_id")
    solution_cost_total = fields.Monetary(
        string="Total cost",
        compute="_compute_solution_cost_total",
        store=True,
        currency_field="company_currency_id",
        help="Cost of the solutions not cancelled or rejected.",
        groups="base.group_user",
    )
    approval_review_ids = fields.Many2many(
        "tier.review",
        string="Approvals",
        compute="_compute_approval_review_ids",
        context={"active_test": False},
        help="Every review of the solutions, the archived rounds included.",
        groups="base.group_user",
    )
    decision_ids = fields.One2many("printing.complaint.decision", "ticket_id")
    customer_decision = fields.Selection(
        DECISIONS,
        compute="_compute_customer_decision",
        help="The customer's last answer to an offer.",
    )
    last_progress_date = fields.Datetime(
        string="Customer last informed",
        copy=False,
        help="Last message to the customer while the solutions are carried out.",
        groups="base.group_user",
    )
    reprint_order_count = fields.Integer(compute="_compute_document_counts")
    credit_note_count = fields.Integer(compute="_compute_document_counts")
    execution_done = fields.Boolean(
        string="Solutions carried out",
        compute="_compute_execution_done",
        groups="base.group_user",
    )

    @api.depends("solution_ids.cost", "solution_ids.state", "solution_ids.active")
    def _compute_solution_cost_total(self):
        costs = {
            ticket.id: total
            for ticket, total in self.env["printing.complaint.solution"]._read_group(
                [("ticket_id", "in", self.ids), ("state", "in", LIVE_STATES)],
                ["ticket_id"],
                ["cost:sum"],
            )
        }
        for ticket in self:
            ticket.solution_cost_total = costs.get(ticket.id, 0.0)

    def _compute_approval_review_ids(self):
        reviews = (
            self.env["tier.review"]
            .with_context(active_test=False)
            .search(
                [
                    ("model", "=", "printing.complaint.solution"),
                    ("res_id", "in", self.solution_ids.ids),
                ],
                order="id",
            )
        )
        for ticket in self:
            ticket.approval_review_ids = reviews.filtered(
                lambda r, t=ticket: r.res_id in t.solution_ids.ids
            )

    def action_view_approvals(self):
        """Every review of the solutions, the archived rounds included: the
        Solutions tab's Approvals, loaded when the tab is opened (the
        complaint_section_list widget)."""
        return self._complaint_section_action(
            self.env._("Approvals of %s", self.display_name),
            "tier.review",
            "printing_complaint.tier_review_view_list_complaint",
            [
                ("model", "=", "printing.complaint.solution"),
                ("res_id", "in", self.solution_ids.ids),
            ],
            context={"active_test": False},
        )

    def action_view_decisions(self):
        """The customer's answers to the offers: the Solutions tab's list,
        loaded when the tab is opened (the complaint_section_list widget)."""
        return self._complaint_section_action(
            self.env._("Customer's decisions on %s", self.display_name),
            "printing.complaint.decision",
            "printing_complaint.decision_view_list",
            [("ticket_id", "=", self.id)],
        )

    @api.depends("decision_ids.decision")
    def _compute_customer_decision(self):
        # The saved complaints' last decisions in one query (their rules in
        # SQL): reading decision_ids, which the form does not read, would
        # first check the access to the complaints in Python.
        saved = self.filtered(lambda ticket: isinstance(ticket.id, int))
        last = {}
        if saved:
            decisions = self.env["printing.complaint.decision"].search_fetch(
                [("ticket_id", "in", saved.ids)], ["ticket_id", "decision"]
            )
            for decision in decisions:
                last.setdefault(decision.ticket_id.id, decision.decision)
        for ticket in self:
            if ticket in saved:
                ticket.customer_decision = last.get(ticket.id, False)
            else:
                ticket.customer_decision = ticket.decision_ids[:1].decision

    @api.depends("solution_ids.state")
    def _compute_execution_done(self):
        for ticket in self:
            live = ticket.solution_ids._live()
            ticket.execution_done = bool(live) and all(s.state == "done" for s in live)

    def _compute_document_counts(self):
        for ticket in self:
            ticket.reprint_order_count = len(ticket.solution_ids.reprint_order_id)
            ticket.credit_note_count = len(ticket.solution_ids.credit_note_ids)

    def write(self, vals):
        """A new severity, safety or responsibility restarts the approvals of
        the solutions (see _approval_facts_changed); refused once offered."""
        facts = [name for name in APPROVAL_FACTS if name in vals]
        changed = self.filtered(
            lambda t: any(
                (t[name].id if name == "responsibility_id" else t[name])
                != (vals[name] or False)
                for name in facts
            )
        )
        reason = self.env._("the severity, safety or responsibility changed")
        changed.solution_ids._approval_facts_changed(reason)
        result = super().write(vals)
        if changed:
            changed.solution_ids._missing_tiers()._approval_facts_changed(reason)
        return result

    # ------------------------------------------------------------------
    # Proposing and offering
    # ------------------------------------------------------------------
    def action_propose_solutions(self):
        """Propose the usual solutions of the responsibility type (the matrix
        responsibility → solution types), for the affected lines."""
        Solution = self.env["printing.complaint.solution"]
        for ticket in self:
            if not ticket.responsibility_id:
                raise UserError(self.env._("Set the responsibility type first."))
            proposed = ticket.solution_ids._live().type_id
            Solution.create(
                [
                    ticket._solution_default_vals(solution_type)
                    for solution_type in ticket.responsibility_id.solution_type_ids
                    if solution_type not in proposed
                ]
            )
        return True

    def _solution_default_vals(self, solution_type):
        self.ensure_one()
        return {
            "ticket_id": self.id,
            "type_id": solution_type.id,
            "sale_line_ids": [fields.Command.set(self.sale_line_ids.ids)],
            "deadline": fields.Date.add(fields.Date.context_today(self), days=7),
        }

    def action_send_offer(self):
        """Offer the approved solutions to the customer by email and move to
        the customer confirmation step. Nothing unapproved is offered."""
        for ticket in self:
            # What this round offers: the solutions not offered yet. Those
            # of an earlier round (done before a reopening, or accepted)
            # stay as they are.
            to_offer = ticket.solution_ids.filtered(
                lambda s: s.state in ("proposed", "approved")
            )
            if not to_offer:
                raise UserError(self.env._("There is no solution to offer."))
            unapproved = to_offer.filtered(lambda s: s.state != "approved")
            if unapproved:
                raise UserError(
                    self.env._(
                        "These solutions are not approved yet: %(solutions)s",
                        solutions=", ".join(unapproved.mapped("display_name")),
                    )
                )
            to_offer._procedure_write({"state": "offered"})
            ticket._complaint_move("confirmation")
            ticket._portal_ensure_token()
            ticket.message_post_with_source(
                "printing_complaint.mail_template_complaint_offer",
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_record_decision(self):
        self.ensure_one()
        return dialog_action(
            self.env._("Customer's decision"),
            "printing.complaint.decision",
            {
                "default_ticket_id": self.id,
                "default_partner_id": self.partner_id.id,
                "default_channel_id": self.channel_id.id,
            },
        )

    # ------------------------------------------------------------------
    # Documents
    # ------------------------------------------------------------------
    def _documents_action(self, xmlid, documents):
        """The action of xmlid on documents, their form when there is one."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("id", "in", documents.ids)]
        action["context"] = {"create": False}
        if len(documents) == 1:
            action["views"] = [(False, "form")]
            action["res_id"] = documents.id
        return action

    def action_view_reprint_orders(self):
        return self._documents_action(
            "sale.action_orders", self.solution_ids.reprint_order_id
        )

    def action_view_credit_notes(self):
        return self._documents_action(
            "account.action_move_out_refund_type", self.solution_ids.credit_note_ids
        )

    # ------------------------------------------------------------------
    # Progress updates to the customer during execution
    # ------------------------------------------------------------------
    def _message_post_after_hook(self, message, msg_vals):
        """A message sent to the customer while the solutions are carried out
        is the progress update the procedure asks for every 12-24 h."""
        result = super()._message_post_after_hook(message, msg_vals)
        if self.complaint_step == "execution" and self._is_message_to_customer(
            msg_vals
        ):
            self.sudo().last_progress_date = fields.Datetime.now()
            self._complaint_activities_done(
                [PROGRESS_ACTIVITY], lambda env: env._("Customer informed.")
            )
        return result

    def _is_message_to_customer(self, msg_vals):
        customer = self.partner_id
        recipients = (msg_vals.get("partner_ids") or []) + self.message_partner_ids.ids
        return (
            customer
            and msg_vals.get("message_type") == "comment"
            and customer.id in recipients
            and msg_vals.get("subtype_id")
            == self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_comment")
        )

    @api.model
    def _cron_execution_reminders(self):
        """Ask the owners to inform their customers while solutions are open,
        and to announce a new date when a solution's deadline is missed.
        Activities are created with one INSERT (no query per complaint)."""
        today = fields.Date.context_today(self)
        late = self.env["printing.complaint.solution"].search(
            [
                ("state", "in", ("accepted", "in_execution")),
                ("deadline", "<", today),
                ("deadline_missed_notified", "=", False),
            ],
            order="id",  # the model's order joins the complaints
        )
        self._complaint_insert_activities(
            [*self._progress_reminders(today), *late._late_reminders(today)]
        )
        late._flag_deadline_missed()
        return True

    @api.model
    def _progress_reminders(self, today):
        """A progress activity for each complaint in execution whose customer
        has not been told anything for the company's interval."""
        due = self.search(self._progress_due_domain(fields.Datetime.now()))
        return due._complaint_fetch_for_crons()._complaint_activities_vals(
            PROGRESS_ACTIVITY, lambda ticket: ticket._complaint_owner(), today
        )

    @api.model
    def _progress_due_domain(self, now):
        """The complaints in execution whose customer was last told (else
        whose step began) at least their company's interval before now and
        that have no progress activity open: found by the database, not by
        reading every complaint in execution."""
        progress = self.env["ir.model.data"]._xmlid_to_res_id(PROGRESS_ACTIVITY)
        told_by_company = []
        for company in (
            self.env["res.company"].sudo().with_context(active_test=False).search([])
        ):
            told_before = now - timedelta(hours=company.complaint_progress_interval)
            told_by_company.append(
                [
                    ("company_id", "=", company.id),
                    "|",
                    ("last_progress_date", "<=", told_before),
                    "&",
                    ("last_progress_date", "=", False),
                    ("step_entry_date", "<=", told_before),
                ]
            )
        return expression.AND(
            [
                [("complaint_step", "=", "execution"), ("user_id", "!=", False)],
                expression.OR(told_by_company),
                [("activity_ids", "not any", [("activity_type_id", "=", progress)])],
            ]
        )

    def _complaint_owner(self):
        """Who answers for the complaint: its owner, else the team leader."""
        self.ensure_one()
        return self.user_id or self.team_id.user_id
