#!/usr/bin/env python3
"""Take the README's screenshots from a running demo (``setup/run``).

Drives headless Chromium through its DevTools protocol (websocket-client,
from requirements.txt): logs in as admin, opens each page, waits for it to
settle and saves a PNG under docs/. Run with the project's virtualenv:

    .venv/bin/python setup/screenshots.py [--url http://localhost:8069]
"""

import argparse
import base64
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket

REPO = Path(__file__).resolve().parent.parent
# file: (path, a selector present once the page has loaded)
PAGES = {
    "complaints_kanban.png": (
        "/odoo/action-printing_complaint.action_complaints",
        ".o_kanban_record",
    ),
    "complaint_form.png": (
        "/odoo/action-printing_complaint.action_complaints/{form_id}",
        ".o_form_view .o_notebook",
    ),
}


def login(url, db, user, password):
    request = urllib.request.Request(
        f"{url}/web/session/authenticate",
        data=json.dumps(
            {"params": {"db": db, "login": user, "password": password}}
        ).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        cookie = response.headers["Set-Cookie"]
    return cookie.split("session_id=", 1)[1].split(";", 1)[0]


def json_rpc(url, session, model, method, args, kwargs=None):
    request = urllib.request.Request(
        f"{url}/web/dataset/call_kw",
        data=json.dumps(
            {
                "params": {
                    "model": model,
                    "method": method,
                    "args": args,
                    "kwargs": kwargs or {},
                }
            }
        ).encode(),
        headers={"Content-Type": "application/json", "Cookie": f"session_id={session}"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["result"]


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
                f"--user-data-dir={self.profile}",
                f"--remote-debugging-port={port}",
                "--window-size=1440,900",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _attempt in range(50):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json") as r:
                    page = next(t for t in json.loads(r.read()) if t["type"] == "page")
                break
            except (OSError, StopIteration):
                time.sleep(0.2)
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
                return message.get("result", {})

    def wait_for(self, selector, timeout=90):
        """Wait until selector matches (the first load builds the assets)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.call(
                "Runtime.evaluate",
                expression=f"!!document.querySelector({json.dumps(selector)})",
                returnByValue=True,
            )
            if found.get("result", {}).get("value"):
                time.sleep(1.5)  # let images and fonts settle
                return
            time.sleep(0.5)
        raise TimeoutError(f"{selector} did not appear")

    def close(self):
        self.ws.close()
        self.process.terminate()
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="printing_demo")
    args = parser.parse_args()
    session = login(args.url, args.db, "admin", "admin")
    form_id = json_rpc(
        args.url,
        session,
        "ir.model.data",
        "check_object_reference",
        ["printing_complaint", "complaint_verification"],
    )[1]
    out = REPO / "docs"
    out.mkdir(exist_ok=True)
    browser = Chromium()
    try:
        host = args.url.split("//", 1)[1].split(":")[0]
        browser.call("Network.enable")
        browser.call(
            "Network.setCookie", name="session_id", value=session, domain=host, path="/"
        )
        browser.call(
            "Emulation.setDeviceMetricsOverride",
            width=1440,
            height=900,
            deviceScaleFactor=1,
            mobile=False,
        )
        for name, (path, selector) in PAGES.items():
            browser.call("Page.navigate", url=args.url + path.format(form_id=form_id))
            browser.wait_for(selector)
            shot = browser.call("Page.captureScreenshot", format="png")
            (out / name).write_bytes(base64.b64decode(shot["data"]))
            print(f"saved docs/{name}")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
