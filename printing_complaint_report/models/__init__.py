from . import printing_complaint_analysis
from . import printing_complaint_dashboard
from . import res_company
from . import res_config_settings
from . import helpdesk_ticket_eight_d
from . import printing_complaint_demo_8d
