# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo's supplier claim: a material fault of the paper supplier,
claimed back by purchasing, answered by the supplier by email, its vendor
credit note drafted for finance."""

from odoo import Command, fields, models


class PrintingComplaintDemo(models.AbstractModel):
    _inherit = "printing.complaint.demo"  # pylint: disable=consider-merging-classes-inherited

    def _play_supplier_claim(self, clock):
        """Brochures printed on a coated paper lot that cracks at the fold:
        QC finds the supplier's paper at fault, purchasing claims the cost
        from Dongguan Fine Paper, who accepts part of it."""
        ticket = self._log(
            clock,
            "complaint_demo_supplier_claim",
            "rep",
            "sale_order_harbour_brochures",
            ["sale_order_harbour_brochures_line_1"],
            {
                "name": "Brochures: paper cracks along the fold",
                "description": "<p>折页处纸张开裂，约3000份宣传册都有裂纹。</p>",
                "partner_id": self._ref("partner_harbour_travel").id,
                "channel_id": self.env.ref(
                    "helpdesk_mgmt.helpdesk_ticket_channel_phone"
                ).id,
                "type_id": self._ref("type_quality").id,
                "request_ids": [Command.set(self._ref("request_reprint").ids)],
                "quantity_affected": 3000,
                "date_found": fields.Date.today(),
            },
        )
        self._next(clock, "rep", ticket)
        self._as("qc", ticket).write(
            {
                "proof_checked": True,
                "category_id": self._ref("category_paper").id,
                "severity": "important",
                "validity": "valid",
            }
        )
        self._next(clock, "qc", ticket)
        self._as("qc", ticket).write(
            {
                "responsibility_id": self._ref("responsibility_material").id,
                "supplier_id": self._ref("partner_fine_paper_supplier").id,
                "cause_category": "material",
                "material_requisition_ref": "MR-2026-0655",
                "root_cause": "Coated paper lot 2611-12 too dry and brittle: it "
                "cracks when folded.",
                "customer_summary": "The paper of your brochures came from a "
                "faulty lot of our supplier; we reprint them on a checked lot.",
            }
        )
        # The claim is made in the solution step: no mark (a mark is a move).
        claim = self._as("purchasing", self.env["printing.complaint.supplier.claim"])
        claim = claim.create(
            {
                "ticket_id": ticket.id,
                "kind": "supplier",
                "claimed_amount": 1800.0,
                "description": "Paper lot 2611-12 cracks at the fold: 3,000 "
                "brochures to reprint (paper, press time, finishing).",
                "evidence_ids": [Command.set(ticket.evidence_ids.ids)],
            }
        )
        self._name_record(claim.sudo(False), "supplier_claim_demo")
        claim.action_send()
        supplier = self._ref("partner_fine_paper_supplier")
        # The supplier's own words, as their email brought them.
        reply = (
            "我们确认2611-12批次纸张含水率偏低，同意赔偿纸张费用1200元。"
            " (We confirm lot 2611-12 was too dry and accept 1,200 for the paper.)"
        )
        claim.sudo().message_post(
            body=reply,
            author_id=supplier.id,
            message_type="email",
            subtype_xmlid="mail.mt_comment",
        )
        claim.write(
            {
                "accepted_amount": 1200.0,
                "supplier_answer": "Lot 2611-12 confirmed too dry; the paper "
                "(1,200) is credited, not the press time.",
            }
        )
        claim.action_record_answer()
        clock.settle()
        return ticket, 3, [0.5, 3.0]
