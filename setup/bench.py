#!/usr/bin/env python3
# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Bench of the complaint screens, crons and ledger against plain tickets.

Copies the test database (built by ``setup/test``) into ``printing_scale``
and fills it, with SQL, with N complaints and N plain helpdesk tickets of an
"IT support" team (not a complaint team): 300 customer companies with two
confirmed orders each, 200 products in 25 categories, 40 ticket categories;
5 % of the complaints open across the six steps (half of them late: step
deadline in the past, so the crons have work), the others closed with their
step history, a solution and (7 in 10) a rating linked to the ticket.

It builds N/10 first, measures, grows to N and measures again, then prints
(and writes to ``.state/bench.md``) one markdown table: complaint against
plain ticket, in time (median of the interleaved rounds, ms) and SQL
queries, their ratio and the complaint's growth from N/10 to N. Each
operation runs in-process through the web client's own calls (``get_views``
of the action, then ``web_read`` / ``onchange`` / ``web_save`` /
``web_read_group`` / ``web_search_read`` with the views' specification), as
a sales rep (``printing_complaint.group_complaint_sales``, member of both
teams, created if absent) and as the admin, on a real cursor, rolled back
after each operation. Plain tickets are those of the IT support team through
helpdesk_mgmt's *Tickets* action. The crons run as the superuser against a
hand-written SQL statement doing the same writes; the ledger runs in a child
process (time and peak RSS) against one SQL query written by raw xlsxwriter
through a server-side cursor.

Run it with the project's virtualenv while the cluster of ``setup/test``
runs (``setup/test`` stops it; start it with ``pg_ctl start -D
.state/pg/pgdata``, see ``setup/devenv.py``)::

    nice .venv/bin/python setup/bench.py [--count 100000] [--rounds 5] [--keep]

``--keep`` reuses ``printing_scale`` as it was left by the previous run (and
the N/10 figures saved then in ``.state/bench-small.json``); without it the
database is rebuilt. The database is kept at the end: drop it with
``dropdb printing_scale``. ``setup/bench_reports.py`` still times the
report workbooks on their own.
"""

import argparse
import datetime
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
import traceback
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parent.parent
STATE = Path(os.environ.get("PC_STATE_DIR", REPO / ".state"))
SOURCE_DB = os.environ.get("PC_TEST_DB", "printing_test")
BENCH_DB = os.environ.get("PC_BENCH_DB", "printing_scale")
REP_LOGIN = "bench_rep"
CUSTOMERS = 300
ORDERS_PER_CUSTOMER = 2
PRODUCTS = 200
PRODUCT_CATEGORIES = 25
TICKET_CATEGORIES = 40


# ----------------------------------------------------------------------
# Pure helpers (tests/test_bench.py)
# ----------------------------------------------------------------------
def median(values):
    return statistics.median(values)


def ratio_text(numerator, denominator):
    if numerator is None or not denominator:
        return "—"
    value = numerator / denominator
    return f"{value:.1f}×" if value < 10 else f"{value:,.0f}×"


def short_count(count):
    return f"{count // 1000}k" if count >= 1000 and count % 1000 == 0 else str(count)


def ms_text(ms):
    return f"{ms:,.0f}" if ms >= 10 else f"{ms:.1f}"


def cell(result):
    """A table cell: "3,865 ms / 92 q", or a ready text."""
    if not result:
        return "—"
    if "text" in result:
        return result["text"]
    text = f"{ms_text(result['ms'])} ms"
    if result.get("q") is not None:
        text += f" / {result['q']} q"
    return text


def growth_text(small, large, operation):
    """Growth of the complaint's time from the small to the large database."""
    before = small.get(operation, {}).get("complaint")
    after = large.get(operation, {}).get("complaint")
    for key in ("ms", "mb"):
        if before and after and key in before and key in after:
            return ratio_text(after[key], before[key])
    return "—"


def markdown_table(rows, growth_label="growth 10k→100k"):
    lines = [
        f"| operation | complaint ms / q | plain ms / q | ratio | {growth_label} |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        complaint, plain = row.get("complaint"), row.get("plain")
        ratio = row.get("ratio")
        if ratio is None:
            ratio = ratio_text(
                complaint and complaint.get("ms"), plain and plain.get("ms")
            )
        lines.append(
            f"| {row['operation']} | {cell(complaint)} | {cell(plain)} | {ratio} "
            f"| {row.get('growth', '—')} |"
        )
    return "\n".join(lines)


SUBVIEW_TAGS = ("list", "tree", "kanban", "form")
RELATIONAL = ("many2one", "many2many", "one2many")


def arch_spec(arch, fields, sub_fields_of=None):
    """The web client's specification of a view's arch: every field of the
    arch (visible or not); a many2one reads its display name, an x2many the
    fields of its inline list (or kanban), 40 at a time, else its display
    names (tags). ``sub_fields_of(name)`` gives the fields of an x2many's
    comodel."""
    node = etree.fromstring(arch) if isinstance(arch, str | bytes) else arch
    spec = {}
    for field in _own_fields(node):
        name = field.get("name")
        info = fields.get(name, {})
        kind = info.get("type")
        if kind == "many2one":
            spec[name] = {"fields": {"display_name": {}}}
        elif kind in ("one2many", "many2many"):
            subview = next(
                (
                    child
                    for tag in ("list", "tree", "kanban")
                    for child in field
                    if child.tag == tag
                ),
                None,
            )
            if subview is None:
                spec[name] = {"fields": {"display_name": {}}}
            else:
                comodel_fields = sub_fields_of(name) if sub_fields_of else {}
                spec[name] = {
                    "fields": arch_spec(subview, comodel_fields) or {},
                    "limit": 40,
                }
        else:
            spec.setdefault(name, {})
    return spec


def _own_fields(node):
    """The <field> nodes of node, not those of the inline sub-views."""
    for child in node:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "field":
            yield child
        elif child.tag not in SUBVIEW_TAGS:
            yield from _own_fields(child)


def save_values(values):
    """Onchange values as web_save expects them: ids for many2one, the
    commands of new lines and links for x2many."""
    vals = {}
    for name, value in values.items():
        if isinstance(value, dict) and "id" in value:
            vals[name] = value["id"]
        elif isinstance(value, list) and value and isinstance(value[0], list):
            commands = []
            for command in value:
                if command[0] == 0:
                    commands.append([0, 0, save_values(command[2])])
                elif command[0] in (1, 4):
                    commands.append([4, command[1]])
                elif command[0] == 6:
                    commands.append(command)
            vals[name] = commands
        else:
            vals[name] = value
    return vals


def machine():
    model = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        kib = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        ram = f"{kib / 1024 / 1024:.1f} GiB RAM"
    except (OSError, StopIteration):
        ram = "? RAM"
    load = f", load {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return f"{os.cpu_count()} cores ({model}), {ram}{load}"


# ----------------------------------------------------------------------
# The database
# ----------------------------------------------------------------------
def pg_env():
    env = dict(os.environ)
    if not env.get("PGHOST"):
        env["PGHOST"] = str(STATE / "pg" / "pgsocket")
        env.setdefault("PGUSER", "odoo")
    return env


def psql(database, sql):
    subprocess.run(
        ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql],
        check=True,
        env=pg_env(),
    )


