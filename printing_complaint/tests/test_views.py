# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from ast import literal_eval

from lxml import etree

from odoo.tests import TransactionCase, tagged

from ..models.helpdesk_ticket_stage import TIMED_STEPS


@tagged("post_install", "-at_install")
class TestViews(TransactionCase):
    """Plain helpdesk tickets keep helpdesk_mgmt's views; the complaint
    actions name theirs."""

    def _views(self, xmlid):
        action = self.env.ref(xmlid)
        views = self.env["helpdesk.ticket"].get_views(
            [
                *(list(view) for view in action.views),
                [action.search_view_id.id, "search"],
            ]
        )["views"]
        return {view_type: view["id"] for view_type, view in views.items()}

    def _ids(self, **xmlids):
        return {
            view_type: self.env.ref(xmlid).id for view_type, xmlid in xmlids.items()
        }

    def test_helpdesk_tickets_keep_helpdesk_mgmts_views(self):
        expected = self._ids(
            list="helpdesk_mgmt.ticket_view_tree",
            kanban="helpdesk_mgmt.view_helpdesk_ticket_kanban",
            form="helpdesk_mgmt.ticket_view_form",
            pivot="helpdesk_mgmt.helpdesk_ticket_views_pivot",
        )
        for xmlid in (
            "helpdesk_mgmt.helpdesk_ticket_action",
            "helpdesk_mgmt.helpdesk_my_tickets_action",
        ):
            with self.subTest(action=xmlid):
                views = self._views(xmlid)
                self.assertEqual(views, {**expected, "search": views["search"]})
                self.assertEqual(
                    views["search"],
                    self.env.ref("helpdesk_mgmt.helpdesk_ticket_view_search").id,
                )

    def test_complaints_open_the_complaint_views(self):
        views = self._views("printing_complaint.action_complaints")
        expected = self._ids(
            kanban="printing_complaint.helpdesk_ticket_view_kanban_complaint",
            list="printing_complaint.helpdesk_ticket_view_list_complaint",
            form="helpdesk_mgmt.ticket_view_form",
            calendar="printing_complaint.helpdesk_ticket_view_calendar_complaint",
        )
        self.assertEqual({k: views[k] for k in expected}, expected)
        action = self.env.ref("printing_complaint.action_complaints")
        self.assertEqual(
            action.search_view_id,
            self.env.ref("printing_complaint.helpdesk_ticket_view_search_complaint"),
        )

    def test_open_filter_is_the_open_steps(self):
        """The default Open filter lists the open steps (an IN the index of
        complaint_step answers), the same complaints as "not closed"."""
        arch = self.env.ref(
            "printing_complaint.helpdesk_ticket_view_search_complaint"
        ).arch
        node = etree.fromstring(arch).xpath("//filter[@name='open']")[0]
        domain = literal_eval(node.get("domain"))
        self.assertEqual(domain, [("complaint_step", "in", list(TIMED_STEPS))])
        Ticket = self.env["helpdesk.ticket"].with_context(active_test=False)
        self.assertNotIn("NOT IN", str(Ticket._search(domain).select()))
        self.assertEqual(
            Ticket.search(domain),
            Ticket.search([("complaint_step", "not in", [False, "closed"])]),
        )
