# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

# The six steps of the complaint procedure, plus the final closed state.
# The codes are stable: code, data and reports refer to them, never to names.
COMPLAINT_STEPS = [
    ("registered", "1. Registered"),
    ("verification", "2. Verification & classification"),
    ("solution", "3. Responsibility & solution"),
    ("confirmation", "4. Customer confirmation"),
    ("execution", "5. Execution & follow-up"),
    ("closure", "6. Closure & review"),
    ("closed", "Closed"),
]
# The steps a complaint spends working time in, in order (all but Closed).
TIMED_STEPS = tuple(step for step, _label in COMPLAINT_STEPS if step != "closed")

# The moves the process allows: forward one step, the loop back from a
# customer's rejection to the solution step, the way back to it from
# execution (a reprint failed, the customer must be compensated further) and
# from closure (the customer does not confirm it: 重新对策), closing a
# complaint judged not valid (or a duplicate) at verification, and a
# manager's reopening.
ALLOWED_MOVES = {
    "registered": {"verification", "closed"},  # closed: a merged duplicate
    "verification": {"solution", "closed"},
    "solution": {"confirmation"},
    "confirmation": {"execution", "solution"},
    "execution": {"closure", "solution"},
    "closure": {"closed", "solution"},
    # reopened by a manager, with a reason: a valid complaint goes back to
    # the solution step, one closed as not valid back to verification
    "closed": {"solution", "verification"},
}
# Praise and suggestions are answered and closed.
FEEDBACK_MOVES = {"registered": {"closed"}, "closed": set()}


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    complaint_step = fields.Selection(
        selection=COMPLAINT_STEPS,
        index=True,
        help="The step of the complaint procedure this stage stands for.",
    )
