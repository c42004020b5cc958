# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The facts each complaint type records (delivery dates, the staff member
concerned, counted quantities), and the job of a walk-in customer who has
no sale order: an invoice, or a job reference and its amount."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .helpdesk_ticket_type import TYPE_FACTS


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    # The type's facts, for the views (which fields to show and require).
    needs_evidence = fields.Boolean(compute="_compute_type_facts")
    needs_service_facts = fields.Boolean(compute="_compute_type_facts")
    needs_proof_check = fields.Boolean(compute="_compute_type_facts")
    needs_defect_category = fields.Boolean(compute="_compute_type_facts")
    needs_delivery_dates = fields.Boolean(compute="_compute_type_facts")
    needs_quantities = fields.Boolean(compute="_compute_type_facts")

    # Delivery and lead time
    promised_delivery_date = fields.Date(tracking=True)
    actual_delivery_date = fields.Date(tracking=True)
    delivery_delay_days = fields.Integer(
        string="Days late",
        compute="_compute_delivery_delay_days",
        help="Actual minus promised delivery date, in calendar days.",
    )
    # Service
    staff_concerned = fields.Char(
        string="Staff member concerned",
        tracking=True,
        groups="base.group_user",
        help="Who served the customer (a name or a counter), as the customer says it.",
    )
    incident_datetime = fields.Datetime(string="When it happened", tracking=True)
    # Quantity and packaging
    ordered_quantity = fields.Float(digits="Product Unit of Measure", tracking=True)
    counted_quantity = fields.Float(
        digits="Product Unit of Measure",
        tracking=True,
        help="What was counted on receipt (by the customer, or QC on a sample).",
    )

    # A walk-in or cash customer's job, without a sale order
    invoice_id = fields.Many2one(
        "account.move",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        domain="[('move_type', '=', 'out_invoice'), ('state', '=', 'posted'),"
        " ('company_id', '=', company_id)]",
        help="The invoice of the job, when it has no sale order.",
    )
    job_reference = fields.Char(
        tracking=True,
        help="The job as written down at the counter (a job bag number, a "
        "receipt), when there is no sale order or invoice.",
    )
    job_amount = fields.Monetary(
        currency_field="company_currency_id",
        tracking=True,
        help="What the customer paid for the job.",
    )

    @api.depends("type_id")
    def _compute_type_facts(self):
        for ticket in self:
            for fact in TYPE_FACTS:
                ticket[fact] = ticket._type_needs(fact)

    def _type_needs(self, fact):
        """Whether this complaint's type asks for fact (a TYPE_FACTS key)."""
        return self.type_id[fact] if self.type_id else TYPE_FACTS[fact]

    @api.depends("promised_delivery_date", "actual_delivery_date")
    def _compute_delivery_delay_days(self):
        for ticket in self:
            promised = ticket.promised_delivery_date
            actual = ticket.actual_delivery_date
            ticket.delivery_delay_days = (
                (actual - promised).days if promised and actual else 0
            )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("category_id", "type_id")
    def _check_category_of_type(self):
        for ticket in self.filtered(lambda t: t.type_id and t.category_id):
            category_type = ticket.category_id.complaint_type_id
            if category_type and category_type != ticket.type_id:
                raise ValidationError(
                    self.env._(
                        "The category “%(category)s” belongs to %(category_type)s "
                        "complaints, not to %(type)s complaints.",
                        category=ticket.category_id.display_name,
                        category_type=category_type.name,
                        type=ticket.type_id.name,
                    )
                )

    @api.constrains("invoice_id", "partner_id")
    def _check_invoice_of_customer(self):
        for ticket in self.filtered("invoice_id"):
            invoice = ticket.invoice_id
            if invoice.move_type != "out_invoice" or invoice.state != "posted":
                raise ValidationError(
                    self.env._("A complaint refers to a posted customer invoice.")
                )
            if (
                ticket.partner_id
                and invoice.commercial_partner_id
                != ticket.partner_id.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "The invoice %(invoice)s is not the customer's.",
                        invoice=invoice.name,
                    )
                )

    @api.constrains("ordered_quantity", "counted_quantity", "job_amount")
    def _check_fact_amounts(self):
        for ticket in self:
            if min(ticket.ordered_quantity, ticket.counted_quantity) < 0:
                raise ValidationError(self.env._("A quantity cannot be negative."))
            if ticket.job_amount < 0:
                raise ValidationError(self.env._("The job amount cannot be negative."))

    # ------------------------------------------------------------------
    # Gates (helpdesk_ticket_gates.py)
    # ------------------------------------------------------------------
    def _gate_job(self):
        """What the complaint is about: the order and its lines, or for a
        customer without an order, the invoice or the job written down."""
        if self.sale_order_id or not (self.invoice_id or self.job_reference):
            return [
                (
                    self.sale_order_id,
                    self.env._(
                        "the sale order (or, without an order, the invoice or the "
                        "job reference)"
                    ),
                ),
                (self.sale_line_ids, self.env._("the affected order lines")),
            ]
        return [
            (
                self.invoice_id or self.job_amount,
                self.env._("the amount the customer paid for the job"),
            )
        ]

    def _gate_type_registration(self):
        checks = []
        if self._type_needs("needs_evidence"):
            checks.append(
                (
                    self.evidence_ids or self.evidence_waived,
                    self.env._(
                        "evidence (a photo, video or sample note), or QC's waiver"
                    ),
                )
            )
        if self._type_needs("needs_service_facts"):
            checks += [
                (self.staff_concerned, self.env._("the staff member concerned")),
                (self.incident_datetime, self.env._("when it happened")),
            ]
        return checks

    def _gate_type_verification(self):
        checks = []
        if self._type_needs("needs_proof_check"):
            checks.append(
                (
                    self.proof_checked,
                    self.env._("the order specs and signed proof checked"),
                )
            )
        if self._type_needs("needs_defect_category"):
            checks.append((self.category_id, self.env._("the defect category")))
        if self._type_needs("needs_delivery_dates"):
            checks.append(
                (
                    self.promised_delivery_date and self.actual_delivery_date,
                    self.env._("the promised and the actual delivery dates"),
                )
            )
        if self._type_needs("needs_quantities"):
            checks.append(
                (
                    self.ordered_quantity and self.counted_quantity,
                    self.env._("the ordered and the counted quantities"),
                )
            )
        return checks
