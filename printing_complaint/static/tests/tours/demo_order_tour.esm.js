/* Copyright 2026 Printing Complaint contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("printing_complaint_demo_order", {
    steps: () => [
        {
            content: "Open the brochure order of Harbour City Travel Agency",
            trigger: ".o_data_row td:contains('Harbour City Travel Agency')",
            run: "click",
        },
        {
            content: "The order shows its customer and its brochure line",
            trigger:
                ".o_form_view .o_field_widget[name=partner_id]:contains('Harbour City')",
        },
        {
            trigger: ".o_form_view .o_data_row:contains('Tri-fold brochure A4')",
        },
    ],
});
