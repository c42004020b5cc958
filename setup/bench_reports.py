#!/usr/bin/env python3
# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Bench of the XLSX reports on 100,000 complaints.

Copies the test database (built by ``setup/test``) into ``printing_bench``,
generates the complaints, their step history, solutions and ratings with
SQL, then times, side by side:

* the complaint ledger through Odoo's report (as the admin, the domain of
  every complaint, as the list's Print menu sends a filter) against the same
  SQL query written by raw xlsxwriter, and the peak of Python memory each
  takes (tracemalloc);
* the analysis workbook of the period against the same aggregates as plain
  SQL;
* the complaint rate (over generated delivered orders, ``--orders``) and the
  figures per department and person at fault alone, against the same
  aggregates as plain SQL.

Run it with the project's virtualenv while the cluster runs (e.g. during
``setup/run``)::

    .venv/bin/python setup/bench_reports.py [--count 100000] [--keep]
"""

import argparse
import io
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STATE = Path(os.environ.get("PC_STATE_DIR", REPO / ".state"))
SOURCE_DB = os.environ.get("PC_TEST_DB", "printing_test")
BENCH_DB = "printing_bench"
PERIOD = ("2024-01-01", "2024-12-31")


def psql(database, sql, env):
    subprocess.run(
        ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql],
        check=True,
        env=env,
    )


def pg_env():
    env = dict(os.environ)
    if not env.get("PGHOST"):
        env["PGHOST"] = str(STATE / "pg" / "pgsocket")
        env.setdefault("PGUSER", "odoo")
    return env


def copy_database(env):
    psql("postgres", f'DROP DATABASE IF EXISTS "{BENCH_DB}"', env)
    psql("postgres", f'CREATE DATABASE "{BENCH_DB}" TEMPLATE "{SOURCE_DB}"', env)


GENERATE = """
WITH params AS (
    SELECT (SELECT id FROM helpdesk_ticket_team WHERE is_complaint_team LIMIT 1) team,
           (SELECT id FROM res_company ORDER BY id LIMIT 1) company,
           (SELECT array_agg(id) FROM res_partner WHERE is_company
               AND id IN (SELECT partner_id FROM sale_order)) partners,
           (SELECT array_agg(id) FROM helpdesk_ticket_category) categories,
           (SELECT array_agg(id) FROM printing_complaint_responsibility) resps,
           (SELECT array_agg(id) FROM res_users WHERE share IS NOT TRUE
               AND active) users,
           (SELECT array_agg(id ORDER BY id) FROM helpdesk_ticket_stage
               WHERE complaint_step IS NOT NULL) stages
)
INSERT INTO helpdesk_ticket (
    number, name, description, team_id, company_id, partner_id,
    commercial_partner_id, category_id, responsibility_id, user_id,
    received_by_id, stage_id, complaint_step, is_complaint, feedback_type,
    severity, validity, priority, received_date, create_date, write_date,
    active, quantity_affected, cause_category, solution_cost_total,
    rating_last_value, reopen_count, rating_status, positive_rate_percentage,
    fault_user_id)
SELECT 'BENCH-' || lpad(i::text, 6, '0'),
       'Bench complaint ' || i,
       '<p>Generated</p>',
       p.team, p.company,
       p.partners[1 + i % array_length(p.partners, 1)],
       p.partners[1 + i % array_length(p.partners, 1)],
       p.categories[1 + (i * 7) % array_length(p.categories, 1)],
       p.resps[1 + i % array_length(p.resps, 1)],
       p.users[1 + i % array_length(p.users, 1)],
       p.users[1 + i % array_length(p.users, 1)],
       p.stages[7], 'closed', true, 'complaint',
       (ARRAY['general', 'important', 'major'])[1 + i % 3],
       'valid', '1',
       timestamp '2024-01-01' + (i % 365) * interval '1 day'
           + (i % 9) * interval '1 hour',
       now(), now(), true, i % 500,
       (ARRAY['man', 'machine', 'material', 'method',
              'environment', 'measurement'])[1 + i % 6],
       (i % 40) * 25.0,
       CASE WHEN i % 4 = 0 THEN 1 + i % 5 ELSE 0 END,
       0, 'stage_change', -1,
       CASE WHEN i % 3 = 0 THEN p.users[1 + (i / 3) % array_length(p.users, 1)] END
  FROM params p, generate_series(1, %(count)s) i;

