# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..models.helpdesk_ticket_procedure import PROCEDURE_FIELDS as TICKET_FIELDS
from ..models.printing_complaint_solution import PROCEDURE_FIELDS as SOLUTION_FIELDS
from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestProtectedFields(ComplaintCase):
    """Every field the procedure protects, written by hand by every role that
    handles complaints, is refused and keeps its value: a field added to a
    model's PROCEDURE_FIELDS is covered here without a new test."""

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

    def _assert_protected(self, record, names):
        for role in self.ROLES:
            user = getattr(self, role)
            for name in sorted(names):
                before = record[name]
                value = self._forged_value(record._fields[name])
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
