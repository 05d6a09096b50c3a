"""What an order adds up to: its totals and the discounts applied to it."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from mockcentra.domain.vouchers.entries import VoucherEntry
from mockcentra.graphql.common import MonetaryValue
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.vouchers.types import Voucher, VoucherMethod, voucher_row


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
        return voucher_row(info, self.voucher_id)

    @strawberry.field(deprecation_reason="Use `voucher`.")
    def discount(self, info: Info) -> Voucher | None:
        return voucher_row(info, self.voucher_id)

    @strawberry.field
    def voucher_name(self) -> str | None:
        return self.entry.name if self.entry else None

    @strawberry.field
    def voucher_method(self) -> VoucherMethod | None:
        return self.entry.method if self.entry else None  # type: ignore[return-value]

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
