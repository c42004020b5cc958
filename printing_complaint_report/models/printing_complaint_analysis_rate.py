# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaint rate (投诉率): the complaints received in a period over the
sale orders delivered in it, by month, customer, product and
responsibility, against the company's target. Each figure is one SQL
statement, whatever the number of complaints and orders.

A delivered order is a sale order of which at least one line is delivered
(qty_delivered > 0), counted in the month of its order date (date_order):
the delivery date (effective_date) exists only with sale_stock, and the
rate must work without stock. The delivered quantity is the sum of the
delivered quantities of those lines. The reprints given as complaint
solutions are not counted: they are the complaint's remedy, not an order."""

from datetime import datetime, time

from odoo import api, fields, models
from odoo.tools import SQL

# The rate by quantity is read per this many delivered units.
UNITS = 10000


class PrintingComplaintAnalysis(models.AbstractModel):
    # One concern per file, as Odoo splits its big models.
    _inherit = "printing.complaint.analysis"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _delivered_orders(self, date_from, date_to):
        """The confirmed orders of the period the user may read, the
        complaints' reprints left out, as a subquery (their delivered lines
        are filtered in SQL)."""
        start = datetime.combine(fields.Date.to_date(date_from), time.min)
        end = datetime.combine(fields.Date.to_date(date_to), time.max)
        return self.env["sale.order"]._search(
            [
                ("company_id", "in", self.env.companies.ids),
                ("state", "=", "sale"),
                # a reprint given as a solution is no order of the customer's
                ("complaint_solution_id", "=", False),
                ("date_order", ">=", start),
                ("date_order", "<=", end),
            ]
        )

    @api.model
    def _rate_row(self, label, complaints, orders, quantity):
        """(label, complaints, delivered orders, delivered quantity, rate,
        complaints per UNITS delivered units); a rate without delivered
        orders is None, not 0."""
        quantity = float(quantity or 0.0)
        return (
            label,
            complaints or 0,
            orders or 0,
            quantity,
            complaints / orders if orders else None,
            complaints * UNITS / quantity if quantity else None,
        )

    @api.model
    def _percent_text(self, ratio):
        """A complaint rate as the dashboard and the emails show it: a
        percentage with two decimals (the target is 0.2 %), "—" for none."""
        return "—" if ratio is None else f"{ratio * 100:.2f} %"

    @api.model
    def _rate_target(self):
        """The company's target as a ratio (the setting is a percentage)."""
        return self.env.company.complaint_rate_target / 100.0

    @api.model
    def _complaint_rate(self, date_from, date_to):
        """The period's rate as one row (label None)."""
        scope = self._scope(date_from, date_to)
        orders = self._delivered_orders(date_from, date_to)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT (SELECT COUNT(*) FROM helpdesk_ticket t
                         WHERE t.id IN %(scope)s),
                       COUNT(DISTINCT l.order_id), SUM(l.qty_delivered)
                  FROM sale_order_line l
                 WHERE l.order_id IN %(orders)s AND l.qty_delivered > 0
                """,
                scope=scope.subselect(),
                orders=orders.subselect(),
            )
        )
        return self._rate_row(None, *self.env.cr.fetchone())

    @api.model
    def _complaint_rate_by_month(self, date_from, date_to):
        """[(month, complaints, orders, quantity, rate, per units)], every
        month of the period, the months without orders included."""
        scope = self._scope(date_from, date_to)
        orders = self._delivered_orders(date_from, date_to)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                WITH delivered AS (
                    SELECT date_trunc('month', o.date_order) AS month,
                           COUNT(DISTINCT o.id) AS orders,
                           SUM(l.qty_delivered) AS quantity
                      FROM sale_order o
                      JOIN sale_order_line l ON l.order_id = o.id
                     WHERE o.id IN %(orders)s AND l.qty_delivered > 0
                     GROUP BY 1
                ), complained AS (
                    SELECT date_trunc('month', t.received_date) AS month,
                           COUNT(*) AS complaints
                      FROM helpdesk_ticket t
                     WHERE t.id IN %(scope)s
                     GROUP BY 1
                )
                SELECT m.month::date, c.complaints, d.orders, d.quantity
                  FROM generate_series(date_trunc('month', %(start)s::timestamp),
                                       %(end)s::timestamp,
                                       interval '1 month') AS m(month)
                  LEFT JOIN delivered d ON d.month = m.month
                  LEFT JOIN complained c ON c.month = m.month
                 ORDER BY 1
                """,
                scope=scope.subselect(),
                orders=orders.subselect(),
                start=fields.Date.to_date(date_from),
                end=fields.Date.to_date(date_to),
            )
        )
        return [self._rate_row(*row) for row in self.env.cr.fetchall()]

    @api.model
    def _complaint_rate_by_customer(self, date_from, date_to):
        """[(customer, complaints, orders, quantity, rate, per units)] of
        the customers (commercial partners) who complained, the most
        complaints first."""
        scope = self._scope(date_from, date_to)
        orders = self._delivered_orders(date_from, date_to)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                WITH complained AS (
                    SELECT t.commercial_partner_id AS partner_id,
                           COUNT(*) AS complaints
                      FROM helpdesk_ticket t
                     WHERE t.id IN %(scope)s
                     GROUP BY 1
                ), delivered AS (
                    SELECT p.commercial_partner_id AS partner_id,
                           COUNT(DISTINCT o.id) AS orders,
                           SUM(l.qty_delivered) AS quantity
                      FROM sale_order o
                      JOIN res_partner p ON p.id = o.partner_id
                      JOIN sale_order_line l ON l.order_id = o.id
                     WHERE o.id IN %(orders)s AND l.qty_delivered > 0
                     GROUP BY 1
                )
                SELECT partner.name, c.complaints, d.orders, d.quantity
                  FROM complained c
                  LEFT JOIN delivered d ON d.partner_id = c.partner_id
                  LEFT JOIN res_partner partner ON partner.id = c.partner_id
                 ORDER BY c.complaints DESC, partner.name
                """,
                scope=scope.subselect(),
                orders=orders.subselect(),
            )
        )
        undefined = self.env._("Not set")
        return [
            self._rate_row(name or undefined, *figures)
            for name, *figures in self.env.cr.fetchall()
        ]

    @api.model
    def _complaint_rate_by_product(self, date_from, date_to):
        """[(product, complaints, orders, quantity, rate, per units)]: a
        complaint counts once per product among its affected lines, over
        the delivered orders and quantity of that product."""
        scope = self._scope(date_from, date_to)
        orders = self._delivered_orders(date_from, date_to)
        lang = self.env.lang or "en_US"
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                WITH complained AS (
                    SELECT l.product_id,
                           COUNT(DISTINCT r.helpdesk_ticket_id) AS complaints
                      FROM helpdesk_ticket_sale_order_line_rel r
                      JOIN sale_order_line l ON l.id = r.sale_order_line_id
                     WHERE r.helpdesk_ticket_id IN %(scope)s
                     GROUP BY 1
                ), delivered AS (
                    SELECT l.product_id, COUNT(DISTINCT l.order_id) AS orders,
                           SUM(l.qty_delivered) AS quantity
                      FROM sale_order_line l
                     WHERE l.order_id IN %(orders)s AND l.qty_delivered > 0
                     GROUP BY 1
                )
                SELECT COALESCE(pt.name->>%(lang)s, pt.name->>'en_US') AS name,
                       c.complaints, d.orders, d.quantity
                  FROM complained c
                  LEFT JOIN delivered d ON d.product_id = c.product_id
                  JOIN product_product pp ON pp.id = c.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                 ORDER BY c.complaints DESC, name
                """,
                scope=scope.subselect(),
                orders=orders.subselect(),
                lang=lang,
            )
        )
        return [self._rate_row(*row) for row in self.env.cr.fetchall()]

    @api.model
    def _complaint_rate_by_responsibility(self, date_from, date_to):
        """[(responsibility, complaints, orders, quantity, rate, per
        units)]: each department's complaints over all the period's
        delivered orders (an order has no responsibility)."""
        scope = self._scope(date_from, date_to)
        orders = self._delivered_orders(date_from, date_to)
        lang = self.env.lang or "en_US"
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                WITH delivered AS (
                    SELECT COUNT(DISTINCT l.order_id) AS orders,
                           SUM(l.qty_delivered) AS quantity
                      FROM sale_order_line l
                     WHERE l.order_id IN %(orders)s AND l.qty_delivered > 0
                )
                SELECT COALESCE(resp.name->>%(lang)s, resp.name->>'en_US') AS name,
                       COUNT(*) AS complaints, d.orders, d.quantity
                  FROM helpdesk_ticket t
                  LEFT JOIN printing_complaint_responsibility resp
                         ON resp.id = t.responsibility_id
                 CROSS JOIN delivered d
                 WHERE t.id IN %(scope)s
                 GROUP BY 1, 3, 4
                 ORDER BY 2 DESC, 1
                """,
                scope=scope.subselect(),
                orders=orders.subselect(),
                lang=lang,
            )
        )
        undefined = self.env._("Not set")
        return [
            self._rate_row(name or undefined, *figures)
            for name, *figures in self.env.cr.fetchall()
        ]
