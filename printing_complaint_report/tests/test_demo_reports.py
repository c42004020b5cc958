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
            "Kick-off: containment and causes",
            "Review of the corrective action",
            "Gauge the die-cut position of every box",
            "the die-cut position against the foil",
            "Wang Qiang",
        ):
            self.assertIn(expected, text)
        # D5 lists the corrective actions, not the customer's solutions.
        self.assertNotIn("Free rush reprint", text)

    def test_8d_of_the_demo_approved_and_sent(self):
        complaint = self.complaint
        self.assertEqual(
            complaint.eight_d_reviewed_by_id,
            self.env.ref("printing_complaint.user_demo_qc"),
        )
        self.assertTrue(
            complaint.closed_date
            < complaint.eight_d_reviewed_date
            < complaint.eight_d_sent_date
        )
        sent = complaint.message_ids.filtered(
            lambda m: m.attachment_ids.filtered(lambda a: a.name.startswith("8D"))
        )
        self.assertEqual(len(sent), 1)
        self.assertEqual(
            sent.author_id, self.env.ref("printing_complaint.user_demo_rep").partner_id
        )

    def test_step_times_of_the_demo(self):
        groups = self.env["printing.complaint.stage.history"]._read_group(
            [("ticket_id", "=", self.complaint.id), ("exit_date", "!=", False)],
            ["step"],
            ["working_hours:sum"],
        )
        hours = dict(groups)
        self.assertEqual(len(hours), 6)
        self.assertTrue(all(value > 0 for value in hours.values()))
