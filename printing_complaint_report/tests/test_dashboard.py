# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PERIOD, ReportCase


@tagged("post_install", "-at_install")
class TestComplaintDashboard(ReportCase):
    def test_dashboard_shows_the_workbooks_figures(self):
        dashboard = (
            self.env["printing.complaint.dashboard"]
            .with_user(self.manager)
            .create({"date_from": PERIOD[0], "date_to": PERIOD[1]})
        )
        html = str(dashboard.figures)
        summary = self.env["printing.complaint.analysis"]._summary(*PERIOD)
        self.assertEqual(summary["count"], 6)
        self.assertIn("<h3>6</h3>", html)
        # The Pareto: colour deviation first, half of the complaints.
        pareto = html[html.index('name="pareto"') :]
        self.assertLess(
            pareto.index(self.categories["colour"].display_name),
            pareto.index(self.categories["cutting"].display_name),
        )
        self.assertIn("50 %", pareto)
        action = dashboard.action_print_workbook()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_type"], "xlsx")

    def test_dashboard_is_the_managers(self):
        with self.assertRaises(AccessError):
            self.env["printing.complaint.dashboard"].with_user(self.sales_rep).create(
                {"date_from": PERIOD[0], "date_to": PERIOD[1]}
            )
