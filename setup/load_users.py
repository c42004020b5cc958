# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The users of the load test's busy day, for locust: run by setup/load
(see setup/load.py), which writes the fixture this reads (LOAD_FIXTURE)
and reads back the photos the portal accepted (LOAD_UPLOADS).

Each request is named "<kind> <page>": kind "complaint" for the complaint
process, "plain" for the same backend page on IT support tickets, "portal"
and "finance" for what has no plain twin. Any HTTP error, JSON-RPC error
or refused portal form is a locust failure.
"""

import ast
import itertools
import json
import os
import random
import re
import xml.etree.ElementTree as ElementTree

from locust import HttpUser, between, events, task

FIXTURE = json.loads(open(os.environ["LOAD_FIXTURE"]).read())
UPLOADS = []
COUNTERS = {}
# A real PNG photo of noise (setup/load.py makes it).
PHOTO_FILE = os.environ.get("LOAD_PHOTO")
PHOTO = open(PHOTO_FILE, "rb").read() if PHOTO_FILE else b""
ACTIONS = {
    "complaint": "printing_complaint.action_complaints",
    "plain": "helpdesk_mgmt.helpdesk_ticket_action",
}


def next_of(key, items):
    """Hand the logins of a role out in turn to the users playing it."""
    counter = COUNTERS.setdefault(key, itertools.count())
    return items[next(counter) % len(items)]


@events.test_stop.add_listener
def dump_uploads(environment, **kwargs):
    with open(os.environ["LOAD_UPLOADS"], "w") as out:
        json.dump(UPLOADS, out)


def spec_of(arch, fields):
    """The fields spec the web client reads for a view: its fields outside
    the x2many subviews, relations with their display name."""
    spec = {}

    def walk(node):
        for child in node:
            if child.tag == "field":
                name = child.get("name")
                info = fields.get(name)
                if info:
                    relational = info["type"] in ("many2one", "one2many", "many2many")
                    spec[name] = {"fields": {"display_name": {}}} if relational else {}
                continue  # its subviews are the x2many's, read apart
            walk(child)

    walk(ElementTree.fromstring(arch))
    return spec


def counted(on_start):
    """An error starting a user is a failure of the run, not a silent user
    less: locust reports only the errors of tasks."""

    def wrapper(self):
        try:
            on_start(self)
        except Exception as error:
            self.environment.events.request.fire(
                request_type="START",
                name=f"{type(self).__name__} start",
                response_time=0,
                response_length=0,
                exception=error,
                context={},
            )
            raise

    return wrapper


class OdooUser(HttpUser):
    abstract = True
    role = None  # the fixture's login prefix
    kind = "complaint"
    wait_time = between(3, 8)

    @counted
    def on_start(self):
        self.login = next_of(self.role, FIXTURE["staff"][self.role])["login"]
        self.authenticate(self.login)
        self.ctx = {"lang": "en_US", "tz": "UTC", "uid": self.uid}
        if self.kind in ACTIONS:
            self.load_views()

    def authenticate(self, login):
        result = self.jsonrpc(
            f"{self.kind} login",
            "/web/session/authenticate",
            {"db": FIXTURE["db"], "login": login, "password": login},
        )
        self.uid = result and result["uid"]

    def jsonrpc(self, name, url, params):
        with self.client.post(
            url,
            json={"jsonrpc": "2.0", "method": "call", "params": params},
            name=name,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
                return None
            try:
                answer = response.json()
            except ValueError:
                response.failure("not JSON")
                return None
            if answer.get("error"):
                data = answer["error"].get("data") or {}
                message = (data.get("message") or answer["error"]["message"])[:300]
                response.failure(f"{data.get('name', 'error')}: {message}")
                return None
            return answer["result"]

    def call(self, name, model, method, *args, **kwargs):
        kwargs.setdefault("context", self.ctx)
        return self.jsonrpc(
            f"{self.kind} {name}",
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    # -- the views of the kind's action, as the web client loads them -------
    def load_views(self):
        action = self.jsonrpc(
            f"{self.kind} action",
            "/web/action/load",
            {"action_id": ACTIONS[self.kind]},
        )
        if not action:
            return
        views = [
            [view_id, mode]
            for view_id, mode in action["views"]
            if mode in ("kanban", "list", "form")
        ] + [[False, "search"]]
        loaded = self.call(
            "views",
            "helpdesk.ticket",
            "get_views",
            views=views,
            options={"load_filters": True, "action_id": action["id"]},
        )
        if not loaded:
            return
        fields = loaded["models"]["helpdesk.ticket"]["fields"]
        arches = {mode: view["arch"] for mode, view in loaded["views"].items()}
        self.specs = {
            mode: spec_of(arches[mode], fields)
            for mode in ("kanban", "list", "form")
            if mode in arches
        }
        self.group_by = (
            ElementTree.fromstring(arches["kanban"]).get("default_group_by")
            or "stage_id"
        )
        domain = ast.literal_eval(action.get("domain") or "[]")
        # The action's default filters (search_default_*), when literal.
        context = action.get("context") or "{}"
        defaults = re.findall(r"['\"]search_default_(\w+)['\"]\s*:\s*(1|True)", context)
        search = ElementTree.fromstring(arches["search"])
        for name, _value in defaults:
            node = search.find(f".//filter[@name='{name}']")
            try:
                domain += ast.literal_eval(node.get("domain") or "[]")
            except (AttributeError, ValueError, SyntaxError):
                pass  # a filter with context_today() etc.: left out
        if self.kind == "plain":
            domain += [("team_id", "=", FIXTURE["it_team"])]
        self.domain = domain

    # -- pages of both kinds ---------------------------------------------------
    def list_page(self, domain=None, name="list"):
        result = self.call(
            name,
            "helpdesk.ticket",
            "web_search_read",
            domain=domain or self.domain,
            specification=self.specs["list"],
            limit=80,
            count_limit=10001,
        )
        return [record["id"] for record in (result or {}).get("records", [])]

    def kanban(self):
        groups = self.call(
            "kanban groups",
            "helpdesk.ticket",
            "web_read_group",
            domain=self.domain,
            fields=[],
            groupby=[self.group_by],
            lazy=True,
        )
        for group in (groups or {}).get("groups", [])[:3]:
            self.call(
                "kanban column",
                "helpdesk.ticket",
                "web_search_read",
                domain=group["__domain"],
                specification=self.specs["kanban"],
                limit=40,
            )

    def form(self, ticket_id):
        return self.call(
            "form",
            "helpdesk.ticket",
            "web_read",
            [ticket_id],
            specification=self.specs["form"],
        )

    def new_ticket(self, context, vals):
        """Open the new form, edit the subject, save: what the user waits
        for at each step."""
        context = dict(self.ctx, **context)
        self.call(
            "new form",
            "helpdesk.ticket",
            "onchange",
            [],
            {},
            [],
            self.specs["form"],
            context=context,
        )
        self.call(
            "edit field",
            "helpdesk.ticket",
            "onchange",
            [],
            {"name": vals["name"]},
            ["name"],
            self.specs["form"],
            context=context,
        )
        saved = self.call(
            "save new",
            "helpdesk.ticket",
            "web_save",
            [],
            vals,
            specification={"display_name": {}, "number": {}},
            context=context,
        )
        return saved and saved[0]["id"]


class Rep(OdooUser):
    """A sales rep logs complaints from their customers' confirmed orders."""

    role = "load_rep"
    weight = 5

    def on_start(self):
        super().on_start()
        self.orders = [
            (customer, order)
            for customer in FIXTURE["customers"]
            for order in customer["orders"]
            if order["rep"] == self.uid
        ]

    @task(1)
    def log_complaint(self):
        self.log_one()

    def log_one(self):
        customer, order = random.choice(self.orders)
        action = self.call(
            "log from order", "sale.order", "action_log_complaint", [order["id"]]
        )
        if not action:
            return
        ticket = self.new_ticket(
            action["context"],
            {
                "name": "Cover colour darker than the proof",
                "description": "<p>The customer says the blue is too dark.</p>",
                "sale_line_ids": [[6, 0, order["lines"][:1]]],
                "quantity_affected": 200,
            },
        )
        if ticket:
            self.form(ticket)

    @task(2)
    def browse(self):
        ids = self.list_page()
        if ids:
            self.form(random.choice(ids))


