# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a handler decides outside the steps, each with its reason: a
referral to a supervisor or technician, evidence waived by QC, a bad-faith
complaint marked by a complaint manager; and the valid complaint still open
after the company's delay (a month by default), raised to major."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .helpdesk_ticket_stage import TIMED_STEPS

QC_GROUPS = (
    "printing_complaint.group_complaint_qc",
    "printing_complaint.group_complaint_manager",
)
MANAGER_GROUP = "printing_complaint.group_complaint_manager"
REFERRAL_ACTIVITY = "printing_complaint.activity_complaint_referral"
# Steps at which the evidence is still gathered, and the validity judged.
INTAKE_STEPS = ("registered", "verification")


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    evidence_waived = fields.Boolean(
        readonly=True,
        copy=False,
        tracking=True,
        help="QC accepted the complaint without evidence (an oral complaint, "
        "a sample kept by the customer): the reason says why.",
        groups="base.group_user",
    )
    evidence_waiver_reason = fields.Text(
        string="Why no evidence", readonly=True, copy=False, groups="base.group_user"
    )
    bad_faith = fields.Boolean(
        string="Bad-faith complaint",
        readonly=True,
        copy=False,
        tracking=True,
        help="Marked by a complaint manager: answered and closed as not valid, "
        "and left out of the satisfaction figures.",
        groups="base.group_user",
    )
    bad_faith_reason = fields.Text(
        string="Why bad faith", readonly=True, copy=False, groups="base.group_user"
    )

    @api.constrains("bad_faith", "validity")
    def _check_bad_faith_not_valid(self):
        for ticket in self:
            if ticket.bad_faith and ticket.validity != "not_valid":
                raise ValidationError(
                    self.env._(
                        "%(number)s is marked as a bad-faith complaint: it stays "
                        "not valid until a complaint manager clears the mark.",
                        number=ticket.number,
                    )
                )

    # ------------------------------------------------------------------
    # The buttons (a dialog asks for the reason, and the person referred to)
    # ------------------------------------------------------------------
    def _handling_dialog(self, action, name):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "printing.complaint.handling.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_ticket_id": self.id, "default_action": action},
        }

    def action_refer(self):
        return self._handling_dialog("refer", self.env._("Refer the complaint"))

    def action_waive_evidence(self):
        return self._handling_dialog("waive_evidence", self.env._("Waive the evidence"))

    def action_mark_bad_faith(self):
        return self._handling_dialog(
            "bad_faith", self.env._("Mark as a bad-faith complaint")
        )

    def action_clear_bad_faith(self):
        self._check_group(MANAGER_GROUP)
        for ticket in self.filtered("bad_faith"):
            ticket.sudo().write({"bad_faith": False, "bad_faith_reason": False})
            ticket._handling_note(lambda env: env._("Bad-faith mark cleared."))
        return True

    # ------------------------------------------------------------------
    # What they do
    # ------------------------------------------------------------------
    def _complaint_refer(self, user, reason):
        """Ask a supervisor or technician to take over or help: an activity
        for them, a note with the reason; they follow the complaint."""
        self.ensure_one()
        self.check_access("write")
        reason = self._required_reason(reason)
        if self.complaint_step in (False, "closed"):
            raise UserError(self.env._("Only an open complaint is referred."))
        if not user or user.share or not user.active:
            raise UserError(
                self.env._("A complaint is referred to an active internal user.")
            )
        if user == self.env.user:
            raise UserError(self.env._("Refer the complaint to someone else."))
        self.sudo().message_subscribe(partner_ids=user.partner_id.ids)
        self._complaint_schedule_activities(
            [
                self._complaint_activity_vals(
                    REFERRAL_ACTIVITY,
                    user,
                    fields.Date.context_today(self),
                    lambda env: env._(
                        "Referred by %(user)s: %(reason)s",
                        user=self.env.user.name,
                        reason=reason,
                    ),
                )
            ],
            notify=True,
        )
        self._handling_note(
            lambda env: env._(
                "Referred to %(user)s: %(reason)s", user=user.name, reason=reason
            )
        )
        return True

    def _complaint_waive_evidence(self, reason):
        """QC accepts the complaint without evidence, for the reason given."""
        self.ensure_one()
        self._check_group(*QC_GROUPS)
        reason = self._required_reason(reason)
        if self.complaint_step not in INTAKE_STEPS:
            raise UserError(
                self.env._("Evidence is waived at registration or verification only.")
            )
        self.sudo().write({"evidence_waived": True, "evidence_waiver_reason": reason})
        self._handling_note(
            lambda env: env._("Evidence waived by QC: %(reason)s", reason=reason)
        )
        return True

    def _complaint_mark_bad_faith(self, reason):
        """A complaint manager marks a bad-faith complaint: judged not valid
        with that reason, answered and closed as such."""
        self.ensure_one()
        self._check_group(MANAGER_GROUP)
        reason = self._required_reason(reason)
        if self.complaint_step not in INTAKE_STEPS:
            raise UserError(
                self.env._(
                    "A complaint is judged bad faith at registration or "
                    "verification, before any solution."
                )
            )
        self.sudo().write(
            {
                "validity": "not_valid",
                "invalid_reason": self.sudo().invalid_reason or reason,
                "bad_faith": True,
                "bad_faith_reason": reason,
            }
        )
        self._handling_note(
            lambda env: env._(
                "Marked as a bad-faith complaint: %(reason)s", reason=reason
            )
        )
        return True

    def _complaint_back_to_solution(self, reason):
        """From execution or closure back to the solution step, for a new
        round of solutions: a reprint failed, a delivery is late and the
        customer must be compensated further, or the customer does not
        confirm the closure. The earlier rounds, their decisions and
        documents stay."""
        self.ensure_one()
        self.check_access("write")
        reason = self._required_reason(reason)
        if self.complaint_step not in ("execution", "closure"):
            raise UserError(
                self.env._(
                    "A complaint goes back to the solution step from execution "
                    "or closure only."
                )
            )
        self.with_context(complaint_back_reason=reason).write(
            {"stage_id": self._complaint_stage("solution").id}
        )
        self._handling_note(
            lambda env: env._(
                "Back to the solution step for a new round: %(reason)s",
                reason=reason,
            )
        )
        return True

    def action_back_to_solution(self):
        return self._handling_dialog(
            "back_to_solution", self.env._("Back to the solution step")
        )

    def _check_group(self, *xmlids):
        if not any(self.env.user.has_group(xmlid) for xmlid in xmlids):
            raise AccessError(
                self.env._(
                    "Only %(groups)s may do this.",
                    groups=", ".join(self.env.ref(xmlid).name for xmlid in xmlids),
                )
            )

    def _required_reason(self, reason):
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason."))
        return reason

    def _handling_note(self, body):
        """An internal note by the user who acts, in the complaint's
        language (body: see _complaint_note)."""
        self.sudo()._complaint_note(
            body,
            subtype_xmlid="mail.mt_note",
            author_id=self.env.user.partner_id.id,
        )

    # ------------------------------------------------------------------
    # A valid complaint open too long becomes major
    # ------------------------------------------------------------------
    @api.model
    def _cron_upgrade_long_open(self):
        """Raise to major the valid complaints still open after their
        company's delay. Their pending approvals restart, so that the
        director reviews them; a complaint whose offer the customer holds
        waits until it is accepted or rejected (the offer is not changed
        silently, see _approval_facts_changed)."""
        now = fields.Datetime.now()
        for company in self.env["res.company"].search(
            [("complaint_major_after_days", ">", 0)]
        ):
            since = now - timedelta(days=company.complaint_major_after_days)
            late = self.search(
                [
                    ("is_complaint", "=", True),
                    ("company_id", "=", company.id),
                    ("validity", "=", "valid"),
                    ("severity", "!=", "major"),
                    # The open steps, spelled as IN for the index.
                    ("complaint_step", "in", TIMED_STEPS),
                    ("received_date", "<=", since),
                ]
            )
            late = late.filtered(
                lambda t: not t.solution_ids.filtered(
                    lambda s: s.state in ("offered", "accepted")
                )
            )
            if not late:
                continue
            late.write({"severity": "major"})
            late._complaint_note(
                lambda env, days=company.complaint_major_after_days: env._(
                    "Raised to major: still open %(days)s days after it was received.",
                    days=days,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True
