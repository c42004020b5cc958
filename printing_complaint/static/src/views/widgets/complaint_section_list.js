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
// all" button; a row opens the record in a form of its own. The list is
// loaded again when the record is (saved, reloaded after a button).
import {
    Component,
    markRaw,
    onWillStart,
    onWillUpdateProps,
    useState,
    useSubEnv,
} from "@odoo/owl";
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
        emptyText: { type: String, optional: true },
    };

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        // The list's own configuration: it must not change the form's views
        // or its breadcrumbs.
        useSubEnv({ config: getDefaultConfig() });
        this.state = useState({ viewProps: null, loads: 0 });
        onWillStart(() => this.load(this.props));
        onWillUpdateProps((nextProps) => {
            // The record gets new data when it is loaded or saved (an edit
            // changes its data in place): the section may have changed too.
            const { record } = nextProps;
            if (record.resId !== this.resId || record.data !== this.data) {
                return this.load(nextProps);
            }
        });
    }

    async load(props) {
        const { record } = props;
        this.resId = record.resId;
        this.data = record.data;
        if (!record.resId) {
            this.state.viewProps = null;
            return;
        }
        const action = await this.orm.call(record.resModel, props.method, [[record.resId]]);
        const listView = action.views.find(([, type]) => type === "list");
        const formView = action.views.find(([, type]) => type === "form");
        Object.assign(this.state, {
            loads: this.state.loads + 1,
            viewProps: markRaw({
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
                // A section without a form (the stage history) opens no row.
                selectRecord: (id) =>
                    formView &&
                    this.actionService.doAction({
                        type: "ir.actions.act_window",
                        res_model: action.res_model,
                        res_id: id,
                        views: [[formView[0], "form"]],
                    }),
            }),
        });
    }
}

export const complaintSectionList = {
    component: ComplaintSectionList,
    extractProps: ({ attrs }) => ({
        method: attrs.method,
        emptyText: attrs.placeholder,
    }),
};

registry.category("view_widgets").add("complaint_section_list", complaintSectionList);
