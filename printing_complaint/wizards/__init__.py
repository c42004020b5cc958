from . import comment_wizard
from . import printing_complaint_effectiveness_wizard
from . import printing_complaint_handling_wizard
from . import printing_complaint_rating_wizard
from . import printing_complaint_reopen_wizard
from . import printing_complaint_solution_withdraw_wizard
