/* Copyright 2026 Printing Complaint contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("printing_complaint_finance_sign_off", {
    steps: () => [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Open the Helpdesk app",
            trigger: ".o_app[data-menu-xmlid='helpdesk_mgmt.helpdesk_ticket_main_menu']",
            run: "click",
        },
        {
            content: "Open what waits for my approval",
            trigger:
                ".o_menu_sections [data-menu-xmlid='printing_complaint.menu_solutions_to_approve']",
            run: "click",
        },
        {
            content: "Open the partial refund to sign off",
            trigger: ".o_data_row td:contains('Partial refund')",
            run: "click",
        },
        {
            content: "Sign it off",
            trigger: ".o_form_view button[name=validate_tier]",
            run: "click",
        },
        {
            content: "Say why",
            trigger: ".modal .o_field_widget[name=comment] input",
            run: "edit Within the quality budget",
        },
        {
            content: "Confirm the sign-off",
            trigger: ".modal button[name=add_comment]",
            run: "click",
        },
        {
            content: "The solution is approved",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Approved')",
        },
        {
            content: "Open the complaint",
            trigger: ".o_form_view .o_field_widget[name=ticket_id] a",
            run: "click",
        },
        {
            content: "Open the complaint's solutions",
            trigger: ".o_notebook a[name=complaint_solutions]",
            run: "click",
        },
        {
            content: "The sign-off and its reason are in the Approvals",
            trigger:
                ".o_complaint_section_list .o_data_row:contains('Within the quality budget') td[name=status]",
        },
        {
            content: "The draft credit note is on the complaint",
            trigger:
                ".o_form_view button[name=action_view_credit_notes]:contains('1'):contains('Credit notes')",
            run: "click",
        },
        {
            content: "It refunds the brochures",
            trigger:
                ".o_form_view .o_field_widget[name=invoice_line_ids] .o_data_row:contains('Brochure A4')",
        },
    ],
});
