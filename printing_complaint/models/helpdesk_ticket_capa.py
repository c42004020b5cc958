# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The corrective and preventive actions of a complaint (OCA
mgmtsystem.action, see mgmtsystem_action.py), the containment of a batch
fault, and the long-term follow-up of major complaints."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

FOLLOW_UP_ACTIVITY = "printing_complaint.activity_complaint_follow_up"
CONTAINED_SCOPES = ("wip", "stock", "transit", "customer")


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    capa_action_ids = fields.Many2many(
        "mgmtsystem.action",
        "printing_complaint_action_rel",
        "ticket_id",
        "action_id",
        string="Actions",
        help="Containment, corrective, preventive and improvement actions.",
        groups="base.group_user",
    )
    capa_action_count = fields.Integer(
        compute="_compute_capa_action_count", groups="base.group_user"
    )
    is_batch_fault = fields.Boolean(
        string="Batch fault",
        tracking=True,
        help="The fault may affect the whole batch: work in progress, stock, "
        "goods in transit and goods at customers are contained.",
        groups="base.group_user",
    )
    follow_up_until = fields.Date(
        string="Long-term follow-up until",
        tracking=True,
        copy=False,
        help="Major complaints: periodic checks until this date.",
        groups="base.group_user",
    )
    follow_up_next_date = fields.Date(
        string="Next follow-up check", copy=False, groups="base.group_user"
    )

    @api.depends("capa_action_ids")
    def _compute_capa_action_count(self):
        for ticket in self:
            ticket.capa_action_count = len(ticket.capa_action_ids)

    @api.constrains("follow_up_until", "severity", "is_safety")
    def _check_follow_up_of_major(self):
        for ticket in self:
            if ticket.follow_up_until and not (
                ticket.severity == "major" or ticket.is_safety
            ):
                raise ValidationError(
                    self.env._(
                        "Only major and safety complaints are put under "
                        "long-term follow-up."
                    )
                )

    def action_view_capa_actions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "printing_complaint.action_improvement_list"
        )
        action["domain"] = [("complaint_ids", "in", self.ids)]
        action["context"] = {
            "default_complaint_ids": [fields.Command.set(self.ids)],
            "default_department": self.responsible_department,
            "default_user_id": (self.responsible_user_id or self.env.user).id,
            "default_company_id": self.company_id.id,
        }
        return action

    # ------------------------------------------------------------------
    # Containment of a batch fault
    # ------------------------------------------------------------------
    def action_plan_containment(self):
        """Batch fault: contain stock, goods in transit and goods at customers
        within the company's working days, and plan the permanent correction."""
        Action = self.env["mgmtsystem.action"]
        for ticket in self:
            if not ticket.is_batch_fault:
                raise UserError(
                    self.env._(
                        "Mark %(number)s as a batch fault first.", number=ticket.number
                    )
                )
            if ticket.capa_action_ids.filtered("containment_scope"):
                raise UserError(
                    self.env._(
                        "The containment of %(number)s is already planned.",
                        number=ticket.number,
                    )
                )
            Action.create(ticket._containment_actions_vals())
        return True

    def _containment_actions_vals(self):
        """A containment action of each scope (work in progress, stock,
        goods in transit, goods at customers) and the permanent corrective one."""
        self.ensure_one()
        company = self.company_id
        common = {
            "complaint_ids": [fields.Command.set(self.ids)],
            "company_id": company.id,
            "user_id": (self.responsible_user_id or self.user_id or self.env.user).id,
            "department": self.responsible_department,
        }
        containment_deadline = company._complaint_plan_working_days(
            company.complaint_containment_days
        )
        vals_list = [
            dict(
                common,
                name=name,
                type_action="immediate",
                containment_scope=scope,
                date_deadline=containment_deadline,
            )
            for scope, name in self._containment_names().items()
        ]
        vals_list.append(
            dict(
                common,
                name=self.env._(
                    "%(number)s: permanent corrective action", number=self.number
                ),
                type_action="correction",
                date_deadline=company._complaint_plan_working_days(
                    company.complaint_corrective_days
                ),
            )
        )
        return vals_list

    def _containment_names(self):
        """The name of the containment action of each scope."""
        scopes = dict(
            self.env["mgmtsystem.action"]
            ._fields["containment_scope"]
            ._description_selection(self.env)
        )
        return {
            scope: self.env._(
                "%(number)s: contain %(scope)s",
                number=self.number,
                scope=scopes[scope].lower(),
            )
            for scope in CONTAINED_SCOPES
        }

    # ------------------------------------------------------------------
    # Long-term follow-up (cron)
    # ------------------------------------------------------------------
    @api.model
    def _cron_follow_up_checks(self):
        """Major complaints under long-term follow-up: a check activity for
        the owner at each interval until the follow-up date."""
        today = fields.Date.context_today(self)
        due = self.search(
            [
                ("follow_up_until", ">=", today),
                "|",
                ("follow_up_next_date", "<=", today),
                ("follow_up_next_date", "=", False),
            ]
        )
        self._complaint_schedule_activities(
            ticket._complaint_activity_vals(
                FOLLOW_UP_ACTIVITY,
                ticket._complaint_owner() or self.env.user,
                today,
            )
            for ticket in due
        )
        for interval, tickets in due.grouped(
            lambda t: t.company_id.complaint_follow_up_interval
        ).items():
            tickets.write({"follow_up_next_date": today + timedelta(days=interval)})
        return True
