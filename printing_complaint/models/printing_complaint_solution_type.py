# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dataclasses import dataclass

from odoo import fields, models

# How a solution is carried out in the ERP: its kind of execution. What
# each kind needs and does is its entry of EXECUTION_KINDS below, whose
# methods are in printing_complaint_solution_execution.py.
EXECUTION_KIND_NAMES = [
    ("reprint", "Reprint order"),
    ("refund", "Credit note"),
    ("discount", "Discount code"),
    ("compensation", "Compensation"),
    ("none", "Recorded only"),
]


@dataclass(frozen=True)
class ExecutionKind:
    """What a kind of solution needs and does. The str attributes name
    methods of printing.complaint.solution; None: nothing at that moment."""

    gives_money: bool = False  # priced (positive amount) before approval
    reprints: bool = False  # makes goods again: a customer's share applies
    refunds: bool = False  # counts against what is still refundable
    needs_lines: bool = False  # names the order lines it covers
    amount: str | None = None  # computes the amount; None: as entered
    cost: str | None = None  # computes the cost; None: the amount
    draft: str | None = None  # once approved: drafts its document to check
    start: str | None = None  # once the customer accepted
    missing: str | None = None  # why it is not carried out yet ("" if it is)
    documents: str | None = None  # the ERP documents it made
    matches: str | None = None  # why its documents differ from the approved ("")


EXECUTION_KINDS = {
    "reprint": ExecutionKind(
        reprints=True,
        needs_lines=True,
        amount="_reprint_amount",
        cost="_reprint_cost",
        draft="_draft_reprint_order",
        start="_confirm_reprint_order",
        missing="_reprint_missing",
        documents="_reprint_documents",
        matches="_reprint_order_mismatch",
    ),
    "refund": ExecutionKind(
        gives_money=True,
        refunds=True,
        needs_lines=True,
        amount="_refund_amount",
        draft="_draft_refund_credit_notes",
        missing="_credit_notes_missing",
        documents="_credit_note_documents",
        matches="_refund_credit_notes_mismatch",
    ),
    "discount": ExecutionKind(
        gives_money=True,
        start="_send_discount_code",
        missing="_discount_missing",
        documents="_discount_documents",
        matches="_discount_card_mismatch",
    ),
    "compensation": ExecutionKind(
        gives_money=True,
        draft="_draft_compensation_credit_note",
        missing="_compensation_missing",
        documents="_credit_note_documents",
        matches="_compensation_credit_note_mismatch",
    ),
    "none": ExecutionKind(amount="_nothing", cost="_nothing", start="_record_done"),
}
NO_EXECUTION = ExecutionKind()  # a solution without a type yet
REFUND_KINDS = tuple(code for code, kind in EXECUTION_KINDS.items() if kind.refunds)


class PrintingComplaintSolutionType(models.Model):
    """A kind of solution (reprint, partial refund, apology...) and the ERP
    document that executes it."""

    _name = "printing.complaint.solution.type"
    _inherit = "printing.complaint.number.mixin"
    _description = "Complaint Solution Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    execution_kind = fields.Selection(
        EXECUTION_KIND_NAMES,
        string="Carried out as",
        required=True,
        default="none",
    )
    full_refund = fields.Boolean(
        help="Refunds every invoiced line of the order, not chosen lines."
    )
    customer_share = fields.Float(
        string="Customer's share (%)",
        help="Share of the original price the customer pays for a reprint.",
    )
    description = fields.Text(translate=True)

    _sql_constraints = (
        ("code_unique", "unique(code)", "The code of a solution type is unique."),
        (
            "customer_share_range",
            "CHECK(customer_share >= 0 AND customer_share <= 100)",
            "The customer's share is a percentage between 0 and 100.",
        ),
    )
