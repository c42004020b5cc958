# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.tools import SQL

from odoo.addons.printing_complaint.models.helpdesk_ticket_stage import TIMED_STEPS


class ComplaintLedgerXlsx(models.AbstractModel):
    """One row per complaint of the selection: every intake, classification,
    responsibility, solution cost, time and rating column. The rows come from
    one SQL query over the complaints the user may read (record rules
    applied), written row by row in constant memory."""

    _name = "report.printing_complaint_report.complaint_ledger_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Complaint ledger (XLSX)"

    def get_workbook_options(self):
        return {"constant_memory": True, "default_date_format": "yyyy-mm-dd"}

    def _step_hours_headers(self):
        """{step: header} of the working hours column of each timed step, in
        the steps' order: the short header of the step, or the step's label
        for a step without one (a step added to the procedure still exports)."""
        short = {
            "registered": self.env._("Hours: registration"),
            "verification": self.env._("Hours: verification"),
            "solution": self.env._("Hours: solution"),
            "confirmation": self.env._("Hours: confirmation"),
            "execution": self.env._("Hours: execution"),
            "closure": self.env._("Hours: closure"),
        }
        labels = self.env["printing.complaint.analysis"]._labels(
            "printing.complaint.stage.history", "step"
        )
        return {
            step: short.get(step)
            or self.env._("Hours: %(step)s", step=labels.get(step, step))
            for step in TIMED_STEPS
        }

    def _ledger_columns(self):
        """(SQL expression, header, kind) of each column; kind picks the
        cell format and how the value is shown."""
        lang = self.env.lang or "en_US"

        def jsonb(alias, column="name"):
            return SQL(
                "COALESCE(%s->>%s, %s->>'en_US')",
                SQL.identifier(alias, column),
                lang,
                SQL.identifier(alias, column),
            )

        hours = [
            (SQL.identifier("hist", f"hours_{step}"), header, "hours")
            for step, header in self._step_hours_headers().items()
        ]
        return [
            (SQL("t.number"), self.env._("Number"), "text"),
            (SQL("t.name"), self.env._("Subject"), "text"),
            (SQL("t.feedback_type"), self.env._("Feedback"), "feedback_type"),
            (SQL("t.received_date"), self.env._("Received on"), "datetime"),
            (jsonb("channel"), self.env._("Channel"), "text"),
            (SQL("recv_partner.name"), self.env._("Received by"), "text"),
            (SQL("customer.name"), self.env._("Customer"), "text"),
            (SQL("contact.name"), self.env._("Contact"), "text"),
            (SQL("so.name"), self.env._("Sale order"), "text"),
            (SQL("products.names"), self.env._("Products"), "text"),
            (SQL("t.quantity_affected"), self.env._("Quantity affected"), "number"),
            (SQL("t.date_found"), self.env._("Date found"), "date"),
            (SQL("t.place_found"), self.env._("Place found"), "text"),
            (SQL("requests.names"), self.env._("Customer asks for"), "text"),
            (SQL("owner_partner.name"), self.env._("Salesperson"), "text"),
            (jsonb("team"), self.env._("Team"), "text"),
            (jsonb("ttype"), self.env._("Type"), "text"),
            (jsonb("category"), self.env._("Category"), "text"),
            (SQL("t.severity"), self.env._("Severity"), "severity"),
            (SQL("t.is_safety"), self.env._("Safety"), "bool"),
            (SQL("t.validity"), self.env._("Validity"), "validity"),
            (SQL("t.measured_deviation"), self.env._("Measured deviation"), "number"),
            (SQL("t.tolerance"), self.env._("Tolerance"), "number"),
            (SQL("t.out_of_tolerance"), self.env._("Out of tolerance"), "bool"),
            (jsonb("resp"), self.env._("Responsibility"), "text"),
            (jsonb("resp", "department"), self.env._("Department"), "text"),
            (SQL("supplier.name"), self.env._("Supplier"), "text"),
            (SQL("t.cause_category"), self.env._("6M category"), "cause"),
            (SQL("t.root_cause"), self.env._("Root cause"), "text"),
            (SQL("t.is_repeat_cause"), self.env._("Recurring root cause"), "bool"),
            (SQL("solutions.live"), self.env._("Solutions"), "integer"),
            (SQL("t.solution_cost_total"), self.env._("Solution cost"), "money"),
            (jsonb("stage"), self.env._("Step"), "text"),
            (SQL("t.step_deadline"), self.env._("Step deadline"), "datetime"),
            *hours,
            (SQL("hist.late_steps"), self.env._("Late steps"), "integer"),
            (SQL("t.closed_date"), self.env._("Closed on"), "datetime"),
            (
                SQL("NULLIF(t.rating_last_value, 0)"),
                self.env._("Satisfaction (1-5)"),
                "number",
            ),
            (SQL("t.reopen_count"), self.env._("Reopened"), "integer"),
        ]

    def _ledger_query(self, tickets):
        """The ledger's rows, in one query, of the complaints among tickets
        that the user may read. Lists and sums per complaint are aggregated
        once for the selection, not per row."""
        columns = self._ledger_columns()
        allowed = self.env["helpdesk.ticket"]._search(
            [("id", "in", tickets.ids), ("is_complaint", "=", True)]
        )
        lang = self.env.lang or "en_US"
        tz = self.env.context.get("tz") or self.env.user.tz or "UTC"
        expressions = [
            SQL("(%s AT TIME ZONE 'UTC' AT TIME ZONE %s)", expression, tz)
            if kind == "datetime"
            else expression
            for expression, _h, kind in columns
        ]
        hours = SQL(", ").join(
            SQL(
                "SUM(working_hours) FILTER (WHERE step = %s) AS %s",
                step,
                SQL.identifier(f"hours_{step}"),
            )
            for step in TIMED_STEPS
        )
        query = SQL(
            """
            WITH sel AS (%(allowed)s),
            hist AS (
                SELECT ticket_id, %(hours)s,
                       COUNT(*) FILTER (WHERE is_late) AS late_steps
                  FROM printing_complaint_stage_history
                 WHERE ticket_id IN (SELECT id FROM sel)
                 GROUP BY ticket_id
            ),
            solutions AS (
                SELECT ticket_id, COUNT(*) AS live
                  FROM printing_complaint_solution
                 WHERE ticket_id IN (SELECT id FROM sel) AND active
                   AND state NOT IN ('cancelled', 'rejected')
                 GROUP BY ticket_id
            ),
            products AS (
                SELECT r.helpdesk_ticket_id AS ticket_id,
                       string_agg(DISTINCT COALESCE(pt.name->>%(lang)s,
                                  pt.name->>'en_US'), ', ') AS names
                  FROM helpdesk_ticket_sale_order_line_rel r
                  JOIN sale_order_line l ON l.id = r.sale_order_line_id
                  JOIN product_product pp ON pp.id = l.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                 WHERE r.helpdesk_ticket_id IN (SELECT id FROM sel)
                 GROUP BY r.helpdesk_ticket_id
            ),
            requests AS (
                SELECT qr.helpdesk_ticket_id AS ticket_id,
                       string_agg(COALESCE(q.name->>%(lang)s, q.name->>'en_US'),
                                  ', ' ORDER BY q.sequence, q.id) AS names
                  FROM helpdesk_ticket_printing_complaint_request_rel qr
                  JOIN printing_complaint_request q
                    ON q.id = qr.printing_complaint_request_id
                 WHERE qr.helpdesk_ticket_id IN (SELECT id FROM sel)
                 GROUP BY qr.helpdesk_ticket_id
            )
            SELECT %(columns)s
              FROM helpdesk_ticket t
              JOIN sel ON sel.id = t.id
              LEFT JOIN hist ON hist.ticket_id = t.id
              LEFT JOIN solutions ON solutions.ticket_id = t.id
              LEFT JOIN products ON products.ticket_id = t.id
              LEFT JOIN requests ON requests.ticket_id = t.id
              LEFT JOIN helpdesk_ticket_channel channel ON channel.id = t.channel_id
              LEFT JOIN res_users recv ON recv.id = t.received_by_id
              LEFT JOIN res_partner recv_partner ON recv_partner.id = recv.partner_id
              LEFT JOIN res_partner customer
                     ON customer.id = t.commercial_partner_id
              LEFT JOIN res_partner contact ON contact.id = t.partner_id
              LEFT JOIN sale_order so ON so.id = t.sale_order_id
              LEFT JOIN res_users owner ON owner.id = t.user_id
              LEFT JOIN res_partner owner_partner
                     ON owner_partner.id = owner.partner_id
              LEFT JOIN helpdesk_ticket_team team ON team.id = t.team_id
              LEFT JOIN helpdesk_ticket_type ttype ON ttype.id = t.type_id
              LEFT JOIN helpdesk_ticket_category category
                     ON category.id = t.category_id
              LEFT JOIN printing_complaint_responsibility resp
                     ON resp.id = t.responsibility_id
              LEFT JOIN res_partner supplier ON supplier.id = t.supplier_id
              LEFT JOIN helpdesk_ticket_stage stage ON stage.id = t.stage_id
             ORDER BY t.received_date, t.id
            """,
            allowed=allowed.select(),
            hours=hours,
            lang=lang,
            columns=SQL(", ").join(expressions),
        )
        return columns, query

    def _ledger_formats(self, workbook):
        """The cell format of each kind of column."""
        currency = self.env.company.currency_id
        return {
            "datetime": workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
            "number": workbook.add_format({"num_format": "#,##0.00"}),
            "hours": workbook.add_format({"num_format": "0.0"}),
            "integer": workbook.add_format({"num_format": "0"}),
            "money": workbook.add_format(
                {"num_format": self._report_xlsx_currency_format(currency)}
            ),
        }

    def _ledger_labels(self):
        """The labels of the selection kinds, and of yes and no."""
        labels = self.env["printing.complaint.analysis"]._labels
        return {
            "feedback_type": labels("helpdesk.ticket", "feedback_type"),
            "severity": labels("helpdesk.ticket", "severity"),
            "validity": labels("helpdesk.ticket", "validity"),
            "cause": labels("helpdesk.ticket", "cause_category"),
            "bool": {True: self.env._("Yes"), False: self.env._("No")},
        }

    def generate_xlsx_report(self, workbook, data, tickets):
        columns, query = self._ledger_query(tickets)
        sheet = workbook.add_worksheet(self.env._("Complaints"))
        bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        formats = self._ledger_formats(workbook)
        labels = self._ledger_labels()
        sheet.write_row(0, 0, [header for _e, header, _k in columns], bold)
        kinds = [kind for _e, _h, kind in columns]
        for index, kind in enumerate(kinds):
            width = 12 if kind not in ("text",) else 20
            sheet.set_column(index, index, width, formats.get(kind))
        self.env.flush_all()
        self.env.cr.execute(query)
        row_index = 0
        for row_index, row in enumerate(self.env.cr.fetchall(), start=1):
            for col, (kind, value) in enumerate(zip(kinds, row, strict=True)):
                if value is None:
                    continue
                if kind in labels:
                    sheet.write_string(
                        row_index, col, str(labels[kind].get(value, value))
                    )
                elif kind in ("datetime", "date"):
                    sheet.write_datetime(row_index, col, value, formats[kind])
                elif kind in ("number", "hours", "integer", "money"):
                    sheet.write_number(row_index, col, value, formats[kind])
                else:
                    sheet.write_string(row_index, col, str(value))
        sheet.freeze_panes(1, 1)
        sheet.autofilter(0, 0, max(row_index, 1), len(columns) - 1)
