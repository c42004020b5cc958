# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestComplaintBatch(ComplaintCase):
    """A batch fault records its batch, production date and defect rate
    (不良率: defective / inspected quantity), without the Inventory app."""

    def test_qc_records_the_batch_and_its_defect_rate(self):
        complaint = self._create_complaint(is_batch_fault=True)
        self._registered_complete(complaint)
        complaint.action_next_step()
        complaint.with_user(self.qc_user).write(
            {
                "batch_number": "P-2611-14",
                "production_date": "2026-11-02",
                "inspected_qty": 200,
                "defective_qty": 14,
            }
        )
        self.assertEqual(complaint.batch_number, "P-2611-14")
        self.assertEqual(str(complaint.production_date), "2026-11-02")
        self.assertAlmostEqual(complaint.defect_rate, 7.0)
        complaint.with_user(self.qc_user).defective_qty = 0
        self.assertEqual(complaint.defect_rate, 0.0)

    def test_no_rate_without_an_inspected_quantity(self):
        complaint = self._create_complaint()
        self.assertEqual(complaint.defect_rate, 0.0)

    def test_bad_quantities_refused(self):
        complaint = self._create_complaint()
        qc = complaint.with_user(self.qc_user)
        with self.assertRefused(ValidationError, "cannot be more than"):
            qc.write({"inspected_qty": 10, "defective_qty": 11})
        with self.assertRefused(ValidationError, "cannot be negative"):
            qc.write({"inspected_qty": -5})
        with self.assertRefused(ValidationError, "cannot be negative"):
            qc.write({"inspected_qty": 10, "defective_qty": -1})
        self.assertEqual(complaint.inspected_qty, 0.0)

    def test_defect_rate_is_not_written_by_hand(self):
        complaint = self._create_complaint()
        complaint.write({"inspected_qty": 50, "defective_qty": 5})
        self.assertTrue(complaint._fields["defect_rate"].readonly)
        self.assertAlmostEqual(complaint.defect_rate, 10.0)
