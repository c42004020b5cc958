# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from contextlib import contextmanager

import pytz

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user

# A 1x1 PNG: the photo a customer sends.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/"
    "PchI7wAAAABJRU5ErkJggg=="
)


def public_holidays_in_utc(calendar):
    """The public holidays of a working schedule (its global leaves), as the
    same days and hours of the clock in a schedule counted in UTC: the demo
    company's holidays (China's, in Beijing time) stay holidays in the tests'
    working week, so that the tests run at a public holiday meet one."""
    tz = pytz.timezone(calendar.tz or "UTC")

    def wall_clock(moment):
        return pytz.utc.localize(moment).astimezone(tz).replace(tzinfo=None)

    return [
        {
            "name": leave.name,
            "date_from": wall_clock(leave.date_from),
            "date_to": wall_clock(leave.date_to),
        }
        for leave in calendar.global_leave_ids
    ]


def complaint_at_solution_step(env, rep):
    """For browser and HTTP tests (HttpCase cannot share ComplaintCase): an
    invoiced order of a customer and its valid complaint of the production
    department, owned by rep, at the solution step."""
    team = env.ref("printing_complaint.helpdesk_team_complaints")
    team.user_ids = [Command.link(rep.id)]
    customer = env["res.partner"].create(
        {
            "name": "Lotus Printing Buyer Ltd.",
            "email": "buyer@lotus.example.com",
            "is_company": True,
        }
    )
    product = env["product.product"].create(
        {"name": "Brochure A4", "list_price": 0.5, "invoice_policy": "order"}
    )
    order = env["sale.order"].create(
        {
            "partner_id": customer.id,
            "user_id": rep.id,
            "order_line": [
                Command.create({"product_id": product.id, "product_uom_qty": 5000})
            ],
        }
    )
    order.action_confirm()
    order._create_invoices().action_post()
    complaint = env["helpdesk.ticket"].create(
        {
            "name": "Cover colour darker than the proof",
            "description": "<p>Dark blue.</p>",
            "team_id": team.id,
            "partner_id": customer.id,
            "sale_order_id": order.id,
            "sale_line_ids": [Command.set(order.order_line.ids)],
            "user_id": rep.id,
            "acknowledged_date": fields.Datetime.now(),
            "request_ids": [
                Command.set(env.ref("printing_complaint.request_reprint").ids)
            ],
        }
    )
    env["ir.attachment"].create(
        {
            "name": "cover.png",
            "raw": PNG,
            "res_model": "helpdesk.ticket",
            "res_id": complaint.id,
        }
    )
    return bring_to_solution_step(env, complaint)


def bring_to_solution_step(env, complaint):
    """The company handles a registered complaint: verified as a valid colour
    defect, then found a production fault."""
    complaint.action_next_step()
    complaint.write(
        {
            "proof_checked": True,
            "category_id": env.ref("printing_complaint.category_colour").id,
            "validity": "valid",
        }
    )
    complaint.action_next_step()
    complaint.write(
        {
            "responsibility_id": env.ref(
                "printing_complaint.responsibility_production"
            ).id,
            "root_cause": "Ink density too high",
            "customer_summary": "The cover was printed too dark on our press.",
        }
    )
    return complaint


def complaint_with_apology_offered(env, rep, head):
    """For browser and HTTP tests: a complaint whose apology, proposed by rep,
    was approved by the department head and offered to the customer."""
    complaint = complaint_at_solution_step(env, rep)
    return offer_apology(env, complaint, rep, head)


def offer_apology(env, complaint, rep, head):
    """rep proposes an apology, the production head approves it, and it is
    offered to the customer."""
    env.ref("printing_complaint.responsibility_production").head_user_id = head
    solution = (
        env["printing.complaint.solution"]
        .with_user(rep)
        .create(
            {
                "ticket_id": complaint.id,
                "type_id": env.ref("printing_complaint.solution_type_apology").id,
                "description": "A written apology and a QC check on blue covers",
            }
        )
    )
    solution.action_request_approval()
    solution.with_user(head)._validate_tier()
    complaint.action_send_offer()
    return complaint


def complaint_at_closure_step(env, rep, head):
    """For browser and HTTP tests: a complaint whose apology was approved by
    the department head, accepted by the customer and carried out, at the
    closure step; QC filed its corrective action."""
    complaint = complaint_with_apology_offered(env, rep, head)
    env["printing.complaint.decision"].create(
        {"ticket_id": complaint.id, "decision": "accepted", "note": "Fine"}
    )
    complaint.action_next_step()
    env["mgmtsystem.action"].create(
        {
            "name": "Measure the ink density on the first sheets",
            "type_action": "correction",
            "complaint_ids": [Command.set(complaint.ids)],
            "user_id": head.id,
        }
    )
    return complaint


