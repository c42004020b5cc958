# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Recurrence: the earlier complaints of the same customer, product or
defect category within the company's window, and the earlier complaint
whose root cause a complaint repeats."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression
from odoo.tools import SQL
from odoo.tools.sql import create_index

# The form lists the newest earlier complaints only; its button opens them all.
EARLIER_SHOWN = 5
# The form counts the earlier complaints up to this many and says "100+"
# beyond: a count of a big customer's whole window would grow with it.
EARLIER_COUNTED = 100


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    earlier_complaint_ids = fields.Many2many(
        "helpdesk.ticket",
        string="Earlier complaints",
        compute="_compute_earlier_complaint_ids",
        help="The newest complaints of the same customer, product or defect "
        "category within the company's recurrence window (all of them: the "
        "button beside).",
        groups="base.group_user",
    )
    earlier_complaint_count = fields.Integer(
        compute="_compute_earlier_complaint_ids",
        help="How many earlier complaints there are, up to 100 (the list of "
        "the button beside counts them all).",
        groups="base.group_user",
    )
    earlier_complaint_more = fields.Boolean(
        string="More earlier complaints",
        compute="_compute_earlier_complaint_ids",
        help="There are more earlier complaints than the form counts.",
        groups="base.group_user",
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

    def init(self):
        res = super().init()
        # The earlier complaints, newest first, of a window of received dates:
        # the form's first few are read in this index's order and stop early.
        create_index(
            self.env.cr,
            "helpdesk_ticket_complaint_received_index",
            self._table,
            ["received_date DESC", "id DESC"],
            where="is_complaint",
        )
        # The customer's and the defect category's complaints of the window,
        # counted without reading the window's other complaints.
        for column in ("commercial_partner_id", "category_id"):
            create_index(
                self.env.cr,
                f"helpdesk_ticket_complaint_{column}_received_index",
                self._table,
                [column, "received_date"],
                where="is_complaint",
            )
        # The root cause a classified complaint repeats: its category's
        # complaints of the same 6M cause, not all of the category's window.
        create_index(
            self.env.cr,
            "helpdesk_ticket_complaint_cause_received_index",
            self._table,
            ["category_id", "cause_category", "received_date"],
            where="is_complaint",
        )
        return res

    def _recurrence_window(self):
        """(start, end) of the window in which earlier complaints count."""
        self.ensure_one()
        end = self.received_date or self.create_date or fields.Datetime.now()
        return end - timedelta(days=self.company_id.complaint_recurrence_days), end

    # ------------------------------------------------------------------
    # Earlier complaints in SQL: one statement per batch, whatever the
    # history. Each way of matching (customer, product, defect category) is
    # its own simple SELECT and the SELECTs are joined by UNION: an OR of
    # them, with the product's match, would read the whole window and make
    # PostgreSQL's planner estimate it so costly that it compiles it (JIT).
    # ------------------------------------------------------------------
    def _earlier_rows(self):
        """The VALUES of self's complaints, one row each, keyed by position:
        what their earlier complaints are matched against. The window's start
        and a saved complaint's products are left to the query (see
        _earlier_lookup): reading them here would cost three queries more."""
        rows = []
        for key, ticket in enumerate(self):
            rows.append(
                SQL(
                    "(%s, %s::int, %s::timestamp, %s::int, %s::int,"
                    " %s::int, %s::varchar, %s::int[])",
                    key,
                    ticket.company_id.id,
                    ticket.received_date or ticket.create_date or fields.Datetime.now(),
                    # A complaint not saved yet comes after every saved one
                    # received at the same moment: the largest id.
                    ticket._origin.id or 2**31 - 1,
                    ticket.commercial_partner_id.id or None,
                    ticket.category_id.id or None,
                    ticket.cause_category or None,
                    # A record of the form has its lines in memory; a saved
                    # one's are in the database (flushed).
                    None if ticket.id else ticket.product_ids._origin.ids,
                )
            )
        return SQL(", ").join(rows)

    def _earlier_readable(self):
        """(FROM, WHERE) of the complaints the user may read (their record
        rules), built once for the several SELECTs of a lookup."""
        query = self._search([("is_complaint", "=", True)])
        return query.from_clause, query.where_clause

    def _earlier_select(self, readable, match, limit=None):
        """SELECT (received_date, id) of the complaints of readable (see
        _earlier_readable) that are earlier ones of the complaint `me` (a
        row of _earlier_rows) and satisfy match; the newest `limit` of them
        when limit is given."""
        from_clause, where_clause = readable
        return SQL(
            "(SELECT helpdesk_ticket.received_date, helpdesk_ticket.id"
            " FROM %s WHERE %s"
            # Spelled as the indexes' predicate, for the planner.
            " AND helpdesk_ticket.is_complaint"
            " AND helpdesk_ticket.company_id = me.company_id"
            " AND helpdesk_ticket.received_date >= me.date_from"
            " AND (helpdesk_ticket.received_date, helpdesk_ticket.id)"
            " < (me.date_to, me.origin_id)"
            # Edited in the form, a saved complaint may be received later
            # than it was: it is still not an earlier one of itself.
            " AND helpdesk_ticket.id != me.origin_id"
            " AND (%s)%s)",
            from_clause,
            where_clause,
            match,
            SQL(
                " ORDER BY helpdesk_ticket.received_date DESC,"
                " helpdesk_ticket.id DESC LIMIT %s",
                limit,
            )
            if limit
            else SQL(),
        )

    def _earlier_product_match(self):
        """SQL: the complaint shares a product with `me`. The complaints of
        the products are found first, from the order lines, and then read by
        id: an EXISTS per complaint of the window made PostgreSQL read the
        whole window (36,000 complaints at 100,000: 40 ms instead of 2)."""
        field = self._fields["sale_line_ids"]
        return SQL(
            "helpdesk_ticket.id = ANY(ARRAY(SELECT rel.%s FROM %s rel"
            " JOIN sale_order_line line ON line.id = rel.%s"
            " WHERE line.product_id = ANY(me.product_ids)))",
            SQL.identifier(field.column1),
            SQL.identifier(field.relation),
            SQL.identifier(field.column2),
        )

    def _earlier_flush(self):
        """Write to the database what the lookup reads of the other
        complaints. A single complaint's own values are the query's VALUES
        and the query leaves it out, so its pending writes wait: QC's
        classification and the root cause it repeats then go in one UPDATE.
        Its order lines are read from the database, so they do not wait."""
        fnames = [
            "active",
            "is_complaint",
            "company_id",
            "received_date",
            "commercial_partner_id",
            "category_id",
            "cause_category",
        ]
        read = [*fnames, "sale_line_ids"]
        self._recompute_model(read)
        cache = self.env.cache
        lines_dirty = cache.get_dirty_records(self, self._fields["sale_line_ids"])
        others_dirty = any(
            cache.get_dirty_records(self, self._fields[fname]) - self
            for fname in fnames
        )
        if len(self) > 1 or lines_dirty or others_dirty:
            self.flush_model(read)

    def _earlier_lookup(self, matches, limit, count=None):
        """{complaint: (ids of its newest `limit` earlier complaints meeting
        any of matches, how many meet them up to count + 1 (None without
        count))}."""
        complaints = self.filtered("is_complaint")
        if not complaints:
            return {}
        complaints._earlier_flush()
        self.env["sale.order.line"].flush_model(["product_id"])
        self.env["res.company"].flush_model(["complaint_recurrence_days"])
        lines = self._fields["sale_line_ids"]
        # Each SELECT reads no more than its newest `per_select`, in its
        # index's order: the newest `limit` of the union are among them, and
        # with a count, when the union has no more than count none was cut
        # short and the number is exact; otherwise there are more than count.
        # The same union gives both, read once.
        per_select = max(limit, count + 1) if count else limit
        readable = self._earlier_readable()
        found = SQL(" UNION ").join(
            self._earlier_select(readable, m, per_select) for m in matches
        )
        rows = self.env.execute_query(
            SQL(
                "WITH given (key, company_id, date_to, origin_id, partner_id,"
                " category_id, cause_category, product_ids) AS (VALUES %s),"
                " me AS (SELECT given.key, given.company_id,"
                " given.date_to - make_interval(days =>"
                " company.complaint_recurrence_days) AS date_from,"
                " given.date_to, given.origin_id, given.partner_id,"
                " given.category_id, given.cause_category,"
                " COALESCE(given.product_ids, ARRAY(SELECT line.product_id"
                " FROM %s rel JOIN sale_order_line line ON line.id = rel.%s"
                " WHERE rel.%s = given.origin_id)) AS product_ids"
                " FROM given LEFT JOIN res_company company"
                " ON company.id = given.company_id)"
                " SELECT me.key,"
                # The LEFT JOIN gives a NULL row to a complaint with none.
                " COALESCE((ARRAY_AGG(found.id ORDER BY found.received_date DESC,"
                " found.id DESC) FILTER (WHERE found.id IS NOT NULL))[1:%s],"
                " ARRAY[]::int[]),"
                " CASE WHEN %s THEN LEAST(COUNT(found.id), %s) END"
                " FROM me LEFT JOIN LATERAL (%s) found ON TRUE"
                " GROUP BY me.key",
                complaints._earlier_rows(),
                SQL.identifier(lines.relation),
                SQL.identifier(lines.column2),
                SQL.identifier(lines.column1),
                limit,
                bool(count),
                (count or 0) + 1,
                found,
            )
        )
        return {complaints[key]: (ids, number) for key, ids, number in rows}

    @api.depends(
        "is_complaint",
        "commercial_partner_id",
        "sale_line_ids",
        "category_id",
        "received_date",
        "company_id.complaint_recurrence_days",
    )
    def _compute_earlier_complaint_ids(self):
        """The newest earlier complaints of the same customer, product or
        defect category, and how many there are (up to EARLIER_COUNTED)."""
        found = self._earlier_lookup(
            [
                SQL("helpdesk_ticket.commercial_partner_id = me.partner_id"),
                self._earlier_product_match(),
                SQL("helpdesk_ticket.category_id = me.category_id"),
            ],
            EARLIER_SHOWN,
            count=EARLIER_COUNTED,
        )
        for ticket in self:
            ids, number = found.get(ticket, ([], 0))
            ticket.earlier_complaint_ids = self.browse(ids)
            ticket.earlier_complaint_count = min(number, EARLIER_COUNTED)
            ticket.earlier_complaint_more = number > EARLIER_COUNTED

    def _earlier_complaints_domain(self):
        """The domain of all the earlier complaints, as the SQL finds them:
        the list the form's button opens."""
        self.ensure_one()
        if not self.is_complaint:
            return expression.FALSE_DOMAIN
        start, end = map(fields.Datetime.to_string, self._recurrence_window())
        origin = self._origin.id
        before = [("received_date", "<=", end)]
        if origin:
            before = expression.OR(
                [
                    [("received_date", "<", end)],
                    [("received_date", "=", end), ("id", "<", origin)],
                ]
            )
        shared = [
            [(name, "in", records.ids)]
            for name, records in (
                ("commercial_partner_id", self.commercial_partner_id),
                ("product_ids", self.product_ids._origin),
                ("category_id", self.category_id),
            )
            if records
        ]
        return expression.AND(
            [
                [
                    ("is_complaint", "=", True),
                    ("company_id", "=", self.company_id.id),
                    ("id", "!=", origin),
                    ("received_date", ">=", start),
                ],
                before,
                expression.OR(shared) if shared else expression.FALSE_DOMAIN,
            ]
        )

    def action_view_earlier_complaints(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Earlier complaints of %s", self.display_name),
            "res_model": "helpdesk.ticket",
            "view_mode": "list,form",
            "views": [
                (
                    self.env.ref(
                        "printing_complaint.helpdesk_ticket_view_list_complaint"
                    ).id,
                    "list",
                ),
                (self._complaint_form_view_id(), "form"),
            ],
            "domain": self._earlier_complaints_domain(),
            "context": {"create": False},
        }

    def action_view_newest_earlier_complaints(self):
        """The newest earlier complaints (EARLIER_SHOWN): the Recurrence
        tab's list, loaded when the tab is opened (the
        complaint_section_list widget)."""
        return self._complaint_section_action(
            self.env._("Earlier complaints of %s", self.display_name),
            "helpdesk.ticket",
            "printing_complaint.helpdesk_ticket_view_list_earlier_complaints",
            [("id", "in", self.earlier_complaint_ids.ids)],
            with_form=True,
        )

    @api.depends("category_id", "cause_category", "commercial_partner_id")
    def _compute_recurrence_of_id(self):
        """A complaint repeats an earlier root cause when an earlier complaint
        of the same customer or product, in the window, had the same defect
        category and the same 6M cause: the newest of them."""
        pending = self.filtered(
            lambda t: not t.recurrence_of_id
            and t.is_complaint
            and t.category_id
            and t.cause_category
        )
        same_cause = SQL(
            "helpdesk_ticket.category_id = me.category_id"
            " AND helpdesk_ticket.cause_category = me.cause_category AND "
        )
        found = pending._earlier_lookup(
            [
                SQL(
                    "%s%s",
                    same_cause,
                    SQL("helpdesk_ticket.commercial_partner_id = me.partner_id"),
                ),
                SQL("%s%s", same_cause, self._earlier_product_match()),
            ],
            1,
        )
        for ticket in pending:
            ticket.recurrence_of_id = self.browse(found.get(ticket, ([], 0))[0])

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
