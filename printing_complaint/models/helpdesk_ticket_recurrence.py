# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Recurrence: the earlier complaints of the same customer, product or
defect category within the company's window, and the earlier complaint
whose root cause a complaint repeats."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    earlier_complaint_ids = fields.Many2many(
        "helpdesk.ticket",
        string="Earlier complaints",
        compute="_compute_earlier_complaint_ids",
        help="Complaints of the same customer, product or defect category "
        "within the company's recurrence window.",
        groups="base.group_user",
    )
    earlier_complaint_count = fields.Integer(
        compute="_compute_earlier_complaint_ids", groups="base.group_user"
    )
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
        groups="base.group_user",
    )
    is_repeat_cause = fields.Boolean(
        string="Recurring root cause",
        compute="_compute_is_repeat_cause",
        store=True,
        groups="base.group_user",
    )
    recurrence_action_ids = fields.Many2many(
        related="recurrence_of_id.capa_action_ids",
        string="Actions of the earlier complaint",
        groups="base.group_user",
    )

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
