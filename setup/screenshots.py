#!/usr/bin/env python3
"""Take the README's screenshots from a running demo (``setup/run``).

Drives headless Chromium through its DevTools protocol (websocket-client,
from requirements.txt): logs in as the demo user of each page, opens it,
waits for it to settle and saves it under docs/screenshots/<lang>/, in
English (en_US) and Simplified Chinese (zh_CN). The internal users are
switched to the language for the shots and back afterwards; the portal
pages are taken as a customer of that language. Run with the project's
virtualenv:

    .venv/bin/python setup/screenshots.py [--url http://localhost:8069]
        [--lang en_US|zh_CN|all]
"""

import argparse
import base64
import json
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
LANGS = ("en_US", "zh_CN")
WIDTH, HEIGHT = 1280, 800
# A PNG above this size is taken again as a JPEG (quality 80), named .jpg.
MAX_PNG = 400 * 1024
MODULE = "printing_complaint"
COMPLAINTS = "/odoo/action-printing_complaint.action_complaints"

# The portal user of each language and the complaint they look at.
PORTAL = {
    "en_US": ("harbour", "complaint_demo_closure"),
    "zh_CN": ("pearl", "complaint_demo_confirmation"),
}
# The internal users whose language is switched for the shots.
INTERNAL_USERS = ("manager", "finance")

# name: (login, path, a selector present once the page has loaded, and
# the steps before the shot: ("click", selector) then a selector to wait
# for, ("scroll", selector) to bring it to the top).
# The path's {fields} are the ids of the demo records (see record_ids).
PAGES = {
    "complaints_kanban": ("manager", COMPLAINTS, ".o_kanban_record", ()),
    "complaint_form": (
        "manager",
        COMPLAINTS + "/{complaint}",
        ".o_form_view .o_notebook",
        (
            ("click", ".o_notebook .nav-link[name=complaint_solutions]"),
            ("wait", ".o_notebook .tab-pane.active .o_list_renderer .o_data_row"),
        ),
    ),
    "approval": (
        "finance",
        "/odoo/action-printing_complaint.action_solutions_to_approve/{solution}",
        ".o_form_view .o_form_sheet .panel-heading .o_info_btn",
        (
            ("click", ".o_form_sheet .panel-heading .o_info_btn"),
            ("wait", "#collapse1[style*=block] .o_review tbody tr"),
            ("scroll", ".o_form_view .alert.alert-warning"),
        ),
    ),
    "portal_complaint": (
        "{portal_login}",
        "/my/ticket/{portal_complaint}",
        "#wrapwrap main",
        (),
    ),
    "report_pdf": (
        "manager",
        "/report/html/printing_complaint_report.report_complaint_8d/{closed_8d}",
        ".page",
        (),
    ),
    "dashboard": (
        "manager",
        "/odoo/action-printing_complaint_report.action_complaint_dashboard",
        ".o_complaint_dashboard .o_content table",
        (),
    ),
}
# Passing notifications (the escalation's, "the page is out of date" while
# a fresh demo builds its asset bundles) are hidden from the shots.
HIDE_NOTIFICATIONS = """(() => {
    const style = document.createElement('style');
    style.textContent = '.o_notification_manager { display: none !important; }';
    document.head.appendChild(style);
})()"""
# Shown instead of the page: the shot is refused.
BROKEN = ".o_error_dialog, .o_login_auth, form.oe_login_form, .o_view_nocontent"


