# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import freeze_time, tagged

from odoo.addons.printing_complaint.tests.test_demo_data import DemoCase

from .common import PERIOD, ReportCase

FEBRUARY = (date(2025, 2, 1), date(2025, 2, 28))


class RateCase(ReportCase):
    """March's six complaints (all Lotus', on the
    brochure line) over the orders delivered in March; one complaint of
    Peony in February over its one delivered order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.peony = cls.env["res.partner"].create(
            {"name": "Peony Books Co.", "email": "buyer@peony.example.com"}
        )
        # March: Lotus three orders of 1000 brochures, Peony 200 posters
        # delivered and one order not delivered yet; February: Peony 400
        # brochures.
        cls._delivered_order(cls.customer, cls.brochure, 1000, datetime(2025, 3, 4))
        cls._delivered_order(cls.customer, cls.brochure, 1000, datetime(2025, 3, 11))
        cls._delivered_order(cls.customer, cls.brochure, 1000, datetime(2025, 3, 18))
        cls._delivered_order(cls.peony, cls.poster, 200, datetime(2025, 3, 20))
        cls._delivered_order(cls.peony, cls.poster, 0, datetime(2025, 3, 21))
        # A free reprint delivered in March is the remedy of a complaint, not
        # an order: not counted.
        reprint = cls._delivered_order(
            cls.customer, cls.brochure, 1000, datetime(2025, 3, 25)
        )
        cls.env.flush_all()
        cls.env.cr.execute(
            "UPDATE sale_order SET complaint_solution_id = %s WHERE id = %s",
            [cls.fixture.solution_ids[:1].id, reprint.id],
        )
        february = cls._delivered_order(
            cls.peony, cls.brochure, 400, datetime(2025, 2, 10)
        )
        cls.env["helpdesk.ticket"].create(
            {
                "name": "Brochures scuffed",
                "description": "<p>Scuffs</p>",
                "team_id": cls.team.id,
                "partner_id": cls.peony.id,
                "sale_order_id": february.id,
                "sale_line_ids": [Command.set(february.order_line.ids)],
                "user_id": cls.sales_rep.id,
                "received_date": datetime(2025, 2, 14, 9, 0),
                "category_id": cls.categories["lamination"].id,
                "responsibility_id": cls.material.id,
            }
        )
        # The person at fault of the first two production complaints.
        cls.fixture[:2].fault_user_id = cls.production_head
        cls.env.flush_all()

    @classmethod
    def _delivered_order(cls, partner, product, delivered, when):
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "product_uom_qty": delivered or 50}
                    )
                ],
            }
        )
        order.action_confirm()
        order.date_order = when
        order.order_line.qty_delivered = delivered
        return order

    @property
    def Analysis(self):
        return self.env["printing.complaint.analysis"].with_user(self.manager)


@tagged("post_install", "-at_install")
class TestComplaintRate(RateCase):
    """The complaint rate by month, customer, product and responsibility,
    against the company's target."""

    def test_rate_of_a_month(self):
        # 6 complaints over 4 delivered orders (the undelivered one and
        # February's are not counted), 3200 units delivered.
        self.assertEqual(
            self.Analysis._complaint_rate(*PERIOD), (None, 6, 4, 3200.0, 1.5, 18.75)
        )

    def test_rate_by_month_lists_every_month(self):
        rows = self.Analysis._complaint_rate_by_month(FEBRUARY[0], date(2025, 4, 30))
        self.assertEqual(
            rows,
            [
                (date(2025, 2, 1), 1, 1, 400.0, 1.0, 25.0),
                (date(2025, 3, 1), 6, 4, 3200.0, 1.5, 18.75),
                # April: no complaint, no delivery, no rate
                (date(2025, 4, 1), 0, 0, 0.0, None, None),
            ],
        )

    def test_rate_by_customer_product_and_responsibility(self):
        self.assertEqual(
            self.Analysis._complaint_rate_by_customer(*PERIOD),
            [(self.customer.name, 6, 3, 3000.0, 2.0, 20.0)],
        )
        self.assertEqual(
            self.Analysis._complaint_rate_by_product(*PERIOD),
            [("Brochure A4", 6, 3, 3000.0, 2.0, 20.0)],
        )
        self.assertEqual(
            self.Analysis._complaint_rate_by_responsibility(*PERIOD),
            [
                (self.production.name, 4, 4, 3200.0, 1.0, 12.5),
                (self.material.name, 2, 4, 3200.0, 0.5, 6.25),
            ],
        )
        # February's complaint is Peony's, on its brochure order
        self.assertEqual(
            self.Analysis._complaint_rate_by_customer(*FEBRUARY),
            [("Peony Books Co.", 1, 1, 400.0, 1.0, 25.0)],
        )

    def test_target_in_settings(self):
        self.assertEqual(self.company.complaint_rate_target, 0.2)
        self.assertAlmostEqual(self.Analysis._rate_target(), 0.002)
        settings = self.env["res.config.settings"].create(
            {"complaint_rate_target": 0.5}
        )
        settings.execute()
        self.assertEqual(self.company.complaint_rate_target, 0.5)
        for wrong in (-0.1, 120.0):
            with self.assertRefused(ValidationError, "between 0 and 100"):
                self.company.complaint_rate_target = wrong
        with self.assertRaises(ValidationError):
            self.company.write({"complaint_rate_target": float("nan")})

    def test_dashboard_shows_the_months_rate_against_the_target(self):
        Dashboard = self.env["printing.complaint.dashboard"].with_user(self.manager)
        rate = Dashboard.get_dashboard_data(*map(str, PERIOD))["rate"]
        self.assertEqual(rate["month"], "2025-03")
        self.assertEqual(rate["value"], "150.00 %")
        self.assertEqual(rate["target"], "0.20 %")
        self.assertTrue(rate["above_target"])
        self.assertEqual(rate["note"], "6 complaint(s) / 4 delivered order(s)")
        self.assertEqual(self.env["helpdesk.ticket"].search_count(rate["domain"]), 6)
        # The rate of the month of the period's end, to that day: 3
        # complaints to 10 March, over the one order delivered by then.
        rate = Dashboard.get_dashboard_data("2025-01-01", "2025-03-10")["rate"]
        self.assertEqual(rate["value"], "300.00 %")
        # February's 100 % is not above a target of 100 %.
        self.company.complaint_rate_target = 100.0
        rate = Dashboard.get_dashboard_data(*map(str, FEBRUARY))["rate"]
        self.assertEqual(rate["value"], "100.00 %")
        self.assertFalse(rate["above_target"])
        data = Dashboard.get_dashboard_data(*map(str, PERIOD))
        shares = {row["label"]: row["count"] for row in data["feedback"]}
        self.assertEqual(shares["Complaint"], 6)

    def test_workbook_complaint_rate_sheet(self):
        wizard = (
            self.env["printing.complaint.analysis.wizard"]
            .with_user(self.manager)
            .create({"date_from": FEBRUARY[0], "date_to": PERIOD[1]})
        )
        book = self._workbook(wizard._workbook()[0])
        rows = list(book["Complaint rate"].iter_rows(values_only=True))
        self.assertEqual(rows[0][:2], ("Complaint rate target", 0.002))
        self.assertEqual(
            rows[2],
            (
                "Month",
                "Complaints",
                "Delivered orders",
                "Delivered quantity",
                "Complaint rate",
                "Complaints per 10,000 units",
                "Above target",
            ),
        )
        self.assertEqual(rows[3][:6], (datetime(2025, 2, 1), 1, 1, 400, 1, 25))
        self.assertEqual(
            rows[4][:7], (datetime(2025, 3, 1), 6, 4, 3200, 1.5, 18.75, "Yes")
        )
        titles = [row[0] for row in rows if row[1] == "Complaints"]
        self.assertEqual(titles, ["Month", "Customer", "Product", "Responsibility"])


