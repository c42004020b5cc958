"""Issue 14: "Next step" pressed twice at the same moment moved a complaint
two steps. Two real transactions, as in test_concurrency.py: the second
press fails on serialization, Odoo retries it on fresh data, and the retry,
which still carries the step it was pressed from, moves nothing more.
"""

from conftest import cross_addon_test
from psycopg2.errors import SerializationFailure
from two_cursors import TwoCursorCase

from odoo import SUPERUSER_ID, api
from odoo.tests import tagged

PRESSED_FROM_REGISTERED = {"complaint_step_from": "registered"}


@cross_addon_test
@tagged("post_install", "-at_install")
class TestNextStepRace(TwoCursorCase):
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
            complaint = self._complaint(
                env,
                rep,
                "Double click: dark covers",
                # The facts of verification too: a second move would pass.
                proof_checked=True,
                category_id=env.ref("printing_complaint.category_colour").id,
                validity="valid",
            )
            self.ids = {
                "complaint": complaint.id,
                "rep": rep.id,
                "qc": qc.id,
                "manager": manager.id,
            }
        self.addCleanup(
            self._remove_data,
            complaint.id,
            [self.ids["rep"], self.ids["qc"], self.ids["manager"]],
        )

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
