# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The end of a complaint (step 6): the customer's confirmation, the closure
email and its 1-5 rating, and a manager's reopening."""

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import dialog_action


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    closure_confirmed = fields.Boolean(
        string="Customer confirmed closure", tracking=True, copy=False, readonly=True
    )
    closure_confirmed_date = fields.Datetime(
        string="Closure confirmed on", readonly=True, copy=False
    )
    closure_channel_id = fields.Many2one(
        "helpdesk.ticket.channel",
        string="Closure confirmed through",
        copy=False,
        readonly=True,
        groups="base.group_user",
    )
    closure_confirmation_sent_date = fields.Datetime(
        string="Closure confirmation sent on", readonly=True, copy=False
    )
    closure_summary = fields.Text(copy=False)
    lessons_learned = fields.Text(
        copy=False,
        help="What the company learned, shared with the teams.",
        groups="base.group_user",
    )
    reopen_count = fields.Integer(
        string="Reopened", readonly=True, copy=False, groups="base.group_user"
    )

    def _track_template(self, changes):
        """A complaint closed as not valid gets the polite answer with the
        reason instead of the closure email."""
        res = super()._track_template(changes)
        ticket = self[0]
        if (
            "stage_id" in res
            and ticket.complaint_step == "closed"
            and ticket.validity == "not_valid"
        ):
            template = self.env.ref(
                "printing_complaint.mail_template_complaint_not_valid",
                raise_if_not_found=False,
            )
            if template:
                res["stage_id"] = (template, res["stage_id"][1])
        return res

    def _check_at_closure_step(self):
        if self.complaint_step != "closure":
            raise UserError(
                self.env._("%(number)s is not at the closure step.", number=self.number)
            )

    def action_send_closure_confirmation(self):
        """Send the customer the closure confirmation sheet (结案确认单):
        what was found, what was done and what changes, to confirm on the
        portal or to the rep."""
        self.check_access("write")
        for ticket in self:
            ticket._check_at_closure_step()
            if not ticket.closure_summary:
                raise UserError(
                    self.env._(
                        "Write the closure summary first: the customer confirms "
                        "what it says."
                    )
                )
            ticket._portal_ensure_token()
            ticket.message_post_with_source(
                "printing_complaint.mail_template_complaint_closure_confirmation",
                subtype_xmlid="mail.mt_comment",
            )
            ticket.sudo().closure_confirmation_sent_date = fields.Datetime.now()
        return True

    def action_confirm_closure(self, channel=None):
        """The customer confirmed that the complaint can be closed (told to
        the rep, or in the portal). Its fields are the procedure's
        (PROCEDURE_FIELDS): written here only, for who may change the
        complaint."""
        self.check_access("write")
        for ticket in self:
            ticket._check_at_closure_step()
            ticket.sudo().write(
                {
                    "closure_confirmed": True,
                    "closure_channel_id": (channel or ticket.channel_id).id,
                    "closure_confirmed_date": fields.Datetime.now(),
                }
            )
        return True

    # ------------------------------------------------------------------
    # Rating
    # ------------------------------------------------------------------
    def action_record_rating(self):
        self.ensure_one()
        return dialog_action(
            self.env._("Customer's rating"),
            "printing.complaint.rating.wizard",
            {"default_ticket_id": self.id},
        )

    def _complaint_apply_rating(
        self, score, feedback, channel_name, token=None, channel=None
    ):
        """Record the customer's 1-5 satisfaction with this closure round:
        given through the closure email's link (token), or recorded by the
        rep (no token) through channel (a helpdesk.ticket.channel, or only
        its name channel_name) for a customer who gave none."""
        self.ensure_one()
        if self.complaint_step != "closed":
            raise UserError(self.env._("A complaint is rated once it is closed."))
        if score not in range(1, 6):
            raise UserError(self.env._("A rating is a score from 1 to 5."))
        # Whoever may change the complaint records its rating; the rating
        # record itself is written as superuser (see rating_rating.py).
        self.check_access("write")
        rating = (
            self._complaint_link_rating(token)
            if token
            else self._complaint_staff_rating()
        )
        feedback = (feedback or "").strip()
        channel_name = channel_name or (channel and channel.name)
        if channel_name and not token:
            feedback = self.env._(
                "(%(channel)s) %(feedback)s", channel=channel_name, feedback=feedback
            ).strip()
        rating = self.sudo().rating_apply(score, rating=rating, feedback=feedback)
        rating.write(
            {
                "complaint_round": self.reopen_count,
                "complaint_channel_id": (
                    channel.id if channel and not token else False
                ),
                "complaint_recorded_by_id": False if token else self.env.uid,
            }
        )
        return rating

    def _complaint_link_rating(self, token):
        """The rating of the closure email's link: the customer's own, which
        replaces one the rep recorded for them; not one of an earlier round."""
        rating = self.env["rating.rating"].sudo().search([("access_token", "=", token)])
        if rating.res_model != self._name or rating.res_id != self.id:
            raise UserError(self.env._("This rating link is not of this complaint."))
        if rating.consumed and rating.complaint_round < self.reopen_count:
            raise UserError(
                self.env._(
                    "This link rated an earlier closure of the complaint: the "
                    "email of its last closure rates this one."
                )
            )
        return rating

    def _complaint_staff_rating(self):
        """The rating the rep records: the one of this round they recorded
        already (corrected, not added), else the closure email's. Refused
        when the customer rated this round themselves."""
        ratings = self.sudo().rating_ids.filtered(
            lambda r: r.consumed and r.complaint_round == self.reopen_count
        )
        own = ratings.filtered(lambda r: not r.complaint_recorded_by_id)
        if own:
            raise UserError(
                self.env._(
                    "The customer rated this closure %(score)s/5 themselves: "
                    "their own rating is kept, a recorded one would hide it.",
                    score=int(own[-1].rating),
                )
            )
        if ratings:
            return ratings[-1]
        token = self._rating_get_access_token()
        return self.env["rating.rating"].sudo().search([("access_token", "=", token)])

    # ------------------------------------------------------------------
    # Reopening
    # ------------------------------------------------------------------
    def action_reopen(self):
        self.ensure_one()
        return dialog_action(
            self.env._("Reopen the complaint"),
            "printing.complaint.reopen.wizard",
            {"default_ticket_id": self.id},
        )

    def _complaint_reopen(self, reason):
        """Reopen a closed complaint: back to the solution step (verification
        for one closed as not valid), its history and ratings kept."""
        self.ensure_one()
        if not self.env.user.has_group("printing_complaint.group_complaint_manager"):
            raise AccessError(
                self.env._("Only a complaint manager reopens a closed complaint.")
            )
        if self.complaint_step != "closed" or self.feedback_type != "complaint":
            raise UserError(self.env._("Only a closed complaint can be reopened."))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for reopening."))
        target = "solution" if self.validity == "valid" else "verification"
        self.with_context(complaint_reopen_reason=reason).write(
            {"stage_id": self._complaint_stage(target).id}
        )
        self.sudo().write(
            {
                "closure_confirmed": False,
                "closure_confirmed_date": False,
                "reopen_count": self.reopen_count + 1,
            }
        )
        self._complaint_note(
            lambda env: env._("Complaint reopened: %(reason)s", reason=reason),
            subtype_xmlid="mail.mt_note",
        )
        return True
