# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ComplaintAnalysisXlsx(models.AbstractModel):
    """The analysis workbook of a period: one sheet per question management
    asks. Every figure comes from printing.complaint.analysis (computed in
    the database); this class only lays them out."""

    _name = "report.printing_complaint_report.complaint_analysis_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Complaint analysis workbook (XLSX)"

    def _formats(self, workbook):
        currency = self.env.company.currency_id
        return {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "header": workbook.add_format(
                {"bold": True, "bg_color": "#DDEBF7", "border": 1}
            ),
            "percent": workbook.add_format({"num_format": "0.0%"}),
            # a complaint rate is a fraction of a percent (target 0.2 %)
            "rate": workbook.add_format({"num_format": "0.00%"}),
            "number": workbook.add_format({"num_format": "#,##0.00"}),
            "hours": workbook.add_format({"num_format": "0.0"}),
            "money": workbook.add_format(
                {"num_format": self._report_xlsx_currency_format(currency)}
            ),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
        }

    def _write_table(self, sheet, row, headers, rows, formats, kinds):
        """Write a header and rows from row; return the next free row."""
        sheet.write_row(row, 0, headers, formats["header"])
        for values in rows:
            row += 1
            for col, (kind, value) in enumerate(zip(kinds, values, strict=True)):
                if value is None or value is False:
                    continue
                if kind == "text":
                    sheet.write_string(row, col, str(value))
                elif kind == "date":
                    sheet.write_datetime(row, col, value, formats["date"])
                else:
                    sheet.write_number(row, col, value, formats.get(kind))
        return row + 2

    def generate_xlsx_report(self, workbook, data, wizards):
        period = wizards[:1]
        date_from, date_to = period.date_from, period.date_to
        Analysis = self.env["printing.complaint.analysis"]
        formats = self._formats(workbook)
        summary = self._sheet_summary(workbook, formats, Analysis, date_from, date_to)
        by_category = self._sheet_counts(
            workbook, formats, Analysis, date_from, date_to, summary["count"]
        )
        self._sheet_rate(workbook, formats, Analysis, date_from, date_to)
        self._sheet_times(workbook, formats, Analysis, date_from, date_to)
        self._sheet_satisfaction(workbook, formats, Analysis, date_from, date_to)
        self._sheet_costs(workbook, formats, Analysis, date_from, date_to)
        if Analysis._may_read_fault_figures():
            self._sheet_faults(workbook, formats, Analysis, date_from, date_to)
        self._sheet_pareto(workbook, formats, Analysis, date_from, date_to, by_category)
        self._sheet_recurring(workbook, formats, Analysis, date_from, date_to)
        self._sheet_actions(workbook, formats, Analysis)

    def _sheet_summary(self, workbook, formats, Analysis, date_from, date_to):
        sheet = workbook.add_worksheet(self.env._("Summary"))
        sheet.set_column(0, 0, 32)
        sheet.set_column(1, 1, 16)
        sheet.write(0, 0, self.env._("Complaint analysis"), formats["title"])
        sheet.write(1, 0, self.env._("From"))
        sheet.write_datetime(1, 1, date_from, formats["date"])
        sheet.write(2, 0, self.env._("To"))
        sheet.write_datetime(2, 1, date_to, formats["date"])
        summary = Analysis._summary(date_from, date_to)
        rows = [
            (self.env._("Complaints received"), summary["count"], None),
            (self.env._("Valid"), summary["valid"], None),
            (self.env._("Closed"), summary["closed"], None),
            (self.env._("Solution cost"), summary["cost"], "money"),
            (
                self.env._("Average satisfaction (1-5)"),
                summary["satisfaction"],
                "number",
            ),
        ]
        for offset, (label, value, kind) in enumerate(rows, start=4):
            sheet.write_string(offset, 0, label)
            sheet.write_number(offset, 1, value, formats.get(kind))
        sheet.write_string(
            11,
            0,
            self.env._("Generated on %(date)s", date=fields.Date.context_today(self)),
        )
        return summary

    def _sheet_counts(self, workbook, formats, Analysis, date_from, date_to, total):
        """The counts by dimension; returns those by category (Pareto)."""
        sheet = workbook.add_worksheet(self.env._("Counts"))
        sheet.set_column(0, 0, 36)
        sheet.set_column(1, 2, 12)
        dimensions = [
            (self.env._("Type"), "type_id"),
            (self.env._("Category"), "category_id"),
            (self.env._("Responsibility"), "responsibility_id"),
            (self.env._("Severity"), "severity"),
            (self.env._("Customer"), "commercial_partner_id"),
            (self.env._("Salesperson"), "user_id"),
        ]
        row = 0
        kinds = ("text", "number", "percent")
        by_category = []
        for title, groupby in dimensions:
            rows = Analysis._count_by(date_from, date_to, groupby)
            if groupby == "category_id":
                by_category = rows
            row = self._write_table(
                sheet,
                row,
                [title, self.env._("Complaints"), self.env._("Share")],
                rows,
                formats,
                kinds,
            )
        rows = Analysis._count_by_product(date_from, date_to, total)
        row = self._write_table(
            sheet,
            row,
            [self.env._("Product"), self.env._("Complaints"), self.env._("Share")],
            rows,
            formats,
            kinds,
        )
        self._write_table(
            sheet,
            row,
            [self.env._("Feedback"), self.env._("Received"), self.env._("Share")],
            Analysis._feedback_shares(date_from, date_to),
            formats,
            kinds,
        )
        return by_category

    def _sheet_rate(self, workbook, formats, Analysis, date_from, date_to):
        """The complaint rate by month against the company's target, then by
        customer, product and responsibility."""
        sheet = workbook.add_worksheet(self.env._("Complaint rate"))
        sheet.set_column(0, 0, 36)
        sheet.set_column(1, 6, 16)
        target = Analysis._rate_target()
        sheet.write_string(0, 0, self.env._("Complaint rate target"))
        sheet.write_number(0, 1, target, formats["rate"])
        figures = [
            self.env._("Complaints"),
            self.env._("Delivered orders"),
            self.env._("Delivered quantity"),
            self.env._("Complaint rate"),
            self.env._("Complaints per 10,000 units"),
        ]
        kinds = ("text", "number", "number", "number", "rate", "number")
        months = [
            (*row, self.env._("Yes") if row[4] is not None and row[4] > target else "")
            for row in Analysis._complaint_rate_by_month(date_from, date_to)
        ]
        row = self._write_table(
            sheet,
            2,
            [self.env._("Month"), *figures, self.env._("Above target")],
            months,
            formats,
            ("date", *kinds[1:], "text"),
        )
        for title, rows in (
            (
                self.env._("Customer"),
                Analysis._complaint_rate_by_customer(date_from, date_to),
            ),
            (
                self.env._("Product"),
                Analysis._complaint_rate_by_product(date_from, date_to),
            ),
            (
                self.env._("Responsibility"),
                Analysis._complaint_rate_by_responsibility(date_from, date_to),
            ),
        ):
            row = self._write_table(sheet, row, [title, *figures], rows, formats, kinds)

    def _sheet_faults(self, workbook, formats, Analysis, date_from, date_to):
        """Count and cost of complaints per department and person at fault:
        the managers' and the director's workbook only."""
        sheet = workbook.add_worksheet(self.env._("Faults"))
        sheet.set_column(0, 0, 36)
        sheet.set_column(1, 2, 16)
        kinds = ("text", "number", "money")
        row = self._write_table(
            sheet,
            0,
            [self.env._("Department"), self.env._("Complaints"), self.env._("Cost")],
            Analysis._fault_by_department(date_from, date_to),
            formats,
            kinds,
        )
        self._write_table(
            sheet,
            row,
            [
                self.env._("Person at fault"),
                self.env._("Complaints"),
                self.env._("Cost"),
            ],
            Analysis._fault_by_person(date_from, date_to),
            formats,
            kinds,
        )

    def _sheet_times(self, workbook, formats, Analysis, date_from, date_to):
        sheet = workbook.add_worksheet(self.env._("Step times"))
        sheet.set_column(0, 0, 36)
        sheet.set_column(1, 3, 16)
        self._write_table(
            sheet,
            0,
            [
                self.env._("Step"),
                self.env._("Steps done"),
                self.env._("On time"),
                self.env._("Average working hours"),
            ],
            Analysis._step_times(date_from, date_to),
            formats,
            ("text", "number", "percent", "hours"),
        )

    def _sheet_satisfaction(self, workbook, formats, Analysis, date_from, date_to):
        sheet = workbook.add_worksheet(self.env._("Satisfaction"))
        sheet.set_column(0, 2, 16)
        self._write_table(
            sheet,
            0,
            [self.env._("Month"), self.env._("Ratings"), self.env._("Average (1-5)")],
            Analysis._satisfaction_by_month(date_from, date_to),
            formats,
            ("date", "number", "number"),
        )

    def _sheet_costs(self, workbook, formats, Analysis, date_from, date_to):
        sheet = workbook.add_worksheet(self.env._("Solution cost"))
        sheet.set_column(0, 1, 30)
        sheet.set_column(2, 4, 16)
        self._write_table(
            sheet,
            0,
            [
                self.env._("Responsibility"),
                self.env._("Solution type"),
                self.env._("Solutions"),
                self.env._("Cost"),
                self.env._("Amount to the customer"),
            ],
            Analysis._cost_by_responsibility_and_type(date_from, date_to),
            formats,
            ("text", "text", "number", "money", "money"),
        )

    def _sheet_pareto(self, workbook, formats, Analysis, date_from, date_to, counts):
        sheet = workbook.add_worksheet(self.env._("Pareto"))
        sheet.set_column(0, 0, 36)
        sheet.set_column(1, 3, 14)
        rows = Analysis._pareto_of_categories(date_from, date_to, counts)
        self._write_table(
            sheet,
            0,
            [
                self.env._("Defect category"),
                self.env._("Complaints"),
                self.env._("Share"),
                self.env._("Cumulative"),
            ],
            rows,
            formats,
            ("text", "number", "percent", "percent"),
        )
        if rows:
            self._pareto_chart(workbook, sheet, len(rows))

    def _pareto_chart(self, workbook, sheet, last):
        """The Pareto's native chart: counts as columns, the cumulative
        share as a line on the second axis, beside the table's rows 1 to
        last."""
        name = sheet.get_name()
        chart = workbook.add_chart({"type": "column"})
        chart.add_series(
            {
                "name": self.env._("Complaints"),
                "categories": [name, 1, 0, last, 0],
                "values": [name, 1, 1, last, 1],
            }
        )
        line = workbook.add_chart({"type": "line"})
        line.add_series(
            {
                "name": self.env._("Cumulative"),
                "categories": [name, 1, 0, last, 0],
                "values": [name, 1, 3, last, 3],
                "y2_axis": True,
                "marker": {"type": "circle"},
            }
        )
        chart.combine(line)
        chart.set_title({"name": self.env._("Pareto of defect categories")})
        chart.set_y_axis({"name": self.env._("Complaints")})
        line.set_y2_axis(
            {"name": self.env._("Cumulative"), "max": 1, "num_format": "0%"}
        )
        chart.set_legend({"position": "bottom"})
        sheet.insert_chart(1, 5, chart, {"x_scale": 1.5, "y_scale": 1.3})

    def _sheet_recurring(self, workbook, formats, Analysis, date_from, date_to):
        sheet = workbook.add_worksheet(self.env._("Recurring"))
        sheet.set_column(0, 6, 20)
        labels = Analysis._labels("helpdesk.ticket", "cause_category")
        complaints = Analysis._recurring(date_from, date_to)
        self._write_table(
            sheet,
            0,
            [
                self.env._("Complaint"),
                self.env._("Received on"),
                self.env._("Customer"),
                self.env._("Category"),
                self.env._("6M category"),
                self.env._("Repeats"),
                self.env._("Root cause"),
            ],
            [
                (
                    complaint.number,
                    complaint.received_date,
                    complaint.commercial_partner_id.name,
                    complaint.category_id.name,
                    labels.get(complaint.cause_category),
                    complaint.recurrence_of_id.number,
                    complaint.root_cause,
                )
                for complaint in complaints
            ],
            formats,
            ("text", "date", "text", "text", "text", "text", "text"),
        )

    def _sheet_actions(self, workbook, formats, Analysis):
        sheet = workbook.add_worksheet(self.env._("Open actions"))
        sheet.set_column(0, 7, 20)
        kinds = Analysis._labels("mgmtsystem.action", "type_action")
        actions = Analysis._open_actions()
        self._write_table(
            sheet,
            0,
            [
                self.env._("Reference"),
                self.env._("Action"),
                self.env._("Kind"),
                self.env._("Complaints"),
                self.env._("Department"),
                self.env._("Owner"),
                self.env._("Deadline"),
                self.env._("Overdue"),
            ],
            [
                (
                    action.reference,
                    action.name,
                    kinds.get(action.type_action),
                    ", ".join(action.complaint_ids.mapped("number")),
                    action.department,
                    action.user_id.name,
                    action.date_deadline,
                    self.env._("Yes") if action.is_overdue else self.env._("No"),
                )
                for action in actions
            ],
            formats,
            ("text", "text", "text", "text", "text", "text", "date", "text"),
        )
