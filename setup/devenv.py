#!/usr/bin/env python3
"""Development environment of the printing complaint addons.

One file, standard library only, so that it runs with any Python 3.10+
before anything is installed. ``setup/run`` and ``setup/test`` call it.

What it does, each step skipped when already done:

* finds Odoo 18.0 (``ODOO_SRC``, a default location, an importable
  ``odoo``, or upstream when the machine has internet);
* builds a virtualenv with Odoo's Python dependencies and the pinned
  ``requirements.txt`` of this project;
* starts a private PostgreSQL cluster on a unix socket, unless the usual
  ``PG*`` variables name a server;
* writes an Odoo configuration file, creates databases, serves Odoo or
  runs the linters and the test suite.

Every path and name can be changed with an environment variable; see the
README ("Configuration").
"""

import argparse
import datetime
import hashlib
import json
import os
import pwd
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ElementTree
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ADDONS = ("printing_complaint", "printing_complaint_report")
ODOO_SERIES = "18.0"
ODOO_UPSTREAM = "https://github.com/odoo/odoo.git"
# 3.11 first: the pins of Odoo and of this project were measured with it.
SUPPORTED_PYTHONS = ("3.11", "3.12", "3.10")
# Default places where a user keeps an Odoo 18.0 source tree, in order.
DEFAULT_ODOO_LOCATIONS = ("~/odoo-18.0", "/opt/odoo-18.0")
# Odoo's own requirements.txt pins that no longer install here; replaced
# by the closest version that does (see README, "Odoo's dependencies").
ODOO_REQUIREMENT_FIXES = {
    # cbor2 5.4.2's sdist needs pkg_resources, gone from setuptools >= 80.
    "cbor2": "cbor2==5.6.2",
    # Only used by the auth_ldap addon; it compiles against libldap.
    "python-ldap": None,
}

# The test modules whose outcome depends on the day and hour they run at:
# deadlines and working hours of the steps, the escalation, reminder,
# effectiveness and follow-up crons, working days of containment and
# verification, recurrence windows, documents dated today (credit notes of
# the year), the query budgets, the chatter's dates, the demo dated back
# from its build, the portal's orders of the last days. `setup/test` also
# runs them at each moment of date_runs() before the whole suite (see
# README, "The two commands").
TIME_SENSITIVE_TESTS = (
    "printing_complaint/tests/test_complaint_lifecycle.py",
    "printing_complaint/tests/test_complaint_closure.py",
    "printing_complaint/tests/test_complaint_solutions.py",
    "printing_complaint/tests/test_performance.py",
    "printing_complaint/tests/test_chatter_language.py",
    "printing_complaint/tests/test_demo_data.py",
    "printing_complaint/tests/test_portal_screens.py",
    "printing_complaint/tests/test_portal_screens_tour.py",
    "printing_complaint/tests/test_quality_team.py",
    "printing_complaint/tests/test_form_sections.py",
)
# The suites of the modules the addons extend (`setup/test --peers`), run
# on a database with both addons installed: helpdesk_mgmt_sale, which the
# OCA helpdesk repository auto-installs beside sale, is installed there from
# requirements-peers.txt, apart from the virtualenv; sale_stock (Odoo's)
# too, and with both the glue modules install themselves.
PEER_SUITES = ("helpdesk_mgmt", "helpdesk_mgmt_sale", "sale", "sale_stock")
# The addons' tests whose outcome depends on helpdesk_mgmt_sale (the
# complaint form, which extends the form helpdesk_mgmt_sale extends, and the
# sale order link), also run by `setup/test --peers`, where the glue module
# printing_complaint_sale is auto-installed: a short list, to stay fast.
PEER_COMPLAINT_TESTS = (
    "printing_complaint/tests/test_views.py",
    "printing_complaint/tests/test_backend_screens.py",
    "printing_complaint/tests/test_backend_screens_tour.py",
    "printing_complaint/tests/test_form_sections.py",
    "printing_complaint_sale/tests",
)
# Glue modules, installed automatically beside a module the addons do not
# depend on (helpdesk_mgmt_sale, sale_stock): linted with the addons, tested
# by --peers and (the Inventory glue) by the stock database.
GLUE_ADDONS = ("printing_complaint_sale", "printing_complaint_stock")
# The glue with Inventory: deliveries, returns and lots of the complaints.
# The main test database stays without stock (the core works without it);
# `setup/test` also builds a second database with the addons and this glue
# (thus sale_stock) and runs STOCK_TESTS there, the demo's test included
# (the demo delivers through pickings there); `setup/test --stock` only that.
STOCK_ADDON = "printing_complaint_stock"
STOCK_MODULES = (*ADDONS, STOCK_ADDON)
STOCK_TESTS = (
    f"{STOCK_ADDON}/tests",
    "printing_complaint/tests/test_demo_data.py",
)
PEER_REQUIREMENTS = REPO / "requirements-peers.txt"
# web's JS suite, imported by helpdesk_mgmt's test_js: its own tests run in
# web's suite only; helpdesk_mgmt's JS tests (test_helpdesk_mgmt) stay. And
# sale's test_qty_delivered, which checks sale *without* sale_stock (its
# docstring: at-install "to avoid a change in the behavior when 'sale_stock'
# is installed"): with sale_stock, delivered quantities come from pickings.
PEER_DESELECT = (
    "not WebSuite and not (TestHelpdesMgmtJs and not test_helpdesk_mgmt)"
    " and not (TestSaleFlow and test_qty_delivered)"
)
# The demo company's public holidays, from which the holiday run is chosen.
PUBLIC_HOLIDAYS_FILE = (
    REPO / "printing_complaint" / "demo" / "resource_calendar_leaves_demo.xml"
)


