# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the customer is told besides the steps' own emails: by when our
next answers come and what to send us (the acknowledgement), the findings
before the solutions (the offer), and a refund's credit note once posted."""

from odoo import fields, models

from ..tools import plan_hours_series


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    verification_due = fields.Datetime(
        string="Verification result due",
        readonly=True,
        copy=False,
        help="Promised to the customer at reception: the end of the "
        "verification step, after the registration step.",
    )
    proposal_due = fields.Datetime(
        string="Proposal due",
        readonly=True,
        copy=False,
        help="Promised to the customer at reception: the end of the solution "
        "step, after verification.",
    )

    def _complaint_clock_vals(self, now, limits):
        """At reception, plan with the registration deadline the answers
        the acknowledgement promises: our verification result at the end of
        the verification step, our proposal at the end of the solution step
        (one read of the schedule for the three)."""
        if self.complaint_step != "registered":
            return super()._complaint_clock_vals(now, limits)
        calendar = self.company_id.resource_calendar_id
        severity = self._clock_severity() or "general"
        hours = [
            limits.get((self.company_id.id, step, severity)) or 0.0
            for step in ("registered", "verification", "solution")
        ]
        if not calendar or not hours[0]:
            return super()._complaint_clock_vals(now, limits)
        deadline, verification, proposal = plan_hours_series(
            calendar, now, [sum(hours[:1]), sum(hours[:2]), sum(hours)]
        )
        return {
            "step_deadline": deadline,
            "verification_due": hours[1] and verification,
            "proposal_due": hours[1] and hours[2] and proposal,
        }

    def _complaint_answer_plan(self):
        """[(what we answer, by when)] promised in the acknowledgement."""
        self.ensure_one()
        plan = [
            (self.env._("The result of our verification"), self.verification_due),
            (self.env._("Our proposal of a solution"), self.proposal_due),
        ]
        return [(what, moment) for what, moment in plan if moment]

    def _complaint_what_to_provide(self):
        """What the customer can send to speed up the verification, by the
        facts the complaint's type records."""
        self.ensure_one()
        wanted = []
        # Whether photos came already is not asked (a query more for every
        # complaint registered): the sentence allows for them.
        if self.needs_evidence:
            wanted.append(
                self.env._(
                    "photos of the defect (unless you sent them already) and, if "
                    "you can, a sample of the goods"
                )
            )
        if self.needs_defect_category or self.needs_quantities:
            wanted.append(
                self.env._("the batch or job number printed on the box label")
            )
        if self.needs_delivery_dates:
            wanted.append(
                self.env._("the delivery note, with the date you received the goods")
            )
        if self.needs_quantities:
            wanted.append(self.env._("the quantities you counted, box by box"))
        return wanted

    def _complaint_tell_refund(self, credit_notes):
        """Tell the customer the amount of a refund's posted credit notes
        and when the money arrives (see _complaint_refund_notice)."""
        self.ensure_one()
        # A mail.template renders from its record only: the credit notes
        # reach it through the context.
        self.with_context(
            complaint_refund_move_ids=credit_notes.ids
        ).message_post_with_source(
            "printing_complaint.mail_template_complaint_refund",
            subtype_xmlid="mail.mt_comment",
        )

    def _complaint_refund_notice(self):
        """What the refund email says: the credit notes just posted, the
        customer's open invoices that absorb them, else the company's
        refund delay."""
        self.ensure_one()
        Move = self.env["account.move"].sudo()
        credit_notes = Move.browse(self.env.context.get("complaint_refund_move_ids"))
        open_invoices = Move.search(
            [
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("payment_state", "in", ("not_paid", "partial")),
                ("commercial_partner_id", "=", self.commercial_partner_id.id),
                ("company_id", "=", self.company_id.id),
            ],
            order="invoice_date_due, id",
        )
        return {
            "credit_notes": credit_notes,
            "amount": sum(credit_notes.mapped("amount_total")),
            "currency": credit_notes[:1].currency_id or self.company_currency_id,
            "open_invoices": open_invoices,
            "refund_days": self.company_id.complaint_refund_days,
        }
