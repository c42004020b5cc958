# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The tiers of a solution are approved in order: the department head, then
finance, then the director. data/tier_definition_data.xml is noupdate: the
existing definitions get approve_sequence here."""

from odoo import SUPERUSER_ID, api

TIERS = (
    "printing_complaint.tier_solution_department_head",
    "printing_complaint.tier_solution_finance",
    "printing_complaint.tier_solution_director",
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in TIERS:
        tier = env.ref(xmlid, raise_if_not_found=False)
        if tier:
            tier.approve_sequence = True
