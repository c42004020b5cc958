# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The figures of the weekly summary email: the week's new complaints, the
complaints still open and late now, those closed in the week, the week's
complaint rate against the target, and the week's top categories."""

from datetime import datetime, time

from odoo import api, fields, models
from odoo.tools import SQL

# The categories the weekly summary names (the most frequent).
TOP_CATEGORIES = 5


class PrintingComplaintAnalysis(models.AbstractModel):
    # One concern per file, as Odoo splits its big models.
    _inherit = "printing.complaint.analysis"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _weekly_counts(self, date_from, date_to):
        """{new, open, late, closed} in one query over the user's
        complaints: new and closed in the period, open and late now."""
        start = datetime.combine(fields.Date.to_date(date_from), time.min)
        end = datetime.combine(fields.Date.to_date(date_to), time.max)
        complaints = self.env["helpdesk.ticket"]._search(
            [
                ("is_complaint", "=", True),
                ("company_id", "in", self.env.companies.ids),
                ("feedback_type", "=", "complaint"),
            ]
        )
        is_open = SQL("complaint_step IS NOT NULL AND complaint_step != 'closed'")
        self.env.flush_all()
        self.env.cr.execute(
            complaints.select(
                SQL(
                    "COUNT(*) FILTER (WHERE received_date BETWEEN %s AND %s)",
                    start,
                    end,
                ),
                SQL("COUNT(*) FILTER (WHERE %s)", is_open),
                SQL(
                    "COUNT(*) FILTER (WHERE %s AND step_deadline < %s)",
                    is_open,
                    fields.Datetime.now(),
                ),
                SQL(
                    "COUNT(*) FILTER (WHERE complaint_step = 'closed'"
                    " AND closed_date BETWEEN %s AND %s)",
                    start,
                    end,
                ),
            )
        )
        new, still_open, late, closed = self.env.cr.fetchone()
        return {"new": new, "open": still_open, "late": late, "closed": closed}

    @api.model
    def _weekly_summary(self, date_from, date_to):
        """Every figure of the weekly summary (four queries)."""
        rate = self._complaint_rate(date_from, date_to)
        target = self._rate_target()
        return {
            **self._weekly_counts(date_from, date_to),
            "orders": rate[2],
            "rate": rate[4],
            "rate_text": self._percent_text(rate[4]),
            "target": target,
            "target_text": self._percent_text(target),
            "above_target": rate[4] is not None and rate[4] > target,
            "categories": self._count_by(date_from, date_to, "category_id")[
                :TOP_CATEGORIES
            ],
        }
