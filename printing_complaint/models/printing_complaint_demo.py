# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo complaints, played through the real procedure.

demo/helpdesk_ticket_demo.xml calls printing.complaint.demo._play_demo()
once the demo users, orders and invoices exist. Each complaint is played
by the people of the demo company (res_users_demo.xml), each with their
own rights (with_user), through the methods their buttons and the portal
call: logged from an order, verified by QC, investigated, solutions
proposed and approved through the tier reviews, offered, accepted or
rejected, carried out as reprint orders, credit notes and discount codes,
inspected by QC, closed, rated, with their actions. Every record is thus
as consistent as one a user made.

A play takes a second: afterwards _age() moves the complaint's clock back
(see DemoClock), so that its steps took realistic working hours, a few of
them late, and what was done in each step is dated inside it.
"""

import logging
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import Command, api, fields, models
from odoo.tools import SQL, file_open

_logger = logging.getLogger(__name__)

MODULE = "printing_complaint"
# The records made while a complaint is in a step are dated inside it: the
# models and the date each of them keeps (see DemoClock.mark).
DATED = {
    "mail.message": "date",
    "printing.complaint.decision": "date",
    "printing.complaint.inspection": "date",
    "tier.review": "reviewed_date",
    "mgmtsystem.action": "create_date",
    "printing.complaint.meeting": "date",
}
# A 1x1 PNG: the customer's signature of an accepted offer in the portal.
SIGNATURE = (
    b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/"
    b"PchI7wAAAABJRU5ErkJggg=="
)


class DemoClock:
    """What a played complaint did in each step, to date it afterwards.

    mark(ticket) is called before each move of a complaint: it records the
    highest id of each DATED model so far, so that the records created
    between two marks are known to belong to the step in between."""

    def __init__(self, env):
        self.env = env
        self.marks = defaultdict(list)
        self.first = {}

    def _last_ids(self):
        self.env.flush_all()
        # Tracking messages are written at commit: write them now.
        self.env.cr.precommit.run()
        ids = {}
        for model in DATED:
            self.env.cr.execute(
                SQL(
                    "SELECT COALESCE(MAX(id), 0) FROM %s",
                    SQL.identifier(self.env[model]._table),
                )
            )
            ids[model] = self.env.cr.fetchone()[0]
        return ids

    def start(self, key):
        """Before the complaint is created."""
        self.first[key] = self._last_ids()

    def created(self, key, ticket):
        self.first[ticket.id] = self.first.pop(key)

    def mark(self, ticket):
        self.marks[ticket.id].append(self._last_ids())

    def settle(self):
        """After a move: its tracking message, the step's email and the
        closure's rating request are written at commit; write them now,
        inside the step they belong to."""
        self.env.flush_all()
        self.env.cr.precommit.run()


class PrintingComplaintDemo(models.AbstractModel):
    _name = "printing.complaint.demo"
    _description = "Demo complaints played through the procedure"

    # ------------------------------------------------------------------
    # Helpers: who does it, how a step is dated
    # ------------------------------------------------------------------
    def _ref(self, name):
        """A record of this module's demo, or of another's by its full xml id
        (the glue modules' demo plays through the same helpers)."""
        return self.env.ref(name if "." in name else f"{MODULE}.{name}")

    def _user(self, role):
        return self._ref(f"user_demo_{role}")

    def _as(self, role, records):
        return records.with_user(self._user(role))

    def _name_record(self, record, name):
        """The demo record's xml id (noupdate), for the tests and README."""
        self.env["ir.model.data"]._update_xmlids(
            [{"xml_id": f"{MODULE}.{name}", "record": record, "noupdate": True}]
        )
        return record

    def _log(self, clock, key, role, order, lines, vals, photo=True):
        """The rep's Log complaint on a confirmed order (its defaults),
        with the customer's photo as evidence."""
        clock.start(key)
        order = self._ref(order)
        action = self._as(role, order).action_log_complaint()
        vals = dict(
            vals,
            sale_line_ids=[Command.set([self._ref(line).id for line in lines])],
            user_id=self._user("rep").id,
        )
        ticket = (
            self._as(role, self.env["helpdesk.ticket"])
            .with_context(**action["context"])
            .create(vals)
        )
        clock.created(key, ticket)
        if photo:
            self._photo(self._as(role, self.env["ir.attachment"]), ticket)
        ticket.action_acknowledge()
        self._name_record(ticket, key)
        return ticket

    def _photo(self, Attachment, ticket, name="defect.jpg"):
        """The customer's photo, attached to the complaint (evidence)."""
        with file_open(f"{MODULE}/demo/cover_colour_defect.jpg", "rb") as photo:
            raw = photo.read()
        Attachment.create(
            {
                "name": name,
                "raw": raw,
                "res_model": "helpdesk.ticket",
                "res_id": ticket.id,
            }
        )

    def _next(self, clock, role, ticket):
        clock.mark(ticket)
        self._as(role, ticket).action_next_step()
        clock.settle()

    def _propose(self, role, ticket, type_name, key, **vals):
        vals = dict(
            vals,
            ticket_id=ticket.id,
            type_id=self._ref(type_name).id,
        )
        if "sale_line_ids" in vals:
            vals["sale_line_ids"] = [
                Command.set([self._ref(line).id for line in vals["sale_line_ids"]])
            ]
        solution = self._as(role, self.env["printing.complaint.solution"]).create(vals)
        self._as(role, solution).action_request_approval()
        return self._name_record(solution.sudo(False), key)

    def _approve(self, solution, comments):
        """Each pending tier approved by its demo user, in turn."""
        tiers = {
            self._ref("tier_solution_department_head"): ("Department head", None),
            self._ref("tier_solution_finance"): ("Finance sign-off", "finance"),
            self._ref("tier_solution_director"): ("Director", "director"),
        }
        for review in solution.sudo().review_ids.sorted("sequence"):
            if review.status not in ("pending", "waiting"):
                continue
            name, role = tiers[review.definition_id]
            user = self._user(role) if role else solution.sudo().department_head_id
            self._review_as(user, solution, comments.get(name, "OK"))

    def _review_as(self, user, solution, comment):
        action = solution.with_user(user).validate_tier()
        wizard = (
            self.env["comment.wizard"]
            .with_user(user)
            .with_context(**action["context"])
            .create({"comment": comment})
        )
        wizard.add_comment()
        self.env.invalidate_all()

    def _send_offer(self, clock, ticket):
        clock.mark(ticket)
        self._as("rep", ticket).action_send_offer()
        clock.settle()

    def _decide(self, clock, ticket, decision, note, channel="phone"):
        """The rep records the customer's answer (Record customer's decision)."""
        clock.mark(ticket)
        channels = {
            "phone": "helpdesk_mgmt.helpdesk_ticket_channel_phone",
            "email": "helpdesk_mgmt.helpdesk_ticket_channel_email",
            "wechat": f"{MODULE}.channel_wechat",
        }
        answer = self._as("rep", self.env["printing.complaint.decision"]).create(
            {
                "ticket_id": ticket.id,
                "decision": decision,
                "channel_id": self.env.ref(channels[channel]).id,
                "note": note,
            }
        )
        clock.settle()
        return answer

    def _portal_decide(self, clock, ticket, role, decision, note=None, signed_by=None):
        """The customer answers the offer on the complaint's portal page."""
        clock.mark(ticket)
        user = self._user(role)
        answer = ticket.with_user(user)._complaint_portal_decide(
            decision,
            user.partner_id,
            note=note,
            signed_by=signed_by,
            signature=SIGNATURE if signed_by else None,
        )
        clock.settle()
        return answer

    def _inspect(self, solution, result, note):
        return self._as("qc", self.env["printing.complaint.inspection"]).create(
            {"solution_id": solution.id, "result": result, "note": note}
        )

    def _deliver(self, solution):
        """The warehouse delivers the reprinted goods (no stock app: the
        delivered quantities of the reprint order)."""
        for line in solution.sudo().reprint_order_id.order_line:
            line.qty_delivered = line.product_uom_qty

    def _action(self, role, ticket, key, **vals):
        vals = dict(vals, complaint_ids=[Command.set(ticket.ids)])
        vals.setdefault("date_deadline", fields.Date.add(fields.Date.today(), days=10))
        action = self._as(role, self.env["mgmtsystem.action"]).create(vals)
        return self._name_record(action.sudo(False), key)

    def _close_action(self, role, action, evidence):
        self._as(role, action).write(
            {
                "completion_evidence": evidence,
                "stage_id": self.env.ref("mgmtsystem_action.stage_close").id,
            }
        )

    def _rate(self, ticket, score, feedback, channel="phone"):
        channels = {
            "phone": "helpdesk_mgmt.helpdesk_ticket_channel_phone",
            "wechat": f"{MODULE}.channel_wechat",
        }
        wizard = self._as("rep", self.env["printing.complaint.rating.wizard"]).create(
            {
                "ticket_id": ticket.id,
                "score": str(score),
                "feedback": feedback,
                "channel_id": self.env.ref(channels[channel]).id,
            }
        )
        wizard.action_record()

    def _close(self, clock, ticket, summary, lessons):
        """The customer confirmed the closure to the rep, who closes it."""
        rep = self._as("rep", ticket)
        rep.action_confirm_closure()
        rep.write({"closure_summary": summary, "lessons_learned": lessons})
        self._next(clock, "rep", ticket)

    # ------------------------------------------------------------------
    # The plays
    # ------------------------------------------------------------------
    @api.model
    def _play_demo(self):
        """Play every demo complaint, then date their steps."""
        clock = DemoClock(self.env)
        plans = []
        for play in (
            self._play_closed_8d,
            self._play_closed_delivery,
            self._play_closed_not_valid,
            self._play_closure,
            self._play_execution,
            self._play_confirmation,
            self._play_solution,
            self._play_supplier_claim,
            self._play_walk_in,
            self._play_verification,
            self._play_registered,
            self._play_fault,
        ):
            ticket, days_ago, hours = play(clock)
            plans.append((ticket, days_ago, hours))
        for ticket, days_ago, hours in plans:
            self._age(clock, ticket, days_ago, hours)
        self.env.invalidate_all()
        return True

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

    def _play_closure(self, clock):
        """A material fault of the paper supplier, compensated; waiting at
        closure for the customer's confirmation."""
        ticket = self._log(
            clock,
            "complaint_demo_closure",
            "rep",
            "sale_order_harbour_brochures",
            ["sale_order_harbour_brochures_line_2"],
            {
                "name": "Posters: lamination bubbles",
                "description": "<p>Bubbles under the gloss lamination on 40 "
                "posters.</p>",
                "partner_id": self._ref("partner_harbour_travel").id,
                "channel_id": self.env.ref(
                    "helpdesk_mgmt.helpdesk_ticket_channel_email"
                ).id,
                "type_id": self._ref("type_quality").id,
                "request_ids": [Command.set(self._ref("request_compensation").ids)],
                "quantity_affected": 40,
            },
        )
        self._next(clock, "rep", ticket)
        self._as("qc", ticket).write(
            {
                "proof_checked": True,
                "category_id": self._ref("category_lamination").id,
                "severity": "general",
                "validity": "valid",
            }
        )
        self._next(clock, "qc", ticket)
        self._as("qc", ticket).write(
            {
                "responsibility_id": self._ref("responsibility_material").id,
                "supplier_id": self._ref("partner_fine_paper_supplier").id,
                "cause_category": "material",
                "material_requisition_ref": "MR-2026-0602",
                "root_cause": "Humid paper stock before lamination (lot 2611-07).",
                "customer_summary": "The bubbles come from a batch of paper "
                "that had taken up moisture before lamination; we have taken "
                "it up with our paper supplier.",
            }
        )
        goodwill = self._propose(
            "rep",
            ticket,
            "solution_type_goodwill",
            "solution_demo_closure_goodwill",
            amount=320.0,
            compensation_booking="note",
            compensation_given="40 replacement posters",
            description="40 posters replaced from stock, delivered by our driver.",
        )
        self._approve(
            goodwill,
            {
                "Department head": "Claimed from Dongguan Fine Paper.",
                "Finance sign-off": "Booked as a quality cost.",
            },
        )
        self._send_offer(clock, ticket)
        self._decide(clock, ticket, "accepted", "Accepted by email.", channel="email")
        self._as("finance", goodwill).write(
            {"booking_note": "Booked as a quality cost in the month's closing."}
        )
        self._as("finance", goodwill).action_done()
        self._next(clock, "rep", ticket)
        contain = self._action(
            "qc",
            ticket,
            "action_demo_closure_containment",
            name="Quarantine the humid paper lot in stock",
            type_action="immediate",
            containment_scope="stock",
            department="Purchasing",
            user_id=self._user("purchasing").id,
        )
        self._close_action(
            "purchasing",
            contain,
            "Lot 2611-07 (1.2 t) labelled and returned to the supplier.",
        )
        self._action(
            "qc",
            ticket,
            "action_demo_closure_corrective",
            name="Condition paper 24 h in the press room before lamination",
            type_action="correction",
            department="Production",
            user_id=self._user("production").id,
            description="<p>Humidity below 55 %, logged at each lamination run.</p>",
        )
        self._action(
            "qc",
            ticket,
            "action_demo_closure_preventive",
            name="Moisture check of every paper delivery",
            type_action="prevention",
            department="Purchasing",
            user_id=self._user("purchasing").id,
            deployment_processes="Lamination, UV coating, folding-carton die cutting",
        )
        return ticket, 8, [0.5, 1.5, 7.0, 4.0, 10.0]

    def _play_execution(self, clock):
        """A reprint that failed QC and would miss the customer's fair: back
        from execution to the solution step for a price reduction."""
        ticket = self._log(
            clock,
            "complaint_demo_execution",
            "rep",
            "sale_order_greenleaf_cards",
            ["sale_order_greenleaf_cards_line_1"],
            {
                "name": "Business cards: phone number misprinted",
                "description": "<p>12盒名片上的电话号码都印错了一位数字。</p>",
                "partner_id": self._ref("partner_greenleaf_tea_zhou").id,
                "channel_id": self._ref("channel_wechat").id,
                "type_id": self._ref("type_quality").id,
                "request_ids": [Command.set(self._ref("request_reprint").ids)],
                "quantity_affected": 12,
            },
        )
        self._next(clock, "rep", ticket)
        self._as("qc", ticket).write(
            {
                "proof_checked": True,
                "category_id": self._ref("category_wrong_content").id,
                "severity": "general",
                "validity": "valid",
            }
        )
        self._next(clock, "qc", ticket)
        self._as("production", ticket).write(
            {
                "responsibility_id": self._ref("responsibility_production").id,
                "cause_category": "method",
                "root_cause": "Prepress used the previous version of the file.",
                "customer_summary": "Your cards were printed from the "
                "previous version of your file: an error in our prepress.",
            }
        )
        reprint = self._propose(
            "rep",
            ticket,
            "solution_type_reprint",
            "solution_demo_execution_reprint",
            sale_line_ids=["sale_order_greenleaf_cards_line_1"],
            description="Free rush reprint of the 12 boxes.",
            deadline=fields.Date.add(fields.Date.today(), days=3),
        )
        self._approve(
            reprint,
            {
                "Department head": "Reprint from the approved file v3.",
                "Finance sign-off": "OK.",
            },
        )
        self._send_offer(clock, ticket)
        self._decide(
            clock,
            ticket,
            "accepted",
            "Accepted by WeChat; needs the cards by Friday.",
            channel="wechat",
        )
        self._inspect(
            reprint,
            "fail",
            "Phone number right, but the cyan is 5 ΔE off the proof: print again.",
        )
        clock.mark(ticket)
        self._as("rep", self.env["printing.complaint.handling.wizard"]).create(
            {
                "ticket_id": ticket.id,
                "action": "back_to_solution",
                "reason": "The reprint failed QC and will miss the customer's tea "
                "fair on Friday: a price reduction for the trouble.",
            }
        ).action_confirm()
        clock.settle()
        reduction = self._propose(
            "rep",
            ticket,
            "solution_type_price_reduction",
            "solution_demo_execution_reduction",
            sale_line_ids=["sale_order_greenleaf_cards_line_1"],
            amount=100.0,
            description="100 off the cards' invoice for the late reprint.",
        )
        self._approve(
            reduction,
            {"Department head": "Agreed.", "Finance sign-off": "Credit note drafted."},
        )
        self._send_offer(clock, ticket)
        self._decide(clock, ticket, "accepted", "Accepted by phone.")
        self._inspect(
            reprint, "pass", "Second reprint: text and colour match the proof."
        )
        return ticket, 6, [0.3, 2.0, 5.0, 3.0, 20.0, 4.0, 2.0]

    def _play_confirmation(self, clock):
        """A batch of catalogues to rebind: the customer rejected a price
        reduction in the portal; the rework, approved by the director (its
        cost is above the company's threshold), waits for their answer."""
        ticket = self._log(
            clock,
            "complaint_demo_confirmation",
            "rep",
            "sale_order_pearl_catalogues",
            ["sale_order_pearl_catalogues_line_1"],
            {
                "name": "Catalogue pages falling out",
                "description": "<p>多本目录的第17-32页从书脊脱落。</p>",
                "partner_id": self._ref("partner_pearl_river_press_chen").id,
                "channel_id": self.env.ref(
                    "helpdesk_mgmt.helpdesk_ticket_channel_phone"
                ).id,
                "type_id": self._ref("type_quality").id,
                "request_ids": [Command.set(self._ref("request_reprint").ids)],
                "quantity_affected": 600,
            },
        )
        self._next(clock, "rep", ticket)
        self._as("qc", ticket).write(
            {
                "proof_checked": True,
                "category_id": self._ref("category_binding").id,
                "severity": "important",
                "validity": "valid",
                "is_batch_fault": True,
            }
        )
        self._next(clock, "qc", ticket)
        self._as("production", ticket).write(
            {
                "responsibility_id": self._ref("responsibility_production").id,
                "cause_category": "machine",
                "work_order_ref": "WO-2026-0412",
                "why_1": "Pages come loose: the glue did not hold.",
                "why_2": "The glue was applied below its working temperature.",
                "why_3": "The binder's heater thermostat drifted.",
                "root_cause": "Glue temperature too low on the perfect binder.",
                "customer_summary": "The glue of the binding was applied too "
                "cold on our binding line, so the pages do not hold: our fault.",
            }
        )
        reduction = self._propose(
            "rep",
            ticket,
            "solution_type_price_reduction",
            "solution_demo_confirmation_reduction",
            sale_line_ids=["sale_order_pearl_catalogues_line_1"],
            amount=2000.0,
            description="2,000 off the catalogues' invoice.",
        )
        self._approve(
            reduction,
            {"Department head": "Agreed.", "Finance sign-off": "Within budget."},
        )
        self._send_offer(clock, ticket)
        self._portal_decide(
            clock,
            ticket,
            "portal_pearl",
            "rejected",
            note="我们需要重新装订全部目录，不要折价。"
            " (We need the whole batch rebound, not a price reduction.)",
        )
        rework = self._propose(
            "rep",
            ticket,
            "solution_type_rework",
            "solution_demo_confirmation_rework",
            sale_line_ids=["sale_order_pearl_catalogues_line_1"],
            description="Rebind the 5,000 catalogues free of charge within 5 days.",
            deadline=fields.Date.add(fields.Date.today(), days=5),
        )
        self._approve(
            rework,
            {
                "Department head": "The binder's thermostat is replaced; rebind "
                "on the night shift.",
                "Finance sign-off": "Quality cost of 14,750.",
                "Director": "Approved: the customer's catalogue launch comes first.",
            },
        )
        self._send_offer(clock, ticket)
        return ticket, 4, [0.5, 3.0, 6.0, 14.0, 5.0]

    def _play_solution(self, clock):
        """The same customer's cartons cut off: the 6M cause and category of
        the gift boxes again (a recurring case); the reprint waits for
        finance and the director."""
        ticket = self._log(
            clock,
            "complaint_demo_solution",
            "rep",
            "sale_order_sunrise_boxes",
            ["sale_order_sunrise_boxes_line_1"],
            {
                "name": "Folding cartons cut 1.2 mm off",
                "description": "<p>模切位置偏移："
                "整托盘的彩盒标志面被切进画面1.2毫米。</p>",
                "partner_id": self._ref("partner_sunrise_cosmetics_lin").id,
                "channel_id": self._ref("channel_wechat").id,
                "type_id": self._ref("type_quality").id,
                "request_ids": [Command.set(self._ref("request_reprint").ids)],
                "quantity_affected": 4000,
            },
        )
        self._next(clock, "rep", ticket)
        self._as("qc", ticket).write(
            {
                "proof_checked": True,
                "category_id": self._ref("category_cutting").id,
                "measured_deviation": 1.2,
                "severity": "major",
                "validity": "valid",
            }
        )
        self._next(clock, "qc", ticket)
        self._as("production", ticket).write(
            {
                "responsibility_id": self._ref("responsibility_production").id,
                "cause_category": "machine",
                "work_order_ref": "WO-2026-0455",
                "root_cause": "The die chase of die-cutter 1 was not locked.",
                "customer_summary": "The cartons were cut off because a part "
                "of our cutting machine was not locked: our fault.",
            }
        )
        reprint = self._propose(
            "rep",
            ticket,
            "solution_type_reprint",
            "solution_demo_solution_reprint",
            sale_line_ids=["sale_order_sunrise_boxes_line_1"],
            quantity=4000,
            description="Free reprint of the 4,000 cartons of the pallet.",
            deadline=fields.Date.add(fields.Date.today(), days=6),
        )
        head = reprint.sudo().department_head_id
        self._review_as(head, reprint, "Reprint on die-cutter 3 tomorrow.")
        return ticket, 2, [0.4, 3.5]

    def _play_walk_in(self, clock):
        """A walk-in customer of the print counter (图文快印店): no sale order,
        the job bag and what she paid; a compensation waits for approval (a
        reprint, made from an order, is not possible)."""
        key = "complaint_demo_walk_in"
        clock.start(key)
        ticket = self._as("rep", self.env["helpdesk.ticket"]).create(
            {
                "name": "Business cards cut crooked",
                "description": "<p>200张名片裁切歪斜，边缘留白不一致。</p>",
                "team_id": self._ref("helpdesk_team_complaints").id,
                "partner_id": self._ref("partner_walk_in_li").id,
                "channel_id": self._ref("channel_walk_in").id,
                "type_id": self._ref("type_quality").id,
                "job_reference": "J-2611-031",
                "job_amount": 180.0,
                "request_ids": [Command.set(self._ref("request_refund").ids)],
                "quantity_affected": 200,
                "user_id": self._user("rep").id,
            }
        )
        clock.created(key, ticket)
        self._photo(self._as("rep", self.env["ir.attachment"]), ticket, "cards.jpg")
        ticket.action_acknowledge()
        self._name_record(ticket, key)
        self._next(clock, "rep", ticket)
        self._as("qc", ticket).write(
            {
                "proof_checked": True,
                "category_id": self._ref("category_cutting").id,
                "measured_deviation": 1.0,
                "severity": "general",
                "validity": "valid",
            }
        )
        self._next(clock, "qc", ticket)
        self._as("production", ticket).write(
            {
                "responsibility_id": self._ref("responsibility_production").id,
                "cause_category": "man",
                "root_cause": "The guillotine's back gauge was set by eye.",
                "customer_summary": "Your cards were cut crooked at our "
                "counter's guillotine: our fault.",
            }
        )
        self._propose(
            "rep",
            ticket,
            "solution_type_compensation",
            "solution_demo_walk_in_compensation",
            amount=60.0,
            compensation_given="A third of the job paid back",
            description="A third of the 180.00 paid, on a credit note.",
            deadline=fields.Date.add(fields.Date.today(), days=3),
        )
        return ticket, 1, [0.3, 2.0]

    def _play_verification(self, clock):
        """Filed by the customer in the portal, with a photo; QC measures."""
        clock.start("complaint_demo_verification")
        user = self._user("portal_harbour")
        Ticket = self.env["helpdesk.ticket"].with_user(user)
        order = self._ref("sale_order_harbour_brochures")
        vals = Ticket._complaint_portal_order_vals(
            user.partner_id,
            order.id,
            [self._ref("sale_order_harbour_brochures_line_1").id],
            800,
        )
        vals.update(
            {
                "name": "Brochure blue much darker than the proof",
                "description": "<p>The sky on the cover is visibly darker than on "
                "the signed proof.</p>",
                "request_ids": [Command.set(self._ref("request_reprint").ids)],
            }
        )
        # As the portal's form does (controllers/portal.py).
        ticket = Ticket.sudo().create(vals)
        ticket.message_subscribe(partner_ids=user.partner_id.ids)
        clock.created("complaint_demo_verification", ticket)
        self._photo(ticket.env["ir.attachment"], ticket, "cover_sky.jpg")
        self._name_record(ticket.sudo(False), "complaint_demo_verification")
        ticket = ticket.sudo(False).with_env(self.env)
        self._next(clock, "rep", ticket)
        self._as("qc", ticket).write(
            {
                "category_id": self._ref("category_colour").id,
                "measured_deviation": 4.2,
                "severity": "important",
            }
        )
        return ticket, 1, [0.6]

    def _play_registered(self, clock):
        ticket = self._log(
            clock,
            "complaint_demo_registered",
            "rep",
            "sale_order_northwind_posters",
            ["sale_order_northwind_posters_line_1"],
            {
                "name": "Posters arrived with creased corners",
                "description": "<p>Around 200 of the 1,500 A2 posters have creased "
                "corners; the tube was crushed.</p>",
                "partner_id": self._ref("partner_northwind_events").id,
                "channel_id": self.env.ref(
                    "helpdesk_mgmt.helpdesk_ticket_channel_email"
                ).id,
                "type_id": self._ref("type_packaging").id,
                "request_ids": [Command.set(self._ref("request_reprint").ids)],
                "quantity_affected": 200,
            },
        )
        return ticket, 0, []

    # ------------------------------------------------------------------
    # The clock moved back
    # ------------------------------------------------------------------
    def _age(self, clock, ticket, days_ago, hours):
        """Date the complaint's steps: it was received days_ago days ago
        (09:10 in the company's time zone) and spent hours[i] working hours
        in its i-th step (stage history line); the open step runs from the
        last exit until now. Deadlines, working hours and lateness are
        computed as the procedure computes them, and every record made in a
        step (messages, reviews, decisions, inspections, actions) is dated
        inside it."""
        ticket = ticket.sudo()
        company = ticket.company_id
        calendar = company.resource_calendar_id
        limits = self.env["printing.complaint.time.limit"]._limits_by_key(company)
        lines = ticket.stage_history_ids.sorted("id")
        now = fields.Datetime.now()
        tz = pytz.timezone(calendar.tz or "UTC")
        for attempt in range(60):
            day = fields.Date.today() - timedelta(days=days_ago + attempt)
            start = (
                tz.localize(datetime.combine(day, time(9, 10)))
                .astimezone(pytz.utc)
                .replace(tzinfo=None)
            )
            if not hours:
                start = now - timedelta(minutes=25)
            elif not calendar.get_work_hours_count(start, start + timedelta(hours=1)):
                continue  # received on a working day
            windows = []
            moment = start
            for line, spent in zip(lines, hours, strict=False):
                end = calendar.plan_hours(spent, moment, compute_leaves=True)
                windows.append((line, moment, end))
                moment = end
            if moment < now - timedelta(minutes=30):
                break
        for line in lines[len(hours) :]:
            windows.append((line, moment, None))
        for line, entry, exit_ in windows:
            clock_severity = "major" if ticket.is_safety else line.severity
            limit = limits.get((company.id, line.step, clock_severity))
            deadline = (
                calendar.plan_hours(limit, entry, compute_leaves=True)
                if limit and line.step != "closed"
                else None
            )
            values = {
                "entry_date": entry,
                "exit_date": exit_,
                "deadline": deadline,
                "working_hours": round(calendar.get_work_hours_count(entry, exit_), 2)
                if exit_
                else 0.0,
                "is_late": bool(deadline and exit_ and exit_ > deadline),
            }
            self.env.cr.execute(
                SQL(
                    "UPDATE printing_complaint_stage_history SET entry_date = %s,"
                    " exit_date = %s, deadline = %s, working_hours = %s,"
                    " is_late = %s WHERE id = %s",
                    values["entry_date"],
                    values["exit_date"],
                    values["deadline"],
                    values["working_hours"],
                    values["is_late"],
                    line.id,
                )
            )
        self._date_records(clock, ticket, windows, now)
        last_entry, last_line = windows[-1][1], windows[-1][0]
        self.env.invalidate_all()
        ticket = ticket.browse(ticket.id).sudo()
        last_line = last_line.browse(last_line.id)
        first_exit = windows[0][2] or now
        vals = {
            "received_date": start,
            "acknowledged_date": min(start + timedelta(minutes=12), first_exit),
            "step_entry_date": last_entry,
            "step_deadline": last_line.deadline,
            "last_progress_date": min(last_entry + timedelta(minutes=30), now),
        }
        if ticket.date_found:
            # found the day before it was received (not the day of the demo)
            vals["date_found"] = (start - timedelta(days=1)).date()
        if ticket.complaint_step == "closed":
            vals["closed_date"] = last_entry
        if ticket.closure_confirmed:
            closure = [w for w in windows if w[0].step == "closure"][-1]
            vals["closure_confirmed_date"] = (
                closure[1] + ((closure[2] or now) - closure[1]) / 2
            )
        ticket.with_context(tracking_disable=True).write(vals)
        self.env.cr.execute(
            SQL(
                "UPDATE helpdesk_ticket SET create_date = %s WHERE id = %s",
                start,
                ticket.id,
            )
        )
        # The open step's activity is due at the step's deadline.
        if ticket.step_deadline:
            ticket.activity_ids.filtered(
                lambda a: a.activity_type_id.res_model in (False, "helpdesk.ticket")
                and a.date_deadline >= fields.Date.today()
                and a.date_deadline > ticket.step_deadline.date()
            ).write({"date_deadline": ticket.step_deadline.date()})
        self._date_solutions(ticket, windows, now)
        self.env.invalidate_all()

    @staticmethod
    def _moment_inside(calendar, entry, end, hours, share):
        """The moment share (0 to 1) of the way through a step, counted in
        working hours (in wall-clock time for a step of none)."""
        if hours <= 0:
            return entry + (end - entry) * share
        moment = calendar.plan_hours(hours * share, entry, compute_leaves=True)
        return min(max(moment, entry), end)

    def _date_records(self, clock, ticket, windows, now):
        """Spread the records made in each step inside its window."""
        calendar = ticket.company_id.resource_calendar_id
        bounds = [clock.first[ticket.id], *clock.marks[ticket.id]]
        if len(bounds) != len(windows):
            _logger.warning(
                "Demo complaint %s: %s marks for %s steps.",
                ticket.number,
                len(bounds),
                len(windows),
            )
        for model, field in DATED.items():
            records = self._ticket_records(model, ticket)
            for index, (_line, entry, exit_) in enumerate(windows):
                low = bounds[index][model] if index < len(bounds) else 2**31
                high = bounds[index + 1][model] if index + 1 < len(bounds) else 2**31
                inside = records.filtered(lambda r, lo=low, hi=high: lo < r.id <= hi)
                if not inside:
                    continue
                end = exit_ or now
                hours = calendar.get_work_hours_count(entry, end)
                if not exit_:
                    # The open step: what was done in it, done on entering.
                    hours = min(hours, 0.5 * len(inside))
                for rank, record in enumerate(inside.sorted("id"), start=1):
                    if field == "reviewed_date" and not record[field]:
                        continue
                    moment = self._moment_inside(
                        calendar, entry, end, hours, rank / (len(inside) + 1)
                    )
                    if model == "printing.complaint.decision":
                        # The customer's answer is what moved it on.
                        moment = entry
                    self.env.cr.execute(
                        SQL(
                            "UPDATE %s SET %s = %s WHERE id = %s",
                            SQL.identifier(record._table),
                            SQL.identifier(field),
                            moment,
                            record.id,
                        )
                    )

    def _ticket_records(self, model, ticket):
        Model = self.env[model].sudo()
        if model == "mail.message":
            return Model.search(
                [("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
            )
        if model == "tier.review":
            return Model.with_context(active_test=False).search(
                [
                    ("model", "=", "printing.complaint.solution"),
                    (
                        "res_id",
                        "in",
                        ticket.with_context(active_test=False).solution_ids.ids,
                    ),
                ]
            )
        if model == "mgmtsystem.action":
            return ticket.capa_action_ids
        return Model.search([("ticket_id", "=", ticket.id)])

    def _date_solutions(self, ticket, windows, now):
        """A solution is done in the last execution step; an action is due
        ten days after it was filed, closed before the complaint closed, and
        its effectiveness verified 90 days after."""
        executions = [w for w in windows if w[0].step == "execution"]
        if executions:
            _line, entry, exit_ = executions[-1]
            done = entry + ((exit_ or now) - entry) * 0.6
            for solution in ticket.solution_ids.filtered("done_date"):
                self.env.cr.execute(
                    SQL(
                        "UPDATE printing_complaint_solution SET done_date = %s"
                        " WHERE id = %s",
                        done,
                        solution.id,
                    )
                )
        if executions:
            self._date_documents(ticket, executions[0][1])
        closed_at = ticket.closed_date or now
        for action in ticket.capa_action_ids:
            self.env.invalidate_all()
            action = action.browse(action.id).sudo()
            created = action.create_date
            vals = {"date_deadline": (created + timedelta(days=10)).date()}
            if action.date_closed:
                closed = min(created + (closed_at - created) * 0.8, now)
                vals["date_closed"] = closed
                if action.verification_date:
                    vals["verification_date"] = (closed + timedelta(days=90)).date()
            self.env.cr.execute(
                SQL(
                    "UPDATE mgmtsystem_action SET %s WHERE id = %s",
                    SQL(", ").join(
                        SQL("%s = %s", SQL.identifier(name), value)
                        for name, value in vals.items()
                    ),
                    action.id,
                )
            )
        for rating in ticket.rating_ids:
            self.env.cr.execute(
                SQL(
                    "UPDATE rating_rating SET create_date = %s, write_date = %s"
                    " WHERE id = %s",
                    min(closed_at + timedelta(hours=2), now),
                    min(closed_at + timedelta(hours=2), now),
                    rating.id,
                )
            )

    def _date_documents(self, ticket, accepted):
        """The reprint orders and credit notes date from the customer's
        acceptance (the day execution started); a credit note stays in the
        year its number was given in."""
        solutions = ticket.with_context(active_test=False).solution_ids
        for order in solutions.reprint_order_id:
            self.env.cr.execute(
                SQL(
                    "UPDATE sale_order SET date_order = %s, create_date = %s"
                    " WHERE id = %s",
                    accepted,
                    accepted,
                    order.id,
                )
            )
        for move in solutions.credit_note_ids:
            # Never before the year of its number (RINV/2026/...).
            day = max(accepted.date(), move.date.replace(month=1, day=1))
            self.env.cr.execute(
                SQL(
                    "UPDATE account_move SET date = %s, invoice_date = %s,"
                    " invoice_date_due = %s WHERE id = %s",
                    day,
                    day,
                    day,
                    move.id,
                )
            )
            self.env.cr.execute(
                SQL(
                    "UPDATE account_move_line SET date = %s WHERE move_id = %s",
                    day,
                    move.id,
                )
            )
