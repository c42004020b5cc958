/* Copyright 2026 Printing Complaint contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {Component, onWillStart, useState} from "@odoo/owl";
import {ControlPanel} from "@web/search/control_panel/control_panel";
import {registry} from "@web/core/registry";
import {standardActionServiceProps} from "@web/webclient/actions/action_service";
import {useService} from "@web/core/utils/hooks";

/**
 * The complaint manager's dashboard: the period's figures read from
 * printing.complaint.dashboard.get_dashboard_data, every figure a link to
 * the complaints it counts.
 */
export class ComplaintDashboard extends Component {
    static template = "printing_complaint_report.ComplaintDashboard";
    static components = {ControlPanel};
    static props = {...standardActionServiceProps};

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.state = useState({data: null, dateFrom: "", dateTo: ""});
        onWillStart(() => this.load());
    }

    async load() {
        const data = await this.orm.call(
            "printing.complaint.dashboard",
            "get_dashboard_data",
            [],
            {date_from: this.state.dateFrom || false, date_to: this.state.dateTo || false}
        );
        this.state.dateFrom = data.date_from;
        this.state.dateTo = data.date_to;
        this.state.data = data;
    }

    async onChangeDate(field, ev) {
        this.state[field] = ev.target.value;
        if (this.state.dateFrom && this.state.dateTo) {
            await this.load();
        }
    }

    percent(ratio) {
        return ratio === null || ratio === undefined ? "—" : `${Math.round(ratio * 100)} %`;
    }

    barStyle(ratio) {
        return `width: ${Math.max(Math.round((ratio || 0) * 100), 1)}%;`;
    }

    maxOf(rows, key) {
        return Math.max(1, ...rows.map((row) => row[key] || 0));
    }

    /** Opens the complaints a figure counts. */
    openComplaints(name, domain) {
        this.actionService.doAction({
            ...this.state.data.complaints_action,
            name,
            domain,
        });
    }

    openAction(actionId) {
        this.actionService.doAction({
            type: "ir.actions.act_window",
            res_model: "mgmtsystem.action",
            res_id: actionId,
            views: [[false, "form"]],
            target: "current",
        });
    }

    async onPrintWorkbook() {
        const action = await this.orm.call(
            "printing.complaint.dashboard",
            "action_print_workbook",
            [],
            {date_from: this.state.dateFrom, date_to: this.state.dateTo}
        );
        await this.actionService.doAction(action);
    }
}

registry.category("actions").add("printing_complaint_report.dashboard", ComplaintDashboard);
