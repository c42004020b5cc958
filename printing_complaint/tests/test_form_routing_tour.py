# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFormRoutingTour(HttpCase):
    """helpdesk_mgmt's lists and a bare link open a complaint in the
    complaint form; a plain ticket stays in helpdesk_mgmt's form."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="routing_manager",
            name="Routing Manager",
            groups="printing_complaint.group_complaint_manager",
        )
        team = cls.env.ref("printing_complaint.helpdesk_team_complaints")
        plain_team = cls.env["helpdesk.ticket.team"].create(
            {"name": "IT support", "user_ids": [(4, cls.manager.id)]}
        )
        Ticket = cls.env["helpdesk.ticket"]
        cls.complaint = Ticket.create(
            {
                "name": "Cover darker than the proof",
                "description": "<p>Dark blue.</p>",
                "team_id": team.id,
                "user_id": cls.manager.id,
            }
        )
        cls.plain = Ticket.create(
            {
                "name": "Printer offline",
                "description": "<p>Offline.</p>",
                "team_id": plain_team.id,
                "user_id": cls.manager.id,
            }
        )

    def test_my_tickets_open_each_in_its_form(self):
        self.start_tour(
            "/odoo/action-helpdesk_mgmt.helpdesk_my_tickets_action?view_type=list",
            "printing_complaint_form_routing",
            login="routing_manager",
        )

    def test_bare_link_opens_the_complaint_form(self):
        self.start_tour(
            f"/odoo/helpdesk.ticket/{self.complaint.id}",
            "printing_complaint_form_link",
            login="routing_manager",
        )