def copy_database():
    """The test database and its filestore (the web client's assets, the
    menus' icons), as Odoo's database manager duplicates one."""
    from odoo.tools import config

    psql("postgres", f'DROP DATABASE IF EXISTS "{BENCH_DB}"')
    psql("postgres", f'CREATE DATABASE "{BENCH_DB}" TEMPLATE "{SOURCE_DB}"')
    shutil.rmtree(config.filestore(BENCH_DB), ignore_errors=True)
    if os.path.isdir(config.filestore(SOURCE_DB)):
        shutil.copytree(config.filestore(SOURCE_DB), config.filestore(BENCH_DB))


def prepare(env):
    """The customers, products, orders, IT support team and sales rep, with
    the ORM (a few hundred records)."""
    Partner = env["res.partner"]
    customers = Partner.create(
        [
            {"name": f"Bench customer {n:03d}", "is_company": True}
            for n in range(CUSTOMERS)
        ]
    )
    categories = env["product.category"].create(
        [{"name": f"Bench products {n:02d}"} for n in range(PRODUCT_CATEGORIES)]
    )
    products = env["product.product"].create(
        [
            {
                "name": f"Bench print product {n:03d}",
                "categ_id": categories[n % len(categories)].id,
                "list_price": 10 + n,
                "type": "consu",
            }
            for n in range(PRODUCTS)
        ]
    )
    env["helpdesk.ticket.category"].create(
        [{"name": f"Bench category {n:02d}"} for n in range(TICKET_CATEGORIES)]
    )
    # The bench's rep sells the orders: a sales rep reads their own only.
    rep = rep_user(env)
    orders = env["sale.order"].create(
        [
            {
                "partner_id": customers[n % CUSTOMERS].id,
                "user_id": rep.id,
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": products[(n * 7 + k) % PRODUCTS].id,
                            "product_uom_qty": 100 * (1 + k),
                        },
                    )
                    for k in range(2)
                ],
            }
            for n in range(CUSTOMERS * ORDERS_PER_CUSTOMER)
        ]
    )
    orders.action_confirm()
    it_team = env["helpdesk.ticket.team"].create(
        {"name": "IT support", "user_ids": [(4, rep.id)]}
    )
    complaint_team = env["helpdesk.ticket.team"].search(
        [("is_complaint_team", "=", True)], limit=1, order="id"
    )
    complaint_team.user_ids = [(4, rep.id)]
    return it_team


def rep_user(env):
    group = env.ref("printing_complaint.group_complaint_sales")
    # Its own user: the test database's members of the group include the
    # inactive superuser (__system__), whose records rules do not apply.
    rep = env["res.users"].search([("login", "=", REP_LOGIN)])
    if not rep:
        rep = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": "Bench sales rep",
                    "login": REP_LOGIN,
                    "email": "bench_rep@example.com",
                    "groups_id": [
                        (4, env.ref("base.group_user").id),
                        (4, group.id),
                    ],
                }
            )
        )
    return rep


STEPS = ("registered", "verification", "solution", "confirmation", "execution")
STEPS += ("closure",)

