# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..models import printing_complaint_dashboard
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

    def test_dashboard_lists_the_latest_recurring_issues(self):
        """The dashboard lists the latest recurring issues (20) and says how
        many more the period has; the workbook lists them all."""
        self.fixture.cause_category = "material"
        Analysis = self.env["printing.complaint.analysis"]
        recurring = Analysis._recurring(*PERIOD)
        self.assertEqual(len(recurring), 3)
        self.assertEqual(Analysis._recurring_count(*PERIOD), 3)
        Dashboard = self.env["printing.complaint.dashboard"].with_user(self.manager)
        with patch.object(printing_complaint_dashboard, "RECURRING_LIMIT", 2):
            html = str(
                Dashboard.create({"date_from": PERIOD[0], "date_to": PERIOD[1]}).figures
            )
        table = html[html.index('name="recurring"') : html.index("Open actions")]
        listed = re.findall(r"<tr>\s*<td>([^<]*)</td>", table)
        latest = recurring.sorted("received_date", reverse=True)
        self.assertEqual(listed, latest[:2].mapped("number"))
        self.assertIn(
            "1 more recurring complaint(s) in the period: the analysis workbook "
            "lists them all.",
            table,
        )
        # All of them fit: no line about more.
        html = str(
            Dashboard.create({"date_from": PERIOD[0], "date_to": PERIOD[1]}).figures
        )
        self.assertNotIn('name="recurring_more"', html)
        table = html[html.index('name="recurring"') : html.index("Open actions")]
        listed = re.findall(r"<tr>\s*<td>([^<]*)</td>", table)
        self.assertEqual(listed, latest.mapped("number"))

    def test_dashboard_is_the_managers(self):
        with self.assertRaises(AccessError):
            self.env["printing.complaint.dashboard"].with_user(self.sales_rep).create(
                {"date_from": PERIOD[0], "date_to": PERIOD[1]}
            )
