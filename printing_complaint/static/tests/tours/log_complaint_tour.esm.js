/* Copyright 2026 Printing Complaint contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {inputFiles} from "@web/../tests/utils";
import {registry} from "@web/core/registry";

const PHOTO =
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVQIW2P4v5ThPwAG7wKklwQ/bwAAAABJRU5ErkJggg==";

registry.category("web_tour.tours").add("printing_complaint_log_from_order", {
    steps: () => [
        {
            content: "Open the confirmed order of Lotus Printing Buyer",
            trigger: ".o_data_row td:contains('Lotus Printing Buyer')",
            run: "click",
        },
        {
            content: "Log a complaint on the order",
            trigger: ".o_form_view button[name=action_log_complaint]",
            run: "click",
        },
        {
            content: "The complaint is filled in from the order",
            trigger:
                ".o_form_view .o_field_widget[name=sale_order_id] input:value(/S\\d+/)",
        },
        {
            content: "Title of the complaint",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Cover colour darker than the proof",
        },
        {
            content: "Describe the defect",
            trigger: ".o_form_view .o_field_widget[name=description] .odoo-editor-editable",
            run: "editor The blue of the cover is much darker than the signed proof.",
        },
        {
            content: "Open the intake tab",
            trigger: ".o_notebook a[name=complaint_intake]",
            run: "click",
        },
        {
            content: "The customer asks for a reprint",
            trigger: ".o_form_view .o_field_widget[name=request_ids] input",
            run: "edit Reprint",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Reprint')",
            run: "click",
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
        {
            content: "Attach the customer's photo",
            trigger: ".o-mail-Chatter-topbar button[aria-label='Attach files']",
            async run() {
                const blob = await (await fetch(PHOTO)).blob();
                await inputFiles(".o-mail-Chatter .o_input_file", [
                    new File([blob], "cover_photo.png", {type: "image/png"}),
                ]);
            },
        },
        {
            content: "The photo is attached",
            trigger: ".o-mail-AttachmentImage[title='cover_photo.png'], .o-mail-AttachmentCard[title='cover_photo.png']",
        },
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
            content: "Go to the complaints",
            trigger: ".o_menu_sections [data-menu-xmlid='printing_complaint.menu_complaints']",
            run: "click",
        },
        {
            content: "The complaint waits in the registration column",
            trigger:
                ".o_kanban_group:contains('1. Registered') .o_kanban_record:contains('Cover colour darker than the proof')",
        },
    ],
});