GENERATE = """
CREATE TEMP TABLE bench_params AS
SELECT (SELECT id FROM helpdesk_ticket_team WHERE is_complaint_team
         ORDER BY id LIMIT 1) AS team,
       %(it_team)s AS it_team,
       (SELECT COALESCE(max(id), 0) FROM helpdesk_ticket) AS last_id,
       (SELECT id FROM res_company ORDER BY id LIMIT 1) AS company,
       (SELECT array_agg(id ORDER BY id) FROM sale_order
         WHERE state = 'sale') AS orders,
       (SELECT array_agg(partner_id ORDER BY id) FROM sale_order
         WHERE state = 'sale') AS order_partners,
       (SELECT array_agg((SELECT min(l.id) FROM sale_order_line l
                           WHERE l.order_id = o.id) ORDER BY o.id)
          FROM sale_order o WHERE o.state = 'sale') AS order_lines,
       (SELECT array_agg(id ORDER BY id) FROM helpdesk_ticket_category) AS categories,
       (SELECT array_agg(id ORDER BY id) FROM printing_complaint_responsibility)
           AS resps,
       (SELECT array_agg(id ORDER BY id) FROM res_users WHERE share IS NOT TRUE
         AND active) AS users,
       (SELECT array_agg(id ORDER BY id) FROM printing_complaint_solution_type)
           AS solution_types,
       (SELECT array_agg(id ORDER BY sequence, id) FROM helpdesk_ticket_stage
         WHERE complaint_step IS NULL AND NOT closed) AS plain_open,
       (SELECT id FROM helpdesk_ticket_stage
         WHERE complaint_step IS NULL AND closed ORDER BY sequence, id LIMIT 1)
           AS plain_closed,
       ARRAY['registered', 'verification', 'solution', 'confirmation',
             'execution', 'closure'] AS steps;

CREATE TEMP TABLE bench_src AS
SELECT i, i %% 20 = 0 AS open, i %% 40 = 0 AS late,
       CASE WHEN i %% 20 = 0 THEN 1 + (i / 20) %% 6 ELSE 7 END AS step_index,
       1 + (i * 13) %% array_length(p.orders, 1) AS o,
       CASE WHEN i %% 20 = 0
            THEN now() - (2 + i %% 5) * interval '1 day'
            ELSE now() - (7 + (i * 37) %% 1095) * interval '1 day'
                 - (i %% 9) * interval '1 hour' END AS received
  FROM bench_params p, generate_series(%(lo)s, %(hi)s) i;

INSERT INTO helpdesk_ticket (
    number, name, description, team_id, company_id, partner_id,
    commercial_partner_id, partner_name, partner_email, sale_order_id,
    category_id, responsibility_id, user_id, received_by_id, stage_id,
    complaint_step, is_complaint, feedback_type, severity, validity, priority,
    received_date, step_entry_date, step_deadline, last_progress_date,
    closed_date, last_stage_update, create_date, write_date, create_uid,
    write_uid, active, quantity_affected, cause_category, solution_cost_total,
    rating_last_value, reopen_count, rating_status, positive_rate_percentage)
SELECT 'BENCH-' || lpad(s.i::text, 6, '0'),
       'Bench complaint ' || s.i,
       '<p>Colour shift on the cover, batch ' || s.i || '</p>',
       p.team, p.company,
       p.order_partners[s.o], p.order_partners[s.o],
       'Bench customer', 'customer' || s.o || '@example.com',
       p.orders[s.o],
       p.categories[1 + (s.i * 7) %% array_length(p.categories, 1)],
       p.resps[1 + s.i %% array_length(p.resps, 1)],
       p.users[1 + (s.i + s.i / 20) %% array_length(p.users, 1)],
       p.users[1 + (s.i / 3) %% array_length(p.users, 1)],
       (SELECT id FROM helpdesk_ticket_stage
         WHERE complaint_step = COALESCE(p.steps[s.step_index], 'closed')
         ORDER BY sequence, id LIMIT 1),
       COALESCE(p.steps[s.step_index], 'closed'), true, 'complaint',
       (ARRAY['general', 'important', 'major'])[1 + s.i %% 3],
       'valid', '1',
       s.received,
       CASE WHEN s.open THEN now() - interval '30 hours'
            ELSE s.received + interval '18 days' END,
       CASE WHEN s.late THEN now() - (1 + s.i %% 24) * interval '1 hour'
            WHEN s.open THEN now() + interval '2 days' END,
       CASE WHEN s.open THEN now() - interval '3 days' END,
       CASE WHEN NOT s.open THEN s.received + interval '21 days' END,
       CASE WHEN s.open THEN now() - interval '30 hours'
            ELSE s.received + interval '21 days' END,
       s.received, s.received, 1, 1, true, s.i %% 500,
       (ARRAY['man', 'machine', 'material', 'method',
              'environment', 'measurement'])[1 + s.i %% 6],
       CASE WHEN s.open THEN 0 ELSE (1 + s.i %% 40) * 25.0 END,
       CASE WHEN NOT s.open AND s.i %% 10 < 7 THEN 1 + (s.i * 7) %% 5 ELSE 0 END,
       0, 'stage_change', -1
  FROM bench_params p, bench_src s;

CREATE TEMP TABLE bench_new AS
SELECT t.id, t.company_id, t.severity, t.received_date, t.step_deadline,
       t.solution_cost_total, t.rating_last_value, t.partner_id, t.user_id,
       s.open, s.late, s.step_index, s.o, s.i
  FROM helpdesk_ticket t
  JOIN bench_src s ON t.number = 'BENCH-' || lpad(s.i::text, 6, '0');

INSERT INTO printing_complaint_stage_history (
    ticket_id, stage_id, step, severity, company_id, entry_date, exit_date,
    deadline, working_hours, is_late, escalated, create_date, write_date,
    create_uid, write_uid)
SELECT t.id, st.id, st.complaint_step, t.severity, t.company_id,
       t.received_date + (k - 1) * interval '3 days',
       CASE WHEN k < t.step_index
            THEN t.received_date + (k - 1) * interval '3 days'
                 + interval '1 day' END,
       CASE WHEN k = t.step_index THEN t.step_deadline
            ELSE t.received_date + (k - 1) * interval '3 days'
                 + interval '2 days' END,
       CASE WHEN k < t.step_index THEN 1 + (t.id + k) %% 7 ELSE 0 END,
       k < t.step_index AND (t.id + k) %% 5 = 0, false, now(), now(), 1, 1
  FROM bench_new t
  CROSS JOIN generate_series(1, 6) k
  JOIN bench_params p ON true
  JOIN LATERAL (SELECT id, complaint_step FROM helpdesk_ticket_stage
                 WHERE complaint_step = p.steps[k]
                 ORDER BY sequence, id LIMIT 1) st ON true
 WHERE k <= t.step_index;

INSERT INTO printing_complaint_solution (
    ticket_id, company_id, type_id, execution_kind, state, cost, amount,
    customer_share, costs_money, deadline, deadline_missed_notified, active,
    sequence, done_date, create_date, write_date, create_uid, write_uid)
SELECT t.id, t.company_id, ty.id, ty.execution_kind,
       CASE WHEN t.open THEN 'in_execution' ELSE 'done' END,
       CASE WHEN t.open THEN 250.0 ELSE t.solution_cost_total END,
       CASE WHEN t.open THEN 125.0 ELSE t.solution_cost_total / 2 END,
       0, true,
       CASE WHEN t.late THEN current_date - 2
            WHEN t.open THEN current_date + 5
            ELSE (t.received_date + interval '15 days')::date END,
       false, true, 10,
       CASE WHEN NOT t.open THEN t.received_date + interval '16 days' END,
       now(), now(), 1, 1
  FROM bench_new t
  JOIN bench_params p ON true
  JOIN printing_complaint_solution_type ty
    ON ty.id = p.solution_types[1 + t.id %% array_length(p.solution_types, 1)]
 WHERE (t.open AND t.step_index = 5) OR (NOT t.open);

INSERT INTO helpdesk_ticket_sale_order_line_rel (helpdesk_ticket_id,
                                                 sale_order_line_id)
SELECT t.id, p.order_lines[t.o] FROM bench_new t, bench_params p;

INSERT INTO rating_rating (res_model, res_model_id, res_id, helpdesk_ticket_id,
                           partner_id, rated_partner_id, rating, consumed,
                           access_token, create_date, write_date, is_internal,
                           complaint_round)
SELECT 'helpdesk.ticket',
       (SELECT id FROM ir_model WHERE model = 'helpdesk.ticket'),
       t.id, t.id, t.partner_id,
       (SELECT partner_id FROM res_users WHERE id = t.user_id),
       t.rating_last_value, true, md5('bench' || t.id::text),
       t.received_date + interval '21 days',
       t.received_date + interval '22 days', false, 1
  FROM bench_new t
 WHERE t.rating_last_value > 0;

INSERT INTO helpdesk_ticket (
    number, name, description, team_id, company_id, partner_id,
    commercial_partner_id, partner_name, partner_email, category_id, user_id,
    stage_id, is_complaint, feedback_type, validity, priority, closed_date,
    last_stage_update,
    create_date, write_date, create_uid, write_uid, active, reopen_count,
    rating_last_value, rating_status, positive_rate_percentage)
SELECT 'PLAIN-' || lpad(s.i::text, 6, '0'),
       'IT request ' || s.i,
       '<p>The printer of the front desk is offline, ticket ' || s.i || '</p>',
       p.it_team, p.company,
       p.order_partners[s.o], p.order_partners[s.o],
       'Bench customer', 'customer' || s.o || '@example.com',
       p.categories[1 + (s.i * 7) %% array_length(p.categories, 1)],
       p.users[1 + (s.i + s.i / 20) %% array_length(p.users, 1)],
       CASE WHEN s.open
            THEN p.plain_open[1 + (s.i / 20) %% array_length(p.plain_open, 1)]
            ELSE p.plain_closed END,
       false, 'complaint', 'to_check', '1',
       CASE WHEN NOT s.open THEN s.received + interval '3 days' END,
       s.received, s.received, s.received, 1, 1, true, 0, 0, 'stage_change', -1
  FROM bench_params p, bench_src s;

-- The owner and the customer follow each ticket (as the ORM subscribes them).
INSERT INTO mail_followers (res_model, res_id, helpdesk_ticket_id, partner_id)
SELECT DISTINCT 'helpdesk.ticket', t.id, t.id, f.partner_id
  FROM helpdesk_ticket t
  JOIN bench_params p ON t.id > p.last_id
  JOIN LATERAL (SELECT u.partner_id FROM res_users u WHERE u.id = t.user_id
                UNION SELECT t.partner_id) f ON f.partner_id IS NOT NULL
    ON CONFLICT DO NOTHING;

DROP TABLE bench_params, bench_src, bench_new;
"""


