"""Every table; importing this package registers them all on `Row.metadata`."""

from mockcentra.storage.tables.attributes import *  # noqa: F403
from mockcentra.storage.tables.catalog import *  # noqa: F403
from mockcentra.storage.tables.displays import *  # noqa: F403
from mockcentra.storage.tables.events import *  # noqa: F403
from mockcentra.storage.tables.invoices import *  # noqa: F403
from mockcentra.storage.tables.media import *  # noqa: F403
from mockcentra.storage.tables.orders import *  # noqa: F403
from mockcentra.storage.tables.plugins import *  # noqa: F403
from mockcentra.storage.tables.pricing import *  # noqa: F403
from mockcentra.storage.tables.reference import *  # noqa: F403
from mockcentra.storage.tables.stock import *  # noqa: F403
from mockcentra.storage.tables.translations import *  # noqa: F403
from mockcentra.storage.tables.vouchers import *  # noqa: F403
from mockcentra.storage.tables.wholesale import *  # noqa: F403
