#!/usr/bin/env python3
# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Load test: a printing company's busy day against a running server.

Serve the database with Odoo's multi-process mode first, then play the day::

    setup/run --workers 2 &            # or PC_HTTP_PORT=8176 setup/run ...
    setup/load [--users 30] [--duration 5m] [--url http://localhost:8069]

Standard library only; it runs with any Python 3.10+. Three steps:

1. **Setup** over JSON-RPC as admin (idempotent, done again at each run):
   the load's users (sales reps, QC, finance, complaint managers, a
   production head, IT support agents, and portal customers whose
   companies have confirmed sale orders of their reps), an "IT support"
   team for plain helpdesk tickets, and a queue of complaints whose
   reprint is approved by the department head and waits for finance.
2. **The day**, by locust (pinned in ``requirements-load.txt``, installed
   in its own virtualenv ``.state/locust-venv``: locust pins its own
   gevent), headless, ``setup/load_users.py``: customers file complaints on
   the portal with a photo; reps log complaints from orders (new form,
   save, form, list); QC classifies (category and 6M cause); finance
   approves the queue (validate_tier and its comment); managers browse
   the list, the kanban, the dashboard and export the ledger. The same
   backend mix runs on plain tickets of the IT support team ("plain"),
   so that each backend page has its complaint / plain p95 ratio.
3. **Checks** as admin after the run: no two complaints share a number,
   every complaint filed during the run has one, and every photo the
   portal accepted is attached to its complaint.