def generate(registry, it_team_id, lo, hi):
    print(f"[bench] generating complaints and plain tickets {lo} to {hi}")
    with registry.cursor() as cr:
        cr.execute(GENERATE, {"lo": lo, "hi": hi, "it_team": it_team_id})
        cr.commit()
        # ANALYZE outside a transaction block is not needed: it runs in one.
        cr.execute("ANALYZE")


def generated_count(cr):
    cr.execute("SELECT count(*) FROM helpdesk_ticket WHERE number LIKE 'BENCH-%'")
    return cr.fetchone()[0]


# ----------------------------------------------------------------------
# Measuring
# ----------------------------------------------------------------------
def safe_context(env, text):
    from odoo.tools.safe_eval import safe_eval

    if not text:
        return {}
    if isinstance(text, dict):
        return text
    return safe_eval(text, {"uid": env.uid, "active_id": False})


def filter_domain(env, search_arch, context):
    """The domain of the action's default filters (search_default_*)."""
    from odoo.osv import expression
    from odoo.tools.safe_eval import datetime as safe_datetime
    from odoo.tools.safe_eval import dateutil, safe_eval, time

    names = {
        key[len("search_default_") :]
        for key, value in context.items()
        if key.startswith("search_default_") and value
    }
    node = etree.fromstring(search_arch)
    domains = []
    eval_context = {
        "uid": env.uid,
        "context_today": lambda: datetime.date.today(),
        "datetime": safe_datetime,
        "time": time,
        "relativedelta": dateutil.relativedelta.relativedelta,
        "current_date": datetime.date.today().strftime("%Y-%m-%d"),
    }
    for flt in node.iter("filter"):
        if flt.get("name") in names and flt.get("domain"):
            domains.append(safe_eval(flt.get("domain"), eval_context))
    return expression.AND(domains) if domains else []


class Screen:
    """What the web client loads of one action: its views, their
    specifications, its context and domain."""

    def __init__(self, env, action_xmlid, extra_domain=(), extra_context=None):
        action = env.ref(action_xmlid).sudo()
        self.model = env[action.res_model]
        self.context = {**safe_context(env, action.context), **(extra_context or {})}
        views = [(view.view_id.id, view.view_mode) for view in action.view_ids]
        listed = {mode for _id, mode in views}
        views += [
            (False, mode) for mode in action.view_mode.split(",") if mode not in listed
        ]
        views.append((action.search_view_id.id or False, "search"))
        model = self.model.with_context(self.context)
        result = model.get_views(views, {"action_id": action.id, "load_filters": True})
        models = result["models"]

        def fields_of(model_name):
            info = models.get(model_name, {})
            return info.get("fields", info)

        own = fields_of(self.model._name)

        def sub_fields(name):
            return fields_of(own[name].get("relation"))

        self.specs = {
            mode: arch_spec(result["views"][mode]["arch"], own, sub_fields)
            for mode in ("form", "list", "kanban")
        }
        self.domain = (
            safe_context(env, action.domain or "[]")
            + list(extra_domain)
            + filter_domain(env, result["views"]["search"]["arch"], self.context)
        )


def timed_op(env, function):
    """ms and queries of function, on a cold record cache, rolled back."""
    cr = env.cr
    env.invalidate_all()
    before = cr.sql_log_count
    start = time.perf_counter()
    function()
    env.flush_all()
    elapsed = (time.perf_counter() - start) * 1000
    queries = cr.sql_log_count - before
    cr.rollback()
    env.invalidate_all()
    return elapsed, queries


