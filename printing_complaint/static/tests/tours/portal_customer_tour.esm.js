/* Copyright 2026 Printing Complaint contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// A 1x1 PNG: the customer's photo of the defect.
const PNG =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==";

registry.category("web_tour.tours").add("printing_complaint_portal_file", {
    steps: () => [
        {
            content: "Choose the brochure line of the order",
            trigger: "#complaint_new_form input[name=lines]",
            run: "click",
        },
        {
            content: "Say what is wrong",
            trigger: "#complaint_subject",
            run: "edit Covers darker than the proof",
        },
        {
            content: "Describe it",
            trigger: "#complaint_description",
            run: "edit The blue covers of the brochures are much too dark.",
        },
        {
            content: "Ask for a reprint",
            trigger: "#complaint_new_form input[name=requests]",
            run: "click",
        },
        {
            content: "Attach a photo of the defect",
            trigger: "#complaint_attachment",
            run() {
                const bytes = Uint8Array.from(atob(PNG), (c) => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "dark_cover.png", {type: "image/png"}));
                document.querySelector("#complaint_attachment").files = transfer.files;
            },
        },
        {
            content: "Send the complaint",
            trigger: "#complaint_submit",
            run: "click",
        },
        {
            content: "The complaint's page shows it",
            trigger: "#card_body:contains('The blue covers of the brochures')",
        },
    ],
});

registry.category("web_tour.tours").add("printing_complaint_portal_accept", {
    steps: () => [
        {
            content: "The offered solution is shown",
            trigger: "#complaint_solutions:contains('Apology and improvement commitment')",
        },
        {
            content: "Accept it",
            trigger: "#complaint_accept_button",
            run: "click",
        },
        {
            // The signature form sizes its pad once the dialog has opened
            // (shown.bs.modal); signing during the fade-in sends an empty
            // image, which the server refuses.
            content: "The signature pad is laid out",
            trigger: "#complaint_accept_modal canvas.o_web_sign_signature:not([width='0'])",
        },
        {
            content: "The name is filled in",
            trigger: "#complaint_accept_modal .o_web_sign_name_and_signature input:value(Lotus Buyer)",
        },
        {
            content: "Choose a style for the signature drawn from the name",
            trigger: "#complaint_accept_modal .o_web_sign_auto_select_style button",
            run: "click",
        },
        {
            content: "The second style",
            trigger: ".o-dropdown-item:eq(1)",
            run: "click",
        },
        {
            content: "Sign",
            trigger: "#complaint_accept_modal .o_portal_sign_submit:enabled",
            run: "click",
        },
        {
            content: "Nothing left to answer",
            trigger: "#complaint_solutions:not(:has(#complaint_decision_form))",
        },
    ],
});

registry.category("web_tour.tours").add("printing_complaint_portal_close", {
    steps: () => [
        {
            content: "Confirm the complaint may be closed",
            trigger: "#complaint_closure button[type=submit]",
            run: "click",
        },
        {
            content: "The confirmation is recorded",
            trigger: "#card_body:not(:has(#complaint_closure))",
        },
    ],
});

registry.category("web_tour.tours").add("printing_complaint_portal_rate", {
    steps: () => [
        {
            content: "Five stars are chosen from the email's link; add a word",
            trigger: "#complaint_rating_feedback",
            run: "edit Handled quickly, thank you",
        },
        {
            content: "Send the rating",
            trigger: "#complaint_rating_form button[type=submit]",
            run: "click",
        },
        {
            content: "Thanked",
            trigger: "h3:contains('Thank you for your feedback')",
        },
    ],
});
