# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The backend complaint screens: the complaint form's top and tabs, the
helpdesk fields hidden on it (with helpdesk_mgmt_sale installed or not:
setup/test --peers runs this file too), Log complaint from an order, the
filters and groupings of the lists, the solutions' approver and document."""

from datetime import datetime

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from lxml import etree

from odoo import Command, fields
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import ComplaintCase

COMPLAINT_FORM = "printing_complaint.helpdesk_ticket_view_form_complaint"
# The complaint form's tabs for a complaint: helpdesk_mgmt's Other
# Information is in the Stage history tab, the evidence in the Intake tab.
COMPLAINT_TABS = [
    "description",
    "complaint_intake",
    "complaint_classification",
    "complaint_investigation",
    "complaint_quality_team",
    "complaint_solutions",
    "complaint_closure",
    "complaint_recurrence",
    "complaint_history",
]


def hidden(node, **values):
    """Whether node's invisible expression holds for these field values."""
    expression = node.get("invisible")
    return bool(expression) and bool(safe_eval(expression, values))


@tagged("post_install", "-at_install")
class TestComplaintFormScreen(ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Ticket = cls.env["helpdesk.ticket"]
        cls.form_id = cls.env.ref(COMPLAINT_FORM).id
        cls.arch = etree.fromstring(cls.Ticket.get_view(cls.form_id, "form")["arch"])

    def _complaint_values(self, **extra):
        return {
            "is_complaint": True,
            "feedback_type": "complaint",
            "complaint_step": "registered",
            "step_deadline": True,
            "sale_order_id": True,
            "claim_kind": False,
            "supplier_claim_count": 0,
            **extra,
        }

    def _visible_fields(self, name, **extra):
        return [
            node
            for node in self.arch.xpath(f"//field[@name='{name}']")
            if not any(
                hidden(n, **self._complaint_values(**extra))
                for n in node.iterancestors()
            )
            and not hidden(node, **self._complaint_values(**extra))
        ]

    def test_severity_and_deadline_at_the_top(self):
        top = self.arch.xpath("//group[@name='main']/group[1]")[0]
        names = [node.get("name") for node in top.iter("field")]
        self.assertEqual(names[:2], ["severity", "step_deadline"])
        deadline = top.xpath("field[@name='step_deadline']")[0]
        self.assertEqual(deadline.get("widget"), "complaint_deadline")
        # Once: not again in the Classification tab.
        self.assertEqual(len(self._visible_fields("severity")), 1)
        self.assertEqual(len(self._visible_fields("step_deadline")), 1)
        # No deadline shown once closed.
        self.assertFalse(self._visible_fields("step_deadline", complaint_step="closed"))

    def test_helpdesk_fields_that_do_not_apply_are_hidden(self):
        for name in ("partner_name", "partner_email"):
            with self.subTest(field=name):
                self.assertFalse(self._visible_fields(name))
        # The rating mode radio (helpdesk_mgmt_rating); the other
        # rating_status node is helpdesk_mgmt_rating's invisible one.
        radios = [
            node
            for node in self._visible_fields("rating_status")
            if node.get("widget") == "radio"
        ]
        self.assertFalse(radios)
        # A plain ticket in this form (not a complaint) keeps them.
        for name in ("partner_name", "partner_email"):
            self.assertTrue(self._visible_fields(name, is_complaint=False))

    def test_one_sale_order_link_and_one_button(self):
        """With helpdesk_mgmt_sale (setup/test --peers) its sale_order_ids
        and its Sale Orders button are hidden; without it, they are not
        there. Either way, one of each."""
        links = [
            node
            for name in ("sale_order_id", "sale_order_ids")
            for node in self._visible_fields(name)
        ]
        self.assertEqual([node.get("name") for node in links], ["sale_order_id"])
        values = self._complaint_values()
        buttons = [
            node.get("name")
            for node in self.arch.xpath("//div[@name='button_box']/button")
            if node.get("name") in ("action_view_sale_order", "action_view_sale_orders")
            and not hidden(node, **{**values, "sale_order_id": True})
        ]
        self.assertEqual(buttons, ["action_view_sale_order"])
        sale_installed = "sale_order_ids" in self.Ticket._fields
        self.assertEqual(
            bool(self.arch.xpath("//field[@name='sale_order_ids']")), sale_installed
        )
        if sale_installed:
            bridge = self.env["ir.module.module"].search(
                [("name", "=", "printing_complaint_sale")]
            )
            self.assertEqual(bridge.state, "installed")
            # helpdesk_mgmt's form keeps them for plain tickets.
            plain = etree.fromstring(self.Ticket.get_view(False, "form")["arch"])
            node = plain.xpath("//field[@name='sale_order_ids']")[0]
            self.assertFalse(node.get("invisible"))

    def test_fewer_tabs(self):
        pages = [
            node.get("name")
            for node in self.arch.xpath("//notebook/page")
            if not hidden(node, **self._complaint_values())
        ]
        self.assertEqual(pages, COMPLAINT_TABS)
        # helpdesk_mgmt's three dates moved to the Stage history tab.
        history = self.arch.xpath("//page[@name='complaint_history']")[0]
        self.assertEqual(
            {node.get("name") for node in history.xpath(".//field")}
            >= {"last_stage_update", "assigned_date", "closed_date"},
            True,
        )
        intake = self.arch.xpath("//page[@name='complaint_intake']")[0]
        self.assertTrue(intake.xpath(".//field[@name='evidence_ids']"))

    def test_the_form_edits_a_complaint(self):
        """The complaint form (what the browser loads) opens, edits and saves
        a complaint: no field of it is missing from the model."""
        complaint = self._create_complaint()
        with Form(complaint, view=self.form_id) as form:
            form.severity = "major"
            form.sale_line_ids.add(self.order.order_line[1])
        self.assertEqual(complaint.severity, "major")
        self.assertEqual(complaint.sale_line_ids, self.order.order_line)


@tagged("post_install", "-at_install")
class TestLogComplaintScreen(ComplaintCase):
    def test_new_complaint_is_named_new_complaint(self):
        action = self.order.action_log_complaint()
        Ticket = self.env["helpdesk.ticket"].with_context(**action["context"])
        values = Ticket.default_get(list(Ticket._fields))
        new = Ticket.new(values)
        self.assertTrue(new.is_complaint)
        self.assertEqual(new.display_name, "New complaint")
        new.name = "Cover darker than the proof"
        self.assertEqual(new.display_name, "Cover darker than the proof")
        complaint = self._create_complaint(name="Cover darker than the proof")
        self.assertEqual(
            complaint.display_name, f"{complaint.number} - Cover darker than the proof"
        )
        self.assertNotIn("/", complaint.number)

    def test_the_lines_of_an_order_of_several_are_offered(self):
        action = self.order.action_log_complaint()
        self.assertEqual(len(self.order.order_line), 2)
        view_id = action["views"][0][0]
        Ticket = self.env["helpdesk.ticket"].with_context(**action["context"])
        form = Form(Ticket, view=view_id)
        self.assertEqual(form.sale_order_id, self.order)
        # Not chosen for the user among several, but offered: visible, and
        # the choices are the order's lines.
        self.assertFalse(form.sale_line_ids)
        self.assertFalse(form._get_modifier("sale_line_ids", "invisible"))
        domain = safe_eval(
            Ticket._fields["sale_line_ids"].domain,
            {"sale_order_id": self.order.id},
        )
        self.assertEqual(
            self.env["sale.order.line"].search(domain), self.order.order_line
        )
        form.name = "Posters torn"
        form.description = "<p>Torn on delivery.</p>"
        form.sale_line_ids.add(self.order.order_line[1])
        complaint = form.save()
        self.assertEqual(complaint.sale_line_ids, self.order.order_line[1])
        self.assertEqual(complaint.partner_id, self.customer)

    def test_an_order_of_one_line_fills_it_in(self):
        order = self.order.copy(
            {
                "order_line": [
                    Command.create(
                        {"product_id": self.brochure.id, "product_uom_qty": 10}
                    )
                ]
            }
        )
        order.action_confirm()
        context = order.action_log_complaint()["context"]
        self.assertEqual(
            context["default_sale_line_ids"], [(6, 0, order.order_line.ids)]
        )


@tagged("post_install", "-at_install")
class TestComplaintListScreens(ComplaintCase):
    SEARCH = "printing_complaint.helpdesk_ticket_view_search_complaint"

    def _filter_domain(self, name):
        arch = etree.fromstring(self.env.ref(self.SEARCH).arch)
        node = arch.xpath(f"//filter[@name='{name}']")[0]
        today = fields.Date.context_today(self.env.user)
        return safe_eval(
            node.get("domain"),
            {
                "uid": self.env.uid,
                "context_today": lambda: today,
                "relativedelta": relativedelta,
            },
        )

    def _found(self, name, complaints):
        domain = [("id", "in", complaints.ids), *self._filter_domain(name)]
        return self.env["helpdesk.ticket"].search(domain)

    @freeze_time("2026-12-02 10:00:00")
    def test_quick_filters(self):
        # Wednesday 2 December: the week began on Monday 30 November.
        tuesday = self._create_complaint(received_date=datetime(2026, 12, 1, 9))
        monday = self._create_complaint(received_date=datetime(2026, 11, 30, 9))
        sunday = self._create_complaint(received_date=datetime(2026, 11, 29, 9))
        complaints = tuesday | monday | sunday
        self.assertEqual(
            self._found("received_this_week", complaints), tuesday | monday
        )
        self.assertEqual(self._found("received_this_month", complaints), tuesday)
        sunday.user_id = False
        self.assertEqual(self._found("unassigned", complaints), sunday)
        monday.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=fields.Date.to_date("2026-12-01"),
            user_id=self.env.uid,
        )
        tuesday.activity_ids.unlink()
        sunday.activity_ids.unlink()
        monday.activity_ids.filtered(lambda a: a.user_id != self.env.user).unlink()
        self.assertEqual(self._found("late_activities", complaints), monday)
        self.assertEqual(self._found("my_activities", complaints), monday)

    def test_group_by_salesperson_order_and_month(self):
        complaint = self._create_complaint()
        self.assertEqual(complaint.salesperson_id, self.sales_rep)
        self.order.user_id = self.other_rep
        self.assertEqual(complaint.salesperson_id, self.other_rep)
        arch = etree.fromstring(self.env.ref(self.SEARCH).arch)
        for name in ("group_salesperson", "group_sale_order", "group_received_month"):
            with self.subTest(filter=name):
                node = arch.xpath(f"//filter[@name='{name}']")[0]
                group_by = safe_eval(node.get("context"))["group_by"]
                groups = self.env["helpdesk.ticket"].read_group(
                    [("id", "=", complaint.id)], [], [group_by]
                )
                self.assertEqual(len(groups), 1)

    def test_kanban_has_no_quick_create(self):
        arch = etree.fromstring(
            self.env.ref(
                "printing_complaint.helpdesk_ticket_view_kanban_complaint"
            ).arch
        )
        self.assertEqual(arch.get("quick_create"), "false")
        self.assertEqual(arch.get("group_create"), "false")
        deadlines = arch.xpath("//templates//field[@name='step_deadline']")
        self.assertEqual([n.get("widget") for n in deadlines], ["complaint_deadline"])

    def test_list_shows_number_step_and_deadline_badge(self):
        arch = etree.fromstring(
            self.env["helpdesk.ticket"].get_view(
                self.env.ref(
                    "printing_complaint.helpdesk_ticket_view_list_complaint"
                ).id,
                "list",
            )["arch"]
        )
        names = [
            n.get("name") for n in arch.xpath("/list/field[not(@column_invisible)]")
        ]
        self.assertEqual(names[:1], ["number"])
        self.assertIn("stage_id", names)
        deadline = arch.xpath("/list/field[@name='step_deadline']")[0]
        self.assertEqual(deadline.get("widget"), "complaint_deadline")

    def _times_with_seconds(self, nodes, model):
        """The datetime fields of nodes shown with their seconds."""
        shown = []
        for node in nodes:
            field = self.env[model]._fields.get(node.get("name"))
            if not field or field.type != "datetime" or node.get("column_invisible"):
                continue
            options = safe_eval(node.get("options") or "{}")
            if node.get("widget") != "complaint_deadline" and options.get(
                "show_seconds", True
            ):
                shown.append(node.get("name"))
        return shown

    def test_times_without_seconds(self):
        Ticket = self.env["helpdesk.ticket"]
        list_view = self.env.ref(
            "printing_complaint.helpdesk_ticket_view_list_complaint"
        )
        arch = etree.fromstring(Ticket.get_view(list_view.id, "list")["arch"])
        self.assertEqual(
            self._times_with_seconds(arch.xpath("/list/field"), "helpdesk.ticket"), []
        )
        form = etree.fromstring(
            Ticket.get_view(self.env.ref(COMPLAINT_FORM).id, "form")["arch"]
        )
        history_view = self.env.ref(
            "printing_complaint.printing_complaint_stage_history_view_list"
        )
        history = etree.fromstring(
            self.env["printing.complaint.stage.history"].get_view(
                history_view.id, "list"
            )["arch"]
        ).xpath("/list/field")
        self.assertEqual(len(history), 7)
        self.assertEqual(
            self._times_with_seconds(history, "printing.complaint.stage.history"), []
        )
        top = form.xpath(
            "//page[@name='complaint_history']/group//field"
            " | //page[@name='complaint_intake']/group//field"
        )
        self.assertEqual(self._times_with_seconds(top, "helpdesk.ticket"), [])


@tagged("post_install", "-at_install")
class TestSolutionScreens(ComplaintCase):
    def test_next_review_names_the_reviewers(self):
        complaint = self._at_solution_step()
        solution = self._propose(complaint, "solution_type_apology")
        # No pending review: empty, not base_tier_validation's "tier.review()".
        self.assertFalse(solution.next_review)
        solution.with_user(self.sales_rep).action_request_approval()
        self.env.invalidate_all()
        self.assertEqual(solution.next_review, "Department head: Production Head")
        self._review(solution, self.production_head)
        self.env.invalidate_all()
        self.assertNotIn("tier.review", str(solution.next_review))
        self.assertNotIn("Production Head", str(solution.next_review))

    def test_document_column_reads_the_state_label(self):
        complaint = self._at_solution_step()
        solution = self._propose(complaint, "solution_type_reprint")
        self._approve_all(solution)
        order = solution.reprint_order_id
        self.assertEqual(order.state, "draft")
        self.assertEqual(solution.document_state, f"{order.name} (Quotation)")
        zh = solution.with_context(lang="zh_CN")
        if self.env["res.lang"]._lang_get("zh_CN").active:
            zh.invalidate_recordset(["document_state"])
            self.assertNotIn("draft", zh.document_state)
