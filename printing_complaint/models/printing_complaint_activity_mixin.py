# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo import fields, models


def _batches_without_repeats(vals_list):
    """vals_list cut in batches where a user has one activity per record:
    mail.activity subscribes the assignees of a batch at once, and two
    activities of one user on one record in a batch would subscribe them
    twice (a duplicate follower). Usually a single batch."""
    batches = []
    for vals in vals_list:
        key = (vals["res_model_id"], vals["res_id"], vals["user_id"])
        for keys, batch in batches:
            if key not in keys:
                keys.add(key)
                batch.append(vals)
                break
        else:
            batches.append(({key}, [vals]))
    return [batch for _keys, batch in batches]


class PrintingComplaintActivityMixin(models.AbstractModel):
    """The activities the complaint procedure gives people (a step to work,
    an approval, an action to carry out), for tickets, solutions and
    actions alike: scheduled in one batch, moved and closed by type.

    mail.activity.mixin's activity_schedule() costs a few queries per
    record and notifies each assignee by email; the procedure creates its
    activities for whole batches (crons, batch registration), and the
    assignees see them in Odoo."""

    _name = "printing.complaint.activity.mixin"
    _description = "Activities of the complaint procedure"

    def _complaint_activity_vals(self, xmlid, user, deadline, summary=None):
        """Values of an activity of type xmlid on this record for user, due
        on deadline (a date, or a datetime read in the user's time zone).

        The summary is written in the assignee's language, not in the one
        of whoever (or whichever cron) acts: summary is a function of an
        environment in that language (``lambda env: env._("...")``), else
        the type's summary is read in it. Translations are cached per
        language: no query per activity."""
        self.ensure_one()
        lang = user.lang or self.env.lang or "en_US"
        in_lang = self.with_context(lang=lang)
        activity_type = in_lang.env["mail.activity.type"].browse(
            # cached, unlike env.ref (which checks that the record exists)
            self.env["ir.model.data"]._xmlid_to_res_id(xmlid)
        )
        if callable(summary):
            summary = summary(in_lang.env)
        if isinstance(deadline, datetime):
            deadline = fields.Date.context_today(self, deadline)
        return {
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            "activity_type_id": activity_type.id,
            "summary": summary or activity_type.summary or activity_type.name,
            "user_id": user.id,
            "date_deadline": deadline,
            "automated": True,
        }

    def _complaint_in_langs(self, lang_of):
        """self split by language, each part in an environment of its
        language: [(records, env)], for the lines written to people (one
        translation per language, not one per record)."""
        default = self.env.lang or "en_US"
        return [
            (records, records.with_context(lang=lang).env)
            for lang, records in self.grouped(
                lambda record: lang_of(record) or default
            ).items()
        ]

    def _complaint_schedule_activities(self, vals_list, notify=False):
        """Create the activities of vals_list (see _complaint_activity_vals)
        at once, without an email per activity unless notify."""
        Activity = self.env["mail.activity"].sudo()
        if not notify:
            Activity = Activity.with_context(mail_activity_quick_update=True)
        activities = Activity.browse()
        for batch in _batches_without_repeats([v for v in vals_list if v["user_id"]]):
            activities |= Activity.create(batch)
        return activities

    def _complaint_activities(self, *xmlids):
        """The open activities of these types on these records."""
        type_ids = {
            self.env["ir.model.data"]._xmlid_to_res_id(xmlid, raise_if_not_found=False)
            for xmlid in xmlids
        }
        return self.activity_ids.filtered(lambda a: a.activity_type_id.id in type_ids)

    def _complaint_activities_done(self, xmlids, feedback):
        """Mark the open activities of these types done, with feedback: a
        text, or a function of an environment in the language of the
        assignees (one call per language, not per activity)."""
        activities = self._complaint_activities(*xmlids)
        if not callable(feedback) or not activities:
            return activities.action_feedback(
                feedback=feedback(self.env) if callable(feedback) else feedback
            )
        default = self.env.lang or "en_US"
        for lang, done in activities.grouped(
            lambda a: a.user_id.lang or default
        ).items():
            done.action_feedback(feedback=feedback(self.with_context(lang=lang).env))
        return True

    def _complaint_activities_reschedule(self, xmlids, user, deadline=None):
        """Give the open activities of these types to user (and a new
        deadline); return the records that had none."""
        activities = self._complaint_activities(*xmlids)
        vals = {"user_id": user.id}
        if deadline:
            vals["date_deadline"] = deadline
        activities.filtered(
            lambda a: a.user_id != user or (deadline and a.date_deadline != deadline)
        ).sudo().write(vals)
        return self.filtered(lambda r: r.id not in activities.mapped("res_id"))
