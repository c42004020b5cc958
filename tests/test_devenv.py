"""Tests of the setup's own helpers (setup/devenv.py): finding Odoo, the
requirements it installs, the private PostgreSQL cluster, and the message a
user gets when Odoo is nowhere."""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import devenv
import pytest

REPO = Path(__file__).resolve().parent.parent


def make_odoo_tree(path, major=18, minor=0):
    (path / "odoo").mkdir(parents=True)
    (path / "odoo" / "release.py").write_text(
        f"version_info = ({major}, {minor}, 0, FINAL, 0, '')\n"
    )
    (path / "odoo-bin").write_text("#!/usr/bin/env python3\n")
    (path / "requirements.txt").write_text(
        "Babel==2.10.3 ; python_version >= '3.11'\n"
        "cbor2==5.4.2 ; python_version < '3.12'\n"
        "cbor2==5.6.2 ; python_version >= '3.12'\n"
        "python-ldap==3.4.0 ; sys_platform != 'win32' and python_version < '3.12'\n"
        "pytz  # no version pinning\n"
    )
    return path


def settings_for(tmp_path, **environ):
    environ.setdefault("HOME", str(tmp_path / "home"))
    environ.setdefault("PC_VENV", str(tmp_path / "no-venv"))
    return devenv.Settings(environ)


def offline():
    return False


def no_clone(dest):
    raise AssertionError("must not clone")


class TestFindOdoo:
    def test_odoo_src_wins(self, tmp_path):
        tree = make_odoo_tree(tmp_path / "src")
        make_odoo_tree(tmp_path / "home" / "odoo-18.0")
        found = devenv.find_odoo(
            settings_for(tmp_path, ODOO_SRC=str(tree)), online=offline, clone=no_clone
        )
        assert found.source_tree == tree
        assert found.how == "ODOO_SRC"
        assert found.addons_paths() == [tree / "addons", tree / "odoo" / "addons"]

    def test_odoo_src_of_another_version_is_refused(self, tmp_path):
        tree = make_odoo_tree(tmp_path / "src", major=17)
        with pytest.raises(devenv.SetupError, match="holds Odoo 17.0"):
            devenv.find_odoo(settings_for(tmp_path, ODOO_SRC=str(tree)), online=offline)

    def test_odoo_src_not_a_tree_is_refused(self, tmp_path):
        with pytest.raises(devenv.SetupError, match="no Odoo source tree"):
            devenv.find_odoo(
                settings_for(tmp_path, ODOO_SRC=str(tmp_path)), online=offline
            )

    def test_default_location_in_home(self, tmp_path):
        tree = make_odoo_tree(tmp_path / "home" / "odoo-18.0")
        found = devenv.find_odoo(settings_for(tmp_path), online=offline)
        assert found.source_tree == tree
        assert found.how == "default location"

    def test_importable_odoo(self, tmp_path):
        package = tmp_path / "site" / "odoo"
        package.mkdir(parents=True)
        (package / "__init__.py").write_text("")
        (package / "release.py").write_text("serie = '18.0'\n")
        python = tmp_path / "python"
        python.write_text(
            f'#!/bin/sh\nPYTHONPATH={tmp_path / "site"} exec {sys.executable} "$@"\n'
        )
        python.chmod(0o755)
        found = devenv.find_odoo(
            settings_for(tmp_path, PC_PYTHON=str(python)), online=offline
        )
        assert found.package_dir == package
        assert found.addons_paths() == [package / "addons"]

    def test_upstream_when_online(self, tmp_path):
        cloned = []

        def clone(dest):
            cloned.append(dest)
            make_odoo_tree(dest)

        found = devenv.find_odoo(
            settings_for(tmp_path, PC_PYTHON=str(tmp_path / "none")),
            online=lambda: True,
            clone=clone,
        )
        assert cloned == [tmp_path / "home" / "odoo-18.0"]
        assert found.how == "cloned from upstream"

    def test_nowhere_says_what_to_set(self, tmp_path):
        with pytest.raises(devenv.SetupError) as error:
            devenv.find_odoo(
                settings_for(tmp_path, PC_PYTHON=str(tmp_path / "none")),
                online=offline,
            )
        message = str(error.value)
        assert "export ODOO_SRC=" in message
        assert "~/odoo-18.0" in message


def test_odoo_requirements_fixes(tmp_path):
    tree = make_odoo_tree(tmp_path / "src")
    lines = devenv.odoo_requirements(devenv.OdooLocation(source_tree=tree))
    assert lines == [
        "Babel==2.10.3 ; python_version >= '3.11'",
        "cbor2==5.6.2 ; python_version < '3.12'",
        "cbor2==5.6.2 ; python_version >= '3.12'",
        "pytz  # no version pinning",
    ]


def test_settings_defaults_and_overrides(tmp_path):
    default = devenv.Settings({"HOME": str(tmp_path)})
    assert default.db == "printing_demo"
    assert default.http_port == 8069
    assert not default.pg_external
    custom = devenv.Settings(
        {"HOME": str(tmp_path), "PC_DB": "acme", "PC_HTTP_PORT": "8070", "PGHOST": "db"}
    )
    assert (custom.db, custom.http_port, custom.pg_external) == ("acme", 8070, True)
    assert devenv.external_connection({"PGHOST": "db", "PGUSER": "u"}) == {
        "db_host": "db",
        "db_port": "False",
        "db_user": "u",
        "db_password": "False",
    }


@pytest.fixture
def cluster():
    # Outside pytest's private tmp dir: the server may run as another user.
    base = Path(tempfile.mkdtemp(prefix="pc-cluster-"))
    base.chmod(0o755)
    cluster = devenv.PrivateCluster(base, port=55432)
    yield cluster
    cluster.stop()
    subprocess.run(["rm", "-rf", str(base)], check=False)


def test_private_cluster_lifecycle(cluster):
    assert not cluster.initialised()
    assert cluster.start() is True
    assert cluster.running()
    assert cluster.start() is False  # already running: reused, not restarted
    env = dict(
        os.environ,
        PGHOST=str(cluster.socket_dir),
        PGPORT="55432",
        PGUSER=cluster.ROLE,
    )
    out = subprocess.run(
        ["psql", "-XAtq", "-d", "postgres", "-c", "SHOW listen_addresses"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == ""  # unix socket only, no TCP
    assert cluster.connection()["db_host"] == str(cluster.socket_dir)
    cluster.stop()
    assert not cluster.running()
    assert cluster.start() is True  # the same cluster starts again
    assert cluster.initialised()


def test_command_without_odoo_stops_with_message(tmp_path):
    """The test command, on a machine with no Odoo, fails fast and clearly."""
    environ = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "PC_VENV": str(tmp_path / "venv"),
        "PC_STATE_DIR": str(tmp_path / "state"),
        "PC_PYTHON": str(tmp_path / "no-python"),
        "PC_OFFLINE": "1",
    }
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(REPO / "setup" / "devenv.py"), "test"],
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert time.monotonic() - started < 60
    assert result.returncode == 2
    assert "Odoo 18.0 was not found" in result.stderr
    assert "export ODOO_SRC=" in result.stderr
    assert not (tmp_path / "venv").exists()
