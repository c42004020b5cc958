# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools.sql import create_index

from .helpdesk_ticket_stage import COMPLAINT_STEPS


class PrintingComplaintStageHistory(models.Model):
    """One line per complaint and step it went through: the audit trail the
    analysis reads (on-time rate and working hours of each step)."""

    _name = "printing.complaint.stage.history"
    _inherit = "printing.complaint.number.mixin"
    _description = "Complaint Stage History"
    _order = "ticket_id, entry_date, id"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, index=True, ondelete="cascade"
    )
    # Precomputed: a step's line is inserted whole, not updated right after.
    company_id = fields.Many2one(
        related="ticket_id.company_id", store=True, precompute=True
    )
    stage_id = fields.Many2one("helpdesk.ticket.stage", required=True)
    step = fields.Selection(selection=COMPLAINT_STEPS, required=True, index=True)
    severity = fields.Char()
    entry_date = fields.Datetime(required=True)
    exit_date = fields.Datetime(index=True)
    deadline = fields.Datetime()
    working_hours = fields.Float(
        aggregator="avg",
        help="Time spent in the step, counted in the company's working hours.",
    )
    is_late = fields.Boolean(
        string="Late", help="Left the step after its deadline, or overdue now."
    )
    timing = fields.Selection(
        [("on_time", "On time"), ("late", "Late")],
        compute="_compute_timing",
        store=True,
        precompute=True,
        help="The step's lateness as the analysis groups it.",
    )
    escalated = fields.Boolean(
        help="The breach of this step's deadline was escalated (once)."
    )
    user_id = fields.Many2one("res.users", string="Moved by")

    def init(self):
        res = super().init()
        # The escalation cron's steps: open, not escalated yet, by deadline.
        # A few thousand among the whole history; the predicate is the one
        # the ORM writes for its domain.
        create_index(
            self.env.cr,
            "printing_complaint_stage_history_to_escalate_index",
            self._table,
            ["deadline"],
            where="exit_date IS NULL AND (escalated IS NULL OR escalated = FALSE)",
        )
        return res

    @api.depends("is_late")
    def _compute_timing(self):
        for line in self:
            line.timing = "late" if line.is_late else "on_time"
