/* Copyright 2026 Printing Complaint contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// helpdesk_mgmt's lists open a plain ticket in helpdesk_mgmt's form and a
// complaint in the complaint form (its Intake tab, its Next step button).
registry.category("web_tour.tours").add("printing_complaint_form_routing", {
    steps: () => [
        {
            content: "My tickets: open the plain ticket",
            trigger: ".o_data_row td:contains('Printer offline')",
            run: "click",
        },
        {
            content: "helpdesk_mgmt's form, without the complaint's tabs",
            trigger: ".o_form_view .o_notebook a[name=other_info]",
            run() {
                if (document.querySelector(".o_notebook a[name=complaint_intake]")) {
                    throw new Error("A plain ticket opened in the complaint form");
                }
            },
        },
        {
            content: "Back to My tickets",
            trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb li:first-child a",
            run: "click",
        },
        {
            content: "Open the complaint",
            trigger: ".o_data_row td:contains('Cover darker than the proof')",
            run: "click",
        },
        {
            content: "The complaint form",
            trigger: ".o_form_view .o_notebook a[name=complaint_intake]",
        },
        {
            content: "with the procedure's buttons",
            trigger: ".o_form_view button[name=action_next_step]",
        },
        {
            content: "The breadcrumb goes back to My tickets",
            trigger: ".o_breadcrumb:contains('Cover darker than the proof')",
        },
    ],
});

// A bare link to the record (/odoo/helpdesk.ticket/<id>, no view).
registry.category("web_tour.tours").add("printing_complaint_form_link", {
    steps: () => [
        {
            content: "The complaint form",
            trigger: ".o_form_view .o_notebook a[name=complaint_intake]",
        },
        {
            content: "with the procedure's buttons",
            trigger: ".o_form_view button[name=action_next_step]",
        },
    ],
});
