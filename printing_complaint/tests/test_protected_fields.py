# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.models import MAGIC_COLUMNS
from odoo.tests import tagged

from ..models.account_move import COMPLAINT_LINK_FIELDS as MOVE_LINK_FIELDS
from ..models.helpdesk_ticket_procedure import PROCEDURE_FIELDS as TICKET_FIELDS
from ..models.printing_complaint_solution import PROCEDURE_FIELDS as SOLUTION_FIELDS
from ..models.rating_rating import PROTECTED_FIELDS as RATING_FIELDS
from ..models.sale_order import COMPLAINT_LINK_FIELDS as ORDER_LINK_FIELDS
from .common import ComplaintCase

MAGIC_FIELDS = {*MAGIC_COLUMNS, "display_name"}


@tagged("post_install", "-at_install")
class TestProtectedFields(ComplaintCase):
    """Every field the procedure protects, written by hand by every role that
    handles complaints, is refused and keeps its value: a field added to a
    model's PROCEDURE_FIELDS (or to the rating's, the documents' links) is
    covered here without a new test. The approvals and the stage history
    are the procedure's record: none of their fields is written by hand."""

    ROLES = (
        "sales_rep",
        "qc_user",
        "production_head",
        "finance_user",
        "director",
        "manager",
    )

    def _forged_value(self, field):
        """A value of the field's type, as an attacker would send it."""
        if field.type in ("one2many", "many2many"):
            return [Command.clear()]
        if field.type == "selection":
            return field.get_values(self.env)[-1]
        return {
            "datetime": "2026-01-01 00:00:00",
            "date": "2026-01-01",
            "integer": 7,
            "float": 1.0,
            "monetary": 1.0,
            "boolean": True,
            "many2one": False,
        }.get(field.type, "forged")

    def _assert_protected(self, record, names, linked=False):
        """linked: a many2one is forged as a link to a solution (or order)
        of the complaint, rather than emptied."""
        for role in self.ROLES:
            user = getattr(self, role)
            for name in sorted(names):
                before = record[name]
                field = record._fields[name]
                value = self._forged_value(field)
                if linked and field.type == "many2one":
                    value = self.env[field.comodel_name].search([], limit=1).id
                with self.subTest(role=role, field=name):
                    with self.assertRaises(AccessError):
                        record.with_user(user).write({name: value})
                    record.invalidate_recordset()
                    self.assertEqual(record[name], before)

    def test_procedure_fields_of_a_complaint(self):
        complaint = self._at_solution_step()
        self.assertTrue(TICKET_FIELDS)
        self._assert_protected(complaint, TICKET_FIELDS)

    def test_procedure_fields_of_a_solution(self):
        complaint = self._at_solution_step()
        solution = self._propose(complaint, "solution_type_apology").sudo()
        self.assertTrue(SOLUTION_FIELDS)
        self._assert_protected(solution, SOLUTION_FIELDS)

    def test_approvals_of_a_solution(self):
        complaint = self._at_solution_step()
        self._invoice_order(self.order)
        solution = self._propose(
            complaint, "solution_type_partial_refund", amount=100.0, cost=100.0
        )
        solution.action_request_approval()
        self._review(solution, self.production_head)
        reviews = solution.review_ids.sudo()
        self.assertEqual(len(reviews), 2)
        names = {
            name
            for name, field in reviews._fields.items()
            if field.store and not field.compute and name not in MAGIC_FIELDS
        }
        self.assertIn("status", names)
        for review in reviews:
            self._assert_protected(review, names)

    def test_stage_history_of_a_complaint(self):
        history = self._at_solution_step().stage_history_ids.sudo()
        names = {
            name
            for name, field in history._fields.items()
            if field.store and not field.compute and name not in MAGIC_FIELDS
        }
        self.assertIn("working_hours", names)
        self._assert_protected(history[-1], names)

    def test_the_customers_rating(self):
        complaint = self._at_solution_step()
        token = complaint._rating_get_access_token()
        rating = self.env["rating.rating"].search([("access_token", "=", token)])
        self._assert_protected(rating, RATING_FIELDS)

    def test_links_of_documents_to_solutions(self):
        complaint = self._at_solution_step()
        invoice = self._invoice_order(self.order)
        self._propose(complaint, "solution_type_apology")
        self._assert_protected(self.order, ORDER_LINK_FIELDS, linked=True)
        self._assert_protected(invoice, MOVE_LINK_FIELDS, linked=True)

    def test_documents_are_not_created_linked_to_a_solution(self):
        complaint = self._at_solution_step()
        solution = self._propose(complaint, "solution_type_apology")
        for role in ("sales_rep", "finance_user", "manager"):
            user = getattr(self, role)
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.env["sale.order"].with_user(user).create(
                    {
                        "partner_id": self.order.partner_id.id,
                        "complaint_solution_id": solution.id,
                    }
                )
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.env["account.move"].with_user(user).create(
                    {
                        "move_type": "out_refund",
                        "partner_id": self.order.partner_id.id,
                        "complaint_solution_id": solution.id,
                    }
                )
