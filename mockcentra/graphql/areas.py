"""The areas whose Query and Mutation make up the schema; add a new area here.

An area module may define `Query`, `Mutation`, or neither (while it is being built).
"""

from mockcentra.graphql import access, counters, events, idconversion, ratelimits
from mockcentra.graphql.attributes import schema as attributes
from mockcentra.graphql.catalog import bundles, charts, groupings, products, variants
from mockcentra.graphql.customers import schema as customers
from mockcentra.graphql.displays import schema as displays
from mockcentra.graphql.invoices import schema as invoices
from mockcentra.graphql.media import schema as media
from mockcentra.graphql.orders import fulfilment
from mockcentra.graphql.orders import returns as order_returns
from mockcentra.graphql.orders import schema as orders
from mockcentra.graphql.orders import shipments as order_shipments
from mockcentra.graphql.pricing import schema as pricing
from mockcentra.graphql.reference import schema as reference
from mockcentra.graphql.stock import schema as stock
from mockcentra.graphql.translations import schema as translations
from mockcentra.graphql.vouchers import schema as vouchers
from mockcentra.graphql.wholesale import buyers
from mockcentra.graphql.wholesale import schema as wholesale
from mockcentra.graphql.wholesale import windows as delivery_windows

AREAS = (
    reference,
    charts,
    groupings,
    products,
    variants,
    bundles,
    stock,
    pricing,
    displays,
    idconversion,
    orders,
    order_shipments,
    order_returns,
    fulfilment,
    invoices,
    events,
    vouchers,
    customers,
    attributes,
    translations,
    media,
    wholesale,
    buyers,
    delivery_windows,
    ratelimits,
    counters,
    access,
)