class Bench:
    def __init__(self, registry, cr):
        import odoo

        self.odoo = odoo
        self.cr = cr
        self.root = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        root = self.root
        self.rep = rep_user(root)
        self.admin = root.ref("base.user_admin")
        self.it_team = root["helpdesk.ticket.team"].search(
            [("name", "=", "IT support")], limit=1
        )
        Ticket = root["helpdesk.ticket"]
        self.open_complaint = Ticket.search(
            [
                ("number", "like", "BENCH-%"),
                ("complaint_step", "=", "verification"),
                ("user_id", "=", self.rep.id),
            ],
            limit=1,
        ) or Ticket.search(
            [("number", "like", "BENCH-%"), ("complaint_step", "=", "verification")],
            limit=1,
        )
        open_plain = [
            ("team_id", "=", self.it_team.id),
            ("stage_id.closed", "=", False),
        ]
        self.open_plain = Ticket.search(
            [*open_plain, ("user_id", "=", self.rep.id)], limit=1
        ) or Ticket.search(open_plain, limit=1)
        self.order = root["sale.order"].search(
            [("state", "=", "sale"), ("partner_id.name", "like", "Bench customer%")],
            limit=1,
            order="id desc",
        )
        self.category = root["helpdesk.ticket.category"].search(
            [("name", "like", "Bench category%")], limit=1, order="id desc"
        )
        missing = [
            name
            for name, record in (
                ("open complaint", self.open_complaint),
                ("open plain ticket", self.open_plain),
                ("order", self.order),
                ("category", self.category),
                ("IT support team", self.it_team),
            )
            if not record
        ]
        if missing:
            raise SystemExit(f"[bench] not in {BENCH_DB}: {', '.join(missing)}")
        self.cr.rollback()

    def user_ops(self, user):
        """The screens' operations of one user: {name: {kind: function}}."""
        env = self.root(user=user.id, context={"lang": "en_US", "tz": "UTC"})
        env = env(context={**env.context, "allowed_company_ids": user.company_ids.ids})
        complaints = Screen(env, "printing_complaint.action_complaints")
        plain = Screen(
            env,
            "helpdesk_mgmt.helpdesk_ticket_action",
            [("team_id", "=", self.it_team.id)],
            # Opened from the IT support team, as its people do: its new
            # tickets are the team's (the rep's first team is Complaints).
            {"default_team_id": self.it_team.id},
        )
        log_context = self.order.with_env(env).action_log_complaint()["context"]
        Complaint = complaints.model.with_context(complaints.context)
        NewComplaint = complaints.model.with_context(log_context)
        Plain = plain.model.with_context(plain.context)
        open_complaint = self.open_complaint.with_env(env)
        open_plain = self.open_plain.with_env(env)
        category = self.category.id
        line = self.order.order_line[:1].id

        def new_form(model, spec):
            return model.onchange({}, [], spec)["value"]

        def edited(model, spec):
            values = save_values(new_form(model, spec))
            values["category_id"] = category
            return model.onchange(values, ["category_id"], spec)

        def save(model, spec, extra):
            values = save_values(new_form(model, spec))
            values.update(extra)
            return model.web_save(values, spec)

        def kanban(screen):
            model = screen.model.with_context(screen.context)
            groups = model.web_read_group(screen.domain, [], ["stage_id"])["groups"]
            for group in groups:
                if not group.get("__fold"):
                    model.web_search_read(
                        group["__domain"], screen.specs["kanban"], limit=40
                    )

        def kanban_column(screen):
            """The cards of one open column: what each column costs, whatever
            the number of columns (six steps against three plain stages)."""
            model = screen.model.with_context(screen.context)
            groups = model.web_read_group(screen.domain, [], ["stage_id"])["groups"]
            column = next(group for group in groups if not group.get("__fold"))
            model.web_search_read(column["__domain"], screen.specs["kanban"], limit=40)

        def listing(screen):
            model = screen.model.with_context(screen.context)
            return model.web_search_read(
                screen.domain, screen.specs["list"], limit=80, count_limit=10001
            )

        return {
            "open a form (web_read, form spec)": {
                "complaint": lambda: open_complaint.web_read(complaints.specs["form"]),
                "plain": lambda: open_plain.web_read(plain.specs["form"]),
            },
            'new form onchange ("Log complaint")': {
                "complaint": lambda: new_form(NewComplaint, complaints.specs["form"]),
                "plain": lambda: new_form(Plain, plain.specs["form"]),
            },
            "one field edited in the new form (category)": {
                "complaint": lambda: edited(NewComplaint, complaints.specs["form"]),
                "plain": lambda: edited(Plain, plain.specs["form"]),
            },
            "save the new form (web_save)": {
                "complaint": lambda: save(
                    NewComplaint,
                    complaints.specs["form"],
                    {
                        "name": "Bench: colour shift",
                        "description": "<p>Colour shift on the cover</p>",
                        "category_id": category,
                        "sale_line_ids": [[6, 0, [line]]],
                    },
                ),
                "plain": lambda: save(
                    Plain,
                    plain.specs["form"],
                    {
                        "name": "Bench: printer offline",
                        "description": "<p>The printer is offline</p>",
                        "team_id": self.it_team.id,
                        "category_id": category,
                    },
                ),
            },
            "classify (write category + 6M cause)": {
                "complaint": lambda: open_complaint.with_context(
                    Complaint.env.context
                ).write({"category_id": category, "cause_category": "machine"}),
                "plain": lambda: open_plain.write({"category_id": category}),
            },
            "kanban by stage (40 per column)": {
                "complaint": lambda: kanban(complaints),
                "plain": lambda: kanban(plain),
            },
            "kanban, one open column (40 cards)": {
                "complaint": lambda: kanban_column(complaints),
                "plain": lambda: kanban_column(plain),
            },
            "list (80, default filters)": {
                "complaint": lambda: listing(complaints),
                "plain": lambda: listing(plain),
            },
        }

    def cron_ops(self):
        root = self.root(context={"lang": "en_US", "tz": "UTC"})
        Ticket = root["helpdesk.ticket"]
        ref = root["ir.model.data"]._xmlid_to_res_id
        params = {
            "model_id": root["ir.model"]._get_id("helpdesk.ticket"),
            "overdue": ref("printing_complaint.activity_complaint_overdue"),
            "progress": ref("printing_complaint.activity_complaint_progress"),
            "late": ref("printing_complaint.activity_complaint_solution_late"),
            "admin": self.admin.id,
            "note": ref("mail.mt_note"),
            "subtypes": root["mail.message.subtype"]
            .default_subtypes("helpdesk.ticket")[0]
            .ids,
            "author": root.user.partner_id.id,
            "email_from": root.user.partner_id.email_formatted or None,
            "message_id": "<bench-escalation@localhost>",
        }
        cr = self.cr

        def sql(statement):
            return lambda: cr.execute(statement, params)

        return {
            "escalation cron": {
                "complaint": Ticket._cron_escalate_overdue,
                "plain": sql(ESCALATION_SQL),
            },
            "execution reminders cron": {
                "complaint": Ticket._cron_execution_reminders,
                "plain": sql(REMINDERS_SQL),
            },
        }

    def due_counts(self):
        cr = self.cr
        cr.execute(
            """SELECT count(*) FROM printing_complaint_stage_history
                WHERE exit_date IS NULL AND escalated IS NOT TRUE
                  AND deadline < now()"""
        )
        overdue = cr.fetchone()[0]
        cr.execute(
            """SELECT count(*) FROM printing_complaint_solution
                WHERE state IN ('accepted', 'in_execution')
                  AND deadline < current_date
                  AND deadline_missed_notified IS NOT TRUE"""
        )
        late = cr.fetchone()[0]
        cr.execute(
            "SELECT count(*) FROM helpdesk_ticket WHERE complaint_step = 'execution'"
        )
        execution = cr.fetchone()[0]
        return overdue, late, execution