It prints throughput, p50 / p95 per request type, the complaint / plain
ratios, the failures (any HTTP 500, JSON-RPC error or refused form counts)
and the checks, and exits non-zero on any failure. Locust's CSV files are
kept in ``.state/load/``. Users' passwords are their logins.
"""

import argparse
import base64
import csv
import json
import os
import struct
import subprocess
import sys
import time
import urllib.request
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STATE = Path(os.environ.get("PC_STATE_DIR") or REPO / ".state").expanduser()
LOCUST_VENV = STATE / "locust-venv"
REQUIREMENTS = REPO / "requirements-load.txt"
OUT = STATE / "load"
LOCUSTFILE = REPO / "setup" / "load_users.py"

# login prefix: (how many, groups' xmlids)
STAFF = {
    "load_rep": (4, ["printing_complaint.group_complaint_sales"]),
    "load_qc": (2, ["printing_complaint.group_complaint_qc"]),
    "load_finance": (2, ["printing_complaint.group_complaint_finance"]),
    "load_manager": (2, ["printing_complaint.group_complaint_manager"]),
    "load_head": (1, ["printing_complaint.group_complaint_production"]),
    "load_it": (4, ["helpdesk_mgmt.group_helpdesk_user"]),
}
CUSTOMERS = 10
ORDERS_PER_CUSTOMER = 2
# The backend pages timed on both kinds: their p95 ratio is reported.
PAIRED = (
    "new form",
    "save new",
    "form",
    "list",
    "classify",
    "to classify",
    "kanban groups",
    "kanban column",
)


def log(message):
    print(f"[load] {message}", flush=True)


# ---------------------------------------------------------------------------
# JSON-RPC as one user
# ---------------------------------------------------------------------------


class Rpc:
    def __init__(self, url, db, login, password):
        self.url, self.db, self.password = url.rstrip("/"), db, password
        self.uid = self._call("common", "login", db, login, password)
        if not self.uid:
            raise SystemExit(f"cannot log in as {login} on {db} at {url}")

    def _call(self, service, method, *args):
        body = json.dumps(
            {
                "jsonrpc": "2.0",
                "method": "call",
                "params": {"service": service, "method": method, "args": args},
            }
        ).encode()
        request = urllib.request.Request(
            f"{self.url}/jsonrpc", body, {"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=600) as response:
            answer = json.load(response)
        if answer.get("error"):
            error = answer["error"]
            raise RuntimeError(
                f"{service}.{method}{args[3:5]}: "
                f"{error.get('data', {}).get('message') or error.get('message')}"
            )
        return answer["result"]

    def __call__(self, model, method, *args, **kwargs):
        kwargs.setdefault("context", {"lang": "en_US", "tz": "UTC"})
        return self._call(
            "object",
            "execute_kw",
            self.db,
            self.uid,
            self.password,
            model,
            method,
            list(args),
            kwargs,
        )

    def ref(self, xmlid):
        module, name = xmlid.split(".")
        found = self(
            "ir.model.data",
            "search_read",
            [("module", "=", module), ("name", "=", name)],
            ["res_id"],
        )
        if not found:
            raise SystemExit(f"{xmlid} is not in the database")
        return found[0]["res_id"]


def photo_png(size=160):
    """A real PNG of size x size pixels of noise (about 75 KB): the photo a
    customer sends of a bad print."""
    rows = b"".join(b"\x00" + os.urandom(size * 3) for _ in range(size))

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


# ---------------------------------------------------------------------------
# Setup
# ---------------------------------------------------------------------------


def ensure_user(admin, login, group_ids, partner_id=None):
    found = admin("res.users", "search", [("login", "=", login)])
    if found:
        return found[0]
    vals = {
        "name": login.replace("_", " ").title(),
        "login": login,
        "password": login,
        "email": f"{login}@load.example.com",
        "groups_id": [(6, 0, group_ids)],
        "tz": "UTC",
        "lang": "en_US",
    }
    if partner_id:
        vals["partner_id"] = partner_id
    return admin("res.users", "create", vals)


def ensure(admin, model, domain, vals):
    found = admin(model, "search", domain, limit=1)
    return found[0] if found else admin(model, "create", vals)


def solution_step_complaint(admin, fixture, customer, index, photo):
    """A complaint of customer at the solution step, as bench and tests
    bring one there (printing_complaint/tests/common.py)."""
    order = customer["orders"][index % len(customer["orders"])]
    ticket = admin(
        "helpdesk.ticket",
        "create",
        {
            "name": f"Load queue complaint {index}",
            "description": "<p>Cover colour darker than the proof.</p>",
            "team_id": fixture["complaint_team"],
            "partner_id": customer["partner"],
            "sale_order_id": order["id"],
            "sale_line_ids": [(6, 0, order["lines"][:1])],
            "user_id": fixture["staff"]["load_rep"][0]["uid"],
            "request_ids": [(6, 0, [fixture["request_reprint"]])],
            "quantity_affected": 100,
        },
    )
    admin(
        "ir.attachment",
        "create",
        {
            "name": "cover.png",
            "datas": photo,
            "res_model": "helpdesk.ticket",
            "res_id": ticket,
        },
    )
    admin("helpdesk.ticket", "action_acknowledge", [ticket])
    admin("helpdesk.ticket", "action_next_step", [ticket])
    admin(
        "helpdesk.ticket",
        "write",
        [ticket],
        {
            "proof_checked": True,
            "category_id": fixture["complaint_categories"][0],
            "severity": "important",
            "validity": "valid",
        },
    )
    admin("helpdesk.ticket", "action_next_step", [ticket])
    admin(
        "helpdesk.ticket",
        "write",
        [ticket],
        {
            "responsibility_id": fixture["responsibility"],
            "root_cause": "Ink density",
            "customer_summary": "The cover was printed too dark on our press.",
        },
    )
    solution = admin(
        "printing.complaint.solution",
        "create",
        {
            "ticket_id": ticket,
            "type_id": fixture["solution_type"],
            "sale_line_ids": [(6, 0, order["lines"][:1])],
            "description": "Free reprint of the cover",
        },
    )
    admin("printing.complaint.solution", "action_request_approval", [solution])
    return solution


def review(rpc, solution, comment):
    """validate_tier and its comment wizard, as the approver's buttons do."""
    action = rpc("printing.complaint.solution", "validate_tier", [solution])
    context = dict(action["context"], lang="en_US", tz="UTC")
    wizard = rpc("comment.wizard", "create", {"comment": comment}, context=context)
    rpc("comment.wizard", "add_comment", [wizard], context=context)


