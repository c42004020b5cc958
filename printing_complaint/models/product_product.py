# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ProductProduct(models.Model):
    # A variant writes its template's tolerances (delegation): its numbers
    # are checked as the template's are.
    _name = "product.product"
    _inherit = ("product.product", "printing.complaint.number.mixin")
