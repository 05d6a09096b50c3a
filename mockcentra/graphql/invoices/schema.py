"""The `invoices` query: filtered, paged, Invoice:read."""

import strawberry
from strawberry.types import Info

from mockcentra.domain.errors import invalid
from mockcentra.domain.invoices import queries
from mockcentra.domain.listing import as_list
from mockcentra.graphql.invoices.types import INVOICE_TYPES, Invoice, InvoiceType, register_page
from mockcentra.graphql.permissions import field
from mockcentra.graphql.reference.types import StoreType
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.runtime.moments import parse_moment


@strawberry.input
class InvoiceDateRange:
    from_: DateTimeTz | None = strawberry.field(name="from", default=None)
    to: DateTimeTz | None = None


@strawberry.input
class InvoiceFilter:
    id: list[int] | None = None
    number: list[str] | None = None
    type: list[InvoiceType] | None = None
    store_type: StoreType | None = None
    store_id: list[int] | None = None
    order_id: list[str] | None = strawberry.field(
        default=None, description="The orders' 32-hex ids."
    )
    created_at: InvoiceDateRange | None = None

    def to_domain(self, info: Info) -> queries.InvoiceFilter:
        clock = info.context.runtime.clock
        span = self.created_at or InvoiceDateRange()
        try:
            start = parse_moment(span.from_, clock) if span.from_ else None
            end = parse_moment(span.to, clock) if span.to else None
        except ValueError as exc:
            raise invalid(str(exc), ["where", "createdAt"]) from None
        return queries.InvoiceFilter(
            ids=as_list(self.id),
            numbers=[str(n) for n in as_list(self.number)],
            types=as_list(self.type),
            store_type=self.store_type.value if self.store_type else None,
            store_ids=as_list(self.store_id),
            order_hashes=as_list(self.order_id),
            created_from=start,
            created_to=end,
        )


@strawberry.type
class Query:
    @field(permission="Invoice:read", description="Invoices, oldest first.")
    def invoices(
        self,
        info: Info,
        where: InvoiceFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Invoice]:
        w = (where or InvoiceFilter()).to_domain(info)
        rows = list(queries.find_invoices(info.context.session, w, limit, page))
        register_page(info, rows)
        return rows  # type: ignore[return-value]


EXTRA_TYPES = INVOICE_TYPES
