from . import complaint_ledger_xlsx
from . import complaint_analysis_xlsx
from . import complaint_pdf
