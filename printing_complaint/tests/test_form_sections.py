# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta
from unittest.mock import patch

from lxml import etree

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.sql_db import Cursor
from odoo.tests import Form, HttpCase, new_test_user, tagged

from .common import PNG


@tagged("post_install", "-at_install")
class TestFormSections(HttpCase):
    """The Recurrence and Stage history tabs of the complaint form are lists
    of their own, loaded when the tab is opened: reading the form reads none
    of their records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep = new_test_user(
            cls.env,
            login="sections_rep",
            name="Sections Rep",
            groups="printing_complaint.group_complaint_sales",
        )
        cls.team = cls.env.ref("printing_complaint.helpdesk_team_complaints")
        cls.team.user_ids = [Command.link(cls.rep.id)]
        cls.customer = cls.env["res.partner"].create(
            {"name": "Lotus Sections Buyer Ltd.", "email": "sections@lotus.example.com"}
        )
        product = cls.env["product.product"].create({"name": "Brochure A5"})
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "user_id": cls.rep.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": 500})
                ],
            }
        )
        cls.order.action_confirm()
        cls.earlier = cls._complaint(
            "Brochures smudged last spring",
            received_date=fields.Datetime.now() - timedelta(days=200),
        )
        cls.complaint = cls._complaint("Cover darker than the proof")
        cls.env["ir.attachment"].create(
            {
                "name": "cover.png",
                "raw": PNG,
                "res_model": "helpdesk.ticket",
                "res_id": cls.complaint.id,
            }
        )
        # Acknowledged, still registered: the tour moves it on.
        cls.complaint.action_acknowledge()

    @classmethod
    def _complaint(cls, name, **values):
        return cls.env["helpdesk.ticket"].create(
            {
                "name": name,
                "description": "<p>Defect.</p>",
                "team_id": cls.team.id,
                "partner_id": cls.customer.id,
                "sale_order_id": cls.order.id,
                "sale_line_ids": [Command.set(cls.order.order_line.ids)],
                "user_id": cls.rep.id,
                "request_ids": [
                    Command.set(cls.env.ref("printing_complaint.request_reprint").ids)
                ],
                "quantity_affected": 500,
                **values,
            }
        )

    def _form_spec(self):
        """The fields the web client reads to open the complaint form."""
        view = self.env.ref("printing_complaint.helpdesk_ticket_view_form_complaint")
        arch = self.env["helpdesk.ticket"].get_view(view.id, "form")["arch"]
        root = etree.fromstring(arch)
        return root, {
            node.get("name")
            for node in root.iter("field")
            if not any(parent.tag == "field" for parent in node.iterancestors())
        }

    def test_the_form_does_not_read_the_sections(self):
        root, spec = self._form_spec()
        self.assertNotIn("earlier_complaint_ids", spec)
        self.assertNotIn("stage_history_ids", spec)
        self.assertNotIn("approval_review_ids", spec)
        self.assertNotIn("decision_ids", spec)
        # The count and its banner stay: QC sees at once that there are some.
        self.assertIn("earlier_complaint_count", spec)
        widgets = {
            node.get("method"): node
            for node in root.iter("widget")
            if node.get("name") == "complaint_section_list"
        }
        self.assertEqual(
            set(widgets),
            {
                "action_view_newest_earlier_complaints",
                "action_view_stage_history",
                "action_view_approvals",
                "action_view_decisions",
            },
        )
        # Each on its own tab: the notebook renders the open tab only.
        pages = {
            method: next(a for a in node.iterancestors() if a.tag == "page").get("name")
            for method, node in widgets.items()
        }
        self.assertEqual(
            pages,
            {
                "action_view_newest_earlier_complaints": "complaint_recurrence",
                "action_view_stage_history": "complaint_history",
                "action_view_approvals": "complaint_solutions",
                "action_view_decisions": "complaint_solutions",
            },
        )

    def test_opening_the_form_reads_no_record_of_the_sections(self):
        queries = []
        execute = Cursor.execute

        def logged(cursor, query, params=None, log_exceptions=True):
            queries.append(cursor.mogrify(query, params).decode())
            return execute(cursor, query, params, log_exceptions)

        self.env.invalidate_all()
        with patch.object(Cursor, "execute", logged):
            form = Form(
                self.complaint.with_user(self.rep),
                view="printing_complaint.helpdesk_ticket_view_form_complaint",
            )
        self.assertEqual(form.earlier_complaint_count, 1)
        self.assertTrue(queries)
        self.assertFalse(
            [q for q in queries if "printing_complaint_stage_history" in q]
        )
        # The earlier complaint is counted in one statement, never read.
        earlier = f'"helpdesk_ticket"."id" IN ({self.earlier.id})'
        self.assertFalse([q for q in queries if earlier in q])

    def test_the_sections_list_what_the_tabs_showed(self):
        complaint = self.complaint.with_user(self.rep)
        complaint.action_next_step()
        earlier = complaint.action_view_newest_earlier_complaints()
        Ticket = self.env["helpdesk.ticket"].with_user(self.rep)
        self.assertEqual(Ticket.search(earlier["domain"]), self.earlier)
        self.assertEqual(
            earlier["views"][0][0],
            self.env.ref(
                "printing_complaint.helpdesk_ticket_view_list_earlier_complaints"
            ).id,
        )
        self.assertEqual(earlier["views"][1][0], complaint._complaint_form_view_id())
        history = complaint.action_view_stage_history()
        lines = (
            self.env[history["res_model"]].with_user(self.rep).search(history["domain"])
        )
        self.assertEqual(lines, self.complaint.stage_history_ids)
        self.assertEqual(
            lines.stage_id.mapped("complaint_step"), ["registered", "verification"]
        )
        self.assertEqual([view[1] for view in history["views"]], ["list"])
        # A complaint without earlier ones lists none.
        self.assertFalse(
            Ticket.search(
                self.earlier.with_user(
                    self.rep
                ).action_view_newest_earlier_complaints()["domain"]
            )
        )

    def test_a_user_who_cannot_read_the_complaint_gets_no_section(self):
        stranger = new_test_user(
            self.env,
            login="sections_stranger",
            groups="printing_complaint.group_complaint_sales",
        )
        for method in (
            "action_view_newest_earlier_complaints",
            "action_view_stage_history",
            "action_view_approvals",
            "action_view_decisions",
        ):
            with self.subTest(method=method), self.assertRaises(AccessError):
                getattr(self.complaint.with_user(stranger), method)()

    def test_the_tabs_load_their_lists_in_the_browser(self):
        self.start_tour(
            f"/odoo/action-printing_complaint.action_complaints/{self.complaint.id}",
            "printing_complaint_form_sections",
            login="sections_rep",
        )
        # The rep moved it on from its Stage history tab.
        self.assertEqual(self.complaint.complaint_step, "verification")
