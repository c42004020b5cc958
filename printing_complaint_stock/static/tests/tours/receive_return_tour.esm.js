/* Copyright 2026 Printing Complaint contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("printing_complaint_stock_receive_return", {
    steps: () => [
        {
            content: "Receive the returned goods of the accepted return and refund",
            trigger: ".o_form_view button[name=action_receive_returned_goods]",
            run: "click",
        },
        {
            content: "The return is prefilled with the delivered brochures",
            trigger:
                ".modal .o_field_widget[name=product_return_moves] .o_data_row:contains('Brochure A4')",
        },
        {
            content: "Create the return",
            trigger: ".modal button[name=action_create_returns]",
            run: "click",
        },
        {
            content: "The receipt is the complaint's",
            trigger: ".o_form_view .o_field_widget[name=complaint_solution_id]:contains('Return and full refund')",
        },
        {
            content: "Validate the receipt",
            trigger: ".o_form_view .o_statusbar_buttons button[name=button_validate]",
            run: "click",
        },
        {
            content: "The goods are received",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
    ],
});
