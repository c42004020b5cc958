# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from contextlib import contextmanager

from odoo import Command
from odoo.tests import TransactionCase, new_test_user

# A 1x1 PNG: the photo a customer sends.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/"
    "PchI7wAAAABJRU5ErkJggg=="
)


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
        cls.manager = new_test_user(
            cls.env,
            login="complaint_manager",
            name="Complaint Manager",
            groups="printing_complaint.group_complaint_manager",
        )
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
