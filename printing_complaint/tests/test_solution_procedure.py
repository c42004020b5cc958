# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 14: a solution's procedure cannot be bypassed by a direct write.
Each test is the attacker: the role's user writing over the ORM as an RPC
call would, then the same over HTTP."""

import importlib.util
from pathlib import Path

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .common import ComplaintCase, complaint_with_apology_offered


@tagged("post_install", "-at_install")
class TestSolutionProcedure(ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoice = cls._invoice_order(cls.order)
        cls.apology = cls.env.ref("printing_complaint.solution_type_apology")

    def _reviews_history(self, solution):
        return (
            self.env["tier.review"]
            .with_context(active_test=False)
            .search([("model", "=", solution._name), ("res_id", "=", solution.id)])
        )

    def _pending_refund(self, amount=100.0, **complaint_values):
        complaint = self._at_solution_step(**complaint_values)
        solution = self._propose(
            complaint, "solution_type_partial_refund", amount=amount
        )
        solution.with_user(self.sales_rep).action_request_approval()
        return complaint, solution

    # -- 3. the customer's acceptance cannot be forged --------------------
    def test_rep_cannot_write_acceptance_documents_or_dates(self):
        complaint, solution = self._pending_refund()
        for user in (self.production_head, self.finance_user):
            self._review(solution, user)
        complaint.with_user(self.sales_rep).action_send_offer()
        rep_solution = solution.with_user(self.sales_rep)
        for vals in (
            {"state": "accepted"},
            {"reprint_order_id": self.order.id},
            {"done_date": "2026-01-05 10:00:00"},
            {"rejection_note": "Nothing"},
            {"proposer_id": self.other_rep.id},
        ):
            with self.assertRefused(AccessError, "set by its actions"):
                rep_solution.write(vals)
        self.assertEqual(solution.state, "offered")
        self.assertFalse(solution.done_date)
        self.assertEqual(complaint.complaint_step, "confirmation")
        # Finance cannot post the credit note of the unaccepted solution.
        with self.assertRefused(UserError, "not accepted by the customer"):
            solution.credit_note_ids.with_user(self.finance_user).action_post()
        # The customer's decision is what moves it.
        self.env["printing.complaint.decision"].with_user(self.sales_rep).create(
            {"ticket_id": complaint.id, "decision": "accepted", "note": "By phone"}
        )
        self.assertEqual(solution.state, "in_execution")
        self.assertEqual(complaint.complaint_step, "execution")

    def test_nobody_creates_a_solution_past_proposed(self):
        complaint = self._at_solution_step()
        with self.assertRefused(AccessError, "set by its actions"):
            self._propose(complaint, "solution_type_apology", state="accepted")
        self.assertFalse(complaint.solution_ids)

    def test_closure_confirmation_only_through_its_action(self):
        complaint = self._at_solution_step()
        with self.assertRefused(AccessError, "closure confirmation"):
            complaint.with_user(self.sales_rep).write({"closure_confirmed": True})
        with self.assertRefused(AccessError, "closure confirmation"):
            complaint.with_user(self.manager).write(
                {
                    "closure_channel_id": self.env.ref(
                        "helpdesk_mgmt.helpdesk_ticket_channel_phone"
                    ).id
                }
            )
        self.assertFalse(complaint.closure_confirmed)

    # -- 4. nobody approves what they proposed or created -----------------
    def test_head_cannot_name_another_proposer_and_approve_himself(self):
        complaint = self._at_solution_step()
        with self.assertRefused(AccessError, "set by its actions"):
            self._propose(
                complaint,
                "solution_type_apology",
                user=self.production_head,
                proposer_id=self.sales_rep.id,
            )
        solution = self._propose(
            complaint, "solution_type_apology", user=self.production_head
        )
        self.assertEqual(solution.proposer_id, self.production_head)
        with self.assertRefused(AccessError, "set by its actions"):
            solution.with_user(self.production_head).write(
                {"proposer_id": self.sales_rep.id}
            )
        solution.with_user(self.production_head).action_request_approval()
        with self.assertRefused(UserError, "another person must approve"):
            self._review(solution, self.production_head)
        self.assertEqual(solution.validation_status, "pending")
        # The head's tier falls to the team leader, who can approve it.
        self.assertEqual(solution.department_head_id, self.manager)
        self._review(solution, self.manager)
        self.assertEqual(solution.state, "approved")

    def test_head_who_leads_the_team_cannot_send_his_own_for_approval(self):
        self.team.user_id = self.production_head
        complaint = self._at_solution_step()
        solution = self._propose(
            complaint, "solution_type_apology", user=self.production_head
        )
        self.assertFalse(solution.department_head_id)
        with self.assertRefused(UserError, "Nobody can approve"):
            solution.with_user(self.production_head).action_request_approval()
        self.assertFalse(solution.review_ids)
        self.assertEqual(solution.state, "proposed")

    def test_creator_cannot_approve_even_under_another_proposer(self):
        complaint = self._at_solution_step()
        # Created by the head through a privileged path naming the rep.
        solution = (
            self.env["printing.complaint.solution"]
            .with_user(self.production_head)
            .sudo()
            .create(
                {
                    "ticket_id": complaint.id,
                    "type_id": self.apology.id,
                    "proposer_id": self.sales_rep.id,
                }
            )
            .sudo(False)
        )
        solution.with_user(self.sales_rep).action_request_approval()
        with self.assertRefused(UserError, "another person must approve"):
            self._review(solution, self.production_head)
        self.assertEqual(solution.state, "proposed")

    # -- 6. the director cannot be skipped ---------------------------------
    def test_severity_lowered_then_raised_restarts_the_approvals(self):
        complaint = self._at_solution_step(severity="major")
        complaint.with_user(self.sales_rep).severity = "general"
        solution = self._propose(complaint, "solution_type_apology")
        solution.with_user(self.sales_rep).action_request_approval()
        self.assertNotIn("Director", solution.review_ids.mapped("name"))
        self._review(solution, self.production_head)
        self.assertEqual(solution.state, "approved")
        complaint.with_user(self.sales_rep).severity = "major"
        self.assertEqual(solution.state, "proposed")
        self.assertFalse(solution.review_ids)
        self.assertEqual(self._reviews_history(solution).status, "approved")
        self.assertTrue(
            complaint.message_ids.filtered(
                lambda m: "approvals of" in (m.body or "") and "restart" in m.body
            )
        )
        with self.assertRefused(UserError, "not approved yet"):
            complaint.with_user(self.sales_rep).action_send_offer()
        solution.with_user(self.sales_rep).action_request_approval()
        self.assertIn("Director", solution.review_ids.mapped("name"))

    def test_pending_reviews_restart_on_price_and_responsibility(self):
        complaint, solution = self._pending_refund()
        solution.with_user(self.sales_rep).amount = 150.0
        self.assertEqual(solution.validation_status, "no")
        self.assertEqual(len(self._reviews_history(solution)), 2)
        solution.with_user(self.sales_rep).action_request_approval()
        complaint.with_user(self.sales_rep).is_safety = True
        self.assertFalse(solution.review_ids)
        solution.with_user(self.sales_rep).action_request_approval()
        self.assertIn("Director", solution.review_ids.mapped("name"))
        complaint.with_user(self.qc_user).responsibility_id = self.env.ref(
            "printing_complaint.responsibility_logistics"
        )
        self.assertFalse(solution.review_ids)

    def test_director_threshold_reached_restarts_an_approved_solution(self):
        complaint, solution = self._pending_refund(amount=400.0)
        for user in (self.production_head, self.finance_user):
            self._review(solution, user)
        self.assertEqual(solution.state, "approved")
        self.company.complaint_director_threshold = 300.0
        self.assertEqual(solution.state, "proposed")
        self.assertTrue(solution.needs_director)

    def test_fact_change_refused_once_offered(self):
        complaint, solution = self._pending_refund()
        for user in (self.production_head, self.finance_user):
            self._review(solution, user)
        complaint.action_send_offer()
        with self.assertRefused(UserError, "offered to the customer"):
            complaint.with_user(self.sales_rep).severity = "major"
        self.assertEqual(complaint.severity, "important")
        self.assertEqual(solution.state, "offered")
        self.assertEqual(solution.validation_status, "validated")

    # -- 7. head, then finance, then the director --------------------------
    def test_tiers_are_approved_in_order(self):
        complaint, solution = self._pending_refund(severity="major")
        self.assertEqual(
            solution.review_ids.sorted("sequence").mapped("name"),
            ["Department head", "Finance sign-off", "Director"],
        )
        for early in (self.director, self.finance_user):
            with self.assertRefused(UserError, "nothing for you to approve"):
                self._review(solution, early)
        self._review(solution, self.production_head)
        with self.assertRefused(UserError, "nothing for you to approve"):
            self._review(solution, self.director)
        self._review(solution, self.finance_user)
        self.assertEqual(solution.state, "proposed")
        self._review(solution, self.director)
        self.assertEqual(solution.state, "approved")

    def test_migration_sets_the_order_on_existing_databases(self):
        tiers = (
            self.env.ref("printing_complaint.tier_solution_department_head")
            | self.env.ref("printing_complaint.tier_solution_finance")
            | self.env.ref("printing_complaint.tier_solution_director")
        )
        tiers.approve_sequence = False
        path = Path(__file__).parents[1] / "migrations/18.0.1.4.0/post-migration.py"
        spec = importlib.util.spec_from_file_location("pc_post_migration", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "18.0.1.3.0")
        tiers.invalidate_recordset()
        self.assertTrue(all(tiers.mapped("approve_sequence")))

    # -- 14. withdrawing a solution under review ---------------------------
    def test_proposer_withdraws_a_pending_solution_with_a_reason(self):
        complaint, solution = self._pending_refund()
        with self.assertRefused(UserError, "withdraws it, with the reason"):
            solution.with_user(self.sales_rep).action_cancel()
        wizard = (
            self.env["printing.complaint.solution.withdraw.wizard"]
            .with_user(self.sales_rep)
            .create({"solution_id": solution.id, "reason": " "})
        )
        with self.assertRefused(UserError, "reason"):
            wizard.action_withdraw()
        self.assertEqual(solution.state, "proposed")
        wizard.reason = "The customer prefers a reprint"
        wizard.action_withdraw()
        self.assertEqual(solution.state, "cancelled")
        history = self._reviews_history(solution)
        self.assertEqual(len(history), 2)
        self.assertFalse(any(history.mapped("active")))
        self.assertFalse(
            solution.credit_note_ids.filtered(lambda m: m.state == "draft")
        )
        self.assertTrue(
            complaint.message_ids.filtered(
                lambda m: "prefers a reprint" in (m.body or "")
            )
        )

    def test_others_cannot_withdraw_and_manager_can(self):
        complaint, solution = self._pending_refund()
        for user in (self.production_head, self.finance_user):
            self._review(solution, user)
        self.assertEqual(solution.state, "approved")
        # Another team's rep does not even see it; those who do are refused.
        with self.assertRefused(AccessError, "access"):
            solution.with_user(self.other_rep)._withdraw("Too expensive")
        for intruder in (self.qc_user, self.finance_user, self.production_head):
            with self.assertRefused(AccessError, "Only the proposer"):
                solution.with_user(intruder)._withdraw("Too expensive")
        # Nor by deleting the reviews directly.
        with self.assertRefused(AccessError, "tier.review"):
            solution.review_ids.with_user(self.sales_rep).unlink()
        self.assertEqual(solution.state, "approved")
        self.assertEqual(len(solution.review_ids), 2)
        solution.with_user(self.manager).action_withdraw()
        solution.with_user(self.manager)._withdraw("Offer replaced")
        self.assertEqual(solution.state, "cancelled")
        self.assertEqual(solution.credit_note_ids.state, "cancel")
        self.assertEqual(len(self._reviews_history(solution)), 2)

    def test_offered_solution_is_not_withdrawn(self):
        complaint, solution = self._pending_refund()
        for user in (self.production_head, self.finance_user):
            self._review(solution, user)
        complaint.action_send_offer()
        with self.assertRefused(UserError, "not offered yet"):
            solution.with_user(self.sales_rep)._withdraw("Changed my mind")
        self.assertEqual(solution.state, "offered")


@tagged("post_install", "-at_install")
class TestSolutionProcedureHttp(HttpCase):
    """The same writes over JSON-RPC, the context key included."""

    def setUp(self):
        super().setUp()
        self.rep = new_test_user(
            self.env,
            login="http_rep",
            name="HTTP Rep",
            groups="printing_complaint.group_complaint_sales",
        )
        head = new_test_user(
            self.env,
            login="http_head",
            name="HTTP Head",
            groups="printing_complaint.group_complaint_production",
        )
        self.complaint = complaint_with_apology_offered(self.env, self.rep, head)
        self.solution = self.complaint.solution_ids

    def _call(self, model, method, args, context=None):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": {"context": context or {}},
            },
        )

    def test_rpc_cannot_forge_acceptance_or_closure(self):
        self.authenticate("http_rep", "http_rep")
        for context in ({}, {"complaint_solution_procedure": True}):
            with self.assertRaises(JsonRpcException) as caught:
                self._call(
                    "printing.complaint.solution",
                    "write",
                    [self.solution.ids, {"state": "accepted"}],
                    context,
                )
            self.assertEqual(caught.exception.args[0], "odoo.exceptions.AccessError")
        with self.assertRaises(JsonRpcException):
            self._call(
                "helpdesk.ticket",
                "write",
                [self.complaint.ids, {"closure_confirmed": True}],
            )
        with self.assertRaises(JsonRpcException):
            self._call(
                "printing.complaint.solution",
                "create",
                [
                    {
                        "ticket_id": self.complaint.id,
                        "type_id": self.solution.type_id.id,
                        "state": "in_execution",
                    }
                ],
            )
        self.env.invalidate_all()
        self.assertEqual(self.solution.state, "offered")
        self.assertEqual(len(self.complaint.solution_ids), 1)
        self.assertFalse(self.complaint.closure_confirmed)
        self.assertEqual(self.complaint.complaint_step, "confirmation")
