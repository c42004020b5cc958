"""Shared helpers of the cross-addon tests (run by pytest-odoo).

``setup/test`` passes the Odoo configuration and database names in the
environment; the helpers fall back to the project's defaults so that a
single test file can be run by hand (see README, "Run one test").
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "setup"))


def cross_addon_test(cls):
    """Give an Odoo test class of tests/ the attributes Odoo sets on the
    addons' own tests (it derives them from an ``odoo.addons.X`` module)."""
    cls.test_tags = {"standard", "post_install"}
    cls.test_module = "printing_complaint"
    cls.test_class = cls.__name__
    return cls


@pytest.fixture(scope="session")
def odoo_conf():
    return Path(os.environ.get("PC_ODOO_CONF", REPO / ".state" / "odoo.conf"))


def pg_env():
    """libpq environment of the database server Odoo is configured with."""
    from odoo.tools import config

    env = dict(os.environ)
    for option, variable in (
        ("db_host", "PGHOST"),
        ("db_port", "PGPORT"),
        ("db_user", "PGUSER"),
        ("db_password", "PGPASSWORD"),
    ):
        if config[option]:
            env[variable] = str(config[option])
    return env


def drop_database(name):
    """Drop a scratch database and its filestore."""
    import shutil

    from odoo.tools import config

    subprocess.run(["dropdb", "--if-exists", "--force", name], env=pg_env(), check=True)
    shutil.rmtree(config.filestore(name), ignore_errors=True)


def run_odoo_shell(conf, dbname, script, timeout=600):
    """Run a Python script in ``odoo shell`` on dbname; return its output."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "shell",
            "-c",
            str(conf),
            "-d",
            dbname,
            "--no-http",
            "--log-level=warn",
        ],
        input=script,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return result


def assert_no_errors(completed):
    """No ERROR or CRITICAL line in what an Odoo command logged."""
    errors = [
        line
        for line in completed.stderr.splitlines()
        if " ERROR " in line or " CRITICAL " in line
    ]
    assert not errors, "\n".join(errors)


def run_odoo(conf, dbname, *args, timeout=900):
    """Run Odoo on dbname with args until it stops; it must succeed
    without logging an error."""
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "-c",
            str(conf),
            "-d",
            dbname,
            *args,
            "--stop-after-init",
            "--no-http",
            "--log-level=warn",
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert_no_errors(completed)
    return completed