# The crons' baselines: the writes the crons make, by hand, in one statement
# each (data-modifying CTEs): the steps flagged, an activity and a note per
# complaint, the managers (or owners) subscribed as followers with the
# default subtypes, and for the escalation one digest per manager (a message
# listing the first 50 complaints, its recipient and inbox notification).
INSERT_ACTIVITIES = """INSERT INTO mail_activity (
        res_model_id, res_model, res_id, res_name, activity_type_id, summary,
        date_deadline, user_id, user_tz, automated, active, create_uid,
        write_uid, create_date, write_date)"""


def subscribe(pairs):
    """CTEs subscribing the partners of pairs (a SELECT of ticket id,
    partner id) to the tickets, as message_subscribe() does: existing
    followers kept, new ones with the default subtypes."""
    return f"""followers AS (
    INSERT INTO mail_followers (res_model, res_id, partner_id,
                                helpdesk_ticket_id)
    SELECT DISTINCT 'helpdesk.ticket', res_id, partner_id, res_id
      FROM ({pairs}) pairs (res_id, partner_id)
        ON CONFLICT (res_model, res_id, partner_id) DO NOTHING
 RETURNING id),
subtypes AS (
    INSERT INTO mail_followers_mail_message_subtype_rel (
        mail_followers_id, mail_message_subtype_id)
    SELECT f.id, subtype FROM followers f, unnest(%(subtypes)s::int[]) subtype)"""


# The followers the escalation and the reminders subscribe: (ticket, partner).
MANAGERS_OF_TICKETS = """SELECT t.id, m.partner_id
      FROM tickets t JOIN managers m ON m.user_id = t.manager"""
OWNERS_OF_REMINDERS = """SELECT r.id, u.partner_id
      FROM reminders r JOIN res_users u ON u.id = r.user_id"""

ESCALATION_SQL = f"""
WITH due AS (
    UPDATE printing_complaint_stage_history
       SET escalated = true, is_late = true, write_uid = 1, write_date = now()
     WHERE exit_date IS NULL AND escalated IS NOT TRUE AND deadline < now()
 RETURNING ticket_id),
tickets AS MATERIALIZED (
    SELECT DISTINCT t.id, t.number, t.name, t.stage_id,
           COALESCE(team.user_id, %(admin)s) AS manager
      FROM due JOIN helpdesk_ticket t ON t.id = due.ticket_id
      LEFT JOIN helpdesk_ticket_team team ON team.id = t.team_id),
managers AS MATERIALIZED (
    SELECT u.id AS user_id, u.partner_id, p.tz,
           nextval('mail_message_id_seq') AS digest_id, count(*) AS overdue,
           array_to_string((array_agg(
               '<li><a href="/odoo/action-printing_complaint.action_complaints/'
               || t.id || '">' || t.number || '</a> ' || t.name || ' ('
               || (stage.name->>'en_US') || ')</li>' ORDER BY t.id))[1:50], '')
               AS items
      FROM tickets t JOIN res_users u ON u.id = t.manager
      JOIN res_partner p ON p.id = u.partner_id
      LEFT JOIN helpdesk_ticket_stage stage ON stage.id = t.stage_id
     GROUP BY u.id, u.partner_id, p.tz),
activities AS (
    {INSERT_ACTIVITIES}
    SELECT %(model_id)s, 'helpdesk.ticket', t.id, t.number || ' - ' || t.name,
           %(overdue)s, 'Complaint overdue', current_date, m.user_id, m.tz,
           true, true, 1, 1, now(), now()
      FROM tickets t JOIN managers m ON m.user_id = t.manager),
notes AS (
    INSERT INTO mail_message (model, res_id, message_type, subtype_id,
                              is_internal, body, author_id, email_from,
                              message_id, date, create_uid, write_uid,
                              create_date, write_date)
    SELECT 'helpdesk.ticket', t.id, 'notification', %(note)s, true,
           '<p>The deadline of this step has passed: escalated to the team '
           'manager.</p>', %(author)s, %(email_from)s, %(message_id)s, now(),
           1, 1, now(), now()
      FROM tickets t),
{subscribe(MANAGERS_OF_TICKETS)},
digests AS (
    INSERT INTO mail_message (id, message_type, subtype_id, is_internal,
                              subject, body, author_id, email_from,
                              message_id, date, create_uid, write_uid,
                              create_date, write_date)
    SELECT m.digest_id, 'user_notification', %(note)s, false,
           m.overdue || ' complaint step(s) overdue',
           '<p>These complaints passed the deadline of their step:</p><ul>'
           || m.items || '</ul>', %(author)s, %(email_from)s, %(message_id)s,
           now(), 1, 1, now(), now()
      FROM managers m),
recipients AS (
    INSERT INTO mail_message_res_partner_rel (mail_message_id, res_partner_id)
    SELECT digest_id, partner_id FROM managers)
INSERT INTO mail_notification (mail_message_id, res_partner_id,
                               notification_type, notification_status,
                               is_read, author_id)
SELECT digest_id, partner_id, 'inbox', 'sent', false, %(author)s FROM managers
"""

