# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import date, datetime

from odoo import Command

from odoo.addons.printing_complaint.tests.common import ComplaintCase

# The fixture's period: before any demo complaint, so that only the
# fixture counts.
PERIOD = (date(2025, 3, 1), date(2025, 3, 31))


class ReportCase(ComplaintCase):
    """A month of complaints with known figures."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.categories = {
            "colour": ref("printing_complaint.category_colour"),
            "lamination": ref("printing_complaint.category_lamination"),
            "cutting": ref("printing_complaint.category_cutting"),
        }
        cls.material = ref("printing_complaint.responsibility_material")
        # (category, severity, responsibility, day, rep)
        plan = [
            ("colour", "general", cls.production, 3, cls.sales_rep),
            ("colour", "important", cls.production, 5, cls.sales_rep),
            ("colour", "major", cls.material, 9, cls.sales_rep),
            ("lamination", "general", cls.material, 12, cls.sales_rep),
            ("lamination", "general", cls.production, 15, cls.other_rep),
            ("cutting", "important", cls.production, 20, cls.other_rep),
        ]
        Ticket = cls.env["helpdesk.ticket"]
        cls.fixture = Ticket
        for category, severity, responsibility, day, rep in plan:
            team = cls.team if rep == cls.sales_rep else cls.other_team
            cls.fixture |= Ticket.create(
                {
                    "name": f"{category} complaint of {day} March",
                    "description": "<p>Fixture</p>",
                    "team_id": team.id,
                    "partner_id": cls.customer.id,
                    "sale_order_id": cls.order.id,
                    "sale_line_ids": [Command.set(cls.order.order_line[:1].ids)],
                    "user_id": rep.id,
                    "received_date": datetime(2025, 3, day, 9, 0),
                    "category_id": cls.categories[category].id,
                    "severity": severity,
                    "responsibility_id": responsibility.id,
                    "quantity_affected": day * 10,
                }
            )
        # Step history: verification of each complaint took day / 2 working
        # hours; the ones received after the 10th were late.
        History = cls.env["printing.complaint.stage.history"].sudo()
        verification = cls.stages["verification"]
        for complaint in cls.fixture:
            day = complaint.received_date.day
            History.create(
                {
                    "ticket_id": complaint.id,
                    "stage_id": verification.id,
                    "step": "verification",
                    "entry_date": datetime(2025, 3, day, 10, 0),
                    "exit_date": datetime(2025, 3, day, 16, 0),
                    "working_hours": day / 2,
                    "is_late": day > 10,
                }
            )
        # Costs: one solution per complaint of the production department.
        Solution = cls.env["printing.complaint.solution"]
        for complaint in cls.fixture.filtered(
            lambda c: c.responsibility_id == cls.production
        ):
            Solution.create(
                {
                    "ticket_id": complaint.id,
                    "type_id": ref("printing_complaint.solution_type_reprint").id,
                    "sale_line_ids": [Command.set(complaint.sale_line_ids.ids)],
                    "cost": complaint.received_date.day * 100.0,
                }
            )
        # Ratings given in March.
        for complaint, score in zip(cls.fixture[:3], (5, 4, 2), strict=True):
            token = complaint._rating_get_access_token()
            rating = cls.env["rating.rating"].search([("access_token", "=", token)])
            rating.write({"rating": score, "consumed": True})
            cls.env.flush_all()
            cls.env.cr.execute(
                "UPDATE rating_rating SET write_date = %s WHERE id = %s",
                [datetime(2025, 3, 28, 12, 0), rating.id],
            )
        cls.fixture.invalidate_recordset()
        cls.env.flush_all()

    @staticmethod
    def _workbook(content):
        import openpyxl

        return openpyxl.load_workbook(io.BytesIO(content))
