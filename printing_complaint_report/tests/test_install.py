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

    def test_complaint_pivot_and_graph_are_the_complaint_actions_only(self):
        """The complaints' pivot and the analysis's graph and pivot are named
        by the complaint actions; helpdesk_mgmt's reporting keeps its pivot."""
        Ticket = self.env["helpdesk.ticket"]
        pivot = self.env.ref(
            "printing_complaint_report.helpdesk_ticket_view_pivot_complaint"
        )
        graph = self.env.ref(
            "printing_complaint_report.helpdesk_ticket_view_graph_complaint"
        )

        def views(xmlid):
            action = self.env.ref(xmlid)
            result = Ticket.get_views([list(view) for view in action.views])
            return {kind: view["id"] for kind, view in result["views"].items()}

        self.assertEqual(
            views("printing_complaint.action_complaints")["pivot"], pivot.id
        )
        analysis = views("printing_complaint_report.action_complaint_analysis")
        self.assertEqual((analysis["pivot"], analysis["graph"]), (pivot.id, graph.id))
        self.assertEqual(
            views("helpdesk_mgmt.helpdesk_ticket_reporting_action")["pivot"],
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_views_pivot").id,
        )
