# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 14 over plain HTTP and XML-RPC: numbers that are not numbers and
impossible dates are refused with the reason, and change nothing."""

from xmlrpc.client import Fault

from odoo import Command, http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import PNG


@tagged("post_install", "-at_install")
class TestNotNumbersOverHttp(HttpCase):
    def setUp(self):
        super().setUp()
        env = self.env
        self.customer = env["res.partner"].create(
            {"name": "Lotus Printing Buyer Ltd.", "is_company": True}
        )
        self.buyer = new_test_user(
            env,
            login="lotus_nan",
            password="lotus_nan_pw",
            name="Lotus Buyer",
            groups="base.group_portal",
        )
        self.buyer.partner_id.parent_id = self.customer
        product = env["product.product"].create({"name": "Brochure A4"})
        self.order = env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": 100})
                ],
            }
        )
        self.order.action_confirm()
        self.sequence = env["ir.sequence"].search(
            [("code", "=", "printing.complaint")], limit=1
        )

    def _submit(self, key, **data):
        form = {
            "csrf_token": http.Request.csrf_token(self),
            "submission_key": key,
            "order": str(self.order.id),
            "lines": [str(line.id) for line in self.order.order_line],
            "subject": "Covers too dark",
            "description": "The blue cover is too dark.",
            "quantity": "40",
        }
        form.update(data)
        return self.url_open(
            "/my/complaint/submit",
            data=form,
            files=[("attachment", ("cover.png", PNG, "image/png"))],
        )

    def _complaints(self):
        return self.env["helpdesk.ticket"].search(
            [("partner_id", "=", self.buyer.partner_id.id)]
        )

    def test_portal_form_refuses_nan_infinity_and_impossible_dates(self):
        self.authenticate("lotus_nan", "lotus_nan_pw")
        next_number = self.sequence.number_next_actual
        cases = [
            ({"quantity": "nan"}, "quantity affected must be a number"),
            ({"quantity": "inf"}, "quantity affected must be a number"),
            ({"quantity": "-Infinity"}, "quantity affected must be a number"),
            ({"quantity": "1e309"}, "quantity affected must be a number"),
            ({"date_found": "2026-02-30"}, "not a valid date"),
            ({"date_found": "yesterday"}, "not a valid date"),
        ]
        for index, (data, reason) in enumerate(cases):
            with self.subTest(**data):
                response = self._submit(f"nan-{index}", **data)
                self.assertEqual(response.status_code, 400)
                self.assertIn(reason, response.text)
                # The form again, with what the customer typed.
                self.assertIn('name="subject"', response.text)
        self.assertFalse(self._complaints())
        self.sequence.invalidate_recordset(["number_next_actual"])
        self.assertEqual(self.sequence.number_next_actual, next_number)
        # A good form still files, with the very next number.
        response = self._submit("good", date_found="2026-02-28")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(self._complaints()), 1)
        self.assertEqual(str(self._complaints().date_found), "2026-02-28")

    def test_qc_cannot_write_nan_over_xmlrpc(self):
        qc = new_test_user(
            self.env,
            login="qc_nan",
            password="qc_nan_pw",
            groups="printing_complaint.group_complaint_qc",
        )
        complaint = self.env["helpdesk.ticket"].create(
            {
                "name": "Colour off",
                "description": "<p>Darker than the proof.</p>",
                "team_id": self.env.ref(
                    "printing_complaint.helpdesk_team_complaints"
                ).id,
                "partner_id": self.customer.id,
                "sale_order_id": self.order.id,
                "measured_deviation": 2.5,
            }
        )
        db = self.env.cr.dbname
        for value in (float("nan"), float("inf"), "nan"):
            with self.subTest(value=value), self.assertRaises(Fault) as caught:
                self.xmlrpc_object.execute(
                    db,
                    qc.id,
                    "qc_nan_pw",
                    "helpdesk.ticket",
                    "write",
                    [complaint.id],
                    {"measured_deviation": value},
                )
            self.assertIn("must be a number", caught.exception.faultString)
        complaint.invalidate_recordset()
        self.assertEqual(complaint.measured_deviation, 2.5)
