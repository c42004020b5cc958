# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaint on helpdesk.ticket: intake, classification and creation.
The other concerns extend the same model in their own files:
helpdesk_ticket_number.py (the complaint number), _duplicate.py (merging a
duplicate), _facts.py (the facts of each complaint type, walk-in jobs),
helpdesk_ticket_procedure.py (steps, clock), _escalation.py (overdue
steps), _gates.py (what each step needs), _investigation.py, _solution.py
(solutions, offer, execution follow-up), _closure.py (closure, rating,
reopening), _capa.py (actions, follow-up), _recurrence.py and the smaller
ones beside them."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

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
SEVERITY_PRIORITY = {"general": "1", "important": "2", "major": "3"}


class HelpdeskTicket(models.Model):
    _name = "helpdesk.ticket"
    _inherit = (
        "helpdesk.ticket",
        "printing.complaint.activity.mixin",
        "printing.complaint.number.mixin",
    )

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
    # The order's salesperson, stored to group the complaints by.
    salesperson_id = fields.Many2one(
        related="sale_order_id.user_id",
        store=True,
        string="Salesperson",
        groups="base.group_user",
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
    customer_met_before = fields.Boolean(
        string="Met before", help="The customer has met this problem before."
    )
    customer_actions = fields.Text(string="What the customer already did")
    request_ids = fields.Many2many(
        "printing.complaint.request", string="Customer requests"
    )
    received_by_id = fields.Many2one(
        "res.users",
        string="Received by",
        default=lambda self: self.env.user,
        groups="base.group_user",
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
        groups="base.group_user",
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
        selection=SEVERITIES,
        default="general",
        tracking=True,
        index=True,
        groups="base.group_user",
    )
    is_safety = fields.Boolean(
        string="Safety issue",
        tracking=True,
        help="Anything touching safety is urgent and handled first.",
        groups="base.group_user",
    )
    priority = fields.Selection(compute="_compute_priority", store=True, readonly=False)
    proof_checked = fields.Boolean(
        string="Order specs and signed proof checked",
        tracking=True,
        groups="base.group_user",
    )
    measure_kind = fields.Selection(related="category_id.measure_kind")
    measured_deviation = fields.Float(
        help="ΔE, CMYK % or mm, as the category measures it.",
        tracking=True,
        groups="base.group_user",
    )
    tolerance = fields.Float(
        compute="_compute_tolerance",
        store=True,
        help="Agreed for the order, else the product's, else the company's.",
        groups="base.group_user",
    )
    out_of_tolerance = fields.Boolean(
        compute="_compute_tolerance", store=True, groups="base.group_user"
    )
    validity = fields.Selection(
        selection=VALIDITIES,
        default="to_check",
        required=True,
        tracking=True,
    )
    invalid_reason = fields.Text(string="Why not valid", groups="base.group_user")

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
    # Creation: registered in the first step, with one note per batch
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        vals_list = self._complaint_prepare_vals(vals_list)
        teamless = [i for i, vals in enumerate(vals_list) if not vals.get("team_id")]
        # A batch of complaints gets one note instead of a message_post (and
        # its notification round) per complaint; the step activity and the
        # acknowledgement email tell the people concerned.
        batch = self._all_complaints(vals_list) and not self.env.context.get(
            "mail_create_nolog"
        )
        creator = (
            self.with_context(mail_create_nolog=True, complaint_batch_create=True)
            if batch
            else self
        )
        tickets = super(HelpdeskTicket, creator).create(vals_list).with_env(self.env)
        if teamless:
            tickets.browse([tickets.ids[i] for i in teamless])._complaint_number_late()
        if batch:
            tickets._complaint_log_batch(lambda env: env._("Complaint registered."))
            tickets._complaint_subscribe_owners()
        # The stage given at creation passes the same gate as a stage
        # written later: no plain ticket in a complaint step, no complaint
        # in helpdesk_mgmt's "Done" (closed without its steps).
        tickets._complaint_check_stages()
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

    def _all_complaints(self, vals_list):
        Stage = self.env["helpdesk.ticket.stage"]
        return all(
            vals.get("stage_id") and Stage.browse(vals["stage_id"]).complaint_step
            for vals in vals_list
        )

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

    @api.model
    def message_new(self, msg, custom_values=None):
        """An email to the complaint team's alias registers a complaint."""
        ticket = super().message_new(msg, custom_values=custom_values)
        if ticket.is_complaint and not ticket.channel_id:
            ticket.channel_id = self.env.ref(
                "helpdesk_mgmt.helpdesk_ticket_channel_email", raise_if_not_found=False
            )
        return ticket

    # ------------------------------------------------------------------
    # The complaint form
    # ------------------------------------------------------------------
    @api.depends("name", "number", "is_complaint")
    def _compute_display_name(self):
        """A complaint not saved yet has no number: its breadcrumb reads
        "New complaint" (or its title), not helpdesk_mgmt's "/ - False"."""
        res = super()._compute_display_name()
        for ticket in self:
            if ticket.is_complaint and ticket.number in (False, "", "/"):
                ticket.display_name = ticket.name or self.env._("New complaint")
        return res

    @api.model
    def _complaint_form_view_id(self):
        """The complaint form: a primary view of its own, helpdesk_mgmt's form
        staying the plain tickets' one."""
        return self.env.ref("printing_complaint.helpdesk_ticket_view_form_complaint").id

    def _complaint_section_action(
        self, name, res_model, list_view, domain, context=None, with_form=False
    ):
        """The act_window of a read-only section of the complaint form (its
        list view, on this complaint's records): what the form's
        complaint_section_list widget shows when its tab is opened; a row
        opens in the complaint form with_form. The caller must be allowed to
        read the complaint."""
        self.ensure_one()
        self.check_access("read")
        views = [(self.env.ref(list_view).id, "list")]
        if with_form:
            views.append((self._complaint_form_view_id(), "form"))
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": res_model,
            "views": views,
            "domain": domain,
            "context": {"create": False, **(context or {})},
        }

    def get_formview_id(self, access_uid=None):
        """A complaint opens in the complaint form wherever it is opened by
        its record (a many2one, a notification's link, get_formview_action,
        helpdesk_mgmt's form redirecting); a plain ticket in helpdesk_mgmt's."""
        if len(self) == 1 and self.sudo().is_complaint:
            return self._complaint_form_view_id()
        return super().get_formview_id(access_uid=access_uid)

    def _complaint_url(self):
        """The backend link of a complaint in an email or a digest: the
        Complaints action and the complaint form."""
        self.ensure_one()
        return f"/odoo/action-printing_complaint.action_complaints/{self.id}"

    # ------------------------------------------------------------------
    # Intake actions
    # ------------------------------------------------------------------
    def action_acknowledge(self):
        self.filtered(lambda t: not t.acknowledged_date).write(
            {"acknowledged_date": fields.Datetime.now()}
        )
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
