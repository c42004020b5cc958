from . import stock_picking
from . import sale_order_line
from . import printing_complaint_solution_type
from . import printing_complaint_solution_delivery
from . import printing_complaint_solution_return
from . import helpdesk_ticket_stock
from . import printing_complaint_demo_stock