REMINDERS_SQL = f"""
WITH late AS (
    UPDATE printing_complaint_solution
       SET deadline_missed_notified = true, write_uid = 1, write_date = now()
     WHERE state IN ('accepted', 'in_execution') AND deadline < current_date
       AND deadline_missed_notified IS NOT TRUE
 RETURNING ticket_id),
progress AS (
    SELECT t.id, t.number, t.name, t.user_id FROM helpdesk_ticket t
      JOIN res_company c ON c.id = t.company_id
     WHERE t.complaint_step = 'execution' AND t.user_id IS NOT NULL
       AND now() - COALESCE(t.last_progress_date, t.step_entry_date, now())
           >= COALESCE(c.complaint_progress_interval, 24) * interval '1 hour'
       AND NOT EXISTS (SELECT 1 FROM mail_activity a
                        WHERE a.res_model = 'helpdesk.ticket'
                          AND a.res_id = t.id
                          AND a.activity_type_id = %(progress)s)),
reminders AS MATERIALIZED (
    SELECT id, number, name, %(progress)s AS type_id,
           'Inform the customer' AS summary, user_id
      FROM progress
    UNION ALL
    SELECT t.id, t.number, t.name, %(late)s, 'Solution late: set a new date',
           COALESCE(t.user_id, team.user_id)
      FROM late JOIN helpdesk_ticket t ON t.id = late.ticket_id
      LEFT JOIN helpdesk_ticket_team team ON team.id = t.team_id
     WHERE COALESCE(t.user_id, team.user_id) IS NOT NULL),
activities AS (
    {INSERT_ACTIVITIES}
    SELECT %(model_id)s, 'helpdesk.ticket', r.id, r.number || ' - ' || r.name,
           r.type_id, r.summary, current_date, r.user_id, p.tz, true, true,
           1, 1, now(), now()
      FROM reminders r JOIN res_users u ON u.id = r.user_id
      JOIN res_partner p ON p.id = u.partner_id),
{subscribe(OWNERS_OF_REMINDERS)}
SELECT 1
"""


def run_rounds(operations, rounds):
    """Medians of interleaved rounds (after one warm-up round):
    {name: {kind: {"ms", "q"}}}. An operation that fails is reported as
    such and not run again."""
    samples, failed = {}, {}
    for round_index in range(rounds + 1):
        for name, kinds in operations.items():
            for kind, (env, function) in kinds.items():
                if (name, kind) in failed:
                    continue
                try:
                    elapsed, queries = timed_op(env, function)
                except Exception as error:
                    env.cr.rollback()
                    env.invalidate_all()
                    traceback.print_exc()
                    failed[name, kind] = {"text": f"fails: {type(error).__name__}"}
                    continue
                if round_index:
                    samples.setdefault(name, {}).setdefault(kind, []).append(
                        (elapsed, queries)
                    )
        print(f"[bench]   round {round_index or 'warm-up'} done", flush=True)
    results = {
        name: {
            kind: {
                "ms": median([s[0] for s in values]),
                "q": int(median([s[1] for s in values])),
            }
            for kind, values in kinds.items()
        }
        for name, kinds in samples.items()
    }
    for (name, kind), result in failed.items():
        results.setdefault(name, {})[kind] = result
    return {name: results[name] for name in operations if name in results}


# What the crons write, counted to check that a baseline writes as much.
CRON_TABLES = (
    "mail_activity",
    "mail_message",
    "mail_followers",
    "mail_followers_mail_message_subtype_rel",
    "mail_message_res_partner_rel",
    "mail_notification",
)


def written_rows(env, function):
    """{table: rows function adds to it}, rolled back."""
    cr = env.cr

    def counts():
        found = {}
        for table in CRON_TABLES:
            cr.execute(f"SELECT count(*) FROM {table}")
            found[table] = cr.fetchone()[0]
        return found

    before = counts()
    function()
    env.flush_all()
    after = counts()
    cr.rollback()
    env.invalidate_all()
    return {table: after[table] - before[table] for table in CRON_TABLES}


def check_same_writes(env, operations):
    """Each cron and its SQL baseline add the same rows, else the ratio
    would compare different work: stop and say which."""
    for name, kinds in operations.items():
        written = {
            kind: written_rows(env, function)
            for kind, (_env, function) in kinds.items()
        }
        if written["complaint"] != written["plain"]:
            raise SystemExit(f"[bench] {name}: the baseline writes {written}")
        print(f"[bench]   {name} and its baseline write {written['plain']}", flush=True)


def measure_screens(registry, rounds):
    results = {}
    with registry.cursor() as cr:
        bench = Bench(registry, cr)
        operations = {}
        for label, user in (("rep", bench.rep), ("admin", bench.admin)):
            for name, kinds in bench.user_ops(user).items():
                operations[f"{name} — {label}"] = {
                    kind: (bench.root, function) for kind, function in kinds.items()
                }
        cr.rollback()
        print(f"[bench] screens: {rounds} rounds", flush=True)
        results.update(run_rounds(operations, rounds))
        overdue, late, execution = bench.due_counts()
        cron_ops = {
            name: {kind: (bench.root, function) for kind, function in kinds.items()}
            for name, kinds in bench.cron_ops().items()
        }
        print("[bench] crons", flush=True)
        check_same_writes(bench.root, cron_ops)
        crons = run_rounds(cron_ops, rounds)
        cr.rollback()
    crons["escalation cron"]["label"] = f"escalation cron, {overdue} overdue steps"
    crons["execution reminders cron"]["label"] = (
        f"execution reminders cron, {late} late solutions, {execution} in execution"
    )
    results.update(crons)
    return results


