# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from odoo import api, fields, models


class ResCompany(models.Model):
    _name = "res.company"
    _inherit = ("res.company", "printing.complaint.number.mixin")

    # Industry defaults (see the domain: registration ±0.1 mm, cutting ±0.5 mm)
    complaint_tolerance_delta_e = fields.Float(
        string="Default ΔE tolerance", default=3.0
    )
    complaint_tolerance_cmyk = fields.Float(
        string="Default CMYK tolerance (%)", default=5.0
    )
    complaint_tolerance_registration = fields.Float(
        string="Default registration tolerance (mm)", default=0.1
    )
    complaint_tolerance_cutting = fields.Float(
        string="Default cutting tolerance (mm)", default=0.5
    )
    complaint_qc_user_id = fields.Many2one(
        "res.users",
        string="QC inspector",
        help="Verifies new complaints when nobody else is named.",
    )

    complaint_director_threshold = fields.Monetary(
        string="Director approval from",
        currency_field="currency_id",
        default=5000.0,
        help="The director approves the solutions of a complaint whose total "
        "cost reaches this amount (and those of every major complaint).",
    )
    complaint_refund_days = fields.Integer(
        string="Refunds paid back within (days)",
        default=7,
        help="Told to the customer when a refund's credit note is posted and "
        "no open invoice of theirs can absorb it.",
    )
    complaint_progress_interval = fields.Integer(
        string="Progress update every (hours)",
        default=24,
        help="While solutions are carried out, the owner is reminded to tell "
        "the customer how things progress at this interval.",
    )

    # Closure and improvement (see the domain: containment within 3 working
    # days, permanent correction within 2 weeks, verification after 3 months)
    complaint_containment_days = fields.Integer(
        string="Containment within (working days)",
        default=3,
        help="Batch faults: stock, goods in transit and goods at customers are "
        "contained within this many working days.",
    )
    complaint_corrective_days = fields.Integer(
        string="Permanent correction within (working days)",
        default=10,
        help="Batch faults: the permanent corrective action is due within this "
        "many working days (10 = two weeks).",
    )
    complaint_verification_days = fields.Integer(
        string="Effectiveness check after (days)",
        default=90,
        help="A corrective action's effectiveness is verified this many days "
        "after it is done (on the next working day).",
    )
    complaint_recurrence_days = fields.Integer(
        string="Recurrence window (days)",
        default=365,
        help="Earlier complaints of the same customer, product or defect "
        "category within this window are shown at registration.",
    )
    complaint_major_after_days = fields.Integer(
        string="Major after (days)",
        default=30,
        help="A valid complaint still open this many days after it was "
        "received is raised to major (0: never).",
    )
    complaint_follow_up_interval = fields.Integer(
        string="Long-term follow-up every (days)",
        default=30,
        help="Major complaints under long-term follow-up get a check activity "
        "at this interval.",
    )

    complaint_portal_max_file_mb = fields.Integer(
        string="Portal file size limit (MB)",
        default=25,
        help="Largest photo, video or PDF a customer may attach in the portal.",
    )

    _sql_constraints = (
        (
            "complaint_portal_max_file_positive",
            "CHECK(complaint_portal_max_file_mb > 0)",
            "The portal file size limit is a positive number of megabytes.",
        ),
        (
            "complaint_improvement_delays_positive",
            "CHECK(complaint_containment_days > 0 AND complaint_corrective_days > 0 "
            "AND complaint_verification_days > 0 AND complaint_recurrence_days > 0 "
            "AND complaint_follow_up_interval > 0)",
            "The containment, correction, verification, recurrence and "
            "follow-up delays are positive numbers of days.",
        ),
        (
            "complaint_major_after_days_not_negative",
            "CHECK(complaint_major_after_days >= 0)",
            "The delay after which a complaint becomes major is 0 (never) or "
            "a number of days.",
        ),
        (
            "complaint_progress_interval_positive",
            "CHECK(complaint_progress_interval > 0)",
            "The progress update interval is a positive number of hours.",
        ),
        (
            "complaint_director_threshold_positive",
            "CHECK(complaint_director_threshold >= 0)",
            "The director's approval threshold cannot be negative.",
        ),
    )

    def _complaint_plan_working_days(self, days, start=None):
        """The date days working days after the day of start, in the
        company's working schedule (calendar days when it has none)."""
        self.ensure_one()
        first = fields.Date.to_date(start or fields.Date.context_today(self))
        first += timedelta(days=1)
        calendar = self.resource_calendar_id
        if not calendar:
            return first + timedelta(days=days - 1)
        start_dt = datetime.combine(first, time.min)
        return fields.Date.to_date(
            calendar.plan_days(days, start_dt, compute_leaves=True)
        )

    def _complaint_next_working_day(self, day):
        """day itself when it is a working day, else the next one."""
        self.ensure_one()
        calendar = self.resource_calendar_id
        if not calendar:
            return day
        start = datetime.combine(day, time.min)
        return fields.Date.to_date(calendar.plan_days(1, start, compute_leaves=True))

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies.sudo()._complaint_setup_company()
        return companies

    def write(self, vals):
        result = super().write(vals)
        if "complaint_director_threshold" in vals:
            # The solutions now above the threshold wait for the director.
            solutions = (
                self.env["printing.complaint.solution"]
                .sudo()
                .search([("company_id", "in", self.ids), ("review_ids", "!=", False)])
            )
            solutions._missing_tiers()._approval_facts_changed(
                self.env._("the director's threshold changed")
            )
        return result

    def _complaint_setup_company(self):
        """Each company numbers its complaints on its own and starts with the
        time limits of the main company."""
        template = self.env.ref(
            "printing_complaint.sequence_complaint", raise_if_not_found=False
        )
        if not template:  # during the addon's installation
            return
        Sequence = self.env["ir.sequence"]
        for company in self:
            if not Sequence.search_count(
                [("code", "=", template.code), ("company_id", "=", company.id)]
            ):
                template.copy({"company_id": company.id, "number_next": 1})
        TimeLimit = self.env["printing.complaint.time.limit"]
        defaults = TimeLimit.search(
            [("company_id", "=", self.env.ref("base.main_company").id)]
        )
        for company in self:
            if not TimeLimit.search_count([("company_id", "=", company.id)]):
                TimeLimit.create(
                    [dict(vals, company_id=company.id) for vals in defaults.copy_data()]
                )
