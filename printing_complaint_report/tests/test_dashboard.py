# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..models import printing_complaint_dashboard
from .common import PERIOD, ReportCase


@tagged("post_install", "-at_install")
class TestComplaintDashboard(ReportCase):
    def _data(self, user=None, period=PERIOD):
        return (
            self.env["printing.complaint.dashboard"]
            .with_user(user or self.manager)
            .get_dashboard_data(str(period[0]), str(period[1]))
        )

    def _count(self, domain):
        return self.env["helpdesk.ticket"].with_user(self.manager).search_count(domain)

    def test_dashboard_shows_the_workbooks_figures(self):
        data = self._data()
        summary = {figure["key"]: figure for figure in data["summary"]}
        self.assertEqual(
            self.env["printing.complaint.analysis"]._summary(*PERIOD)["count"], 6
        )
        self.assertEqual(summary["count"]["value"], "6")
        # The satisfaction of the three ratings (5, 4, 2).
        self.assertEqual(summary["satisfaction"]["value"], "3.7")
        self.assertEqual(summary["satisfaction"]["note"], "3 rating(s)")
        # The Pareto: colour deviation first, half of the complaints.
        labels = [row["label"] for row in data["by_category"]]
        self.assertLess(
            labels.index(self.categories["colour"].display_name),
            labels.index(self.categories["cutting"].display_name),
        )
        self.assertEqual(data["by_category"][0]["count"], 3)
        self.assertAlmostEqual(data["by_category"][0]["cumulative"], 0.5)
        # Steps in the procedure's order; verification done by all six,
        # three of them late.
        steps = [row["step"] for row in data["steps"]]
        self.assertEqual(steps[:3], ["registered", "verification", "solution"])
        verification = data["steps"][1]
        self.assertEqual((verification["done"], verification["on_time"]), (6, 0.5))
        self.assertIsNone(data["steps"][0]["on_time"], "nothing done: no rate")
        action = (
            self.env["printing.complaint.dashboard"]
            .with_user(self.manager)
            .action_print_workbook(*map(str, PERIOD))
        )
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_type"], "xlsx")

    def test_every_figure_drills_down_to_its_complaints(self):
        """Each figure's domain finds exactly the complaints it counts."""
        data = self._data()
        summary = {figure["key"]: figure for figure in data["summary"]}
        self.assertEqual(self._count(summary["count"]["domain"]), 6)
        self.assertEqual(
            set(self.env["helpdesk.ticket"].search(summary["count"]["domain"]).ids),
            set(self.fixture.ids),
        )
        self.assertEqual(self._count(summary["satisfaction"]["domain"]), 3)
        # Three complaints of the production department carry a cost.
        self.assertEqual(self._count(summary["cost"]["domain"]), 4)
        for section in ("by_category", "by_responsibility", "by_severity"):
            for row in data[section]:
                self.assertEqual(
                    self._count(row["domain"]), row["count"], (section, row["label"])
                )
        for row in data["steps"]:
            self.assertEqual(self._count(row["domain"]), row["done"], row["label"])
        (month,) = data["satisfaction"]
        self.assertEqual((month["label"], month["count"]), ("2025-03", 3))
        self.assertEqual(self._count(month["domain"]), 3)
        for row in data["costs"]:
            self.assertEqual(self._count(row["domain"]), row["count"], row)
        action = data["complaints_action"]
        self.assertEqual(action["res_model"], "helpdesk.ticket")
        self.assertEqual([view[1] for view in action["views"]], ["list", "form"])

    def test_empty_sections_and_no_rating(self):
        """A period without complaints: no section pretends a figure, and the
        satisfaction says nobody rated instead of 0.0."""
        data = self._data(period=("2024-01-01", "2024-01-31"))
        summary = {figure["key"]: figure for figure in data["summary"]}
        self.assertEqual(summary["count"]["value"], "0")
        self.assertEqual(summary["satisfaction"]["value"], "—")
        self.assertEqual(summary["satisfaction"]["note"], "No rating yet")
        for section in ("by_category", "satisfaction", "costs", "recurring"):
            self.assertEqual(data[section], [], section)
        self.assertFalse(any(row["done"] for row in data["steps"]))
        self.assertTrue(all(row["hours"] is None for row in data["steps"]))
        # In Chinese too.
        self.env["res.lang"]._activate_lang("zh_CN")
        self.manager.lang = "zh_CN"
        data = self._data(period=("2024-01-01", "2024-01-31"))
        summary = {figure["key"]: figure for figure in data["summary"]}
        self.assertEqual(summary["satisfaction"]["value"], "—")

    def test_dashboard_lists_the_latest_recurring_issues(self):
        """The dashboard lists the latest recurring issues (20) and says how
        many more the period has; the workbook lists them all."""
        self.fixture.cause_category = "material"
        Analysis = self.env["printing.complaint.analysis"]
        recurring = Analysis._recurring(*PERIOD)
        self.assertEqual(len(recurring), 3)
        self.assertEqual(Analysis._recurring_count(*PERIOD), 3)
        with patch.object(printing_complaint_dashboard, "RECURRING_LIMIT", 2):
            data = self._data()
        latest = recurring.sorted("received_date", reverse=True)
        self.assertEqual(
            [row["number"] for row in data["recurring"]], latest[:2].mapped("number")
        )
        self.assertEqual(
            data["recurring_more"],
            "1 more recurring complaint(s) in the period: the analysis workbook "
            "lists them all.",
        )
        self.assertEqual(self._count(data["recurring_domain"]), 3)
        # All of them fit: no line about more.
        data = self._data()
        self.assertFalse(data["recurring_more"])
        self.assertEqual(
            [row["number"] for row in data["recurring"]], latest.mapped("number")
        )

    def test_dashboard_is_the_managers(self):
        Dashboard = self.env["printing.complaint.dashboard"].with_user(self.sales_rep)
        with self.assertRaises(AccessError):
            Dashboard.get_dashboard_data(*map(str, PERIOD))
        with self.assertRaises(AccessError):
            Dashboard.action_print_workbook(*map(str, PERIOD))

    def _add_complaints(self, count):
        Ticket = self.env["helpdesk.ticket"]
        complaints = Ticket.create(
            [
                {
                    "name": f"More colour complaints {index}",
                    "description": "<p>Load</p>",
                    "team_id": self.team.id,
                    "partner_id": self.customer.id,
                    "sale_order_id": self.order.id,
                    "sale_line_ids": [Command.set(self.order.order_line[:1].ids)],
                    "user_id": self.sales_rep.id,
                    "received_date": datetime(2025, 3, 25, 9, 0),
                    "category_id": self.categories["lamination"].id,
                    "severity": "general",
                    "responsibility_id": self.material.id,
                }
                for index in range(count)
            ]
        )
        self.env["printing.complaint.solution"].create(
            [
                {
                    "ticket_id": complaint.id,
                    "type_id": self.env.ref(
                        "printing_complaint.solution_type_reprint"
                    ).id,
                    "sale_line_ids": [Command.set(complaint.sale_line_ids.ids)],
                    "cost": 10.0,
                }
                for complaint in complaints
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()

    def _queries(self):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self._data()
        return self.env.cr.sql_log_count - before

    def test_query_count_does_not_grow_with_the_complaints(self):
        self._data()  # warm the caches (views, groups, translations)
        small = self._queries()
        # A fixed budget, whatever the period holds.
        self.assertLessEqual(small, 30)
        self._add_complaints(15)
        self.assertEqual(self._data()["summary"][0]["value"], "21")
        self.env.invalidate_all()
        with self.assertQueryCount(small):
            self._data()
