# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import shutil
import subprocess
import tempfile

from lxml import html

from odoo import Command
from odoo.tests import tagged

from odoo.addons.printing_complaint.tests.common import ComplaintCase

REPORTS = (
    "registration",
    "verification",
    "solution",
    "confirmation",
    "progress",
    "closure",
    "8d",
)


@tagged("post_install", "-at_install")
class TestComplaintPdf(ComplaintCase):
    """Every document of the procedure, on a complaint with every section
    filled, in HTML and in PDF."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")

    def _closed_complaint(self):
        complaint = self._at_solution_step(
            severity="important",
            is_batch_fault=True,
            date_found="2026-11-20",
            place_found="Customer's warehouse",
            customer_actions="Set the boxes <b>aside</b>",
        )
        complaint.write(
            {
                "why_1": "Cover too dark",
                "why_2": "Ink density too high",
                "why_3": "Density not measured at start",
                "cause_category": "method",
                "measured_deviation": 4.2,
            }
        )
        complaint.action_plan_containment()
        solution = self._propose(
            complaint,
            "solution_type_reprint",
            amount=0.0,
            cost=320.0,
            description="Rush reprint of the 1200 covers",
        )
        self._approve_all(solution)
        self._offer_and_accept(complaint)
        self._deliver(solution.reprint_order_id)
        solution.action_done()
        complaint.message_post(
            body="The reprint leaves the press tomorrow.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=complaint.partner_id.ids,
        )
        complaint.action_next_step()
        closed = self.env.ref("mgmtsystem_action.stage_close")
        for action in complaint.capa_action_ids:
            action.write(
                {"stage_id": closed.id, "completion_evidence": "Done and logged"}
            )
        corrective = complaint.capa_action_ids.filtered(
            lambda a: a.type_action == "correction"
        )
        corrective._record_effectiveness(
            "effective", "Defect rate 4 % to 0.3 %", 4, 0.3
        )
        self._file_action(
            complaint,
            kind="prevention",
            name="Density check list for all dark covers",
            deployment_processes="Catalogue covers on press 2",
            deployment_product_tmpl_ids=[Command.set(self.poster.product_tmpl_id.ids)],
        )
        self._closure_complete(complaint, summary="Reprinted and delivered")
        complaint.action_next_step()
        complaint._complaint_apply_rating(5, "Very good", "Phone")
        return complaint

    def _html(self, report, complaints):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            f"printing_complaint_report.action_report_complaint_{report}",
            complaints.ids,
        )
        return html.decode()

    def test_every_document_shows_its_sections(self):
        complaint = self._closed_complaint()
        expected = {
            "registration": [
                "Complaint registration form",
                "Customer&#39;s warehouse",
                "Brochure A4",
                "cover.png",
                "Set the boxes &lt;b&gt;aside&lt;/b&gt;",
            ],
            "verification": [
                "Complaint verification form",
                "4.2",
                "out of tolerance",
                "Valid",
            ],
            "solution": [
                "Solution confirmation sheet",
                "Ink density",
                "Rush reprint of the 1200 covers",
                "Department head",
                "Finance sign-off",
                "Production Head",
                "Approved",
            ],
            "confirmation": ["Customer confirmation record", "Accepted", "OK by phone"],
            "progress": [
                "Progress log",
                complaint.solution_ids.reprint_order_id.name,
                "The reprint leaves the press tomorrow.",
            ],
            "closure": [
                "Closure report",
                "Reprinted and delivered",
                "Measure the density on the first sheets",
                "Improvement list",
                "Density check list for all dark covers",
                "Effective",
            ],
            "8d": [
                "D0 Plan",
                "D1 Team",
                "D3 Containment",
                "contain stock",
                "Density not measured at start",
                "D5 Corrective actions chosen",
                "Defect rate 4 % to 0.3 %",
                "Catalogue covers on press 2",
                "Poster A2",
                "D8 Closure and recognition",
            ],
        }
        for report in REPORTS:
            html = self._html(report, complaint)
            self.assertIn(complaint.number, html, report)
            for value in expected[report]:
                self.assertIn(value, html, f"{report}: {value}")

    def _pdf_text(self, report, complaints):
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, kind = Report._render_qweb_pdf(
            f"printing_complaint_report.action_report_complaint_{report}",
            complaints.ids,
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"), report)
        with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
            file.write(pdf)
            file.flush()
            return subprocess.run(
                ["pdftotext", file.name, "-"],
                capture_output=True,
                check=True,
                text=True,
            ).stdout

    def test_rows_keep_their_cells_when_a_value_is_empty(self):
        """A table row keeps one cell per column when a value (a note, a
        comment, a description) is empty."""
        complaint = self._closed_complaint()
        complaint.evidence_ids.note = False
        complaint.solution_ids.description = False
        for report in REPORTS:
            page = html.fromstring(self._html(report, complaint))
            for table in page.iter("table"):
                header = table.xpath("./thead/tr[1]/th | ./tr[1]/th")
                if not header:
                    continue
                for row in table.xpath("./tbody/tr[td] | ./tr[td]"):
                    cells = row.xpath("./td")
                    width = sum(int(cell.get("colspan", 1)) for cell in cells)
                    where = f"{report}: {row.text_content()}"
                    self.assertEqual(width, len(header), where)

    def test_every_document_as_pdf(self):
        if not shutil.which("wkhtmltopdf") or not shutil.which("pdftotext"):
            self.fail("wkhtmltopdf and pdftotext are needed (see README)")
        complaint = self._closed_complaint()
        titles = {
            "registration": "Complaint registration form",
            "verification": "Complaint verification form",
            "solution": "Solution confirmation sheet",
            "confirmation": "Customer confirmation record",
            "progress": "Progress log",
            "closure": "Closure report",
            "8d": "8D report",
        }
        for report in REPORTS:
            text = self._pdf_text(report, complaint)
            self.assertIn(complaint.number, text, report)
            self.assertIn(titles[report], text, report)

    def test_several_complaints_printed_at_once(self):
        """From the list: one document per complaint, each in its
        customer's language. (Debian's wkhtmltopdf, built without the
        patched Qt, cannot join several pages into one PDF; the HTML shows
        what the patched build Odoo recommends prints.)"""
        complaint = self._closed_complaint()
        other = self._create_complaint(name="Second complaint")
        for report in REPORTS:
            html = self._html(report, complaint | other)
            self.assertIn(complaint.number, html, report)
            self.assertIn(other.number, html, report)
            self.assertEqual(html.count('class="page"'), 2, report)

    def test_printed_in_the_customers_language(self):
        complaint = self._closed_complaint()
        self.customer.lang = "zh_CN"
        html = self._html("registration", complaint)
        self.assertIn("投诉受理登记表", html)
        self.assertIn("受理渠道", html)  # "Channel"
        self.assertNotIn(">Channel<", html)
        self.customer.lang = "en_US"
        self.assertIn(">Channel<", self._html("registration", complaint))

    def test_a_chinese_pdf_prints_its_chinese_text(self):
        """Without a CJK font (setup installs fonts-noto-cjk) the labels
        print blank: the text layer of the PDF has no Chinese."""
        if not shutil.which("wkhtmltopdf") or not shutil.which("pdftotext"):
            self.fail("wkhtmltopdf and pdftotext are needed (see README)")
        complaint = self._closed_complaint()
        self.customer.lang = "zh_CN"
        text = self._pdf_text("registration", complaint)
        self.assertIn(complaint.number, text)
        self.assertIn("投诉受理登记表", text)
        self.assertIn("受理渠道", text)

    def test_sales_rep_prints_only_what_they_may_read(self):
        foreign = self._create_complaint(
            team_id=self.other_team.id, user_id=self.other_rep.id
        )
        Report = self.env["ir.actions.report"].with_user(self.sales_rep)
        with self.assertRaisesRegex(Exception, "doesn't have 'read' access"):
            Report._render_qweb_html(
                "printing_complaint_report.action_report_complaint_registration",
                foreign.ids,
            )
