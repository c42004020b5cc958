# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The investigation of a complaint (step 3): the responsibility type, who
investigates, the production records traced, the 5-Why chain, the 6M
category, the root cause (where the fault occurred) and the escape cause
(why inspection did not catch it)."""

from odoo import api, fields, models

from .helpdesk_ticket_procedure import STEP_ACTIVITY_TYPES

# The 6M fishbone (人机料法环测)
CAUSE_CATEGORIES = [
    ("man", "Man"),
    ("machine", "Machine"),
    ("material", "Material"),
    ("method", "Method"),
    ("environment", "Environment"),
    ("measurement", "Measurement"),
]


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    responsibility_id = fields.Many2one(
        "printing.complaint.responsibility",
        tracking=True,
        index=True,
        groups="base.group_user",
    )
    responsible_department = fields.Char(
        related="responsibility_id.department", groups="base.group_user"
    )
    responsible_user_id = fields.Many2one(
        "res.users",
        string="Investigated by",
        compute="_compute_responsible_user_id",
        store=True,
        readonly=False,
        tracking=True,
        groups="base.group_user",
    )
    supplier_id = fields.Many2one(
        "res.partner",
        string="Supplier at fault",
        tracking=True,
        help="Material faults: the supplier of the paper, ink or consumable, "
        "for the claim.",
        groups="base.group_user",
    )
    work_order_ref = fields.Char(string="Work order", groups="base.group_user")
    material_requisition_ref = fields.Char(
        string="Material requisition", groups="base.group_user"
    )
    press_log_ref = fields.Char(string="Press operator log", groups="base.group_user")
    qc_report_ref = fields.Char(string="QC report", groups="base.group_user")
    why_1 = fields.Char(groups="base.group_user")
    why_2 = fields.Char(groups="base.group_user")
    why_3 = fields.Char(groups="base.group_user")
    why_4 = fields.Char(groups="base.group_user")
    why_5 = fields.Char(groups="base.group_user")
    cause_category = fields.Selection(
        CAUSE_CATEGORIES, string="6M category", tracking=True, groups="base.group_user"
    )
    root_cause = fields.Text(tracking=True, groups="base.group_user")
    escape_cause = fields.Text(
        string="Escape cause",
        tracking=True,
        help="Why inspection did not catch the fault before it reached the "
        "customer (流出原因); the root cause is why it occurred.",
        groups="base.group_user",
    )
    customer_summary = fields.Text(
        string="Findings for the customer",
        tracking=True,
        copy=False,
        help="What the verification found, who was responsible and why, in "
        "words meant for the customer: the offer and the closure confirmation "
        "print it. The root cause above stays internal.",
    )

    @api.depends("responsibility_id")
    def _compute_responsible_user_id(self):
        for ticket in self:
            owner = ticket.responsibility_id.owner_user_id
            ticket.responsible_user_id = owner or ticket.responsible_user_id

    def write(self, vals):
        result = super().write(vals)
        if {"responsibility_id", "responsible_user_id"} & set(vals):
            self._complaint_route_investigation()
        return result

    def _complaint_route_investigation(self):
        """The responsibility names who investigates: the open activity of the
        solution step goes to them."""
        for ticket in self.filtered(
            lambda t: t.complaint_step == "solution" and t.responsible_user_id
        ):
            ticket._complaint_activities_reschedule(
                [STEP_ACTIVITY_TYPES["solution"]], ticket.responsible_user_id
            )
