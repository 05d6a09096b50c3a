"""Voucher queries and mutations: `vouchers`, `voucher`, `createVoucher`, `updateVoucher`."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.errors import invalid
from mockcentra.domain.listing import as_list
from mockcentra.domain.vouchers import actions as vouchers
from mockcentra.domain.vouchers import queries as voucher_queries
from mockcentra.domain.vouchers import specs as voucher_specs
from mockcentra.domain.vouchers import status as st
from mockcentra.graphql.common import (
    CategoryInput,
    DateRange,
    FolderInput,
    IntRange,
    MarketInput,
    MonetaryValueInput,
    Payload,
    PricelistInput,
    ProductVariantInput,
    ShippingOptionInput,
    StoreInput,
    StringMatch,
)
from mockcentra.graphql.errors import reading, run_mutation
from mockcentra.graphql.permissions import mutation
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.vouchers.types import (
    Voucher,
    VoucherActionContinueStrategy,
    VoucherActionResultApplyOn,
    VoucherEntryPointStrategy,
    VoucherMethod,
    VoucherStatus,
    VoucherType,
    announce_usages,
)
from mockcentra.runtime.moments import parse_moment
from mockcentra.storage.tables import VoucherRow


def _given(obj: Any, names: dict[str, str]) -> list[str]:
    """The camelCase names of the fields an input object set (not null)."""
    return [camel for py, camel in names.items() if getattr(obj, py) is not None]


# ---------------------------------------------------------------- action inputs


@strawberry.input(description="Pass null as ID to make the action an entry point.")
class VoucherActionInput:
    id: int | None = None


@strawberry.input
class VoucherActionCriteriaShippingListInput:
    shipping_options: list[ShippingOptionInput]


_CRITERIA_FIELDS = {
    "always": "always",
    "once_per_customer": "oncePerCustomer",
    "logged_in_customer": "loggedInCustomer",
    "product_variants": "productVariants",
    "exclude_product_variants": "excludeProductVariants",
    "categories": "categories",
    "exclude_categories": "excludeCategories",
    "folders": "folders",
    "exclude_folders": "excludeFolders",
    "product_in_sale": "productInSale",
    "product_in_news": "productInNews",
    "cheapest_products": "cheapestProducts",
    "costliest_products": "costliestProducts",
    "shipping_list": "shippingList",
}


@strawberry.input(
    description="Exactly one field. mockcentra evaluates always, productVariants, "
    "excludeProductVariants, oncePerCustomer and shippingList; the others are refused."
)
class VoucherActionCriteriaCreateInput:
    always: bool | None = None
    once_per_customer: bool | None = None
    logged_in_customer: bool | None = None
    product_variants: list[ProductVariantInput] | None = None
    exclude_product_variants: list[ProductVariantInput] | None = None
    categories: list[CategoryInput] | None = None
    exclude_categories: list[CategoryInput] | None = None
    folders: list[FolderInput] | None = None
    exclude_folders: list[FolderInput] | None = None
    product_in_sale: bool | None = None
    product_in_news: bool | None = None
    cheapest_products: int | None = None
    costliest_products: int | None = None
    shipping_list: VoucherActionCriteriaShippingListInput | None = None

    def to_spec(self) -> voucher_specs.CriterionSpec:
        return voucher_specs.CriterionSpec(
            given=_given(self, _CRITERIA_FIELDS),
            variants=list(self.product_variants or self.exclude_product_variants or []),
            shipping_options=list(self.shipping_list.shipping_options)
            if self.shipping_list
            else [],
        )


@strawberry.input
class VoucherActionPricelistValueInput:
    pricelist: PricelistInput
    value: MonetaryValueInput


_DISCOUNT_FIELDS = {
    "price_off": "priceOff",
    "percent_off": "percentOff",
    "original_percent_off": "originalPercentOff",
    "original_percent_off_excluding_campaigns": "originalPercentOffExcludingCampaigns",
}


@strawberry.input(description="Exactly one field; mockcentra supports priceOff and percentOff.")
class VoucherActionResultPriceDiscountInput:
    price_off: list[VoucherActionPricelistValueInput] | None = None
    percent_off: float | None = None
    original_percent_off: float | None = None
    original_percent_off_excluding_campaigns: float | None = None


@strawberry.input
class VoucherActionResultDiscountInput:
    apply_on: VoucherActionResultApplyOn
    discount: VoucherActionResultPriceDiscountInput


@strawberry.input(description="Without shippingOptions every shipping option becomes free.")
class VoucherActionResultShippingOptionsInput:
    shipping_options: list[ShippingOptionInput] | None = None


_RESULT_FIELDS = {
    "continue_": "continue",
    "selected_products": "selectedProducts",
    "product_total": "productTotal",
    "order_total": "orderTotal",
    "free_shipping": "freeShipping",
}


@strawberry.input(description="Exactly one field.")
class VoucherActionResultInput:
    continue_: bool | None = strawberry.field(name="continue", default=None)
    selected_products: VoucherActionResultDiscountInput | None = None
    product_total: VoucherActionResultDiscountInput | None = None
    order_total: VoucherActionResultDiscountInput | None = None
    free_shipping: VoucherActionResultShippingOptionsInput | None = None

    def to_spec(self) -> voucher_specs.ResultSpec:
        spec = voucher_specs.ResultSpec(given=_given(self, _RESULT_FIELDS))
        discount = self.selected_products or self.product_total or self.order_total
        if discount is not None:
            spec.apply_on = st.ApplyOn(discount.apply_on.value)
            d = discount.discount
            spec.discounts_given = _given(d, _DISCOUNT_FIELDS)
            if d.percent_off is not None:
                spec.percent_off = MonetaryValueInput(
                    value=d.percent_off, currency_iso_code=""
                ).to_decimal()
            spec.price_off = [
                voucher_specs.PriceOffSpec(
                    v.pricelist, v.value.to_decimal(), v.value.currency_iso_code
                )
                for v in d.price_off or []
            ]
        if self.free_shipping is not None:
            options = self.free_shipping.shipping_options
            spec.shipping_options = None if options is None else list(options)
        return spec


@strawberry.input
class VoucherActionOnVoucherCreateInput:
    entrypoint_action: VoucherActionInput
    continue_strategy: VoucherActionContinueStrategy
    add_criteria: list[VoucherActionCriteriaCreateInput]
    result: VoucherActionResultInput

    def to_spec(self) -> voucher_specs.ActionSpec:
        return voucher_specs.ActionSpec(
            entry_point_id=self.entrypoint_action.id,
            continue_strategy=st.ContinueStrategy(self.continue_strategy.value),
            criteria=[c.to_spec() for c in self.add_criteria],
            result=self.result.to_spec(),
        )


# ---------------------------------------------------------------- voucher inputs


@strawberry.input
class VoucherCreateInput:
    """`combineWithOtherVouchers` defaults to true (Centra's guide leaves it out)."""

    name: str
    status: VoucherStatus
    start_at: DateTimeTz
    stop_at: DateTimeTz
    method: VoucherMethod
    priority: int
    max_usages: int
    reuse: bool
    type: VoucherType
    entry_point_strategy: VoucherEntryPointStrategy
    store: StoreInput
    code: str | None = None
    url: str | None = None
    combine_with_other_vouchers: bool | None = None
    is_external: bool | None = None
    conversion_html: str | None = strawberry.field(name="conversionHTML", default=None)
    add_markets: list[MarketInput] | None = None
    actions: list[VoucherActionOnVoucherCreateInput] | None = None
    external_id: str | None = strawberry.field(
        default=None, description="Also the id of the external promotion this voucher gives."
    )

    def to_spec(self) -> voucher_specs.VoucherSpec:
        return voucher_specs.VoucherSpec(
            name=self.name,
            status=st.VoucherStatus(_value(self.status)),
            start_at=str(self.start_at),
            stop_at=str(self.stop_at),
            method=st.VoucherMethod(_value(self.method)),
            priority=self.priority,
            max_usages=self.max_usages,
            reuse=self.reuse,
            type=st.VoucherType(_value(self.type)),
            entry_point_strategy=st.EntryPointStrategy(_value(self.entry_point_strategy)),
            store=self.store,
            code=self.code,
            url=self.url,
            combine_with_other_vouchers=self.combine_with_other_vouchers,
            is_external=self.is_external,
            conversion_html=self.conversion_html,
            add_markets=list(self.add_markets or []),
            actions=[a.to_spec() for a in self.actions or []],
            external_id=self.external_id,
        )


@strawberry.input
class VoucherUpdateInput:
    name: str | None = None
    status: VoucherStatus | None = None
    start_at: DateTimeTz | None = None
    stop_at: DateTimeTz | None = None
    method: VoucherMethod | None = None
    code: str | None = None
    url: str | None = None
    priority: int | None = None
    max_usages: int | None = None
    combine_with_other_vouchers: bool | None = None
    reuse: bool | None = None
    type: VoucherType | None = None
    entry_point_strategy: VoucherEntryPointStrategy | None = None
    conversion_html: str | None = strawberry.field(name="conversionHTML", default=None)
    add_markets: list[MarketInput] | None = None
    remove_markets: list[MarketInput] | None = None
    external_id: str | None = None

    def to_changes(self) -> voucher_specs.VoucherChanges:
        return voucher_specs.VoucherChanges(
            name=self.name,
            status=st.VoucherStatus(_value(self.status)) if self.status else None,
            start_at=None if self.start_at is None else str(self.start_at),
            stop_at=None if self.stop_at is None else str(self.stop_at),
            method=st.VoucherMethod(_value(self.method)) if self.method else None,
            code=self.code,
            url=self.url,
            priority=self.priority,
            max_usages=self.max_usages,
            combine_with_other_vouchers=self.combine_with_other_vouchers,
            reuse=self.reuse,
            type=st.VoucherType(_value(self.type)) if self.type else None,
            entry_point_strategy=st.EntryPointStrategy(_value(self.entry_point_strategy))
            if self.entry_point_strategy
            else None,
            conversion_html=self.conversion_html,
            add_markets=list(self.add_markets or []),
            remove_markets=list(self.remove_markets or []),
            external_id=self.external_id,
        )


def _value(enum_member: Any) -> str:
    return getattr(enum_member, "value", enum_member)


@strawberry.type
class VoucherCreatePayload(Payload):
    voucher: Voucher | None = None


@strawberry.type
class VoucherUpdatePayload(Payload):
    voucher: Voucher | None = None


@strawberry.input
class VoucherFilter:
    id: list[int] | None = None
    status: list[VoucherStatus] | None = None
    name: StringMatch | None = None
    method: list[VoucherMethod] | None = None
    type: list[VoucherType] | None = None
    code: StringMatch | None = None
    start_at: DateRange | None = None
    stop_at: DateRange | None = None
    max_usages: IntRange | None = None
    successful_usages: IntRange | None = None
    created_at: DateRange | None = None
    updated_at: DateRange | None = None
    combine_with_other_vouchers: bool | None = None
    reuse: bool | None = None
    market_id: list[int] | None = None
    store_id: list[int] | None = None
    external_id: list[str] | None = None
    search: str | None = None


def _dates(info: Info, r: DateRange | None, name: str):
    if r is None:
        return None
    clock = info.context.uow.clock
    try:
        return (
            None if r.from_ is None else parse_moment(str(r.from_), clock),
            None if r.to is None else parse_moment(str(r.to), clock),
        )
    except ValueError as exc:
        raise invalid(str(exc), ["where", name]) from None


def _ints(r: IntRange | None):
    return None if r is None else (r.from_, r.to)


def _query(info: Info, w: VoucherFilter) -> voucher_queries.VoucherQuery:
    return voucher_queries.VoucherQuery(
        ids=as_list(w.id) if w.id is not None else None,
        statuses=[_value(s) for s in as_list(w.status)] or None,
        name_equals=w.name.equals if w.name else None,
        name_contains=w.name.contains if w.name else None,
        methods=[_value(m) for m in as_list(w.method)] or None,
        types=[_value(t) for t in as_list(w.type)] or None,
        code_equals=w.code.equals if w.code else None,
        code_contains=w.code.contains if w.code else None,
        start_at=_dates(info, w.start_at, "startAt"),
        stop_at=_dates(info, w.stop_at, "stopAt"),
        created_at=_dates(info, w.created_at, "createdAt"),
        updated_at=_dates(info, w.updated_at, "updatedAt"),
        max_usages=_ints(w.max_usages),
        successful_usages=_ints(w.successful_usages),
        combine_with_other_vouchers=w.combine_with_other_vouchers,
        reuse=w.reuse,
        market_ids=as_list(w.market_id) or None,
        store_ids=as_list(w.store_id) or None,
        external_ids=as_list(w.external_id) or None,
        search=w.search,
    )


@strawberry.type
class Query:
    @strawberry.field
    def vouchers(
        self,
        info: Info,
        where: VoucherFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Voucher]:
        rows = voucher_queries.list_vouchers(
            info.context.session, _query(info, where or VoucherFilter()), limit, page
        )
        announce_usages(info, [r.id for r in rows])
        return list(rows)

    @strawberry.field
    def voucher(self, info: Info, id: int) -> Voucher | None:
        return info.context.session.get(VoucherRow, id)


@strawberry.type
class Mutation:
    @mutation(permission="Voucher:write")
    def create_voucher(self, info: Info, input: VoucherCreateInput) -> VoucherCreatePayload:
        return run_mutation(
            info,
            VoucherCreatePayload,
            lambda: {"voucher": vouchers.create_voucher(info.context.uow, input.to_spec())},
            reads="input",
        )

    @mutation(permission="Voucher:write")
    def update_voucher(
        self, info: Info, id: int, input: VoucherUpdateInput
    ) -> VoucherUpdatePayload:
        def action() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                voucher = vouchers.voucher_to_change(uow, id)
            with reading("input"):
                return {"voucher": vouchers.update_voucher(uow, voucher, input.to_changes())}

        return run_mutation(info, VoucherUpdatePayload, action)
