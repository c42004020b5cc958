from . import attachment
from . import helpdesk_form
from . import portal
from . import rating
from . import ticket_close
from . import portal_labels
