# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from ast import literal_eval

from lxml import etree

from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

from ..models.helpdesk_ticket_stage import TIMED_STEPS
from .common import ComplaintCase

OUR_MODULES = {"printing_complaint", "printing_complaint_report"}
# The one field of ours helpdesk_mgmt's form reads: whether the record is a
# complaint, to open it in the complaint form.
ROUTING_FIELDS = {"is_complaint"}


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
            form="printing_complaint.helpdesk_ticket_view_form_complaint",
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


def form_fields(env, xmlid):
    """The helpdesk.ticket fields of the form of action xmlid: the names in
    its arch and those of its specification (what web_read reads)."""
    action = env.ref(xmlid)
    form_view = [list(view) for view in action.views if view[1] == "form"]
    result = env["helpdesk.ticket"].get_views(form_view)
    form = result["views"]["form"]
    arch = etree.fromstring(form["arch"])
    ticket_fields = env["helpdesk.ticket"]._fields
    in_arch = {
        node.get("name")
        for node in arch.iter("field")
        if node.get("name") in ticket_fields
    }
    spec = set(result["models"]["helpdesk.ticket"]["fields"])
    return form["id"], in_arch, spec


@tagged("post_install", "-at_install")
class TestComplaintForm(ComplaintCase):
    """The complaint form is a view of its own; plain tickets keep
    helpdesk_mgmt's form, and every way of opening a complaint leads to the
    complaint form."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.complaint_form = cls.env.ref(
            "printing_complaint.helpdesk_ticket_view_form_complaint"
        )
        cls.plain_team = cls.env["helpdesk.ticket.team"].create(
            {"name": "IT support", "user_ids": [(4, cls.sales_rep.id)]}
        )
        cls.plain_ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "Printer offline",
                "description": "<p>The office printer is offline.</p>",
                "team_id": cls.plain_team.id,
            }
        )

    def setUp(self):
        super().setUp()
        self.complaint = self._create_complaint()

    def _complaint_only_fields(self):
        """The helpdesk.ticket fields only our addons define (not those we
        redefine, as the index of helpdesk_mgmt's duplicate_id)."""
        fields = self.env["ir.model.fields"].search([("model", "=", "helpdesk.ticket")])
        return {
            field.name
            for field in fields
            if set((field.modules or "").split(", ")) <= OUR_MODULES
        }

    def test_complaint_form_is_a_primary_view(self):
        self.assertEqual(self.complaint_form.mode, "primary")
        self.assertEqual(
            self.complaint_form.inherit_id,
            self.env.ref("helpdesk_mgmt.ticket_view_form"),
        )
        # helpdesk_mgmt's form stays the default form of helpdesk.ticket.
        self.assertEqual(
            self.env["ir.ui.view"].default_view("helpdesk.ticket", "form"),
            self.env.ref("helpdesk_mgmt.ticket_view_form").id,
        )

    def test_plain_ticket_form_carries_no_complaint_field(self):
        ours = self._complaint_only_fields()
        self.assertGreater(len(ours), 50)
        for xmlid in (
            "helpdesk_mgmt.helpdesk_ticket_action",
            "helpdesk_mgmt.helpdesk_my_tickets_action",
            "helpdesk_mgmt.action_helpdesk_ticket_kanban_from_dashboard",
        ):
            with self.subTest(action=xmlid):
                view_id, in_arch, spec = form_fields(self.env, xmlid)
                self.assertEqual(
                    view_id, self.env.ref("helpdesk_mgmt.ticket_view_form").id
                )
                self.assertEqual(in_arch & ours, ROUTING_FIELDS)
                self.assertEqual(spec & ours, ROUTING_FIELDS)

    def test_complaint_form_carries_the_complaint_fields(self):
        view_id, in_arch, spec = form_fields(
            self.env, "printing_complaint.action_complaints"
        )
        self.assertEqual(view_id, self.complaint_form.id)
        expected = {
            "complaint_step",
            "feedback_type",
            "step_deadline",
            "sale_order_id",
            "sale_line_ids",
            "evidence_ids",
            "severity",
            "validity",
            "responsibility_id",
            "root_cause",
            "solution_ids",
            "closure_summary",
            "capa_action_ids",
            # the earlier complaints, the stage history, the approvals and
            # the decisions are lists of their own, loaded with their tab
            # (test_form_sections)
            "earlier_complaint_count",
        }
        self.assertLessEqual(expected, in_arch)
        self.assertLessEqual(expected, spec)
        # and helpdesk_mgmt's own fields, the form being built on its own
        self.assertLessEqual({"number", "team_id", "user_id", "partner_id"}, in_arch)

    def test_formview_of_a_complaint_is_the_complaint_form(self):
        self.assertEqual(self.complaint.get_formview_id(), self.complaint_form.id)
        self.assertFalse(self.plain_ticket.get_formview_id())
        for user in (self.sales_rep, self.manager):
            with self.subTest(user=user.login):
                complaint = self.complaint.with_user(user)
                for action in (
                    complaint.get_formview_action(),
                    complaint._get_access_action(access_uid=user.id),
                ):
                    self.assertEqual(
                        action["views"], [(self.complaint_form.id, "form")]
                    )
                    self.assertEqual(action["res_id"], self.complaint.id)
        plain = self.plain_ticket.with_user(self.sales_rep)
        self.assertEqual(plain.get_formview_action()["views"], [(False, "form")])

    def test_complaint_actions_open_the_complaint_form(self):
        form = (self.complaint_form.id, "form")
        log = self.order.with_user(self.sales_rep).action_log_complaint()
        self.assertEqual(log["views"], [form])
        earlier = self.complaint.with_user(
            self.sales_rep
        ).action_view_earlier_complaints()
        self.assertIn(form, earlier["views"])
        # The smart buttons of the order, the customer and the actions open
        # the Complaints action, whose form is the complaint form.
        for action in (
            self.order.action_view_complaints(),
            self.customer.action_view_complaints(),
        ):
            self.assertIn(
                [self.complaint_form.id, "form"], [list(v) for v in action["views"]]
            )
        # A reprint order or a credit note opens its complaint by its record.
        self.assertEqual(
            self.env["helpdesk.ticket"]
            .browse(self.complaint.id)
            .get_formview_action()["views"],
            [form],
        )

    def test_overdue_digest_links_to_the_complaint_form(self):
        self.manager._complaint_notify_overdue(self.complaint)
        message = self.env["mail.message"].search(
            [("partner_ids", "in", self.manager.partner_id.ids)], limit=1
        )
        self.assertIn(
            f'href="/odoo/action-printing_complaint.action_complaints/{self.complaint.id}"',
            message.body,
        )
        self.assertNotIn("/odoo/helpdesk.ticket/", message.body)


@tagged("post_install", "-at_install")
class TestComplaintLinks(HttpCase):
    """The link of a notification email (/mail/view) opens a complaint in
    the complaint form and a plain ticket in helpdesk_mgmt's."""

    def test_mail_view_link_names_the_complaint_form(self):
        user = new_test_user(
            self.env,
            login="link_manager",
            password="link_manager",
            groups="printing_complaint.group_complaint_manager",
        )
        team = self.env.ref("printing_complaint.helpdesk_team_complaints")
        complaint = self.env["helpdesk.ticket"].create(
            {
                "name": "Cover darker than the proof",
                "description": "<p>Dark blue.</p>",
                "team_id": team.id,
            }
        )
        plain = self.env["helpdesk.ticket"].create(
            {
                "name": "Printer offline",
                "description": "<p>Offline.</p>",
                "team_id": self.env["helpdesk.ticket.team"].create({"name": "IT"}).id,
            }
        )
        self.authenticate(user.login, user.login)
        form = self.env.ref("printing_complaint.helpdesk_ticket_view_form_complaint")
        for ticket, view_param in ((complaint, f"view_id={form.id}"), (plain, None)):
            with self.subTest(ticket=ticket.name):
                response = self.url_open(
                    f"/mail/view?model=helpdesk.ticket&res_id={ticket.id}",
                    allow_redirects=False,
                )
                location = response.headers["Location"]
                self.assertIn(f"/odoo/helpdesk.ticket/{ticket.id}", location)
                if view_param:
                    self.assertIn(view_param, location)
                else:
                    self.assertNotIn("view_id", location)
