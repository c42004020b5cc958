# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The 8D report goes with a supplier claim's email when asked."""

from odoo.tests import freeze_time, new_test_user, tagged

from odoo.addons.printing_complaint.tests.common import ComplaintCase


@tagged("post_install", "-at_install")
@freeze_time("2026-09-14 09:00:00")
class TestSupplierClaim8D(ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.purchaser = new_test_user(
            cls.env,
            login="claim_8d_purchaser",
            groups="printing_complaint.group_complaint_purchasing",
        )
        cls.supplier = cls.env["res.partner"].create(
            {"name": "Fine Paper Co.", "email": "claims@fine-paper.example.com"}
        )

    def _sent_claim(self, send_8d):
        complaint = self._at_solution_step()
        complaint.write(
            {
                "responsibility_id": self.env.ref(
                    "printing_complaint.responsibility_material"
                ).id,
                "supplier_id": self.supplier.id,
            }
        )
        claim = (
            self.env["printing.complaint.supplier.claim"]
            .with_user(self.purchaser)
            .create(
                {
                    "ticket_id": complaint.id,
                    "claimed_amount": 500.0,
                    "description": "Paper lot cracks at the fold",
                    "send_8d": send_8d,
                }
            )
        )
        claim.with_context(force_report_rendering=True).action_send()
        return claim, complaint

    def _email(self, claim):
        return claim.message_ids.filtered(lambda m: m.message_type == "comment")

    def test_8d_report_attached_when_asked(self):
        claim, complaint = self._sent_claim(send_8d=True)
        attachment = self._email(claim).attachment_ids
        self.assertEqual(attachment.name, f"8D report - {complaint.number}.pdf")
        self.assertTrue(attachment.raw.startswith(b"%PDF"))
        self.assertIn("our 8D report", str(self._email(claim).body))

    def test_no_8d_report_unless_asked(self):
        claim, _complaint = self._sent_claim(send_8d=False)
        self.assertFalse(self._email(claim).attachment_ids)
