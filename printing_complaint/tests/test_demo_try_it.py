# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The README's "Try it": one complaint through the procedure, role by
role, on the demo database, with the demo users and what their buttons
call. A step that stops working on the demo fails here."""

import base64

from odoo import Command
from odoo.tests import tagged

from .common import PNG
from .test_demo_data import DemoCase


@tagged("post_install", "-at_install")
class TestDemoTryIt(DemoCase):
    def as_(self, role, records):
        return records.with_user(self.user(role))

    def review(self, role, solution, comment):
        action = self.as_(role, solution).validate_tier()
        self.as_(role, self.env["comment.wizard"]).with_context(
            **action["context"]
        ).create({"comment": comment}).add_comment()
        self.env.invalidate_all()

    def test_ten_minutes_through_one_complaint(self):
        order = self.ref("sale_order_northwind_posters")
        cards = self.ref("sale_order_northwind_posters_line_2")
        # 1. rep / rep: Sales > the order > Log complaint; the business
        # cards' line, the request, a photo in the chatter; Next step.
        action = self.as_("rep", order).action_log_complaint()
        complaint = (
            self.as_("rep", self.env["helpdesk.ticket"])
            .with_context(**action["context"])
            .create(
                {
                    "name": "Business cards: logo in the wrong blue",
                    "description": "<p>The logo is much lighter than the proof.</p>",
                    "sale_line_ids": [Command.set(cards.ids)],
                    "request_ids": [Command.set(self.ref("request_reprint").ids)],
                }
            )
        )
        self.assertEqual(complaint.partner_id, order.partner_id)
        self.assertTrue(complaint.acknowledged_date)  # the email thanked them
        self.as_("rep", self.env["ir.attachment"]).create(
            {
                "name": "logo.png",
                "raw": PNG,
                "res_model": "helpdesk.ticket",
                "res_id": complaint.id,
            }
        )
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "verification")
        # 2. qc / qc: Classification tab; Next step.
        qc = self.as_("qc", complaint)
        qc.write(
            {
                "proof_checked": True,
                "category_id": self.ref("category_colour").id,
                "measured_deviation": 4.5,
                "severity": "important",
                "validity": "valid",
            }
        )
        qc.action_next_step()
        self.assertEqual(complaint.complaint_step, "solution")
        # 3. production / production: Investigation tab.
        self.as_("production", complaint).write(
            {
                "responsibility_id": self.ref("responsibility_production").id,
                "cause_category": "material",
                "root_cause": "Wrong Pantone ink mixed for the logo.",
                "customer_summary": "The logo was printed with a wrong blue "
                "ink mixed in our ink room: our fault.",
            }
        )
        # 4. rep / rep: Solutions tab, a partial refund; Request approval.
        refund = self.as_("rep", self.env["printing.complaint.solution"]).create(
            {
                "ticket_id": complaint.id,
                "type_id": self.ref("solution_type_partial_refund").id,
                "sale_line_ids": [Command.set(cards.ids)],
                "amount": 30.0,
            }
        )
        self.as_("rep", refund).action_request_approval()
        # 5. production / production, then 6. finance / finance: To approve.
        to_approve = self.as_(
            "production", self.env["printing.complaint.solution"]
        ).search([("can_review", "=", True)])
        self.assertIn(refund, to_approve)
        self.review("production", refund, "Agreed")
        self.review("finance", refund, "OK")
        self.assertEqual(refund.state, "approved")
        # 7. rep / rep: Send offer; Record customer's decision: accepted.
        self.as_("rep", complaint).action_send_offer()
        self.as_("rep", self.env["printing.complaint.decision"]).create(
            {
                "ticket_id": complaint.id,
                "decision": "accepted",
                "channel_id": self.env.ref(
                    "helpdesk_mgmt.helpdesk_ticket_channel_phone"
                ).id,
                "note": "OK by phone",
            }
        )
        self.assertEqual(complaint.complaint_step, "execution")
        # 8. finance / finance: the complaint's Credit notes > Confirm.
        self.as_("finance", refund.credit_note_ids).action_post()
        self.assertEqual(refund.state, "done")
        # 9. rep / rep: Next step (closure).
        self.as_("rep", complaint).action_next_step()
        # 10. qc / qc: Closure tab, a corrective action owned by production.
        self.as_("qc", self.env["mgmtsystem.action"]).create(
            {
                "name": "Check the Pantone of every logo before the run",
                "type_action": "correction",
                "complaint_ids": [Command.set(complaint.ids)],
                "user_id": self.user("production").id,
            }
        )
        # 11. rep / rep: Customer confirmed closure, summary and lessons,
        # Next step; Record rating.
        rep = self.as_("rep", complaint)
        rep.action_confirm_closure()
        rep.write(
            {
                "closure_summary": "30 refunded on the cards' invoice.",
                "lessons_learned": "Check the Pantone of logos.",
            }
        )
        rep.action_next_step()
        self.assertEqual(complaint.complaint_step, "closed")
        self.as_("rep", self.env["printing.complaint.rating.wizard"]).create(
            {"ticket_id": complaint.id, "score": "5"}
        ).action_record()
        self.assertEqual(complaint.rating_ids.filtered("consumed").rating, 5.0)

    def test_the_waiting_demo_complaints(self):
        """The README's other doors: finance and the director approve the
        cartons' reprint, Pearl River accepts the rework in the portal."""
        reprint = self.ref("solution_demo_solution_reprint")
        self.review("finance", reprint, "OK")
        self.review("director", reprint, "Approved")
        self.assertEqual(reprint.state, "approved")
        complaint = self.ref("complaint_demo_confirmation")
        pearl = self.user("portal_pearl")
        complaint.with_user(pearl)._complaint_portal_decide(
            "accepted",
            pearl.partner_id,
            signed_by="Chen Jing",
            signature=base64.b64encode(PNG),
        )
        self.assertEqual(complaint.complaint_step, "execution")
        self.assertEqual(
            self.ref("solution_demo_confirmation_rework").state, "in_execution"
        )
