# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A temporary action (immediate: containment) and the permanent
corrective action that fixes for good what it holds: the temporary one
stays open until the permanent one is done and verified effective."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MgmtsystemAction(models.Model):
    # One concern per file (see mgmtsystem_action.py).
    _inherit = "mgmtsystem.action"  # pylint: disable=consider-merging-classes-inherited

    permanent_action_id = fields.Many2one(
        "mgmtsystem.action",
        string="Permanent action",
        index="btree_not_null",
        copy=False,
        domain="[('type_action', '=', 'correction'), ('id', '!=', id)]",
        help="The corrective action that fixes for good what this temporary "
        "action holds: this one is closed once that one is done and "
        "verified effective.",
    )
    temporary_action_ids = fields.One2many(
        "mgmtsystem.action",
        "permanent_action_id",
        string="Temporary actions",
        help="The temporary actions this corrective action replaces.",
    )
    permanent_fix_verified = fields.Boolean(
        string="Permanent fix verified",
        compute="_compute_permanent_fix_verified",
        help="The permanent action is done and verified effective.",
    )

    @api.depends("permanent_action_id.stage_id", "permanent_action_id.effectiveness")
    def _compute_permanent_fix_verified(self):
        for action in self:
            action.permanent_fix_verified = action.permanent_action_id._is_verified()

    def _is_verified(self):
        """Done (closed) and verified effective."""
        closed = self.env.ref("mgmtsystem_action.stage_close")
        return bool(self) and all(
            action.stage_id == closed and action.effectiveness == "effective"
            for action in self
        )

    @api.constrains("permanent_action_id", "type_action")
    def _check_permanent_action(self):
        for action in self.filtered("permanent_action_id"):
            if action.type_action != "immediate":
                raise ValidationError(
                    self.env._(
                        "Only a temporary (immediate) action is held until a "
                        "permanent action: “%(action)s” is not one.",
                        action=action.name,
                    )
                )
            if action.permanent_action_id.type_action != "correction":
                raise ValidationError(
                    self.env._(
                        "The permanent action of “%(action)s” is a corrective action.",
                        action=action.name,
                    )
                )

    @api.constrains("stage_id", "permanent_action_id")
    def _check_closed_after_permanent_fix(self):
        closed = self.env.ref("mgmtsystem_action.stage_close")
        for action in self:
            if (
                action.stage_id == closed
                and action.permanent_action_id
                and not action.permanent_action_id._is_verified()
            ):
                raise ValidationError(
                    self.env._(
                        "“%(action)s” is temporary: it stays open until its "
                        "permanent action “%(permanent)s” is done and verified "
                        "effective.",
                        action=action.name,
                        permanent=action.permanent_action_id.name,
                    )
                )
