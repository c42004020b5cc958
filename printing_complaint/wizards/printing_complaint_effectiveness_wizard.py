# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..models.mgmtsystem_action import EFFECTIVENESS


class PrintingComplaintEffectivenessWizard(models.TransientModel):
    """The owner's verdict on a corrective action, with its evidence."""

    _name = "printing.complaint.effectiveness.wizard"
    _inherit = "printing.complaint.number.mixin"
    _description = "Effectiveness check of a corrective action"

    action_id = fields.Many2one("mgmtsystem.action", required=True, ondelete="cascade")
    result = fields.Selection(EFFECTIVENESS, required=True)
    evidence = fields.Text(
        required=True,
        help="What shows it, e.g. the defect rate trend since the action.",
    )
    defect_rate_before = fields.Float(string="Defect rate before (%)")
    defect_rate_after = fields.Float(string="Defect rate after (%)")

    def action_record(self):
        self.ensure_one()
        follow_up = self.action_id._record_effectiveness(
            self.result, self.evidence, self.defect_rate_before, self.defect_rate_after
        )
        if not follow_up:
            return {"type": "ir.actions.act_window_close"}
        return {
            "type": "ir.actions.act_window",
            "res_model": "mgmtsystem.action",
            "res_id": follow_up.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