INSERT INTO printing_complaint_stage_history (
    ticket_id, stage_id, step, severity, company_id, entry_date, exit_date,
    deadline, working_hours, is_late, escalated, create_date, write_date)
SELECT t.id, s.id, s.complaint_step, t.severity, t.company_id,
       t.received_date, t.received_date + interval '3 hours',
       t.received_date + interval '4 hours',
       1 + (t.id + s.sequence) % 7, (t.id + s.sequence) % 5 = 0, false,
       now(), now()
  FROM helpdesk_ticket t
  JOIN helpdesk_ticket_stage s
    ON s.complaint_step IN ('registered', 'verification', 'solution',
                            'confirmation', 'execution', 'closure')
 WHERE t.number LIKE 'BENCH-%%';

INSERT INTO printing_complaint_solution (
    ticket_id, company_id, type_id, state, cost, amount, active, sequence,
    create_date, write_date)
SELECT t.id, t.company_id,
       (SELECT id FROM printing_complaint_solution_type
         ORDER BY id OFFSET t.id %% 14 LIMIT 1),
       'done', t.solution_cost_total, t.solution_cost_total / 2, true, 10,
       now(), now()
  FROM helpdesk_ticket t
 WHERE t.number LIKE 'BENCH-%%' AND t.solution_cost_total > 0;

INSERT INTO helpdesk_ticket_sale_order_line_rel (helpdesk_ticket_id,
                                                 sale_order_line_id)
SELECT t.id, (SELECT l.id FROM sale_order_line l
               WHERE l.product_id IS NOT NULL
               ORDER BY l.id OFFSET t.id %% 20 LIMIT 1)
  FROM helpdesk_ticket t WHERE t.number LIKE 'BENCH-%%';

INSERT INTO rating_rating (res_model, res_model_id, res_id, rating, consumed,
                           access_token, create_date, write_date, is_internal)
SELECT 'helpdesk.ticket',
       (SELECT id FROM ir_model WHERE model = 'helpdesk.ticket'),
       t.id, t.rating_last_value, true, md5(t.id::text), t.received_date,
       t.received_date + interval '5 days', false
  FROM helpdesk_ticket t
 WHERE t.number LIKE 'BENCH-%%' AND t.rating_last_value > 0;
ANALYZE;
"""

# The delivered orders of the complaint rate: %(orders)s confirmed orders of
# the period, one delivered line each, copied column by column from the
# first confirmed order and its first line (so that every column Odoo
# requires is filled), for the bench's customers and products.
GENERATE_ORDERS = """
DO $bench$
DECLARE
    order_columns text;
    order_values text;
    line_columns text;
    line_values text;
