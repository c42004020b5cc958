# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Printing Complaints",
    "summary": "Customer complaint handling for printing companies, "
    "on top of the OCA helpdesk and sales",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Printing Complaint contributors",
    "website": "https://github.com/printing-complaint/printing-complaint",
    "development_status": "Alpha",
    "depends": [
        "account",
        "helpdesk_mgmt",
        "helpdesk_type",
        "sale_management",
    ],
    "data": [
        "data/helpdesk_team_data.xml",
    ],
    "demo": [
        "demo/res_partner_demo.xml",
        "demo/product_demo.xml",
        "demo/sale_order_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "printing_complaint/static/tests/tours/**/*",
        ],
    },
    "installable": True,
    "application": True,
}
