# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, timedelta
from unittest import SkipTest

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestInstalledData(TransactionCase):
    """What the addon puts in every database, with and without demo data."""

    def test_complaint_team_exists(self):
        team = self.env.ref("printing_complaint.helpdesk_team_complaints")
        self.assertEqual(team._name, "helpdesk.ticket.team")
        self.assertEqual(team.company_id, self.env.ref("base.main_company"))
        self.assertTrue(team.active)

    def test_depends_installed(self):
        modules = self.env["ir.module.module"].search(
            [
                (
                    "name",
                    "in",
                    ["helpdesk_mgmt", "helpdesk_type", "sale_management", "account"],
                )
            ]
        )
        self.assertEqual(set(modules.mapped("state")), {"installed"})
        self.assertEqual(len(modules), 4)


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    """The demo database shows a printing company's real sales flow."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls.env.ref(
            "printing_complaint.sale_order_harbour_brochures",
            raise_if_not_found=False,
        )
        if not cls.order:
            raise SkipTest("the database was installed without demo data")

    def test_orders_confirmed_and_invoiced(self):
        xmlids = [
            "sale_order_sunrise_boxes",
            "sale_order_harbour_brochures",
            "sale_order_greenleaf_cards",
            "sale_order_pearl_catalogues",
            "sale_order_northwind_posters",
        ]
        orders = self.env["sale.order"].browse(
            [self.env.ref(f"printing_complaint.{xmlid}").id for xmlid in xmlids]
        )
        self.assertEqual(set(orders.mapped("state")), {"sale"})
        self.assertEqual(set(orders.mapped("invoice_status")), {"invoiced"})
        invoices = orders.invoice_ids
        self.assertEqual(len(invoices), 5)
        self.assertEqual(set(invoices.mapped("state")), {"posted"})
        self.assertEqual(set(invoices.mapped("move_type")), {"out_invoice"})

    def test_brochure_order_amounts(self):
        """10,000 brochures at 0.45 and 500 posters at 2.60."""
        self.assertEqual(self.order.partner_id.name, "Harbour City Travel Agency")
        self.assertEqual(
            self.order.order_line.mapped("product_id.default_code"),
            ["PRT-BRO-A4", "PRT-POS-A2"],
        )
        self.assertAlmostEqual(self.order.amount_untaxed, 4500.0 + 1300.0)
        self.assertAlmostEqual(
            self.order.invoice_ids.amount_untaxed, self.order.amount_untaxed
        )

    def test_one_order_left_to_invoice(self):
        reorder = self.env.ref("printing_complaint.sale_order_sunrise_reorder")
        self.assertEqual(reorder.state, "sale")
        self.assertEqual(reorder.invoice_status, "to invoice")

    def test_printed_products(self):
        packaging = self.env.ref("printing_complaint.product_category_packaging")
        products = self.env["product.product"].search(
            [("categ_id", "child_of", packaging.id)]
        )
        self.assertEqual(
            sorted(products.mapped("default_code")), ["PKG-BOX-350", "PKG-GIFT-01"]
        )
        self.assertTrue(self.env["res.lang"]._lang_get("zh_CN").active)

    def test_public_holidays_in_the_working_schedule(self):
        """The company works in Beijing time and keeps China's public
        holidays: the time limits skip them."""
        calendar = self.env.ref("base.main_company").resource_calendar_id
        self.assertEqual(calendar.tz, "Asia/Shanghai")
        names = calendar.global_leave_ids.mapped("name")
        for year in (2026, 2027, 2028):
            for festival in ("New Year's Day", "Spring Festival", "National Day"):
                self.assertTrue(
                    any(name.startswith(f"{festival} {year}") for name in names)
                )
        # Wednesday 30 September 2026, 16:30 in Beijing: half an hour of
        # work left before National Day (1 to 7 October); the next working
        # hour is on Thursday 8 October, 08:00 to 09:00 in Beijing.
        start = datetime(2026, 9, 30, 8, 30)  # UTC
        self.assertEqual(
            calendar.plan_hours(1.5, start, compute_leaves=True),
            datetime(2026, 10, 8, 1, 0),
        )


# The demo's people: xml id suffix, login (= password), group.
DEMO_USERS = [
    ("rep", "rep", "group_complaint_sales"),
    ("qc", "qc", "group_complaint_quality_manager"),
    ("production", "production", "group_complaint_production"),
    ("purchasing", "purchasing", "group_complaint_production"),
    ("logistics", "logistics", "group_complaint_production"),
    ("finance", "finance", "group_complaint_finance"),
    ("director", "director", "group_complaint_director"),
    ("manager", "manager", "group_complaint_manager"),
]
DEMO_COMPLAINTS = [
    "complaint_demo_registered",
    "complaint_demo_verification",
    "complaint_demo_solution",
    "complaint_demo_walk_in",
    "complaint_demo_confirmation",
    "complaint_demo_execution",
    "complaint_demo_closure",
    "complaint_demo_closed_not_valid",
    "complaint_demo_closed_delivery",
    "complaint_demo_closed_8d",
    "complaint_demo_fault",
]


class DemoCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref(
            "printing_complaint.complaint_demo_registered", raise_if_not_found=False
        ):
            raise SkipTest("the database was installed without demo data")

    def ref(self, name):
        return self.env.ref(f"printing_complaint.{name}")

    def user(self, role):
        return self.ref(f"user_demo_{role}")

    def complaints(self):
        return self.env["helpdesk.ticket"].browse(
            [self.ref(name).id for name in DEMO_COMPLAINTS]
        )

    def steps(self, complaint):
        return complaint.stage_history_ids.sorted(lambda h: (h.entry_date, h.id))


@tagged("post_install", "-at_install")
class TestDemoUsers(DemoCase):
    """Every role has a person to log in as, and the approval chain works
    out of the box."""

    def test_each_role_has_a_user_in_its_group(self):
        for role, login, group in DEMO_USERS:
            user = self.user(role)
            self.assertEqual(user.login, login)
            self.assertTrue(user.has_group(f"printing_complaint.{group}"), role)
            self.assertFalse(user.share)
            self.assertTrue(user.function)
        # The rep sees their own and their team's complaints, not the others'.
        self.assertFalse(
            self.user("rep").has_group("helpdesk_mgmt.group_helpdesk_user")
        )

    def test_portal_users_of_two_customers(self):
        harbour = self.user("portal_harbour")
        pearl = self.user("portal_pearl")
        self.assertEqual((harbour.login, pearl.login), ("harbour", "pearl"))
        self.assertTrue(harbour.share and pearl.share)
        self.assertEqual(
            harbour.commercial_partner_id, self.ref("partner_harbour_travel")
        )
        self.assertEqual(
            pearl.commercial_partner_id, self.ref("partner_pearl_river_press")
        )
        self.assertEqual(pearl.lang, "zh_CN")

    def test_passwords_are_the_logins(self):
        for role in [role for role, _login, _group in DEMO_USERS] + [
            "portal_harbour",
            "portal_pearl",
        ]:
            user = self.user(role)
            # Raises AccessDenied on a wrong password.
            user.with_user(user)._check_credentials(
                {"type": "password", "password": user.login}, {"interactive": True}
            )

    def test_approval_chain_configured(self):
        for xmlid in (
            "responsibility_production",
            "responsibility_material",
            "responsibility_customer",
            "responsibility_force_majeure",
            "responsibility_logistics",
        ):
            responsibility = self.ref(xmlid)
            self.assertTrue(responsibility.head_user_id, xmlid)
            self.assertTrue(responsibility.owner_user_id, xmlid)
        self.assertEqual(
            self.ref("responsibility_production").head_user_id, self.user("production")
        )
        team = self.ref("helpdesk_team_complaints")
        self.assertEqual(team.user_id, self.user("manager"))
        self.assertIn(self.user("rep"), team.user_ids)
        self.assertEqual(
            self.env.ref("base.main_company").complaint_qc_user_id, self.user("qc")
        )
        self.assertEqual(
            self.ref("sale_order_harbour_brochures").user_id, self.user("rep")
        )


@tagged("post_install", "-at_install")
class TestDemoComplaints(DemoCase):
    """The demo complaints were played through the procedure: each is what
    the users would have made."""

    def test_one_complaint_at_every_step(self):
        steps = set(self.complaints().mapped("complaint_step"))
        self.assertEqual(
            steps,
            {
                "registered",
                "verification",
                "solution",
                "confirmation",
                "execution",
                "closure",
                "closed",
            },
        )
        for name in DEMO_COMPLAINTS:
            complaint = self.ref(name)
            self.assertEqual(complaint.user_id, self.user("rep"), name)
            self.assertTrue(complaint.number, name)

    def test_stage_history_with_step_times(self):
        calendar = self.env.ref("base.main_company").resource_calendar_id
        now = datetime.now()
        late = 0
        for complaint in self.complaints():
            lines = self.steps(complaint)
            self.assertEqual(lines[0].entry_date, complaint.received_date)
            self.assertLessEqual(lines[-1].entry_date, now)
            self.assertFalse(lines[-1].exit_date)
            self.assertEqual(complaint.step_entry_date, lines[-1].entry_date)
            self.assertEqual(complaint.step_deadline, lines[-1].deadline)
            for line, after in zip(lines, lines[1:], strict=False):
                self.assertEqual(line.exit_date, after.entry_date)
                self.assertGreater(line.working_hours, 0, complaint.name)
                self.assertAlmostEqual(
                    line.working_hours,
                    calendar.get_work_hours_count(line.entry_date, line.exit_date),
                    places=1,
                )
                self.assertEqual(
                    line.is_late, bool(line.deadline and line.exit_date > line.deadline)
                )
                late += line.is_late
        self.assertGreaterEqual(late, 2)
        closed_8d = self.ref("complaint_demo_closed_8d")
        self.assertGreaterEqual(len(self.steps(closed_8d)), 7)
        self.assertGreater(now - closed_8d.received_date, timedelta(days=90))

    def test_closed_complaints_have_their_closed_date(self):
        for name in (
            "complaint_demo_closed_not_valid",
            "complaint_demo_closed_delivery",
            "complaint_demo_closed_8d",
        ):
            complaint = self.ref(name)
            self.assertEqual(complaint.complaint_step, "closed")
            self.assertEqual(
                complaint.closed_date, self.steps(complaint)[-1].entry_date
            )
        self.assertEqual(
            self.ref("complaint_demo_closed_not_valid").validity, "not_valid"
        )

    def test_messages_dated_inside_the_complaints_life(self):
        now = datetime.now()
        for complaint in self.complaints():
            dates = complaint.message_ids.mapped("date")
            self.assertGreaterEqual(min(dates), complaint.received_date)
            self.assertLessEqual(max(dates), now)

    def test_approvals_by_the_right_people(self):
        reviewers = {
            self.ref("tier_solution_finance"): self.user("finance"),
            self.ref("tier_solution_director"): self.user("director"),
        }
        solutions = self.complaints().with_context(active_test=False).solution_ids
        reviewed = 0
        for solution in solutions:
            head = solution.ticket_id.responsibility_id.head_user_id
            for review in solution.review_ids.filtered(
                lambda r: r.status == "approved"
            ):
                expected = reviewers.get(review.definition_id, head)
                self.assertEqual(review.done_by, expected, solution.display_name)
                self.assertNotEqual(review.done_by, solution.proposer_id)
                self.assertTrue(review.comment)
                reviewed += 1
        self.assertGreaterEqual(reviewed, 20)

    def test_nothing_offered_without_its_approvals(self):
        solutions = self.complaints().with_context(active_test=False).solution_ids
        given = solutions.filtered(
            lambda s: s.state in ("offered", "accepted", "in_execution", "done")
        )
        self.assertTrue(given)
        for solution in given:
            self.assertEqual(
                solution.validation_status, "validated", solution.display_name
            )
            approved = solution.review_ids.filtered(
                lambda r: r.status == "approved"
            ).definition_id
            self.assertIn(self.ref("tier_solution_department_head"), approved)
            if solution.costs_money:
                self.assertIn(self.ref("tier_solution_finance"), approved)
            if solution.needs_director:
                self.assertIn(self.ref("tier_solution_director"), approved)
        rework = self.ref("solution_demo_confirmation_rework")
        self.assertAlmostEqual(rework.cost, 14750.0)
        self.assertTrue(rework.needs_director)
        self.assertEqual(rework.state, "offered")

    def test_solution_step_waits_for_finance(self):
        reprint = self.ref("solution_demo_solution_reprint")
        self.assertEqual(reprint.state, "proposed")
        self.assertIn(self.user("finance"), reprint.reviewer_ids)
        self.assertEqual(reprint.with_user(self.user("finance")).can_review, True)

    def test_posted_credit_note_and_delivered_reprint_released_by_qc(self):
        refund = self.ref("solution_demo_closed_8d_refund")
        self.assertEqual(refund.state, "done")
        self.assertEqual(refund.credit_note_ids.mapped("state"), ["posted"])
        self.assertAlmostEqual(refund.credit_note_ids.amount_untaxed, 980.0)
        reprint = self.ref("solution_demo_closed_8d_reprint")
        self.assertEqual(reprint.state, "done")
        order = reprint.reprint_order_id
        self.assertEqual(order.state, "sale")
        self.assertEqual(
            order.order_line.mapped("qty_delivered"),
            order.order_line.mapped("product_uom_qty"),
        )
        self.assertEqual(reprint.inspection_ids.result, "pass")
        self.assertEqual(reprint.inspection_ids.user_id, self.user("qc"))

    def test_documents_dated_with_their_complaint(self):
        """The documents date from the customer's acceptance, a credit note
        within the year of its number."""
        solutions = self.complaints().with_context(active_test=False).solution_ids
        moves = solutions.credit_note_ids
        self.assertTrue(moves)
        for move in moves.filtered(lambda m: m.state == "posted"):
            self.assertIn(f"/{move.date.year}/", move.name)
        reprint = self.ref("solution_demo_closed_8d_reprint").reprint_order_id
        accepted = self.ref("complaint_demo_closed_8d").decision_ids.date
        self.assertEqual(reprint.date_order, accepted)

    def test_orders_invoiced_before_their_complaints(self):
        """A complaint's order was invoiced the day after it was placed,
        before the complaint (within the year of the invoice's number)."""
        complaints = self.complaints().filtered("sale_order_id.invoice_ids")
        self.assertGreaterEqual(len(complaints.sale_order_id), 3)
        for complaint in complaints:
            order = complaint.sale_order_id
            invoices = order.invoice_ids.filtered(
                lambda m: m.move_type == "out_invoice"
            )
            for invoice in invoices:
                day_after = order.date_order.date() + timedelta(days=1)
                expected = max(day_after, invoice.date.replace(month=1, day=1))
                self.assertEqual(invoice.invoice_date, expected, invoice.name)
                self.assertEqual(invoice.date, expected, invoice.name)
                self.assertEqual(set(invoice.line_ids.mapped("date")), {expected})
                self.assertGreaterEqual(invoice.invoice_date_due, expected)
                self.assertIn(f"/{invoice.date.year}/", invoice.name)
                if expected == day_after:
                    self.assertLess(expected, complaint.received_date.date())

    def test_discount_code_sent_for_a_delivery_complaint(self):
        complaint = self.ref("complaint_demo_closed_delivery")
        self.assertEqual(complaint.type_id, self.ref("type_delivery"))
        discount = self.ref("solution_demo_closed_delivery_discount")
        self.assertEqual(discount.state, "done")
        self.assertTrue(discount.discount_code)
        self.assertEqual(discount.discount_card_id.points, 300.0)
        self.assertTrue(
            complaint.message_ids.filtered(
                lambda m: discount.discount_code in (m.body or "")
            )
        )
        accepted = complaint.decision_ids
        self.assertEqual(accepted.decision, "accepted")
        self.assertEqual(accepted.partner_id, self.user("portal_harbour").partner_id)

    def test_delivery_complaint_records_its_dates(self):
        complaint = self.ref("complaint_demo_closed_delivery")
        self.assertEqual(complaint.category_id, self.ref("category_late_delivery"))
        self.assertEqual(complaint.delivery_delay_days, 2)
        self.assertTrue(complaint.customer_summary)

    def test_found_before_received(self):
        for complaint in self.complaints().filtered("date_found"):
            self.assertLess(complaint.date_found, complaint.received_date.date())

    def test_walk_in_complaint_without_a_sale_order(self):
        complaint = self.ref("complaint_demo_walk_in")
        self.assertFalse(complaint.sale_order_id)
        self.assertEqual(complaint.job_reference, "J-2611-031")
        self.assertEqual(complaint.job_amount, 180.0)
        self.assertEqual(complaint.complaint_step, "solution")
        compensation = self.ref("solution_demo_walk_in_compensation")
        self.assertEqual(compensation.state, "proposed")
        self.assertTrue(compensation.review_ids)

    def test_rejected_offer_went_back_to_the_solution_step(self):
        complaint = self.ref("complaint_demo_confirmation")
        rejected = complaint.decision_ids.filtered(lambda d: d.decision == "rejected")
        self.assertEqual(rejected.partner_id, self.user("portal_pearl").partner_id)
        self.assertEqual(
            self.ref("solution_demo_confirmation_reduction").state, "rejected"
        )
        self.assertEqual(
            self.steps(complaint).mapped("step"),
            [
                "registered",
                "verification",
                "solution",
                "confirmation",
                "solution",
                "confirmation",
            ],
        )

    def test_back_from_execution_to_the_solution_step(self):
        complaint = self.ref("complaint_demo_execution")
        steps = self.steps(complaint).mapped("step")
        self.assertEqual(steps[4:7], ["execution", "solution", "confirmation"])
        self.assertEqual(complaint.complaint_step, "execution")
        reprint = self.ref("solution_demo_execution_reprint")
        self.assertEqual(
            reprint.inspection_ids.sorted("id").mapped("result"), ["fail", "pass"]
        )
        reduction = self.ref("solution_demo_execution_reduction")
        self.assertEqual(reduction.state, "in_execution")
        self.assertEqual(reduction.credit_note_ids.mapped("state"), ["draft"])
        self.assertTrue(
            complaint.message_ids.filtered(
                lambda m: "Back to the solution step" in (m.body or "")
            )
        )

    def test_actions_and_effectiveness_check(self):
        complaint = self.ref("complaint_demo_closed_8d")
        actions = complaint.capa_action_ids
        self.assertEqual(
            set(actions.mapped("type_action")),
            {"immediate", "correction", "prevention"},
        )
        self.assertEqual(
            set(actions.filtered("containment_scope").mapped("containment_scope")),
            {"wip", "stock", "transit", "customer"},
        )
        corrective = self.ref("action_demo_closed_8d_corrective")
        self.assertEqual(corrective.effectiveness, "effective")
        self.assertEqual(corrective.efficacy_user_id, self.user("production"))
        self.assertGreater(corrective.defect_rate_before, corrective.defect_rate_after)
        self.assertLessEqual(corrective.verification_date, date.today())
        self.assertTrue(self.ref("complaint_demo_closure").capa_action_ids)

    def test_ratings(self):
        ratings = {
            name: self.ref(name).rating_ids.filtered("consumed").mapped("rating")
            for name in ("complaint_demo_closed_8d", "complaint_demo_closed_delivery")
        }
        self.assertEqual(
            ratings,
            {
                "complaint_demo_closed_8d": [4.0],
                "complaint_demo_closed_delivery": [5.0],
            },
        )

    def test_recurring_case(self):
        complaint = self.ref("complaint_demo_solution")
        self.assertTrue(complaint.is_repeat_cause)
        self.assertEqual(
            complaint.recurrence_of_id, self.ref("complaint_demo_closed_8d")
        )
        self.assertIn(
            self.ref("complaint_demo_closed_8d"), complaint.earlier_complaint_ids
        )

    def test_8d_complaint_is_complete(self):
        complaint = self.ref("complaint_demo_closed_8d")
        self.assertEqual(complaint.severity, "major")
        self.assertTrue(complaint.is_batch_fault)
        for field in (
            "why_1",
            "why_2",
            "why_3",
            "why_4",
            "why_5",
            "root_cause",
            "work_order_ref",
            "press_log_ref",
            "qc_report_ref",
            "closure_summary",
            "lessons_learned",
            "place_found",
        ):
            self.assertTrue(complaint[field], field)
        self.assertTrue(complaint.closure_confirmed)

    def test_8d_complaint_has_its_team_and_meetings(self):
        complaint = self.ref("complaint_demo_closed_8d")
        self.assertEqual(complaint.team_leader_id, self.user("qc"))
        self.assertLessEqual(
            self.user("rep") | self.user("production"),
            complaint.team_member_ids.user_id,
        )
        self.assertTrue(complaint.escape_cause)
        kick_off = self.ref("meeting_demo_closed_8d_kick_off")
        review = self.ref("meeting_demo_closed_8d_review")
        self.assertEqual(complaint.meeting_ids, kick_off | review)
        self.assertTrue(kick_off.action_ids.filtered("containment_scope"))
        # The temporary inspection was held until the fix was verified.
        temporary = self.ref("action_demo_closed_8d_temporary")
        corrective = self.ref("action_demo_closed_8d_corrective")
        self.assertEqual(temporary.permanent_action_id, corrective)
        self.assertEqual(
            temporary.stage_id, self.env.ref("mgmtsystem_action.stage_close")
        )
        self.assertGreaterEqual(
            temporary.date_closed.date(), corrective.verification_date
        )
        self.assertIn(temporary, kick_off.action_ids)
        self.assertEqual(kick_off.attendee_ids, complaint.team_member_ids.user_id)
        # Each meeting is dated inside its step: the kick-off at the
        # solution step, the review at the closure step.
        for meeting, step in ((kick_off, "solution"), (review, "closure")):
            line = complaint.stage_history_ids.filtered(lambda h, s=step: h.step == s)
            self.assertTrue(line.entry_date <= meeting.date <= line.exit_date, step)

    def test_portal_filed_complaint(self):
        complaint = self.ref("complaint_demo_verification")
        self.assertEqual(complaint.partner_id, self.user("portal_harbour").partner_id)
        self.assertEqual(complaint.channel_id, complaint._complaint_web_channel())
        self.assertTrue(complaint.evidence_ids)
        self.assertTrue(
            complaint.with_user(self.user("portal_harbour")).check_access("read")
            is None
        )
