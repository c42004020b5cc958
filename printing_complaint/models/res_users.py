# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup, escape

from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _complaint_notify_overdue(self, complaints):
        """One notification to this manager for a batch of overdue steps."""
        self.ensure_one()
        items = Markup("").join(
            Markup('<li><a href="%s">%s</a> %s (%s)</li>')
            % (c._complaint_url(), c.number, escape(c.name), escape(c.stage_id.name))
            for c in complaints
        )
        self.env["mail.thread"].sudo().message_notify(
            partner_ids=self.partner_id.ids,
            subject=self.env._(
                "%(count)s complaint step(s) overdue", count=len(complaints)
            ),
            body=Markup("<p>%s</p><ul>%s</ul>")
            % (
                self.env._("These complaints passed the deadline of their step:"),
                items,
            ),
        )
