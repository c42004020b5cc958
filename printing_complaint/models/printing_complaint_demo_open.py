# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo's open complaints, one at each step: closure, execution,
confirmation, solution (with a walk-in customer), verification,
registration (see printing_complaint_demo.py)."""

from odoo import Command, fields, models


class PrintingComplaintDemo(models.AbstractModel):
    _inherit = "printing.complaint.demo"  # pylint: disable=consider-merging-classes-inherited

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