BEGIN
    SELECT string_agg(quote_ident(column_name), ', '),
           string_agg('t.' || quote_ident(column_name), ', ')
      INTO order_columns, order_values
      FROM information_schema.columns
     WHERE table_name = 'sale_order' AND table_schema = 'public'
       AND column_name NOT IN ('id', 'name', 'date_order', 'partner_id',
                               'state');
    SELECT string_agg(quote_ident(column_name), ', '),
           string_agg('t.' || quote_ident(column_name), ', ')
      INTO line_columns, line_values
      FROM information_schema.columns
     WHERE table_name = 'sale_order_line' AND table_schema = 'public'
       AND column_name NOT IN ('id', 'order_id', 'product_id',
                               'product_uom_qty', 'qty_delivered',
                               'order_partner_id', 'state');
    EXECUTE format($sql$
        WITH params AS (
            SELECT (SELECT array_agg(id) FROM res_partner WHERE is_company
                       AND id IN (SELECT partner_id FROM sale_order)) partners
        )
        INSERT INTO sale_order (name, date_order, partner_id, state, %%1$s)
        SELECT 'BENCH-SO' || lpad(i::text, 7, '0'),
               timestamp '2024-01-01' + (i %%%% 365) * interval '1 day',
               p.partners[1 + i %%%% array_length(p.partners, 1)], 'sale', %%2$s
          FROM sale_order t, params p, generate_series(1, %(orders)s) i
         WHERE t.id = (SELECT MIN(id) FROM sale_order WHERE state = 'sale')
    $sql$, order_columns, order_values);
    EXECUTE format($sql$
        WITH params AS (
            SELECT (SELECT array_agg(DISTINCT product_id) FROM sale_order_line
                     WHERE product_id IS NOT NULL) products
        )
        INSERT INTO sale_order_line (order_id, product_id, product_uom_qty,
                                     qty_delivered, order_partner_id, state,
                                     %%1$s)
        SELECT o.id, p.products[1 + o.id %%%% array_length(p.products, 1)],
               100 + o.id %%%% 900, 100 + o.id %%%% 900, o.partner_id, 'sale',
               %%2$s
          FROM sale_order_line t, sale_order o, params p
         WHERE t.id = (
                   SELECT MIN(l.id) FROM sale_order_line l
                     JOIN sale_order t ON t.id = l.order_id
                    WHERE t.state = 'sale' AND l.product_id IS NOT NULL)
           AND o.name LIKE 'BENCH-SO%%%%'
    $sql$, line_columns, line_values);
