# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 14: the procedure holds on every write path. Each test plays the
role's user going around the buttons: editing the documents before they
are posted or confirmed, merging across customers, rating twice, writing
numbers that are not numbers."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import ComplaintCase

NOT_NUMBERS = (float("nan"), float("inf"), float("-inf"), "nan", "1e309")


@tagged("post_install", "-at_install")
class TestDocumentsAsApproved(ComplaintCase):
    """A credit note, reprint order or discount code is posted, confirmed
    or used only as approved and accepted."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoice = cls._invoice_order(cls.order)
        cls.brochure_line, cls.poster_line = cls.order.order_line

    def _accepted(self, type_xmlid, **values):
        complaint = self._at_solution_step()
        solution = self._propose(complaint, type_xmlid, **values)
        self._approve_all(solution)
        return complaint, solution

    def test_credit_note_edited_above_the_approved_amount_is_not_posted(self):
        complaint, solution = self._accepted("solution_type_partial_refund", amount=50)
        credit_note = solution.credit_note_ids.with_user(self.finance_user)
        line = credit_note.invoice_line_ids
        credit_note.write(
            {"invoice_line_ids": [Command.update(line.id, {"price_unit": 5000})]}
        )
        self._offer_and_accept(complaint)
        with self.assertRefused(UserError, "come to .*5,000.00 untaxed.*approved"):
            credit_note.action_post()
        self.assertEqual(credit_note.state, "draft")
        self.assertEqual(solution.state, "in_execution")
        # Put back as approved, it is posted and the refund is done.
        credit_note.write(
            {"invoice_line_ids": [Command.update(line.id, {"price_unit": 50})]}
        )
        credit_note.action_post()
        self.assertEqual(solution.state, "done")

    def test_credit_note_of_another_customer_or_product_is_not_posted(self):
        complaint, solution = self._accepted("solution_type_partial_refund", amount=50)
        self._offer_and_accept(complaint)
        credit_note = solution.credit_note_ids.with_user(self.finance_user)
        stranger = self.env["res.partner"].create({"name": "Harbour Books"})
        credit_note.partner_id = stranger
        with self.assertRefused(UserError, "another customer"):
            credit_note.action_post()
        credit_note.partner_id = self.customer
        line = credit_note.invoice_line_ids
        credit_note.write(
            {
                "invoice_line_ids": [
                    Command.update(
                        line.id, {"complaint_sale_line_id": self.poster_line.id}
                    )
                ]
            }
        )
        with self.assertRefused(UserError, "other products or lines"):
            credit_note.action_post()
        self.assertEqual(credit_note.state, "draft")

    def test_refundable_cap_holds_on_the_credit_note(self):
        complaint, solution = self._accepted(
            "solution_type_partial_refund", amount=2000
        )
        self._offer_and_accept(complaint)
        # Meanwhile finance reverses the whole invoice by hand.
        manual = self.invoice.with_user(self.finance_user)._reverse_moves()
        manual.action_post()
        with self.assertRefused(UserError, "can still be refunded"):
            solution.credit_note_ids.with_user(self.finance_user).action_post()
        self.assertEqual(solution.credit_note_ids.state, "draft")

    def test_reprint_order_edited_is_not_confirmed(self):
        complaint, solution = self._accepted(
            "solution_type_shared_reprint", quantity=1000
        )
        order = solution.reprint_order_id.with_user(self.sales_rep)
        line = order.order_line
        original = {"product_uom_qty": line.product_uom_qty, "price_unit": 0.25}
        for change in ({"product_uom_qty": 5000}, {"price_unit": 0.0}):
            order.write({"order_line": [Command.update(line.id, change)]})
            with self.assertRefused(UserError, "not those approved"):
                self._offer_and_accept(complaint)
            self.assertEqual(order.state, "draft")
            self.assertEqual(solution.state, "approved")
            order.write({"order_line": [Command.update(line.id, original)]})
        order.write(
            {
                "order_line": [
                    Command.create({"product_id": self.poster.id, "price_unit": 0})
                ]
            }
        )
        with self.assertRefused(UserError, "not those approved"):
            self._offer_and_accept(complaint)
        order.order_line.filtered(lambda line: line.product_id == self.poster).unlink()
        self._offer_and_accept(complaint)
        self.assertEqual(order.state, "sale")

    def test_discount_code_raised_is_not_used(self):
        complaint, solution = self._accepted(
            "solution_type_discount", sale_line_ids=[Command.clear()], amount=80.0
        )
        self._offer_and_accept(complaint)
        card = solution.discount_card_id
        sales_manager = new_test_user(
            self.env, login="sales_boss", groups="sales_team.group_sale_manager"
        )
        card.with_user(sales_manager).points = 5000
        next_order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.poster.id, "product_uom_qty": 100}
                    )
                ],
            }
        )
        rewards = next_order._try_apply_code(card.code)
        reward, coupon = next(
            (reward, coupon)
            for coupon, coupon_rewards in rewards.items()
            for reward in coupon_rewards
        )
        next_order._apply_program_reward(reward, coupon)
        with self.assertRefused(UserError, "worth .*5,000.00.*80.00"):
            next_order.with_user(sales_manager).action_confirm()
        self.assertEqual(next_order.state, "draft")
        self.assertEqual(card.points, 5000)


@tagged("post_install", "-at_install")
class TestMergeWithinTheCustomer(ComplaintCase):
    def test_duplicate_of_another_customers_complaint_is_refused(self):
        mine = self._create_complaint()
        stranger = self.env["res.partner"].create(
            {"name": "Harbour Books", "email": "b@harbour.example.com"}
        )
        order = self.order.copy({"partner_id": stranger.id})
        order.action_confirm()
        theirs = self._create_complaint(
            partner_id=stranger.id,
            sale_order_id=order.id,
            sale_line_ids=[Command.set(order.order_line[:1].ids)],
        )
        mine.message_post(body="Call me on +86 138 0000 0000")
        photo = self._add_photo(mine)
        qc_mine = mine.with_user(self.qc_user)
        with self.assertRefused(ValidationError, "another customer's"):
            qc_mine.duplicate_id = theirs
        self.assertFalse(mine.duplicate_id)
        # Set before the rule held (or around it): the merge refuses too.
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET duplicate_id = %s WHERE id = %s",
            [theirs.id, mine.id],
        )
        mine.invalidate_recordset(["duplicate_id"])
        with self.assertRefused(ValidationError, "another customer's"):
            qc_mine.action_merge_duplicate()
        self.assertEqual(photo.res_id, mine.id)
        self.assertNotIn("138 0000", "".join(theirs.message_ids.mapped("body")))
        self.assertNotEqual(mine.complaint_step, "closed")
        # The customer of the original changed since: refused as well.
        same = self._create_complaint(name="Same cover problem")
        same.with_user(self.qc_user).duplicate_id = mine
        with self.assertRefused(ValidationError, "another customer's"):
            mine.partner_id = stranger


@tagged("post_install", "-at_install")
class TestOneRatingPerClosure(ComplaintCase):
    def _closed(self):
        complaint = self._at_solution_step()
        solution = self._propose(complaint, "solution_type_apology")
        self._approve_all(solution)
        self._offer_and_accept(complaint)
        complaint.action_next_step()
        self._closure_complete(complaint)
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "closed")
        # The closure email's rating link (sent at commit).
        self.email_token = complaint._rating_get_access_token()
        return complaint

    def _record(self, complaint, score, user=None):
        wizard = (
            self.env["printing.complaint.rating.wizard"]
            .with_user(user or self.sales_rep)
            .create({"ticket_id": complaint.id, "score": str(score)})
        )
        return wizard.action_record()

    def _by_link(self, complaint, score):
        """What the closure email's link does (controllers/rating.py)."""
        return complaint.sudo()._complaint_apply_rating(
            score, "", False, token=self.email_token
        )

    def _consumed(self, complaint):
        return complaint.sudo().rating_ids.filtered("consumed")

    def test_the_customers_own_rating_is_never_hidden(self):
        complaint = self._closed()
        self._by_link(complaint, 1)
        with self.assertRefused(UserError, "rated this closure 1/5 themselves"):
            self._record(complaint, 5)
        self.assertEqual(len(self._consumed(complaint)), 1)
        self.assertEqual(complaint.rating_last_value, 1)

    def test_a_recorded_rating_says_its_channel_and_is_corrected_not_added(self):
        complaint = self._closed()
        self._record(complaint, 4)
        self._record(complaint, 5)
        rating = self._consumed(complaint)
        self.assertEqual(len(rating), 1)
        self.assertEqual(rating.rating, 5)
        self.assertEqual(rating.complaint_recorded_by_id, self.sales_rep)
        self.assertEqual(
            rating.complaint_channel_id,
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone"),
        )
        # The customer's own answer through the link replaces it.
        self._by_link(complaint, 2)
        self.assertEqual(self._consumed(complaint), rating)
        self.assertEqual(rating.rating, 2)
        self.assertFalse(rating.complaint_recorded_by_id)
        self.assertFalse(rating.complaint_channel_id)
        with self.assertRefused(UserError, "themselves"):
            self._record(complaint, 5)
        self.assertEqual(complaint.rating_last_value, 2)

    def _close_again(self, complaint):
        # (The first round's apology is archived: offering checks every
        # live solution, a round of its own is not this test's subject.)
        complaint.solution_ids.sudo().active = False
        solution = self._propose(complaint, "solution_type_apology")
        self._approve_all(solution)
        self._offer_and_accept(complaint)
        complaint.action_next_step()
        complaint.action_confirm_closure()
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "closed")

    def test_a_reopening_starts_a_new_round(self):
        complaint = self._closed()
        old_token = self.email_token
        self._by_link(complaint, 2)
        complaint.with_user(self.manager)._complaint_reopen("Second box dark too")
        self._close_again(complaint)
        self.assertNotEqual(complaint._rating_get_access_token(), old_token)
        # The first closure's link does not rate the second one.
        with self.assertRefused(UserError, "earlier closure"):
            complaint.sudo()._complaint_apply_rating(5, "", False, token=old_token)
        # The customer gave none this round: the rep records the phone call.
        self._record(complaint, 4)
        ratings = self._consumed(complaint).sorted("id")
        self.assertEqual(ratings.mapped("rating"), [2, 4])
        self.assertEqual(ratings.mapped("complaint_round"), [0, 1])
        self.assertEqual(complaint.rating_last_value, 4)

    def test_ratings_are_not_written_by_hand(self):
        complaint = self._closed()
        self._record(complaint, 3)
        rating = self._consumed(complaint)
        with self.assertRefused(AccessError, "customer's"):
            rating.with_user(self.sales_rep).write({"complaint_recorded_by_id": False})


