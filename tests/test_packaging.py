"""Each addon builds as an OCA-style wheel (whool), installable with pip into
an existing Odoo: files under odoo/addons/<addon>, dependencies on the OCA
addons' distributions and on odoo 18.0."""

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheels(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheels")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(out),
            str(REPO / "printing_complaint"),
            str(REPO / "printing_complaint_report"),
            str(REPO / "printing_complaint_sale"),
        ],
        check=True,
    )
    return {path.name.split("-")[0]: path for path in out.glob("*.whl")}


def _manifest_version(addon):
    """The wheel's version starts with the addon's manifest version."""
    manifest = ast.literal_eval((REPO / addon / "__manifest__.py").read_text())
    return manifest["version"]


def _metadata(wheel):
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        lines = archive.read(name).decode().splitlines()
        files = archive.namelist()
    requires = sorted(
        line.split(": ", 1)[1] for line in lines if line.startswith("Requires-Dist")
    )
    version = next(line.split(": ")[1] for line in lines if line.startswith("Version"))
    return version, requires, files


def test_base_addon_wheel(wheels):
    version, requires, files = _metadata(wheels["odoo_addon_printing_complaint"])
    assert version.startswith(_manifest_version("printing_complaint"))
    assert requires == [
        "odoo-addon-base_tier_validation==18.0.*",
        "odoo-addon-helpdesk_mgmt==18.0.*",
        "odoo-addon-helpdesk_mgmt_rating==18.0.*",
        "odoo-addon-helpdesk_type==18.0.*",
        "odoo-addon-mgmtsystem_action_efficacy==18.0.*",
        "odoo==18.0.*",
    ]
    assert "odoo/addons/printing_complaint/__manifest__.py" in files
    assert "odoo/addons/printing_complaint/data/helpdesk_team_data.xml" in files
    assert "odoo/addons/printing_complaint/demo/sale_order_demo.xml" in files


def test_report_addon_wheel(wheels):
    version, requires, files = _metadata(wheels["odoo_addon_printing_complaint_report"])
    assert version.startswith(_manifest_version("printing_complaint_report"))
    assert requires == [
        "odoo-addon-printing_complaint==18.0.*",
        "odoo-addon-report_xlsx==18.0.*",
        "odoo==18.0.*",
    ]
    assert "odoo/addons/printing_complaint_report/__manifest__.py" in files


def test_glue_addon_wheel(wheels):
    version, requires, files = _metadata(wheels["odoo_addon_printing_complaint_sale"])
    assert version.startswith(_manifest_version("printing_complaint_sale"))
    assert requires == [
        "odoo-addon-helpdesk_mgmt_sale==18.0.*",
        "odoo-addon-printing_complaint==18.0.*",
        "odoo==18.0.*",
    ]
    assert (
        "odoo/addons/printing_complaint_sale/views/helpdesk_ticket_views.xml" in files
    )


def test_wheels_install_into_odoo_namespace(wheels, tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(tmp_path),
            *map(str, wheels.values()),
        ],
        check=True,
    )
    for addon in (
        "printing_complaint",
        "printing_complaint_report",
        "printing_complaint_sale",
    ):
        assert (tmp_path / "odoo" / "addons" / addon / "__manifest__.py").is_file()
