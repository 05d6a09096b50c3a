"""Customer queries (their attributes are in graphql/attributes).

Customers are created by orders (guests become unregistered customers); an email can belong
to one registered and one unregistered customer, and both are listed.
"""

from enum import Enum
from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.cursors import StatementSource, keys_of
from mockcentra.domain.customers.queries import customers_matching, list_customers
from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.listing import as_list
from mockcentra.graphql.attributes.types import announce_attributes
from mockcentra.graphql.common import StringMatch
from mockcentra.graphql.connections import Connection, connection
from mockcentra.graphql.orders.customers import Customer
from mockcentra.graphql.orders.inputs import DateTimeRange
from mockcentra.runtime.moments import parse_moment
from mockcentra.storage.tables import CustomerRow


@strawberry.input
class CustomerFilter:
    id: list[int] | None = None
    store_id: list[int] | None = None
    email: StringMatch | None = None
    is_registered: bool | None = None
    created_at: DateTimeRange | None = None
    updated_at: DateTimeRange | None = None


def _bounds(info: Info, value: DateTimeRange | None, name: str) -> tuple[Any, Any]:
    if value is None:
        return None, None
    clock = info.context.runtime.clock
    try:
        start = parse_moment(value.from_, clock) if value.from_ else None
        end = parse_moment(value.to, clock) if value.to else None
    except ValueError as exc:
        raise DomainError(ErrorCode.INVALID, str(exc), ["where", name]) from None
    return start, end


@strawberry.enum
class CustomerSort(Enum):
    id_ASC = "id_ASC"
    id_DESC = "id_DESC"


def customer_filters(info: Info, where: CustomerFilter | None) -> dict[str, Any]:
    """The domain's customer filters from a `CustomerFilter` (dates read in the instance's zone)."""
    w = where or CustomerFilter()
    created_from, created_to = _bounds(info, w.created_at, "createdAt")
    updated_from, updated_to = _bounds(info, w.updated_at, "updatedAt")
    return {
        "ids": w.id,
        "store_ids": w.store_id,
        "email": w.email,
        "is_registered": w.is_registered,
        "created_from": created_from,
        "created_to": created_to,
        "updated_from": updated_from,
        "updated_to": updated_to,
    }


@strawberry.type
class Query:
    @strawberry.field(
        description="Customers in id order; an email may match a registered and an "
        "unregistered customer."
    )
    def customers(
        self,
        info: Info,
        where: CustomerFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Customer]:
        rows = list(
            list_customers(
                info.context.session,
                **customer_filters(info, where),
                limit=limit,
                page_number=page,
            )
        )
        announce_attributes(info, "Customer", [r.id for r in rows])
        return rows  # type: ignore[return-value]

    @strawberry.field
    def customer_connection(
        self,
        info: Info,
        where: CustomerFilter | None = None,
        sort: list[CustomerSort] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Customer]:
        """Customers as a Relay connection, by id unless sorted."""
        keys = keys_of([s.value for s in as_list(sort)], {"id": CustomerRow.id}, CustomerRow.id)
        stmt = customers_matching(**customer_filters(info, where))
        return connection(
            StatementSource(info.context.session, stmt),
            keys,
            first=first,
            after=after,
            last=last,
            before=before,
            loaded=lambda rows: announce_attributes(info, "Customer", [r.id for r in rows]),
        )

    @strawberry.field
    def customer(self, info: Info, id: int) -> Customer | None:
        rows = list_customers(info.context.session, ids=[id], limit=1)
        return rows[0] if rows else None  # type: ignore[return-value]