class PlainRep(Rep):
    """The same on the IT support team's plain tickets."""

    role = "load_it"
    kind = "plain"

    def on_start(self):
        OdooUser.on_start(self)

    def log_one(self):
        ticket = self.new_ticket(
            {"default_team_id": FIXTURE["it_team"]},
            {
                "name": "Printer of the front desk offline",
                "description": "<p>It shows a paper jam.</p>",
                "partner_id": random.choice(FIXTURE["customers"])["partner"],
            },
        )
        if ticket:
            self.form(ticket)


class Qc(OdooUser):
    """QC classifies the newest complaints: category and 6M cause."""

    role = "load_qc"
    weight = 3
    causes = ("man", "machine", "material", "method", "environment", "measurement")

    def to_classify(self):
        return self.domain + [
            ("complaint_step", "in", ["registered", "verification"]),
            "|",
            ("type_id", "=", False),
            ("type_id", "=", FIXTURE["complaint_type"]),
        ]

    def classify_vals(self):
        return {
            "category_id": random.choice(FIXTURE["complaint_categories"]),
            "cause_category": random.choice(self.causes),
        }

    @task
    def classify(self):
        ids = self.list_page(self.to_classify(), name="to classify")
        if not ids:
            return
        ticket = random.choice(ids[:20])
        self.form(ticket)
        self.call(
            "classify",
            "helpdesk.ticket",
            "web_save",
            [ticket],
            self.classify_vals(),
            specification={"display_name": {}},
        )


