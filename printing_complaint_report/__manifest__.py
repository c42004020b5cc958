# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Printing Complaints - Reports",
    "summary": "PDF forms, XLSX exports and analysis of printing complaints",
    "version": "18.0.1.5.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Printing Complaint contributors",
    "website": "https://github.com/printing-complaint/printing-complaint",
    "development_status": "Alpha",
    "depends": [
        "printing_complaint",
        "report_xlsx",
    ],
    "data": [
        "security/ir.model.access.csv",
        "report/complaint_reports.xml",
        "report/complaint_pdf_common.xml",
        "report/complaint_pdf_registration.xml",
        "report/complaint_pdf_verification.xml",
        "report/complaint_pdf_solution.xml",
        "report/complaint_pdf_confirmation.xml",
        "report/complaint_pdf_progress.xml",
        "report/complaint_pdf_closure.xml",
        "report/complaint_pdf_8d.xml",
        "wizards/printing_complaint_analysis_wizard_views.xml",
        "views/printing_complaint_dashboard_views.xml",
        "views/complaint_analysis_views.xml",
        "views/res_config_settings_views.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "printing_complaint_report/static/src/dashboard/**/*",
        ],
        "web.assets_tests": [
            "printing_complaint_report/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
