# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup, escape

from odoo import api, models

# The digest lists this many complaints; the others are counted (a first
# run on a long history can find thousands overdue).
DIGEST_LIMIT = 50


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.readonly
    def has_groups(self, group_spec):
        # The complaint's internal fields (groups="base.group_user", about a
        # hundred on helpdesk.ticket, kept from portal users) are checked
        # field by field at each read of a ticket, plain ones included, and
        # the generic check costs two cached lookups each. Being an internal
        # user is what `share` stores, recomputed when the groups change.
        if group_spec == "base.group_user" and (self.env.su or self == self.env.user):
            self.ensure_one()
            return not self.sudo().share
        return super().has_groups(group_spec)

    def _complaint_notify_overdue(self, complaints):
        """One notification to this manager for a batch of overdue steps."""
        self.ensure_one()
        # Written in the manager's language, whoever runs the escalation.
        env = self.with_context(lang=self.lang or self.env.lang).env
        items = Markup("").join(
            Markup('<li><a href="%s">%s</a> %s (%s)</li>')
            % (
                c._complaint_url(),
                c.number,
                escape(c.name),
                escape(c.with_env(env).stage_id.name),
            )
            for c in complaints[:DIGEST_LIMIT]
        )
        more = len(complaints) - DIGEST_LIMIT
        env["mail.thread"].sudo().message_notify(
            partner_ids=self.partner_id.ids,
            subject=env._("%(count)s complaint step(s) overdue", count=len(complaints)),
            body=Markup("<p>%s</p><ul>%s</ul>%s")
            % (
                env._("These complaints passed the deadline of their step:"),
                items,
                Markup("<p>%s</p>")
                % env._(
                    "… and %(count)s more: the Overdue filter of the complaints "
                    "lists them all.",
                    count=more,
                )
                if more > 0
                else "",
            ),
        )
