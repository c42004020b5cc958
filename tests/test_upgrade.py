"""Both addons upgrade in place (``-u``) on a database built by the previous
release, with its data intact.

The previous release is taken from this repository's history (``git
archive`` of PREVIOUS_RELEASE): a database is built with it, demo data
included, then upgraded with the current code; the records and the values
of renamed fields must be the same afterwards.
"""

import json
import subprocess

import pytest
from conftest import REPO, drop_database, run_odoo, run_odoo_shell

import odoo

ADDONS = ["printing_complaint", "printing_complaint_report"]
# The last commit of printing_complaint 18.0.1.3.0.
PREVIOUS_RELEASE = "22dd86a"

# What must survive the upgrade; the renamed fields under their old names
# (before) and their new ones (after).
SNAPSHOT = """
import json
env.cr.execute("SELECT count(*) FROM helpdesk_ticket WHERE is_complaint")
complaints = env.cr.fetchone()[0]
env.cr.execute(
    "SELECT s.id, s.%(kind)s, t.%(kind)s FROM printing_complaint_solution s "
    "JOIN printing_complaint_solution_type t ON t.id = s.type_id ORDER BY s.id"
)
solutions = env.cr.fetchall()
env.cr.execute(
    "SELECT id FROM helpdesk_ticket WHERE %(met)s ORDER BY id"
)
met_before = [row[0] for row in env.cr.fetchall()]
counts = {
    model: env[model].with_context(active_test=False).search_count([])
    for model in (
        "printing.complaint.stage.history",
        "printing.complaint.evidence",
        "printing.complaint.decision",
        "tier.review",
        "mgmtsystem.action",
    )
}
version = env["ir.module.module"].search([("name", "=", "printing_complaint")])
print("RESULT " + json.dumps({
    "complaints": complaints,
    "solutions": solutions,
    "met_before": met_before,
    "counts": counts,
    "version": version.latest_version,
}))
"""
# The shipped complaint types and categories are noupdate data: the
# migration to 18.0.1.6.0 gives them their facts and types.
TYPE_FACTS = """
import json
delivery = env.ref("printing_complaint.type_delivery")
quality = env.ref("printing_complaint.type_quality")
print("RESULT " + json.dumps({
    "delivery": [delivery.needs_delivery_dates, delivery.needs_evidence],
    "quality": [quality.needs_defect_category, quality.needs_delivery_dates],
    "colour_is_quality": (
        env.ref("printing_complaint.category_colour").complaint_type_id == quality
    ),
    "late_delivery": env.ref(
        "printing_complaint.category_late_delivery"
    ).complaint_type_id == delivery,
}))
"""
MARK_MET_BEFORE = """
env.cr.execute(
    "UPDATE helpdesk_ticket SET is_recurring = true WHERE id IN "
    "(SELECT id FROM helpdesk_ticket WHERE is_complaint ORDER BY id LIMIT 2)"
)
env.cr.commit()
"""


def _result(completed):
    assert completed.returncode == 0, completed.stderr[-3000:]
    line = [x for x in completed.stdout.splitlines() if x.startswith("RESULT ")][-1]
    return json.loads(line[len("RESULT ") :])


@pytest.fixture(scope="module")
def previous_release(tmp_path_factory, odoo_conf):
    """The previous release's addons and an Odoo configuration using them."""
    tree = tmp_path_factory.mktemp("previous_release")
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", PREVIOUS_RELEASE, *ADDONS],
        capture_output=True,
        check=True,
    )
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    conf = odoo_conf.read_text().replace(f"{REPO},", f"{tree},", 1)
    assert str(tree) in conf, "the addons path does not start with the repository"
    previous_conf = tree / "odoo.conf"
    previous_conf.write_text(conf)
    return previous_conf


def test_upgrade_keeps_the_data(odoo_conf, previous_release):
    name = odoo.tools.config["db_name"] or "printing_test"
    name = f"{name.split(',')[0]}_upgrade"
    drop_database(name)
    try:
        run_odoo(previous_release, name, "-i", ",".join(ADDONS))
        run_odoo_shell(previous_release, name, MARK_MET_BEFORE)
        before = _result(
            run_odoo_shell(
                previous_release,
                name,
                SNAPSHOT % {"kind": "execution", "met": "is_recurring"},
            )
        )
        run_odoo(odoo_conf, name, "-u", ",".join(ADDONS))
        after = _result(
            run_odoo_shell(
                odoo_conf,
                name,
                SNAPSHOT % {"kind": "execution_kind", "met": "customer_met_before"},
            )
        )
        facts = _result(run_odoo_shell(odoo_conf, name, TYPE_FACTS))
    finally:
        drop_database(name)
    assert facts == {
        "delivery": [True, False],
        "quality": [True, False],
        "colour_is_quality": True,
        "late_delivery": True,
    }
    assert before["version"] != after["version"]
    assert before["complaints"] > 0 and before["solutions"]
    assert len(before["met_before"]) == 2
    for key in ("complaints", "solutions", "met_before", "counts"):
        assert after[key] == before[key], key
