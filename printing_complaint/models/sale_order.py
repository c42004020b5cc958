# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import check_document_links

# Set by the solution's execution only (see tools.check_document_links).
COMPLAINT_LINK_FIELDS = ("complaint_solution_id", "complaint_origin_order_id")


class SaleOrder(models.Model):
    # The tolerances agreed with the customer for this order.
    _name = "sale.order"
    _inherit = ("sale.order", "printing.complaint.tolerance.mixin")

    complaint_ids = fields.One2many("helpdesk.ticket", "sale_order_id")
    complaint_count = fields.Integer(compute="_compute_complaint_count")
    # A reprint (or rework, replacement) given as a complaint solution.
    complaint_solution_id = fields.Many2one(
        "printing.complaint.solution",
        string="Complaint solution",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    complaint_origin_order_id = fields.Many2one(
        "sale.order",
        string="Reprint of",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    is_complaint_reprint = fields.Boolean(
        compute="_compute_is_complaint_reprint",
        search="_search_is_complaint_reprint",
        string="Complaint reprint",
    )
    complaint_reprint_ids = fields.One2many(
        "sale.order", "complaint_origin_order_id", string="Complaint reprints"
    )

    @api.depends("complaint_ids")
    def _compute_complaint_count(self):
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(
                [("sale_order_id", "in", self.ids)],
                ["sale_order_id"],
                ["__count"],
            )
        )
        for order in self:
            order.complaint_count = counts.get(order, 0)

    @api.depends("complaint_solution_id")
    def _compute_is_complaint_reprint(self):
        for order in self:
            order.is_complaint_reprint = bool(order.complaint_solution_id)

    def _search_is_complaint_reprint(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on complaint reprints."))
        positive = (operator == "=") == bool(value)
        return [("complaint_solution_id", "!=" if positive else "=", False)]

    @api.model_create_multi
    def create(self, vals_list):
        check_document_links(self, vals_list, COMPLAINT_LINK_FIELDS)
        return super().create(vals_list)

    def write(self, vals):
        check_document_links(self, [vals], COMPLAINT_LINK_FIELDS)
        return super().write(vals)

    def _action_confirm(self):
        solutions = self.complaint_solution_id
        solutions._check_accepted_before("confirm")
        # An order using a complaint's discount code: the code as approved.
        cards = self.order_line.coupon_id
        if cards:
            solutions |= (
                self.env["printing.complaint.solution"]
                .sudo()
                .search([("discount_card_id", "in", cards.ids)])
            )
        solutions._check_documents_match()
        return super()._action_confirm()

    def action_view_complaint_solution(self):
        self.ensure_one()
        return self.complaint_solution_id.ticket_id.get_formview_action()

    def action_log_complaint(self):
        """Open a new complaint filled in from this confirmed order."""
        self.ensure_one()
        if self.state != "sale":
            raise UserError(
                self.env._("A complaint can only be logged on a confirmed order.")
            )
        team = self.env["helpdesk.ticket.team"]._complaint_team_of_company(
            self.company_id
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log complaint"),
            "res_model": "helpdesk.ticket",
            "view_mode": "form",
            "views": [(self.env["helpdesk.ticket"]._complaint_form_view_id(), "form")],
            "target": "current",
            "context": {
                "default_team_id": team.id,
                "default_sale_order_id": self.id,
                "default_partner_id": self.partner_id.id,
                "default_company_id": self.company_id.id,
                "default_sale_line_ids": [(6, 0, self.order_line.ids)]
                if len(self.order_line) == 1
                else [],
            },
        }

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "printing_complaint.action_complaints"
        )
        action["domain"] = [("sale_order_id", "=", self.id)]
        action["context"] = {"default_sale_order_id": self.id}
        return action
