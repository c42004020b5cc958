"""What the tests of two transactions side by side share (test_concurrency,
test_next_step_race): real cursors that commit, users and a complaint
committed for the test, removed afterwards."""

import freezegun

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name

from odoo.addons.printing_complaint.tests.common import PNG


class TwoCursorCase(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        # A working moment, the same whatever day the suite runs (ticking:
        # the two cursors wait for each other in real time).
        cls.startClassPatcher(freezegun.freeze_time("2026-09-28 10:00:00", tick=True))

    @staticmethod
    def _user(env, login, group):
        """A committed user of group (reactivated if an earlier run left it)."""
        users = env["res.users"].with_context(no_reset_password=True)
        existing = users.with_context(active_test=False).search([("login", "=", login)])
        if existing:
            existing.active = True
            return existing
        return users.create(
            {
                "name": login.replace("_", " ").title(),
                "login": login,
                "email": f"{login}@example.com",
                "groups_id": [Command.set([env.ref(group).id])],
            }
        )

    @staticmethod
    def _complaint(env, rep, name, **values):
        """A registered complaint of rep on an invoiced demo order, with its
        photo: ready to leave registration."""
        team = env.ref("printing_complaint.helpdesk_team_complaints")
        team.user_ids = [Command.link(rep.id)]
        order = env["sale.order"].search(
            [("state", "=", "sale"), ("invoice_ids.state", "=", "posted")], limit=1
        )
        lines = order.order_line.filtered(lambda line: not line.display_type)
        complaint = env["helpdesk.ticket"].create(
            {
                "name": name,
                "description": "<p>Dark</p>",
                "team_id": team.id,
                "partner_id": order.partner_id.id,
                "sale_order_id": order.id,
                "sale_line_ids": [Command.set(lines[:1].ids)],
                "user_id": rep.id,
                "acknowledged_date": fields.Datetime.now(),
                "request_ids": [
                    Command.set(env.ref("printing_complaint.request_reprint").ids)
                ],
                **values,
            }
        )
        env["ir.attachment"].create(
            {
                "name": "dark.png",
                "raw": PNG,
                "res_model": "helpdesk.ticket",
                "res_id": complaint.id,
            }
        )
        return complaint

    def _remove_data(self, complaint_id, user_ids):
        """Remove the committed complaint, its solutions and their reviews;
        take the users out of the team and archive them (their messages
        stay)."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            complaint = env["helpdesk.ticket"].browse(complaint_id)
            solutions = complaint.with_context(active_test=False).solution_ids
            cr.execute(
                "DELETE FROM tier_review WHERE model = %s AND res_id = ANY(%s)",
                ["printing.complaint.solution", solutions.ids],
            )
            cr.execute(
                "DELETE FROM printing_complaint_solution WHERE id = ANY(%s)",
                [solutions.ids],
            )
            cr.execute("DELETE FROM helpdesk_ticket WHERE id = %s", [complaint_id])
            env.ref("printing_complaint.helpdesk_team_complaints").write(
                {"user_ids": [Command.unlink(user_id) for user_id in user_ids]}
            )
            env["res.users"].browse(user_ids).write({"active": False})
            env.flush_all()
