# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import uuid
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html2plaintext

from .helpdesk_ticket_stage import ALLOWED_MOVES, COMPLAINT_STEPS, FEEDBACK_MOVES
from .printing_complaint_time_limit import SEVERITIES

FEEDBACK_TYPES = [
    ("complaint", "Complaint"),
    ("praise", "Praise"),
    ("suggestion", "Suggestion"),
]
VALIDITIES = [
    ("to_check", "To check"),
    ("valid", "Valid"),
    ("not_valid", "Not valid"),
    ("duplicate", "Duplicate"),
]
# The 6M fishbone (人机料法环测)
CAUSE_CATEGORIES = [
    ("man", "Man"),
    ("machine", "Machine"),
    ("material", "Material"),
    ("method", "Method"),
    ("environment", "Environment"),
    ("measurement", "Measurement"),
]
SEVERITY_PRIORITY = {"general": "1", "important": "2", "major": "3"}
# Set by the procedure itself (as superuser, after its checks), never
# through a user's write: the step's clock, the closure and the reopenings.
PROCEDURE_FIELDS = {
    "step_entry_date",
    "step_deadline",
    "closure_confirmed_date",
    "reopen_count",
    "last_progress_date",
}
# Who acts next when a complaint enters a step (see _complaint_step_user).
STEP_ACTIVITY_TYPES = {
    "registered": "printing_complaint.activity_complaint_register",
    "verification": "printing_complaint.activity_complaint_verify",
    "solution": "printing_complaint.activity_complaint_solution",
    "confirmation": "printing_complaint.activity_complaint_confirm",
    "execution": "printing_complaint.activity_complaint_execute",
    "closure": "printing_complaint.activity_complaint_close",
}


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    is_complaint = fields.Boolean(
        related="team_id.is_complaint_team", store=True, index=True
    )
    complaint_step = fields.Selection(
        related="stage_id.complaint_step", store=True, index=True, string="Step"
    )
    feedback_type = fields.Selection(
        selection=FEEDBACK_TYPES,
        default="complaint",
        required=True,
        tracking=True,
        help="Praise and suggestions are recorded and answered, without the "
        "complaint procedure.",
    )
    feedback_answer = fields.Text(
        string="Answer to the customer",
        help="Praise: the thanks given and to whom it was shared. Suggestion: "
        "whether it was adopted and why.",
    )

    # ------------------------------------------------------------------
    # Intake
    # ------------------------------------------------------------------
    sale_order_id = fields.Many2one(
        "sale.order",
        string="Sale order",
        index=True,
        tracking=True,
        check_company=True,
        domain="[('state', '=', 'sale'), ('company_id', '=', company_id)]",
    )
    sale_line_ids = fields.Many2many(
        "sale.order.line",
        string="Affected order lines",
        domain="[('order_id', '=', sale_order_id), ('display_type', '=', False)]",
    )
    product_ids = fields.Many2many(
        "product.product",
        string="Affected products",
        compute="_compute_product_ids",
        search="_search_product_ids",
    )
    quantity_affected = fields.Float(digits="Product Unit of Measure")
    date_found = fields.Date(string="Date found")
    place_found = fields.Char(string="Place found")
    is_recurring = fields.Boolean(
        string="Recurs", help="The customer has met this problem before."
    )
    customer_actions = fields.Text(string="What the customer already did")
    request_ids = fields.Many2many(
        "printing.complaint.request", string="Customer requests"
    )
    received_by_id = fields.Many2one(
        "res.users", string="Received by", default=lambda self: self.env.user
    )
    received_date = fields.Datetime(string="Received on", default=fields.Datetime.now)
    is_oral = fields.Boolean(
        string="Oral complaint",
        help="Registered from a call or a visit: the customer is asked for a "
        "written confirmation.",
    )
    written_confirmation_date = fields.Date(tracking=True)
    awaiting_written_confirmation = fields.Boolean(
        compute="_compute_awaiting_written_confirmation", store=True
    )
    evidence_ids = fields.One2many("printing.complaint.evidence", "ticket_id")
    portal_submission_key = fields.Char(
        copy=False,
        readonly=True,
        help="Key of the portal form that filed the complaint: a second "
        "submission of the same form (double click) files nothing more.",
    )
    evidence_count = fields.Integer(compute="_compute_evidence_count")
    acknowledged_date = fields.Datetime(
        string="Acknowledged on",
        tracking=True,
        copy=False,
        help="When the customer was thanked and told the complaint number.",
    )

    # ------------------------------------------------------------------
    # Classification
    # ------------------------------------------------------------------
    severity = fields.Selection(
        selection=SEVERITIES, default="general", tracking=True, index=True
    )
    is_safety = fields.Boolean(
        string="Safety issue",
        tracking=True,
        help="Anything touching safety is urgent and handled first.",
    )
    priority = fields.Selection(compute="_compute_priority", store=True, readonly=False)
    proof_checked = fields.Boolean(
        string="Order specs and signed proof checked", tracking=True
    )
    measure_kind = fields.Selection(related="category_id.measure_kind")
    measured_deviation = fields.Float(
        help="ΔE, CMYK % or mm, as the category measures it.", tracking=True
    )
    tolerance = fields.Float(
        compute="_compute_tolerance",
        store=True,
        help="Agreed for the order, else the product's, else the company's.",
    )
    out_of_tolerance = fields.Boolean(compute="_compute_tolerance", store=True)
    validity = fields.Selection(
        selection=VALIDITIES, default="to_check", required=True, tracking=True
    )
    invalid_reason = fields.Text(string="Why not valid")

    # ------------------------------------------------------------------
    # Responsibility and investigation
    # ------------------------------------------------------------------
    responsibility_id = fields.Many2one(
        "printing.complaint.responsibility",
        tracking=True,
        index=True,
    )
    responsible_department = fields.Char(related="responsibility_id.department")
    responsible_user_id = fields.Many2one(
        "res.users",
        string="Investigated by",
        compute="_compute_responsible_user_id",
        store=True,
        readonly=False,
        tracking=True,
    )
    supplier_id = fields.Many2one(
        "res.partner",
        string="Supplier at fault",
        tracking=True,
        help="Material faults: the supplier of the paper, ink or consumable, "
        "for the claim.",
    )
    work_order_ref = fields.Char(string="Work order")
    material_requisition_ref = fields.Char(string="Material requisition")
    press_log_ref = fields.Char(string="Press operator log")
    qc_report_ref = fields.Char(string="QC report")
    why_1 = fields.Char()
    why_2 = fields.Char()
    why_3 = fields.Char()
    why_4 = fields.Char()
    why_5 = fields.Char()
    cause_category = fields.Selection(
        CAUSE_CATEGORIES, string="6M category", tracking=True
    )
    root_cause = fields.Text(tracking=True)

    # ------------------------------------------------------------------
    # Solutions, approval, customer decision
    # ------------------------------------------------------------------
    solution_ids = fields.One2many("printing.complaint.solution", "ticket_id")
    company_currency_id = fields.Many2one(related="company_id.currency_id")
    solution_cost_total = fields.Monetary(
        string="Total cost",
        compute="_compute_solution_cost_total",
        store=True,
        currency_field="company_currency_id",
        help="Cost of the solutions not cancelled or rejected.",
    )
    approval_review_ids = fields.Many2many(
        "tier.review",
        string="Approvals",
        compute="_compute_approval_review_ids",
        context={"active_test": False},
        help="Every review of the solutions, the archived rounds included.",
    )
    decision_ids = fields.One2many("printing.complaint.decision", "ticket_id")
    customer_decision = fields.Selection(
        [("accepted", "Accepted"), ("rejected", "Rejected")],
        compute="_compute_customer_decision",
        help="The customer's last answer to an offer.",
    )
    last_progress_date = fields.Datetime(
        string="Customer last informed",
        copy=False,
        help="Last message to the customer while the solutions are carried out.",
    )
    reprint_order_count = fields.Integer(compute="_compute_document_counts")
    credit_note_count = fields.Integer(compute="_compute_document_counts")
    execution_done = fields.Boolean(
        string="Solutions carried out", compute="_compute_execution_done"
    )
    closure_confirmed = fields.Boolean(
        string="Customer confirmed closure", tracking=True, copy=False
    )
    closure_confirmed_date = fields.Datetime(
        string="Closure confirmed on", readonly=True, copy=False
    )
    closure_channel_id = fields.Many2one(
        "helpdesk.ticket.channel",
        string="Closure confirmed through",
        copy=False,
    )
    closure_summary = fields.Text(copy=False)
    lessons_learned = fields.Text(
        copy=False, help="What the company learned, shared with the teams."
    )
    reopen_count = fields.Integer(string="Reopened", readonly=True, copy=False)

    # ------------------------------------------------------------------
    # Corrective and preventive actions, long-term follow-up
    # ------------------------------------------------------------------
    capa_action_ids = fields.Many2many(
        "mgmtsystem.action",
        "printing_complaint_action_rel",
        "ticket_id",
        "action_id",
        string="Actions",
        help="Containment, corrective, preventive and improvement actions.",
    )
    capa_action_count = fields.Integer(compute="_compute_capa_action_count")
    is_batch_fault = fields.Boolean(
        string="Batch fault",
        tracking=True,
        help="The fault may affect the whole batch: stock, goods in transit and "
        "goods at customers are contained.",
    )
    follow_up_until = fields.Date(
        string="Long-term follow-up until",
        tracking=True,
        copy=False,
        help="Major complaints: periodic checks until this date.",
    )
    follow_up_next_date = fields.Date(string="Next follow-up check", copy=False)

    # ------------------------------------------------------------------
    # Recurrence
    # ------------------------------------------------------------------
    earlier_complaint_ids = fields.Many2many(
        "helpdesk.ticket",
        string="Earlier complaints",
        compute="_compute_earlier_complaint_ids",
        help="Complaints of the same customer, product or defect category "
        "within the company's recurrence window.",
    )
    earlier_complaint_count = fields.Integer(compute="_compute_earlier_complaint_ids")
    recurrence_of_id = fields.Many2one(
        "helpdesk.ticket",
        string="Repeats",
        compute="_compute_recurrence_of_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        copy=False,
        tracking=True,
        help="The earlier complaint whose root cause this one repeats (same "
        "defect category and 6M cause, same customer or product, within the "
        "recurrence window).",
    )
    is_repeat_cause = fields.Boolean(
        string="Recurring root cause",
        compute="_compute_is_repeat_cause",
        store=True,
    )
    recurrence_action_ids = fields.Many2many(
        related="recurrence_of_id.capa_action_ids",
        string="Actions of the earlier complaint",
    )

    # ------------------------------------------------------------------
    # Lifecycle
    # ------------------------------------------------------------------
    step_entry_date = fields.Datetime(readonly=True, copy=False)
    step_deadline = fields.Datetime(
        string="Step deadline", readonly=True, copy=False, index=True
    )
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )
    stage_history_ids = fields.One2many(
        "printing.complaint.stage.history", "ticket_id", readonly=True
    )

    _sql_constraints = (
        (
            "number_company_unique",
            "unique(company_id, number)",
            "The complaint number is unique per company.",
        ),
        (
            "portal_submission_key_unique",
            "unique(portal_submission_key)",
            "This form was already submitted.",
        ),
    )

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        """The complaint kanban shows the complaint steps only."""
        team = self.env["helpdesk.ticket.team"].browse(
            self.env.context.get("default_team_id")
        )
        if team.exists().is_complaint_team:
            return team._get_applicable_stages()
        return super()._read_group_stage_ids(stages, domain)

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("sale_line_ids.product_id")
    def _compute_product_ids(self):
        for ticket in self:
            ticket.product_ids = ticket.sale_line_ids.product_id

    def _search_product_ids(self, operator, value):
        return [("sale_line_ids.product_id", operator, value)]

    @api.depends("evidence_ids")
    def _compute_evidence_count(self):
        for ticket in self:
            ticket.evidence_count = len(ticket.evidence_ids)

    @api.depends("is_oral", "written_confirmation_date")
    def _compute_awaiting_written_confirmation(self):
        for ticket in self:
            ticket.awaiting_written_confirmation = (
                ticket.is_oral and not ticket.written_confirmation_date
            )

    def _severity_priority(self):
        if self.is_safety:
            return "3"
        return SEVERITY_PRIORITY.get(self.severity, self.priority)

    @api.depends("severity", "is_safety")
    def _compute_priority(self):
        for ticket in self:
            ticket.priority = ticket._severity_priority()

    @api.depends(
        "category_id.measure_kind",
        "measured_deviation",
        *(
            f"{source}.complaint_tolerance_{kind}"
            for source in ("sale_order_id", "product_ids.product_tmpl_id", "company_id")
            for kind in ("delta_e", "cmyk", "registration", "cutting")
        ),
    )
    def _compute_tolerance(self):
        for ticket in self:
            kind = ticket.category_id.measure_kind
            if not kind or kind == "none":
                ticket.tolerance = 0.0
                ticket.out_of_tolerance = False
                continue
            fname = f"complaint_tolerance_{kind}"
            sources = [
                ticket.sale_order_id,
                *ticket.product_ids.product_tmpl_id,
                ticket.company_id,
            ]
            tolerance = next((src[fname] for src in sources if src[fname]), 0.0)
            ticket.tolerance = tolerance
            ticket.out_of_tolerance = abs(ticket.measured_deviation) > tolerance

    @api.depends("responsibility_id")
    def _compute_responsible_user_id(self):
        for ticket in self:
            owner = ticket.responsibility_id.owner_user_id
            ticket.responsible_user_id = owner or ticket.responsible_user_id

    @api.depends("solution_ids.cost", "solution_ids.state", "solution_ids.active")
    def _compute_solution_cost_total(self):
        costs = {
            ticket.id: total
            for ticket, total in self.env["printing.complaint.solution"]._read_group(
                [
                    ("ticket_id", "in", self.ids),
                    ("state", "not in", ("cancelled", "rejected")),
                ],
                ["ticket_id"],
                ["cost:sum"],
            )
        }
        for ticket in self:
            ticket.solution_cost_total = costs.get(ticket.id, 0.0)

    def _compute_approval_review_ids(self):
        reviews = (
            self.env["tier.review"]
            .with_context(active_test=False)
            .search(
                [
                    ("model", "=", "printing.complaint.solution"),
                    ("res_id", "in", self.solution_ids.ids),
                ],
                order="id",
            )
        )
        for ticket in self:
            ticket.approval_review_ids = reviews.filtered(
                lambda r, t=ticket: r.res_id in t.solution_ids.ids
            )

    @api.depends("capa_action_ids")
    def _compute_capa_action_count(self):
        for ticket in self:
            ticket.capa_action_count = len(ticket.capa_action_ids)

    def _recurrence_window(self):
        """(start, end) of the window in which earlier complaints count."""
        self.ensure_one()
        end = self.received_date or self.create_date or fields.Datetime.now()
        return end - timedelta(days=self.company_id.complaint_recurrence_days), end

    def _earlier_candidates(self, domain):
        """In one search, the complaints that may be earlier ones of any
        complaint in self (matching domain); _is_earlier() sorts them out."""
        if not self:
            return self.browse()
        windows = [complaint._recurrence_window() for complaint in self]
        return self.search(
            [
                ("is_complaint", "=", True),
                ("company_id", "in", self.company_id.ids),
                ("received_date", ">=", min(start for start, _end in windows)),
                ("received_date", "<=", max(end for _start, end in windows)),
                *domain,
            ],
            order="received_date desc, id desc",
        )

    def _is_earlier(self, other):
        """other was received before this complaint, in its window (of two
        received at the same moment, the one registered first)."""
        start, end = self._recurrence_window()
        if (
            other.id == self._origin.id
            or other.company_id != self.company_id
            or other.received_date < start
        ):
            return False
        if not self._origin.id:
            return other.received_date <= end
        return (other.received_date, other.id) < (end, self._origin.id)

    def _shares_customer_or_product(self, other):
        return (
            other.commercial_partner_id == self.commercial_partner_id
            and bool(self.commercial_partner_id)
        ) or bool(other.sale_line_ids.product_id & self.product_ids)

    @api.depends(
        "commercial_partner_id",
        "sale_line_ids",
        "category_id",
        "received_date",
        "company_id.complaint_recurrence_days",
    )
    def _compute_earlier_complaint_ids(self):
        """Earlier complaints of the same customer, product or defect
        category, newest first."""
        complaints = self.filtered("is_complaint")
        candidates = complaints._earlier_candidates(
            [
                "|",
                "|",
                ("commercial_partner_id", "in", complaints.commercial_partner_id.ids),
                ("sale_line_ids.product_id", "in", complaints.product_ids.ids),
                ("category_id", "in", complaints.category_id.ids),
            ]
        )
        for ticket in self:
            earlier = candidates.filtered(
                lambda c, t=ticket: t.is_complaint
                and t._is_earlier(c)
                and (
                    t._shares_customer_or_product(c)
                    or (t.category_id and c.category_id == t.category_id)
                )
            )
            ticket.earlier_complaint_ids = earlier
            ticket.earlier_complaint_count = len(earlier)

    @api.depends("category_id", "cause_category", "commercial_partner_id")
    def _compute_recurrence_of_id(self):
        """A complaint repeats an earlier root cause when an earlier complaint
        of the same customer or product, in the window, had the same defect
        category and the same 6M cause."""
        pending = self.filtered(
            lambda t: not t.recurrence_of_id
            and t.is_complaint
            and t.category_id
            and t.cause_category
        )
        candidates = pending._earlier_candidates(
            [
                ("category_id", "in", pending.category_id.ids),
                ("cause_category", "in", list(set(pending.mapped("cause_category")))),
                "|",
                ("commercial_partner_id", "in", pending.commercial_partner_id.ids),
                ("sale_line_ids.product_id", "in", pending.product_ids.ids),
            ]
        )
        for ticket in pending:
            ticket.recurrence_of_id = candidates.filtered(
                lambda c, t=ticket: c.category_id == t.category_id
                and c.cause_category == t.cause_category
                and t._is_earlier(c)
                and t._shares_customer_or_product(c)
            )[:1]

    @api.depends("recurrence_of_id")
    def _compute_is_repeat_cause(self):
        for ticket in self:
            ticket.is_repeat_cause = bool(ticket.recurrence_of_id)

    @api.depends("decision_ids.decision")
    def _compute_customer_decision(self):
        for ticket in self:
            ticket.customer_decision = ticket.decision_ids[:1].decision

    @api.depends("solution_ids.state")
    def _compute_execution_done(self):
        for ticket in self:
            live = ticket.solution_ids.filtered(
                lambda s: s.state not in ("cancelled", "rejected")
            )
            ticket.execution_done = bool(live) and all(s.state == "done" for s in live)

    def _compute_document_counts(self):
        for ticket in self:
            ticket.reprint_order_count = len(ticket.solution_ids.reprint_order_id)
            ticket.credit_note_count = len(ticket.solution_ids.credit_note_ids)

    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for ticket in self:
            ticket.is_overdue = bool(
                ticket.step_deadline
                and ticket.step_deadline < now
                and ticket.complaint_step not in (False, "closed")
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue."))
        overdue = [
            ("step_deadline", "<", fields.Datetime.now()),
            ("complaint_step", "not in", [False, "closed"]),
        ]
        if (operator == "=") == value:
            return overdue
        return ["!", "&", *overdue]

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("sale_order_id", "sale_line_ids")
    def _check_sale_lines_of_order(self):
        for ticket in self:
            foreign = ticket.sale_line_ids.filtered(
                lambda line, t=ticket: line.order_id != t.sale_order_id
            )
            if foreign:
                raise ValidationError(
                    self.env._(
                        "The affected lines must belong to the complaint's order "
                        "%(order)s.",
                        order=ticket.sale_order_id.name or "-",
                    )
                )

    @api.constrains("sale_order_id", "partner_id")
    def _check_order_of_customer(self):
        for ticket in self:
            order = ticket.sale_order_id
            if not order:
                continue
            if order.state != "sale":
                raise ValidationError(
                    self.env._("A complaint is logged against a confirmed order.")
                )
            if (
                ticket.partner_id
                and order.partner_id.commercial_partner_id
                != ticket.partner_id.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "Order %(order)s belongs to another customer.",
                        order=order.name,
                    )
                )

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

    @api.constrains("recurrence_of_id")
    def _check_recurrence_is_earlier(self):
        for ticket in self.filtered("recurrence_of_id"):
            if ticket.recurrence_of_id == ticket or (
                ticket.recurrence_of_id.received_date
                and ticket.received_date
                and ticket.recurrence_of_id.received_date > ticket.received_date
            ):
                raise ValidationError(
                    self.env._("A complaint repeats an earlier complaint only.")
                )

    @api.constrains("quantity_affected", "measured_deviation")
    def _check_positive_quantities(self):
        for ticket in self:
            if ticket.quantity_affected < 0 or ticket.measured_deviation < 0:
                raise ValidationError(
                    self.env._(
                        "The quantity affected and the measured deviation cannot "
                        "be negative."
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_complaint(self):
        # Deleting a complaint would take its evidence, stage history and
        # decisions with it (the audit trail): complaints are archived.
        if self.filtered("is_complaint"):
            raise UserError(
                self.env._(
                    "A complaint is kept with its history: archive it instead "
                    "of deleting it."
                )
            )

    # ------------------------------------------------------------------
    # Numbering
    # ------------------------------------------------------------------
    def _prepare_ticket_number(self, values):
        team = self.env["helpdesk.ticket.team"].browse(values.get("team_id"))
        if not team.is_complaint_team:
            return super()._prepare_ticket_number(values)
        company_id = values.get("company_id") or team.company_id.id
        return self._complaint_numbers(company_id, 1)[0]

    @api.model
    def _complaint_numbers(self, company_id, count):
        """count complaint numbers of a company, drawn in one query when the
        sequence allows it (standard implementation, no date ranges)."""
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .with_company(company_id or self.env.company.id)
            .search(
                [
                    ("code", "=", "printing.complaint"),
                    ("company_id", "in", [company_id or self.env.company.id, False]),
                ],
                order="company_id",
                limit=1,
            )
        )
        if not sequence:
            return ["/"] * count
        if sequence.implementation != "standard" or sequence.use_date_range:
            return [sequence._next() for _i in range(count)]
        self.env.cr.execute(
            "SELECT nextval(%s) FROM generate_series(1, %s)",
            [f"ir_sequence_{sequence.id:03d}", count],
        )
        return [sequence.get_next_char(row[0]) for row in self.env.cr.fetchall()]

    def _complaint_prepare_vals(self, vals_list):
        """Give new complaints their number and first stage up front, one
        query per company and team instead of a few per complaint."""
        teams = self.env["helpdesk.ticket.team"].browse(
            {vals["team_id"] for vals in vals_list if vals.get("team_id")}
        )
        complaint_teams = teams.filtered("is_complaint_team")
        if not complaint_teams:
            return vals_list
        first_stage = {
            team.id: team._get_applicable_stages()[:1].id for team in complaint_teams
        }
        by_company = {}
        for vals in vals_list:
            team = complaint_teams.filtered(lambda t, v=vals: t.id == v.get("team_id"))
            if not team:
                continue
            if team.company_id:
                vals["company_id"] = team.company_id.id
            vals.setdefault("stage_id", first_stage[team.id])
            if vals.get("number", "/") == "/":
                company_id = vals.get("company_id") or self.env.company.id
                by_company.setdefault(company_id, []).append(vals)
        for company_id, company_vals in by_company.items():
            numbers = self._complaint_numbers(company_id, len(company_vals))
            for vals, number in zip(company_vals, numbers, strict=True):
                vals["number"] = number
        return vals_list

    # ------------------------------------------------------------------
    # CRUD: the lifecycle is recorded on every create and stage change
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        vals_list = self._complaint_prepare_vals(vals_list)
        all_complaints = all(
            vals.get("stage_id")
            and self.env["helpdesk.ticket.stage"]
            .browse(vals["stage_id"])
            .complaint_step
            for vals in vals_list
        )
        if all_complaints and not self.env.context.get("mail_create_nolog"):
            # One note for the whole batch instead of a message_post (and
            # its notification round) per complaint; the step activity and
            # the acknowledgement email tell the people concerned.
            tickets = super(
                HelpdeskTicket,
                self.with_context(mail_create_nolog=True, complaint_batch_create=True),
            ).create(vals_list)
            tickets = tickets.with_env(self.env)
            tickets._message_log_batch(
                bodies=dict.fromkeys(tickets.ids, self.env._("Complaint registered."))
            )
            tickets._complaint_subscribe_owners()
        else:
            tickets = super().create(vals_list)
        tickets._check_created_at_registration()
        # The helpdesk's default priority must not hide the severity's.
        tickets.filtered(
            lambda t: t.is_complaint and t.priority != t._severity_priority()
        )._compute_priority()
        complaints = tickets.filtered("complaint_step")
        # The registration stage's template thanks the customer by email.
        complaints.filtered(
            lambda t: t.partner_id.email
            and not t.acknowledged_date
            and t.stage_id.mail_template_id
        ).write({"acknowledged_date": fields.Datetime.now()})
        if complaints:
            complaints._complaint_enter_step(fields.Datetime.now())
        return tickets

    def copy(self, default=None):
        # Let create() number the copy: helpdesk_mgmt would draw it from the
        # helpdesk sequence, not knowing the copy is a complaint.
        default = dict(default or {})
        if self.is_complaint:
            default.setdefault("number", "/")
        return super().copy(default)

    def _message_auto_subscribe(self, updated_values, followers_existing_policy="skip"):
        # A batch of new complaints subscribes its owners at once, see
        # _complaint_subscribe_owners.
        if self.env.context.get("complaint_batch_create"):
            return True
        return super()._message_auto_subscribe(
            updated_values, followers_existing_policy=followers_existing_policy
        )

    def _complaint_subscribe_owners(self):
        """Make each complaint's owner a follower, one query per owner."""
        by_partner = {}
        for ticket in self.filtered("user_id"):
            by_partner.setdefault(ticket.user_id.partner_id.id, []).append(ticket.id)
        for partner_id, ticket_ids in by_partner.items():
            self.env["mail.followers"]._insert_followers(
                self._name, ticket_ids, [partner_id], existing_policy="skip"
            )

    def _check_stays_in_complaint_team(self, team_id):
        """Moving a complaint to another kind of team would take it out of
        the procedure (its stage is recomputed) without passing any gate."""
        team = self.env["helpdesk.ticket.team"].browse(team_id)
        if not team.is_complaint_team and any(self.mapped("is_complaint")):
            raise ValidationError(
                self.env._("A complaint can only move to another complaint team.")
            )

    def _check_created_at_registration(self):
        """A complaint starts at registration: creating it in a later step
        would skip that step's gate. Only data files (demo, migrations) may."""
        if self.env.context.get("install_mode"):
            return
        for ticket in self:
            if ticket.complaint_step not in (False, "registered"):
                raise ValidationError(
                    self.env._(
                        "A complaint is created in the registration step, not in "
                        "“%(stage)s”.",
                        stage=ticket.stage_id.name,
                    )
                )

    def write(self, vals):
        if not self.env.su and PROCEDURE_FIELDS & set(vals):
            raise AccessError(
                self.env._(
                    "The step dates, the closure confirmation date and the "
                    "reopenings are set by the complaint procedure, not by hand."
                )
            )
        if "stage_id" not in vals and "team_id" not in vals:
            result = super().write(vals)
            if {"responsibility_id", "responsible_user_id"} & set(vals):
                self._complaint_route_investigation()
            return result
        if vals.get("team_id") is not None:
            self._check_stays_in_complaint_team(vals["team_id"])
        previous = {ticket.id: ticket.complaint_step for ticket in self}
        result = super().write(vals)
        moved = self.filtered(
            lambda t: t.complaint_step and previous[t.id] != t.complaint_step
        )
        if moved:
            moved._complaint_check_moves(previous)
            now = fields.Datetime.now()
            moved._complaint_leave_step(now)
            moved._complaint_enter_step(now)
            moved.filtered(
                lambda t: t.complaint_step == "closed"
            )._complaint_renew_access_token()
        return result

    def _complaint_renew_access_token(self):
        """A closed complaint's emailed links (acknowledgement, offer) expire:
        its access token is renewed. The customer still sees it when logged
        in, and the rating link has its own token."""
        for ticket in self.sudo():
            ticket.access_token = str(uuid.uuid4())

    def _track_template(self, changes):
        """A complaint closed as not valid gets the polite answer with the
        reason instead of the closure email."""
        res = super()._track_template(changes)
        ticket = self[0]
        if (
            "stage_id" in res
            and ticket.complaint_step == "closed"
            and ticket.validity == "not_valid"
        ):
            template = self.env.ref(
                "printing_complaint.mail_template_complaint_not_valid",
                raise_if_not_found=False,
            )
            if template:
                res["stage_id"] = (template, res["stage_id"][1])
        return res

    # ------------------------------------------------------------------
    # Gates
    # ------------------------------------------------------------------
    def _complaint_check_moves(self, previous):
        """Refuse any move the process does not allow, or whose step is not
        complete. Runs after the write, so that facts written together with
        the stage count; the error rolls the whole write back."""
        steps = dict(self._fields["complaint_step"]._description_selection(self.env))
        for ticket in self:
            source, target = previous[ticket.id], ticket.complaint_step
            moves = (
                ALLOWED_MOVES if ticket.feedback_type == "complaint" else FEEDBACK_MOVES
            )
            if source and target not in moves.get(source, ()):
                raise ValidationError(
                    self.env._(
                        "%(number)s cannot move from “%(from_step)s” to “%(to_step)s”.",
                        number=ticket.number,
                        from_step=steps[source],
                        to_step=steps[target],
                    )
                )
            missing = ticket._complaint_gate_errors(source, target) if source else []
            if missing:
                raise ValidationError(
                    self.env._(
                        "%(number)s cannot leave “%(from_step)s” yet:\n- %(missing)s",
                        number=ticket.number,
                        from_step=steps[source],
                        missing="\n- ".join(missing),
                    )
                )

    def _complaint_gate_errors(self, source, target):
        """What is missing to move from step source to step target."""
        self.ensure_one()
        if self.feedback_type != "complaint":
            if target != "closed":
                return [
                    self.env._(
                        "Feedback is answered and closed, not handled as a complaint"
                    )
                ]
            return (
                []
                if self.feedback_answer
                else [self.env._("the answer to the customer")]
            )
        checks = getattr(self, f"_gate_{source}")(target)
        return [message for ok, message in checks if not ok]

    def _gate_registered(self, target):
        if target == "closed":  # only a duplicate closes at registration
            return [
                (
                    self.validity == "duplicate" and self.duplicate_id,
                    self.env._("the original complaint it duplicates"),
                )
            ]
        return [
            (self.partner_id, self.env._("the customer")),
            (self.sale_order_id, self.env._("the sale order")),
            (self.sale_line_ids, self.env._("the affected order lines")),
            (
                html2plaintext(self.description or "").strip(),
                self.env._("the description"),
            ),
            (self.request_ids, self.env._("what the customer asks for")),
            (
                self.evidence_ids,
                self.env._("evidence (a photo, video or sample note)"),
            ),
            (self.acknowledged_date, self.env._("the customer's acknowledgement")),
        ]

    def _gate_verification(self, target):
        checks = [
            (
                self.proof_checked,
                self.env._("the order specs and signed proof checked"),
            ),
            (self.category_id, self.env._("the defect category")),
            (self.severity, self.env._("the severity")),
            (self.validity != "to_check", self.env._("the validity judgement")),
        ]
        if target == "solution":
            checks.append((self.validity == "valid", self.env._("a valid complaint")))
        if target == "closed":
            checks += [
                (
                    self.validity in ("not_valid", "duplicate"),
                    self.env._("a complaint judged not valid or duplicate"),
                ),
                (
                    self.validity != "not_valid" or self.invalid_reason,
                    self.env._("the reason why it is not valid"),
                ),
                (
                    self.validity != "duplicate" or self.duplicate_id,
                    self.env._("the original complaint it duplicates"),
                ),
            ]
        return checks

    def _gate_solution(self, target):
        # Solutions done before a reopening stay done; the new round offers
        # new ones.
        live = self.solution_ids.filtered(
            lambda s: s.state not in ("cancelled", "rejected", "done")
        )
        return [
            (self.responsibility_id, self.env._("the responsibility type")),
            (
                not self.responsibility_id.requires_supplier or self.supplier_id,
                self.env._("the supplier at fault"),
            ),
            (self.root_cause, self.env._("the root cause")),
            (live, self.env._("at least one solution")),
            (
                all(s.state == "offered" for s in live),
                self.env._("every solution approved and offered to the customer"),
            ),
        ]

    def _gate_confirmation(self, target):
        if target == "solution":
            return [
                (
                    self.customer_decision == "rejected",
                    self.env._("the customer's rejection, with what they ask for"),
                )
            ]
        return [
            (
                self.customer_decision == "accepted",
                self.env._("the customer's acceptance"),
            )
        ]

    def _gate_execution(self, target):
        return [(self.execution_done, self.env._("every solution carried out"))]

    def _gate_closure(self, target):
        return [
            (
                all(
                    s.state in ("done", "cancelled", "rejected")
                    for s in self.solution_ids
                ),
                self.env._("every solution done or cancelled"),
            ),
            (
                self.closure_confirmed,
                self.env._("the customer's confirmation of closure"),
            ),
            (self.root_cause, self.env._("the final root cause")),
            (self.closure_summary, self.env._("the closure summary")),
            (self.lessons_learned, self.env._("the lessons learned")),
            (
                self.capa_action_ids,
                self.env._("the corrective or preventive actions filed"),
            ),
        ]

    def _gate_closed(self, target):
        """Only a manager reopens a closed complaint, with a reason (see
        the reopen wizard)."""
        return [
            (
                self.env.context.get("complaint_reopen_reason")
                and self.env.user.has_group(
                    "printing_complaint.group_complaint_manager"
                ),
                self.env._("a complaint manager's reason to reopen it"),
            )
        ]

    # ------------------------------------------------------------------
    # Steps: deadlines, history, activities
    # ------------------------------------------------------------------
    def _complaint_step_deadline(self, start, limits):
        """Deadline of the current step from start, in working hours."""
        self.ensure_one()
        hours = limits.get((self.company_id.id, self.complaint_step, self.severity))
        calendar = self.company_id.resource_calendar_id
        if not hours or not calendar or self.complaint_step == "closed":
            return False
        return calendar.plan_hours(hours, start, compute_leaves=True)

    def _complaint_enter_step(self, now):
        limits = self.env["printing.complaint.time.limit"]._limits_by_key(
            self.company_id
        )
        # Tickets sharing company, step and severity share their deadline:
        # plan it and write it once per group (batch-friendly).
        groups = {}
        for ticket in self:
            key = (ticket.company_id.id, ticket.complaint_step, ticket.severity)
            groups.setdefault(key, self.browse())
            groups[key] |= ticket
        history_vals = []
        for tickets in groups.values():
            deadline = tickets[0]._complaint_step_deadline(now, limits)
            # No stage in these values: write() passes no gate again.
            tickets.sudo().write({"step_entry_date": now, "step_deadline": deadline})
            history_vals += [
                {
                    "ticket_id": ticket.id,
                    "stage_id": ticket.stage_id.id,
                    "step": ticket.complaint_step,
                    "severity": ticket.severity,
                    "entry_date": now,
                    "deadline": deadline,
                    "user_id": self.env.uid,
                }
                for ticket in tickets
            ]
        self.env["printing.complaint.stage.history"].sudo().create(history_vals)
        self._complaint_schedule_step_activity()

    def _complaint_leave_step(self, now):
        History = self.env["printing.complaint.stage.history"].sudo()
        open_lines = History.search(
            [("ticket_id", "in", self.ids), ("exit_date", "=", False)]
        )
        for line in open_lines:
            calendar = line.ticket_id.company_id.resource_calendar_id
            hours = (
                calendar.get_work_hours_count(line.entry_date, now) if calendar else 0
            )
            line.write(
                {
                    "exit_date": now,
                    "working_hours": round(hours, 2),
                    "is_late": bool(line.deadline and now > line.deadline),
                }
            )
        # The step's open activities are done with it.
        activity_types = [
            self.env.ref(xmlid, raise_if_not_found=False)
            for xmlid in STEP_ACTIVITY_TYPES.values()
        ]
        self.activity_ids.filtered(
            lambda a: a.activity_type_id in activity_types
        ).action_feedback(feedback=self.env._("Step completed."))

    def _complaint_step_user(self):
        """Who acts in the current step: QC verifies, the owner does the rest."""
        self.ensure_one()
        step = self.complaint_step
        if step == "solution" and self.responsible_user_id:
            return self.responsible_user_id
        if step in ("verification", "solution"):
            return (
                self.company_id.complaint_qc_user_id
                or self.team_id.user_id
                or self.user_id
            )
        return self.user_id or self.team_id.user_id

    def _complaint_route_investigation(self):
        """The responsibility names who investigates: the open activity of the
        solution step goes to them."""
        activity_type_id = self.env["ir.model.data"]._xmlid_to_res_id(
            STEP_ACTIVITY_TYPES["solution"]
        )
        for ticket in self.filtered(
            lambda t: t.complaint_step == "solution" and t.responsible_user_id
        ):
            ticket.activity_ids.filtered(
                lambda a, t=ticket: a.activity_type_id.id == activity_type_id
                and a.user_id != t.responsible_user_id
            ).sudo().write({"user_id": ticket.responsible_user_id.id})

    def _complaint_schedule_step_activity(self):
        # _xmlid_to_res_id is cached: no query per step (env.ref checks exists)
        IrModelData = self.env["ir.model.data"]
        activity_types = {
            step: self.env["mail.activity.type"].browse(
                IrModelData._xmlid_to_res_id(xmlid, raise_if_not_found=False)
            )
            for step, xmlid in STEP_ACTIVITY_TYPES.items()
        }
        vals_list = []
        model_id = self.env["ir.model"]._get_id("helpdesk.ticket")
        for ticket in self:
            activity_type = activity_types.get(ticket.complaint_step)
            user = activity_type and ticket._complaint_step_user()
            if not activity_type or not user:
                continue
            deadline = ticket.step_deadline or fields.Datetime.now()
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": ticket.id,
                    "activity_type_id": activity_type.id,
                    "summary": activity_type.summary or activity_type.name,
                    "user_id": user.id,
                    "date_deadline": fields.Date.context_today(ticket, deadline),
                }
            )
        if vals_list:
            # quick_update: the assignee sees the activity in Odoo; an email
            # per step and per complaint would only be noise (and queries).
            self.env["mail.activity"].sudo().with_context(
                mail_activity_quick_update=True
            ).create(vals_list)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _complaint_stage(self, step):
        self.ensure_one()
        stage = self.team_id._get_applicable_stages().filtered(
            lambda s: s.complaint_step == step
        )[:1]
        if not stage:
            raise UserError(
                self.env._(
                    "The team %(team)s has no stage for this step.",
                    team=self.team_id.name,
                )
            )
        return stage

    def _complaint_move(self, step):
        for ticket in self:
            ticket.stage_id = ticket._complaint_stage(step)

    def action_next_step(self):
        """Step button: move forward to the next step of the procedure."""
        order = [code for code, _label in COMPLAINT_STEPS]
        for ticket in self:
            step = ticket.complaint_step
            if not step or step == "closed":
                raise UserError(self.env._("This complaint has no next step."))
            target = order[order.index(step) + 1]
            if ticket.feedback_type != "complaint" or (
                step == "verification" and ticket.validity in ("not_valid", "duplicate")
            ):
                target = "closed"
            ticket._complaint_move(target)
        return True

    def action_view_sale_order(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": self.sale_order_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_merge_duplicate(self):
        """Merge this complaint into the one it duplicates: its messages,
        files and evidence move to the original, and it closes."""
        for ticket in self:
            original = ticket.duplicate_id
            if not original or original == ticket:
                raise UserError(
                    self.env._("Set the original complaint in “Duplicate of” first.")
                )
            if original.duplicate_id == ticket:
                raise UserError(
                    self.env._("Two complaints cannot duplicate each other.")
                )
            self.env["mail.message"].sudo().search(
                [("model", "=", ticket._name), ("res_id", "=", ticket.id)]
            ).write({"res_id": original.id})
            self.env["ir.attachment"].sudo().search(
                [("res_model", "=", ticket._name), ("res_id", "=", ticket.id)]
            ).write({"res_id": original.id})
            ticket.with_context(active_test=False).evidence_ids.sudo().write(
                {"ticket_id": original.id}
            )
            original.message_post(
                body=self.env._(
                    "Complaint %(number)s was merged into this one.",
                    number=ticket.number,
                )
            )
            ticket.validity = "duplicate"
            ticket._complaint_move("closed")
            ticket.message_post(
                body=self.env._(
                    "Merged into %(number)s: its messages and files are there.",
                    number=original.number,
                )
            )
        return True

    def action_view_evidence(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Evidence"),
            "res_model": "printing.complaint.evidence",
            "view_mode": "list,form",
            "domain": [("ticket_id", "=", self.id)],
            "context": {"default_ticket_id": self.id},
        }

    def action_propose_solutions(self):
        """Propose the usual solutions of the responsibility type (the matrix
        responsibility → solution types), for the affected lines."""
        Solution = self.env["printing.complaint.solution"]
        for ticket in self:
            if not ticket.responsibility_id:
                raise UserError(self.env._("Set the responsibility type first."))
            existing = ticket.solution_ids.filtered(
                lambda s: s.state not in ("cancelled", "rejected")
            ).type_id
            vals_list = [
                ticket._solution_default_vals(solution_type)
                for solution_type in ticket.responsibility_id.solution_type_ids
                if solution_type not in existing
            ]
            Solution.create(vals_list)
        return True

    def _solution_default_vals(self, solution_type):
        self.ensure_one()
        return {
            "ticket_id": self.id,
            "type_id": solution_type.id,
            "sale_line_ids": [fields.Command.set(self.sale_line_ids.ids)],
            "deadline": fields.Date.add(fields.Date.context_today(self), days=7),
        }

    def action_send_offer(self):
        """Offer the approved solutions to the customer by email and move to
        the customer confirmation step. Nothing unapproved is offered."""
        for ticket in self:
            live = ticket.solution_ids.filtered(
                lambda s: s.state not in ("cancelled", "rejected")
            )
            if not live:
                raise UserError(self.env._("There is no solution to offer."))
            unapproved = live.filtered(lambda s: s.state != "approved")
            if unapproved:
                raise UserError(
                    self.env._(
                        "These solutions are not approved yet: %(solutions)s",
                        solutions=", ".join(unapproved.mapped("display_name")),
                    )
                )
            live.write({"state": "offered"})
            ticket._complaint_move("confirmation")
            ticket._portal_ensure_token()
            ticket.message_post_with_source(
                "printing_complaint.mail_template_complaint_offer",
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_record_decision(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Customer's decision"),
            "res_model": "printing.complaint.decision",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_ticket_id": self.id,
                "default_partner_id": self.partner_id.id,
                "default_channel_id": self.channel_id.id,
            },
        }

    def action_view_reprint_orders(self):
        self.ensure_one()
        orders = self.solution_ids.reprint_order_id
        action = self.env["ir.actions.act_window"]._for_xml_id("sale.action_orders")
        action["domain"] = [("id", "in", orders.ids)]
        action["context"] = {"create": False}
        if len(orders) == 1:
            action["views"] = [(False, "form")]
            action["res_id"] = orders.id
        return action

    def action_view_credit_notes(self):
        self.ensure_one()
        moves = self.solution_ids.credit_note_ids
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_refund_type"
        )
        action["domain"] = [("id", "in", moves.ids)]
        action["context"] = {"create": False}
        if len(moves) == 1:
            action["views"] = [(False, "form")]
            action["res_id"] = moves.id
        return action

    def action_acknowledge(self):
        self.filtered(lambda t: not t.acknowledged_date).write(
            {"acknowledged_date": fields.Datetime.now()}
        )
        return True

    # ------------------------------------------------------------------
    # Closure, rating, reopening
    # ------------------------------------------------------------------
    def action_confirm_closure(self, channel=None):
        """The customer confirmed that the complaint can be closed (told to
        the rep, or in the portal)."""
        for ticket in self:
            if ticket.complaint_step != "closure":
                raise UserError(
                    self.env._(
                        "%(number)s is not at the closure step.", number=ticket.number
                    )
                )
            ticket.write(
                {
                    "closure_confirmed": True,
                    "closure_channel_id": (channel or ticket.channel_id).id,
                }
            )
            ticket.sudo().closure_confirmed_date = fields.Datetime.now()
        return True

    def action_record_rating(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Customer's rating"),
            "res_model": "printing.complaint.rating.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def _complaint_apply_rating(self, score, feedback, channel_name, token=None):
        """Record the customer's 1-5 satisfaction on the closure's rating
        (the one of the link in the closure email, or a new one)."""
        self.ensure_one()
        if self.complaint_step != "closed" or self.feedback_type != "complaint":
            raise UserError(self.env._("A complaint is rated once it is closed."))
        if score not in range(1, 6):
            raise UserError(self.env._("A rating is a score from 1 to 5."))
        # Whoever may change the complaint records its rating; the rating
        # record itself is written as superuser (see rating_rating.py).
        self.check_access("write")
        token = token or self._rating_get_access_token()
        feedback = (feedback or "").strip()
        if channel_name:
            feedback = self.env._(
                "(%(channel)s) %(feedback)s", channel=channel_name, feedback=feedback
            ).strip()
        return self.sudo().rating_apply(score, token=token, feedback=feedback)

    def action_reopen(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reopen the complaint"),
            "res_model": "printing.complaint.reopen.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def _complaint_reopen(self, reason):
        """Reopen a closed complaint: back to the solution step (verification
        for one closed as not valid), its history and ratings kept."""
        self.ensure_one()
        if not self.env.user.has_group("printing_complaint.group_complaint_manager"):
            raise AccessError(
                self.env._("Only a complaint manager reopens a closed complaint.")
            )
        if self.complaint_step != "closed" or self.feedback_type != "complaint":
            raise UserError(self.env._("Only a closed complaint can be reopened."))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for reopening."))
        target = "solution" if self.validity == "valid" else "verification"
        self.with_context(complaint_reopen_reason=reason).write(
            {"stage_id": self._complaint_stage(target).id, "closure_confirmed": False}
        )
        self.sudo().write(
            {"closure_confirmed_date": False, "reopen_count": self.reopen_count + 1}
        )
        self.message_post(
            body=self.env._("Complaint reopened: %(reason)s", reason=reason),
            subtype_xmlid="mail.mt_note",
        )
        return True

    # ------------------------------------------------------------------
    # Corrective and preventive actions
    # ------------------------------------------------------------------
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
            planned = ticket.capa_action_ids.filtered("containment_scope")
            if planned:
                raise UserError(
                    self.env._(
                        "The containment of %(number)s is already planned.",
                        number=ticket.number,
                    )
                )
            Action.create(ticket._containment_actions_vals())
        return True

    def _containment_actions_vals(self):
        self.ensure_one()
        company = self.company_id
        owner = self.responsible_user_id or self.user_id or self.env.user
        common = {
            "complaint_ids": [fields.Command.set(self.ids)],
            "company_id": company.id,
            "user_id": owner.id,
            "department": self.responsible_department,
        }
        scopes = dict(
            self.env["mgmtsystem.action"]
            ._fields["containment_scope"]
            ._description_selection(self.env)
        )
        containment_deadline = company._complaint_plan_working_days(
            company.complaint_containment_days
        )
        vals_list = [
            dict(
                common,
                name=self.env._(
                    "%(number)s: contain %(scope)s",
                    number=self.number,
                    scope=scopes[scope].lower(),
                ),
                type_action="immediate",
                containment_scope=scope,
                date_deadline=containment_deadline,
            )
            for scope in ("stock", "transit", "customer")
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
        activity_type = self.env.ref("printing_complaint.activity_complaint_follow_up")
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": ticket.id,
                    "activity_type_id": activity_type.id,
                    "summary": activity_type.summary,
                    "user_id": (ticket.user_id or ticket.team_id.user_id).id
                    or self.env.uid,
                    "date_deadline": today,
                }
                for ticket in due
            ]
        )
        for interval, tickets in due.grouped(
            lambda t: t.company_id.complaint_follow_up_interval
        ).items():
            tickets.write({"follow_up_next_date": today + timedelta(days=interval)})
        return True

    # ------------------------------------------------------------------
    # Progress updates to the customer during execution
    # ------------------------------------------------------------------
    def _message_post_after_hook(self, message, msg_vals):
        """A message sent to the customer while the solutions are carried out
        is the progress update the procedure asks for every 12-24 h."""
        result = super()._message_post_after_hook(message, msg_vals)
        customer = self.partner_id
        if (
            self.complaint_step == "execution"
            and customer
            and msg_vals.get("message_type") == "comment"
            and customer.id
            in (msg_vals.get("partner_ids") or []) + self.message_partner_ids.ids
            and msg_vals.get("subtype_id")
            == self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_comment")
        ):
            self.sudo().last_progress_date = fields.Datetime.now()
            self.activity_ids.filtered(
                lambda a: a.activity_type_id.id
                == self.env["ir.model.data"]._xmlid_to_res_id(
                    "printing_complaint.activity_complaint_progress"
                )
            ).action_feedback(feedback=self.env._("Customer informed."))
        return result

    @api.model
    def _cron_execution_reminders(self):
        """Ask the owners to inform their customers while solutions are open,
        and to announce a new date when a solution's deadline is missed.
        Activities are created in one batch (no query per complaint)."""
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        progress_type = self.env.ref("printing_complaint.activity_complaint_progress")
        late_type = self.env.ref("printing_complaint.activity_complaint_solution_late")
        model_id = self.env["ir.model"]._get_id(self._name)

        def activity(ticket, activity_type, summary=False):
            return {
                "res_model_id": model_id,
                "res_id": ticket.id,
                "activity_type_id": activity_type.id,
                "summary": summary or activity_type.summary,
                "user_id": (ticket.user_id or ticket.team_id.user_id).id,
                "date_deadline": today,
            }

        vals_list = []
        for ticket in self.search(
            [("complaint_step", "=", "execution"), ("user_id", "!=", False)]
        ):
            interval = timedelta(hours=ticket.company_id.complaint_progress_interval)
            last = ticket.last_progress_date or ticket.step_entry_date or now
            waiting = ticket.activity_ids.filtered(
                lambda a: a.activity_type_id == progress_type
            )
            if not waiting and now - last >= interval:
                vals_list.append(activity(ticket, progress_type))
        late = self.env["printing.complaint.solution"].search(
            [
                ("state", "in", ("accepted", "in_execution")),
                ("deadline", "<", today),
                ("deadline_missed_notified", "=", False),
            ]
        )
        for solution in late.filtered(
            lambda s: s.ticket_id.user_id or s.ticket_id.team_id.user_id
        ):
            summary = self.env._(
                "%(solution)s is late: set a new date, the customer is told of it",
                solution=solution.type_id.name,
            )
            vals_list.append(activity(solution.ticket_id, late_type, summary))
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(
            vals_list
        )
        late.write({"deadline_missed_notified": True})
        return True

    # ------------------------------------------------------------------
    # Overdue escalation (cron)
    # ------------------------------------------------------------------
    @api.model
    def message_new(self, msg, custom_values=None):
        """An email to the complaint team's alias registers a complaint."""
        ticket = super().message_new(msg, custom_values=custom_values)
        if ticket.is_complaint and not ticket.channel_id:
            ticket.channel_id = self.env.ref(
                "helpdesk_mgmt.helpdesk_ticket_channel_email", raise_if_not_found=False
            )
        return ticket

    @api.model
    def _cron_escalate_overdue(self, batch_size=200):
        """Flag the steps past their deadline and tell the team's manager,
        once per breach; works in batches with a fixed number of queries."""
        History = self.env["printing.complaint.stage.history"].sudo()
        domain = [
            ("exit_date", "=", False),
            ("escalated", "=", False),
            ("deadline", "<", fields.Datetime.now()),
        ]
        activity_type = self.env.ref("printing_complaint.activity_complaint_overdue")
        model_id = self.env["ir.model"]._get_id("helpdesk.ticket")
        while True:
            lines = History.search(domain, limit=batch_size)
            if not lines:
                break
            lines.write({"escalated": True, "is_late": True})
            tickets = lines.ticket_id
            activities = []
            by_manager = {}
            for ticket in tickets:
                manager = ticket.team_id.user_id or self.env.ref("base.user_admin")
                by_manager.setdefault(manager, self.browse())
                by_manager[manager] |= ticket
                activities.append(
                    {
                        "res_model_id": model_id,
                        "res_id": ticket.id,
                        "activity_type_id": activity_type.id,
                        "summary": self.env._("Complaint overdue"),
                        "user_id": manager.id,
                        "date_deadline": fields.Date.today(),
                    }
                )
            self.env["mail.activity"].with_context(
                mail_activity_quick_update=True
            ).create(activities)
            tickets._message_log_batch(
                bodies={
                    ticket.id: self.env._(
                        "The deadline of this step has passed: escalated to "
                        "the team manager."
                    )
                    for ticket in tickets
                },
            )
            for manager, overdue in by_manager.items():
                manager._complaint_notify_overdue(overdue)
            if len(lines) < batch_size:
                break
        return True
