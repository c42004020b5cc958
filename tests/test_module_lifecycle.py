"""Both addons install, uninstall and install again cleanly.

This runs in a database of its own, built without demo data like a
customer's production database: demo sale orders are invoiced, and posted
invoices rightly keep their customers and products when the addon goes.
"""

import json
import subprocess
import sys

import pytest
from conftest import assert_no_errors, drop_database, run_odoo_shell

import odoo

ADDONS = ["printing_complaint", "printing_complaint_report"]

UNINSTALL = """
import json
Module = env["ir.module.module"]
Module.search([("name", "=", "printing_complaint")]).button_immediate_uninstall()
env.invalidate_all()
states = {m.name: m.state for m in Module.search([("name", "in", %(names)r)])}
leftovers = env["ir.model.data"].search_count([("module", "in", %(addons)r)])
team = env["helpdesk.ticket.team"].search_count([("name", "=", "Complaints")])
print("RESULT " + json.dumps({"states": states, "leftovers": leftovers, "team": team}))
"""

INSTALL = """
import json
Module = env["ir.module.module"]
Module.search([("name", "=", "printing_complaint_report")]).button_immediate_install()
env.invalidate_all()
states = {m.name: m.state for m in Module.search([("name", "in", %(addons)r)])}
team = env.ref("printing_complaint.helpdesk_team_complaints", raise_if_not_found=False)
print("RESULT " + json.dumps({"states": states, "team": bool(team)}))
"""


def _result(completed):
    assert completed.returncode == 0, completed.stderr[-3000:]
    lines = [
        line for line in completed.stdout.splitlines() if line.startswith("RESULT ")
    ]
    assert lines, completed.stdout[-3000:] + completed.stderr[-3000:]
    assert_no_errors(completed)
    return json.loads(lines[-1][len("RESULT ") :])


@pytest.fixture(scope="module")
def lifecycle_db(odoo_conf):
    name = odoo.tools.config["db_name"] or "printing_test"
    name = f"{name.split(',')[0]}_lifecycle"
    drop_database(name)
    installed = subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "-c",
            str(odoo_conf),
            "-d",
            name,
            "-i",
            ",".join(ADDONS),
            "--without-demo=all",
            "--stop-after-init",
            "--no-http",
            "--log-level=warn",
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr[-3000:]
    assert_no_errors(installed)
    yield name
    drop_database(name)


def test_uninstall_then_reinstall(odoo_conf, lifecycle_db):
    names = [*ADDONS, "helpdesk_mgmt", "sale_management", "report_xlsx"]
    done = _result(
        run_odoo_shell(
            odoo_conf, lifecycle_db, UNINSTALL % {"names": names, "addons": ADDONS}
        )
    )
    # Uninstalling the base addon takes the report addon with it, and
    # nothing else; the addons leave no records behind.
    assert done["states"] == {
        "printing_complaint": "uninstalled",
        "printing_complaint_report": "uninstalled",
        "helpdesk_mgmt": "installed",
        "sale_management": "installed",
        "report_xlsx": "installed",
    }
    assert done["leftovers"] == 0
    assert done["team"] == 0

    again = _result(
        run_odoo_shell(odoo_conf, lifecycle_db, INSTALL % {"addons": ADDONS})
    )
    assert again["states"] == dict.fromkeys(ADDONS, "installed")
    assert again["team"] is True
