"""What the customer reads of their own complaint and its solutions over RPC
(read / search_read as the portal user): exactly the customer-facing fields.
The investigation (5-Why, 6M, responsibility, supplier, internal refs), the
classification, costs, proposer, stage history and approvals are internal
(groups="base.group_user" on the field definitions).

Every field the two addons define (or redefine) on helpdesk.ticket, and
every field of printing.complaint.solution but the chatter's (mail's, as
mail has them), is read one by one: a new field is either listed below as
customer-facing or internal."""

from conftest import cross_addon_test

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.printing_complaint.tests.common import ComplaintCase

ADDONS = {"printing_complaint", "printing_complaint_report"}
CHATTER_MODULES = {"mail", "portal", "rating", "sms"}

CUSTOMER_TICKET_FIELDS = {
    "is_complaint",
    "complaint_step",
    "feedback_type",
    "feedback_answer",
    "priority",  # helpdesk_mgmt's, shown in its portal
    "sale_order_id",
    "sale_line_ids",
    "quantity_affected",
    "date_found",
    "place_found",
    "customer_met_before",
    "customer_actions",
    "received_date",
    "is_oral",
    "written_confirmation_date",
    "awaiting_written_confirmation",
    "acknowledged_date",
    "evidence_ids",
    "evidence_count",
    "step_deadline",
    "solution_ids",
    "company_currency_id",
    "decision_ids",
    "customer_decision",
    "closure_confirmed",
    "closure_confirmed_date",
    "closure_summary",  # what was found, done and changed, told to the customer
    "closure_confirmation_sent_date",
    "customer_summary",  # the findings, in words meant for the customer
    "verification_due",  # the answers promised in the acknowledgement
    "proposal_due",
    "suggestion_decision",
    # the facts of the complaint's type, and the job without a sale order
    "needs_evidence",
    "needs_service_facts",
    "needs_proof_check",
    "needs_defect_category",
    "needs_delivery_dates",
    "needs_quantities",
    "promised_delivery_date",
    "actual_delivery_date",
    "delivery_delay_days",
    "incident_datetime",
    "ordered_quantity",
    "counted_quantity",
    "invoice_id",
    "job_reference",
    "job_amount",
    # flags and counts the backend form's layout depends on
    "validity",
    "measure_kind",
    "is_overdue",
    "reprint_order_count",
    "credit_note_count",
    # The customer's own choices, product_ids and request_ids, are not read
    # over RPC either: the portal has no access to products and requests
    # (the portal pages show them as superuser).
}
CUSTOMER_SOLUTION_FIELDS = {
    # Odoo's own columns of every record
    "id",
    "display_name",
    "create_date",
    "create_uid",
    "write_date",
    "write_uid",
    # the offer
    "active",
    "sequence",
    "ticket_id",
    "company_id",
    "currency_id",
    "partner_id",
    "sale_order_id",
    "type_id",
    "description",
    "sale_line_ids",
    "quantity",
    "customer_share",
    "amount",
    "deadline",
    "state",
    "done_date",
    # the customer's documents: the reprint order, the credit notes, the code
    "reprint_order_id",
    "credit_note_ids",
    "credit_note_payment_state",
    "discount_code",
    "discount_card_id",
    "execution_kind",
    "compensation_given",
}
# Read only by the complaint managers and the director.
MANAGER_TICKET_FIELDS = {"fault_user_id"}
INTERNAL_SAMPLES = {
    "helpdesk.ticket": [
        "root_cause",
        "solution_cost_total",
        "why_1",
        "cause_category",
        "responsibility_id",
        "responsible_user_id",
        "supplier_id",
        "work_order_ref",
        "stage_history_ids",
        "approval_review_ids",
        "severity",
        "fault_user_id",
    ],
    "printing.complaint.solution": ["cost", "proposer_id", "review_ids"],
}


