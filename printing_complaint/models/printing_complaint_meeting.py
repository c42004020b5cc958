# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class PrintingComplaintMeeting(models.Model):
    """A meeting of the complaint team: when, who attended, what was decided
    and the actions it set (the minutes). Listed on the complaint and in its
    8D report; the minutes are kept, never deleted."""

    _name = "printing.complaint.meeting"
    _inherit = ("mail.thread",)
    _description = "Complaint Team Meeting"
    _order = "date desc, id desc"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("is_complaint", "=", True)],
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    name = fields.Char(string="Subject", required=True, tracking=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, tracking=True)
    attendee_ids = fields.Many2many(
        "res.users",
        "printing_complaint_meeting_user_rel",
        "meeting_id",
        "user_id",
        string="Attendees",
        compute="_compute_attendee_ids",
        store=True,
        readonly=False,
        precompute=True,
    )
    decisions = fields.Html(tracking=True)
    action_ids = fields.Many2many(
        "mgmtsystem.action",
        "printing_complaint_meeting_action_rel",
        "meeting_id",
        "action_id",
        string="Actions",
        domain="[('complaint_ids', 'in', ticket_id)]",
        help="The actions of the complaint set or reviewed in this meeting.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Minutes by",
        required=True,
        default=lambda self: self.env.user,
    )

    @api.depends("ticket_id")
    def _compute_attendee_ids(self):
        """The complaint team attends, unless others are named."""
        for meeting in self:
            if not meeting.attendee_ids:
                meeting.attendee_ids = meeting.ticket_id.team_member_ids.user_id

    @api.depends("name", "date")
    def _compute_display_name(self):
        for meeting in self:
            date = fields.Date.to_string(meeting.date.date()) if meeting.date else ""
            meeting.display_name = " ".join(filter(None, [date, meeting.name]))

    @api.constrains("action_ids", "ticket_id")
    def _check_actions_of_the_complaint(self):
        for meeting in self:
            foreign = meeting.action_ids.filtered(
                lambda a, m=meeting: m.ticket_id not in a.complaint_ids
            )
            if foreign:
                raise ValidationError(
                    self.env._(
                        "The actions of a meeting are those of its complaint "
                        "%(number)s: %(actions)s is not.",
                        number=meeting.ticket_id.number,
                        actions=", ".join(foreign.mapped("display_name")),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        meetings = super().create(vals_list)
        for meeting in meetings:
            meeting.ticket_id._complaint_note(
                lambda env, m=meeting: env._(
                    "Complaint team meeting: %(meeting)s.", meeting=m.name
                ),
                subtype_xmlid="mail.mt_note",
            )
        return meetings

    @api.ondelete(at_uninstall=False)
    def _unlink_except_meeting(self):
        raise UserError(
            self.env._("The minutes of a complaint team meeting are never deleted.")
        )
