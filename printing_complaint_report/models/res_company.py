# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    complaint_report_user_ids = fields.Many2many(
        "res.users",
        "printing_complaint_report_recipient_rel",
        "company_id",
        "user_id",
        string="Monthly report recipients",
        help="Who receives the analysis workbook of the previous month. "
        "Empty: the complaint managers.",
    )
