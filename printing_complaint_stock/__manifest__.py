# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Printing Complaints - Inventory",
    "summary": "Glue of printing_complaint and sale_stock: reprints delivered "
    "by their pickings, returned goods and samples received as returns, the "
    "affected lots and their other deliveries",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Printing Complaint contributors",
    "website": "https://github.com/printing-complaint/printing-complaint",
    "development_status": "Alpha",
    "depends": [
        "printing_complaint",
        "sale_stock",
    ],
    "data": [
        "security/ir.model.access.csv",
        "data/printing_complaint_solution_type_data.xml",
        "views/stock_picking_views.xml",
        "views/stock_return_picking_views.xml",
        "views/printing_complaint_solution_views.xml",
        "views/helpdesk_ticket_views.xml",
    ],
    "demo": [
        "demo/printing_complaint_demo_stock.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "printing_complaint_stock/static/tests/tours/**/*",
        ],
    },
    "auto_install": True,
    "installable": True,
}
