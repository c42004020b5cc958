from . import test_demo_data
from . import test_complaint_intake
from . import test_complaint_lifecycle
from . import test_performance
from . import test_portal
from . import test_tours
from . import test_web_client
from . import test_complaint_solutions
