from . import test_reprint_delivery
from . import test_return_refund
from . import test_samples_and_lots
from . import test_receive_return_tour
from . import test_demo_stock
from . import test_i18n
