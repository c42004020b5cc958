# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 14: the procedure holds on every write path. Each test plays the
role's user writing what the backend buttons would not let them."""

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ComplaintCase

COMPLAINT_NUMBER = r"^TS\d{4}-\d{5}$"


@tagged("post_install", "-at_install")
class TestProcedureBypass(ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.plain_team = cls.env["helpdesk.ticket.team"].create({"name": "IT support"})

    def _state(self, ticket):
        ticket.invalidate_recordset()
        return ticket.stage_id, len(ticket.stage_history_ids)

    def _closed_duplicate(self):
        """A complaint merged into the one it duplicates: closed."""
        original = self._create_complaint()
        duplicate = self._create_complaint(duplicate_id=original.id)
        duplicate.with_user(self.sales_rep).action_merge_duplicate()
        self.assertEqual(duplicate.complaint_step, "closed")
        return duplicate

    # -- 1. a stage that is not one of the team's complaint steps -----------
    def test_rep_cannot_park_a_complaint_in_a_helpdesk_stage(self):
        """Registration -> "Done" -> closure skipped every step."""
        complaint = self._create_complaint().with_user(self.sales_rep)
        before = self._state(complaint)
        with self.assertRefused(ValidationError, "can only be in a step"):
            complaint.write({"stage_id": self.done.id})
        self.assertEqual(self._state(complaint), before)
        self.assertEqual(complaint.complaint_step, "registered")
        with self.assertRefused(ValidationError, "cannot move from"):
            complaint.write({"stage_id": self.stages["closure"].id})
        self.assertEqual(self._state(complaint), before)

    def test_rep_cannot_reopen_through_a_helpdesk_stage(self):
        """Closed -> "Done" -> execution reopened without manager or reason."""
        complaint = self._closed_duplicate().with_user(self.sales_rep)
        before = self._state(complaint)
        with self.assertRefused(ValidationError, "can only be in a step"):
            complaint.write({"stage_id": self.done.id})
        with self.assertRefused(ValidationError, "cannot move from"):
            complaint.write({"stage_id": self.stages["execution"].id})
        with self.assertRefused(ValidationError, "manager's reason"):
            complaint.write({"stage_id": self.stages["verification"].id})
        self.assertEqual(self._state(complaint), before)
        self.assertEqual(complaint.complaint_step, "closed")

    def test_stage_of_another_team_refused(self):
        stage = self.env["helpdesk.ticket.stage"].create(
            {"name": "Waiting", "team_ids": [Command.set(self.plain_team.ids)]}
        )
        complaint = self._create_complaint().with_user(self.manager)
        with self.assertRefused(ValidationError, "can only be in a step"):
            complaint.write({"stage_id": stage.id})
        self.assertEqual(complaint.complaint_step, "registered")

    def test_plain_ticket_cannot_take_a_complaint_step(self):
        ticket = self.env["helpdesk.ticket"].create(
            {"name": "Jam", "description": "<p>x</p>", "team_id": self.plain_team.id}
        )
        with self.assertRefused(ValidationError, "is not a complaint"):
            ticket.write({"stage_id": self.stages["closure"].id})
        self.assertFalse(ticket.complaint_step)
        # Its own helpdesk stages are unchanged.
        ticket.write({"stage_id": self.done.id})
        self.assertTrue(ticket.closed)

    def test_tickets_created_over_rpc_take_their_kind_of_stage(self):
        """create() with a stage of the other kind, as an RPC call or an
        import would send it (the form's onchange would have replaced it)."""
        Ticket = self.env["helpdesk.ticket"].with_user(self.sales_rep)
        before = Ticket.sudo().search_count([])
        with self.assertRefused(ValidationError, "is not a complaint"):
            Ticket.create(
                {
                    "name": "Printer offline",
                    "description": "<p>x</p>",
                    "team_id": self.plain_team.id,
                    "stage_id": self.stages["registered"].id,
                }
            )
        with self.assertRefused(ValidationError, "can only be in a step"):
            Ticket.create({**self._complaint_vals(), "stage_id": self.done.id})
        self.assertEqual(Ticket.sudo().search_count([]), before)
        # Without a stage, each kind takes its team's first one.
        plain = Ticket.create(
            {"name": "Jam", "description": "<p>x</p>", "team_id": self.plain_team.id}
        )
        self.assertFalse(plain.complaint_step)
        self.assertFalse(plain.sudo().stage_history_ids)
        complaint = Ticket.create(self._complaint_vals())
        self.assertEqual(complaint.complaint_step, "registered")

    def test_ticket_entering_the_procedure_starts_at_registration(self):
        ticket = self.env["helpdesk.ticket"].create(
            {"name": "Call", "description": "<p>x</p>", "team_id": self.plain_team.id}
        )
        with self.assertRefused(ValidationError, "at registration"):
            ticket.write(
                {"team_id": self.team.id, "stage_id": self.stages["closure"].id}
            )
        ticket.invalidate_recordset()
        self.assertEqual(ticket.team_id, self.plain_team)
        self.assertFalse(ticket.stage_history_ids)

    # -- 12. "Next step" pressed twice from the same step -------------------
    def test_second_press_from_the_same_step_moves_nothing(self):
        complaint = self._create_complaint()
        self._registered_complete(complaint)
        # The facts of verification are there too: a second move would pass.
        self._verification_complete(complaint)
        pressed = complaint.with_user(self.sales_rep).with_context(
            complaint_step_from="registered"
        )
        self.assertIs(pressed.action_next_step(), True)
        answer = pressed.action_next_step()
        self.assertEqual(answer["tag"], "display_notification")
        self.assertIn("already moved", answer["params"]["message"])
        self.assertEqual(self._step_of(complaint), "verification")
        self.assertEqual(
            complaint.stage_history_ids.mapped("step"), ["registered", "verification"]
        )
        # Pressed from the step it is in, it moves on.
        pressed.with_context(complaint_step_from="verification").action_next_step()
        self.assertEqual(self._step_of(complaint), "solution")

    def test_form_button_carries_its_step(self):
        arch = self.env["helpdesk.ticket"].get_view(
            self.env["helpdesk.ticket"]._complaint_form_view_id(), "form"
        )["arch"]
        self.assertIn("'complaint_step_from': complaint_step", arch)

    def _step_of(self, complaint):
        complaint.invalidate_recordset()
        return complaint.complaint_step

    # -- 13. a complaint number however the team is given -------------------
    def test_log_complaint_context_gives_a_complaint_number(self):
        """Created over RPC with the "Log complaint" action's context."""
        context = self.order.with_user(self.sales_rep).action_log_complaint()["context"]
        vals = self._complaint_vals()
        del vals["team_id"]
        complaint = (
            self.env["helpdesk.ticket"]
            .with_user(self.sales_rep)
            .with_context(**context)
            .create(vals)
        )
        self.assertEqual(complaint.team_id, self.team)
        self.assertRegex(complaint.number, COMPLAINT_NUMBER)
        self.assertEqual(complaint.complaint_step, "registered")
        self.assertEqual(complaint.stage_history_ids.step, "registered")

    def test_team_from_the_owner_gives_a_complaint_number(self):
        """No team given at all: helpdesk_mgmt takes the owner's team."""
        vals = self._complaint_vals()
        del vals["team_id"]
        plain = self.env["helpdesk.ticket"].create(
            {"name": "Jam", "description": "<p>x</p>", "team_id": self.plain_team.id}
        )
        complaint = self.env["helpdesk.ticket"].with_user(self.sales_rep).create(vals)
        self.assertEqual(complaint.team_id, self.team)
        self.assertRegex(complaint.number, COMPLAINT_NUMBER)
        self.assertEqual(complaint.complaint_step, "registered")
        self.assertNotRegex(plain.number, COMPLAINT_NUMBER)