class SetupError(Exception):
    """A step cannot go on; the message tells the user what to do."""


def log(message):
    print(f"[setup] {message}", flush=True)


# ---------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------


class Settings:
    """Everything configurable, read once from the environment."""

    def __init__(self, environ=None):
        env = os.environ if environ is None else environ
        self.environ = env
        self.state = Path(env.get("PC_STATE_DIR") or REPO / ".state").expanduser()
        self.venv = Path(env.get("PC_VENV") or REPO / ".venv").expanduser()
        self.db = env.get("PC_DB", "printing_demo")
        self.test_db = env.get("PC_TEST_DB", "printing_test")
        self.http_port = int(env.get("PC_HTTP_PORT", "8069"))
        self.odoo_src = env.get("ODOO_SRC") or None
        self.python = env.get("PC_PYTHON") or None
        self.pg_external = bool(env.get("PGHOST") or env.get("PGPORT"))
        # Never try to download Odoo (tests; machines behind a firewall).
        self.offline = bool(env.get("PC_OFFLINE"))
        # The moment setup/test runs the tests at (its --today).
        self.today = env.get("PC_TODAY") or None
        self.home = Path(env.get("HOME") or pwd.getpwuid(os.getuid()).pw_dir)

    @property
    def conf_file(self):
        return self.state / "odoo.conf"

    @property
    def venv_python(self):
        return self.venv / "bin" / "python"


# ---------------------------------------------------------------------------
# Finding Odoo
# ---------------------------------------------------------------------------


def odoo_tree_version(path):
    """Return Odoo's series (e.g. '18.0') of a source tree, or None."""
    release = Path(path) / "odoo" / "release.py"
    if not (release.is_file() and (Path(path) / "odoo-bin").is_file()):
        return None
    match = re.search(
        r"^version_info\s*=\s*\((\d+),\s*(\d+)", release.read_text(), re.MULTILINE
    )
    return f"{match[1]}.{match[2]}" if match else None


