# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models


class LoyaltyProgram(models.Model):
    _inherit = "loyalty.program"

    is_complaint_discount = fields.Boolean(
        help="Holds the discount codes given to customers as a complaint "
        "solution: one code per solution, worth its amount."
    )

    @api.model
    def _complaint_discount_program(self, company):
        """The company's complaint discount program, created on first use.
        A coupon program whose reward is one currency unit off per point: a
        code with N points takes N off the customer's next order."""
        program = self.search(
            [("is_complaint_discount", "=", True), ("company_id", "=", company.id)],
            limit=1,
        )
        if program:
            return program
        return self.create(
            {
                "name": self.env._("Complaint goodwill discount"),
                "program_type": "coupons",
                "is_complaint_discount": True,
                "company_id": company.id,
                "currency_id": company.currency_id.id,
                "applies_on": "current",
                "trigger": "with_code",
                "portal_visible": True,
                "rule_ids": [Command.clear()],
                "reward_ids": [
                    Command.clear(),
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount_mode": "per_point",
                            "discount": 1,
                            "discount_applicability": "order",
                            "required_points": 1,
                            "description": self.env._("Complaint discount"),
                        }
                    ),
                ],
                "communication_plan_ids": [Command.clear()],
            }
        )
