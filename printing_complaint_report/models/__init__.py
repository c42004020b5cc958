from . import printing_complaint_analysis
from . import printing_complaint_analysis_rate
from . import printing_complaint_analysis_fault
from . import printing_complaint_analysis_weekly
from . import printing_complaint_dashboard
from . import res_company
from . import res_config_settings
