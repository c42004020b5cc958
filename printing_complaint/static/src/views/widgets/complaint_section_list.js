/** @odoo-module */
// Copyright 2026 Printing Complaint contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
//
// A read-only section of the complaint form (its stage history, its earlier
// complaints) shown as a list view of its own, loaded when its tab is
// opened: the notebook renders the open page only. Opening the form then
// reads none of these records; a one2many field would read them all, for
// every tab. The section is the act_window a method of the record returns
// (its model, list view, domain and context), the same action as its "See
// all" button; a row opens the record in a form of its own.
import { Component, onWillStart, onWillUpdateProps, useState, useSubEnv } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { View, getDefaultConfig } from "@web/views/view";
import { standardWidgetProps } from "@web/views/widgets/standard_widget_props";

export class ComplaintSectionList extends Component {
    static template = "printing_complaint.ComplaintSectionList";
    static components = { View };
    static props = {
        ...standardWidgetProps,
        method: String,
        reloadOn: { type: Array, element: String },
        emptyText: { type: String, optional: true },
    };

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        // The list's own configuration: it must not change the form's views
        // or its breadcrumbs.
        useSubEnv({ config: getDefaultConfig() });
        this.state = useState({ viewProps: null, key: "" });
        onWillStart(() => this.load(this.props));
        onWillUpdateProps((nextProps) => {
            if (this.keyOf(nextProps) !== this.state.key) {
                return this.load(nextProps);
            }
        });
    }

    /** The section is loaded again when the record or these fields change. */
    keyOf(props) {
        const values = props.reloadOn.map((name) => props.record.data[name]);
        return JSON.stringify([props.record.resId, values]);
    }

    async load(props) {
        const key = this.keyOf(props);
        const resId = props.record.resId;
        if (!resId) {
            Object.assign(this.state, { viewProps: null, key });
            return;
        }
        const action = await this.orm.call(props.record.resModel, props.method, [[resId]]);
        const listView = action.views.find(([, type]) => type === "list");
        const formView = action.views.find(([, type]) => type === "form");
        Object.assign(this.state, {
            key,
            viewProps: {
                resModel: action.res_model,
                type: "list",
                views: [
                    [listView ? listView[0] : false, "list"],
                    [false, "search"],
                ],
                domain: action.domain,
                context: { ...(action.context || {}), create: false },
                display: { controlPanel: false },
                allowSelectors: false,
                selectRecord: (id) =>
                    this.actionService.doAction({
                        type: "ir.actions.act_window",
                        res_model: action.res_model,
                        res_id: id,
                        views: [[formView ? formView[0] : false, "form"]],
                    }),
            },
        });
    }
}

export const complaintSectionList = {
    component: ComplaintSectionList,
    extractProps: ({ attrs }) => ({
        method: attrs.method,
        reloadOn: (attrs.reload_on || "").split(",").filter(Boolean),
        emptyText: attrs.placeholder,
    }),
};

registry.category("view_widgets").add("complaint_section_list", complaintSectionList);
