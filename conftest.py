"""pytest plugin of the repository: ``--today`` runs the whole session at a
moment of your choice (``setup/test --today 2026-12-31T23:30``).

The clock is frozen with freezegun before Odoo's registry is loaded, and
ticks from there (``tick=True``): everything in the session, the tests'
warm-ups included, sees the same calendar (Python's ``datetime``, ``date``
and ``time``, Odoo's ``fields.Datetime.now()``, the test cursors' ``now()``
and so the records' ``create_date``). A test's own ``freeze_time`` still
wins while it runs. PostgreSQL's ``now()`` and the browser keep the real
clock: the session cookie has a ``Max-Age``, which Chromium counts from its
own clock.
"""

import datetime

import pytest


def parse_today(value):
    """The moment ``--today`` names (naive, UTC), from ISO 8601."""
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError as error:
        raise pytest.UsageError(
            f"--today={value}: not a date or date and time in ISO 8601 "
            "(e.g. 2026-12-31 or 2026-12-31T23:30)"
        ) from error
    if moment.tzinfo:
        moment = moment.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return moment


def pytest_addoption(parser):
    parser.addoption(
        "--today",
        metavar="DATETIME",
        help="run the session as if it were DATETIME (UTC, ISO 8601, e.g. "
        "2026-12-31T23:30); the frozen clock ticks from there",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    value = config.getoption("--today")
    if not value:
        return
    import freezegun

    moment = parse_today(value)
    freezer = freezegun.freeze_time(moment, tick=True)
    freezer.start()
    config.add_cleanup(freezer.stop)
    config.stash[TODAY] = moment
    patch_cursor_now(config)


def patch_cursor_now(config):
    """The transaction's timestamp from Python's (frozen) clock, taken once
    per transaction like PostgreSQL's ``now()``."""
    from odoo import sql_db

    real_now = sql_db.Cursor.now

    def now(self):
        if self._now is None:
            self._now = datetime.datetime.now()
        return self._now

    sql_db.Cursor.now = now
    config.add_cleanup(lambda: setattr(sql_db.Cursor, "now", real_now))


TODAY = pytest.StashKey[datetime.datetime]()


def pytest_report_header(config):
    moment = config.stash.get(TODAY, None)
    if moment:
        return f"today: {moment:%Y-%m-%d %H:%M} UTC, {moment:%A} (--today)"
    return None


@pytest.fixture(scope="session", autouse=True)
def http_statics(request):
    """Odoo's map of the addons' static files, computed once before the
    browser tours: Chromium's first requests would compute it in parallel
    server threads, and parsing the manifests at the same time in two
    threads fails on CPython 3.11.7 ("SystemError: AST constructor recursion
    depth mismatch", python/cpython#106905), which the frozen clock's slower
    calls made frequent."""
    if request.config.getoption("--odoo-http", default=False):
        from odoo.http import root

        assert root.statics
