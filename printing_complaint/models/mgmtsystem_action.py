# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import dialog_action, overdue_domain

# Where a batch fault is contained (stock, goods in transit, at customers).
CONTAINMENT_SCOPES = [
    ("wip", "Work in progress"),
    ("stock", "Stock"),
    ("transit", "Goods in transit"),
    ("customer", "Goods at customers"),
]
EFFECTIVENESS = [("effective", "Effective"), ("not_effective", "Not effective")]
OWNER_ACTIVITY = "printing_complaint.activity_capa_action"
# What the 8D report says of an action: a change asks for a new approval of
# the 8D of its complaints (helpdesk_ticket_eight_d_review.py).
REVIEWED_ACTION_FIELDS = ("name", "type_action", "active")
VERIFY_ACTIVITY = "printing_complaint.activity_capa_verify"


class MgmtsystemAction(models.Model):
    """The corrective and preventive actions (CAPA) of OCA's management
    system, linked to the complaints they answer. Its kinds are the
    complaint procedure's: immediate = containment, correction, prevention,
    improvement."""

    _name = "mgmtsystem.action"
    _inherit = (
        "mgmtsystem.action",
        "printing.complaint.activity.mixin",
        "printing.complaint.number.mixin",
    )

    complaint_ids = fields.Many2many(
        "helpdesk.ticket",
        "printing_complaint_action_rel",
        "action_id",
        "ticket_id",
        string="Complaints",
        domain=[("is_complaint", "=", True)],
        help="The complaints this action answers; one action may serve several.",
    )
    complaint_count = fields.Integer(compute="_compute_complaint_count")
    department = fields.Char(
        help="The department that carries the action out.", index=True
    )
    containment_scope = fields.Selection(
        CONTAINMENT_SCOPES,
        help="Containment of a batch fault: where the suspect goods are.",
    )
    completion_evidence = fields.Text(
        help="What shows the action was carried out (records, photos attached "
        "in the chatter, inspection results)."
    )
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )
    # Effectiveness (mgmtsystem_action_efficacy keeps the rating 0/100)
    verification_date = fields.Date(
        tracking=True,
        copy=False,
        help="When the effectiveness of this corrective action is checked.",
    )
    effectiveness = fields.Selection(EFFECTIVENESS, tracking=True, copy=False)
    defect_rate_before = fields.Float(string="Defect rate before (%)", copy=False)
    defect_rate_after = fields.Float(string="Defect rate after (%)", copy=False)
    verification_requested = fields.Boolean(
        copy=False,
        help="Its owner has been asked to check the effectiveness.",
    )
    follow_up_of_id = fields.Many2one(
        "mgmtsystem.action",
        string="Follow-up of",
        copy=False,
        index=True,
        help="The corrective action found not effective that this one replaces.",
    )
    follow_up_ids = fields.One2many("mgmtsystem.action", "follow_up_of_id")
    # Horizontal deployment (水平展开)
    deployment_product_tmpl_ids = fields.Many2many(
        "product.template",
        "printing_complaint_action_product_rel",
        "action_id",
        "product_tmpl_id",
        string="Applied to products",
    )
    deployment_categ_ids = fields.Many2many(
        "product.category",
        "printing_complaint_action_categ_rel",
        "action_id",
        "categ_id",
        string="Applied to product categories",
    )
    deployment_processes = fields.Text(
        string="Applied to processes",
        help="The similar processes (presses, cutting, binding…) the action "
        "was deployed to.",
    )

    _sql_constraints = (
        (
            "defect_rates_in_range",
            "CHECK(defect_rate_before >= 0 AND defect_rate_before <= 100 "
            "AND defect_rate_after >= 0 AND defect_rate_after <= 100)",
            "Defect rates are percentages between 0 and 100.",
        ),
    )

    @api.depends("complaint_ids")
    def _compute_complaint_count(self):
        for action in self:
            action.complaint_count = len(action.complaint_ids)

    @api.depends("date_deadline", "stage_id.is_ending")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for action in self:
            action.is_overdue = bool(
                action.date_deadline
                and action.date_deadline < today
                and not action.stage_id.is_ending
            )

    def _search_is_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        return overdue_domain(
            self.env,
            operator,
            value,
            [("date_deadline", "<", today), ("stage_id.is_ending", "=", False)],
        )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("stage_id", "completion_evidence")
    def _check_evidence_when_closed(self):
        closed = self.env.ref("mgmtsystem_action.stage_close")
        for action in self:
            if (
                action.complaint_ids
                and action.stage_id == closed
                and not (action.completion_evidence or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "Record the evidence of completion of “%(action)s” "
                        "before closing it.",
                        action=action.name,
                    )
                )

    @api.constrains("effectiveness", "stage_id")
    def _check_effectiveness_after_done(self):
        closed = self.env.ref("mgmtsystem_action.stage_close")
        for action in self:
            if action.effectiveness and action.stage_id != closed:
                raise ValidationError(
                    self.env._(
                        "The effectiveness of “%(action)s” is checked once it is done.",
                        action=action.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD: the owner's activity follows the action
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        actions.filtered("complaint_ids")._schedule_owner_activity()
        actions.sudo().complaint_ids._eight_d_approve_again()
        return actions

    def write(self, vals):
        closed = self.env.ref("mgmtsystem_action.stage_close")
        was_closed = {action.id for action in self if action.stage_id == closed}
        linked_before, reworded = {}, self.browse()
        if {"complaint_ids", *REVIEWED_ACTION_FIELDS} & set(vals):
            linked_before = {action: action.sudo().complaint_ids for action in self}
            reworded = self.filtered(
                lambda a: any(
                    a[name] != vals[name]
                    for name in REVIEWED_ACTION_FIELDS
                    if name in vals
                )
            )
        result = super().write(vals)
        self._approve_eight_d_again(linked_before, reworded)
        if "user_id" in vals or "date_deadline" in vals:
            self._reschedule_owner_activity()
        if "complaint_ids" in vals:
            self.filtered(
                lambda a: a.complaint_ids and not a.stage_id.is_ending
            )._schedule_owner_activity()
        if "stage_id" in vals:
            ended = self.filtered(lambda a: a.stage_id.is_ending)
            ended._complaint_activities_done(
                [OWNER_ACTIVITY],
                lambda env: env._("Action %(stage)s.", stage=closed.with_env(env).name),
            )
            ended.filtered(
                lambda a: a.id not in was_closed
                and a.stage_id == closed
                and a.type_action == "correction"
                and not a.verification_date
            )._plan_verification()
        return result

    def unlink(self):
        complaints = self.sudo().complaint_ids
        result = super().unlink()
        complaints.exists()._eight_d_approve_again()
        return result

    def _approve_eight_d_again(self, linked_before, reworded):
        """The 8D of a complaint that gained or lost an action, or whose
        action (in reworded) now says something else, is to be approved
        again. linked_before: {action: its complaints before the write}."""
        complaints = self.env["helpdesk.ticket"]
        for action, before in linked_before.items():
            after = action.sudo().complaint_ids
            if action in reworded:
                complaints |= before | after
            else:
                complaints |= (before - after) | (after - before)
        complaints._eight_d_approve_again()

    def _schedule_owner_activity(self):
        """Each open action is an activity of its owner, due at its deadline."""
        today = fields.Date.context_today(self)
        self._complaint_schedule_activities(
            [
                action._complaint_activity_vals(
                    OWNER_ACTIVITY,
                    action.user_id,
                    action.date_deadline or today,
                    action.name,
                )
                for action in self
                if not action._complaint_activities(OWNER_ACTIVITY)
            ],
            notify=True,
        )

    def _reschedule_owner_activity(self):
        today = fields.Date.context_today(self)
        for action in self.filtered(lambda a: not a.stage_id.is_ending):
            without = action._complaint_activities_reschedule(
                [OWNER_ACTIVITY], action.user_id, action.date_deadline or today
            )
            without.filtered("complaint_ids")._schedule_owner_activity()

    def _plan_verification(self):
        """A corrective action done today is verified after the company's
        delay, on a working day."""
        today = fields.Date.context_today(self)
        for action in self:
            company = action.company_id or self.env.company
            day = today + timedelta(days=company.complaint_verification_days)
            action.verification_date = company._complaint_next_working_day(day)

    # ------------------------------------------------------------------
    # Effectiveness check
    # ------------------------------------------------------------------
    @api.model
    def _cron_effectiveness_checks(self):
        """At its verification date, ask the owner of each corrective action
        (once) to record whether it was effective."""
        due = self.search(
            [
                ("verification_date", "<=", fields.Date.context_today(self)),
                ("verification_requested", "=", False),
                ("effectiveness", "=", False),
            ]
        )
        self._complaint_schedule_activities(
            action._complaint_activity_vals(
                VERIFY_ACTIVITY, action.user_id, action.verification_date
            )
            for action in due
        )
        due.write({"verification_requested": True})
        return True

    def action_check_effectiveness(self):
        self.ensure_one()
        return dialog_action(
            self.env._("Effectiveness check"),
            "printing.complaint.effectiveness.wizard",
            {
                "default_action_id": self.id,
                "default_defect_rate_before": self.defect_rate_before,
            },
        )

    def _record_effectiveness(self, result, evidence, rate_before, rate_after):
        """Record the check; a corrective action that was not effective opens
        a follow-up action for the same complaints."""
        self.ensure_one()
        if not (evidence or "").strip():
            raise ValidationError(
                self.env._("Describe the evidence of the effectiveness check.")
            )
        if self.effectiveness:
            raise ValidationError(
                self.env._(
                    "The effectiveness of “%(action)s” is already recorded.",
                    action=self.name,
                )
            )
        self.write(
            {
                "effectiveness": result,
                "efficacy_value": 100 if result == "effective" else 0,
                "efficacy_user_id": self.env.user.id,
                "efficacy_description": evidence,
                "defect_rate_before": rate_before,
                "defect_rate_after": rate_after,
            }
        )
        self._complaint_activities_done([VERIFY_ACTIVITY], evidence)
        if result == "not_effective":
            return self._open_follow_up()
        return self.browse()

    def _open_follow_up(self):
        company = self.company_id or self.env.company
        follow_up = self.create(
            {
                "name": self.env._("Follow-up: %(action)s", action=self.name),
                "type_action": "correction",
                "user_id": self.user_id.id,
                "company_id": company.id,
                "department": self.department,
                "complaint_ids": [fields.Command.set(self.complaint_ids.ids)],
                "follow_up_of_id": self.id,
                "description": self.description,
                "date_deadline": company._complaint_plan_working_days(
                    company.complaint_corrective_days
                ),
            }
        )
        # In the language of the action's owner, who follows it up.
        env = self.with_context(lang=self.user_id.lang or self.env.lang).env
        self.message_post(
            body=env._(
                "Not effective: follow-up action %(reference)s opened.",
                reference=follow_up.reference,
            )
        )
        return follow_up

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "printing_complaint.action_complaints"
        )
        action["domain"] = [("id", "in", self.complaint_ids.ids)]
        return action
