from . import test_complaint_form
