"""Inputs the order, shipment and return mutations share: an order, an order line, a time
range (and how a filter reads one)."""

import strawberry
from strawberry.types import Info

from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.orders.listing import TimeRange
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.runtime.moments import parse_moment

#: The description of every `sendEmail` input: it is accepted so that calls written for Centra
#: run unchanged.
NO_EMAILS = "Accepted and ignored: mockcentra sends no emails."


@strawberry.input
class OrderInput:
    """An order by its 32-hex `id` or its `number`."""

    id: str | None = None
    number: int | None = None


@strawberry.input
class OrderLineInput:
    id: int


@strawberry.input
class DateTimeRange:
    from_: DateTimeTz | None = strawberry.field(name="from", default=None)
    to: DateTimeTz | None = None


def time_range(info: Info, value: DateTimeRange | None, name: str) -> TimeRange | None:
    if value is None:
        return None
    clock = info.context.runtime.clock
    try:
        return TimeRange(
            parse_moment(value.from_, clock) if value.from_ else None,
            parse_moment(value.to, clock) if value.to else None,
        )
    except ValueError as exc:
        raise DomainError(ErrorCode.INVALID, str(exc), ["where", name]) from None
