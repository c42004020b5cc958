from . import test_install
from . import test_xlsx
from . import test_pdf
from . import test_dashboard
from . import test_monthly_report
from . import test_dashboard_tour
from . import test_menus
from . import test_demo_reports
