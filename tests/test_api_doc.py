"""docs/api.md's XML-RPC examples, run as written against the test server
(the HTTP server of HttpCase serves /xmlrpc/2/object), as the users of
each role: log a complaint, move it, propose and approve a solution,
record the customer's decision, confirm the closure."""

import contextlib
import io
import os
import re
import tempfile
from unittest.mock import patch

from conftest import REPO, cross_addon_test

from odoo import Command
from odoo.tests import HttpCase, get_db_name, new_test_user, tagged

from odoo.addons.printing_complaint.tests.common import PNG

API_DOC = REPO / "docs" / "api.md"


def doc_examples():
    """The python code blocks of docs/api.md, in order."""
    return re.findall(r"```python\n(.*?)```", API_DOC.read_text(), re.DOTALL)


@cross_addon_test
@tagged("post_install", "-at_install")
class TestApiDoc(HttpCase):
    def setUp(self):
        super().setUp()
        env = self.env
        roles = {
            "rep_north": "printing_complaint.group_complaint_sales",
            "qc_inspector": "printing_complaint.group_complaint_qc",
            "production_head": "printing_complaint.group_complaint_production",
        }
        self.users = {
            login: new_test_user(
                env, login=login, password=f"{login}-pw", groups=groups, name=login
            )
            for login, groups in roles.items()
        }
        rep = self.users["rep_north"]
        team = env.ref("printing_complaint.helpdesk_team_complaints")
        team.user_ids = [Command.link(rep.id)]
        env.ref(
            "printing_complaint.responsibility_production"
        ).head_user_id = self.users["production_head"]
        customer = env["res.partner"].create(
            {"name": "Lotus Printing Buyer Ltd.", "is_company": True}
        )
        product = env["product.product"].create(
            {"name": "Brochure A4", "list_price": 0.5, "invoice_policy": "order"}
        )
        self.order = env["sale.order"].create(
            {
                "partner_id": customer.id,
                "user_id": rep.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": 500})
                ],
            }
        )
        self.order.action_confirm()
        photo = tempfile.NamedTemporaryFile(suffix=".png", delete=False)
        photo.write(PNG)
        photo.close()
        self.addCleanup(os.unlink, photo.name)
        self.environ = {
            "ODOO_URL": self.base_url(),
            "ODOO_DB": get_db_name(),
            "REP_PASSWORD": "rep_north-pw",
            "QC_PASSWORD": "qc_inspector-pw",
            "HEAD_PASSWORD": "production_head-pw",
            "PHOTO_PATH": photo.name,
        }

    def test_the_documented_examples_run_as_written(self):
        examples = doc_examples()
        self.assertGreaterEqual(len(examples), 6)
        self.env.flush_all()
        output = io.StringIO()
        namespace = {"__name__": "api_doc"}
        with patch.dict(os.environ, self.environ), contextlib.redirect_stdout(output):
            for number, code in enumerate(examples, 1):
                where = f"{API_DOC} (python block {number})"
                exec(compile(code, where, "exec"), namespace)
        self.env.invalidate_all()
        complaint = self.env["helpdesk.ticket"].browse(namespace["complaint"])
        self.assertEqual(complaint.sale_order_id, self.order)
        self.assertEqual(complaint.complaint_step, "closed")
        self.assertEqual(complaint.user_id, self.users["rep_north"])
        solution = complaint.solution_ids
        self.assertEqual(solution.state, "done")
        self.assertEqual(solution.proposer_id, self.users["rep_north"])
        review = solution.review_ids.filtered(lambda r: r.status == "approved")
        self.assertEqual(review.done_by, self.users["production_head"])
        self.assertEqual(review.comment, "Agreed: ink density")
        self.assertEqual(complaint.decision_ids.decision, "accepted")
        printed = output.getvalue().split("\n")
        self.assertIn(f"{complaint.number} registered", printed)
        self.assertIn("approved", printed)
        self.assertIn("execution", printed)
        self.assertIn("closed", printed)
        # The refused move printed what the verification step still needs.
        self.assertTrue(any("proof" in line for line in printed), printed)
