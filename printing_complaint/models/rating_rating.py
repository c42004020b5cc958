# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

# What a rating says and about whom: only the customer's own link and the
# rep's "Record rating" (both checked, then run as superuser) set them.
PROTECTED_FIELDS = {
    "rating",
    "feedback",
    "consumed",
    "partner_id",
    "rated_partner_id",
    "res_model_id",
    "res_model",
    "res_id",
    "complaint_round",
    "complaint_channel_id",
    "complaint_recorded_by_id",
}


class RatingRating(models.Model):
    # The rated ticket (helpdesk_ticket_id) lets record rules keep complaint
    # ratings (the customer's score and words) to those who handle them.
    _name = "rating.rating"
    _inherit = ("rating.rating", "printing.complaint.ticket.link.mixin")

    # A complaint is rated once per closure round (a reopening starts the
    # next), by the customer through the closure email's link or, for a
    # customer who gave none, recorded by the rep with the channel used.
    complaint_round = fields.Integer(
        string="Closure round", readonly=True, help="0: the first closure."
    )
    complaint_channel_id = fields.Many2one(
        "helpdesk.ticket.channel", string="Given through", readonly=True
    )
    complaint_recorded_by_id = fields.Many2one(
        "res.users",
        string="Recorded by",
        readonly=True,
        help="Empty: given by the customer through the closure email's link.",
    )

    def _complaint_ratings(self):
        return self.filtered(lambda r: r.sudo().helpdesk_ticket_id.is_complaint)

    def _check_complaint_rating_change(self):
        if not self.env.su and self._complaint_ratings():
            raise AccessError(
                self.env._(
                    "A complaint's rating is the customer's: it is given through "
                    "the closure email's link or recorded with “Record rating”."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        ratings = super().create(vals_list)
        if any(vals.get("consumed") or vals.get("rating") for vals in vals_list):
            ratings._check_complaint_rating_change()
        return ratings

    def write(self, vals):
        if PROTECTED_FIELDS & set(vals):
            self._check_complaint_rating_change()
        return super().write(vals)

    def unlink(self):
        self._check_complaint_rating_change()
        return super().unlink()
