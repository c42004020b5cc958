# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_installed_with_its_dependencies(self):
        module = self.env["ir.module.module"].search(
            [("name", "=", "printing_complaint_report")]
        )
        self.assertEqual(module.state, "installed")
        self.assertEqual(
            sorted(module.dependencies_id.mapped("name")),
            ["printing_complaint", "report_xlsx"],
        )
        self.assertEqual(
            set(module.dependencies_id.mapped("depend_id.state")), {"installed"}
        )
        # report_xlsx is usable: its report type is registered.
        report_types = dict(
            self.env["ir.actions.report"]._fields["report_type"].selection
        )
        self.assertIn("xlsx", report_types)
