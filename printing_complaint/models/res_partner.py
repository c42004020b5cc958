# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    complaint_count = fields.Integer(compute="_compute_complaint_count")

    @api.depends("commercial_partner_id")
    def _compute_complaint_count(self):
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(
                [
                    ("is_complaint", "=", True),
                    ("commercial_partner_id", "in", self.commercial_partner_id.ids),
                ],
                ["commercial_partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.complaint_count = counts.get(partner.commercial_partner_id, 0)

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "printing_complaint.action_complaints"
        )
        action["domain"] = [
            ("is_complaint", "=", True),
            ("commercial_partner_id", "=", self.commercial_partner_id.id),
        ]
        action["context"] = {"default_partner_id": self.id}
        return action
