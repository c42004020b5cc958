"""Tests of the setup's own helpers (setup/devenv.py): finding Odoo, the
requirements it installs, the private PostgreSQL cluster, and the message a
user gets when Odoo is nowhere."""

import ast
import datetime
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
    assert default.today is None
    today = devenv.Settings({"HOME": str(tmp_path), "PC_TODAY": "2026-12-31T23:30"})
    assert today.today == "2026-12-31T23:30"
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
    jit = subprocess.run(
        ["psql", "-XAtq", "-d", "postgres", "-c", "SHOW jit"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert jit.strip() == "off"
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


class TestDateRuns:
    """The moments the time-sensitive tests run at (pure functions)."""

    NOW = datetime.datetime(2026, 12, 1, 18, 45)  # a Tuesday

    def test_next_weekday_at(self):
        monday = devenv.next_weekday_at(self.NOW, 0, 9)
        assert monday == datetime.datetime(2026, 12, 7, 9, 0)
        assert monday.weekday() == 0
        friday = devenv.next_weekday_at(self.NOW, 4, 17, 55)
        assert friday == datetime.datetime(2026, 12, 4, 17, 55)
        # Later the same day, or exactly now: next week.
        assert devenv.next_weekday_at(self.NOW, 1, 19) == datetime.datetime(
            2026, 12, 1, 19, 0
        )
        assert devenv.next_weekday_at(self.NOW, 1, 18, 45) == datetime.datetime(
            2026, 12, 8, 18, 45
        )

    def test_next_day_of_year_at(self):
        assert devenv.next_day_of_year_at(
            self.NOW, 12, 31, 23, 30
        ) == datetime.datetime(2026, 12, 31, 23, 30)
        after_new_year = datetime.datetime(2027, 1, 1, 0, 10)
        assert devenv.next_day_of_year_at(
            after_new_year, 12, 31, 23, 30
        ) == datetime.datetime(2027, 12, 31, 23, 30)
        # 29 February comes in leap years only.
        leap = devenv.next_day_of_year_at(datetime.datetime(2026, 12, 1), 2, 29, 10)
        assert leap == datetime.datetime(2028, 2, 29, 10, 0)
        assert devenv.next_day_of_year_at(
            datetime.datetime(2028, 2, 29, 10, 0), 2, 29, 10
        ) == datetime.datetime(2032, 2, 29, 10, 0)

    def test_next_public_holiday_is_a_working_day(self):
        # National Day 2027 in Beijing time: Friday 1 to Sunday 3 October.
        national_day = (
            datetime.datetime(2027, 9, 30, 16, 0),
            datetime.datetime(2027, 10, 3, 15, 59, 59),
        )
        # New Year's Day 2028: a Saturday, no working day to test.
        new_year = (
            datetime.datetime(2027, 12, 31, 16, 0),
            datetime.datetime(2028, 1, 1, 15, 59, 59),
        )
        holidays = [new_year, national_day]
        assert devenv.next_public_holiday(self.NOW, holidays) == datetime.datetime(
            2027, 10, 1, 10, 0
        )
        # After the last one listed: the last one, in the past.
        late = datetime.datetime(2029, 1, 1)
        assert devenv.next_public_holiday(late, holidays) == datetime.datetime(
            2027, 10, 1, 10, 0
        )
        assert devenv.next_public_holiday(self.NOW, [new_year]) is None

    def test_public_holidays_of_the_demo(self):
        holidays = devenv.public_holidays()
        assert len(holidays) >= 12
        assert (
            datetime.datetime(2026, 9, 30, 16, 0),
            datetime.datetime(2026, 10, 7, 15, 59, 59),
        ) in holidays
        years = {start.year for start, _end in holidays}
        assert {2026, 2027, 2028} <= years
        assert all(start < end for start, end in holidays)

    def test_date_runs(self):
        runs = dict(devenv.date_runs(self.NOW, devenv.public_holidays()))
        assert runs == {
            "Monday 09:00": datetime.datetime(2026, 12, 7, 9, 0),
            "Friday 17:55": datetime.datetime(2026, 12, 4, 17, 55),
            "31 December 23:30": datetime.datetime(2026, 12, 31, 23, 30),
            "29 February": datetime.datetime(2028, 2, 29, 10, 0),
            "Sunday": datetime.datetime(2026, 12, 6, 10, 0),
            "public holiday": datetime.datetime(2027, 1, 1, 10, 0),
        }
        assert all(moment > self.NOW for moment in runs.values())
        assert devenv.iso_minutes(runs["Friday 17:55"]) == "2026-12-04T17:55"


def test_run_workers_options(tmp_path):
    settings = devenv.Settings({"HOME": str(tmp_path), "PC_HTTP_PORT": "8176"})
    args = devenv.build_parser().parse_args(["run"])
    assert args.workers == 0
    assert devenv.server_options(settings, args.workers) == []
    args = devenv.build_parser().parse_args(["run", "--workers", "2", "--", "-x"])
    assert args.odoo_args == ["-x"]
    assert devenv.server_options(settings, args.workers) == [
        "--workers=2",
        "--max-cron-threads=1",
        "--gevent-port=8179",
        "--limit-time-cpu=300",
        "--limit-time-real=600",
    ]
    settings = devenv.Settings({"HOME": str(tmp_path), "PC_STATE_DIR": str(tmp_path)})
    launcher = devenv.odoo_launcher(settings)
    assert "odoo.cli.main()" in launcher.read_text()
    assert devenv.odoo_cmd(settings, "-d", "demo", launcher=launcher) == [
        settings.venv_python,
        launcher,
        "-c",
        tmp_path / "odoo.conf",
        "-d",
        "demo",
    ]
    assert devenv.odoo_cmd(settings)[1:3] == ["-m", "odoo"]


def test_date_runs_only_with_the_whole_suite():
    parse = devenv.build_parser().parse_args
    assert devenv.wants_date_runs(parse(["test"]))
    assert not devenv.wants_date_runs(parse(["test", "--", "tests/test_devenv.py"]))
    assert not devenv.wants_date_runs(parse(["test", "--today", "2026-12-31T23:30"]))
    assert devenv.wants_date_runs(parse(["test", "--date-runs", "--", "tests"]))
    assert not devenv.wants_date_runs(parse(["test", "--no-date-runs"]))
    with pytest.raises(SystemExit):
        parse(["test", "--today", "31/12/2026"])


def test_run_date_runs_runs_each_moment_and_reports_failures(capsys):
    commands = []

    def runner(cmd):
        commands.append(cmd)
        failed = "--today=2026-12-06T10:00" in cmd  # the Sunday
        return subprocess.CompletedProcess(cmd, 1 if failed else 0)

    now = datetime.datetime(2026, 12, 1, 18, 45)
    ok = devenv.run_date_runs(["pytest"], {}, now=now, runner=runner)
    assert not ok
    assert len(commands) == 6
    for cmd in commands:
        assert cmd[-len(devenv.TIME_SENSITIVE_TESTS) :] == list(
            devenv.TIME_SENSITIVE_TESTS
        )
    assert [c for cmd in commands for c in cmd if c.startswith("--today=")] == [
        "--today=2026-12-07T09:00",
        "--today=2026-12-04T17:55",
        "--today=2026-12-31T23:30",
        "--today=2028-02-29T10:00",
        "--today=2026-12-06T10:00",
        "--today=2027-01-01T10:00",
    ]
    out = capsys.readouterr().out
    assert "Date run Sunday (2026-12-06T10:00): FAILED (1)" in out
    assert "DATE RUNS FAILED: Sunday" in out
    commands.clear()
    assert devenv.run_date_runs(
        ["pytest"], {}, now=now, runner=lambda cmd: subprocess.CompletedProcess(cmd, 0)
    )


def test_time_sensitive_tests_exist():
    for path in devenv.TIME_SENSITIVE_TESTS:
        assert (REPO / path).is_file(), path


def test_peers_run_the_complaint_tests_of_the_form_and_the_order_link():
    parse = devenv.build_parser().parse_args
    args = parse(["test", "--peers"])
    assert args.peers and not args.pytest_args
    targets = devenv.peer_targets(args.pytest_args)
    assert targets[0] == "--pyargs"
    for module in devenv.PEER_SUITES:
        assert f"odoo.addons.{module}.tests" in targets
    assert targets[-len(devenv.PEER_COMPLAINT_TESTS) :] == list(
        devenv.PEER_COMPLAINT_TESTS
    )
    for path in devenv.PEER_COMPLAINT_TESTS:
        assert (REPO / path).exists(), path
    # After --, the given tests only.
    args = parse(["test", "--peers", "--", "printing_complaint/tests/test_views.py"])
    assert devenv.peer_targets(args.pytest_args) == [
        "printing_complaint/tests/test_views.py"
    ]


def test_glue_addons_depend_on_a_peer_module_and_install_themselves():
    for addon in devenv.GLUE_ADDONS:
        manifest = ast.literal_eval((REPO / addon / "__manifest__.py").read_text())
        assert manifest["auto_install"] is True
        assert "printing_complaint" in manifest["depends"]
        assert set(manifest["depends"]) & set(devenv.PEER_SUITES)


def test_demo_logins_are_the_demo_users():
    """setup/run prints the logins of the demo's users: each is one of
    printing_complaint/demo/res_users_demo.xml, whose password is its login,
    and every demo user is printed."""
    import xml.etree.ElementTree as ElementTree

    root = ElementTree.parse(
        REPO / "printing_complaint" / "demo" / "res_users_demo.xml"
    ).getroot()
    users = {}
    for record in root.iter("record"):
        if record.get("model") != "res.users":
            continue
        values = {field.get("name"): field.text for field in record.iter("field")}
        users[values["login"]] = values["password"]
    assert users == {login: login for login in users}
    assert [login for login, _who, _what in devenv.DEMO_LOGINS] == list(users)
    lines = devenv.demo_logins_lines()
    assert any(line.split()[:3] == ["finance", "/", "finance"] for line in lines)


def test_stock_database_runs_the_inventory_glue_tests_and_the_demo_s():
    """setup/test builds a second database with the Inventory glue (thus
    sale_stock) for STOCK_TESTS; the main test database stays without it."""
    assert devenv.STOCK_ADDON in devenv.GLUE_ADDONS
    assert devenv.STOCK_ADDON not in devenv.ADDONS
    assert devenv.STOCK_MODULES == (*devenv.ADDONS, devenv.STOCK_ADDON)
    for path in devenv.STOCK_TESTS:
        assert (REPO / path).exists(), path
    assert "printing_complaint/tests/test_demo_data.py" in devenv.STOCK_TESTS
    args = devenv.build_parser().parse_args(["test", "--stock", "--keep-db"])
    assert args.stock and args.keep_db and not args.peers
