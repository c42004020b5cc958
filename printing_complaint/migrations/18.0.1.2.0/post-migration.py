# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api
from odoo.tools import convert_file


def migrate(cr, version):
    """The closure email now asks for the 1-5 rating: reload its (noupdate)
    template, and only that one."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    convert_file(
        env,
        "printing_complaint",
        "data/mail_template_closure_data.xml",
        None,
        mode="init",
        noupdate=True,
    )
