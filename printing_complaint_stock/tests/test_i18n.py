# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Inventory glue's translation template is up to date and its
Simplified Chinese complete (exported from the stock database, where the
glue is installed; the main addons' are checked by tests/test_i18n.py)."""

import io
from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import trans_export

ADDON = "printing_complaint_stock"
I18N = Path(__file__).resolve().parent.parent / "i18n"


def _msgids(pofile):
    return {entry.msgid for entry in pofile if not entry.obsolete}


@tagged("post_install", "-at_install")
class TestStockTranslations(TransactionCase):
    def test_template_is_up_to_date(self):
        buffer = io.BytesIO()
        trans_export(None, [ADDON], buffer, "po", self.env.cr)
        fresh = polib.pofile(buffer.getvalue().decode())
        committed = polib.pofile(str(I18N / f"{ADDON}.pot"))
        self.assertEqual(
            _msgids(committed), _msgids(fresh), f"{ADDON}.pot is stale: export it again"
        )

    def test_simplified_chinese_is_complete(self):
        template = polib.pofile(str(I18N / f"{ADDON}.pot"))
        chinese = polib.pofile(str(I18N / "zh_CN.po"))
        translated = {entry.msgid for entry in chinese if entry.translated()}
        self.assertFalse(_msgids(template) - translated)
