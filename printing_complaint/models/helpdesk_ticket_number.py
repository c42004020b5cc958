# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaint number (TS2026-00001): one per company, drawn for a
whole batch of new complaints at once."""

from odoo import api, models


class HelpdeskTicket(models.Model):
    # One concern per file, as Odoo splits its big models.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    def _prepare_ticket_number(self, values):
        team = self.env["helpdesk.ticket.team"].browse(values.get("team_id"))
        if not team.is_complaint_team:
            return super()._prepare_ticket_number(values)
        company_id = values.get("company_id") or team.company_id.id
        return self._complaint_numbers(company_id, 1)[0]

    @api.model
    def _complaint_numbers(self, company_id, count):
        """count complaint numbers of a company, drawn in one query when the
        sequence allows it (standard implementation, no date ranges)."""
        company_id = company_id or self.env.company.id
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .with_company(company_id)
            .search(
                [
                    ("code", "=", "printing.complaint"),
                    ("company_id", "in", [company_id, False]),
                ],
                order="company_id",
                limit=1,
            )
        )
        if not sequence:
            return ["/"] * count
        if sequence.implementation != "standard" or sequence.use_date_range:
            return [sequence._next() for _i in range(count)]
        self.env.cr.execute(
            "SELECT nextval(%s) FROM generate_series(1, %s)",
            [f"ir_sequence_{sequence.id:03d}", count],
        )
        return [sequence.get_next_char(row[0]) for row in self.env.cr.fetchall()]

    def _complaint_prepare_vals(self, vals_list):
        """Give new complaints their number and first stage up front, one
        query per company and team instead of a few per complaint. The team
        may come from the context (the "Log complaint" action's
        default_team_id): it is read here, as create() would. The caller's
        dictionaries are left as they were (copies are completed)."""
        vals_list = [dict(vals) for vals in vals_list]
        if any("team_id" not in vals for vals in vals_list):
            default_team_id = self.default_get(["team_id"]).get("team_id")
            if default_team_id:
                for vals in vals_list:
                    vals.setdefault("team_id", default_team_id)
        teams = self.env["helpdesk.ticket.team"].browse(
            {vals["team_id"] for vals in vals_list if vals.get("team_id")}
        )
        complaint_teams = teams.filtered("is_complaint_team")
        if not complaint_teams:
            return vals_list
        first_stage = {
            team.id: team._get_applicable_stages()[:1].id for team in complaint_teams
        }
        by_company = {}
        for vals in vals_list:
            team = complaint_teams.filtered(lambda t, v=vals: t.id == v.get("team_id"))
            if not team:
                continue
            if team.company_id:
                vals["company_id"] = team.company_id.id
            vals.setdefault("stage_id", first_stage[team.id])
            if vals.get("number", "/") == "/":
                company_id = vals.get("company_id") or self.env.company.id
                by_company.setdefault(company_id, []).append(vals)
        for company_id, company_vals in by_company.items():
            numbers = self._complaint_numbers(company_id, len(company_vals))
            for vals, number in zip(company_vals, numbers, strict=True):
                vals["number"] = number
        return vals_list

    def _complaint_number_late(self):
        """Complaints whose team was known only once created (computed from
        the owner's team): their complaint number replaces the helpdesk's."""
        for company, complaints in (
            self.filtered("is_complaint").grouped("company_id").items()
        ):
            numbers = self._complaint_numbers(company.id, len(complaints))
            for ticket, number in zip(complaints, numbers, strict=True):
                ticket.sudo().number = number
