# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import Form, tagged

from .common import ComplaintCase

# The form the rep opens a complaint in (helpdesk_mgmt's is the plain tickets').
COMPLAINT_FORM = "printing_complaint.helpdesk_ticket_view_form_complaint"

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestRecurrencePerformance(ComplaintCase):
    """The earlier complaints cost the same whatever the customer's history:
    the form reads the newest few and a count, computed in SQL.

    At TestPerformance's moment (a working Monday), for the same reasons:
    what registering a complaint costs depends on it."""

    freeze_time = "2026-09-28 10:00:00"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A category of their own: the demo's complaints are not earlier ones.
        cls.cutting = cls.env["helpdesk.ticket.category"].create({"name": "Cut off"})

    def _history(self, count, offset=0):
        """count earlier complaints of the customer, of the rep, one hour
        apart before the ones already there (offset), in one batch."""
        now = fields.Datetime.now()
        return (
            self.env["helpdesk.ticket"]
            .with_context(tracking_disable=True, mail_create_nolog=True)
            .create(
                [
                    {
                        "name": f"Colour off {offset + index}",
                        "description": "<p>Darker than the proof.</p>",
                        "team_id": self.team.id,
                        "partner_id": self.customer.id,
                        "sale_order_id": self.order.id,
                        "sale_line_ids": [Command.set(self.order.order_line[:1].ids)],
                        "user_id": self.sales_rep.id,
                        "category_id": self.cutting.id,
                        "received_date": now - timedelta(hours=offset + index + 1),
                    }
                    for index in range(count)
                ]
            )
        )

    def _count(self, call):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        call()
        return self.env.cr.sql_log_count - before

    def _open_form(self, complaint):
        """The rep opens the complaint: the form's read (web_read)."""
        return Form(complaint.with_user(self.sales_rep), view=COMPLAINT_FORM)

    def _log_complaint(self):
        """The rep clicks Log complaint on the order: the new form's onchange."""
        context = self.order.action_log_complaint()["context"]
        Ticket = self.env["helpdesk.ticket"].with_user(self.sales_rep)
        return Form(Ticket.with_context(**context), view=COMPLAINT_FORM)

    def _recurrence_tab(self, complaint):
        """The rep opens the Recurrence tab: its list of the newest earlier
        complaints (the complaint_section_list widget)."""
        action = complaint.with_user(
            self.sales_rep
        ).action_view_newest_earlier_complaints()
        records = self.env["helpdesk.ticket"].with_user(self.sales_rep)
        found = records.web_search_read(
            action["domain"],
            {
                "number": {},
                "received_date": {},
                "partner_id": {"fields": {"display_name": {}}},
                "name": {},
                "category_id": {"fields": {"display_name": {}}},
                "stage_id": {"fields": {"display_name": {}}},
            },
        )
        return [record["id"] for record in found["records"]]

    def test_form_and_new_form_cost_the_same_with_10_or_300_earlier(self):
        complaint = self.env["helpdesk.ticket"].create(
            {
                "name": "Colour off again",
                "description": "<p>Darker again.</p>",
                "team_id": self.team.id,
                "partner_id": self.customer.id,
                "sale_order_id": self.order.id,
                "sale_line_ids": [Command.set(self.order.order_line[:1].ids)],
                "user_id": self.sales_rep.id,
                "category_id": self.cutting.id,
            }
        )
        self._history(10)
        # Warm the caches (views, access rules, translations) outside the
        # counts: twice, as the first new form leaves some cold for the form.
        for _warm in range(2):
            self._count(lambda: self._open_form(complaint))
            self._count(
                lambda: setattr(self._log_complaint(), "category_id", self.cutting)
            )
            self._count(lambda: self._recurrence_tab(complaint))
        counts = {}
        for total in (10, 300):
            if total > 10:
                self._history(total - 10, offset=10)
            counts[total, "form"] = self._count(lambda: self._open_form(complaint))
            counts[total, "new form"] = self._count(self._log_complaint)
            # An edit that changes the earlier complaints: the costliest.
            new_form = self._log_complaint()
            counts[total, "edit"] = self._count(
                lambda f=new_form: setattr(f, "category_id", self.cutting)
            )
            # The Recurrence tab, opened: its list of the newest five.
            counts[total, "recurrence tab"] = self._count(
                lambda: self._recurrence_tab(complaint)
            )
            form = self._open_form(complaint)
            # Counted up to 100: beyond, the form says "100+".
            self.assertEqual(form.earlier_complaint_count, min(total, 100))
            self.assertEqual(form.earlier_complaint_more, total > 100)
            self.assertEqual(len(self._recurrence_tab(complaint)), 5)
            new_form = self._log_complaint()
            self.assertEqual(new_form.earlier_complaint_count, min(total + 1, 100))
            self.assertEqual(new_form.earlier_complaint_more, total + 1 > 100)
        _logger.info("Queries of the complaint forms: %s", counts)
        self.assertEqual(counts[300, "form"], counts[10, "form"], counts)
        self.assertEqual(counts[300, "new form"], counts[10, "new form"], counts)
        self.assertEqual(counts[300, "edit"], counts[10, "edit"], counts)
        self.assertEqual(
            counts[300, "recurrence tab"], counts[10, "recurrence tab"], counts
        )

    def test_classifying_costs_two_queries_more_than_a_plain_ticket(self):
        """QC sets the defect category and the 6M cause: the complaint looks
        for the root cause it repeats in one statement (the window and the
        products are read in it, not first; the record rules read the user)
        and stores the classification, the cause it repeats and the flag in
        one UPDATE; a plain ticket writes its category alone. (A category
        with a measure reads the order's tolerances besides, as a plain
        ticket has none.)"""
        complaint, repeated = self._history(3)[:2]
        repeated.cause_category = "machine"
        plain = self.env["helpdesk.ticket"].create(
            {
                "name": "Printer jammed",
                "description": "<p>Jam.</p>",
                "team_id": self.env["helpdesk.ticket.team"]
                .create({"name": "IT support"})
                .id,
                "partner_id": self.customer.id,
                "user_id": self.sales_rep.id,
            }
        )
        counts = {}
        for ticket, values in (
            (plain, {"category_id": self.cutting.id}),
            (complaint, {"category_id": self.cutting.id, "cause_category": "machine"}),
        ):
            ticket = ticket.with_user(self.sales_rep)
            # The first write warms the caches (access rules, tracking).
            self._count(lambda t=ticket, v=values: (t.write(v), t.env.flush_all()))
            ticket.write({key: False for key in values})
            ticket.sudo().recurrence_of_id = False
            counts[ticket] = self._count(
                lambda t=ticket, v=values: (t.write(v), t.env.flush_all())
            )
        _logger.info("Queries of classifying: %s", counts)
        self.assertEqual(complaint.recurrence_of_id, repeated)
        self.assertLessEqual(counts[complaint], counts[plain] + 2, counts)
        # What the statement finds: the earlier complaint of the same
        # category, cause and customer whose root cause this one repeats.
        repeated = self._history(1, offset=10)
        repeated.write({"cause_category": "method"})
        later = self._history(1, offset=5)
        self.assertFalse(later.recurrence_of_id)
        later.with_user(self.sales_rep).write({"cause_category": "method"})
        self.assertEqual(later.recurrence_of_id, repeated)

    def test_the_root_cause_sees_edits_not_yet_written(self):
        """The look-up leaves the classified complaint's own pending writes
        for later, not the other complaints': QC's edits of this transaction
        count, one complaint at a time or several at once."""
        earlier, later, latest = self._history(3)[::-1]
        Ticket = self.env["helpdesk.ticket"].with_user(self.sales_rep)
        earlier.with_user(self.sales_rep).cause_category = "material"
        dirty = self.env.cache.get_dirty_records(
            Ticket, Ticket._fields["cause_category"]
        )
        self.assertIn(earlier, dirty, "the earlier one's edit is still pending")
        later.with_user(self.sales_rep).cause_category = "material"
        self.assertEqual(later.recurrence_of_id, earlier)
        self.assertTrue(later.is_repeat_cause)
        # Both in one write: the newer one repeats the older one's cause.
        (earlier | latest).with_user(self.sales_rep).write({"cause_category": "man"})
        self.assertEqual(latest.recurrence_of_id, earlier)
        self.assertFalse(earlier.recurrence_of_id)
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT recurrence_of_id, is_repeat_cause FROM helpdesk_ticket"
            " WHERE id = %s",
            [later.id],
        )
        self.assertEqual(self.env.cr.fetchone(), (earlier.id, True))

    def test_earlier_complaints_are_counted_exactly_up_to_100(self):
        """Up to 100 the count is exact, matched by customer, product or
        category alike; from 101 the form says 100+ and the button's list
        has them all."""
        history = self._history(101)
        newest = history[0]
        self.assertEqual(newest.earlier_complaint_count, 100)
        self.assertFalse(newest.earlier_complaint_more)
        second = history[1]
        self.assertEqual(second.earlier_complaint_count, 99)
        history |= self._history(1, offset=101)
        newest.invalidate_recordset()
        self.assertEqual(newest.earlier_complaint_count, 100)
        self.assertTrue(newest.earlier_complaint_more)
        listed = self.env["helpdesk.ticket"].search_count(
            newest.action_view_earlier_complaints()["domain"]
        )
        self.assertEqual(listed, 101)

    def test_earlier_complaints_are_the_newest_and_the_button_lists_all(self):
        history = self._history(12)
        complaint = history[0]  # the newest: the 11 others are earlier ones
        older = history[1:]
        self.assertEqual(complaint.earlier_complaint_count, 11)
        self.assertEqual(complaint.earlier_complaint_ids.ids, older[:5].ids)
        action = complaint.action_view_earlier_complaints()
        listed = self.env["helpdesk.ticket"].search(action["domain"])
        self.assertEqual(listed, older)
        # The oldest has none.
        self.assertFalse(history[-1].earlier_complaint_count)
        self.assertFalse(
            self.env["helpdesk.ticket"].search(
                history[-1].action_view_earlier_complaints()["domain"]
            )
        )

    def test_a_first_complaint_has_no_earlier_ones_in_either_form(self):
        """A customer's first complaint: no earlier complaint, in the saved
        form, its Recurrence tab and the new form."""
        self.env["helpdesk.ticket"].search(
            [("is_complaint", "=", True), ("partner_id", "=", self.customer.id)]
        ).write({"active": False})
        new_form = self._log_complaint()
        self.assertEqual(new_form.earlier_complaint_count, 0)
        new_form.category_id = self.cutting
        self.assertEqual(new_form.earlier_complaint_count, 0)
        first = self._history(1)
        self.assertEqual(first.earlier_complaint_ids.ids, [])
        self.assertEqual(first.earlier_complaint_count, 0)
        self.assertFalse(first.earlier_complaint_more)
        self.assertEqual(self._open_form(first).earlier_complaint_count, 0)
        self.assertEqual(self._recurrence_tab(first), [])

    def test_earlier_complaints_use_the_indexes(self):
        """The form's first few read the partial index in its order."""
        self.env.cr.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'helpdesk_ticket'"
        )
        indexes = {name for (name,) in self.env.cr.fetchall()}
        self.assertLessEqual(
            {
                "helpdesk_ticket_complaint_received_index",
                "helpdesk_ticket_complaint_commercial_partner_id_received_index",
                "helpdesk_ticket_complaint_category_id_received_index",
                "helpdesk_ticket_complaint_cause_received_index",
                "helpdesk_ticket__duplicate_id_index",
            },
            indexes,
        )
