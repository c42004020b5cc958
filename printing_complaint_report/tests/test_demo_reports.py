# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo's played complaints fill the documents: the 8D report of the
gift boxes shows its D-steps from the complaint, and the step times are
not zero."""

from unittest import SkipTest

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoReports(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.complaint = cls.env.ref(
            "printing_complaint.complaint_demo_closed_8d", raise_if_not_found=False
        )
        if not cls.complaint:
            raise SkipTest("the database was installed without demo data")

    def test_8d_report_of_the_demo(self):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "printing_complaint_report.action_report_complaint_8d",
            self.complaint.ids,
        )
        text = html.decode()
        for expected in (
            self.complaint.number,
            "The make-ready checklist has no step for it.",
            "Lock the die chase and check it at every make-ready",
            "Same chase check on die-cutters 1 and 3",
            "Free rush reprint",
        ):
            self.assertIn(expected, text)

    def test_step_times_of_the_demo(self):
        groups = self.env["printing.complaint.stage.history"]._read_group(
            [("ticket_id", "=", self.complaint.id), ("exit_date", "!=", False)],
            ["step"],
            ["working_hours:sum"],
        )
        hours = dict(groups)
        self.assertEqual(len(hours), 6)
        self.assertTrue(all(value > 0 for value in hours.values()))