END
$bench$;
ANALYZE sale_order, sale_order_line;
"""

# The complaint rate and the department figures (the workbook's "Complaint
# rate" and "Faults" sheets), as plain SQL on the same data.
PLAIN_RATE_AGGREGATES = (
    [
        f"""WITH d AS (
            SELECT {order_key} AS k, COUNT(DISTINCT o.id) n, SUM(l.qty_delivered) q
              FROM sale_order o JOIN sale_order_line l ON l.order_id = o.id
              {order_join}
             WHERE o.state = 'sale' AND l.qty_delivered > 0
               AND o.complaint_solution_id IS NULL
               AND o.date_order BETWEEN %(start)s AND %(end)s GROUP BY 1),
        c AS (
            SELECT {complaint_key} AS k, COUNT({count}) n
              FROM helpdesk_ticket t {complaint_join}
             WHERE t.is_complaint AND t.feedback_type = 'complaint'
               AND t.received_date BETWEEN %(start)s AND %(end)s GROUP BY 1)
        SELECT * FROM c LEFT JOIN d USING (k)"""
        for order_key, order_join, complaint_key, complaint_join, count in (
            (
                "date_trunc('month', o.date_order)",
                "",
                "date_trunc('month', t.received_date)",
                "",
                "*",
            ),
            (
                "p.commercial_partner_id",
                "JOIN res_partner p ON p.id = o.partner_id",
                "t.commercial_partner_id",
                "",
                "*",
            ),
            (
                "l.product_id",
                "",
                "sl.product_id",
                "JOIN helpdesk_ticket_sale_order_line_rel r"
                " ON r.helpdesk_ticket_id = t.id"
                " JOIN sale_order_line sl ON sl.id = r.sale_order_line_id",
                "DISTINCT t.id",
            ),
        )
    ]
    + [
        """WITH d AS (
           SELECT COUNT(DISTINCT o.id) n, SUM(l.qty_delivered) q
             FROM sale_order o JOIN sale_order_line l ON l.order_id = o.id
            WHERE o.state = 'sale' AND l.qty_delivered > 0
              AND o.complaint_solution_id IS NULL
              AND o.date_order BETWEEN %(start)s AND %(end)s)
       SELECT t.responsibility_id, COUNT(*), d.n, d.q
         FROM helpdesk_ticket t CROSS JOIN d
        WHERE t.is_complaint AND t.feedback_type = 'complaint'
          AND t.received_date BETWEEN %(start)s AND %(end)s GROUP BY 1, 3, 4""",
    ]
    + [
        f"""SELECT {dim}, COUNT(*), SUM(solution_cost_total) FROM helpdesk_ticket
        WHERE is_complaint AND feedback_type = 'complaint'
          AND received_date BETWEEN %(start)s AND %(end)s GROUP BY 1"""
        for dim in ("responsibility_id", "fault_user_id")
    ]
)

# The analysis workbook's aggregates, as plain SQL on the same data.
PLAIN_AGGREGATES = [
    f"""SELECT {dim}, COUNT(*) FROM helpdesk_ticket
        WHERE is_complaint AND feedback_type = 'complaint'
          AND received_date BETWEEN %(start)s AND %(end)s GROUP BY 1"""
    for dim in (
        "type_id",
        "category_id",
        "responsibility_id",
        "severity",
        "commercial_partner_id",
        "user_id",
    )
] + [
    """SELECT l.product_id, COUNT(DISTINCT r.helpdesk_ticket_id)
         FROM helpdesk_ticket_sale_order_line_rel r
         JOIN sale_order_line l ON l.id = r.sale_order_line_id
         JOIN helpdesk_ticket t ON t.id = r.helpdesk_ticket_id
        WHERE t.is_complaint AND t.received_date BETWEEN %(start)s AND %(end)s
        GROUP BY 1""",
    """SELECT h.step, COUNT(*), COUNT(*) FILTER (WHERE h.is_late),
              AVG(h.working_hours)
         FROM printing_complaint_stage_history h
         JOIN helpdesk_ticket t ON t.id = h.ticket_id
        WHERE h.exit_date IS NOT NULL AND t.is_complaint
          AND t.received_date BETWEEN %(start)s AND %(end)s GROUP BY 1""",
    """SELECT date_trunc('month', r.write_date), COUNT(*), AVG(r.rating)
         FROM rating_rating r JOIN helpdesk_ticket t ON t.id = r.res_id
        WHERE r.res_model = 'helpdesk.ticket' AND r.consumed AND r.rating >= 1
          AND r.write_date BETWEEN %(start)s AND %(end)s GROUP BY 1""",
    """SELECT t.responsibility_id, s.type_id, COUNT(*), SUM(s.cost),
              SUM(s.amount)
         FROM printing_complaint_solution s
         JOIN helpdesk_ticket t ON t.id = s.ticket_id
        WHERE s.state NOT IN ('cancelled', 'rejected')
          AND t.received_date BETWEEN %(start)s AND %(end)s GROUP BY 1, 2""",
    """SELECT COUNT(*), SUM(solution_cost_total) FROM helpdesk_ticket
        WHERE is_complaint AND received_date BETWEEN %(start)s AND %(end)s""",
    """SELECT id FROM helpdesk_ticket WHERE is_repeat_cause
          AND received_date BETWEEN %(start)s AND %(end)s""",
    *PLAIN_RATE_AGGREGATES,
]


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def peak_memory(function):
    """The peak of Python memory allocated while function runs, in MB."""
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument(
        "--orders",
        type=int,
        help="delivered orders of the complaint rate (default: twice --count)",
    )
    parser.add_argument("--keep", action="store_true", help="keep printing_bench")
    args = parser.parse_args()
    env = pg_env()
    print(f"Copying {SOURCE_DB} into {BENCH_DB} and generating {args.count} complaints")
    copy_database(env)
    psql(
        BENCH_DB, GENERATE.replace("%(count)s", str(args.count)).replace("%%", "%"), env
    )
    orders = args.orders or 2 * args.count
    print(f"Generating {orders} delivered orders")
    psql(
        BENCH_DB,
        GENERATE_ORDERS.replace("%(orders)s", str(orders)).replace("%%", "%"),
        env,
    )

    import odoo
    from odoo.tools import config

    config.parse_config(["-c", str(STATE / "odoo.conf"), "-d", BENCH_DB])
    import xlsxwriter

    from odoo.addons.printing_complaint_report.report.complaint_ledger_xlsx import (
        ComplaintLedgerXlsx,  # noqa: F401 (registry)
    )

    registry = odoo.modules.registry.Registry(BENCH_DB)
    with registry.cursor() as cr:
        env_odoo = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        admin = env_odoo.ref("base.user_admin")
        uenv = env_odoo(user=admin, context={"lang": "en_US", "tz": "UTC"})
        domain = [("is_complaint", "=", True)]
        count = uenv["helpdesk.ticket"].search_count(domain)
        print(f"Complaints in the database: {count}")
        Report = uenv["ir.actions.report"]

        def ledger():
            return Report._render_xlsx(
                "printing_complaint_report.action_report_complaint_ledger",
                None,
                {"domain": domain},
            )[0]

        ledger_model = uenv["report.printing_complaint_report.complaint_ledger_xlsx"]
        columns, query = ledger_model._ledger_query(domain)

        def raw_ledger():
            stream = io.BytesIO()
            book = xlsxwriter.Workbook(stream, {"constant_memory": True})
            sheet = book.add_worksheet("Complaints")
            sheet.write_row(0, 0, [header for _e, header, _k in columns])
            cr.execute(query)
            for index, row in enumerate(cr.fetchall(), start=1):
                sheet.write_row(index, 0, row)
            book.close()
            return stream.getvalue()

        wizard = uenv["printing.complaint.analysis.wizard"].create(
            {"date_from": PERIOD[0], "date_to": PERIOD[1]}
        )

        def analysis():
            return wizard._workbook()[0]

        def plain(queries=PLAIN_AGGREGATES):
            for sql in queries:
                cr.execute(
                    sql,
                    {"start": f"{PERIOD[0]} 00:00:00", "end": f"{PERIOD[1]} 23:59:59"},
                )
                cr.fetchall()

        Analysis = uenv["printing.complaint.analysis"]

        def rate_figures():
            for method in (
                Analysis._complaint_rate_by_month,
                Analysis._complaint_rate_by_customer,
                Analysis._complaint_rate_by_product,
                Analysis._complaint_rate_by_responsibility,
                Analysis._fault_by_department,
                Analysis._fault_by_person,
            ):
                method(*PERIOD)

        def plain_rate():
            plain(PLAIN_RATE_AGGREGATES)

        ledger()  # warm the caches and the query plans
        raw_ledger()
        results = {}
        for name, function in (
            ("ledger (Odoo report)", ledger),
            ("ledger (raw SQL + xlsxwriter)", raw_ledger),
            ("analysis workbook (Odoo report)", analysis),
            ("analysis aggregates (plain SQL)", plain),
            ("rate and fault figures (Odoo)", rate_figures),
            ("rate and fault figures (plain SQL)", plain_rate),
        ):
            best = min(timed(function)[0] for _i in range(3))
            results[name] = best
            print(f"{name:40s} {best:8.2f} s")
        ratio_ledger = (
            results["ledger (Odoo report)"] / results["ledger (raw SQL + xlsxwriter)"]
        )
        ratio_analysis = (
            results["analysis workbook (Odoo report)"]
            / results["analysis aggregates (plain SQL)"]
        )
        print(f"ledger ratio   {ratio_ledger:.2f} (target <= 1.1)")
        ratio_rate = (
            results["rate and fault figures (Odoo)"]
            / results["rate and fault figures (plain SQL)"]
        )
        print(f"analysis ratio {ratio_analysis:.2f} (target <= 1.5)")
        print(f"rate ratio     {ratio_rate:.2f} (target <= 1.5)")
        for name, function in (
            ("ledger (Odoo report)", ledger),
            ("ledger (raw SQL + xlsxwriter)", raw_ledger),
        ):
            print(f"{name:40s} {peak_memory(function):8.1f} MB peak (Python)")
        cr.rollback()
    if not args.keep:
        registry.delete(BENCH_DB)
        odoo.sql_db.close_db(BENCH_DB)
        psql("postgres", f'DROP DATABASE IF EXISTS "{BENCH_DB}"', env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
