# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaint types name the facts their complaints record, and categories
belong to a type. The shipped types and categories are noupdate data: the
existing records get their facts and type here (new ones come with the
data file). Types a company added keep the quality facts, as before."""

from odoo import SUPERUSER_ID, api

TYPE_FACTS = {
    "printing_complaint.type_delivery": {
        "needs_evidence": False,
        "needs_proof_check": False,
        "needs_defect_category": False,
        "needs_delivery_dates": True,
    },
    "printing_complaint.type_service": {
        "needs_evidence": False,
        "needs_proof_check": False,
        "needs_defect_category": False,
        "needs_service_facts": True,
    },
    "printing_complaint.type_packaging": {
        "needs_proof_check": False,
        "needs_defect_category": False,
        "needs_quantities": True,
    },
    "printing_complaint.type_other": {
        "needs_evidence": False,
        "needs_proof_check": False,
        "needs_defect_category": False,
    },
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, facts in TYPE_FACTS.items():
        complaint_type = env.ref(xmlid, raise_if_not_found=False)
        if complaint_type:
            complaint_type.write(facts)
    quality = env.ref("printing_complaint.type_quality", raise_if_not_found=False)
    root = env.ref(
        "printing_complaint.category_print_quality", raise_if_not_found=False
    )
    if quality and root:
        categories = env["helpdesk.ticket.category"].search(
            [("id", "child_of", root.id), ("complaint_type_id", "=", False)]
        )
        categories.write({"complaint_type_id": quality.id})
