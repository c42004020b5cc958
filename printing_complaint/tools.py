# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Small helpers shared by the models of the complaint procedure."""

from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.osv import expression

from odoo.addons.resource.models.utils import make_aware


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


def check_document_links(records, vals_list, link_fields):
    """The link of an ERP document (a reprint order, a credit note) to the
    complaint solution it executes is written by the solution's execution,
    as superuser, never by a user's create or write: a linked document is
    checked against what was approved before it is confirmed or posted."""
    if records.env.su:
        return
    forged = {name for vals in vals_list for name in vals if name in link_fields}
    if forged:
        raise AccessError(
            records.env._(
                "%(document)s: the link to a complaint solution is set when the "
                "solution is executed, not by hand (%(fields)s).",
                document=records._description,
                fields=", ".join(
                    sorted(
                        records._fields[name]._description_string(records.env)
                        for name in forged
                    )
                ),
            )
        )


def plan_hours_series(calendar, start, hours_list, days=28):
    """The moments reached after each of hours_list (ascending) working
    hours of calendar from start, as calendar.plan_hours(hours, start,
    compute_leaves=True) gives them one by one, but from a single read of
    the work intervals (schedule and leaves) over the next days; False for
    an amount not reached within them."""
    start_aware, revert = make_aware(start)
    intervals = calendar._work_intervals_batch(
        start_aware, start_aware + timedelta(days=days)
    )[False]
    moments = []
    pending = list(hours_list)
    worked = 0.0
    for begin, stop, _meta in intervals:
        length = (stop - begin).total_seconds() / 3600
        while pending and pending[0] - worked <= length:
            moments.append(revert(begin + timedelta(hours=pending.pop(0) - worked)))
        worked += length
        if not pending:
            break
    return moments + [False] * len(pending)
