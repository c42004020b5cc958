# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.printing_complaint.tests.common import ComplaintCase

ROOT = "helpdesk_mgmt.helpdesk_ticket_main_menu"


@tagged("post_install", "-at_install")
class TestMenus(ComplaintCase):
    """The Helpdesk app as each role sees it in the web client: Complaints
    first (the app opens on them), one Dashboard, one Reporting menu with
    the analysis, Configuration last, no name twice."""

    def _tree(self, user):
        menus = self.env["ir.ui.menu"].with_user(user).load_menus(debug=False)
        root = menus[self.env.ref(ROOT).id]
        return root, [
            (
                menus[child]["xmlid"],
                menus[child]["name"],
                [menus[sub]["xmlid"] for sub in menus[child]["children"]],
            )
            for child in root["children"]
        ]

    def _assert_no_duplicate(self, tree):
        names = [name for _xmlid, name, _children in tree]
        self.assertEqual(len(names), len(set(names)), names)

    def test_the_manager_sees_one_dashboard_and_one_reporting_menu(self):
        root, tree = self._tree(self.manager)
        xmlids = [xmlid for xmlid, _name, _children in tree]
        self.assertEqual(xmlids[0], "printing_complaint.menu_complaints")
        self.assertEqual(
            root["action"],
            f"ir.actions.act_window,{self.env.ref('printing_complaint.action_complaints').id}",
        )
        self.assertEqual(
            xmlids[1], "printing_complaint_report.menu_complaint_dashboard"
        )
        self.assertEqual(xmlids[-1], "helpdesk_mgmt.helpdesk_ticket_config_main_menu")
        self._assert_no_duplicate(tree)
        self.assertEqual([name for _x, name, _c in tree].count("Dashboard"), 1)
        self.assertNotIn("helpdesk_mgmt.helpdesk_ticket_dashboard_menu", xmlids)
        reporting = [c for x, _n, c in tree if x.endswith("reporting_menu")]
        self.assertEqual(len(reporting), 1)
        self.assertEqual(
            reporting[0][:4],
            [
                "printing_complaint_report.menu_complaint_analysis",
                "printing_complaint_report.menu_stage_history_analysis",
                "printing_complaint_report.menu_solution_cost_analysis",
                "printing_complaint_report.menu_analysis_workbook",
            ],
        )
        self.assertFalse(
            [
                x
                for x, name, _c in tree
                if "reporting" in name.lower()
                and x not in ("helpdesk_mgmt.helpdesk_ticket_reporting_menu",)
            ]
        )

    def test_the_sales_rep_sees_the_complaints_first_and_no_reporting(self):
        root, tree = self._tree(self.sales_rep)
        xmlids = [xmlid for xmlid, _name, _children in tree]
        self.assertEqual(xmlids[0], "printing_complaint.menu_complaints")
        self.assertEqual(
            root["action"],
            f"ir.actions.act_window,{self.env.ref('printing_complaint.action_complaints').id}",
        )
        self._assert_no_duplicate(tree)
        self.assertNotIn("printing_complaint_report.menu_complaint_dashboard", xmlids)
        self.assertNotIn("helpdesk_mgmt.helpdesk_ticket_dashboard_menu", xmlids)
        self.assertNotIn("helpdesk_mgmt.helpdesk_ticket_reporting_menu", xmlids)
        self.assertNotIn("helpdesk_mgmt.helpdesk_ticket_config_main_menu", xmlids)

    def test_qc_and_the_director_reach_the_analysis(self):
        for user in (self.qc_user, self.director):
            _root, tree = self._tree(user)
            reporting = dict((x, c) for x, _n, c in tree).get(
                "helpdesk_mgmt.helpdesk_ticket_reporting_menu"
            )
            self.assertIn(
                "printing_complaint_report.menu_complaint_analysis", reporting or []
            )


@tagged("post_install", "-at_install")
class TestStepTimePivot(ComplaintCase):
    def test_step_times_by_stage_in_the_procedures_order(self):
        """The step-time pivot groups by stage (the stages' sequence, their
        names) and by On time / Late, not by technical values."""
        arch = self.env.ref(
            "printing_complaint_report.stage_history_view_pivot"
        ).arch_db
        self.assertIn('name="stage_id" type="row"', arch)
        self.assertIn('name="timing" type="col"', arch)
        complaint = self._create_complaint()
        History = self.env["printing.complaint.stage.history"].sudo()
        for step in ("closure", "registered", "solution"):
            History.create(
                {
                    "ticket_id": complaint.id,
                    "stage_id": self.stages[step].id,
                    "step": step,
                    "entry_date": "2025-03-03 09:00:00",
                    "exit_date": "2025-03-03 10:00:00",
                    "is_late": step == "solution",
                }
            )
        groups = History.with_user(self.manager).read_group(
            [("ticket_id", "=", complaint.id)], ["working_hours"], ["stage_id"]
        )
        self.assertEqual(
            [group["stage_id"][1] for group in groups],
            ["1. Registered", "3. Responsibility & solution", "6. Closure & review"],
        )
        labels = dict(History._fields["timing"]._description_selection(self.env))
        self.assertEqual(
            {line.step: labels[line.timing] for line in complaint.stage_history_ids},
            {"registered": "On time", "solution": "Late", "closure": "On time"},
        )
