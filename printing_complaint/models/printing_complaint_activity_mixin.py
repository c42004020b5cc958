# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
from datetime import datetime

from markupsafe import escape

from odoo import fields, models
from odoo.tools import SQL, html_sanitize
from odoo.tools.mail import generate_tracking_message_id

# What _complaint_insert_followers() writes of a follower: with any other
# stored field (another module's), it falls back on message_subscribe().
FOLLOWER_COLUMNS = {"id", "res_model", "res_id", "partner_id", "helpdesk_ticket_id"}


def _rows_json(rows):
    """rows (dicts) as one JSON text for json_to_recordset(): a single
    parameter, which PostgreSQL reads faster than arrays of thousands of
    elements (each one an expression of the statement to parse)."""
    return json.dumps(rows, default=str)


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

    def _complaint_activities_vals(self, xmlid, user_of, deadline, summary=None):
        """_complaint_activity_vals() for each record, assigned to
        user_of(record): the type, summary and deadline are worked out once
        per language of the assignees, not once per record (a cron's
        thousands of activities)."""
        shared = {}
        vals_list = []
        for record in self:
            user = user_of(record)
            lang = user.lang or self.env.lang or "en_US"
            if lang not in shared:
                shared[lang] = record._complaint_activity_vals(
                    xmlid, user, deadline, summary
                )
            vals_list.append(dict(shared[lang], res_id=record.id, user_id=user.id))
        return vals_list

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

    # ------------------------------------------------------------------
    # The crons' batches: one INSERT each
    # ------------------------------------------------------------------
    # mail.activity.create() and mail.message.create() cost about half a
    # millisecond per record in Python (defaults, computes, sanitizing, the
    # cache); a cron escalating thousands of overdue steps writes the same
    # rows with one statement each, subscribes the assignees as
    # mail.activity does (the followers, also one statement) and tells their
    # web clients once. Activities, notes and followers written this way are
    # ordinary records.

    def _complaint_insert_activities(self, vals_list):
        """Create the activities of vals_list (see _complaint_activity_vals;
        records of this model) with one INSERT, without an email: what
        _complaint_schedule_activities() creates, for a cron's batch."""
        vals_list = [vals for vals in vals_list if vals["user_id"]]
        Activity = self.env["mail.activity"].sudo()
        if not vals_list:
            return Activity
        model_id = self.env["ir.model"]._get_id(self._name)
        if any(vals["res_model_id"] != model_id for vals in vals_list):
            raise ValueError(f"activities of another model than {self._name}")
        records = self.sudo().browse({vals["res_id"] for vals in vals_list})
        users = (
            self.env["res.users"].sudo().browse({vals["user_id"] for vals in vals_list})
        )
        names = {record.id: record.display_name for record in records}
        time_zones = {user.id: user.tz for user in users}
        Activity.flush_model()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO mail_activity (
                    res_model_id, res_model, res_id, res_name, activity_type_id,
                    summary, date_deadline, user_id, user_tz, automated, active,
                    create_uid, write_uid, create_date, write_date)
                SELECT %(model_id)s, %(model)s, v.res_id, v.res_name, v.type_id,
                       v.summary, v.deadline, v.user_id, v.tz, true, true,
                       %(uid)s, %(uid)s, %(now)s, %(now)s
                  FROM json_to_recordset(%(rows)s)
                    AS v(res_id int, res_name varchar, type_id int,
                         summary varchar, deadline date, user_id int, tz varchar)
             RETURNING id
                """,
                model_id=model_id,
                model=self._name,
                uid=self.env.uid,
                now=self.env.cr.now(),
                rows=_rows_json(
                    [
                        {
                            "res_id": vals["res_id"],
                            "res_name": names[vals["res_id"]],
                            "type_id": vals["activity_type_id"],
                            "summary": vals["summary"] or None,
                            "deadline": vals["date_deadline"],
                            "user_id": vals["user_id"],
                            "tz": time_zones[vals["user_id"]] or None,
                        }
                        for vals in vals_list
                    ]
                ),
            )
        )
        activities = Activity.browse(row[0] for row in self.env.cr.fetchall())
        records._complaint_inserted("activity_ids")
        partner_of = {user.id: user.partner_id.id for user in users}
        records._complaint_insert_followers(
            {(vals["res_id"], partner_of[vals["user_id"]]) for vals in vals_list}
        )
        today = fields.Date.context_today(self)
        due = {vals["user_id"] for vals in vals_list if vals["date_deadline"] <= today}
        users.filtered(lambda user: user.id in due)._bus_send(
            "mail.activity/updated", {"activity_created": True}
        )
        return activities

    def _complaint_insert_followers(self, pairs):
        """Subscribe partners to records, pairs {(record id, partner id)},
        with one INSERT: what message_subscribe() does without subtypes
        (existing followers kept as they are, new ones with the model's
        default subtypes, the external ones for portal partners), for a
        cron's batch. Falls back on message_subscribe() when another
        module stores more on a follower than the INSERT writes."""
        Followers = self.env["mail.followers"].sudo()
        stored = {
            name
            for name, field in Followers._fields.items()
            if field.store and field.column_type
        }
        partners = self.env["res.partner"].sudo().browse({p for _r, p in pairs})
        active = partners.filtered("active")
        active_ids = set(active.ids)
        pairs = [
            (res_id, partner) for res_id, partner in pairs if partner in active_ids
        ]
        if not pairs:
            return
        if stored - FOLLOWER_COLUMNS:
            res_ids_of = {}
            for res_id, partner in pairs:
                res_ids_of.setdefault(partner, set()).add(res_id)
            for partner, res_ids in res_ids_of.items():
                self.browse(res_ids).message_subscribe(partner_ids=[partner])
            return
        default, _internal, external = self.env[
            "mail.message.subtype"
        ].default_subtypes(self._name)
        Followers.flush_model()
        self.env.cr.execute(
            SQL(
                """
                WITH new AS (
                    INSERT INTO mail_followers (
                        res_model, res_id, partner_id, helpdesk_ticket_id)
                    SELECT %(model)s, v.res_id, v.partner_id,
                           CASE WHEN %(on_tickets)s THEN v.res_id END
                      FROM json_to_recordset(%(rows)s)
                        AS v(res_id int, partner_id int)
                        ON CONFLICT (res_model, res_id, partner_id) DO NOTHING
                 RETURNING id, partner_id)
                INSERT INTO mail_followers_mail_message_subtype_rel (
                    mail_followers_id, mail_message_subtype_id)
                SELECT new.id, subtype_id
                  FROM new, unnest(CASE WHEN new.partner_id = ANY(%(shared)s)
                                        THEN %(external)s::int[]
                                        ELSE %(default)s::int[] END) AS subtype_id
                """,
                model=self._name,
                on_tickets=self._name == "helpdesk.ticket",
                rows=_rows_json(
                    [{"res_id": res_id, "partner_id": p} for res_id, p in pairs]
                ),
                shared=active.filtered("partner_share").ids,
                external=external.ids,
                default=default.ids,
            )
        )
        self.browse({res_id for res_id, _p in pairs})._complaint_inserted(
            "message_follower_ids"
        )

    def _complaint_insert_notes(self, bodies):
        """An internal note on each record, bodies {record id: text}, with
        one INSERT: what _message_log_batch() writes (the current user as
        author, no notification), for a cron's batch."""
        if not bodies:
            return self.env["mail.message"].sudo()
        author_id, email_from = self._message_compute_author(raise_on_email=False)
        html = {text: html_sanitize(escape(text)) for text in set(bodies.values())}
        self.env["mail.message"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO mail_message (
                    model, res_id, body, author_id, email_from, reply_to,
                    message_id, message_type, subtype_id, is_internal,
                    email_add_signature, date, create_uid, write_uid,
                    create_date, write_date)
                SELECT %(model)s, v.res_id, v.body, %(author)s, %(email_from)s,
                       %(reply_to)s, %(message_id)s, 'notification', %(note)s,
                       true, false, %(now)s, %(uid)s, %(uid)s, %(now)s, %(now)s
                  FROM json_to_recordset(%(rows)s) AS v(res_id int, body text)
             RETURNING id
                """,
                model=self._name,
                author=author_id,
                email_from=email_from or None,
                reply_to=self.env["mail.thread"]._notify_get_reply_to(
                    default=email_from
                )[False]
                or None,
                message_id=generate_tracking_message_id("message-notify"),
                note=self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
                now=self.env.cr.now(),
                uid=self.env.uid,
                rows=_rows_json(
                    [
                        {"res_id": res_id, "body": str(html[text])}
                        for res_id, text in bodies.items()
                    ]
                ),
            )
        )
        messages = (
            self.env["mail.message"]
            .sudo()
            .browse(row[0] for row in self.env.cr.fetchall())
        )
        self.browse(bodies)._complaint_inserted("message_ids")
        return messages

    def _complaint_inserted(self, field_name):
        """Rows of the one2many field_name were inserted in SQL: the cache
        of these records forgets it and what is computed from it."""
        self.invalidate_recordset([field_name], flush=False)
        self.modified([field_name])

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
