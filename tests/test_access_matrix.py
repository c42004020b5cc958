"""The access model, role by role, for every model the two addons define.

The matrix below is the specification: which operations each role may do
on each model (ACLs). The test derives the list of models from the
registry, so a new model of either addon fails here until it has its line
(and, for stored business data, its record rules). Record rules are then
exercised on real records of two teams and two customers.
"""

from conftest import cross_addon_test

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.printing_complaint.tests.common import ComplaintCase

ADDONS = ("printing_complaint", "printing_complaint_report")
ROLES = (
    "employee",
    "sales",
    "qc",
    "quality_manager",
    "production",
    "purchasing",
    "logistics",
    "finance",
    "director",
    "manager",
    "portal",
    "public",
)
ALL_COMPLAINT = (
    "sales",
    "qc",
    "quality_manager",
    "production",
    "purchasing",
    "logistics",
    "finance",
    "director",
    "manager",
)
INTERNAL = ("employee", *ALL_COMPLAINT)


def _grant(roles, operations):
    return dict.fromkeys(roles, operations)


# model -> role -> operations among "r", "w", "c", "u" (read, write,
# create, unlink). Roles not listed may do nothing.
MATRIX = {
    "printing.complaint.request": {**_grant(INTERNAL, "r"), "manager": "rwc"},
    "printing.complaint.time.limit": {**_grant(INTERNAL, "r"), "manager": "rwcu"},
    "printing.complaint.responsibility": {**_grant(INTERNAL, "r"), "manager": "rwc"},
    "printing.complaint.solution.type": {**_grant(INTERNAL, "r"), "manager": "rwc"},
    "printing.complaint.stage.history": _grant(ALL_COMPLAINT, "r"),
    "printing.complaint.evidence": {**_grant(ALL_COMPLAINT, "rwc"), "portal": "r"},
    "printing.complaint.solution": {**_grant(ALL_COMPLAINT, "rwc"), "portal": "r"},
    "printing.complaint.decision": {**_grant(ALL_COMPLAINT, "rc"), "portal": "r"},
    # Only QC records an inspection: create() checks the group (the ACL lets
    # the complaint roles try, and read the release record).
    "printing.complaint.inspection": _grant(ALL_COMPLAINT, "rc"),
    # The complaint team and its meetings: a member leaves (archived) and
    # the minutes are kept.
    "printing.complaint.team.member": _grant(ALL_COMPLAINT, "rwc"),
    "printing.complaint.meeting": _grant(ALL_COMPLAINT, "rwc"),
    "printing.complaint.reopen.wizard": {"manager": "rwc"},
    "printing.complaint.handling.wizard": _grant(ALL_COMPLAINT, "rwc"),
    "printing.complaint.rating.wizard": _grant(ALL_COMPLAINT, "rwc"),
    "printing.complaint.solution.withdraw.wizard": _grant(ALL_COMPLAINT, "rwc"),
    "printing.complaint.effectiveness.wizard": _grant(
        ("qc", "quality_manager", "production", "purchasing", "logistics", "manager"),
        "rwc",
    ),
    "printing.complaint.analysis.wizard": _grant(ALL_COMPLAINT, "rwc"),
    # Purchasing claims from the supplier, logistics from the carrier
    # (create() checks which), finance approves (a method checking its
    # group), all read.
    "printing.complaint.supplier.claim": {
        **_grant(ALL_COMPLAINT, "r"),
        "purchasing": "rwc",
        "logistics": "rwc",
        "finance": "rw",
        "manager": "rwc",
    },
}
OPERATIONS = {"r": "read", "w": "write", "c": "create", "u": "unlink"}
# Configuration shared by all companies: no record rule needed.
SHARED_CONFIGURATION = {
    "printing.complaint.request",
    "printing.complaint.responsibility",
    "printing.complaint.solution.type",
}


