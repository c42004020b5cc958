/* Copyright 2026 Printing Complaint contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// The complaint form's Recurrence and Stage history tabs load their lists
// when they are opened: the earlier complaint is listed and opens in the
// complaint form, the steps are listed and listed again when the complaint
// moves on, and the form keeps its breadcrumb.
registry.category("web_tour.tours").add("printing_complaint_form_sections", {
    steps: () => [
        {
            content: "The complaint form, on its first tab",
            trigger: ".o_form_view .o_field_widget[name=number]:contains('TS')",
            run() {
                if (document.querySelector(".o_complaint_section_list")) {
                    throw new Error("A section list is loaded before its tab is opened");
                }
            },
        },
        {
            content: "Open the Recurrence tab",
            trigger: ".o_notebook a[name=complaint_recurrence]",
            run: "click",
        },
        {
            content: "The earlier complaint is listed",
            trigger:
                ".o_complaint_section_list .o_data_row:contains('Brochures smudged last spring')",
            run() {
                const rows = document.querySelectorAll(
                    ".o_complaint_section_list .o_data_row"
                );
                if (rows.length !== 1) {
                    throw new Error(`${rows.length} earlier complaints listed`);
                }
                if (document.querySelector(".o_complaint_section_list .o_control_panel")) {
                    throw new Error("The section shows a control panel");
                }
            },
        },
        {
            content: "The breadcrumb is still the complaint's",
            trigger: ".o_breadcrumb .o_last_breadcrumb_item:contains('Cover darker than the proof')",
        },
        {
            content: "Open the earlier complaint",
            trigger:
                ".o_complaint_section_list .o_data_row:contains('Brochures smudged last spring') td[name=name]",
            run: "click",
        },
        {
            content: "It opens in the complaint form",
            trigger:
                ".o_form_view .o_field_widget[name=name] input:value(Brochures smudged last spring)",
            run() {
                if (!document.querySelector(".o_form_view .o_field_widget[name=severity]")) {
                    throw new Error("Not the complaint form");
                }
            },
        },
        {
            content: "Back to the complaint",
            trigger: ".o_breadcrumb a:contains('Cover darker than the proof')",
            run: "click",
        },
        {
            content: "The complaint again, on the tab it was left on",
            trigger:
                ".o_breadcrumb .o_last_breadcrumb_item:contains('Cover darker than the proof')",
        },
        {
            content: "Open the Stage history tab",
            trigger: ".o_notebook a[name=complaint_history]",
            run: "click",
        },
        {
            content: "The step so far",
            trigger: ".o_complaint_section_list .o_data_row td[name=entry_date]",
            run() {
                const rows = document.querySelectorAll(
                    ".o_complaint_section_list .o_data_row"
                );
                if (rows.length !== 1) {
                    throw new Error(`${rows.length} stage history lines`);
                }
            },
        },
        {
            content: "Move the complaint on: the tab stays open",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_next_step]",
            run: "click",
        },
        {
            content: "The saved complaint's list is loaded again",
            trigger:
                ".o_complaint_section_list .o_data_row:nth-child(2) td[name=entry_date]",
        },
        {
            content: "Its steps are listed, to the minute",
            trigger: ".o_complaint_section_list .o_data_row td[name=entry_date]",
            run() {
                const lists = document.querySelectorAll(".o_complaint_section_list");
                if (lists.length !== 1) {
                    throw new Error(`${lists.length} section lists on the page`);
                }
                const rows = lists[0].querySelectorAll(".o_data_row");
                if (rows.length !== 2) {
                    throw new Error(`${rows.length} stage history lines`);
                }
                const list = lists[0];
                const steps = [...rows].map(
                    (row) => row.querySelector("td[name=stage_id]").textContent
                );
                if (!steps[0].includes("1. Registered")) {
                    throw new Error(`First step: ${steps[0]}`);
                }
                if (/\d:\d\d:\d\d/.test(list.textContent)) {
                    throw new Error("The history shows seconds");
                }
                if (list.querySelector(".o_list_button_add")) {
                    throw new Error("The history offers to add a line");
                }
            },
        },
    ],
});
