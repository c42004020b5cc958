# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestTimeLimitList(ComplaintCase):
    def test_time_limits_are_listed_step_by_step_with_executions_deadline(self):
        """The list follows the procedure: step by step, general to major;
        execution is listed with its deadline, its solutions' latest."""
        limits = (
            self.env["printing.complaint.time.limit"]
            .with_user(self.manager)
            .search([("company_id", "=", self.company.id)])
        )
        self.assertEqual(
            [(limit.step, limit.severity) for limit in limits],
            [
                (step, severity)
                for step in (
                    "registered",
                    "verification",
                    "solution",
                    "confirmation",
                    "execution",
                    "closure",
                )
                for severity in ("general", "important", "major")
            ],
        )
        execution = limits.filtered(lambda limit: limit.step == "execution")
        self.assertEqual(
            set(execution.mapped("deadline_rule")), {"Latest deadline of the solutions"}
        )
        verification = self.env.ref("printing_complaint.time_limit_verification_major")
        self.assertEqual(
            verification.deadline_rule, "2 working hours after entering the step"
        )
        # Execution's lines give no hours to the step clock.
        self.assertFalse(
            self.env["printing.complaint.time.limit"]
            ._limits_by_key(self.company)
            .get((self.company.id, "execution", "general"))
        )
        with self.assertRaises(ValidationError):
            execution[:1].with_user(self.manager).hours = 8
