# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Printing Complaints - Helpdesk sale orders",
    "summary": "Glue of printing_complaint and helpdesk_mgmt_sale: a complaint "
    "shows one sale order link and one sale order button",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Printing Complaint contributors",
    "website": "https://github.com/printing-complaint/printing-complaint",
    "development_status": "Alpha",
    "depends": [
        "printing_complaint",
        "helpdesk_mgmt_sale",
    ],
    "data": [
        "views/helpdesk_ticket_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
