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
        "resource",
        "sale_management",
    ],
    "data": [
        "security/printing_complaint_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/helpdesk_team_data.xml",
        "data/mail_template_data.xml",
        "data/helpdesk_ticket_category_data.xml",
        "data/helpdesk_ticket_channel_data.xml",
        "data/helpdesk_ticket_type_data.xml",
        "data/printing_complaint_request_data.xml",
        "data/printing_complaint_time_limit_data.xml",
        "data/ir_cron_data.xml",
        "views/helpdesk_ticket_views.xml",
        "views/printing_complaint_evidence_views.xml",
        "views/sale_order_views.xml",
        "views/res_partner_views.xml",
        "views/printing_complaint_config_views.xml",
    ],
    "demo": [
        "demo/res_partner_demo.xml",
        "demo/product_demo.xml",
        "demo/sale_order_demo.xml",
        "demo/helpdesk_ticket_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "printing_complaint/static/tests/tours/**/*",
        ],
    },
    "installable": True,
    "application": True,
}
