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
        self._date_customer_orders([ticket for ticket, _days, _hours in plans])
        self.env.invalidate_all()
        return True
