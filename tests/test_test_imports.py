"""Odoo's own test runner (``odoo-bin --test-enable``) runs only the test
modules that an addon's ``tests/__init__.py`` imports; pytest finds them by
their name. A module missing from ``__init__.py`` would pass here and never
run in an Odoo build: each ``test_*.py`` is imported by its package."""

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ADDONS = ("printing_complaint", "printing_complaint_report")


def imported_modules(init):
    """The names that ``from . import a, b`` lines of init bring in."""
    names = set()
    for node in ast.walk(ast.parse(init.read_text(), filename=str(init))):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and not node.module:
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("addon", ADDONS)
def test_every_test_module_is_imported(addon):
    tests = REPO / addon / "tests"
    modules = {path.stem for path in tests.glob("test_*.py")}
    assert modules, f"{addon}/tests has no test module"
    missing = sorted(modules - imported_modules(tests / "__init__.py"))
    assert not missing, (
        f"{addon}/tests/__init__.py does not import {', '.join(missing)}: "
        "Odoo's test runner would skip it"
    )


def test_imported_modules_reads_relative_imports(tmp_path):
    init = tmp_path / "__init__.py"
    init.write_text(
        "from . import test_a\nfrom . import test_b, common\n"
        "from .common import helper\nimport os\n"
    )
    assert imported_modules(init) == {"test_a", "test_b", "common"}