class PlainQc(Qc):
    role = "load_it"
    kind = "plain"

    def to_classify(self):
        return self.domain

    def classify_vals(self):
        return {
            "category_id": random.choice(FIXTURE["it_categories"]),
            "priority": random.choice(["0", "1", "2", "3"]),
        }


class PlainManager(OdooUser):
    """A manager of IT support browses the lists and the kanban."""

    role = "load_it"
    kind = "plain"
    weight = 3
    wait_time = between(5, 10)

    @task(3)
    def browse(self):
        ids = self.list_page()
        if ids:
            self.form(random.choice(ids))

    @task(2)
    def kanban_page(self):
        self.kanban()


class Manager(PlainManager):
    """A complaint manager browses the same, the dashboard, and exports
    the ledger."""

    role = "load_manager"
    kind = "complaint"

    @task(1)
    def dashboard(self):
        self.call(
            "dashboard",
            "printing.complaint.dashboard",
            "get_dashboard_data",
        )

    @task(1)
    def ledger(self):
        ids = self.call(
            "ledger select", "helpdesk.ticket", "search", self.domain, limit=2000
        )
        if not ids:
            return
        with self.client.get(
            "/report/xlsx/printing_complaint_report.complaint_ledger_xlsx/"
            + ",".join(map(str, ids)),
            name="complaint ledger xlsx",
            catch_response=True,
        ) as response:
            if response.status_code != 200 or not response.content.startswith(b"PK"):
                response.failure(f"HTTP {response.status_code}, not an XLSX")


class Finance(OdooUser):
    """Finance signs off the reprints the department head approved: each
    clerk takes its share of the queue (no two on the same solution)."""

    role = "load_finance"
    kind = "finance"
    weight = 2
    wait_time = between(6, 12)

    def on_start(self):
        super().on_start()
        logins = [user["login"] for user in FIXTURE["staff"][self.role]]
        self.share = (logins.index(self.login), len(logins))

    @task
    def approve(self):
        result = self.call(
            "to approve",
            "printing.complaint.solution",
            "web_search_read",
            domain=[("can_review", "=", True)],
            specification={
                "display_name": {},
                "ticket_id": {"fields": {"display_name": {}}},
                "amount": {},
                "cost": {},
                "state": {},
            },
            limit=80,
        )
        index, count = self.share
        mine = [
            r["id"]
            for r in (result or {}).get("records", [])
            if r["id"] % count == index
        ]
        if not mine:
            return
        solution = mine[0]
        action = self.call(
            "validate_tier", "printing.complaint.solution", "validate_tier", [solution]
        )
        if not action:
            return
        context = dict(self.ctx, **action["context"])
        wizard = self.call(
            "comment wizard",
            "comment.wizard",
            "create",
            {"comment": "Finance: cost accepted"},
            context=context,
        )
        if wizard:
            self.call(
                "add_comment",
                "comment.wizard",
                "add_comment",
                [wizard],
                context=context,
            )


class PortalCustomer(HttpUser):
    """A customer files a complaint on the portal with a photo."""

    weight = 6
    wait_time = between(10, 20)

    @counted
    def on_start(self):
        self.customer = next_of("portal", FIXTURE["customers"])
        OdooUser.jsonrpc(
            self,
            "portal login",
            "/web/session/authenticate",
            {
                "db": FIXTURE["db"],
                "login": self.customer["login"],
                "password": self.customer["login"],
            },
        )

    @task(3)
    def file_complaint(self):
        with self.client.get(
            "/my/complaint/new", name="portal new complaint form", catch_response=True
        ) as page:
            csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
            key = re.search(r'name="submission_key" value="([^"]+)"', page.text)
            if page.status_code != 200 or not (csrf and key):
                page.failure(f"HTTP {page.status_code}, no form")
                return
        order = random.choice(self.customer["orders"])
        number = next(COUNTERS.setdefault("photo", itertools.count()))
        name = f"load-{os.getpid()}-{key[1][:8]}-{number}.png"
        with self.client.post(
            "/my/complaint/submit",
            data={
                "csrf_token": csrf[1],
                "submission_key": key[1],
                "order": str(order["id"]),
                "lines": [str(line) for line in order["lines"][:2]],
                "subject": "Pages misprinted",
                "description": "Some sheets have smeared ink, see the photo.",
                "quantity": "30",
                "requests": [str(FIXTURE["request_reprint"])],
            },
            files={"attachment": (name, PHOTO, "image/png")},
            allow_redirects=False,
            name="portal file complaint",
            catch_response=True,
        ) as response:
            location = response.headers.get("Location", "")
            found = re.search(r"/(\d+)(?:\?|$)", location)
            if response.status_code not in (302, 303) or not found:
                reason = re.search(r"alert-danger[^>]*>\s*([^<]+)", response.text)
                response.failure(
                    f"HTTP {response.status_code} {location} "
                    f"{reason[1].strip() if reason else ''}"
                )
                return
            UPLOADS.append({"name": name, "ticket": int(found[1])})
        self.client.get(location, name="portal complaint page")

    @task(1)
    def my_tickets(self):
        self.client.get("/my/tickets", name="portal my tickets")
