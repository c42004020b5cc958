# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The count and cost of complaints per responsible department and per
person at fault: for the complaint managers and the director only (the
person at fault is theirs to read). Each is one grouped query."""

from odoo import api, models

FAULT_GROUPS = (
    "printing_complaint.group_complaint_manager",
    "printing_complaint.group_complaint_director",
)


class PrintingComplaintAnalysis(models.AbstractModel):
    # One concern per file, as Odoo splits its big models.
    _inherit = "printing.complaint.analysis"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _may_read_fault_figures(self):
        return any(self.env.user.has_group(group) for group in FAULT_GROUPS)

    @api.model
    def _cost_by(self, date_from, date_to, groupby):
        """[(label, complaints, cost)] of the period's complaints by a
        many2one, the costliest first; nothing for a user who is neither a
        complaint manager nor the director."""
        if not self._may_read_fault_figures():
            return []
        groups = self.env["helpdesk.ticket"]._read_group(
            self._period_domain(date_from, date_to),
            [groupby],
            ["__count", "solution_cost_total:sum"],
        )
        undefined = self.env._("Not set")
        rows = [
            (key.display_name if key else undefined, count, cost or 0.0)
            for key, count, cost in groups
        ]
        return sorted(rows, key=lambda row: (-row[2], -row[1], row[0]))

    @api.model
    def _fault_by_department(self, date_from, date_to):
        """[(department, complaints, cost)] by responsibility."""
        return self._cost_by(date_from, date_to, "responsibility_id")

    @api.model
    def _fault_by_person(self, date_from, date_to):
        """[(person at fault, complaints, cost)]."""
        return self._cost_by(date_from, date_to, "fault_user_id")
