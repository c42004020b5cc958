"""Every public method of the two addons that a button or an integrator
calls returns a value XML-RPC can carry: an RPC client must not get a fault
("cannot marshal None") after the work was done.

Checked by inspection of the source: the methods named by the views'
``<button type="object">`` of both addons, base_tier_validation's buttons
and comment wizard on a solution, every ``action_*`` method and every
public method of a wizard the addons define. Each must end in a
``return`` of a value on every path (no bare ``return``, no falling off its
end). The approval's buttons, whose value comes from base_tier_validation,
are called here as the RPC layer calls them and their answer marshalled;
the scenario of docs/api.md runs the main ones over XML-RPC
(tests/test_api_doc.py)."""

import ast
import inspect
import textwrap

from conftest import REPO, cross_addon_test
from lxml import etree

from odoo import api
from odoo.tests import TransactionCase, tagged

from odoo.addons.base.controllers.rpc import dumps
from odoo.addons.printing_complaint.tests.common import ComplaintCase

ADDONS = ("printing_complaint", "printing_complaint_report")
# Buttons the addons' views (or base_tier_validation's form of a solution)
# show, whose method is not the addons': checked here by hand.
EXTERNAL_METHODS = {
    # models.Model.action_archive: returns the write's True
    ("helpdesk.ticket", "action_archive"),
}
# Added to the solution form by base_tier_validation, overridden here.
TIER_BUTTONS = [
    ("printing.complaint.solution", "request_validation"),
    ("printing.complaint.solution", "restart_validation"),
    ("printing.complaint.solution", "validate_tier"),
    ("printing.complaint.solution", "reject_tier"),
    ("comment.wizard", "add_comment"),
]
ORM_METHODS = {"create", "write", "unlink", "copy", "default_get", "read"}


def view_buttons():
    """(model, method) of every <button type="object"> of both addons."""
    for addon in ADDONS:
        for path in sorted((REPO / addon).glob("**/*.xml")):
            if "i18n" in path.parts:
                continue
            for button in etree.parse(str(path)).iter("button"):
                if button.get("type") != "object":
                    continue
                record = next(button.iterancestors("record"), etree.Element("x"))
                model = record.findtext("field[@name='model']") if len(record) else None
                yield path.name, model, button.get("name")


def falls_off(body):
    """Whether running body may reach its end without return or raise."""
    last = body[-1] if body else None
    if isinstance(last, ast.Return | ast.Raise):
        return False
    if isinstance(last, ast.If):
        return falls_off(last.body) or falls_off(last.orelse)
    if isinstance(last, ast.With):
        return falls_off(last.body)
    if isinstance(last, ast.Try):
        return falls_off(last.finalbody or (last.body + last.orelse))
    return True


def returns_none(function):
    """Why the source of function may return None, or None when it cannot."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    definition = tree.body[0]
    for node in ast.walk(definition):
        if isinstance(node, ast.Return) and (
            node.value is None
            or (isinstance(node.value, ast.Constant) and node.value.value is None)
        ):
            return f"a bare return on line {node.lineno}"
    if falls_off(definition.body):
        return "it may end without a return"
    return None


@cross_addon_test
@tagged("post_install", "-at_install")
class TestRpcReturnValues(TransactionCase):
    def _owner(self, model, name):
        """The class of model's method name that runs first (its final
        override), and whether one of the addons defines it."""
        for cls in type(self.env[model]).__mro__:
            if name in vars(cls):
                module = cls.__module__.split(".")
                return cls, len(module) > 2 and module[2] in ADDONS
        return None, False

    def _addons_methods(self):
        """(model, name) of each action_* method, and each public method of
        a wizard, defined by the addons."""
        found = set()
        for model_name in self.env.registry:
            Model = self.env[model_name]
            for cls in type(Model).__mro__:
                module = cls.__module__.split(".")
                if len(module) < 3 or module[2] not in ADDONS:
                    continue
                for name, member in vars(cls).items():
                    if not inspect.isfunction(member) or name.startswith("_"):
                        continue
                    if name.startswith("action_") or (
                        Model._transient and name not in ORM_METHODS
                    ):
                        found.add((model_name, name))
        return found

    def _button_methods(self):
        """(model, name) of the views' buttons; a button of a list inside a
        form calls the list's model."""
        found = set()
        for view, model, name in view_buttons():
            self.assertTrue(model, f"{view}: {name} has no model")
            candidates = [model] + [
                field.comodel_name
                for field in self.env[model]._fields.values()
                if field.type in ("one2many", "many2many")
            ]
            owner = next((m for m in candidates if hasattr(self.env[m], name)), None)
            self.assertTrue(owner, f"{view}: no model has {name}")
            found.add((owner, name))
        return found

    def test_buttons_and_integrator_methods_return_a_value(self):
        buttons = self._button_methods()
        methods = buttons | self._addons_methods() | set(TIER_BUTTONS)
        self.assertIn(("helpdesk.ticket", "action_next_step"), buttons)
        self.assertIn(("printing.complaint.solution", "action_done"), buttons)
        problems = []
        for model, name in sorted(methods):
            cls, ours = self._owner(model, name)
            if (model, name) in EXTERNAL_METHODS:
                continue
            if not ours:
                problems.append(f"{model}.{name}: not the addons' ({cls})")
                continue
            why = returns_none(vars(cls)[name])
            if why:
                problems.append(f"{model}.{name}: {why}")
        self.assertFalse(problems, "\n".join(problems))

    def test_request_validation_returns_ids_over_rpc(self):
        # Its recordset (the reviews created) cannot be marshalled: the RPC
        # layer sends their ids (api.returns).
        method = type(self.env["printing.complaint.solution"]).request_validation
        self.assertEqual(method._returns[0], "tier.review")


@cross_addon_test
@tagged("post_install", "-at_install")
class TestRpcApprovalAnswers(ComplaintCase):
    def _rpc(self, user, model, method, ids, *args, **kwargs):
        """model.method(ids, ...) as user, as the RPC layer runs it; the
        answer must marshal as XML-RPC does (no None)."""
        records = self.env[model].with_user(user)
        result = api.call_kw(records, method, [ids, *args], kwargs)
        dumps((result,))
        return result

    def test_approval_buttons_answer_over_rpc(self):
        complaint = self._at_solution_step()
        solution = self._propose(complaint, "solution_type_apology")
        Solution = "printing.complaint.solution"
        self._rpc(self.sales_rep, Solution, "action_request_approval", solution.ids)
        head = self.production_head
        action = self._rpc(head, Solution, "reject_tier", solution.ids)
        wizard = self.env["comment.wizard"].with_user(head)
        wizard = wizard.with_context(**action["context"]).create({"comment": "No"})
        answer = self._rpc(head, "comment.wizard", "add_comment", wizard.ids)
        self.assertIs(answer, True)
        self.assertEqual(solution.state, "proposed")
        self.assertIs(
            self._rpc(self.sales_rep, Solution, "restart_validation", solution.ids),
            True,
        )
        review_ids = self._rpc(
            self.sales_rep, Solution, "request_validation", solution.ids
        )
        self.assertEqual(review_ids, solution.review_ids.ids)
        action = self._rpc(head, Solution, "validate_tier", solution.ids)
        wizard = self.env["comment.wizard"].with_user(head)
        wizard = wizard.with_context(**action["context"]).create({"comment": "OK"})
        answer = self._rpc(head, "comment.wizard", "add_comment", wizard.ids)
        self.assertIs(answer, True)
        self.assertEqual(solution.state, "approved")