def measure_ledger(rounds):
    """Ledger through Odoo's report and raw, each in a child process."""
    results = {}
    for kind, mode in (("complaint", "ledger"), ("plain", "raw-ledger")):
        runs = []
        for _round in range(rounds):
            output = subprocess.run(
                [sys.executable, __file__, "--child", mode],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            runs.append(json.loads(output.strip().splitlines()[-1]))
        results[kind] = {
            "ms": median([r["seconds"] * 1000 for r in runs]),
            "rss": median([r["peak_mb"] for r in runs]),
            "rows": runs[0]["rows"],
        }
    rows = results["complaint"]["rows"]
    return {
        "ledger XLSX: time": {
            **{kind: {"ms": results[kind]["ms"], "q": None} for kind in results},
            "label": f"ledger XLSX, {rows:,} rows: time",
        },
        "ledger XLSX: peak RSS": {
            "label": f"ledger XLSX, {rows:,} rows: peak RSS",
            "complaint": {
                "text": f"+{results['complaint']['rss']:.0f} MB",
                "mb": results["complaint"]["rss"],
            },
            "plain": {
                "text": f"+{results['plain']['rss']:.0f} MB (server-side cursor)"
            },
            "ratio": ratio_text(results["complaint"]["rss"], results["plain"]["rss"]),
        },
    }


def child(mode):
    """One ledger export in this process: prints its time and peak RSS."""
    import xlsxwriter

    import odoo
    from odoo.tools import config

    config.parse_config(["-c", str(STATE / "odoo.conf"), "-d", BENCH_DB])
    registry = odoo.modules.registry.Registry(BENCH_DB)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        admin = env.ref("base.user_admin")
        uenv = env(user=admin, context={"lang": "en_US", "tz": "UTC"})
        rows = uenv["helpdesk.ticket"].search_count([("is_complaint", "=", True)])
        ledger = uenv["report.printing_complaint_report.complaint_ledger_xlsx"]
        domain = [("is_complaint", "=", True)]
        columns, query = ledger._ledger_query(domain)
        code, params = (
            (query.code, query.params) if hasattr(query, "code") else (query, None)
        )

        def export():
            # What the list's Print menu downloads: the filter's domain in
            # data, no ids (see the ledger's _export_action).
            return (
                uenv["ir.actions.report"]
                .with_context(active_model="helpdesk.ticket")
                ._render_xlsx(
                    "printing_complaint_report.action_report_complaint_ledger",
                    None,
                    {"domain": domain},
                )[0]
            )

        def raw():
            stream = io.BytesIO()
            book = xlsxwriter.Workbook(stream, {"constant_memory": True})
            sheet = book.add_worksheet("Complaints")
            sheet.write_row(0, 0, [header for _e, header, _k in columns])
            with cr._cnx.cursor("bench_ledger") as named:
                named.itersize = 2000
                named.execute(code, params)
                for index, row in enumerate(named, start=1):
                    sheet.write_row(index, 0, row)
            book.close()
            return stream.getvalue()

        env.invalidate_all()
        Path("/proc/self/clear_refs").write_text("5")
        base = _rss_mb("VmRSS")
        start = time.perf_counter()
        (export if mode == "ledger" else raw)()
        seconds = time.perf_counter() - start
        peak = _rss_mb("VmHWM") - base
        cr.rollback()
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "rows": rows}))
    return 0


def _rss_mb(key):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


# ----------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------
def table_rows(small, large):
    return [
        {
            "operation": kinds.get("label", name),
            "complaint": kinds.get("complaint"),
            "plain": kinds.get("plain"),
            "ratio": kinds.get("ratio"),
            "growth": growth_text(small, large, name),
        }
        for name, kinds in large.items()
    ]


def measure(registry, rounds, ledger_rounds):
    results = measure_screens(registry, rounds)
    results.update(measure_ledger(ledger_rounds))
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--ledger-rounds", type=int, default=3, help="ledger exports (child processes)"
    )
    parser.add_argument("--keep", action="store_true", help="reuse printing_scale")
    parser.add_argument("--output", default=str(STATE / "bench.md"))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child)

    small_file = STATE / "bench-small.json"
    small_count = max(args.count // 10, 1)
    import odoo
    from odoo.tools import config

    config.parse_config(["-c", str(STATE / "odoo.conf"), "-d", BENCH_DB])
    if not args.keep:
        print(f"[bench] copying {SOURCE_DB} into {BENCH_DB}", flush=True)
        copy_database()
    registry = odoo.modules.registry.Registry(BENCH_DB)
    with registry.cursor() as cr:
        count = generated_count(cr)
    small = {}
    if args.keep and count:
        print(f"[bench] reusing {BENCH_DB} with {count} complaints", flush=True)
        small_count = max(count // 10, 1)
        if small_file.exists():
            small = json.loads(small_file.read_text())
    else:
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            it_team = prepare(env)
            it_team_id = it_team.id
            cr.commit()
        generate(registry, it_team_id, 1, small_count)
        print(f"[bench] measuring {small_count} + {small_count}", flush=True)
        small = measure(registry, args.rounds, args.ledger_rounds)
        print(markdown_table(table_rows({}, small)), flush=True)
        small_file.write_text(json.dumps(small))
        generate(registry, it_team_id, small_count + 1, args.count)
        count = args.count
    print(f"[bench] measuring {count} + {count}", flush=True)
    large = measure(registry, args.rounds, args.ledger_rounds)
    rows = table_rows(small, large)
    growth_label = f"growth {short_count(small_count)}→{short_count(count)}"
    text = (
        f"Bench of {count:,} complaints and {count:,} plain tickets "
        f"(growth from {small_count:,}), medians of {args.rounds} rounds "
        f"(ledger: {args.ledger_rounds} child processes), "
        f"{datetime.date.today().isoformat()}, {machine()}\n\n"
        + markdown_table(rows, growth_label)
        + "\n"
    )
    print()
    print(text)
    Path(args.output).write_text(text)
    print(f"[bench] written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
