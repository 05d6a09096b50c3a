"""Vouchers, their actions, criteria and results (a resolver takes the storage row it reads).

`VoucherActionCriteria.productVariants/shippingOptions` and the `VoucherActionResult` fields
beyond `id` and `type` are mockcentra additions that show what an action does.
"""

from decimal import Decimal
from typing import TypeAlias

import strawberry
from strawberry import Parent
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
    VoucherCriterionRow,
    VoucherRow,
)
from mockcentra.storage.tables.base import key

VoucherStatus = Status
strawberry.enum(st.VoucherMethod, name="VoucherMethod")
VoucherMethod: TypeAlias = st.VoucherMethod
strawberry.enum(st.VoucherType, name="VoucherType")
VoucherType: TypeAlias = st.VoucherType
strawberry.enum(st.EntryPointStrategy, name="VoucherEntryPointStrategy")
VoucherEntryPointStrategy: TypeAlias = st.EntryPointStrategy
strawberry.enum(st.ContinueStrategy, name="VoucherActionContinueStrategy")
VoucherActionContinueStrategy: TypeAlias = st.ContinueStrategy
strawberry.enum(st.CriteriaType, name="VoucherActionCriteriaType")
VoucherActionCriteriaType: TypeAlias = st.CriteriaType
strawberry.enum(st.ResultType, name="VoucherActionResultType")
VoucherActionResultType: TypeAlias = st.ResultType
strawberry.enum(st.ApplyOn, name="VoucherActionResultApplyOn")
VoucherActionResultApplyOn: TypeAlias = st.ApplyOn

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
    @staticmethod
    def product_variants(root: Parent[VoucherCriterionRow], info: Info) -> list[ProductVariant]:
        ids = (root.params or {}).get("variantIds", [])
        return [info.context.session.get(VariantRow, i) for i in ids]

    @strawberry.field
    @staticmethod
    def shipping_options(root: Parent[VoucherCriterionRow], info: Info) -> list[ShippingOption]:
        ids = (root.params or {}).get("shippingOptionIds", [])
        return [info.context.session.get(ShippingOptionRow, i) for i in ids]


@read_permission("Voucher:read")
@strawberry.type
class VoucherActionResult:
    """The result of one action; its `id` is the action's id."""

    id: int

    @strawberry.field
    @staticmethod
    def type(root: Parent[VoucherActionRow]) -> VoucherActionResultType:
        return root.result_type  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def apply_on(root: Parent[VoucherActionRow]) -> VoucherActionResultApplyOn | None:
        return (root.result or {}).get("applyOn")

    @strawberry.field
    @staticmethod
    def percent_off(root: Parent[VoucherActionRow]) -> float | None:
        value = (root.result or {}).get("percentOff")
        return None if value is None else float(Decimal(value))

    @strawberry.field
    @staticmethod
    def price_off(root: Parent[VoucherActionRow]) -> list[VoucherActionPricelistValue]:
        values = (root.result or {}).get("priceOff") or {}
        return [
            VoucherActionPricelistValue(pricelist_id=int(k), amount=Decimal(v))
            for k, v in sorted(values.items(), key=lambda kv: int(kv[0]))
        ]

    @strawberry.field(description="Shipping options made free; null means every option.")
    @staticmethod
    def shipping_options(root: Parent[VoucherActionRow], info: Info) -> list[ShippingOption] | None:
        result = root.result or {}
        if root.result_type != st.ResultType.SET_FREE_SHIPPING:
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
    @staticmethod
    def is_entry_point(root: Parent[VoucherActionRow]) -> bool:
        return root.entry_point_id is None

    @strawberry.field
    @staticmethod
    def entry_point(root: Parent[VoucherActionRow], info: Info) -> "VoucherAction | None":
        entry = root.entry_point_id
        return None if entry is None else info.context.session.get(VoucherActionRow, entry)

    @strawberry.field
    @staticmethod
    def criteria(root: Parent[VoucherActionRow], info: Info) -> list[VoucherActionCriteria]:
        return vouchers.criteria_of(info.context.session, [key(root)])[key(root)]  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def result(root: Parent[VoucherActionRow]) -> VoucherActionResult:
        return root  # type: ignore[return-value]


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
    @staticmethod
    def conversion_html_(root: Parent[VoucherRow]) -> str | None:
        return root.conversion_html

    @strawberry.field(description="Orders placed with the voucher.")
    @staticmethod
    def successful_usages(root: Parent[VoucherRow], info: Info) -> int:
        announce_usages(info, [key(root)])
        return info.context.cache[USAGES][root.id]

    @strawberry.field
    @staticmethod
    def actions(root: Parent[VoucherRow], info: Info) -> list[VoucherAction]:
        return vouchers.actions_of(info.context.session, key(root))  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def markets(root: Parent[VoucherRow], info: Info) -> list[Market]:
        return vouchers.markets_of(info.context.session, key(root))  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def store(root: Parent[VoucherRow], info: Info) -> Store:
        return info.context.session.get(StoreRow, root.store_id)


def voucher_row(info: Info, voucher_id: int | None) -> VoucherRow | None:
    """A voucher row memoized per request (orders list many applied vouchers)."""
    if voucher_id is None:
        return None
    key = ("voucher", voucher_id)
    if key not in info.context.cache:
        info.context.cache[key] = info.context.session.get(VoucherRow, voucher_id)
    return info.context.cache[key]
