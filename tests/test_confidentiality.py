"""A customer's complaint, its files and its messages are seen only by the
groups that handle complaints; customers' text is shown as text in the
documents and emails."""

from conftest import cross_addon_test

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.printing_complaint.tests.common import ComplaintCase

SCRIPT = "<script>alert('x')</script>"


@cross_addon_test
@tagged("post_install", "-at_install")
class TestConfidentiality(ComplaintCase):
    def test_only_complaint_handlers_see_a_complaint_and_its_files(self):
        complaint = self._create_complaint()
        photo = self._add_photo(complaint)
        complaint.message_post(body="The buyer's mobile is 138 0000 0000")
        employee = new_test_user(self.env, login="warehouse_clerk")
        stranger = new_test_user(
            self.env, login="other_portal", groups="base.group_portal"
        )
        for user in (employee, stranger):
            with self.assertRaises(AccessError, msg=user.login):
                complaint.with_user(user).read(["name", "partner_id", "description"])
            with self.assertRaises(AccessError, msg=user.login):
                photo.with_user(user).read(["datas"])
            messages = (
                self.env["mail.message"]
                .with_user(user)
                .search(
                    [("model", "=", "helpdesk.ticket"), ("res_id", "=", complaint.id)]
                )
            )
            self.assertFalse(messages, user.login)
        # Who follows the complaint (the customer's contacts): seen by the
        # handlers, not by an employee or a rep of another team.
        complaint.message_subscribe(partner_ids=self.customer.ids)
        Followers = self.env["mail.followers"]
        followers = [
            ("res_model", "=", "helpdesk.ticket"),
            ("res_id", "=", complaint.id),
        ]
        for user in (employee, self.other_rep):
            self.assertFalse(Followers.with_user(user).search(followers), user.login)
        for handler in (self.sales_rep, self.qc_user, self.manager):
            self.assertIn(
                self.customer,
                Followers.with_user(handler).search(followers).partner_id,
                handler.login,
            )
        # The followers of other tickets stay readable, as in Odoo.
        helpdesk = self.env["helpdesk.ticket.team"].create({"name": "IT support"})
        ticket = self.env["helpdesk.ticket"].create(
            {"name": "Printer", "description": "<p>x</p>", "team_id": helpdesk.id}
        )
        ticket.message_subscribe(partner_ids=self.customer.ids)
        self.assertIn(
            self.customer,
            Followers.with_user(employee)
            .search([("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)])
            .partner_id,
        )
        for handler in (self.sales_rep, self.qc_user, self.finance_user, self.director):
            self.assertEqual(complaint.with_user(handler).partner_id, self.customer)
            self.assertTrue(photo.with_user(handler).datas)

    def test_a_complaints_rating_is_seen_by_those_who_see_the_complaint(self):
        complaint = self._create_complaint()
        complaint._rating_get_access_token()
        rating = complaint.rating_ids
        feedback = "Li Wei, 138 0000 0000"
        rating.write({"rating": 1, "feedback": feedback, "consumed": True})
        helpdesk = self.env["helpdesk.ticket.team"].create({"name": "IT support"})
        ticket = self.env["helpdesk.ticket"].create(
            {"name": "Printer", "description": "<p>x</p>", "team_id": helpdesk.id}
        )
        ticket._rating_get_access_token()
        employee = new_test_user(self.env, login="warehouse_clerk")
        Rating = self.env["rating.rating"]
        ratings = [("res_model", "=", "helpdesk.ticket")]
        self.assertEqual(rating.helpdesk_ticket_id, complaint)
        # An employee outside the complaint groups, and a rep of another team,
        # still see the ratings of other tickets, never the complaint's.
        for user in (employee, self.other_rep):
            self.assertEqual(
                Rating.with_user(user).search(ratings), ticket.rating_ids, user.login
            )
            with self.assertRaises(AccessError, msg=user.login):
                rating.with_user(user).read(["feedback"])
        for handler in (self.sales_rep, self.qc_user, self.manager):
            self.assertEqual(rating.with_user(handler).feedback, feedback)
            self.assertIn(rating, Rating.with_user(handler).search(ratings))

    def test_customer_text_is_shown_as_text(self):
        complaint = self._create_complaint(
            name=f"Covers {SCRIPT}",
            customer_actions=f"Kept the boxes {SCRIPT}",
        )
        self.env.flush_all()
        self.env.cr.precommit.run()  # the acknowledgement email
        email = complaint.message_ids.filtered(
            lambda m: "we received your feedback" in (m.subject or "")
        )
        self.assertTrue(email)
        self.assertNotIn("<script>", email.body)
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "printing_complaint_report.action_report_complaint_registration",
            complaint.ids,
        )
        html = html.decode()
        self.assertNotIn(SCRIPT, html)
        self.assertIn("&lt;script&gt;", html)