@cross_addon_test
@tagged("post_install", "-at_install")
class TestPortalFieldAccess(ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.buyer = new_test_user(
            cls.env,
            login="lotus_buyer_fields",
            name="Li Wei",
            email="li@lotus.example.com",
            groups="base.group_portal",
        )
        cls.buyer.partner_id.parent_id = cls.customer

    def _offered(self):
        """A complaint whose approved apology is offered to the customer."""
        complaint = self._at_solution_step()
        complaint.write({"supplier_id": self.customer.id, "why_1": "Ink density"})
        solution = self._propose(
            complaint, "solution_type_apology", description="Apology"
        )
        solution.action_request_approval()
        self._review(solution, self.production_head)
        complaint.action_send_offer()
        self.assertEqual(solution.state, "offered")
        return complaint, solution

    def _readable(self, record, names):
        readable = set()
        for name in names:
            try:
                record.with_user(self.buyer).read([name])
            except AccessError:
                continue
            readable.add(name)
        return readable

    def test_the_customer_reads_only_the_customer_facing_fields(self):
        complaint, solution = self._offered()
        ticket_fields = [
            name
            for name, field in complaint._fields.items()
            if ADDONS & set(field._modules or ())
        ]
        self.assertEqual(
            self._readable(complaint, ticket_fields), CUSTOMER_TICKET_FIELDS
        )
        solution_fields = [
            name
            for name, field in solution._fields.items()
            if not set(field._modules or ()) <= CHATTER_MODULES
        ]
        self.assertEqual(
            self._readable(solution, solution_fields), CUSTOMER_SOLUTION_FIELDS
        )
        # The internal users of the complaint still read everything but the
        # managers' own fields (the person at fault).
        for user in (self.sales_rep, self.qc_user, self.finance_user):
            complaint.with_user(user).read(
                [name for name in ticket_fields if name not in MANAGER_TICKET_FIELDS]
            )
            solution.with_user(user).read(solution_fields)

    def test_rpc_reads_of_internal_fields_are_refused(self):
        complaint, solution = self._offered()
        for record in (complaint, solution):
            Model = self.env[record._name].with_user(self.buyer)
            internal = INTERNAL_SAMPLES[record._name]
            # What an RPC client asks for: refused, not an empty answer.
            with self.assertRaises(AccessError):
                Model.search_read([("id", "=", record.id)], internal)
            with self.assertRaises(AccessError):
                record.with_user(self.buyer).read(internal)
            # Nor are they listed to the customer, nor searchable.
            self.assertFalse(set(internal) & set(Model.fields_get()))
            with self.assertRaises(AccessError):
                Model.search([(internal[0], "!=", False)])
        # What the customer is offered stays readable.
        [offer] = (
            self.env["printing.complaint.solution"]
            .with_user(self.buyer)
            .search_read([("ticket_id", "=", complaint.id)], ["type_id", "state"])
        )
        self.assertEqual(offer["state"], "offered")

    def test_internal_check_answers_as_the_groups_do(self):
        """res.users.has_groups("base.group_user") reads `share` (a faster
        path for the internal fields' checks): it answers as the groups do,
        also when they change in the same transaction."""
        public = self.env.ref("base.public_user")
        for user in (self.sales_rep, self.buyer, public):
            with self.subTest(user=user.login):
                self.assertEqual(
                    user.has_groups("base.group_user"),
                    user._has_group("base.group_user"),
                )
        self.assertTrue(self.sales_rep.has_groups("base.group_user"))
        self.assertFalse(self.buyer.has_groups("base.group_user"))
        Ticket = self.env["helpdesk.ticket"].with_user(self.sales_rep)
        internal = {
            name
            for name in INTERNAL_SAMPLES["helpdesk.ticket"]
            if Ticket._fields[name].groups == "base.group_user"
        }
        self.assertTrue(internal)
        self.assertLessEqual(internal, set(Ticket.fields_get()))
        # Made a portal user: the internal fields close at once.
        self.sales_rep.write(
            {"groups_id": [(6, 0, self.env.ref("base.group_portal").ids)]}
        )
        self.assertFalse(self.sales_rep.has_groups("base.group_user"))
        self.assertFalse(internal & set(Ticket.fields_get()))