class ComplaintCase(TransactionCase):
    """A printing company with a working week, an order, and the roles."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.company = cls.env.ref("base.main_company")
        # Mon-Fri 8-12 and 13-17, in UTC, so that deadlines are exact.
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Print shop week",
                "tz": "UTC",
                "company_id": cls.company.id,
                "attendance_ids": [
                    Command.create(
                        {
                            "name": f"{day} {period}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": end,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for start, end, period in (
                        (8, 12, "morning"),
                        (13, 17, "afternoon"),
                    )
                ],
            }
        )
        cls.calendar.leave_ids = [
            Command.create(vals)
            for vals in public_holidays_in_utc(cls.company.resource_calendar_id)
        ]
        cls.company.resource_calendar_id = cls.calendar
        cls.team = cls.env.ref("printing_complaint.helpdesk_team_complaints")
        cls.other_team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Complaints South", "is_complaint_team": True}
        )
        cls.stages = {
            stage.complaint_step: stage for stage in cls.team._get_applicable_stages()
        }
        for stage in cls.stages.values():
            stage.team_ids = [Command.link(cls.other_team.id)]
        cls.sales_rep = new_test_user(
            cls.env,
            login="rep_north",
            name="Rep North",
            groups="printing_complaint.group_complaint_sales",
        )
        cls.other_rep = new_test_user(
            cls.env,
            login="rep_south",
            name="Rep South",
            groups="printing_complaint.group_complaint_sales",
        )
        cls.qc_user = new_test_user(
            cls.env,
            login="qc_inspector",
            name="QC Inspector",
            groups="printing_complaint.group_complaint_qc",
        )
        cls.quality_manager = new_test_user(
            cls.env,
            login="quality_manager",
            name="Quality Manager",
            groups="printing_complaint.group_complaint_quality_manager",
        )
        cls.manager = new_test_user(
            cls.env,
            login="complaint_manager",
            name="Complaint Manager",
            groups="printing_complaint.group_complaint_manager",
        )
        cls.finance_user = new_test_user(
            cls.env,
            login="finance_clerk",
            name="Finance Clerk",
            groups="printing_complaint.group_complaint_finance",
        )
        cls.director = new_test_user(
            cls.env,
            login="factory_director",
            name="Factory Director",
            groups="printing_complaint.group_complaint_director",
        )
        cls.production_head = new_test_user(
            cls.env,
            login="production_head",
            name="Production Head",
            groups="printing_complaint.group_complaint_production",
        )
        cls.production = cls.env.ref("printing_complaint.responsibility_production")
        cls.production.head_user_id = cls.production_head
        cls.team.write(
            {"user_ids": [Command.link(cls.sales_rep.id)], "user_id": cls.manager.id}
        )
        cls.other_team.write({"user_ids": [Command.link(cls.other_rep.id)]})
        cls.company.complaint_qc_user_id = cls.qc_user
        cls.customer = cls.env["res.partner"].create(
            {"name": "Lotus Printing Buyer Ltd.", "email": "buyer@lotus.example.com"}
        )
        cls.brochure = cls.env["product.product"].create(
            {"name": "Brochure A4", "list_price": 0.5, "invoice_policy": "order"}
        )
        cls.poster = cls.env["product.product"].create(
            {"name": "Poster A2", "list_price": 2.0, "invoice_policy": "order"}
        )
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "user_id": cls.sales_rep.id,
                "order_line": [
                    Command.create(
                        {"product_id": cls.brochure.id, "product_uom_qty": 5000}
                    ),
                    Command.create(
                        {"product_id": cls.poster.id, "product_uom_qty": 300}
                    ),
                ],
            }
        )
        cls.order.action_confirm()
        cls.colour = cls.env.ref("printing_complaint.category_colour")
        cls.photo_request = cls.env.ref("printing_complaint.request_reprint")

    @contextmanager
    def assertRefused(self, exception, pattern):
        """The call raises exception with a message matching pattern, and
        everything it wrote is rolled back (assertRaises' savepoint)."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)

    # -- solutions ---------------------------------------------------------
    @classmethod
    def _invoice_order(cls, order):
        """Invoice the order and post the invoice, as finance would."""
        invoice = order._create_invoices()
        invoice.action_post()
        return invoice

    def _at_solution_step(self, **values):
        """A valid complaint of the production department, at the solution
        step, whose root cause is known."""
        complaint = self._create_complaint(**values)
        self._registered_complete(complaint)
        complaint.action_next_step()
        complaint.write(
            {
                "proof_checked": True,
                "category_id": self.colour.id,
                "severity": values.get("severity", "important"),
                "validity": "valid",
            }
        )
        complaint.action_next_step()
        complaint.write(
            {
                "responsibility_id": self.production.id,
                "root_cause": "Ink density",
                "customer_summary": "The cover was printed too dark on our press.",
            }
        )
        return complaint

    def _propose(self, complaint, type_xmlid, user=None, **values):
        vals = {
            "ticket_id": complaint.id,
            "type_id": self.env.ref(f"printing_complaint.{type_xmlid}").id,
            "sale_line_ids": [Command.set(complaint.sale_line_ids.ids)],
        }
        vals.update(values)
        Solution = self.env["printing.complaint.solution"]
        return Solution.with_user(user or self.sales_rep).create(vals).sudo(False)

    def _review(self, solution, user, decision="validate", comment="OK"):
        """What the approver does with the Validate / Reject buttons: both
        ask for a comment (the tiers have has_comment)."""
        record = solution.with_user(user)
        action = (
            record.validate_tier() if decision == "validate" else record.reject_tier()
        )
        wizard = (
            self.env["comment.wizard"]
            .with_user(user)
            .with_context(**action["context"])
            .create({"comment": comment})
        )
        wizard.add_comment()
        # Each approval is its own request: what the next reads is fresh.
        self.env.invalidate_all()
        return solution

    def _approve_all(self, solution):
        """Every tier approves, each with its own reviewer."""
        solution.with_user(solution.proposer_id).action_request_approval()
        reviewers = {
            "Department head": solution.department_head_id,
            "Finance sign-off": self.finance_user,
            "Director": self.director,
        }
        for review in solution.review_ids.sorted("sequence"):
            if review.status in ("pending", "waiting"):
                self._review(solution, reviewers[review.name])
        self.assertEqual(solution.state, "approved")
        return solution

    def _offer_and_accept(self, complaint):
        complaint.action_send_offer()
        return self.env["printing.complaint.decision"].create(
            {
                "ticket_id": complaint.id,
                "decision": "accepted",
                "channel_id": self.env.ref(
                    "helpdesk_mgmt.helpdesk_ticket_channel_phone"
                ).id,
                "note": "OK by phone",
            }
        )

    def _deliver(self, order):
        """QC releases the goods of the reprint, which are then delivered."""
        solution = order.complaint_solution_id
        if solution and not solution._qc_released():
            self._inspect(solution, "pass", "Density within tolerance")
        for line in order.order_line:
            line.qty_delivered = line.product_uom_qty

    def _inspect(self, solution, result, note=None, user=None):
        return (
            self.env["printing.complaint.inspection"]
            .with_user(user or self.qc_user)
            .create({"solution_id": solution.id, "result": result, "note": note})
        )

    # -- closure and actions -----------------------------------------------
    def _file_action(self, complaint, kind="correction", user=None, **values):
        """QC files an action of the complaint, owned by production."""
        vals = {
            "name": "Check the ink density at press start",
            "type_action": kind,
            "complaint_ids": [Command.set(complaint.ids)],
            "user_id": self.production_head.id,
            "date_deadline": fields.Date.add(fields.Date.today(), days=10),
        }
        vals.update(values)
        Action = self.env["mgmtsystem.action"].with_user(user or self.qc_user)
        return Action.create(vals).sudo(False)

    def _closure_complete(self, complaint, summary="Done"):
        """Actions filed, the customer's confirmation, summary and lessons."""
        self._file_action(complaint)
        complaint.action_confirm_closure()
        complaint.write(
            {
                "closure_summary": summary,
                "lessons_learned": "Measure the density on the first sheets",
            }
        )

    def _complaint_vals(self, **values):
        vals = {
            "name": "Colour of the cover is off",
            "description": "<p>The blue cover is much darker than the proof.</p>",
            "team_id": self.team.id,
            "partner_id": self.customer.id,
            "sale_order_id": self.order.id,
            "sale_line_ids": [Command.set(self.order.order_line[:1].ids)],
            "user_id": self.sales_rep.id,
            "request_ids": [Command.set(self.photo_request.ids)],
            "quantity_affected": 1200,
        }
        vals.update(values)
        return vals

    def _create_complaint(self, **values):
        return self.env["helpdesk.ticket"].create(self._complaint_vals(**values))

    def _add_photo(self, complaint):
        return self.env["ir.attachment"].create(
            {
                "name": "cover.png",
                "raw": PNG,
                "res_model": "helpdesk.ticket",
                "res_id": complaint.id,
            }
        )

    def _registered_complete(self, complaint):
        self._add_photo(complaint)
        complaint.action_acknowledge()

    def _verification_complete(self, complaint):
        complaint.write(
            {
                "proof_checked": True,
                "category_id": self.colour.id,
                "severity": "important",
                "validity": "valid",
            }
        )
