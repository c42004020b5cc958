/* Copyright 2026 Printing Complaint contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

/**
 * The customer's portal screens in a real browser, in the customer's
 * language (the form's title is checked in it) and
 * at any window size: nothing scrolls sideways, "File a complaint" is in
 * sight, the form lists the chosen order's lines only and keeps what was
 * typed after a refusal, the filed complaint is thanked with its number and
 * shows its steps.
 */

function assertNoSidewaysScroll() {
    const page = document.scrollingElement;
    if (page.scrollWidth > window.innerWidth) {
        throw new Error(
            `The page scrolls sideways: ${page.scrollWidth}px in ${window.innerWidth}px`
        );
    }
    // The frontend scrolls in #wrapwrap; a table in its .table-responsive box.
    for (const box of [page, ...document.querySelectorAll("#wrapwrap, .table-responsive")]) {
        if (box.scrollWidth > box.clientWidth) {
            throw new Error(
                `${box.id || box.className} scrolls sideways: ${box.scrollWidth}px in ${box.clientWidth}px`
            );
        }
    }
}

function assertInSight(selector) {
    const element = document.querySelector(selector);
    const box = element && element.getBoundingClientRect();
    if (!box || !box.width || !box.height || box.right > window.innerWidth) {
        throw new Error(`${selector} is not in sight`);
    }
}

function visibleLines() {
    return [...document.querySelectorAll("#complaint_lines .o_complaint_line")]
        .filter((line) => line.offsetParent !== null)
        .map((line) => line.querySelector("input").dataset.order);
}

function screensSteps(formTitle, descriptionLabel) {
    return [
        {
            content: "The home page counts the complaint filed already",
            trigger: ".o_portal_my_home a[href='/my/tickets'] [data-placeholder_count=ticket_count]:contains(1)",
        },
        {
            content: "Nothing on the home page scrolls sideways",
            trigger: ".o_portal_my_home a[href='/my/complaint/new']",
            run() {
                assertNoSidewaysScroll();
                if (document.querySelector(".o_portal_my_home a a, .o_portal_my_home a form")) {
                    throw new Error("A link is nested in a card's link");
                }
                assertInSight(".o_portal_my_home a[href='/my/complaint/new']");
            },
        },
        {
            content: "Open the list of complaints",
            trigger: ".o_portal_my_home a[href='/my/tickets']",
            run: "click",
        },
        {
            content: "The list shows the complaint without scrolling sideways",
            trigger: ".o_portal_my_doc_table tbody tr",
            run() {
                assertNoSidewaysScroll();
                assertInSight("#complaint_new_link");
            },
        },
        {
            content: "File a new complaint from the list",
            trigger: "#complaint_new_link",
            run: "click",
        },
        {
            content: "The form speaks the customer's language",
            trigger: `h3:contains(${formTitle})`,
        },
        {
            content: "Its labels too, with the required marker",
            trigger: `label[for=complaint_description]:contains(${descriptionLabel}):has(span.text-danger:contains(*))`,
        },
        {
            content: "Only the lines of the newest order are offered",
            trigger: "#complaint_new_form",
            run() {
                const order = document.querySelector("#complaint_order").value;
                const shown = visibleLines();
                if (!shown.length || shown.some((line) => line !== order)) {
                    throw new Error(`Lines of other orders shown: ${shown}`);
                }
                assertNoSidewaysScroll();
            },
        },
        {
            content: "Choose the older order",
            trigger: "#complaint_order",
            run: "selectByIndex 1",
        },
        {
            content: "Its line alone is offered now",
            trigger: "#complaint_new_form",
            run() {
                const order = document.querySelector("#complaint_order").value;
                const shown = visibleLines();
                if (shown.length !== 1 || shown[0] !== order) {
                    throw new Error(`Lines shown for order ${order}: ${shown}`);
                }
            },
        },
        {
            content: "Tick it",
            trigger: "#complaint_lines .o_complaint_line:not(.d-none) input",
            run: "click",
        },
        {
            content: "Give a subject",
            trigger: "#complaint_subject",
            run: "edit Flyers cut crooked",
        },
        {
            content: "Give the quantity",
            trigger: "#complaint_quantity",
            run: "edit 250",
        },
        {
            content: "Send it without saying what is wrong (past the browser's own check)",
            trigger: "#complaint_submit",
            run() {
                document.querySelector("#complaint_new_form").noValidate = true;
                document.querySelector("#complaint_submit").click();
            },
        },
        {
            content: "Refused, with the reason",
            trigger: "#complaint_error",
        },
        {
            content: "What was typed is kept",
            trigger: "#complaint_subject:value(Flyers cut crooked)",
        },
        {
            content: "What was ticked is kept",
            trigger: "#complaint_lines .o_complaint_line:not(.d-none) input:checked",
            run() {
                if (document.querySelector("#complaint_quantity").value !== "250") {
                    throw new Error("The quantity was not kept");
                }
                assertNoSidewaysScroll();
            },
        },
        {
            content: "Say what is wrong",
            trigger: "#complaint_description",
            run: "edit The flyers are cut 3 mm off.",
        },
        {
            content: "Send the complaint",
            trigger: "#complaint_submit",
            run: "click",
        },
        {
            content: "Thanked, with the complaint's number",
            trigger: "#complaint_filed strong:contains(TS)",
        },
        {
            content: "Its steps: registered now, the others to come",
            trigger: "#complaint_timeline li[data-state=current][aria-current=step]",
            run() {
                const states = [
                    ...document.querySelectorAll("#complaint_timeline li"),
                ].map((li) => li.dataset.state);
                if (states.join() !== "current,todo,todo,todo,todo,todo,todo") {
                    throw new Error(`Steps shown as ${states}`);
                }
                assertNoSidewaysScroll();
            },
        },
    ];
}

registry.category("web_tour.tours").add("printing_complaint_portal_screens_en", {
    steps: () => screensSteps("File a complaint", "What is wrong"),
});

registry.category("web_tour.tours").add("printing_complaint_portal_screens_zh", {
    steps: () => [
        ...screensSteps("提交投诉", "问题描述"),
        {
            content: "The page is in Chinese",
            trigger: "#complaint_step strong:contains(步骤)",
        },
    ],
});
