"""The translation templates are up to date and Simplified Chinese is complete.

The template is exported again from the test database (what the addons
really hold: fields, views, data, code strings) and compared with the
committed ``i18n/<addon>.pot``; every one of its terms needs a zh_CN
translation.
"""

import io
from pathlib import Path

import polib
import pytest
from conftest import cross_addon_test

from odoo.tests import TransactionCase
from odoo.tools.translate import trans_export

REPO = Path(__file__).resolve().parent.parent
ADDONS = ["printing_complaint", "printing_complaint_report"]


def _msgids(pofile):
    return {entry.msgid for entry in pofile if not entry.obsolete}


@cross_addon_test
class TestTranslations(TransactionCase):
    def _exported_template(self, addon):
        buffer = io.BytesIO()
        trans_export(None, [addon], buffer, "po", self.env.cr)
        return polib.pofile(buffer.getvalue().decode())

    def test_templates_are_up_to_date(self):
        for addon in ADDONS:
            with self.subTest(addon=addon):
                committed = polib.pofile(str(REPO / addon / "i18n" / f"{addon}.pot"))
                fresh = self._exported_template(addon)
                self.assertEqual(
                    _msgids(committed),
                    _msgids(fresh),
                    f"{addon}/i18n/{addon}.pot is stale: export it again",
                )

    def test_simplified_chinese_is_complete(self):
        for addon in ADDONS:
            with self.subTest(addon=addon):
                template = polib.pofile(str(REPO / addon / "i18n" / f"{addon}.pot"))
                chinese = polib.pofile(str(REPO / addon / "i18n" / "zh_CN.po"))
                translated = {entry.msgid for entry in chinese if entry.translated()}
                missing = _msgids(template) - translated
                self.assertFalse(missing, f"{addon}/i18n/zh_CN.po lacks {missing}")


@pytest.mark.parametrize("addon", ADDONS)
def test_po_files_parse(addon):
    for path in (REPO / addon / "i18n").glob("*.po*"):
        assert polib.pofile(str(path)).percent_translated() >= 0
