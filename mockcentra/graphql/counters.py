"""`counters`: how many objects a list query would find over all its pages.

Each counter takes the same `where` filter as its list query and needs the same read
permission, so `counters { products(where: $w) }` beside `products(where: $w, page: $p)` tells
how many pages there are.
"""

import strawberry
from strawberry.types import Info

from mockcentra.domain.access import count_access_tokens
from mockcentra.domain.catalog.queries import count_products
from mockcentra.domain.customers.queries import count_customers
from mockcentra.domain.orders.listing import count_orders
from mockcentra.graphql.catalog.products import ProductFilter, product_query
from mockcentra.graphql.customers.schema import CustomerFilter, customer_filters
from mockcentra.graphql.orders.schema import OrderFilter, order_list_filter
from mockcentra.graphql.permissions import field


@strawberry.type
class Counters:
    @field(permission="Product:read")
    def products(self, info: Info, where: ProductFilter | None = None) -> int:
        return count_products(info.context.session, product_query(where))

    @field(permission="Customer:read")
    def customers(self, info: Info, where: CustomerFilter | None = None) -> int:
        return count_customers(info.context.session, **customer_filters(info, where))

    @field(permission="Order:read")
    def orders(self, info: Info, where: OrderFilter | None = None) -> int:
        """As `orders(where:)`: held orders are left out unless `isOnHold` is given."""
        return count_orders(info.context.session, order_list_filter(info, where))

    @field(permission="GraphQLAccess:read", name="graphQLAccess")
    def graphql_access(self, info: Info) -> int:
        return count_access_tokens(info.context.session, info.context.runtime.clock.now())


@strawberry.type
class Query:
    @field(permission="", description="Counts of what the list queries find, over all pages.")
    def counters(self) -> Counters:
        return Counters()
