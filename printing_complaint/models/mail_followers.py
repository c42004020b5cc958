# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MailFollowers(models.Model):
    # Who follows a complaint (the customer's contacts) is seen by those who
    # see the complaint (record rules on helpdesk_ticket_id).
    _name = "mail.followers"
    _inherit = ("mail.followers", "printing.complaint.ticket.link.mixin")
