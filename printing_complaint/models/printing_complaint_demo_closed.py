# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo's closed complaints, played to the end: the 8D case, a delivery
complaint, one not valid (see printing_complaint_demo.py)."""

from datetime import timedelta

from odoo import Command, fields, models


class PrintingComplaintDemo(models.AbstractModel):
    _inherit = "printing.complaint.demo"  # pylint: disable=consider-merging-classes-inherited

    def _play_closed_8d(self, clock):
        """A major batch fault of a B2B customer, handled to the end: the
        8D report's complaint. Containment, a free reprint released by QC
        and delivered, a refund posted by finance, a corrective action
        verified effective, a rating."""
        ticket = self._log(
            clock,
            "complaint_demo_closed_8d",
            "rep",
            "sale_order_sunrise_boxes",
            ["sale_order_sunrise_boxes_line_2"],
            {
                "name": "Gift boxes: die-cut 1 mm off on the whole batch",
                "description": "<p>礼盒的模切位置整体偏了约1毫米，"
                "盒盖上的烫金标志被切到边缘，整批2000个都有问题。</p>",
                "partner_id": self._ref("partner_sunrise_cosmetics_lin").id,
                "channel_id": self.env.ref(
                    "helpdesk_mgmt.helpdesk_ticket_channel_email"
                ).id,
                "type_id": self._ref("type_quality").id,
                "request_ids": [
                    Command.set(
                        [
                            self._ref("request_reprint").id,
                            self._ref("request_refund").id,
                        ]
                    )
                ],
                "quantity_affected": 2000,
                "place_found": "Sunrise's packing line, Guangzhou",
                "date_found": fields.Date.today(),
            },
        )
        self._next(clock, "rep", ticket)
        self._as("qc", ticket).write(
            {
                "proof_checked": True,
                "category_id": self._ref("category_cutting").id,
                "measured_deviation": 1.0,
                "severity": "major",
                "validity": "valid",
                "is_batch_fault": True,
            }
        )
        self._next(clock, "qc", ticket)
        self._as("production", ticket).write(
            {
                "responsibility_id": self._ref("responsibility_production").id,
                "cause_category": "machine",
                "work_order_ref": "WO-2026-0388",
                "material_requisition_ref": "MR-2026-0571",
                "press_log_ref": "Die-cutter 2, shift B",
                "qc_report_ref": "QC-2026-0388",
                "why_1": "The die-cut is 1 mm off on every box.",
                "why_2": "The cutting die moved in its chase during the run.",
                "why_3": "Two locking screws of the chase were loose.",
                "why_4": "The chase is not checked when a die is mounted.",
                "why_5": "The make-ready checklist has no step for it.",
                "root_cause": "Loose cutting die chase on die-cutter 2: the "
                "make-ready checklist does not check its locking.",
                "customer_summary": "Your complaint is confirmed: the boxes "
                "were die-cut 1.5 mm off because a part of our cutting machine "
                "had worked loose. The fault is ours; the machine is repaired "
                "and checked before every run.",
            }
        )
        self._as("qc", ticket).action_plan_containment()
        self._team_closed_8d_kick_off(ticket)
        reprint = self._propose(
            "rep",
            ticket,
            "solution_type_reprint",
            "solution_demo_closed_8d_reprint",
            sale_line_ids=["sale_order_sunrise_boxes_line_2"],
            description="Free rush reprint of the 2,000 gift boxes.",
            deadline=fields.Date.add(fields.Date.today(), days=7),
        )
        refund = self._propose(
            "rep",
            ticket,
            "solution_type_partial_refund",
            "solution_demo_closed_8d_refund",
            sale_line_ids=["sale_order_sunrise_boxes_line_2"],
            amount=980.0,
            description="10 % of the gift boxes refunded for the delay of "
            "the customer's launch.",
        )
        comments = {
            "Department head": "Die-cutter 2 is re-checked; reprint on the day shift.",
            "Finance sign-off": "Within the quality cost budget.",
            "Director": "Approved: an important customer, do it fast.",
        }
        self._approve(reprint, comments)
        self._approve(refund, comments)
        self._send_offer(clock, ticket)
        self._decide(
            clock,
            ticket,
            "accepted",
            "Lin Mei accepted by email: the reprint and the refund.",
            channel="email",
        )
        self._inspect(
            reprint,
            "pass",
            "Die-cut within 0.2 mm on 50 boxes sampled; foil logo intact.",
        )
        self._deliver(reprint)
        self._as("rep", reprint).action_done()
        self._as("finance", refund.sudo().credit_note_ids).action_post()
        self._next(clock, "rep", ticket)
        actions = ticket.sudo().capa_action_ids
        for action in actions.filtered("containment_scope"):
            self._name_record(
                action.sudo(False),
                f"action_demo_closed_8d_contain_{action.containment_scope}",
            )
            self._close_action(
                "production",
                action,
                {
                    "wip": "The boxes on the die-cutter stopped and sorted: "
                    "120 rejected.",
                    "stock": "312 boxes in stock sorted: 40 rejected.",
                    "transit": "No goods in transit.",
                    "customer": "Sunrise sorted the 1,648 boxes delivered.",
                }.get(action.containment_scope, "Contained."),
            )
        corrective = actions.filtered(lambda a: a.type_action == "correction")[:1]
        self._name_record(corrective.sudo(False), "action_demo_closed_8d_corrective")
        self._as("qc", corrective).write(
            {
                "name": "Lock the die chase and check it at every make-ready",
                "defect_rate_before": 3.2,
            }
        )
        self._close_action(
            "production",
            corrective,
            "Make-ready checklist v4 signed by the die-cutting operators.",
        )
        self._as(
            "production", self.env["printing.complaint.effectiveness.wizard"]
        ).create(
            {
                "action_id": corrective.id,
                "result": "effective",
                "evidence": "Die-cut rejects of the last 3 months: 0.3 % "
                "(3.2 % before), no complaint since.",
                "defect_rate_before": 3.2,
                "defect_rate_after": 0.3,
            }
        ).action_record()
        self._action(
            "qc",
            ticket,
            "action_demo_closed_8d_preventive",
            name="Same chase check on die-cutters 1 and 3",
            type_action="prevention",
            department="Production",
            user_id=self._user("production").id,
            deployment_processes="Die cutting, folding-carton gluing",
        )
        self._team_closed_8d_review(ticket)
        self._close(
            clock,
            ticket,
            "2,000 gift boxes reprinted free and delivered after QC's release; "
            "10 % refunded; the die chase is locked and checked at every "
            "make-ready.",
            "A die that moves during the run spoils the whole batch: check "
            "its chase at make-ready.",
        )
        self._rate(ticket, 4, "Fast reprint, but our launch slipped two days.")
        return ticket, 130, [0.5, 2.5, 9.0, 3.0, 40.0, 6.0]

    def _play_closed_delivery(self, clock):
        """A delivery complaint: brochures late for a travel fair, a discount
        code on the next order, an apology."""
        ticket = self._log(
            clock,
            "complaint_demo_closed_delivery",
            "rep",
            "sale_order_harbour_brochures",
            ["sale_order_harbour_brochures_line_1"],
            {
                "name": "Brochures delivered three days late for the travel fair",
                "description": "<p>The brochures promised for Monday arrived on "
                "Thursday, after the first day of the travel fair.</p>",
                "partner_id": self._ref("partner_harbour_travel_wong").id,
                "channel_id": self.env.ref(
                    "helpdesk_mgmt.helpdesk_ticket_channel_phone"
                ).id,
                "type_id": self._ref("type_delivery").id,
                "request_ids": [
                    Command.set(
                        [
                            self._ref("request_discount").id,
                            self._ref("request_apology").id,
                        ]
                    )
                ],
                "quantity_affected": 10000,
            },
            photo=False,
        )
        self._as("qc", ticket)._complaint_waive_evidence(
            "A late delivery: the carrier's delivery note is the evidence."
        )
        self._next(clock, "rep", ticket)
        self._as("qc", ticket).write(
            {
                "proof_checked": True,
                "category_id": self._ref("category_late_delivery").id,
                # Promised two days before the complaint came in, delivered
                # on the day (the complaint is received 20 days ago).
                "promised_delivery_date": fields.Date.today() - timedelta(days=22),
                "actual_delivery_date": fields.Date.today() - timedelta(days=20),
                "severity": "important",
                "validity": "valid",
            }
        )
        self._next(clock, "qc", ticket)
        self._as("logistics", ticket).write(
            {
                "responsibility_id": self._ref("responsibility_logistics").id,
                "cause_category": "method",
                "why_1": "The brochures left the warehouse on Wednesday.",
                "why_2": "The carrier's pick-up was booked for the wrong day.",
                "why_3": "Pick-ups are booked by phone, from memory.",
                "root_cause": "The carrier pick-up was booked by phone for the "
                "wrong day: no written booking against the promised date.",
                "customer_summary": "Your brochures left our warehouse two "
                "days late: we booked the carrier for the wrong day. The fault "
                "is ours; pick-ups are now booked in writing.",
            }
        )
        discount = self._propose(
            "rep",
            ticket,
            "solution_type_discount",
            "solution_demo_closed_delivery_discount",
            amount=300.0,
            deadline=fields.Date.add(fields.Date.today(), days=180),
            description="300 off the next order of the customer.",
        )
        apology = self._propose(
            "rep",
            ticket,
            "solution_type_apology",
            "solution_demo_closed_delivery_apology",
            description="A written apology from the customer service manager.",
        )
        comments = {
            "Department head": "Agreed; pick-ups are now booked in writing.",
            "Finance sign-off": "300 on the next order is fine.",
        }
        self._approve(discount, comments)
        self._approve(apology, comments)
        self._send_offer(clock, ticket)
        self._portal_decide(
            clock, ticket, "portal_harbour", "accepted", signed_by="Grace Wong"
        )
        self._as("rep", apology).action_done()
        self._next(clock, "rep", ticket)
        self._action(
            "logistics",
            ticket,
            "action_demo_closed_delivery_preventive",
            name="Book every carrier pick-up in writing at order confirmation",
            type_action="prevention",
            department="Logistics",
            user_id=self._user("logistics").id,
        )
        ticket.with_user(
            self._user("portal_harbour")
        )._complaint_portal_confirm_closure(self._user("portal_harbour").partner_id)
        self._as("rep", ticket).write(
            {
                "closure_summary": "Apology sent and a 300 discount code for the "
                "next order; pick-ups are booked in writing.",
                "lessons_learned": "A promised date is kept only if the pick-up "
                "is booked against it.",
            }
        )
        self._next(clock, "rep", ticket)
        self._rate(ticket, 5, "Thank you for the quick answer.", channel="phone")
        return ticket, 20, [0.2, 1.0, 4.0, 2.0, 1.0, 3.0]

    def _play_closed_not_valid(self, clock):
        ticket = self._log(
            clock,
            "complaint_demo_closed_not_valid",
            "rep",
            "sale_order_greenleaf_cards",
            ["sale_order_greenleaf_cards_line_2"],
            {
                "name": "Poster colours slightly dull",
                "description": "<p>茶叶海报上的红色比预期暗一些。</p>",
                "partner_id": self._ref("partner_greenleaf_tea_zhou").id,
                "channel_id": self._ref("channel_wechat").id,
                "type_id": self._ref("type_quality").id,
                "request_ids": [Command.set(self._ref("request_reprint").ids)],
                "quantity_affected": 200,
            },
        )
        self._next(clock, "rep", ticket)
        self._as("qc", ticket).write(
            {
                "proof_checked": True,
                "category_id": self._ref("category_colour").id,
                "measured_deviation": 1.1,
                "severity": "general",
                "validity": "not_valid",
                "invalid_reason": "ΔE 1.1 against the signed proof, within the "
                "agreed tolerance of 3.0.",
            }
        )
        self._next(clock, "qc", ticket)
        return ticket, 10, [0.4, 3.0]
