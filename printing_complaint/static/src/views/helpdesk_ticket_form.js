/** @odoo-module */
// Copyright 2026 Printing Complaint contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
//
// helpdesk_mgmt's ticket form (plain tickets) opens a complaint in the
// complaint form: from helpdesk_mgmt's lists and kanbans (the team
// dashboard, My tickets), or a /odoo/helpdesk.ticket/<id> link without a
// view. The complaint form is helpdesk.ticket's get_formview_id.
import { useEffect } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { FormController } from "@web/views/form/form_controller";
import { formView } from "@web/views/form/form_view";

export class HelpdeskTicketFormController extends FormController {
    setup() {
        super.setup();
        this.actionService = useService("action");
        useEffect(
            (resId) => {
                const root = this.model.root;
                if (resId && !root.isNew && root.data.is_complaint && !this.env.inDialog) {
                    this.openComplaintForm(resId);
                }
            },
            () => [this.model.root.resId]
        );
    }

    async openComplaintForm(resId) {
        const action = await this.orm.call(this.props.resModel, "get_formview_action", [
            [resId],
        ]);
        await this.actionService.doAction(action, {
            stackPosition: "replaceCurrentAction",
        });
    }
}

export const helpdeskTicketFormView = {
    ...formView,
    Controller: HelpdeskTicketFormController,
};

registry.category("views").add("helpdesk_ticket_form", helpdeskTicketFormView);
