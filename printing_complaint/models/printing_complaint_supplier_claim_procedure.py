# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The life of a supplier or carrier claim: sent to the supplier, answered,
approved by finance, settled or cancelled; each move by its action only."""

from odoo import Command, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_is_zero

from .printing_complaint_supplier_claim import (
    APPROVAL_ACTIVITY,
    CLAIM_TEMPLATE,
    FINANCE_GROUP,
)


class PrintingComplaintSupplierClaim(models.Model):
    _inherit = "printing.complaint.supplier.claim"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # The claim's life
    # ------------------------------------------------------------------
    def _check_state(self, states, action):
        wrong = self.filtered(lambda c: c.state not in states)
        if wrong:
            raise UserError(
                self.env._(
                    "%(claim)s is %(state)s: it cannot be %(action)s.",
                    claim=wrong[0].display_name,
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        wrong[0].state
                    ],
                    action=action,
                )
            )

    def action_send(self):
        """The claim is emailed to the supplier, with the evidence chosen
        (and the 8D report when asked); their replies land in its chatter."""
        self._check_state(("draft",), self.env._("sent"))
        for claim in self:
            if not claim.partner_id.email:
                raise UserError(
                    self.env._(
                        "%(partner)s has no email address: add it before sending "
                        "the claim.",
                        partner=claim.partner_id.display_name,
                    )
                )
            claim.message_post_with_source(
                CLAIM_TEMPLATE,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                attachment_ids=[Command.set(claim._claim_attachments().ids)],
            )
            claim._procedure_write(
                {"state": "sent", "sent_date": fields.Datetime.now()}
            )
            claim._log_on_complaint(
                lambda env, claim=claim: env._(
                    "%(claim)s sent to %(partner)s.",
                    claim=claim.name,
                    partner=claim.partner_id.display_name,
                )
            )
        return True

    def _claim_attachments(self):
        """Copies of the evidence chosen, held by the claim (what the
        supplier received stays with it). printing_complaint_report adds
        the 8D report when send_8d."""
        self.ensure_one()
        originals = self.evidence_ids.attachment_id.sudo()
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {
                        "name": attachment.name,
                        "raw": attachment.raw,
                        "mimetype": attachment.mimetype,
                        "res_model": self._name,
                        "res_id": self.id,
                    }
                    for attachment in originals
                ]
            )
        )

    def action_record_answer(self):
        """The supplier's answer (accepted amount and text) is recorded: a
        draft vendor credit note of the accepted amount waits for finance;
        nothing accepted refuses the claim."""
        self._check_state(("sent",), self.env._("answered"))
        for claim in self:
            if not claim.supplier_answer:
                raise UserError(
                    self.env._(
                        "%(claim)s: write the supplier's answer first.",
                        claim=claim.display_name,
                    )
                )
            now = fields.Datetime.now()
            if float_is_zero(
                claim.accepted_amount, precision_rounding=claim.currency_id.rounding
            ):
                claim._procedure_write({"state": "refused", "answer_date": now})
                claim._log_on_complaint(
                    lambda env, claim=claim: env._(
                        "%(claim)s refused by %(partner)s.",
                        claim=claim.name,
                        partner=claim.partner_id.display_name,
                    )
                )
                continue
            credit_note = claim._draft_credit_note()
            claim._procedure_write(
                {
                    "state": "answered",
                    "answer_date": now,
                    "credit_note_id": credit_note.id,
                }
            )
            claim._log_on_complaint(
                lambda env, claim=claim: env._(
                    "%(partner)s accepts %(amount)s of %(claim)s: the vendor credit "
                    "note waits for finance's approval.",
                    claim=claim.name,
                    partner=claim.partner_id.display_name,
                    amount=claim._format_amount(claim.accepted_amount),
                )
            )
        self.filtered(lambda c: c.state == "answered")._ask_finance_approval()
        return True

    def _finance_approvers(self):
        """Who is asked to approve: finance of the claim's company, but the
        claim's author (who may not approve it)."""
        self.ensure_one()
        return (
            self.env.ref(FINANCE_GROUP)
            .sudo()
            .users.filtered(
                lambda user: self.company_id in user.company_ids
                and user != self.create_uid
            )
        )

    def _ask_finance_approval(self):
        """An activity for each finance approver, in their language."""
        today = fields.Date.context_today(self)
        self._complaint_schedule_activities(
            [
                claim._complaint_activity_vals(APPROVAL_ACTIVITY, user, today)
                for claim in self
                for user in claim._finance_approvers()
            ]
        )

    def action_approve(self):
        """Finance approves the credit note's amount, never the claim's own
        author; finance then posts the credit note."""
        self._check_state(("answered",), self.env._("approved"))
        if not self.env.user.has_group(FINANCE_GROUP):
            raise AccessError(
                self.env._("Only finance approves a claim's credit note.")
            )
        own = self.filtered(lambda c: c.create_uid == self.env.user)
        if own:
            raise UserError(
                self.env._(
                    "%(claim)s is yours: another person of finance approves it.",
                    claim=own[0].display_name,
                )
            )
        self._procedure_write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approved_date": fields.Datetime.now(),
            }
        )
        self._complaint_activities_done(
            [APPROVAL_ACTIVITY], lambda env: env._("Credit note approved.")
        )
        # A credit note posted and paid before the approval settles it now.
        self._recompute_state()
        return True

    def _recompute_state(self):
        self.env.add_to_compute(self._fields["state"], self)
        self.flush_recordset(["state"])

    def action_cancel(self):
        """Cancelled, with its reason; a draft credit note is cancelled too.
        A posted credit note is finance's to reverse."""
        self._check_state(
            ("draft", "sent", "answered", "approved"), self.env._("cancelled")
        )
        for claim in self:
            if not claim.close_reason:
                raise UserError(
                    self.env._(
                        "%(claim)s: write the reason for cancelling it first.",
                        claim=claim.display_name,
                    )
                )
            # purchasing does not read journal entries: the claim does
            if claim.credit_note_id.sudo().state == "posted":
                raise UserError(
                    self.env._(
                        "%(claim)s: its credit note is posted; finance reverses it.",
                        claim=claim.display_name,
                    )
                )
        self.credit_note_id.sudo().filtered(
            lambda m: m.state == "draft"
        ).button_cancel()
        self._procedure_write({"state": "cancelled"})
        self._complaint_activities_done(
            [APPROVAL_ACTIVITY], lambda env: env._("Claim cancelled.")
        )
        for claim in self:
            claim._log_on_complaint(
                lambda env, claim=claim: env._(
                    "%(claim)s cancelled: %(reason)s",
                    claim=claim.name,
                    reason=claim.close_reason,
                )
            )
        return True

    def action_view_credit_note(self):
        self.ensure_one()
        return self.credit_note_id.get_formview_action()
