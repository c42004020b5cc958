/** @odoo-module */
// Copyright 2026 Printing Complaint contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
//
// A complaint step's deadline as a badge, like the helpdesk SLA's: "in 2 h",
// "3 h late" (minutes under an hour, days beyond two), the date and time
// without seconds in its tooltip (and beside it with the show_date option).
// Computed in the browser from the stored deadline: no query per record.
import { Component } from "@odoo/owl";
import { formatDateTime } from "@web/core/l10n/dates";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

const { DateTime } = luxon;

// Due within this many minutes: an orange badge.
const SOON_MINUTES = 4 * 60;

/** The badge's text and colour for a deadline `minutes` from now. */
export function deadlineBadge(minutes) {
    const late = minutes < 0;
    const abs = Math.abs(minutes);
    let text;
    if (abs < 60) {
        text = late ? _t("%s min late", abs) : _t("in %s min", abs);
    } else if (abs < 48 * 60) {
        const hours = Math.round(abs / 60);
        text = late ? _t("%s h late", hours) : _t("in %s h", hours);
    } else {
        const days = Math.round(abs / (24 * 60));
        text = late ? _t("%s d late", days) : _t("in %s d", days);
    }
    let className = "text-bg-info";
    if (late) {
        className = "text-bg-danger";
    } else if (minutes < SOON_MINUTES) {
        className = "text-bg-warning";
    }
    return { text, className, late };
}

export class ComplaintDeadlineField extends Component {
    static template = "printing_complaint.ComplaintDeadlineField";
    static props = {
        ...standardFieldProps,
        showDate: { type: Boolean, optional: true },
    };

    get value() {
        return this.props.record.data[this.props.name];
    }

    get formattedDate() {
        return this.value ? formatDateTime(this.value, { showSeconds: false }) : "";
    }

    get badge() {
        if (!this.value) {
            return null;
        }
        const minutes = Math.round(this.value.diff(DateTime.now(), "minutes").minutes);
        return deadlineBadge(minutes);
    }
}

export const complaintDeadlineField = {
    component: ComplaintDeadlineField,
    displayName: _t("Complaint deadline"),
    supportedTypes: ["datetime"],
    extractProps: ({ options }) => ({ showDate: Boolean(options.show_date) }),
};

registry.category("fields").add("complaint_deadline", complaintDeadlineField);
