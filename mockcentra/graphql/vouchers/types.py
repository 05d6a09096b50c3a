"""Vouchers, their actions, criteria and results (`self` in a resolver is the storage row).

`VoucherActionCriteria.productVariants/shippingOptions` and the `VoucherActionResult` fields
beyond `id` and `type` are mockcentra additions that show what an action does.
"""

from __future__ import annotations

from decimal import Decimal

import strawberry
from strawberry.types import Info

from mockcentra.domain.vouchers import queries as vouchers
from mockcentra.domain.vouchers import status as st
from mockcentra.graphql.catalog.enums import Status
from mockcentra.graphql.catalog.types import ProductVariant
from mockcentra.graphql.common import MonetaryValue, money
from mockcentra.graphql.permissions import read_permission
from mockcentra.graphql.pricing.types import Pricelist
from mockcentra.graphql.reference.types import Market, ShippingOption, Store
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.storage.tables import (
    CurrencyRow,
    PricelistRow,
    ShippingOptionRow,
    StoreRow,
    VariantRow,
    VoucherActionRow,
    VoucherRow,
)

VoucherStatus = Status
VoucherMethod = strawberry.enum(st.VoucherMethod, name="VoucherMethod")
VoucherType = strawberry.enum(st.VoucherType, name="VoucherType")
VoucherEntryPointStrategy = strawberry.enum(st.EntryPointStrategy, name="VoucherEntryPointStrategy")
VoucherActionContinueStrategy = strawberry.enum(
    st.ContinueStrategy, name="VoucherActionContinueStrategy"
)
VoucherActionCriteriaType = strawberry.enum(st.CriteriaType, name="VoucherActionCriteriaType")
VoucherActionResultType = strawberry.enum(st.ResultType, name="VoucherActionResultType")
VoucherActionResultApplyOn = strawberry.enum(st.ApplyOn, name="VoucherActionResultApplyOn")

USAGES = "voucher-usages"


def announce_usages(info: Info, voucher_ids: list[int]) -> None:
    """Count the usages of every listed voucher in one query (for `successfulUsages`)."""
    known = info.context.cache.setdefault(USAGES, {})
    missing = [i for i in voucher_ids if i not in known]
    if missing:
        known.update(vouchers.usage_counts(info.context.session, missing))


@read_permission("Voucher:read")
@strawberry.type
class VoucherActionPricelistValue:
    pricelist_id: strawberry.Private[int]
    amount: strawberry.Private[Decimal]

    @strawberry.field
    def pricelist(self, info: Info) -> Pricelist | None:
        return info.context.session.get(PricelistRow, self.pricelist_id)

    @strawberry.field
    def value(self, info: Info) -> MonetaryValue:
        row = info.context.session.get(PricelistRow, self.pricelist_id)
        code = info.context.session.get(CurrencyRow, row.currency_id).code
        return money(info, self.amount, code)


@read_permission("Voucher:read")
@strawberry.type
class VoucherActionCriteria:
    id: int
    type: VoucherActionCriteriaType

    @strawberry.field
    def product_variants(self, info: Info) -> list[ProductVariant]:
        ids = (self.params or {}).get("variantIds", [])  # type: ignore[attr-defined]
        return [info.context.session.get(VariantRow, i) for i in ids]

    @strawberry.field
    def shipping_options(self, info: Info) -> list[ShippingOption]:
        ids = (self.params or {}).get("shippingOptionIds", [])  # type: ignore[attr-defined]
        return [info.context.session.get(ShippingOptionRow, i) for i in ids]


@read_permission("Voucher:read")
@strawberry.type
class VoucherActionResult:
    """The result of one action; its `id` is the action's id."""

    id: int

    @strawberry.field
    def type(self) -> VoucherActionResultType:
        return self.result_type  # type: ignore[attr-defined,return-value]

    @strawberry.field
    def apply_on(self) -> VoucherActionResultApplyOn | None:
        return (self.result or {}).get("applyOn")  # type: ignore[attr-defined]

    @strawberry.field
    def percent_off(self) -> float | None:
        value = (self.result or {}).get("percentOff")  # type: ignore[attr-defined]
        return None if value is None else float(Decimal(value))

    @strawberry.field
    def price_off(self) -> list[VoucherActionPricelistValue]:
        values = (self.result or {}).get("priceOff") or {}  # type: ignore[attr-defined]
        return [
            VoucherActionPricelistValue(pricelist_id=int(k), amount=Decimal(v))
            for k, v in sorted(values.items(), key=lambda kv: int(kv[0]))
        ]

    @strawberry.field(description="Shipping options made free; null means every option.")
    def shipping_options(self, info: Info) -> list[ShippingOption] | None:
        result = self.result or {}  # type: ignore[attr-defined]
        if self.result_type != st.ResultType.SET_FREE_SHIPPING:  # type: ignore[attr-defined]
            return []
        ids = result.get("shippingOptionIds")
        if ids is None:
            return None
        return [info.context.session.get(ShippingOptionRow, i) for i in ids]


@read_permission("Voucher:read")
@strawberry.type
class VoucherAction:
    id: int
    continue_strategy: VoucherActionContinueStrategy

    @strawberry.field
    def is_entry_point(self) -> bool:
        return self.entry_point_id is None  # type: ignore[attr-defined]

    @strawberry.field
    def entry_point(self, info: Info) -> VoucherAction | None:
        entry = self.entry_point_id  # type: ignore[attr-defined]
        return None if entry is None else info.context.session.get(VoucherActionRow, entry)

    @strawberry.field
    def criteria(self, info: Info) -> list[VoucherActionCriteria]:
        return vouchers.criteria_of(info.context.session, [self.id])[self.id]

    @strawberry.field
    def result(self) -> VoucherActionResult:
        return self  # type: ignore[return-value]


@read_permission("Voucher:read")
@strawberry.type
class Voucher:
    id: int
    name: str
    status: VoucherStatus
    method: VoucherMethod
    type: VoucherType
    code: str | None
    url: str | None
    priority: int
    max_usages: int
    reuse: bool
    combine_with_other_vouchers: bool
    is_external: bool
    entry_point_strategy: VoucherEntryPointStrategy
    start_at: DateTimeTz
    stop_at: DateTimeTz
    created_at: DateTimeTz
    updated_at: DateTimeTz

    @strawberry.field(name="conversionHTML")
    def conversion_html_(self) -> str | None:
        return self.conversion_html  # type: ignore[attr-defined]

    @strawberry.field(description="Orders placed with the voucher.")
    def successful_usages(self, info: Info) -> int:
        announce_usages(info, [self.id])
        return info.context.cache[USAGES][self.id]

    @strawberry.field
    def actions(self, info: Info) -> list[VoucherAction]:
        return vouchers.actions_of(info.context.session, self.id)

    @strawberry.field
    def markets(self, info: Info) -> list[Market]:
        return vouchers.markets_of(info.context.session, self.id)

    @strawberry.field
    def store(self, info: Info) -> Store:
        return info.context.session.get(StoreRow, self.store_id)  # type: ignore[attr-defined]


def voucher_row(info: Info, voucher_id: int | None) -> VoucherRow | None:
    """A voucher row memoized per request (orders list many applied vouchers)."""
    if voucher_id is None:
        return None
    key = ("voucher", voucher_id)
    if key not in info.context.cache:
        info.context.cache[key] = info.context.session.get(VoucherRow, voucher_id)
    return info.context.cache[key]
