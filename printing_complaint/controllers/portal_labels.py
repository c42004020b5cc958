# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""helpdesk_mgmt's portal list labels its sortings, groupings and searches
with code strings of helpdesk_mgmt, which only helpdesk_mgmt's own
translation files could translate (it has no Chinese). The labels are given
here: the field's own label where the choice is a field (translated with
the field), our own text otherwise."""

from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

FIELD_OF = {
    # key of helpdesk_mgmt's sortings, groupings and searches -> field
    "name": "name",
    "stage": "stage_id",
    "update": "last_stage_update",
    "category": "category_id",
    "number": "number",
}


class TicketListLabels(CustomerPortal):
    @staticmethod
    def _ticket_field_labels():
        fields = request.env["helpdesk.ticket"].fields_get(
            list(set(FIELD_OF.values())), ["string"]
        )
        return {key: fields[name]["string"] for key, name in FIELD_OF.items()}

    def _ticket_get_searchbar_sortings(self):
        sortings = super()._ticket_get_searchbar_sortings()
        labels = self._ticket_field_labels()
        labels["date"] = request.env._("Newest")
        for key, sorting in sortings.items():
            sorting["label"] = labels.get(key, sorting["label"])
        return sortings

    def _ticket_get_searchbar_groupby(self):
        groupby = super()._ticket_get_searchbar_groupby()
        labels = self._ticket_field_labels()
        labels["none"] = request.env._("None")
        for key, group in groupby.items():
            group["label"] = labels.get(key, group["label"])
        return groupby

    def _ticket_get_searchbar_inputs(self):
        inputs = super()._ticket_get_searchbar_inputs()
        labels = self._ticket_field_labels()
        for key, search in inputs.items():
            if key == "all":
                search["label"] = request.env._("Search in All")
            elif key in labels:
                search["label"] = request.env._("Search in %s", labels[key])
        return inputs
