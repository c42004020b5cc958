# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged

from .common import complaint_at_solution_step


@tagged("post_install", "-at_install")
class TestSupplierClaimTour(HttpCase):
    def test_purchasing_claims_from_the_supplier_and_sends_it(self):
        """Purchasing opens a material fault's complaint, claims the cost
        from the supplier at fault and sends it with the evidence."""
        env = self.env
        rep = new_test_user(
            env,
            login="claim_tour_rep",
            groups="printing_complaint.group_complaint_sales",
        )
        new_test_user(
            env,
            login="claim_tour_purchaser",
            name="Tour Purchaser",
            groups="printing_complaint.group_complaint_purchasing",
        )
        supplier = env["res.partner"].create(
            {"name": "Fine Paper Co.", "email": "claims@fine-paper.example.com"}
        )
        complaint = complaint_at_solution_step(env, rep)
        complaint.write(
            {
                "responsibility_id": env.ref(
                    "printing_complaint.responsibility_material"
                ).id,
                "supplier_id": supplier.id,
            }
        )

        self.start_tour(
            f"/odoo/action-printing_complaint.action_complaints/{complaint.id}",
            "printing_complaint_supplier_claim",
            login="claim_tour_purchaser",
        )

        claim = complaint.supplier_claim_ids
        self.assertEqual(claim.state, "sent")
        self.assertEqual(claim.partner_id, supplier)
        self.assertEqual(claim.claimed_amount, 750.0)
        self.assertTrue(claim.send_8d)
        email = claim.message_ids.filtered(lambda m: m.message_type == "comment")
        # the complaint's photo, chosen by default (and the 8D report when
        # printing_complaint_report is installed)
        self.assertIn("cover.png", email.attachment_ids.mapped("name"))
