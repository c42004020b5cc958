# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fields renamed so that each name has one meaning: the kind of execution
of a solution (was `execution`, like the step and the state) and what the
customer says at intake (was `is_recurring`, like the computed recurrence).
Their columns and field records are renamed before the registry loads, so
the data stays."""

from odoo.tools.sql import column_exists, rename_column

RENAMED_FIELDS = [
    ("printing.complaint.solution.type", "execution", "execution_kind"),
    ("printing.complaint.solution", "execution", "execution_kind"),
    ("helpdesk.ticket", "is_recurring", "customer_met_before"),
]


def rename_field(cr, model, old, new):
    table = model.replace(".", "_")
    if column_exists(cr, table, old) and not column_exists(cr, table, new):
        rename_column(cr, table, old, new)
    cr.execute(
        "UPDATE ir_model_fields SET name = %s WHERE model = %s AND name = %s",
        [new, model, old],
    )
    cr.execute(
        "UPDATE ir_model_data SET name = %s WHERE model = 'ir.model.fields' "
        "AND module = 'printing_complaint' AND name = %s",
        [f"field_{table}__{new}", f"field_{table}__{old}"],
    )
    # The values of a selection have an xmlid named after the field: left
    # under the old name, the end of the upgrade would delete them.
    cr.execute(
        "UPDATE ir_model_data SET name = replace(name, %s, %s) "
        "WHERE model = 'ir.model.fields.selection' "
        "AND module = 'printing_complaint' AND name LIKE %s",
        [
            f"selection__{table}__{old}__",
            f"selection__{table}__{new}__",
            f"selection__{table}__{old}__%",
        ],
    )


def migrate(cr, version):
    for model, old, new in RENAMED_FIELDS:
        rename_field(cr, model, old, new)
