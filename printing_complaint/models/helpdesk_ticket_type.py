# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

# The facts a complaint of a type must record, and the step whose gate asks
# for them (helpdesk_ticket_gates.py). A complaint without a type is held to
# the quality facts, as before the types had any.
TYPE_FACTS = {
    "needs_evidence": True,
    "needs_service_facts": False,
    "needs_proof_check": True,
    "needs_defect_category": True,
    "needs_delivery_dates": False,
    "needs_quantities": False,
}


class HelpdeskTicketType(models.Model):
    _inherit = "helpdesk.ticket.type"

    needs_evidence = fields.Boolean(
        string="Evidence at registration",
        default=TYPE_FACTS["needs_evidence"],
        help="A photo, video or sample note (or QC's waiver) before the "
        "complaint leaves registration.",
    )
    needs_service_facts = fields.Boolean(
        string="Who, when and what happened",
        default=TYPE_FACTS["needs_service_facts"],
        help="The staff member concerned and when it happened, at registration "
        "(service complaints).",
    )
    needs_proof_check = fields.Boolean(
        string="Order specs and proof checked",
        default=TYPE_FACTS["needs_proof_check"],
        help="QC checks the order's specifications and signed proof at verification.",
    )
    needs_defect_category = fields.Boolean(
        string="Defect category",
        default=TYPE_FACTS["needs_defect_category"],
        help="QC records the defect category at verification.",
    )
    needs_delivery_dates = fields.Boolean(
        string="Promised and actual delivery dates",
        default=TYPE_FACTS["needs_delivery_dates"],
        help="Recorded at verification (delivery and lead-time complaints).",
    )
    needs_quantities = fields.Boolean(
        string="Ordered and counted quantities",
        default=TYPE_FACTS["needs_quantities"],
        help="Recorded at verification (quantity and packaging complaints).",
    )
    category_ids = fields.One2many(
        "helpdesk.ticket.category", "complaint_type_id", string="Categories"
    )
