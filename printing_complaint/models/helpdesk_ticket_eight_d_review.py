# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The review of a complaint's 8D report by the quality manager before it
is sent to the customer (printing_complaint_report prints and sends it).
The review and the sending are procedure fields: set by these actions
only, never written by hand."""

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

QUALITY_MANAGER = "printing_complaint.group_complaint_quality_manager"
# What the quality manager approved: a change asks for a new approval. So
# does a change of the complaint's actions, which they are or what each
# says (mgmtsystem.action's REVIEWED_ACTION_FIELDS); their progress (stage,
# evidence, effectiveness) is expected after the approval.
REVIEWED_FIELDS = ("root_cause", "escape_cause")


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    eight_d_reviewed_by_id = fields.Many2one(
        "res.users",
        string="8D approved by",
        readonly=True,
        copy=False,
        tracking=True,
        groups="base.group_user",
    )
    eight_d_reviewed_date = fields.Datetime(
        string="8D approved on", readonly=True, copy=False, groups="base.group_user"
    )
    eight_d_sent_date = fields.Datetime(
        string="8D sent on",
        readonly=True,
        copy=False,
        tracking=True,
        groups="base.group_user",
    )

    def write(self, vals):
        watched = {*REVIEWED_FIELDS, "capa_action_ids"} & set(vals)
        approved = (
            self.sudo().filtered("eight_d_reviewed_date").with_env(self.env)
            if watched
            else self.browse()
        )
        causes_changed = self.browse()
        if approved and set(REVIEWED_FIELDS) & set(vals):
            causes_changed = approved.filtered(
                lambda t: any(
                    t[name] != vals[name] for name in REVIEWED_FIELDS if name in vals
                )
            )
        # Which actions, compared after the write (its commands may add,
        # remove or replace them).
        actions_before = (
            {t: t.sudo().capa_action_ids for t in approved}
            if "capa_action_ids" in vals
            else {}
        )
        result = super().write(vals)
        actions_changed = self.browse(
            t.id
            for t, actions in actions_before.items()
            if t.sudo().capa_action_ids != actions
        )
        causes_changed._eight_d_approve_again(
            lambda env: env._(
                "The causes changed: the 8D report is to be approved again."
            )
        )
        (actions_changed - causes_changed)._eight_d_approve_again()
        return result

    def _eight_d_approve_again(self, reason=None):
        """What the quality manager approved has changed: the approval of
        those of self that had one is withdrawn, with a note saying why
        (by default, that the actions changed)."""
        approved = self.sudo().filtered("eight_d_reviewed_date")
        if not approved:
            return
        approved.write(
            {"eight_d_reviewed_by_id": False, "eight_d_reviewed_date": False}
        )
        approved._complaint_note(
            reason
            or (
                lambda env: env._(
                    "The actions changed: the 8D report is to be approved again."
                )
            ),
            subtype_xmlid="mail.mt_note",
        )

    def action_approve_eight_d(self):
        """The quality manager approves the 8D report: its causes and
        corrective actions are complete."""
        if not self.env.user.has_group(QUALITY_MANAGER):
            raise AccessError(self.env._("Only the quality manager approves an 8D."))
        self.check_access("write")
        for ticket in self:
            if not ticket.is_complaint:
                raise UserError(
                    self.env._(
                        "%(ticket)s is not a complaint: it has no 8D report.",
                        ticket=ticket.display_name,
                    )
                )
            missing = ticket._eight_d_missing()
            if missing:
                raise UserError(
                    self.env._(
                        "The 8D of %(number)s is not complete yet:\n- %(missing)s",
                        number=ticket.number,
                        missing="\n- ".join(missing),
                    )
                )
        self.sudo().write(
            {
                "eight_d_reviewed_by_id": self.env.user.id,
                "eight_d_reviewed_date": fields.Datetime.now(),
            }
        )
        self._complaint_note(
            lambda env: env._(
                "8D report approved by %(user)s.", user=self.env.user.name
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def _eight_d_missing(self):
        """What the 8D needs before it is approved."""
        self.ensure_one()
        corrective = self.capa_action_ids.filtered(
            lambda a: a.type_action == "correction"
        )
        checks = [
            (self.root_cause, self.env._("the occurrence cause (D4)")),
            (self.escape_cause, self.env._("the escape cause (D4)")),
            (corrective, self.env._("a corrective action (D5)")),
            (
                not self.needs_quality_team or self.team_leader_id,
                self.env._("the complaint team (D1)"),
            ),
        ]
        return [message for ok, message in checks if not ok]