def importable_odoo(python):
    """Return (series, package_dir) of an ``odoo`` importable by python."""
    if not python:
        return None
    code = (
        "import json, os, odoo.release as r;"
        "print(json.dumps([r.serie, os.path.dirname(r.__file__)]))"
    )
    try:
        out = subprocess.run(
            [str(python), "-c", code],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
        series, package_dir = json.loads(out.strip().splitlines()[-1])
    except (OSError, ValueError, IndexError, subprocess.SubprocessError):
        return None
    return series, package_dir


class OdooLocation:
    """Where Odoo was found: a source tree, or an installed package."""

    def __init__(self, source_tree=None, package_dir=None, how=""):
        self.source_tree = Path(source_tree) if source_tree else None
        self.package_dir = Path(package_dir) if package_dir else None
        self.how = how

    def addons_paths(self):
        if self.source_tree:
            return [self.source_tree / "addons", self.source_tree / "odoo" / "addons"]
        return [self.package_dir / "addons"]

    def __repr__(self):
        return f"OdooLocation({self.source_tree or self.package_dir}, {self.how})"


NOT_FOUND_MESSAGE = """\
Odoo {series} was not found, and it cannot be downloaded (no internet).

Give the project an Odoo {series} Community source tree, one of:
  * export ODOO_SRC=/path/to/odoo   (a checkout of the 18.0 branch, with odoo-bin)
  * put the tree at {defaults}
  * or make `odoo` {series} importable by the Python named in PC_PYTHON
Then run the same command again.
"""


def find_odoo(settings, online=None, clone=None):
    """Locate Odoo 18.0 or raise SetupError with what to do.

    ``online`` and ``clone`` are injectable for the tests: ``online()``
    tells whether upstream is reachable, ``clone(dest)`` fetches it.
    """
    if settings.odoo_src:
        path = Path(settings.odoo_src).expanduser()
        version = odoo_tree_version(path)
        if version != ODOO_SERIES:
            found = f"Odoo {version}" if version else "no Odoo source tree"
            raise SetupError(
                f"ODOO_SRC={settings.odoo_src} holds {found}; it must name an "
                f"Odoo {ODOO_SERIES} source tree (the directory with odoo-bin)."
            )
        return OdooLocation(source_tree=path, how="ODOO_SRC")
    for candidate in DEFAULT_ODOO_LOCATIONS:
        path = Path(candidate.replace("~", str(settings.home), 1))
        if odoo_tree_version(path) == ODOO_SERIES:
            return OdooLocation(source_tree=path, how="default location")
    if settings.python:
        pythons = [settings.python]
    else:
        pythons = [settings.venv_python, shutil.which("python3")]
    for python in pythons:
        if python and Path(python).exists():
            found = importable_odoo(python)
            if found and found[0] == ODOO_SERIES:
                return OdooLocation(package_dir=found[1], how=f"importable by {python}")
    online = online or upstream_reachable
    if not settings.offline and online():
        dest = Path(DEFAULT_ODOO_LOCATIONS[0].replace("~", str(settings.home), 1))
        (clone or clone_upstream)(dest)
        return OdooLocation(source_tree=dest, how="cloned from upstream")
    raise SetupError(
        NOT_FOUND_MESSAGE.format(
            series=ODOO_SERIES,
            defaults=" or ".join(DEFAULT_ODOO_LOCATIONS),
        )
    )


def upstream_reachable(timeout=15):
    try:
        urllib.request.urlopen("https://github.com", timeout=timeout).close()
    except OSError:
        return False
    return True


def clone_upstream(dest):
    log(f"Cloning Odoo {ODOO_SERIES} from upstream into {dest} (a few minutes)")
    dest.parent.mkdir(parents=True, exist_ok=True)
    run(
        [
            "git",
            "clone",
            "--depth=1",
            f"--branch={ODOO_SERIES}",
            ODOO_UPSTREAM,
            str(dest),
        ]
    )


# ---------------------------------------------------------------------------
# Processes
# ---------------------------------------------------------------------------


def run(cmd, check=True, user=None, **kwargs):
    """Run a command, optionally as another user (for PostgreSQL as root)."""
    cmd = [str(c) for c in cmd]
    if user:
        cmd = ["runuser", "-u", user, "--"] + cmd
    result = subprocess.run(cmd, **kwargs)
    if check and result.returncode:
        raise SetupError(f"Command failed ({result.returncode}): {' '.join(cmd)}")
    return result


def python_version(python):
    """Return 'X.Y' of an interpreter that runs, or None (e.g. a dead shim)."""
    try:
        out = subprocess.run(
            [str(python), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return out.strip()


def run_quiet(cmd, **kwargs):
    """Run a noisy installer; show its output only when it fails."""
    result = run(cmd, check=False, capture_output=True, text=True, **kwargs)
    if result.returncode:
        sys.stderr.write(result.stdout[-5000:] + result.stderr[-5000:])
        raise SetupError(f"Command failed ({result.returncode}): {cmd[0]} {cmd[1:4]}")
    return result


def which_python(settings):
    if settings.python:
        return settings.python
    candidates = [sys.executable, "python3"]
    candidates += [f"python{version}" for version in SUPPORTED_PYTHONS]
    for version in SUPPORTED_PYTHONS:
        for candidate in candidates:
            found = shutil.which(candidate)
            if found and python_version(found) == version:
                return found
    raise SetupError(
        "Odoo 18.0 needs Python 3.10, 3.11 or 3.12; none was found on PATH. "
        "Install one, or name it with PC_PYTHON=/path/to/python3.x."
    )


# ---------------------------------------------------------------------------
# System packages
# ---------------------------------------------------------------------------

SYSTEM_TOOLS = {
    # command: Debian package providing it
    "chromium": "chromium",
    "wkhtmltopdf": "wkhtmltopdf",
    "pdftoppm": "poppler-utils",
    # file comes with libmagic, which python-magic needs
    "file": "file",
}


# Chinese PDFs print their labels blank without a CJK font (wkhtmltopdf
# renders with the system's fonts): the Debian package installed for them.
CJK_FONT_PACKAGE = "fonts-noto-cjk"


def has_cjk_font():
    """Whether fontconfig knows a font covering Simplified Chinese."""
    if not shutil.which("fc-list"):
        return False
    listed = subprocess.run(
        ["fc-list", ":lang=zh-cn", "family"], capture_output=True, text=True
    )
    return bool(listed.stdout.strip())


def ensure_system_tools(tools=SYSTEM_TOOLS):
    """Install the browser and PDF tools, and a Chinese font for the PDFs,
    with apt when root and missing."""
    missing = {cmd: pkg for cmd, pkg in tools.items() if not shutil.which(cmd)}
    if not has_cjk_font():
        missing["(Chinese font)"] = CJK_FONT_PACKAGE
    if not missing:
        return
    packages = sorted(set(missing.values()))
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log(f"Installing system packages: {' '.join(packages)}")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run(["apt-get", "update", "-qq"], env=env)
        run(["apt-get", "install", "-y", "-qq"] + packages, env=env)
        return
    raise SetupError(
        f"Missing programs or fonts {', '.join(missing)}: install the packages "
        f"{' '.join(packages)} (e.g. sudo apt-get install {' '.join(packages)})."
    )


# ---------------------------------------------------------------------------
# Virtualenv
# ---------------------------------------------------------------------------


def odoo_requirements(odoo):
    """Odoo's requirements.txt with the fixes this machine needs."""
    if not odoo.source_tree:
        return []
    lines = []
    for line in (odoo.source_tree / "requirements.txt").read_text().splitlines():
        name = re.split(r"[\s=<>;~!\[]", line.strip(), maxsplit=1)[0].lower()
        if name in ODOO_REQUIREMENT_FIXES:
            fix = ODOO_REQUIREMENT_FIXES[name]
            marker = line.split(";", 1)[1].split("#")[0].strip() if ";" in line else ""
            if fix and not marker.startswith("python_version >= '3.12'"):
                line = f"{fix} ; {marker}" if marker else fix
            elif fix is None:
                continue
        lines.append(line)
    return lines


def venv_fingerprint(odoo):
    digest = hashlib.sha256()
    digest.update(str(odoo.source_tree or odoo.package_dir).encode())
    digest.update((REPO / "requirements.txt").read_bytes())
    digest.update("\n".join(odoo_requirements(odoo)).encode())
    return digest.hexdigest()


def ensure_venv(settings, odoo):
    stamp = settings.venv / ".printing-complaint-stamp"
    fingerprint = venv_fingerprint(odoo)
    if stamp.exists() and stamp.read_text() == fingerprint:
        return
    pip = [settings.venv_python, "-m", "pip", "--disable-pip-version-check"]
    if not settings.venv_python.exists():
        python = which_python(settings)
        log(f"Creating the virtualenv {settings.venv} with {python}")
        args = [python, "-m", "venv", settings.venv]
        if odoo.package_dir:  # reuse the interpreter's installed odoo
            args.insert(3, "--system-site-packages")
        run(args)
        run_quiet(pip + ["install", "--upgrade", "pip", "setuptools<80", "wheel"])
    if odoo.source_tree:
        log("Installing Odoo's Python dependencies (a few minutes the first time)")
        reqs = settings.venv / "odoo-requirements.txt"
        reqs.write_text("\n".join(odoo_requirements(odoo)) + "\n")
        run_quiet(pip + ["install", "-r", reqs])
        # Register the odoo distribution (the OCA wheels depend on it) without
        # copying the tree; compat mode keeps odoo importable next to the OCA
        # addons' odoo/addons namespace in site-packages.
        log(f"Linking Odoo from {odoo.source_tree} into the virtualenv")
        run_quiet(
            pip
            + [
                "install",
                "--no-deps",
                "--no-build-isolation",
                "--config-settings",
                "editable_mode=compat",
                "-e",
                odoo.source_tree,
            ]
        )
    log("Installing the project's requirements.txt (OCA addons, test and lint tools)")
    run_quiet(pip + ["install", "-r", REPO / "requirements.txt"])
    stamp.write_text(fingerprint)


def venv_site_addons(settings):
    out = run(
        [
            settings.venv_python,
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        ],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return Path(out) / "odoo" / "addons"


# ---------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------


def pg_bin(name):
    """Path of a PostgreSQL server program (PATH, then Debian's layout)."""
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}")):
        return str(candidate)
    raise SetupError(
        f"PostgreSQL's {name} was not found. Install PostgreSQL's server "
        "(Debian: apt-get install postgresql), or point PGHOST/PGPORT/PGUSER "
        "at a running server."
    )


class PrivateCluster:
    """A PostgreSQL cluster of the project, reached on a unix socket only.

    Runs as the current user, or as ``postgres`` when the current user is
    root (PostgreSQL refuses to run as root). Trust authentication is safe
    because nothing listens on TCP and the socket directory is private.
    """

    ROLE = "odoo"
    # Given at every start, so that a cluster created before holds them too.
    # JIT: Odoo's queries are short; PostgreSQL compiling one whose cost it
    # overestimates (an OR of EXISTS) took 439 of its 461 ms. The addons'
    # queries are written not to need it (README, "Deploying").
    SERVER_OPTIONS = (("jit", "off"),)

    def __init__(self, base_dir, port=5432):
        self.base_dir = Path(base_dir)
        self.data_dir = self.base_dir / "pgdata"
        self.socket_dir = self.base_dir / "pgsocket"
        self.log_file = self.base_dir / "postgresql.log"
        self.port = port
        self.user = "postgres" if os.geteuid() == 0 else None

    def _own(self, path):
        path.mkdir(parents=True, exist_ok=True)
        if self.user:
            shutil.chown(path, self.user, self.user)
        path.chmod(0o700)

    def initialised(self):
        return (self.data_dir / "PG_VERSION").is_file()

    def init(self):
        if self.initialised():
            return
        log(f"Creating a private PostgreSQL cluster in {self.data_dir}")
        self.base_dir.mkdir(parents=True, exist_ok=True)
        self._own(self.data_dir)
        self._own(self.socket_dir)
        if self.user:
            # The server user must reach its directories through ours.
            for parent in [self.base_dir, *self.base_dir.parents]:
                if parent.stat().st_mode & 0o001 == 0:
                    raise SetupError(
                        f"{parent} is not searchable by user {self.user}; "
                        "set PC_STATE_DIR to a directory it can reach."
                    )
        run(
            [
                pg_bin("initdb"),
                "-D",
                self.data_dir,
                "-U",
                self.ROLE,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            user=self.user,
            stdout=subprocess.DEVNULL,
        )
        settings = {
            "listen_addresses": "''",
            "unix_socket_directories": f"'{self.socket_dir}'",
            "port": str(self.port),
            # A development cluster: speed over crash safety.
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "max_connections": "100",
        }
        with open(self.data_dir / "postgresql.conf", "a") as conf:
            conf.write("\n# printing complaint development cluster\n")
            for key, value in settings.items():
                conf.write(f"{key} = {value}\n")

    def running(self):
        result = run(
            [pg_bin("pg_ctl"), "status", "-D", self.data_dir],
            check=False,
            user=self.user,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return result.returncode == 0

    def start(self):
        """Start the cluster; return True when this call started it."""
        self.init()
        if self.running():
            return False
        log("Starting the private PostgreSQL cluster")
        if self.user and not self.log_file.exists():
            self.log_file.touch()
            shutil.chown(self.log_file, self.user, self.user)
        run(
            [
                pg_bin("pg_ctl"),
                "start",
                "-w",
                "-t",
                "60",
                "-D",
                self.data_dir,
                "-l",
                self.log_file,
                "-o",
                self.server_options(),
            ],
            user=self.user,
            stdout=subprocess.DEVNULL,
        )
        return True

    def server_options(self):
        """The postgres command-line options of SERVER_OPTIONS."""
        return " ".join(f"-c {key}={value}" for key, value in self.SERVER_OPTIONS)

    def stop(self):
        if self.initialised() and self.running():
            log("Stopping the private PostgreSQL cluster")
            run(
                [pg_bin("pg_ctl"), "stop", "-w", "-m", "fast", "-D", self.data_dir],
                user=self.user,
                stdout=subprocess.DEVNULL,
            )

    def connection(self):
        return {
            "db_host": str(self.socket_dir),
            "db_port": str(self.port),
            "db_user": self.ROLE,
            "db_password": "False",
        }


def external_connection(environ):
    return {
        "db_host": environ.get("PGHOST", "False"),
        "db_port": environ.get("PGPORT", "False"),
        "db_user": environ.get("PGUSER", "False"),
        "db_password": environ.get("PGPASSWORD", "False"),
    }


class Database:
    """The PostgreSQL server the project uses, private or named by PG*."""

    def __init__(self, settings):
        self.settings = settings
        self.cluster = (
            None if settings.pg_external else PrivateCluster(settings.state / "pg")
        )
        self.started_here = False

    def __enter__(self):
        if self.cluster:
            self.started_here = self.cluster.start()
        return self

    def __exit__(self, *exc):
        if self.cluster and self.started_here:
            self.cluster.stop()

    def connection(self):
        if self.cluster:
            return self.cluster.connection()
        return external_connection(self.settings.environ)

    def psql_env(self):
        conn = self.connection()
        env = dict(os.environ)
        for key, var in (
            ("db_host", "PGHOST"),
            ("db_port", "PGPORT"),
            ("db_user", "PGUSER"),
            ("db_password", "PGPASSWORD"),
        ):
            if conn[key] != "False":
                env[var] = conn[key]
        return env

    def query(self, sql, dbname="postgres"):
        result = run(
            ["psql", "-XAtq", "-d", dbname, "-c", sql],
            env=self.psql_env(),
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode:
            return None
        return result.stdout.strip()

    def exists(self, dbname):
        sql = f"SELECT 1 FROM pg_database WHERE datname = '{dbname}'"
        return self.query(sql) == "1"

    def installed_modules(self, dbname, modules):
        names = ",".join(f"'{m}'" for m in modules)
        out = self.query(
            "SELECT name FROM ir_module_module "
            f"WHERE state = 'installed' AND name IN ({names})",
            dbname=dbname,
        )
        return set(out.split()) if out else set()

    def has_demo(self, dbname, module="printing_complaint"):
        """Whether module was installed with its demo data in dbname."""
        out = self.query(
            f"SELECT demo FROM ir_module_module WHERE name = '{module}'",
            dbname=dbname,
        )
        return (out or "").strip() == "t"

    def drop(self, dbname):
        run(["dropdb", "--if-exists", dbname], env=self.psql_env())


# ---------------------------------------------------------------------------
# Odoo
# ---------------------------------------------------------------------------


def write_odoo_conf(settings, odoo, database, conf_file=None, extra_addons=()):
    addons = [REPO, *odoo.addons_paths(), venv_site_addons(settings), *extra_addons]
    lines = [
        "[options]",
        "addons_path = " + ",".join(str(p) for p in addons if Path(p).is_dir()),
        f"data_dir = {settings.state / 'filestore'}",
        f"http_port = {settings.http_port}",
        "admin_passwd = admin",
        "list_db = True",
        "max_cron_threads = 1",
    ]
    lines += [f"{key} = {value}" for key, value in database.connection().items()]
    settings.state.mkdir(parents=True, exist_ok=True)
    (conf_file or settings.conf_file).write_text("\n".join(lines) + "\n")


# Request time limits of the multi-process server (Odoo's are 60 s of CPU and
# 120 s of real time): the load test's slowest pages, a ledger export or a
# complaint form of a big database, must not be killed halfway.
WORKER_LIMIT_TIME_CPU = 300
WORKER_LIMIT_TIME_REAL = 600


def server_options(settings, workers):
    """Odoo's options of `setup/run --workers N`: N HTTP workers, one cron
    worker, the bus's gevent process on the HTTP port + 3 (8072 beside
    8069, Odoo's defaults) and the time limits above; none without N."""
    if not workers:
        return []
    return [
        f"--workers={workers}",
        "--max-cron-threads=1",
        f"--gevent-port={settings.http_port + 3}",
        f"--limit-time-cpu={WORKER_LIMIT_TIME_CPU}",
        f"--limit-time-real={WORKER_LIMIT_TIME_REAL}",
    ]


# What odoo-bin holds. The multi-process server starts the bus's gevent
# process as `sys.executable sys.argv[0] gevent ...`, which fails when
# sys.argv[0] is odoo/__main__.py (`python -m odoo`): it runs from this.
ODOO_LAUNCHER = """\
__import__("os").environ["TZ"] = "UTC"
import odoo

odoo.cli.main()
"""


def odoo_launcher(settings):
    """Write the state directory's odoo-bin; return its path."""
    path = settings.state / "odoo-bin"
    settings.state.mkdir(parents=True, exist_ok=True)
    path.write_text(ODOO_LAUNCHER)
    return path


def odoo_cmd(settings, *args, conf_file=None, launcher=None):
    conf = conf_file or settings.conf_file
    entry = [launcher] if launcher else ["-m", "odoo"]
    return [settings.venv_python, *entry, "-c", conf, *args]


def create_database(
    settings, database, dbname, languages=None, modules=ADDONS, conf_file=None
):
    log(f"Creating database {dbname} with {', '.join(modules)} (about a minute)")
    database.drop(dbname)
    args = ["-d", dbname, "-i", ",".join(modules), "--stop-after-init"]
    if languages:
        args.append(f"--load-language={languages}")
    started = time.monotonic()
    run(odoo_cmd(settings, *args, "--log-level=warn", conf_file=conf_file))
    log(f"Database {dbname} ready in {time.monotonic() - started:.0f} s")


def prepare(settings):
    """Steps common to both commands; return (odoo location, Database)."""
    log(f"Looking for Odoo {ODOO_SERIES}")
    odoo = find_odoo(settings)
    log(f"Odoo {ODOO_SERIES}: {odoo.source_tree or odoo.package_dir} ({odoo.how})")
    ensure_system_tools()
    ensure_venv(settings, odoo)
    return odoo, Database(settings)


# ---------------------------------------------------------------------------
# The moments the time-sensitive tests run at
# ---------------------------------------------------------------------------
# Each moment is the next one after the real clock (naive UTC, the time zone
# of the tests' working week, see printing_complaint/tests/common.py): a date
# that is always ahead, so that the records of the test database (created
# today) are in its past as they are in real life, and one that is new each
# week or year, so that CI keeps meeting the calendar's edge cases whatever
# day it runs on, instead of the same few fixed dates.


def next_weekday_at(now, weekday, hour, minute=0):
    """The first moment after now on weekday (Monday 0) at hour:minute."""
    moment = datetime.datetime.combine(now.date(), datetime.time(hour, minute))
    moment += datetime.timedelta(days=(weekday - now.weekday()) % 7)
    if moment <= now:
        moment += datetime.timedelta(days=7)
    return moment


def next_day_of_year_at(now, month, day, hour, minute=0):
    """The first moment after now on month/day at hour:minute: 29 February
    is in a leap year."""
    for year in range(now.year, now.year + 9):
        try:
            moment = datetime.datetime(year, month, day, hour, minute)
        except ValueError:  # 29 February of a common year
            continue
        if moment > now:
            return moment
    raise ValueError(f"no {month}/{day} after {now}")


def next_public_holiday(now, holidays, hour=10):
    """The first working day (Monday to Friday) of a public holiday after
    now, at hour (UTC); holidays are (start, end) moments in UTC. After the
    last holiday listed, the last such day (in the past: the list needs the
    coming years)."""
    days = []
    for start, end in sorted(holidays):
        day = start.date()
        while day <= end.date():
            moment = datetime.datetime.combine(day, datetime.time(hour))
            if start <= moment <= end and day.weekday() < 5:
                days.append(moment)
            day += datetime.timedelta(days=1)
    if not days:
        return None
    return next((moment for moment in days if moment > now), days[-1])


def public_holidays(path=None):
    """(start, end) in UTC of the global leaves of the demo's schedule."""
    path = path or PUBLIC_HOLIDAYS_FILE
    holidays = []
    for record in ElementTree.parse(path).iter("record"):
        if record.get("model") != "resource.calendar.leaves":
            continue
        fields = {field.get("name"): field.text for field in record.iter("field")}
        holidays.append(
            tuple(
                datetime.datetime.fromisoformat(fields[name])
                for name in ("date_from", "date_to")
            )
        )
    return holidays


def date_runs(now, holidays):
    """(label, moment) of each run of the time-sensitive tests."""
    runs = [
        ("Monday 09:00", next_weekday_at(now, 0, 9)),
        ("Friday 17:55", next_weekday_at(now, 4, 17, 55)),
        ("31 December 23:30", next_day_of_year_at(now, 12, 31, 23, 30)),
        ("29 February", next_day_of_year_at(now, 2, 29, 10)),
        ("Sunday", next_weekday_at(now, 6, 10)),
    ]
    holiday = next_public_holiday(now, holidays)
    if holiday:
        runs.append(("public holiday", holiday))
    return runs


def iso_minutes(moment):
    return moment.strftime("%Y-%m-%dT%H:%M")


# ---------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------


def command_run(settings, args):
    odoo, database = prepare(settings)
    with database:
        write_odoo_conf(settings, odoo, database)
        db = settings.db
        if args.reset or database.installed_modules(db, ADDONS) != set(ADDONS):
            create_database(settings, database, db, languages="zh_CN")
            # Loading Chinese into a new database makes it the only language;
            # keep English active and the admin's, users switch as they like.
            run(
                [
                    settings.venv_python,
                    "-m",
                    "odoo",
                    "shell",  # a subcommand comes before the options
                    "-c",
                    settings.conf_file,
                    "-d",
                    db,
                    "--no-http",
                    "--log-level=warn",
                ],
                input=(
                    "env['res.lang']._activate_lang('en_US')\n"
                    "env.ref('base.user_admin').lang = 'en_US'\n"
                    "env.cr.commit()\n"
                ),
                text=True,
                stdout=subprocess.DEVNULL,
            )
        url = f"http://localhost:{settings.http_port}"
        log(f"Serving database {db} on {url}  (login: admin / password: admin)")
        if database.has_demo(db):
            for line in demo_logins_lines():
                log(line)
        log("Press Ctrl-C to stop Odoo and the private PostgreSQL cluster.")
        return serve(
            odoo_cmd(
                settings,
                "-d",
                db,
                "--db-filter",
                f"^{db}$",
                *server_options(settings, args.workers),
                *args.odoo_args,
                launcher=odoo_launcher(settings) if args.workers else None,
            )
        )


# The demo company's people (printing_complaint/demo/res_users_demo.xml):
# login = password, who they are, what they do in a complaint.
DEMO_LOGINS = (
    ("rep", "Amy Chen, sales representative", "logs complaints, sends offers"),
    ("qc", "Wang Qiang, QC inspector", "verifies, classifies, releases reprints"),
    ("production", "Zhang Wei, production manager", "investigates, approves"),
    ("purchasing", "Sun Li, purchasing manager", "approves material faults"),
    ("logistics", "Huang Jun, logistics manager", "approves delivery faults"),
    ("finance", "Liu Fang, finance officer", "signs off, posts credit notes"),
    ("director", "Zhao Ming, factory director", "approves major and large cases"),
    ("manager", "Helen Ma, customer service manager", "leads the complaint team"),
    ("harbour", "Grace Wong, Harbour City Travel (portal)", "files and answers"),
    ("pearl", "Chen Jing, Pearl River Publishing (portal, Chinese)", "answers"),
)


def demo_logins_lines():
    """What setup/run prints about the demo users."""
    width = max(len(login) for login, _who, _what in DEMO_LOGINS) * 2 + 3
    return [
        'Demo users (login / password), see the README\'s "Try it":',
        *(
            f"  {f'{login} / {login}':<{width}}  {who}: {what}"
            for login, who, what in DEMO_LOGINS
        ),
    ]


def serve(cmd):
    """Run Odoo in the foreground until it exits or the user stops it.

    Odoo runs in its own session so that Ctrl-C reaches it once, from
    here: a second SIGINT would make Odoo skip its clean shutdown.
    """
    server = subprocess.Popen([str(c) for c in cmd], start_new_session=True)

    def forward(signum, frame):
        server.send_signal(signal.SIGINT)

    previous = {
        sig: signal.signal(sig, forward) for sig in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        return server.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def command_test(settings, args):
    if args.today is None and settings.today:
        try:
            args.today = parse_today(settings.today)
        except argparse.ArgumentTypeError as error:
            raise SetupError(f"PC_TODAY: {error}") from None
    odoo, database = prepare(settings)
    if args.peers:
        return run_peer_suites(settings, odoo, database, args.pytest_args)
    if args.stock:
        with database:
            write_odoo_conf(settings, odoo, database)
            return run_stock_suite(settings, database, args.pytest_args, args.keep_db)
    with database:
        write_odoo_conf(settings, odoo, database)
        lint_ok = args.no_lint or run_linters(settings)
        if not lint_ok:
            log("LINT FAILED (see above): the tests run anyway; the command exits 1.")
        db = settings.test_db
        if not args.keep_db or database.installed_modules(db, ADDONS) != set(ADDONS):
            create_database(settings, database, db)
        env = dict(os.environ, PC_ODOO_CONF=str(settings.conf_file))
        pytest = [
            settings.venv_python,
            "-m",
            "pytest",
            f"--odoo-config={settings.conf_file}",
            f"--odoo-database={db}",
            "--odoo-http",
        ]
        dates_ok = True
        if wants_date_runs(args):
            dates_ok = run_date_runs(pytest, env)
        targets = args.pytest_args or [*ADDONS, "tests"]
        today = [f"--today={args.today}"] if args.today else []
        cmd = [*pytest, *today, *targets]
        log("Running the tests: " + " ".join(str(c) for c in cmd))
        result = run(cmd, check=False, cwd=REPO, env=env)
        stock_ok = True
        if not args.pytest_args:
            stock_ok = not run_stock_suite(settings, database, keep_db=args.keep_db)
    return result.returncode or (0 if lint_ok and dates_ok and stock_ok else 1)


def run_on_database(
    settings, database, db, modules, targets, conf_file=None, options=(), keep_db=False
):
    """Create db with modules (kept when keep_db and they are installed),
    then run pytest-odoo's targets on it; return pytest's exit code."""
    conf_file = conf_file or settings.conf_file
    if not keep_db or database.installed_modules(db, modules) != set(modules):
        create_database(settings, database, db, modules=modules, conf_file=conf_file)
    cmd = [
        settings.venv_python,
        "-m",
        "pytest",
        f"--odoo-config={conf_file}",
        f"--odoo-database={db}",
        "--odoo-http",
        *options,
        *targets,
    ]
    log(f"Running the tests on {db}: " + " ".join(str(c) for c in cmd))
    env = dict(os.environ, PC_ODOO_CONF=str(conf_file))
    return run(cmd, check=False, cwd=REPO, env=env).returncode


def run_stock_suite(settings, database, pytest_args=(), keep_db=False):
    """STOCK_TESTS (or the arguments after --) on a database with the
    addons and the Inventory glue, thus sale_stock: a few minutes."""
    return run_on_database(
        settings,
        database,
        f"{settings.test_db}_stock",
        STOCK_MODULES,
        list(pytest_args) or list(STOCK_TESTS),
        keep_db=keep_db,
    )


def run_peer_suites(settings, odoo, database, pytest_args=()):
    """The tests of PEER_SUITES, on a database with both addons and
    helpdesk_mgmt_sale installed: what the addons change must not break the
    modules they extend (run by pytest-odoo in the loaded registry, so the
    addons are there for every test, at_install ones included)."""
    addons_dir = settings.state / "peer-addons"
    log(f"Installing {PEER_REQUIREMENTS.name} into {addons_dir}")
    run(
        [
            settings.venv_python,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--upgrade",
            "--target",
            addons_dir,
            "-r",
            PEER_REQUIREMENTS,
        ]
    )
    conf = settings.state / "odoo-peers.conf"
    db = f"{settings.test_db}_peers"
    with database:
        write_odoo_conf(
            settings, odoo, database, conf, [addons_dir / "odoo" / "addons"]
        )
        # The glue modules install themselves beside their peers.
        modules = (*ADDONS, "helpdesk_mgmt_sale", "sale_stock")
        return run_on_database(
            settings,
            database,
            db,
            modules,
            peer_targets(pytest_args),
            conf_file=conf,
            options=("-p", "no:cacheprovider", "-k", PEER_DESELECT),
        )


def peer_targets(pytest_args=()):
    """What `setup/test --peers` runs: the arguments after -- if any, else
    the peer suites and PEER_COMPLAINT_TESTS."""
    if pytest_args:
        return list(pytest_args)
    return [
        "--pyargs",
        *(f"odoo.addons.{m}.tests" for m in PEER_SUITES),
        *PEER_COMPLAINT_TESTS,
    ]


def wants_date_runs(args):
    """The date runs come with the whole suite at the real date, or when
    asked for; not with a few targets (fast) or a chosen --today."""
    if args.date_runs is not None:
        return args.date_runs
    return not args.pytest_args and not args.today


def run_date_runs(pytest, env, now=None, runner=None):
    """Run TIME_SENSITIVE_TESTS at each moment of date_runs(), one pytest
    each against the same test database; return True when all pass."""
    now = now or datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    runner = runner or (lambda cmd: run(cmd, check=False, cwd=REPO, env=env))
    runs = date_runs(now, public_holidays())
    log(
        f"Running the time-sensitive tests at {len(runs)} moments (UTC): "
        + ", ".join(f"{label} {iso_minutes(moment)}" for label, moment in runs)
    )
    results = []
    for label, moment in runs:
        cmd = [*pytest, "-q", f"--today={iso_minutes(moment)}", *TIME_SENSITIVE_TESTS]
        log(f"Date run {label}: " + " ".join(str(c) for c in cmd))
        started = time.monotonic()
        returncode = runner(cmd).returncode
        results.append((label, moment, returncode, time.monotonic() - started))
    for label, moment, returncode, seconds in results:
        state = "passed" if not returncode else f"FAILED ({returncode})"
        log(f"Date run {label} ({iso_minutes(moment)}): {state} in {seconds:.0f} s")
    failed = [label for label, _moment, returncode, _s in results if returncode]
    if failed:
        log(
            f"DATE RUNS FAILED: {', '.join(failed)} (see above): the whole suite "
            "runs anyway; the command exits 1."
        )
    return not failed


def parse_today(value):
    """--today: a date, or a date and time, in ISO 8601 (UTC)."""
    try:
        datetime.datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date or date and time in ISO 8601 "
            "(e.g. 2026-12-31 or 2026-12-31T23:30)"
        ) from None
    return value


def run_linters(settings):
    bin_dir = settings.venv / "bin"
    targets = [*ADDONS, *GLUE_ADDONS, "tests", "setup"]
    checks = [
        ("ruff check", [bin_dir / "ruff", "check", *targets]),
        ("ruff format", [bin_dir / "ruff", "format", "--check", *targets]),
        (
            "pylint-odoo (mandatory checks)",
            [
                bin_dir / "pylint",
                "--rcfile=.pylintrc-mandatory",
                "--score=n",
                *ADDONS,
                *GLUE_ADDONS,
            ],
        ),
    ]
    ok = True
    for name, cmd in checks:
        log(f"Lint: {name}")
        if run(cmd, check=False, cwd=REPO).returncode:
            ok = False
    return ok


def command_i18n(settings, args):
    """Export each addon's .pot from the test database (the Inventory glue's
    from the stock database); merge it into zh_CN.po."""
    odoo, database = prepare(settings)
    with database:
        write_odoo_conf(settings, odoo, database)
        db = settings.test_db
        if database.installed_modules(db, ADDONS) != set(ADDONS):
            create_database(settings, database, db)
        stock_db = f"{settings.test_db}_stock"
        if database.installed_modules(stock_db, STOCK_MODULES) != set(STOCK_MODULES):
            create_database(settings, database, stock_db, modules=STOCK_MODULES)
        for addon in (*ADDONS, STOCK_ADDON):
            db = stock_db if addon == STOCK_ADDON else settings.test_db
            pot = REPO / addon / "i18n" / f"{addon}.pot"
            pot.parent.mkdir(exist_ok=True)
            log(f"Exporting {pot.relative_to(REPO)}")
            run(
                odoo_cmd(
                    settings,
                    "-d",
                    db,
                    f"--i18n-export={pot}",
                    f"--modules={addon}",
                    "--stop-after-init",
                    "--log-level=warn",
                )
            )
            merge = (
                "import polib, sys;"
                "po = polib.pofile(sys.argv[1]); po.merge(polib.pofile(sys.argv[2]));"
                "po.metadata.update(Language='zh_CN', "
                "**{'Plural-Forms': 'nplurals=1; plural=0;'}); po.save();"
                "print(f'{sys.argv[1]}: {len(po.untranslated_entries())} untranslated')"
            )
            po = pot.parent / "zh_CN.po"
            if not po.exists():
                po.write_text(pot.read_text())
            run([settings.venv_python, "-c", merge, po, pot])
    return 0


def command_stop(settings, args):
    if not settings.pg_external:
        PrivateCluster(settings.state / "pg").stop()
    return 0


def build_parser():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run_p = sub.add_parser("run", help="serve the demo database")
    run_p.add_argument("--reset", action="store_true", help="rebuild the demo database")
    run_p.add_argument(
        "--workers",
        type=int,
        default=0,
        metavar="N",
        help="multi-process server: N HTTP workers and a cron worker",
    )
    run_p.add_argument("odoo_args", nargs="*", help="extra odoo arguments (after --)")
    test_p = sub.add_parser("test", help="lint and run every test")
    test_p.add_argument("--no-lint", action="store_true")
    test_p.add_argument(
        "--keep-db", action="store_true", help="reuse the test database if installed"
    )
    test_p.add_argument(
        "--today",
        type=parse_today,
        metavar="DATETIME",
        help="run the tests as if it were DATETIME (UTC, e.g. 2026-12-31T23:30)",
    )
    test_p.add_argument(
        "--date-runs",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="run the time-sensitive tests at the chosen moments first "
        "(default: only with the whole suite and without --today)",
    )
    test_p.add_argument(
        "--peers",
        action="store_true",
        help="run the suites of helpdesk_mgmt, helpdesk_mgmt_sale, sale and "
        "sale_stock, and the addons' tests of the complaint form and its sale "
        "order link, with both addons, helpdesk_mgmt_sale and sale_stock "
        "installed (about 40 min), instead of the addons' tests",
    )
    test_p.add_argument(
        "--stock",
        action="store_true",
        help="run only the tests of the Inventory glue and of the demo, on the "
        "database with sale_stock (which setup/test also runs after the "
        "addons' tests)",
    )
    test_p.add_argument("pytest_args", nargs="*", help="pytest arguments (after --)")
    sub.add_parser("i18n", help="export the .pot files and merge them into zh_CN.po")
    sub.add_parser("stop", help="stop the private PostgreSQL cluster")
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    settings = Settings()
    handler = {
        "run": command_run,
        "test": command_test,
        "i18n": command_i18n,
        "stop": command_stop,
    }
    try:
        return handler[args.command](settings, args)
    except SetupError as error:
        print(f"\nERROR: {error}", file=sys.stderr, flush=True)
        return 2


if __name__ == "__main__":
    sys.exit(main())
