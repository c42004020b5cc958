"""Issue 14: "Next step" pressed twice at the same moment moved a complaint
two steps. Two real transactions, as in test_concurrency.py: the second
press fails on serialization, Odoo retries it on fresh data, and the retry,
which still carries the step it was pressed from, moves nothing more.
"""

import freezegun
from conftest import cross_addon_test
from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged

from odoo.addons.printing_complaint.tests.common import PNG

PRESSED_FROM_REGISTERED = {"complaint_step_from": "registered"}


@cross_addon_test
@tagged("post_install", "-at_install")
class TestNextStepRace(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        # A working moment, the same whatever day the suite runs (ticking:
        # the two cursors wait for each other in real time).
        cls.startClassPatcher(freezegun.freeze_time("2026-09-28 10:00:00", tick=True))

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            rep = self._user(
                env, "double_rep", "printing_complaint.group_complaint_sales"
            )
            qc = self._user(env, "double_qc", "printing_complaint.group_complaint_qc")
            manager = self._user(
                env, "double_manager", "printing_complaint.group_complaint_manager"
            )
            team = env.ref("printing_complaint.helpdesk_team_complaints")
            team.user_ids = [Command.link(rep.id)]
            order = env["sale.order"].search(
                [("state", "=", "sale"), ("invoice_ids.state", "=", "posted")], limit=1
            )
            complaint = env["helpdesk.ticket"].create(
                {
                    "name": "Double click: dark covers",
                    "description": "<p>Dark</p>",
                    "team_id": team.id,
                    "partner_id": order.partner_id.id,
                    "sale_order_id": order.id,
                    "sale_line_ids": [
                        Command.set(
                            order.order_line.filtered(
                                lambda line: not line.display_type
                            )[:1].ids
                        )
                    ],
                    "user_id": rep.id,
                    "acknowledged_date": fields.Datetime.now(),
                    "request_ids": [
                        Command.set(env.ref("printing_complaint.request_reprint").ids)
                    ],
                    # The facts of verification too: a second move would pass.
                    "proof_checked": True,
                    "category_id": env.ref("printing_complaint.category_colour").id,
                    "validity": "valid",
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
            self.ids = {
                "complaint": complaint.id,
                "rep": rep.id,
                "qc": qc.id,
                "manager": manager.id,
            }
        self.addCleanup(self._remove_data)

    @staticmethod
    def _user(env, login, group):
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

    def _remove_data(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "DELETE FROM helpdesk_ticket WHERE id = %s", [self.ids["complaint"]]
            )
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["res.users"].browse(
                [self.ids["rep"], self.ids["qc"], self.ids["manager"]]
            ).write({"active": False})

    def _press(self, cr, user):
        env = api.Environment(cr, self.ids[user], PRESSED_FROM_REGISTERED)
        return env["helpdesk.ticket"].browse(self.ids["complaint"])

    def test_two_presses_from_the_same_step_move_once(self):
        cr_a, cr_b = self.registry.cursor(), self.registry.cursor()
        with cr_a, cr_b:
            complaint_b = self._press(cr_b, "qc")
            # B's transaction has started: it sees the complaint registered.
            self.assertEqual(complaint_b.complaint_step, "registered")
            self._press(cr_a, "manager").action_next_step()
            cr_a.commit()
            with self.assertRaises(SerializationFailure):
                complaint_b.action_next_step()
                complaint_b.env.flush_all()
            cr_b.rollback()
        # Odoo retries B's request on fresh data: it finds the move made.
        with self.registry.cursor() as cr_retry:
            answer = self._press(cr_retry, "qc").action_next_step()
        self.assertEqual(answer["tag"], "display_notification")
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            complaint = env["helpdesk.ticket"].browse(self.ids["complaint"])
            self.assertEqual(complaint.complaint_step, "verification")
            self.assertEqual(
                complaint.stage_history_ids.sorted("id").mapped("step"),
                ["registered", "verification"],
            )
