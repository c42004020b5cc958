# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column


class PrintingComplaintTicketLinkMixin(models.AbstractModel):
    """For records about a document (res_model, res_id), such as ratings and
    followers: the helpdesk ticket they are about, stored, so that record
    rules keep those of complaints to the people who handle the complaint."""

    _name = "printing.complaint.ticket.link.mixin"
    _description = "Link to the helpdesk ticket a record is about"

    helpdesk_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        compute="_compute_helpdesk_ticket_id",
        store=True,
        index="btree_not_null",
        compute_sudo=True,
        string="Ticket",
    )

    @api.depends("res_model", "res_id")
    def _compute_helpdesk_ticket_id(self):
        on_tickets = self.filtered(
            lambda r: r.res_model == "helpdesk.ticket" and r.res_id
        )
        tickets = self.env["helpdesk.ticket"].browse(on_tickets.mapped("res_id"))
        existing = set(tickets.exists().ids)
        for record in self:
            record.helpdesk_ticket_id = (
                record.res_id
                if record in on_tickets and record.res_id in existing
                else False
            )

    def _auto_init(self):
        # On install, the column is filled in SQL: computing it in Python for
        # every rating and follower of a large database would take long.
        cr = self.env.cr
        if not self._abstract and not column_exists(
            cr, self._table, "helpdesk_ticket_id"
        ):
            create_column(cr, self._table, "helpdesk_ticket_id", "int4")
            cr.execute(
                SQL(
                    """UPDATE %(table)s SET helpdesk_ticket_id = res_id
                        WHERE res_model = 'helpdesk.ticket'
                          AND res_id IN (SELECT id FROM helpdesk_ticket)""",
                    table=SQL.identifier(self._table),
                )
            )
        return super()._auto_init()
