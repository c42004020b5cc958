/* Copyright 2026 Printing Complaint contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// What a customer typed into the complaint, its file name, its message and
// its signature: it must be shown as text, never run as markup.
const MARKUP = '<img src=x onerror="window.pcInjected=1">';

function showsAsText() {
    if (!this.anchor.textContent.includes(MARKUP)) {
        throw new Error(`"${MARKUP}" is not shown as text in ${this.anchor.outerHTML}`);
    }
}

// The chatter shows emails, and the portal its whole chatter, in shadow DOMs.
function hasInjectedImage(root) {
    return (
        Boolean(root.querySelector("img[onerror]")) ||
        [...root.querySelectorAll("*")].some(
            (el) => el.shadowRoot && hasInjectedImage(el.shadowRoot)
        )
    );
}

function nothingRan() {
    if (window.pcInjected || hasInjectedImage(document)) {
        throw new Error("The customer's markup was run by the page");
    }
}

registry.category("web_tour.tours").add("printing_complaint_backend_escaping", {
    steps: () => [
        {
            content: "The complaint's title, in the breadcrumb",
            trigger: ".o_breadcrumb .active:contains('Covers darker')",
            run: showsAsText,
        },
        {
            content: "The customer's message in the chatter",
            trigger: ".o-mail-Message-body:contains('Still too dark')",
            run: showsAsText,
        },
        {
            content: "The customer's HTML email, cleaned",
            trigger: ".o-mail-Message-body div:shadow p:contains('See the photo')",
            run: nothingRan,
        },
        {
            content: "Open the intake and its evidence",
            trigger: ".o_notebook a[name=complaint_intake]",
            run: "click",
        },
        {
            content: "The photo's file name",
            trigger: ".o_field_widget[name=evidence_ids] .o_data_row:contains('.png')",
            run: showsAsText,
        },
        {
            content: "Open the solutions",
            trigger: ".o_notebook a[name=complaint_solutions]",
            run: "click",
        },
        {
            content: "The name the customer signed with",
            trigger: ".o_complaint_section_list .o_data_row:contains('Li Wei')",
            run: showsAsText,
        },
        {
            content: "Nothing the customer wrote ran in the page",
            trigger: ".o_form_view",
            run: nothingRan,
        },
    ],
});

registry.category("web_tour.tours").add("printing_complaint_portal_escaping", {
    steps: () => [
        {
            content: "The complaint's title",
            trigger: "#card_header:contains('Covers darker')",
            run: showsAsText,
        },
        {
            content: "The customer's message in the portal chatter",
            trigger: "#chatterRoot:shadow .o-mail-Message-body:contains('Still too dark')",
            run: showsAsText,
        },
        {
            content: "Nothing the customer wrote ran in the page",
            trigger:
                "#chatterRoot:shadow .o-mail-Message-body div:shadow p:contains('See the photo')",
            run: nothingRan,
        },
    ],
});
