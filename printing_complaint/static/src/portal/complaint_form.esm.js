/* Copyright 2026 Printing Complaint contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import publicWidget from "@web/legacy/js/public/public_widget";

/**
 * The portal's filing form lists the lines of the chosen order only: the
 * lines of the other orders are hidden, unticked and not sent (the server
 * refuses them anyway).
 */
publicWidget.registry.ComplaintNewForm = publicWidget.Widget.extend({
    selector: "#complaint_new_form",
    events: {
        "change #complaint_order": "_onOrderChange",
    },

    start() {
        this._showOrderLines();
        return this._super(...arguments);
    },

    _onOrderChange() {
        this._showOrderLines();
    },

    _showOrderLines() {
        const order = this.el.querySelector("#complaint_order").value;
        for (const line of this.el.querySelectorAll(".o_complaint_line")) {
            const chosen = line.dataset.order === order;
            const input = line.querySelector("input[name=lines]");
            line.classList.toggle("d-none", !chosen);
            input.disabled = !chosen;
            if (!chosen) {
                input.checked = false;
            }
        }
    },
});
