# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import zipfile
from collections import Counter
from unittest.mock import patch

from odoo.tests import freeze_time, tagged

from odoo.addons.printing_complaint.models.helpdesk_ticket_stage import TIMED_STEPS

from .common import PERIOD, ReportCase


@tagged("post_install", "-at_install")
class TestComplaintXlsx(ReportCase):
    def _ledger(self, complaints, user=None):
        Report = self.env["ir.actions.report"].with_user(user or self.manager)
        content, kind = Report._render_xlsx(
            "printing_complaint_report.action_report_complaint_ledger",
            complaints.ids,
            {},
        )
        self.assertEqual(kind, "xlsx")
        return self._workbook(content)

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
