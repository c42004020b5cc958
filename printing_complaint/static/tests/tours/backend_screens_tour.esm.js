/* Copyright 2026 Printing Complaint contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// The complaint kanban and list (number, step, deadline badge, no quick
// create), a complaint's form (severity and deadline at the top, no helpdesk
// field that does not apply, fewer tabs), then Log complaint from its order
// (a clear new complaint, the order's lines to choose from). The same steps
// in English and in Chinese (the steps' names in the user's language).
function backendScreenSteps(newComplaintName, registeredColumn, lateText) {
    return [
        {
            content: "The complaints by step, in the user's language",
            trigger: `.o_kanban_header:contains(${JSON.stringify(registeredColumn)})`,
        },
        {
            content: "The kanban card shows the whole number",
            trigger: ".o_kanban_record:contains('Cover darker than the proof'):contains('TS')",
            run() {
                const card = [...document.querySelectorAll(".o_kanban_record")].find(
                    (el) => el.textContent.includes("Cover darker than the proof")
                );
                const number = card.querySelector(".o_complaint_number");
                if (!/^TS\d{4}-\d{5}$/.test(number.textContent.trim())) {
                    throw new Error(`No whole number on the card: ${card.textContent}`);
                }
            },
        },
        {
            content: "its step and its deadline as a badge",
            trigger: ".o_kanban_record:contains('Cover darker than the proof')",
            run() {
                const card = [...document.querySelectorAll(".o_kanban_record")].find(
                    (el) => el.textContent.includes("Cover darker than the proof")
                );
                if (!card.querySelector(".o_complaint_deadline .badge")) {
                    throw new Error(`No deadline badge: ${card.innerHTML}`);
                }
                if (!card.querySelector(".o_complaint_step").textContent.trim()) {
                    throw new Error(`The card does not show the step: ${card.innerHTML}`);
                }
                if (/\d:\d\d:\d\d/.test(card.textContent)) {
                    throw new Error("The card shows seconds");
                }
                if (document.querySelector(".o_kanban_quick_add")) {
                    throw new Error("A column offers quick create");
                }
            },
        },
        {
            content: "Switch to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "The list shows the number, the step and the badge",
            trigger:
                ".o_data_row:contains('Cover darker than the proof') td[name=step_deadline] .o_complaint_deadline .badge",
            run() {
                const row = [...document.querySelectorAll(".o_data_row")].find((el) =>
                    el.textContent.includes("Cover darker than the proof")
                );
                const number = row.querySelector("td[name=number]");
                if (!/^TS\d{4}-\d{5}$/.test(number.textContent.trim())) {
                    throw new Error(`Number cell: ${number.textContent}`);
                }
                if (number.scrollWidth > number.clientWidth + 1) {
                    throw new Error("The number is cut");
                }
                if (!row.querySelector("td[name=stage_id]").textContent.trim()) {
                    throw new Error("No step in the list");
                }
            },
        },
        {
            content: "A late step: a red badge",
            trigger:
                ".o_data_row:contains('Posters faded') td[name=step_deadline] .badge.text-bg-danger[data-late='1']",
            run() {
                const badge = [...document.querySelectorAll(".o_data_row")]
                    .find((el) => el.textContent.includes("Posters faded"))
                    .querySelector("td[name=step_deadline] .badge");
                if (lateText && badge.textContent.trim() !== lateText) {
                    throw new Error(`Late badge: ${badge.textContent}`);
                }
            },
        },
        {
            content: "Open the complaint",
            trigger: ".o_data_row:contains('Cover darker than the proof') td[name=name]",
            run: "click",
        },
        {
            content: "Severity and deadline at the top",
            trigger: ".o_form_view .o_field_widget[name=step_deadline] .o_complaint_deadline .badge",
            run() {
                const severity = document.querySelector(
                    ".o_form_view .o_field_widget[name=severity]"
                );
                if (!severity || severity.closest(".o_notebook")) {
                    throw new Error("The severity is not at the top");
                }
                for (const name of ["partner_name", "partner_email", "rating_status"]) {
                    const field = document.querySelector(
                        `.o_form_view .o_field_widget[name=${name}]`
                    );
                    if (field && field.closest(".o_form_sheet")) {
                        throw new Error(`${name} is shown on a complaint`);
                    }
                }
                for (const name of ["sale_order_ids"]) {
                    if (document.querySelector(`.o_field_widget[name=${name}]`)) {
                        throw new Error(`${name} is shown on a complaint`);
                    }
                }
                if (document.querySelector("button[name=action_view_sale_orders]")) {
                    throw new Error("helpdesk_mgmt_sale's button on a complaint");
                }
                for (const tab of ["other_info", "complaint_evidence"]) {
                    if (document.querySelector(`.o_notebook a[name=${tab}]`)) {
                        throw new Error(`Tab ${tab} on a complaint`);
                    }
                }
            },
        },
        {
            content: "Open the complaint's order",
            trigger: ".o_form_view button[name=action_view_sale_order]",
            run: "click",
        },
        {
            content: "Log a complaint on the order",
            trigger: ".o_form_view button[name=action_log_complaint]",
            run: "click",
        },
        {
            content: "A clear new complaint",
            trigger: newComplaintName
                ? `.o_breadcrumb .o_last_breadcrumb_item:contains(${JSON.stringify(newComplaintName)})`
                : ".o_form_view .o_field_widget[name=sale_order_id] input:value(/S\\d+/)",
            run() {
                const crumbs = document.querySelector(".o_breadcrumb").textContent;
                if (crumbs.includes("False") || crumbs.includes("/ -")) {
                    throw new Error(`Breadcrumb: ${crumbs}`);
                }
            },
        },
        {
            content: "The order is filled in",
            trigger: ".o_form_view .o_field_widget[name=sale_order_id] input:value(/S\\d+/)",
        },
        {
            content: "The order's lines are offered",
            trigger: ".o_form_view .o_field_widget[name=sale_line_ids] input",
            run: "click",
        },
        {
            content: "Choose the posters",
            trigger: ".o-autocomplete--dropdown-item:contains('Poster A2')",
            run: "click",
        },
        {
            content: "The posters are chosen",
            trigger: ".o_field_widget[name=sale_line_ids] .o_tag:contains('Poster A2')",
        },
        {
            content: "Title of the complaint",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Posters torn on delivery",
        },
        {
            content: "Describe the defect",
            trigger: ".o_form_view .o_field_widget[name=description] .odoo-editor-editable",
            run: "editor Ten posters arrived torn.",
        },
        {
            content: "Save the complaint",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "The complaint has its number",
            trigger: ".o_form_view .o_field_widget[name=number]:contains('TS')",
        },
    ];
}

registry.category("web_tour.tours").add("printing_complaint_backend_screens", {
    steps: () => backendScreenSteps("New complaint", "1. Registered", "3 h late"),
});

// zh_CN: the steps in Chinese; whatever the translation of "New complaint"
// (not in zh_CN.po yet), never "/ - False".
registry.category("web_tour.tours").add("printing_complaint_backend_screens_zh", {
    steps: () => backendScreenSteps("", "1. 受理登记", ""),
});