@tagged("post_install", "-at_install")
class TestFaultFigures(RateCase):
    """Count and cost per department and person at fault: the managers'
    and the director's only."""

    def test_by_department_and_person_at_fault(self):
        for user in (self.manager, self.director):
            Analysis = self.env["printing.complaint.analysis"].with_user(user)
            self.assertEqual(
                Analysis._fault_by_department(*PERIOD),
                [(self.production.name, 4, 4300.0), (self.material.name, 2, 0.0)],
            )
            self.assertEqual(
                Analysis._fault_by_person(*PERIOD),
                [("Not set", 4, 3500.0), ("Production Head", 2, 800.0)],
            )

    def test_refused_to_reps_and_qc(self):
        for user in (self.sales_rep, self.qc_user, self.finance_user):
            Analysis = self.env["printing.complaint.analysis"].with_user(user)
            self.assertEqual(Analysis._fault_by_department(*PERIOD), [], user.login)
            self.assertEqual(Analysis._fault_by_person(*PERIOD), [], user.login)
            self.assertFalse(
                self.env["printing.complaint.dashboard"]
                .with_user(user)
                ._faults(*PERIOD)
            )

    def test_dashboard_and_workbook_show_them_to_managers_only(self):
        data = (
            self.env["printing.complaint.dashboard"]
            .with_user(self.manager)
            .get_dashboard_data(*map(str, PERIOD))
        )
        self.assertEqual(
            [(row["label"], row["count"]) for row in data["faults"]["people"]],
            [("Not set", 4), ("Production Head", 2)],
        )
        for user, present in (
            (self.manager, True),
            (self.director, True),
            (self.sales_rep, False),
            (self.qc_user, False),
        ):
            wizard = (
                self.env["printing.complaint.analysis.wizard"]
                .with_user(user)
                .create({"date_from": PERIOD[0], "date_to": PERIOD[1]})
            )
            book = self._workbook(wizard._workbook()[0])
            self.assertEqual("Faults" in book.sheetnames, present, user.login)
            if present:
                rows = list(book["Faults"].iter_rows(values_only=True))
                self.assertEqual(rows[0], ("Department", "Complaints", "Cost"))
                self.assertEqual(rows[1], (self.production.name, 4, 4300))
                self.assertIn(("Production Head", 2, 800), rows)

    def _form_arch(self, record):
        form = self.env.ref("printing_complaint.helpdesk_ticket_view_form_complaint")
        return record.get_views([(form.id, "form")])["views"]["form"]["arch"]

    def test_person_at_fault_is_read_and_written_by_managers_only(self):
        complaint = self.fixture[0]
        for user in (self.sales_rep, self.qc_user, self.finance_user):
            record = complaint.with_user(user)
            with self.assertRaises(AccessError, msg=user.login):
                record.read(["fault_user_id"])
            with self.assertRaises(AccessError, msg=user.login):
                record.write({"fault_user_id": user.id})
            with self.assertRaises(AccessError, msg=user.login):
                record.web_read({"fault_user_id": {}})
            with self.assertRaises(AccessError, msg=user.login):
                self.env["helpdesk.ticket"].with_user(user).search(
                    [("fault_user_id", "=", self.production_head.id)]
                )
            # the form they open has no such field
            arch = self._form_arch(record)
            self.assertNotIn('name="fault_user_id"', arch)
        self.assertEqual(
            complaint.with_user(self.manager).fault_user_id, self.production_head
        )
        for user, at_fault in (
            (self.manager, self.qc_user),
            (self.director, self.sales_rep),
        ):
            record = complaint.with_user(user)
            record.write({"fault_user_id": at_fault.id})
            self.assertEqual(
                record.web_read({"fault_user_id": {}})[0]["fault_user_id"],
                at_fault.id,
            )
            arch = self._form_arch(record)
            self.assertIn('name="fault_user_id"', arch)

    def test_person_at_fault_is_tracked(self):
        complaint = self.fixture[2]
        # The manager's own request (mail tracks with the rights of the
        # first writer of a transaction).
        self.env.flush_all()
        self.env.cr.precommit.run()
        complaint.with_user(self.manager).fault_user_id = self.production_head
        self.env.flush_all()
        self.env.cr.precommit.run()
        complaint.invalidate_recordset(["message_ids"])
        tracked = complaint.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "fault_user_id"
        )
        self.assertEqual(tracked.new_value_char, "Production Head")

    def _queries(self, call):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        call()
        return self.env.cr.sql_log_count - before

    def _all_figures(self):
        Analysis = self.Analysis
        period = (date(2025, 5, 1), date(2025, 5, 31))
        return (
            Analysis._complaint_rate(*period),
            Analysis._complaint_rate_by_month(*period),
            Analysis._complaint_rate_by_customer(*period),
            Analysis._complaint_rate_by_product(*period),
            Analysis._complaint_rate_by_responsibility(*period),
            Analysis._fault_by_department(*period),
            Analysis._fault_by_person(*period),
        )

    def _add_may_complaints(self, count):
        self.env["helpdesk.ticket"].create(
            [
                {
                    "name": f"May complaint {index}",
                    "description": "<p>Load</p>",
                    "team_id": self.team.id,
                    "partner_id": self.customer.id,
                    "sale_order_id": self.order.id,
                    "sale_line_ids": [Command.set(self.order.order_line[:1].ids)],
                    "user_id": self.sales_rep.id,
                    "received_date": datetime(2025, 5, 5 + index % 20, 9, 0),
                    "responsibility_id": (self.material | self.production)[
                        index % 2
                    ].id,
                    "fault_user_id": self.production_head.id if index % 3 else False,
                }
                for index in range(count)
            ]
        )
        self.env.flush_all()

    def test_queries_do_not_grow_with_the_complaints(self):
        self._add_may_complaints(2)
        self._all_figures()  # warm the caches
        small = self._queries(self._all_figures)
        self.assertLessEqual(small, 14)
        self._add_may_complaints(18)
        self.assertEqual(self._all_figures()[0][1], 20)
        self.env.invalidate_all()
        with self.assertQueryCount(small):
            self._all_figures()


