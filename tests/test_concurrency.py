"""Two users acting on the same record at the same moment.

Each test commits its data with a real cursor, then plays two transactions
side by side (PostgreSQL's repeatable read, as Odoo runs them): the second
writer gets a serialization failure, which Odoo answers by retrying the
request on fresh data. What must hold is that the database never keeps two
results: one approval, one consistent stage history. The data is removed
afterwards.
"""

from conftest import cross_addon_test
from psycopg2.errors import SerializationFailure
from two_cursors import TwoCursorCase

from odoo import SUPERUSER_ID, api
from odoo.tests import tagged


@cross_addon_test
@tagged("post_install", "-at_install")
class TestConcurrency(TwoCursorCase):
    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            rep = self._user(
                env, "race_rep", "printing_complaint.group_complaint_sales"
            )
            manager = self._user(
                env, "race_manager", "printing_complaint.group_complaint_manager"
            )
            qc = self._user(env, "race_qc", "printing_complaint.group_complaint_qc")
            finance_a = self._user(
                env, "race_finance_a", "printing_complaint.group_complaint_finance"
            )
            finance_b = self._user(
                env, "race_finance_b", "printing_complaint.group_complaint_finance"
            )
            complaint = self._complaint(env, rep, "Race: dark covers")
            self.ids = {
                "complaint": complaint.id,
                "rep": rep.id,
                "manager": manager.id,
                "qc": qc.id,
                "finance_a": finance_a.id,
                "finance_b": finance_b.id,
            }
        users = [self.ids[key] for key in self.ids if key != "complaint"]
        self.addCleanup(self._remove_data, self.ids["complaint"], users)

    def _restore_team_leader(self, team_id, leader_id):
        """Give the shipped team its leader back: the next suites and the
        bench, which copies this database, escalate to the team's leader."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["helpdesk.ticket.team"].browse(team_id).write({"user_id": leader_id})
            env.flush_all()

    def _two_transactions(self):
        return self.registry.cursor(), self.registry.cursor()

    def test_two_users_move_the_same_complaint(self):
        """The manager and QC click "Next step" on the registered complaint at
        the same moment: one move, one history line per step."""
        cr_a, cr_b = self._two_transactions()
        with cr_a, cr_b:
            env_a = api.Environment(cr_a, self.ids["manager"], {})
            env_b = api.Environment(cr_b, self.ids["qc"], {})
            complaint_a = env_a["helpdesk.ticket"].browse(self.ids["complaint"])
            complaint_b = env_b["helpdesk.ticket"].browse(self.ids["complaint"])
            # B's transaction has started: it sees the complaint registered.
            self.assertEqual(complaint_b.complaint_step, "registered")
            complaint_a.action_next_step()
            cr_a.commit()
            with self.assertRaises(SerializationFailure):
                complaint_b.action_next_step()
                env_b.flush_all()
            cr_b.rollback()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            complaint = env["helpdesk.ticket"].browse(self.ids["complaint"])
            self.assertEqual(complaint.complaint_step, "verification")
            history = complaint.stage_history_ids.sorted("id")
            self.assertEqual(history.mapped("step"), ["registered", "verification"])
            self.assertTrue(history[0].exit_date)
            self.assertFalse(history[1].exit_date)

    def test_two_approvers_sign_off_at_the_same_moment(self):
        """Two finance clerks sign off the same refund: one approval."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            complaint = env["helpdesk.ticket"].browse(self.ids["complaint"])
            # The first tier needs an approver: the team leader, for this test.
            self.addCleanup(
                self._restore_team_leader,
                complaint.team_id.id,
                complaint.team_id.user_id.id,
            )
            complaint.team_id.user_id = self.ids["manager"]
            solution = env["printing.complaint.solution"].create(
                {
                    "ticket_id": complaint.id,
                    "type_id": env.ref(
                        "printing_complaint.solution_type_compensation"
                    ).id,
                    "amount": 50.0,
                    "compensation_booking": "note",
                    "compensation_given": "A box of posters",
                    "proposer_id": self.ids["rep"],
                }
            )
            solution.request_validation()
            # The department head signed first (tiers approved in order; his
            # approval is set directly, the race is finance's).
            solution.review_ids.filtered(
                lambda r: r.name == "Department head"
            ).status = "approved"
            solution.review_ids._compute_can_review()
            finance_review = solution.review_ids.filtered(
                lambda r: r.name == "Finance sign-off"
            )
            self.assertTrue(finance_review)
            solution_id = solution.id
        cr_a, cr_b = self._two_transactions()
        with cr_a, cr_b:
            solution_a = api.Environment(cr_a, self.ids["finance_a"], {})[
                "printing.complaint.solution"
            ].browse(solution_id)
            solution_b = api.Environment(cr_b, self.ids["finance_b"], {})[
                "printing.complaint.solution"
            ].browse(solution_id)
            review_b = solution_b.review_ids.filtered(
                lambda r: r.name == "Finance sign-off"
            )
            self.assertEqual(review_b.status, "pending")
            review_a = solution_a.review_ids.filtered(
                lambda r: r.name == "Finance sign-off"
            )
            solution_a._validate_tier(review_a)
            solution_a.env.flush_all()
            cr_a.commit()
            with self.assertRaises(SerializationFailure):
                solution_b._validate_tier(review_b)
                solution_b.env.flush_all()
            cr_b.rollback()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            reviews = (
                env["tier.review"]
                .with_context(active_test=False)
                .search(
                    [
                        ("model", "=", "printing.complaint.solution"),
                        ("res_id", "=", solution_id),
                        ("name", "=", "Finance sign-off"),
                    ]
                )
            )
            self.assertEqual(len(reviews), 1)
            self.assertEqual(reviews.status, "approved")
            self.assertEqual(reviews.done_by.id, self.ids["finance_a"])