def setup(url, db, queue):
    admin = Rpc(url, db, "admin", "admin")
    fixture = {"url": url, "db": db}
    staff = {}
    for prefix, (count, groups) in STAFF.items():
        group_ids = [admin.ref(xmlid) for xmlid in groups]
        staff[prefix] = [
            {"login": login, "uid": ensure_user(admin, login, group_ids)}
            for login in (f"{prefix}_{n}" for n in range(1, count + 1))
        ]
    fixture["staff"] = staff
    team = admin.ref("printing_complaint.helpdesk_team_complaints")
    fixture["complaint_team"] = team
    admin(
        "helpdesk.ticket.team",
        "write",
        [team],
        {
            "user_ids": [
                (4, user["uid"])
                for prefix in ("load_rep", "load_qc", "load_manager")
                for user in staff[prefix]
            ]
        },
    )
    fixture["it_team"] = ensure(
        admin,
        "helpdesk.ticket.team",
        [("name", "=", "IT support")],
        {"name": "IT support"},
    )
    admin(
        "helpdesk.ticket.team",
        "write",
        [fixture["it_team"]],
        {"user_ids": [(4, user["uid"]) for user in staff["load_it"]]},
    )
    fixture["it_categories"] = [
        ensure(admin, "helpdesk.ticket.category", [("name", "=", name)], {"name": name})
        for name in ("IT: hardware", "IT: software", "IT: network")
    ]
    fixture["complaint_categories"] = [
        admin.ref(f"printing_complaint.{name}")
        for name in ("category_colour", "category_cutting", "category_binding")
    ]
    # QC classifies the complaints of the categories' type (or of none):
    # a category of another type is refused, as it should be.
    fixture["complaint_type"] = admin(
        "helpdesk.ticket.category",
        "read",
        fixture["complaint_categories"][:1],
        ["complaint_type_id"],
    )[0]["complaint_type_id"][0]
    fixture["request_reprint"] = admin.ref("printing_complaint.request_reprint")
    fixture["solution_type"] = admin.ref("printing_complaint.solution_type_reprint")
    fixture["responsibility"] = admin.ref(
        "printing_complaint.responsibility_production"
    )
    admin(
        "printing.complaint.responsibility",
        "write",
        [fixture["responsibility"]],
        {"head_user_id": staff["load_head"][0]["uid"]},
    )
    products = admin(
        "product.product",
        "search",
        [("sale_ok", "=", True), ("type", "=", "consu")],
        limit=3,
    )
    portal_group = admin.ref("base.group_portal")
    customers = []
    for n in range(1, CUSTOMERS + 1):
        company = ensure(
            admin,
            "res.partner",
            [("name", "=", f"Load Customer {n} Ltd."), ("is_company", "=", True)],
            {"name": f"Load Customer {n} Ltd.", "is_company": True},
        )
        contact = ensure(
            admin,
            "res.partner",
            [("parent_id", "=", company), ("name", "=", f"Load Buyer {n}")],
            {
                "name": f"Load Buyer {n}",
                "parent_id": company,
                "email": f"load_portal_{n}@load.example.com",
            },
        )
        ensure_user(admin, f"load_portal_{n}", [portal_group], partner_id=contact)
        order_ids = admin(
            "sale.order",
            "search",
            [("partner_id", "=", company), ("state", "=", "sale")],
        )
        for m in range(len(order_ids), ORDERS_PER_CUSTOMER):
            rep = staff["load_rep"][(n + m) % len(staff["load_rep"])]["uid"]
            order = admin(
                "sale.order",
                "create",
                {
                    "partner_id": company,
                    "user_id": rep,
                    "order_line": [
                        (0, 0, {"product_id": product, "product_uom_qty": 1000 + m})
                        for product in products
                    ],
                },
            )
            admin("sale.order", "action_confirm", [order])
            order_ids.append(order)
        orders = admin(
            "sale.order", "read", order_ids, ["order_line", "user_id", "partner_id"]
        )
        customers.append(
            {
                "login": f"load_portal_{n}",
                "partner": company,
                "orders": [
                    {"id": o["id"], "lines": o["order_line"], "rep": o["user_id"][0]}
                    for o in orders
                ],
            }
        )
    fixture["customers"] = customers
    # The finance queue: complaints whose reprint the head approved.
    finance = Rpc(url, db, staff["load_finance"][0]["login"], "load_finance_1")
    waiting = finance(
        "printing.complaint.solution", "search_count", [("can_review", "=", True)]
    )
    photo = base64.b64encode(photo_png(16)).decode()
    head = Rpc(url, db, staff["load_head"][0]["login"], "load_head_1")
    started = time.monotonic()
    for index in range(waiting, queue):
        solution = solution_step_complaint(
            admin, fixture, customers[index % len(customers)], index, photo
        )
        review(head, solution, "Production agrees: reprint")
    if queue > waiting:
        log(
            f"Finance queue: {queue - waiting} solutions added "
            f"in {time.monotonic() - started:.0f} s"
        )
    fixture["max_complaint_id"] = max(
        admin("helpdesk.ticket", "search", [], limit=1, order="id desc") or [0]
    )
    return admin, fixture


