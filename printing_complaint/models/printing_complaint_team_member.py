# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

TEAM_ROLES = [
    ("leader", "Leader"),
    ("qc", "Quality control"),
    ("production", "Production"),
    ("purchasing", "Purchasing"),
    ("logistics", "Logistics"),
    ("sales", "Sales"),
    ("other", "Other"),
]


class PrintingComplaintTeamMember(models.Model):
    """A member of the complaint team (快速反应小组) of a major or safety
    complaint, with their role; one of them leads it. Members follow the
    complaint. A member who leaves is archived, never deleted."""

    _name = "printing.complaint.team.member"
    _description = "Complaint Team Member"
    _order = "ticket_id, sequence, id"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("is_complaint", "=", True)],
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    user_id = fields.Many2one("res.users", string="Member", required=True, index=True)
    role = fields.Selection(TEAM_ROLES, required=True, default="other")
    role_note = fields.Char(
        string="Task", help="What this member does in the team, in a few words."
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    @api.constrains("ticket_id", "user_id", "role", "active")
    def _check_one_place_per_member(self):
        """One leader per complaint, and each person once in its team."""
        Member = self.env["printing.complaint.team.member"]
        groups = Member._read_group(
            [("ticket_id", "in", self.ticket_id.ids)],
            ["ticket_id", "user_id"],
            ["__count"],
        )
        for ticket, user, count in groups:
            if count > 1:
                raise ValidationError(
                    self.env._(
                        "%(user)s is already in the complaint team of %(number)s.",
                        user=user.name,
                        number=ticket.number,
                    )
                )
        leaders = Member._read_group(
            [("ticket_id", "in", self.ticket_id.ids), ("role", "=", "leader")],
            ["ticket_id"],
            ["__count"],
        )
        for ticket, count in leaders:
            if count > 1:
                raise ValidationError(
                    self.env._(
                        "The complaint team of %(number)s has one leader.",
                        number=ticket.number,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        members = super().create(vals_list)
        members._follow_the_complaint()
        members._log_on_complaint(
            lambda env, member: env._(
                "%(user)s joined the complaint team (%(role)s).",
                user=member.user_id.name,
                role=member._role_label(env),
            )
        )
        return members

    def write(self, vals):
        result = super().write(vals)
        if "user_id" in vals or vals.get("active"):
            self._follow_the_complaint()
        return result

    def action_leave_team(self):
        """The member leaves the team: archived, logged on the complaint."""
        self._log_on_complaint(
            lambda env, member: env._(
                "%(user)s left the complaint team.", user=member.user_id.name
            )
        )
        self.write({"active": False})
        return True

    def _follow_the_complaint(self):
        for ticket, members in self.grouped("ticket_id").items():
            ticket.message_subscribe(members.user_id.partner_id.ids)

    def _role_label(self, env):
        return dict(self._fields["role"]._description_selection(env))[self.role]

    def _log_on_complaint(self, message):
        """A note on each member's complaint, in the complaint's language;
        message is a function of an environment in that language and of the
        member."""
        for member in self:
            member.ticket_id._complaint_note(
                lambda env, member=member: message(env, member.with_env(env)),
                subtype_xmlid="mail.mt_note",
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_team_member(self):
        raise UserError(
            self.env._(
                "A member of a complaint team leaves it (archived), and is never "
                "deleted."
            )
        )
