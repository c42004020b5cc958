# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import zipfile
from collections import Counter
from datetime import datetime
from unittest.mock import patch

import xlsxwriter

from odoo.tests import freeze_time, tagged

from odoo.addons.printing_complaint.models.helpdesk_ticket_stage import TIMED_STEPS

from .common import PERIOD, ReportCase

LEDGER = "odoo.addons.printing_complaint_report.report.complaint_ledger_xlsx"
# The fixture's month as a list's filter.
MARCH = [("received_date", ">=", "2025-03-01"), ("received_date", "<", "2025-04-01")]


@tagged("post_install", "-at_install")
class TestComplaintXlsx(ReportCase):
    def _ledger(self, complaints, user=None, **context):
        Report = (
            self.env["ir.actions.report"]
            .with_user(user or self.manager)
            .with_context(**context)
        )
        content, kind = Report._render_xlsx(
            "printing_complaint_report.action_report_complaint_ledger",
            complaints.ids,
            {},
        )
        self.assertEqual(kind, "xlsx")
        return self._workbook(content)

    def _export(self, user=None, **context):
        """The ledger as the list's Print menu gets it: the server action,
        run with the web client's active_ids and active_domain, then the
        report action it returns."""
        user = user or self.manager
        action = self.env.ref(
            "printing_complaint_report.action_export_complaint_ledger"
        )
        result = (
            action.with_user(user)
            .with_context(active_model="helpdesk.ticket", **context)
            .run()
        )
        self.assertEqual(result["type"], "ir.actions.report")
        self.assertNotIn("active_ids", result["context"])
        Report = self.env["ir.actions.report"].with_user(user)
        content, _kind = Report.with_context(**result["context"])._render_xlsx(
            result["report_name"], None, result["data"]
        )
        return self._workbook(content)

    @staticmethod
    def _numbers(book):
        return {row[0] for row in book.active.iter_rows(min_row=2, values_only=True)}

    @staticmethod
    def _rows(book):
        return list(book.active.iter_rows(values_only=True))

    def _limit_active_ids(self, limit):
        """The web client sends at most this many ids (web.active_ids_limit)."""
        self.env["ir.config_parameter"].sudo().set_param(
            "web.active_ids_limit", str(limit)
        )

    def _analysis(self, user=None):
        wizard = (
            self.env["printing.complaint.analysis.wizard"]
            .with_user(user or self.manager)
            .create({"date_from": PERIOD[0], "date_to": PERIOD[1]})
        )
        content, name = wizard._workbook()
        self.assertEqual(name, "Complaint analysis 2025-03-01 to 2025-03-31.xlsx")
        return content, self._workbook(content)

    # -- ledger --------------------------------------------------------------
    def test_ledger_one_row_per_complaint_with_its_figures(self):
        sheet = self._ledger(self.fixture).active
        rows = list(sheet.iter_rows(values_only=True))
        header, body = rows[0], rows[1:]
        self.assertEqual(len(body), len(self.fixture))
        self.assertEqual(sheet.freeze_panes, "B2")
        self.assertTrue(sheet.auto_filter.ref.startswith("A1:"))
        column = {name: index for index, name in enumerate(header)}
        for name in (
            "Number",
            "Customer",
            "Category",
            "Severity",
            "Responsibility",
            "Solution cost",
            "Hours: verification",
            "Late steps",
            "Satisfaction (1-5)",
        ):
            self.assertIn(name, column)
        by_number = {row[column["Number"]]: row for row in body}
        for complaint in self.fixture:
            row = by_number[complaint.number]
            day = complaint.received_date.day
            self.assertEqual(row[column["Category"]], complaint.category_id.name)
            self.assertEqual(row[column["Customer"]], self.customer.name)
            self.assertEqual(
                row[column["Severity"]],
                dict(complaint._fields["severity"].selection)[complaint.severity],
            )
            self.assertEqual(
                row[column["Responsibility"]], complaint.responsibility_id.name
            )
            self.assertEqual(row[column["Quantity affected"]], day * 10)
            self.assertAlmostEqual(row[column["Hours: verification"]], day / 2)
            self.assertEqual(row[column["Late steps"]], 1 if day > 10 else 0)
            expected_cost = (
                day * 100.0 if complaint.responsibility_id == self.production else 0.0
            )
            self.assertEqual(row[column["Solution cost"]], expected_cost)
            self.assertEqual(row[column["Products"]], "Brochure A4")
        ratings = [
            by_number[c.number][column["Satisfaction (1-5)"]] for c in self.fixture[:3]
        ]
        self.assertEqual(ratings, [5, 4, 2])
        self.assertIsNone(
            by_number[self.fixture[3].number][column["Satisfaction (1-5)"]]
        )

    def test_ledger_has_a_column_for_every_timed_step(self):
        """The hours columns come from the steps: a step added to the
        procedure gets its column, headed by the step's label when it has no
        short header (Closed has a label and no short header)."""
        header = [cell.value for cell in self._ledger(self.fixture).active[1]]
        steps = "odoo.addons.printing_complaint_report.report.complaint_ledger_xlsx"
        with patch(f"{steps}.TIMED_STEPS", (*TIMED_STEPS, "closed")):
            rows = list(self._ledger(self.fixture).active.iter_rows(values_only=True))
        longer, body = rows[0], rows[1:]
        self.assertEqual(len(longer), len(header) + 1)
        added = longer.index("Hours: closure") + 1
        self.assertEqual(longer[added], "Hours: Closed")
        self.assertEqual(longer[:added] + longer[added + 1 :], tuple(header))
        column = {name: index for index, name in enumerate(longer)}
        for row in body:
            self.assertIsNone(row[added])
            complaint = self.fixture.filtered(lambda c, n=row[0]: c.number == n)
            day = complaint.received_date.day
            self.assertAlmostEqual(row[column["Hours: verification"]], day / 2)
            self.assertEqual(row[column["Late steps"]], 1 if day > 10 else 0)

    def test_customer_text_is_text_not_a_formula(self):
        complaint = self.fixture[0]
        complaint.name = '=HYPERLINK("http://evil.example.com","Open")'
        sheet = self._ledger(complaint).active
        header = [cell.value for cell in sheet[1]]
        cell = sheet.cell(row=2, column=header.index("Subject") + 1)
        self.assertEqual(cell.data_type, "s")
        self.assertEqual(cell.value, complaint.name)

    def test_sales_rep_ledger_holds_only_what_they_may_read(self):
        sheet = self._ledger(self.fixture, user=self.sales_rep).active
        numbers = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
        mine = self.fixture.filtered(lambda c: c.user_id == self.sales_rep)
        self.assertEqual(numbers, set(mine.mapped("number")))
        self.assertEqual(len(mine), 4)

    def test_export_of_a_filter_exports_every_matching_complaint(self):
        """The web client sends at most web.active_ids_limit ids: when it cut
        the selection there, the export reads the filter's domain and holds
        every complaint it matches, more than the ids sent."""
        self._limit_active_ids(2)
        book = self._export(active_ids=self.fixture[:2].ids, active_domain=MARCH)
        self.assertEqual(self._numbers(book), set(self.fixture.mapped("number")))

    def test_export_of_a_selection_exports_the_selected_complaints(self):
        book = self._export(active_ids=self.fixture[:2].ids, active_domain=MARCH)
        self.assertEqual(self._numbers(book), set(self.fixture[:2].mapped("number")))

    def test_ids_and_domain_give_the_same_ledger(self):
        by_ids = self._rows(self._ledger(self.fixture))
        by_domain = self._rows(self._export(active_ids=[], active_domain=MARCH))
        self.assertEqual(len(by_ids), len(self.fixture) + 1)
        self.assertEqual(by_domain, by_ids)

    def test_sales_rep_export_of_a_filter_holds_only_what_they_may_read(self):
        self._limit_active_ids(2)
        book = self._export(
            user=self.sales_rep, active_ids=self.fixture[:2].ids, active_domain=MARCH
        )
        mine = self.fixture.filtered(lambda c: c.user_id == self.sales_rep)
        self.assertEqual(self._numbers(book), set(mine.mapped("number")))

    def _ledger_queries(self, complaints):
        """The SQL queries of rendering the ledger of complaints."""
        Report = self.env["ir.actions.report"].with_user(self.manager)
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        Report._render_xlsx(
            "printing_complaint_report.action_report_complaint_ledger",
            complaints.ids,
            {},
        )
        return self.env.cr.sql_log_count - before

    def test_ledger_queries_do_not_grow_with_the_rows(self):
        self._ledger_queries(self.fixture)  # caches: labels, report, rules
        one = self._ledger_queries(self.fixture[:1])
        five = self._ledger_queries(self.fixture[:5])
        self.assertEqual(one, five)

    def test_ledger_streams_its_rows_into_a_constant_memory_workbook(self):
        """The rows come from the server-side cursor a batch at a time and
        xlsxwriter writes each row to its temporary file as it comes."""
        books = []
        workbook_class = xlsxwriter.Workbook

        def recorder(*args, **kwargs):
            book = workbook_class(*args, **kwargs)
            books.append(book)
            return book

        expected = self._rows(self._ledger(self.fixture))
        with (
            patch.object(xlsxwriter, "Workbook", recorder),
            patch(f"{LEDGER}.FETCH_SIZE", 2),
        ):
            rows = self._rows(self._ledger(self.fixture))
        self.assertEqual(rows, expected)
        self.assertEqual(len(books), 1)
        self.assertTrue(books[0].constant_memory)
        self.assertTrue(all(sheet.constant_memory for sheet in books[0].worksheets()))

    def test_ledger_in_the_users_language(self):
        """Headers, selection labels and category names in Chinese for a
        user reading Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "in", ("printing_complaint", "printing_complaint_report"))]
        )._update_translations(["zh_CN"])
        book = self._ledger(self.fixture, lang="zh_CN")
        self.assertEqual(book.sheetnames, ["投诉"])
        header, *body = self._rows(book)
        self.assertEqual(header[0], "编号")
        column = {name: index for index, name in enumerate(header)}
        general = self.fixture.filtered(lambda c: c.severity == "general")[0]
        row = next(row for row in body if row[0] == general.number)
        self.assertEqual(row[column["严重程度"]], "一般")
        colour = self.fixture.filtered(
            lambda c: c.category_id == self.categories["colour"]
        )[0]
        row = next(row for row in body if row[0] == colour.number)
        self.assertEqual(row[column["类别"]], "色差")

    # -- analysis workbook -----------------------------------------------------
    def _table(self, sheet, title):
        """The rows under the header whose first cell is title."""
        rows = list(sheet.iter_rows(values_only=True))
        start = next(i for i, row in enumerate(rows) if row[0] == title)
        table = []
        for row in rows[start + 1 :]:
            if row[0] is None:
                break
            table.append(row)
        return table

    def test_analysis_counts_and_ratios(self):
        _content, book = self._analysis()
        sheet = book["Counts"]
        categories = Counter(c.category_id.display_name for c in self.fixture)
        table = self._table(sheet, "Category")
        self.assertEqual({row[0]: row[1] for row in table}, categories)
        for _name, count, share in table:
            self.assertAlmostEqual(share, count / 6)
        severities = Counter(
            dict(self.fixture._fields["severity"].selection)[c.severity]
            for c in self.fixture
        )
        self.assertEqual(
            {row[0]: row[1] for row in self._table(sheet, "Severity")}, severities
        )
        responsibilities = Counter(c.responsibility_id.name for c in self.fixture)
        self.assertEqual(
            {row[0]: row[1] for row in self._table(sheet, "Responsibility")},
            responsibilities,
        )
        salespeople = Counter(c.user_id.name for c in self.fixture)
        self.assertEqual(
            {row[0]: row[1] for row in self._table(sheet, "Salesperson")}, salespeople
        )
        self.assertEqual(self._table(sheet, "Product"), [("Brochure A4", 6, 1.0)])
        summary = {
            row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True)
        }
        self.assertEqual(summary["Complaints received"], 6)
        self.assertAlmostEqual(summary["Solution cost"], (3 + 5 + 15 + 20) * 100.0)
        self.assertAlmostEqual(summary["Average satisfaction (1-5)"], 11 / 3)

    def test_analysis_shares_of_praise_complaints_and_suggestions(self):
        """Praise and suggestions of the period sit beside the complaints,
        and stay out of the complaint figures."""
        for kind, day in (("praise", 4), ("praise", 8), ("suggestion", 10)):
            self.env["helpdesk.ticket"].create(
                {
                    "name": f"A {kind}",
                    "description": "<p>Fixture</p>",
                    "team_id": self.team.id,
                    "partner_id": self.customer.id,
                    "feedback_type": kind,
                    "received_date": datetime(2025, 3, day, 9, 0),
                }
            )
        _content, book = self._analysis()
        table = self._table(book["Counts"], "Feedback")
        self.assertEqual(
            [row[:2] for row in table],
            [("Complaint", 6), ("Praise", 2), ("Suggestion", 1)],
        )
        for _kind, count, share in table:
            self.assertAlmostEqual(share, count / 9)
        summary = {
            row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True)
        }
        self.assertEqual(summary["Complaints received"], 6)

    def test_analysis_step_times_satisfaction_and_cost(self):
        _content, book = self._analysis()
        steps = {row[0]: row for row in self._table(book["Step times"], "Step")}
        verification = steps["2. Verification & classification"]
        days = [c.received_date.day for c in self.fixture]
        self.assertEqual(verification[1], 6)
        self.assertAlmostEqual(verification[2], sum(d <= 10 for d in days) / 6)
        self.assertAlmostEqual(verification[3], sum(d / 2 for d in days) / 6)
        self.assertEqual(steps["1. Registered"][1], 0)
        satisfaction = self._table(book["Satisfaction"], "Month")
        self.assertEqual(len(satisfaction), 1)
        self.assertEqual(satisfaction[0][0].strftime("%Y-%m"), "2025-03")
        self.assertEqual(satisfaction[0][1], 3)
        self.assertAlmostEqual(satisfaction[0][2], 11 / 3)
        costs = self._table(book["Solution cost"], "Responsibility")
        self.assertEqual(len(costs), 1)
        self.assertEqual(costs[0][:3], (self.production.name, "Free rush reprint", 4))
        self.assertAlmostEqual(costs[0][3], 4300.0)

    def test_pareto_largest_first_with_a_native_chart(self):
        content, book = self._analysis()
        pareto = self._table(book["Pareto"], "Defect category")
        self.assertEqual(
            [row[0] for row in pareto],
            [
                self.categories["colour"].display_name,
                self.categories["lamination"].display_name,
                self.categories["cutting"].display_name,
            ],
        )
        self.assertEqual([row[1] for row in pareto], [3, 2, 1])
        self.assertEqual(
            [round(row[3], 4) for row in pareto], [0.5, round(5 / 6, 4), 1.0]
        )
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
            self.assertEqual(len(charts), 1)
            chart = archive.read(charts[0]).decode()
        self.assertIn("<c:barChart>", chart)
        self.assertIn("<c:lineChart>", chart)

    def test_recurring_and_open_actions(self):
        earlier = self.fixture[0]
        earlier.cause_category = "material"
        later = self.fixture[1]
        later.cause_category = "material"
        self.assertEqual(later.recurrence_of_id, earlier)
        action = self._file_action(later)
        _content, book = self._analysis()
        recurring = self._table(book["Recurring"], "Complaint")
        self.assertEqual(
            [(row[0], row[5]) for row in recurring], [(later.number, earlier.number)]
        )
        actions = self._table(book["Open actions"], "Reference")
        self.assertIn(action.reference, [row[0] for row in actions])

    def test_sales_rep_analysis_counts_only_their_complaints(self):
        _content, book = self._analysis(user=self.sales_rep)
        summary = {
            row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True)
        }
        self.assertEqual(summary["Complaints received"], 4)

    # -- monthly report ------------------------------------------------------
    def test_monthly_cron_sends_one_email_with_the_workbook(self):
        self.manager.email = "manager@example.com"
        self.company.complaint_report_user_ids = self.manager
        Mail = self.env["mail.mail"]
        before = Mail.search([])
        with freeze_time("2025-04-01 06:00:00"):
            self.env["printing.complaint.analysis.wizard"]._cron_send_monthly_report()
        mails = Mail.search([]) - before
        mails = mails.filtered(lambda m: self.company.name in (m.subject or ""))
        self.assertEqual(len(mails), 1)
        self.assertIn("2025-03-01", mails.subject)
        self.assertIn("2025-03-31", mails.subject)
        self.assertEqual(mails.recipient_ids, self.manager.partner_id)
        attachment = mails.attachment_ids
        self.assertEqual(len(attachment), 1)
        self.assertTrue(attachment.name.endswith(".xlsx"))
        book = self._workbook(attachment.raw)
        summary = {
            row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True)
        }
        self.assertEqual(summary["Complaints received"], 6)

    def test_period_must_not_end_before_it_starts(self):
        with self.assertRefused(Exception, "ends before it starts"):
            self.env["printing.complaint.analysis.wizard"].create(
                {"date_from": PERIOD[1], "date_to": PERIOD[0]}
            )