def post(url, path, params, session=None):
    headers = {"Content-Type": "application/json"}
    if session:
        headers["Cookie"] = f"session_id={session}"
    request = urllib.request.Request(
        url + path,
        data=json.dumps({"jsonrpc": "2.0", "params": params}).encode(),
        headers=headers,
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        body = json.loads(response.read())
        cookie = response.headers.get("Set-Cookie") or ""
    if body.get("error"):
        raise RuntimeError(f"{path}: {body['error'].get('data', body['error'])}")
    return body["result"], cookie


def login(url, db, user, password=None):
    _result, cookie = post(
        url,
        "/web/session/authenticate",
        {"db": db, "login": user, "password": password or user},
    )
    return cookie.split("session_id=", 1)[1].split(";", 1)[0]


def json_rpc(url, session, model, method, args, kwargs=None):
    return post(
        url,
        "/web/dataset/call_kw",
        {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        session,
    )[0]


def record_ids(url, session, names):
    """The ids of the demo records, by their xml ids in printing_complaint."""
    rows = json_rpc(
        url,
        session,
        "ir.model.data",
        "search_read",
        [[("module", "=", MODULE), ("name", "in", list(names))]],
        {"fields": ["name", "res_id"]},
    )
    found = {row["name"]: row["res_id"] for row in rows}
    missing = set(names) - set(found)
    if missing:
        raise SystemExit(f"demo records not found: {', '.join(sorted(missing))}")
    return found


class Chromium:
    def __init__(self, port=9333):
        self.profile = tempfile.mkdtemp(prefix="pc-chromium-")
        self.process = subprocess.Popen(
            [
                shutil.which("chromium") or "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                f"--user-data-dir={self.profile}",
                f"--remote-debugging-port={port}",
                f"--window-size={WIDTH},{HEIGHT}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        page = None
        for _attempt in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json") as r:
                    page = next(t for t in json.loads(r.read()) if t["type"] == "page")
                break
            except (OSError, StopIteration):
                time.sleep(0.2)
        if page is None:
            self.process.terminate()
            raise RuntimeError("Chromium did not start")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(
            json.dumps({"id": self.next_id, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True
        )
        return result.get("result", {}).get("value")

    def wait_for(self, selector, timeout=120):
        """Wait until selector matches and the page is idle (the first load
        builds the assets); refuse an error dialog or the login page."""
        deadline = time.monotonic() + timeout
        check = f"""(() => {{
            const broken = document.querySelector({json.dumps(BROKEN)});
            if (broken) return 'broken: ' + broken.className;
            if (document.readyState !== 'complete') return '';
            if (document.querySelector('.o_loading_indicator, .o_blockUI'))
                return '';
            return document.querySelector({json.dumps(selector)}) ? 'ok' : '';
        }})()"""
        while time.monotonic() < deadline:
            state = self.evaluate(check)
            if state and state.startswith("broken"):
                time.sleep(1)  # an empty list says so only once it is loaded
                state = self.evaluate(check)
                if state and state.startswith("broken"):
                    raise RuntimeError(f"{self.evaluate('location.href')}: {state}")
            if state == "ok":
                time.sleep(2)  # let images, fonts and charts settle
                return
            time.sleep(0.5)
        raise TimeoutError(f"{selector} did not appear")

    def run(self, steps):
        for action, selector in steps:
            if action == "wait":
                self.wait_for(selector)
                continue
            method = "click()" if action == "click" else "scrollIntoView()"
            if not self.evaluate(
                f"(e => e ? (e.{method}, true) : false)"
                f"(document.querySelector({json.dumps(selector)}))"
            ):
                raise RuntimeError(f"{action}: {selector} not found")
            time.sleep(1)

    def shoot(self, target):
        """Save the viewport as target.png, or target.jpg when too large."""
        shot = base64.b64decode(
            self.call("Page.captureScreenshot", format="png")["data"]
        )
        suffix = ".png"
        if len(shot) > MAX_PNG:
            shot = base64.b64decode(
                self.call("Page.captureScreenshot", format="jpeg", quality=80)["data"]
            )
            suffix = ".jpg"
        for stale in (".png", ".jpg"):
            target.with_suffix(stale).unlink(missing_ok=True)
        path = target.with_suffix(suffix)
        path.write_bytes(shot)
        return path

    def close(self):
        self.ws.close()
        self.process.terminate()
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def set_langs(url, admin, logins, lang=None, langs=None):
    """Give the users of logins the language lang (or each its own from
    langs); return their languages before."""
    users = json_rpc(
        url,
        admin,
        "res.users",
        "search_read",
        [[("login", "in", list(logins))]],
        {"fields": ["login", "lang"]},
    )
    for user in users:
        new = lang or (langs or {}).get(user["login"])
        if new and new != user["lang"]:
            json_rpc(url, admin, "res.users", "write", [[user["id"]], {"lang": new}])
    return {user["login"]: user["lang"] for user in users}


def set_partner_lang(url, admin, partner_id, lang):
    """The report speaks its customer's language: give them lang, return
    the one they had."""
    before = json_rpc(url, admin, "res.partner", "read", [[partner_id], ["lang"]])
    if lang != before[0]["lang"]:
        json_rpc(url, admin, "res.partner", "write", [[partner_id], {"lang": lang}])
    return before[0]["lang"]


def take(args, browser, admin, ids, lang):
    out = OUT / lang
    out.mkdir(parents=True, exist_ok=True)
    portal_login, portal_complaint = PORTAL[lang]
    values = dict(
        ids, portal_login=portal_login, portal_complaint=ids[portal_complaint]
    )
    closed_8d = json_rpc(
        args.url, admin, "helpdesk.ticket", "read", [[ids["closed_8d"]], ["partner_id"]]
    )[0]["partner_id"][0]
    sessions = {}
    langs_before = set_langs(args.url, admin, INTERNAL_USERS, lang=lang)
    partner_lang = set_partner_lang(args.url, admin, closed_8d, lang)
    try:
        for name, (user, path, selector, steps) in PAGES.items():
            user = user.format(**values)
            if user not in sessions:
                sessions[user] = login(args.url, args.db, user)
            browser.call("Network.clearBrowserCookies")
            browser.call(
                "Network.setCookie",
                name="session_id",
                value=sessions[user],
                url=args.url,
            )
            browser.call("Page.navigate", url=args.url + path.format(**values))
            browser.wait_for(selector)
            browser.run(steps)
            browser.evaluate(HIDE_NOTIFICATIONS)
            saved = browser.shoot(out / name)
            print(
                f"saved {saved.relative_to(REPO)} ({saved.stat().st_size // 1024} KB)"
            )
    finally:
        set_langs(args.url, admin, INTERNAL_USERS, langs=langs_before)
        set_partner_lang(args.url, admin, closed_8d, partner_lang)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="printing_demo")
    parser.add_argument(
        "--lang",
        choices=(*LANGS, "all"),
        default="all",
        help="the language of the shots (default: both)",
    )
    args = parser.parse_args()
    args.url = args.url.rstrip("/")
    admin = login(args.url, args.db, "admin", "admin")
    names = {
        "complaint": "complaint_demo_confirmation",
        "closed_8d": "complaint_demo_closed_8d",
        "solution": "solution_demo_solution_reprint",
    }
    names.update({key: key for _login, key in PORTAL.values()})
    found = record_ids(args.url, admin, set(names.values()))
    ids = {key: found[name] for key, name in names.items()}
    browser = Chromium()
    try:
        browser.call("Network.enable")
        browser.call(
            "Emulation.setDeviceMetricsOverride",
            width=WIDTH,
            height=HEIGHT,
            deviceScaleFactor=1,
            mobile=False,
        )
        for lang in LANGS if args.lang == "all" else (args.lang,):
            take(args, browser, admin, ids, lang)
    finally:
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
