"""What an order adds up to: its totals and the discounts applied to it."""

from decimal import Decimal

import strawberry
from strawberry.types import Info

from mockcentra.domain.money import ZERO
from mockcentra.domain.orders.totals import order_quantities, order_totals
from mockcentra.domain.vouchers import entries as voucher_entries
from mockcentra.domain.vouchers.entries import VoucherEntry
from mockcentra.domain.vouchers.status import VoucherMethod
from mockcentra.graphql.common import MonetaryValue, money
from mockcentra.graphql.orders.lines import order_lines
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.vouchers.types import Voucher, voucher_row
from mockcentra.storage.tables import OrderRow


@strawberry.type
class AppliedDiscount:
    """A voucher applied to an order, with what it took off (items and shipping).

    An order without vouchers shows one entry with its total discount, as Centra's guide does.
    """

    value: MonetaryValue
    date: DateTimeTz
    entry: strawberry.Private[VoucherEntry | None] = None

    @property
    def voucher_id(self) -> int | None:
        return self.entry.voucher_id if self.entry else None

    @strawberry.field
    def voucher(self, info: Info) -> Voucher | None:
        return voucher_row(info, self.voucher_id)  # type: ignore[return-value]

    @strawberry.field(deprecation_reason="Use `voucher`.")
    def discount(self, info: Info) -> Voucher | None:
        return voucher_row(info, self.voucher_id)  # type: ignore[return-value]

    @strawberry.field
    def voucher_name(self) -> str | None:
        return self.entry.name if self.entry else None

    @strawberry.field
    def voucher_method(self) -> VoucherMethod | None:
        return VoucherMethod(self.entry.method) if self.entry and self.entry.method else None

    @strawberry.field(description="Set for vouchers with method CODE.")
    def code(self) -> str | None:
        return self.entry.code if self.entry else None

    @strawberry.field(description="Set for vouchers with method URL.")
    def url(self) -> str | None:
        return self.entry.url if self.entry else None


@strawberry.type
class OrderTotals:
    quantity: int = strawberry.field(description="Units ordered, cancelled ones left out.")
    original_quantity: int = strawberry.field(description="Units ordered, cancelled included.")
    cancelled_quantity: int
    unexpedited_quantity: int = strawberry.field(description="Units not yet in a shipment.")
    line_values: MonetaryValue
    items_subtotal: MonetaryValue
    shipping: MonetaryValue
    handling: MonetaryValue
    discounts: MonetaryValue
    tax_included: MonetaryValue
    tax_added: MonetaryValue
    tax_deducted: MonetaryValue
    grand_total: MonetaryValue


def applied_discounts(info: Info, order: OrderRow) -> list[AppliedDiscount]:
    """The order's applied discounts; its totals are worked out only when it has no vouchers."""

    def whole() -> Decimal:
        return order_totals(info.context.session, order, order_lines(info, order)).discounts

    return [
        AppliedDiscount(
            value=money(info, d.value, order.currency_code),
            date=order.created_at,  # type: ignore[arg-type]
            entry=d.entry,
        )
        for d in voucher_entries.applied_discounts(order.vouchers, whole)
    ]


def totals_of(info: Info, order: OrderRow) -> OrderTotals:
    """The order's totals and quantities, in its currency."""
    lines = order_lines(info, order)
    t = order_totals(info.context.session, order, lines)
    q = order_quantities(lines)
    code = order.currency_code
    return OrderTotals(
        quantity=q.quantity,
        original_quantity=q.original,
        cancelled_quantity=q.cancelled,
        unexpedited_quantity=q.unexpedited,
        line_values=money(info, t.items, code),
        items_subtotal=money(info, t.items, code),
        shipping=money(info, t.shipping, code),
        handling=money(info, t.handling, code),
        discounts=money(info, t.discounts, code),
        tax_included=money(info, t.tax, code),
        tax_added=money(info, ZERO, code),
        tax_deducted=money(info, ZERO, code),
        grand_total=money(info, t.grand_total, code),
    )
