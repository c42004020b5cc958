/* Copyright 2026 Printing Complaint contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("printing_complaint_supplier_claim", {
    steps: () => [
        {
            content: "The material fault's complaint offers a claim from the supplier",
            trigger:
                ".o_form_view button[name=action_new_supplier_claim]:contains('Claim from the supplier')",
            run: "click",
        },
        {
            content: "The supplier at fault is the complaint's",
            trigger: ".o_form_view .o_field_widget[name=partner_id] input:value('Fine Paper Co.')",
        },
        {
            content: "Claim what the fault cost",
            trigger: ".o_form_view .o_field_widget[name=claimed_amount] input",
            run: "edit 750",
        },
        {
            content: "Say why",
            trigger: ".o_form_view .o_field_widget[name=description] textarea",
            run: "edit Paper lot 2611-12 cracks at the fold",
        },
        {
            content: "Send the 8D report too",
            trigger: ".o_form_view .o_field_widget[name=send_8d] input",
            run: "click",
        },
        {
            content: "Send the claim to the supplier",
            trigger: ".o_form_view button[name=action_send]",
            run: "click",
        },
        {
            content: "The claim is sent",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Sent')",
        },
        {
            content: "The email with the evidence is in the claim's chatter",
            trigger: ".o-mail-Message:contains('Paper lot 2611-12 cracks at the fold')",
        },
    ],
});
