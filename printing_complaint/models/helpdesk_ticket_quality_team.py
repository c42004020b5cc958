# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaint team (快速反应小组) of a major or safety complaint: its
leader and members with their roles, formed from the people the complaint
already names, and its meetings. (helpdesk_ticket_team.py is the helpdesk
team a complaint belongs to.)"""

from odoo import api, fields, models

# The role in the complaint team of the people of each responsibility type.
RESPONSIBILITY_ROLES = {
    "production": "production",
    "material": "purchasing",
    "logistics": "logistics",
    "customer": "sales",
}


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    team_member_ids = fields.One2many(
        "printing.complaint.team.member",
        "ticket_id",
        string="Complaint team",
        groups="base.group_user",
    )
    team_leader_id = fields.Many2one(
        "res.users",
        string="Complaint team leader",
        compute="_compute_team_leader_id",
        store=True,
        index="btree_not_null",
        groups="base.group_user",
    )
    needs_quality_team = fields.Boolean(
        string="Needs a complaint team",
        compute="_compute_needs_quality_team",
        help="Major and safety complaints are worked by a complaint team.",
        groups="base.group_user",
    )
    meeting_ids = fields.One2many(
        "printing.complaint.meeting",
        "ticket_id",
        string="Team meetings",
        groups="base.group_user",
    )

    @api.depends(
        "team_member_ids.role", "team_member_ids.user_id", "team_member_ids.active"
    )
    def _compute_team_leader_id(self):
        for ticket in self:
            leader = ticket.team_member_ids.filtered(lambda m: m.role == "leader")
            ticket.team_leader_id = leader[:1].user_id

    @api.depends("severity", "is_safety")
    def _compute_needs_quality_team(self):
        for ticket in self:
            ticket.needs_quality_team = ticket.severity == "major" or ticket.is_safety

    def action_form_quality_team(self):
        """Form the complaint team: the company's QC inspector leads it (or
        the complaint's owner), with the owner, the investigator and the
        responsible department's head. Adds who is missing only."""
        Member = self.env["printing.complaint.team.member"]
        vals_list = []
        for ticket in self:
            in_team = set(ticket.team_member_ids.user_id.ids)
            for user, role in ticket._quality_team_proposal():
                if user.id not in in_team:
                    in_team.add(user.id)
                    vals_list.append(
                        {"ticket_id": ticket.id, "user_id": user.id, "role": role}
                    )
        Member.create(vals_list)
        return True

    def _quality_team_proposal(self):
        """(user, role) pairs, the leader first (if the team has none)."""
        self.ensure_one()
        qc = self.company_id.complaint_qc_user_id
        department_role = RESPONSIBILITY_ROLES.get(self.responsibility_id.code, "other")
        proposal = []
        if not self.team_leader_id:
            proposal.append((qc or self.user_id or self.env.user, "leader"))
        proposal += [
            (qc, "qc"),
            (self.user_id, "sales"),
            (self.responsible_user_id, department_role),
            (self.responsibility_id.head_user_id, department_role),
        ]
        return [(user, role) for user, role in proposal if user]
