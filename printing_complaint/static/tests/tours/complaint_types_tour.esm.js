/* Copyright 2026 Printing Complaint contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

/* A rep logs a walk-in customer's late delivery from the Complaints menu:
 * the delivery type shows its facts (promised and actual dates) instead
 * of the defect's, and with no sale order the job is written down. */
function steps({withDates}) {
    const dates = withDates
        ? [
              {
                  content: "The date promised to the customer",
                  trigger: ".o_form_view .o_field_widget[name=promised_delivery_date] input",
                  run: "edit 09/21/2026",
              },
              {
                  content: "The day the goods arrived",
                  trigger: ".o_form_view .o_field_widget[name=actual_delivery_date] input",
                  run: "edit 09/23/2026",
              },
              {
                  trigger: ".o_form_view .o_field_widget[name=job_amount] input",
                  run: "click",
              },
              {
                  content: "Two days late",
                  trigger: ".o_form_view .o_field_widget[name=delivery_delay_days]:contains('2')",
              },
          ]
        : [];
    return [
        {
            content: "Log a new complaint",
            trigger: ".o_control_panel_main_buttons button.o-kanban-button-new",
            run: "click",
        },
        {
            content: "Its title",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Flyers arrived two days late",
        },
        {
            content: "The walk-in customer",
            trigger: ".o_form_view .o_field_widget[name=partner_id] input",
            run: "edit Wu Min",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Wu Min')",
            run: "click",
        },
        {
            content: "What happened",
            trigger: ".o_form_view .o_field_widget[name=description] .odoo-editor-editable",
            run: "editor The flyers for the fair came two days after the promised date.",
        },
        {
            content: "No sale order: the job reference is asked for",
            trigger: ".o_form_view .o_field_widget[name=job_reference] input",
            run: "edit J-0917",
        },
        {
            content: "What the customer paid",
            trigger: ".o_form_view .o_field_widget[name=job_amount] input",
            run: "edit 180",
        },
        {
            content: "Open the classification",
            trigger: ".o_notebook a[name=complaint_classification]",
            run: "click",
        },
        {
            content: "A delivery complaint",
            trigger:
                ".o_form_view .o_notebook .o_field_widget[name=type_id] input",
            run: withDates ? "edit Deliv" : "edit 交期",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Delivery'), .o-autocomplete--dropdown-item:contains('交期')",
            run: "click",
        },
        {
            content: "No proof to check for a late delivery",
            trigger:
                ".o_notebook:not(:has(.o_field_widget[name=proof_checked]))",
        },
        {
            content: "Open the intake",
            trigger: ".o_notebook a[name=complaint_intake]",
            run: "click",
        },
        {
            content: "The delivery's facts are asked for",
            trigger: ".o_form_view .o_field_widget[name=promised_delivery_date]",
        },
        ...dates,
        {
            content: "Save the complaint",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "The complaint has its number",
            trigger: ".o_form_view .o_field_widget[name=number]:contains('TS')",
        },
    ];
}

registry.category("web_tour.tours").add("printing_complaint_types_walk_in", {
    steps: () => steps({withDates: true}),
});
// In Chinese the dates are typed in the Chinese format: the Chinese run
// checks the labels and the walk-in job, the English one the dates too.
registry.category("web_tour.tours").add("printing_complaint_types_walk_in_zh", {
    steps: () => steps({withDates: false}),
});