@cross_addon_test
@tagged("post_install", "-at_install")
class TestAccessMatrix(ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            "employee": new_test_user(cls.env, login="plain_employee"),
            "sales": cls.sales_rep,
            "qc": cls.qc_user,
            "quality_manager": cls.quality_manager,
            "production": cls.production_head,
            "purchasing": new_test_user(
                cls.env,
                login="matrix_purchasing",
                groups="printing_complaint.group_complaint_purchasing",
            ),
            "logistics": new_test_user(
                cls.env,
                login="matrix_logistics",
                groups="printing_complaint.group_complaint_logistics",
            ),
            "finance": cls.finance_user,
            "director": cls.director,
            "manager": cls.manager,
            "portal": new_test_user(
                cls.env, login="matrix_portal", groups="base.group_portal"
            ),
            "public": cls.env.ref("base.public_user"),
        }

    def _our_models(self):
        return sorted(
            name
            for name, model in self.env.registry.items()
            if model._original_module in ADDONS and not model._abstract
        )

    def test_every_model_has_its_line_in_the_matrix(self):
        self.assertEqual(self._our_models(), sorted(MATRIX))

    def test_acls_follow_the_matrix(self):
        Access = self.env["ir.model.access"]
        mismatches = []
        for model in self._our_models():
            for role in ROLES:
                allowed = MATRIX[model].get(role, "")
                for letter, operation in OPERATIONS.items():
                    granted = Access.with_user(self.users[role]).check(
                        model, operation, raise_exception=False
                    )
                    if granted != (letter in allowed):
                        mismatches.append(f"{model} {role} {operation}: {granted}")
        self.assertFalse(mismatches, "\n".join(mismatches))

    def test_business_data_has_record_rules(self):
        Rule = self.env["ir.rule"].sudo()
        missing = []
        for model in self._our_models():
            if self.env[model]._transient or model in SHARED_CONFIGURATION:
                continue
            rules = Rule.search([("model_id.model", "=", model)])
            if not rules.filtered("global"):
                missing.append(f"{model}: no multi-company (global) rule")
            readers = [role for role in ROLES if "r" in MATRIX[model].get(role, "")]
            complaint_data = "ticket_id" in self.env[model]._fields
            if (
                complaint_data
                and "sales" in readers
                and not rules.filtered(
                    lambda r: self.env.ref("helpdesk_mgmt.group_helpdesk_user_own")
                    in r.groups
                )
            ):
                missing.append(f"{model}: no own/team rule for the sales reps")
            if "portal" in readers and not rules.filtered(
                lambda r: self.env.ref("base.group_portal") in r.groups
            ):
                missing.append(f"{model}: no rule for portal users")
        self.assertFalse(missing, "\n".join(missing))

    # -- record rules on real records ---------------------------------------
    def _records_of(self, complaint):
        """One record of each business model on complaint."""
        solution = self.env["printing.complaint.solution"].create(
            {
                "ticket_id": complaint.id,
                "type_id": self.env.ref("printing_complaint.solution_type_apology").id,
            }
        )
        evidence = self.env["printing.complaint.evidence"].create(
            {"ticket_id": complaint.id, "kind": "sample", "name": "Sample box"}
        )
        member = self.env["printing.complaint.team.member"].create(
            {"ticket_id": complaint.id, "user_id": self.qc_user.id, "role": "leader"}
        )
        meeting = self.env["printing.complaint.meeting"].create(
            {"ticket_id": complaint.id, "name": "Kick-off"}
        )
        claim = self.env["printing.complaint.supplier.claim"].create(
            {
                "ticket_id": complaint.id,
                "partner_id": self.customer.id,
                "claimed_amount": 10.0,
                "description": "Paper lot",
            }
        )
        return {
            "printing.complaint.supplier.claim": claim,
            "printing.complaint.solution": solution,
            "printing.complaint.evidence": evidence,
            "printing.complaint.team.member": member,
            "printing.complaint.meeting": meeting,
            "printing.complaint.stage.history": complaint.stage_history_ids,
        }

    def test_rules_per_role_on_two_teams_and_two_customers(self):
        other_customer = self.env["res.partner"].create(
            {"name": "Harbour Books", "is_company": True}
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": other_customer.id,
                "order_line": [
                    Command.create({"product_id": self.poster.id, "product_uom_qty": 9})
                ],
            }
        )
        order.action_confirm()
        mine = self._create_complaint()
        theirs = self._create_complaint(
            team_id=self.other_team.id,
            user_id=self.other_rep.id,
            partner_id=other_customer.id,
            sale_order_id=order.id,
            sale_line_ids=[Command.set(order.order_line.ids)],
        )
        records = {"mine": self._records_of(mine), "theirs": self._records_of(theirs)}
        portal = self.users["portal"]
        portal.partner_id.parent_id = self.customer
        expected_visible = {
            "sales": {"mine"},
            "qc": {"mine", "theirs"},
            "quality_manager": {"mine", "theirs"},
            "production": {"mine", "theirs"},
            "finance": {"mine", "theirs"},
            "director": {"mine", "theirs"},
            "manager": {"mine", "theirs"},
        }
        for role, visible in expected_visible.items():
            user = self.users[role]
            for model in records["mine"]:
                for owner, owned in records.items():
                    found = bool(
                        self.env[model]
                        .with_user(user)
                        .search([("id", "in", owned[model].ids)])
                    )
                    self.assertEqual(found, owner in visible, f"{role} {model} {owner}")
        # The customer's portal user sees its company's solutions and evidence.
        for model in ("printing.complaint.solution", "printing.complaint.evidence"):
            Model = self.env[model].with_user(portal)
            self.assertTrue(Model.search([("id", "in", records["mine"][model].ids)]))
            self.assertFalse(Model.search([("id", "in", records["theirs"][model].ids)]))
        # Writing another team's solution is refused to the rep.
        with self.assertRaises(AccessError):
            records["theirs"]["printing.complaint.solution"].with_user(
                self.sales_rep
            ).write({"description": "Changed"})
        # Nobody deletes the audit trail.
        for role in ALL_COMPLAINT:
            for model, record in records["mine"].items():
                with self.assertRaises(AccessError, msg=f"{role} unlink {model}"):
                    record.with_user(self.users[role]).unlink()
