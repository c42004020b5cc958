from . import printing_complaint_analysis
from . import printing_complaint_dashboard
from . import res_company
from . import res_config_settings
from . import printing_complaint_supplier_claim
