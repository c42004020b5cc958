/* Copyright 2026 Printing Complaint contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("printing_complaint_report_dashboard", {
    steps: () => [
        {
            content: "The dashboard shows its figures, without New or Save",
            trigger:
                ".o_complaint_dashboard:not(:has(.o_form_button_create, .o_form_button_save)) .o_complaint_figure_count h3",
        },
        {
            content: "This month's complaint rate against the company's target",
            trigger: ".o_complaint_rate .o_complaint_rate_target:contains('0.20 %')",
        },
        {
            content: "The manager sees the complaints and cost by person at fault",
            trigger: "div[name=faults] section[name=faults_people] h5",
        },
        {
            content: "A period without ratings: no 0.0 satisfaction",
            trigger: ".o_complaint_figure_satisfaction h3:contains('—')",
        },
        {
            content: "Empty sections say why",
            trigger: "section[name=satisfaction] .o_complaint_empty",
        },
        {
            content: "Click the bar of the tour's defect category",
            trigger:
                "section[name=pareto] tr.o_complaint_drill[data-label='Foil stamping (tour)'] .o_complaint_count:contains('2')",
            run: "click",
        },
        {
            content: "The list of its complaints opens, filtered",
            trigger: ".o_list_view .o_breadcrumb:contains('Foil stamping (tour)')",
        },
        {
            content: "Exactly its two complaints",
            trigger:
                ".o_list_view .o_data_row:contains('Foil peeling on the cover') ~ .o_data_row:contains('Foil peeling on the cover')",
        },
        {
            content: "No other complaint",
            trigger: ".o_list_view:not(:has(.o_data_row:not(:contains('Foil peeling on the cover'))))",
        },
    ],
});
