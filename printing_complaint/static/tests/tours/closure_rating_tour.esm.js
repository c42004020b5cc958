/* Copyright 2026 Printing Complaint contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("printing_complaint_closure_rating", {
    steps: () => [
        {
            content: "Open the complaint waiting for closure",
            trigger: ".o_kanban_record:contains('Cover colour darker than the proof')",
            run: "click",
        },
        {
            content: "Open the closure tab",
            trigger: ".o_notebook a[name=complaint_closure]",
            run: "click",
        },
        {
            content: "Summarise the closure",
            trigger: ".o_field_widget[name=closure_summary] textarea",
            run: "edit Apologised; blue covers checked by QC on every run.",
        },
        {
            content: "Record the lessons learned",
            trigger: ".o_field_widget[name=lessons_learned] textarea",
            run: "edit Measure the density on the first sheets of dark covers.",
        },
        {
            content: "The customer confirmed on the phone that it can be closed",
            trigger: ".o_form_view button[name=action_confirm_closure]",
            run: "click",
        },
        {
            content: "Close the complaint",
            trigger:
                ".o_form_view:not(:has(button[name=action_confirm_closure])) button[name=action_next_step]",
            run: "click",
        },
        {
            content: "The complaint is closed",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Closed')",
        },
        {
            content: "Record the rating the customer gave on the phone",
            trigger: ".o_form_view button[name=action_record_rating]",
            run: "click",
        },
        {
            content: "Satisfied: 4 out of 5",
            trigger: ".modal .o_field_widget[name=score] input[data-value='4']",
            run: "click",
        },
        {
            content: "The customer's comment",
            trigger: ".modal .o_field_widget[name=feedback] textarea",
            run: "edit Quick and polite",
        },
        {
            content: "Record it",
            trigger: ".modal button[name=action_record]",
            run: "click",
        },
        {
            content: "The rating is on the complaint",
            trigger: ".o_form_view:not(:has(.modal)) .o_field_widget[name=rating_last_value]:contains('4')",
        },
    ],
});