# ---------------------------------------------------------------------------
# Locust and its report
# ---------------------------------------------------------------------------


def ensure_locust():
    locust = LOCUST_VENV / "bin" / "locust"
    stamp = LOCUST_VENV / "requirements-load.txt"
    if (
        locust.exists()
        and stamp.exists()
        and stamp.read_text() == (REQUIREMENTS.read_text())
    ):
        return locust
    log(f"Installing locust into {LOCUST_VENV}")
    subprocess.run([sys.executable, "-m", "venv", str(LOCUST_VENV)], check=True)
    subprocess.run(
        [
            str(LOCUST_VENV / "bin" / "pip"),
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
            str(REQUIREMENTS),
        ],
        check=True,
    )
    stamp.write_text(REQUIREMENTS.read_text())
    return locust


def read_stats(prefix):
    with open(f"{prefix}_stats.csv", newline="") as stats:
        return list(csv.DictReader(stats))


def report(rows, seconds):
    print()
    print(f"{'request':44s} {'count':>6s} {'fail':>5s} {'req/s':>6s}", end="")
    print(f" {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}")
    for row in rows:
        name = row["Name"] if row["Name"] != "Aggregated" else "ALL"
        print(
            f"{name[:44]:44s} {row['Request Count']:>6s} {row['Failure Count']:>5s}"
            f" {float(row['Requests/s']):6.2f} {row['50%']:>8s} {row['95%']:>8s}"
            f" {float(row['Max Response Time']):8.0f}"
        )
    total = next((row for row in rows if row["Name"] == "Aggregated"), None)
    if total:
        print(
            f"{total['Request Count']} requests in {seconds:.0f} s "
            f"(setup excluded): {float(total['Requests/s']):.2f} requests/s"
        )
    by_name = {row["Name"]: row for row in rows}
    print()
    print(f"{'backend page':16s} {'complaint p95':>14s} {'plain p95':>10s} ratio")
    worst = 0.0
    for page in PAIRED:
        complaint = by_name.get(f"complaint {page}")
        plain = by_name.get(f"plain {page}")
        if not (complaint and plain) or not float(plain["95%"] or 0):
            continue
        ratio = float(complaint["95%"]) / float(plain["95%"])
        worst = max(worst, ratio)
        print(f"{page:16s} {complaint['95%']:>14s} {plain['95%']:>10s} {ratio:5.1f}x")
    print(f"worst p95 ratio complaint / plain: {worst:.1f}x (goal <= 1.5x)")
    return worst


