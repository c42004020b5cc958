# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Small helpers shared by the models of the complaint procedure."""

from odoo.exceptions import UserError
from odoo.osv import expression


def overdue_domain(env, operator, value, overdue):
    """The search domain of an `is_overdue` field: overdue is the domain of
    the overdue records; `= True`/`!= False` give it, the others its
    negation."""
    if operator not in ("=", "!=") or not isinstance(value, bool):
        raise UserError(env._("Unsupported search on overdue."))
    if (operator == "=") == value:
        return overdue
    return ["!", *expression.normalize_domain(overdue)]


def dialog_action(name, res_model, context):
    """The window action opening a new res_model record in a dialog (the
    wizards of the procedure: a decision, a rating, a reopening…)."""
    return {
        "type": "ir.actions.act_window",
        "name": name,
        "res_model": res_model,
        "view_mode": "form",
        "views": [(False, "form")],
        "target": "new",
        "context": context,
    }
