# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

INSPECTION_RESULTS = [("pass", "Released"), ("fail", "Failed")]
QC_GROUPS = (
    "printing_complaint.group_complaint_qc",
    "printing_complaint.group_complaint_manager",
)
REWORK_ACTIVITY = "printing_complaint.activity_complaint_rework"
RELEASE_ACTIVITY = "printing_complaint.activity_complaint_qc_release"


class PrintingComplaintInspection(models.Model):
    """QC's inspection of the goods a reprint, rework or replacement made
    again: released, or failed with the defect (back to production with a
    rework note). A reprint is carried out only once released; inspections
    are never changed, they are the release record."""

    _name = "printing.complaint.inspection"
    _description = "QC Inspection of Reprinted Goods"
    _order = "date desc, id desc"

    solution_id = fields.Many2one(
        "printing.complaint.solution",
        required=True,
        index=True,
        ondelete="restrict",
    )
    ticket_id = fields.Many2one(
        related="solution_id.ticket_id", store=True, string="Complaint"
    )
    company_id = fields.Many2one(related="solution_id.company_id", store=True)
    result = fields.Selection(INSPECTION_RESULTS, required=True)
    note = fields.Text(
        help="What was checked; for a failure, the defect and what to rework."
    )
    user_id = fields.Many2one(
        "res.users",
        string="Inspected by",
        default=lambda self: self.env.user,
        readonly=True,
    )
    date = fields.Datetime(default=fields.Datetime.now, readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not any(
            self.env.user.has_group(xmlid) for xmlid in QC_GROUPS
        ):
            raise AccessError(self.env._("Only QC records the inspection of goods."))
        for vals in vals_list:
            solution = self.env["printing.complaint.solution"].browse(
                vals.get("solution_id")
            )
            if not solution._execution().reprints or solution.state != "in_execution":
                raise UserError(
                    self.env._(
                        "QC inspects the goods of a reprint, rework or replacement "
                        "being carried out."
                    )
                )
            if vals.get("result") == "fail" and not (vals.get("note") or "").strip():
                raise UserError(self.env._("Note the defect found and what to rework."))
            vals["user_id"] = self.env.user.id
        inspections = super().create(vals_list)
        for inspection in inspections:
            inspection._tell_the_complaint()
        return inspections

    def _tell_the_complaint(self):
        """A release is logged; a failure goes back to production."""
        solution = self.solution_id
        if self.result == "pass":
            solution._complaint_log(
                lambda env: env._(
                    "QC released the goods of %(solution)s.",
                    solution=solution.with_env(env).display_name,
                )
            )
            # QC's activity is done; a failure leaves it for the next check.
            solution.ticket_id._complaint_activities(
                RELEASE_ACTIVITY
            ).sudo().action_feedback(feedback=self.note)
            return
        solution._complaint_log(
            lambda env: env._(
                "QC failed the goods of %(solution)s: %(note)s",
                solution=solution.with_env(env).display_name,
                note=self.note,
            )
        )
        head = solution.sudo().department_head_id
        ticket = solution.ticket_id
        ticket._complaint_schedule_activities(
            [
                ticket._complaint_activity_vals(
                    REWORK_ACTIVITY,
                    head,
                    fields.Date.context_today(self),
                    lambda env: env._("Rework: %(note)s", note=self.note),
                )
            ],
            notify=True,
        )

    def write(self, vals):
        if self:
            raise UserError(self.env._("An inspection is never changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_inspection(self):
        raise UserError(self.env._("An inspection is never deleted."))
