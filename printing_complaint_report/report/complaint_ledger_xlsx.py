# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import tempfile
import uuid
from functools import partial

import xlsxwriter

from odoo import api, models
from odoo.osv import expression
from odoo.tools import SQL

from odoo.addons.printing_complaint.models.helpdesk_ticket_stage import TIMED_STEPS

# Rows brought from the server-side cursor per round trip: enough that the
# round trips cost nothing next to the writing, few enough that the memory
# held does not depend on the size of the ledger.
FETCH_SIZE = 2000

# The web client's default cap on the ids it sends with an action
# (parameter web.active_ids_limit, read by web's session_info).
ACTIVE_IDS_LIMIT = 20000

LEDGER_REPORT = "printing_complaint_report.action_report_complaint_ledger"


class ComplaintLedgerXlsx(models.AbstractModel):
    """One row per complaint of the selection or of the list's filter:
    every intake, classification, responsibility, solution cost, time and
    rating column. The rows come from one SQL query over the complaints the
    user may read (record rules applied), streamed from a server-side cursor
    and written row by row in constant memory, so that the memory used does
    not grow with the number of rows."""

    _name = "report.printing_complaint_report.complaint_ledger_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Complaint ledger (XLSX)"

    def get_workbook_options(self):
        return {"constant_memory": True, "default_date_format": "yyyy-mm-dd"}

    def create_xlsx_report(self, docids, data):
        """report_xlsx's, with the workbook assembled in a temporary file
        rather than in memory: the finished file is the only copy held."""
        tickets = self._get_objs_for_report(docids, data)
        with tempfile.TemporaryFile() as stream:
            workbook = xlsxwriter.Workbook(stream, self.get_workbook_options())
            self.generate_xlsx_report(workbook, data, tickets)
            workbook.close()
            stream.seek(0)
            return stream.read(), "xlsx"

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
            (
                SQL("COALESCE(so.name, invoice.name, t.job_reference)"),
                self.env._("Order / job"),
                "text",
            ),
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

    # ------------------------------------------------------------------
    # What is exported
    # ------------------------------------------------------------------
    @api.model
    def _export_action(self):
        """The report action of the list's Print menu (a server action, as a
        report action only receives the ids the web client sends, at most
        web.active_ids_limit of them). The records selected are exported;
        when the web client cut the selection at its limit, the user
        selected the whole filter: its domain is exported."""
        context = self.env.context
        ids = context.get("active_ids") or []
        domain = context.get("active_domain")
        limit = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("web.active_ids_limit", ACTIVE_IDS_LIMIT)
        )
        if domain is None or (ids and len(ids) < limit):
            domain = [("id", "in", ids)]
        report = self.env.ref(LEDGER_REPORT)
        action = report.report_action(None, data={"domain": domain}, config=False)
        # The ids and the domain travel in data: the web client would
        # otherwise put every active id into the download's URL as well.
        action["context"] = {
            key: value
            for key, value in action["context"].items()
            if key not in ("active_id", "active_ids", "active_domain")
        }
        return action

    def _ledger_domain(self, data, tickets):
        """The domain of the complaints to export: the one of data (the
        export action, a filter), or else the records given (a report
        rendered for ids); both are read by the same query."""
        if data and data.get("domain") is not None:
            return list(data["domain"])
        return [("id", "in", tickets.ids)]

    def _ledger_query(self, domain):
        """The ledger's rows, in one query, of the complaints matching domain
        that the user may read. Lists and sums per complaint are aggregated
        once for the selection, not per row."""
        columns = self._ledger_columns()
        allowed = self.env["helpdesk.ticket"]._search(
            expression.AND([domain, [("is_complaint", "=", True)]])
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
              LEFT JOIN account_move invoice ON invoice.id = t.invoice_id
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
        """The labels of the selection kinds, and of yes and no, in the
        user's language: small dicts built once, looked up for each cell."""
        labels = self.env["printing.complaint.analysis"]._labels
        return {
            "feedback_type": labels("helpdesk.ticket", "feedback_type"),
            "severity": labels("helpdesk.ticket", "severity"),
            "validity": labels("helpdesk.ticket", "validity"),
            "cause": labels("helpdesk.ticket", "cause_category"),
            "bool": {True: self.env._("Yes"), False: self.env._("No")},
        }

    def _ledger_writers(self, sheet, formats):
        """{kind: write(row, col, value)}: the writer of each kind of column,
        chosen once for the sheet rather than for each cell. The cells are
        the inner loop of a ledger of 100,000 rows: bound methods and
        partials, no per-cell tests of the kind."""
        writers = {
            kind: partial(self._write_label, sheet, labels)
            for kind, labels in self._ledger_labels().items()
        }
        for kind in ("datetime", "date"):
            writers[kind] = partial(sheet.write_datetime, cell_format=formats[kind])
        for kind in ("number", "hours", "integer", "money"):
            writers[kind] = partial(sheet.write_number, cell_format=formats[kind])
        # Text columns are SQL text; write_string keeps a customer's "=..."
        # a string, never a formula or a link.
        writers["text"] = sheet.write_string
        return writers

    @staticmethod
    def _write_label(sheet, labels, row, col, value):
        sheet.write_string(row, col, str(labels.get(value, value)))

    def _ledger_rows(self, query):
        """Yield the rows of query, FETCH_SIZE at a time, from a server-side
        cursor: only one batch of rows is ever held in memory."""
        cr = self.env.cr
        name = SQL.identifier(f"complaint_ledger_{uuid.uuid4().hex}")
        cr.execute(SQL("DECLARE %s NO SCROLL CURSOR FOR %s", name, query))
        while rows := self._fetch_rows(name):
            yield from rows
        cr.execute(SQL("CLOSE %s", name))

    def _fetch_rows(self, name):
        self.env.cr.execute(SQL("FETCH FORWARD %s FROM %s", FETCH_SIZE, name))
        return self.env.cr.fetchall()

    def _write_header(self, workbook, sheet, columns, formats):
        bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        sheet.write_row(0, 0, [header for _e, header, _k in columns], bold)
        for index, (_e, _h, kind) in enumerate(columns):
            width = 20 if kind == "text" else 12
            sheet.set_column(index, index, width, formats.get(kind))

    def generate_xlsx_report(self, workbook, data, tickets):
        columns, query = self._ledger_query(self._ledger_domain(data, tickets))
        sheet = workbook.add_worksheet(self.env._("Complaints"))
        formats = self._ledger_formats(workbook)
        self._write_header(workbook, sheet, columns, formats)
        writers = self._ledger_writers(sheet, formats)
        column_writers = list(enumerate(writers[kind] for _e, _h, kind in columns))
        self.env.flush_all()
        row_index = 0
        # In constant_memory mode xlsxwriter flushes each row when the next
        # one starts: rows must come in order, each written once.
        for row_index, row in enumerate(self._ledger_rows(query), start=1):
            for col, write in column_writers:
                value = row[col]
                if value is not None:
                    write(row_index, col, value)
        sheet.freeze_panes(1, 1)
        sheet.autofilter(0, 0, max(row_index, 1), len(columns) - 1)