@tagged("post_install", "-at_install")
class TestFiniteNumbers(ComplaintCase):
    """NaN and infinity are refused in every float of the addons."""

    def _addon_number_fields(self):
        """Every float and monetary field the addons define, on any model
        (read from ir.model.fields: independent of the code under test)."""
        fields_ = self.env["ir.model.fields"].search(
            [("ttype", "in", ("float", "monetary"))]
        )
        return [
            (field.model, field.name)
            for field in fields_
            if "printing_complaint" in (field.modules or "") and field.model in self.env
        ]

    def test_every_float_field_refuses_what_is_not_a_number(self):
        fields_ = self._addon_number_fields()
        names = {name for _model, name in fields_}
        # Among them the ones the attack used, on models of other modules.
        self.assertTrue(
            {"measured_deviation", "quantity_affected", "amount", "cost"} <= names
        )
        self.assertIn(("sale.order", "complaint_tolerance_delta_e"), fields_)
        for model, name in fields_:
            for value in NOT_NUMBERS:
                with (
                    self.subTest(model=model, field=name, value=value),
                    self.assertRefused(ValidationError, "must be a number"),
                ):
                    self.env[model].browse().write({name: value})

    def test_qc_cannot_write_nan_or_infinity(self):
        complaint = self._create_complaint(measured_deviation=2.5)
        qc_complaint = complaint.with_user(self.qc_user)
        for value in NOT_NUMBERS:
            with self.assertRefused(ValidationError, "must be a number"):
                qc_complaint.write({"measured_deviation": value})
            with self.assertRefused(ValidationError, "must be a number"):
                qc_complaint.write({"quantity_affected": value})
        self.assertEqual(complaint.measured_deviation, 2.5)
        self.assertEqual(complaint.quantity_affected, 1200)
        with self.assertRefused(ValidationError, "must be a number"):
            self._create_complaint(measured_deviation=float("nan"))
        with self.assertRefused(ValidationError, "must be a number"):
            self.company.with_user(self.manager).complaint_tolerance_delta_e = float(
                "inf"
            )

    def test_a_solution_amount_cannot_be_infinite(self):
        complaint = self._at_solution_step()
        with self.assertRefused(ValidationError, "must be a number"):
            self._propose(
                complaint,
                "solution_type_partial_refund",
                amount=float("inf"),
            )
        self.assertFalse(complaint.solution_ids)
