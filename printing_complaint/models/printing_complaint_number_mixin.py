# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every number of the complaint addons is a finite number: NaN or infinity
(possible over RPC) would break the sums, the ledger export and the PDF
forms. Checked in one place, on the values written, before the ORM converts
them (rounding NaN fails with a bare ValueError), by every model that holds
such a number (tests/test_solution_bypass.py finds a model that forgets)."""

import math

from odoo import api, models, tools
from odoo.exceptions import ValidationError

ADDONS = ("printing_complaint", "printing_complaint_report")
NUMBER_TYPES = ("float", "monetary")


class PrintingComplaintNumberMixin(models.AbstractModel):
    _name = "printing.complaint.number.mixin"
    _description = "Finite numbers of the complaint addons"

    @api.model
    @tools.ormcache()
    def _complaint_finite_fields(self):
        """The float and monetary fields the complaint addons define on this
        model (cached per model: checked on every write)."""
        return frozenset(
            name
            for name, field in self._fields.items()
            if field.type in NUMBER_TYPES and set(field._modules or ()) & set(ADDONS)
        )

    @staticmethod
    def _complaint_as_number(value):
        """value as the ORM would read it (a string too), None if not a number."""
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            return None
        try:
            return float(value)
        except ValueError:
            return None

    @api.model
    def _complaint_check_finite(self, vals):
        for name in self._complaint_finite_fields().intersection(vals):
            value = self._complaint_as_number(vals[name])
            if value is not None and not math.isfinite(value):
                raise ValidationError(
                    self.env._(
                        "%(field)s must be a number (not “%(value)s”).",
                        field=self._fields[name]._description_string(self.env),
                        value=vals[name],
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._complaint_check_finite(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._complaint_check_finite(vals)
        return super().write(vals)