def checks(admin, fixture, uploads):
    """Duplicate numbers, complaints without one, photos not arrived."""
    problems = []
    context = {"active_test": False, "lang": "en_US"}
    groups = admin(
        "helpdesk.ticket",
        "read_group",
        [("is_complaint", "=", True), ("number", "!=", False)],
        ["number"],
        ["number"],
        context=context,
    )
    duplicates = [g for g in groups if g["number_count"] > 1]
    total = sum(g["number_count"] for g in groups)
    print(f"complaint numbers: {total} numbered, {len(duplicates)} duplicated")
    for group in duplicates[:20]:
        problems.append(f"number {group['number']} on {group['number_count']}")
    new = admin(
        "helpdesk.ticket",
        "search_read",
        [("is_complaint", "=", True), ("id", ">", fixture["max_complaint_id"])],
        ["number"],
        context=context,
    )
    unnumbered = [t["id"] for t in new if not t["number"]]
    print(f"complaints filed during the run: {len(new)}, unnumbered {len(unnumbered)}")
    if unnumbered:
        problems.append(f"complaints without number: {unnumbered[:20]}")
    names = [u["name"] for u in uploads]
    found = {
        (a["name"], a["res_id"])
        for a in admin(
            "ir.attachment",
            "search_read",
            [("res_model", "=", "helpdesk.ticket"), ("name", "in", names)],
            ["name", "res_id"],
            context=context,
        )
    }
    lost = [u for u in uploads if (u["name"], u["ticket"]) not in found]
    print(
        f"portal photos accepted: {len(uploads)}, attached: {len(uploads) - len(lost)}"
    )
    if lost:
        problems.append(f"photos lost: {lost[:20]}")
    return problems


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="See the docstring of setup/load.py for what the load does.",
    )
    port = os.environ.get("PC_HTTP_PORT", "8069")
    parser.add_argument("--url", default=f"http://localhost:{port}")
    parser.add_argument("--db", default=os.environ.get("PC_DB", "printing_demo"))
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--spawn-rate", type=float, default=2)
    parser.add_argument("--duration", default="5m", help="locust's --run-time")
    parser.add_argument(
        "--queue",
        type=int,
        default=40,
        help="solutions waiting for finance when the day starts",
    )
    args = parser.parse_args()
    locust = ensure_locust()
    log(f"Setting up the load's users and data in {args.db} at {args.url}")
    started = time.monotonic()
    admin, fixture = setup(args.url, args.db, args.queue)
    log(f"Set up in {time.monotonic() - started:.0f} s")
    OUT.mkdir(parents=True, exist_ok=True)
    fixture_file = OUT / "fixture.json"
    uploads_file = OUT / "uploads.json"
    fixture_file.write_text(json.dumps(fixture, indent=1))
    uploads_file.unlink(missing_ok=True)
    photo_file = OUT / "photo.png"
    photo_file.write_bytes(photo_png())
    prefix = OUT / "run"
    log(f"Playing the day: {args.users} users for {args.duration}")
    started = time.monotonic()
    locust_run = subprocess.run(
        [
            str(locust),
            "-f",
            str(LOCUSTFILE),
            "--headless",
            "--users",
            str(args.users),
            "--spawn-rate",
            str(args.spawn_rate),
            "--run-time",
            args.duration,
            "--stop-timeout",
            "60",
            "--host",
            args.url,
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        env=dict(
            os.environ,
            LOAD_FIXTURE=str(fixture_file),
            LOAD_UPLOADS=str(uploads_file),
            LOAD_PHOTO=str(photo_file),
        ),
        check=False,
    )
    seconds = time.monotonic() - started
    rows = read_stats(prefix)
    report(rows, seconds)
    failures = sum(
        int(row["Failure Count"]) for row in rows if row["Name"] != "Aggregated"
    )
    if failures:
        print(f"\n{failures} failures (see {prefix}_failures.csv):")
        with open(f"{prefix}_failures.csv", newline="") as failed:
            for row in csv.DictReader(failed):
                print(f"  {row['Occurrences']:>4s} x {row['Name']}: {row['Error']}")
    exceptions = OUT / "run_exceptions.csv"
    if exceptions.exists():
        with open(exceptions, newline="") as raised:
            for row in csv.DictReader(raised):
                failures += int(row["Count"])
                print(f"  {row['Count']:>4s} x exception in the load: {row['Message']}")
                print("       " + row["Traceback"].strip().replace("\n", "\n       "))
    uploads = json.loads(uploads_file.read_text()) if uploads_file.exists() else []
    problems = checks(admin, fixture, uploads)
    for problem in problems:
        print(f"CHECK FAILED: {problem}")
    ok = not failures and not problems and locust_run.returncode in (0, 1)
    verdict = "PASSED" if ok else "FAILED"
    print(f"\n{verdict}: {failures} failures, {len(problems)} check problems")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