@tagged("post_install", "-at_install")
class TestFigureDates(ReportCase):
    """Dates decided by the clock: the dashboard's default period."""

    @freeze_time("2025-03-31 12:00:00")
    def test_default_period_ends_today(self):
        data = (
            self.env["printing.complaint.dashboard"]
            .with_user(self.manager)
            .get_dashboard_data()
        )
        self.assertEqual(data["rate"]["month"], "2025-03")
        self.assertIn("6 complaint(s)", data["rate"]["note"])


@tagged("post_install", "-at_install")
class TestDemoFigures(DemoCase):
    """The demo: its customers' orders delivered, a complaint whose person
    at fault the complaint manager named."""

    def test_person_at_fault_named_by_the_manager(self):
        complaint = self.ref("complaint_demo_fault")
        self.assertEqual(complaint.complaint_step, "solution")
        self.assertEqual(complaint.fault_user_id, self.user("production"))
        tracking = complaint.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "fault_user_id"
        )
        self.assertEqual(
            tracking.mail_message_id.author_id, self.user("manager").partner_id
        )
        manager = self.user("manager")
        today = complaint.received_date.date()
        people = (
            self.env["printing.complaint.analysis"]
            .with_user(manager)
            ._fault_by_person(today.replace(day=1), today)
        )
        self.assertIn(self.user("production").name, [row[0] for row in people])

    def test_delivered_orders_give_a_rate(self):
        manager = self.user("manager")
        demo = self.complaints()
        # the orders are placed before they are complained about
        for complaint in demo.filtered("sale_order_id"):
            self.assertLess(complaint.sale_order_id.date_order, complaint.received_date)
        dated = demo.mapped("received_date") + demo.sale_order_id.mapped("date_order")
        start, end = min(dated).date(), max(dated).date()
        _label, complaints, orders, _qty, rate, _units = (
            self.env["printing.complaint.analysis"]
            .with_user(manager)
            ._complaint_rate(start, end)
        )
        # the customers' six orders, not the reprints of the solutions
        self.assertGreaterEqual(orders, 6)
        self.assertGreaterEqual(complaints, 1)
        self.assertEqual(rate, complaints / orders)
        self.assertFalse(
            self.env["sale.order.line"].search_count(
                [
                    ("order_id", "=", self.ref("sale_order_sunrise_reorder").id),
                    ("qty_delivered", "=", 0),
                ]
            )
        )
