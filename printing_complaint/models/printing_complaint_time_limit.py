# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

from .helpdesk_ticket_stage import COMPLAINT_STEPS

SEVERITIES = [
    ("general", "General"),
    ("important", "Important"),
    ("major", "Major"),
]


class PrintingComplaintTimeLimit(models.Model):
    """How long a complaint may stay in a step, in working hours.

    One line per company, step and severity; a step without a line (or with
    0 hours) has no time limit of its own. Execution has its lines, read
    only: its deadline is the latest deadline of the solutions to carry out
    (the procedure's "per solution deadline").
    """

    _name = "printing.complaint.time.limit"
    _inherit = "printing.complaint.number.mixin"
    _description = "Complaint Time Limit"
    # In the procedure's order; the severities' keys sort as they rank.
    _order = "company_id, step_sequence, severity"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    step = fields.Selection(
        selection=[s for s in COMPLAINT_STEPS if s[0] != "closed"], required=True
    )
    severity = fields.Selection(selection=SEVERITIES, required=True)
    step_sequence = fields.Integer(compute="_compute_step_sequence", store=True)
    hours = fields.Float(
        string="Working hours",
        required=True,
        help="Measured from entering the step, in the company's working hours.",
    )
    deadline_rule = fields.Char(
        string="Deadline",
        compute="_compute_deadline_rule",
        help="How the deadline of a complaint in this step is set.",
    )

    _sql_constraints = (
        (
            "step_severity_unique",
            "unique(company_id, step, severity)",
            "There is one time limit per company, step and severity.",
        ),
        ("hours_positive", "CHECK(hours >= 0)", "A time limit cannot be negative."),
    )

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()  # _limits_of_companies
        return super().create(vals_list)

    def write(self, vals):
        self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()

    @api.depends("step")
    def _compute_step_sequence(self):
        order = {step: index for index, (step, _label) in enumerate(COMPLAINT_STEPS)}
        for limit in self:
            limit.step_sequence = order.get(limit.step, 0)

    @api.depends("step", "hours")
    def _compute_deadline_rule(self):
        for limit in self:
            if limit.step == "execution":
                limit.deadline_rule = self.env._("Latest deadline of the solutions")
            elif limit.hours:
                hours = f"{limit.hours:g}"
                limit.deadline_rule = self.env._(
                    "%(hours)s working hours after entering the step", hours=hours
                )
            else:
                limit.deadline_rule = self.env._("No time limit")

    @api.constrains("step", "hours")
    def _check_execution_has_no_hours(self):
        if any(limit.step == "execution" and limit.hours for limit in self):
            raise ValidationError(
                self.env._(
                    "Execution runs on the deadlines of its solutions: it has no "
                    "working hours of its own."
                )
            )

    @api.model
    def _limits_by_key(self, companies):
        """{(company_id, step, severity): hours} for the given companies
        (read at every step move: cached until a time limit changes)."""
        return self._limits_of_companies(tuple(sorted(companies.ids)))

    @tools.ormcache("company_ids")
    def _limits_of_companies(self, company_ids):
        lines = self.sudo().search_fetch(
            [("company_id", "in", company_ids)],
            ["company_id", "step", "severity", "hours"],
        )
        return {
            (line.company_id.id, line.step, line.severity): line.hours for line in lines
        }
