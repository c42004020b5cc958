# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The person at fault (具体责任人): who, in the responsible department,
caused the defect. Only the complaint managers and the director read and
write it; it is never printed for the customer nor shown in the portal."""

from odoo import fields, models

FAULT_GROUPS = (
    "printing_complaint.group_complaint_manager,"
    "printing_complaint.group_complaint_director"
)


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    fault_user_id = fields.Many2one(
        "res.users",
        string="Person at fault",
        tracking=True,
        index="btree_not_null",
        copy=False,
        help="Who caused the defect, for the managers' figures by person. "
        "Read only by the complaint managers and the director.",
        groups=FAULT_GROUPS,
    )
