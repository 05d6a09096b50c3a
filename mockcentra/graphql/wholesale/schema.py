"""Wholesale queries and mutations: accounts, buyers, delivery windows, wholesale orders.

`createWholesaleOrder` is a mockcentra addition: it stands in for an order placed by a buyer
in Centra's B2B Showroom (which has no Integration API mutation).
"""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.pricing.rules import Amount
from mockcentra.domain.wholesale import accounts, buyers, delivery_windows, orders
from mockcentra.graphql.common import (
    AllocationRuleInput,
    BrandInput,
    DisplayInput,
    MarketInput,
    MonetaryValueInput,
    Payload,
    PriceAlterationInput,
    PricelistInput,
    ProductVariantInput,
    StoreInput,
    StringMatch,
)
from mockcentra.graphql.errors import run_mutation
from mockcentra.graphql.orders.schema import AddressInput
from mockcentra.graphql.orders.types import WholesaleOrder
from mockcentra.graphql.permissions import mutation
from mockcentra.graphql.pricing.types import announce
from mockcentra.graphql.wholesale.types import (
    WHOLESALE_TYPES,
    Account,
    AccountStatus,
    Buyer,
    BuyerStatus,
    DeliveryWindow,
    DeliveryWindowLimitOn,
    DeliveryWindowLimitType,
    DeliveryWindowStatus,
    PaymentTerms,
    PreorderAllocationOrder,
    SalesRepresentative,
    ShippingTerms,
    VariantDeliveryType,
    announce_accounts,
    announce_windows,
)
from mockcentra.storage.tables import (
    AccountRow,
    BuyerRow,
    CountryRow,
    DeliveryWindowRow,
    PaymentTermsRow,
    ShippingTermsRow,
)

# --- reference inputs ----------------------------------------------------------------------


@strawberry.input
class AccountInput:
    id: int | None = None
    external_id: str | None = None


@strawberry.input
class BuyerInput:
    id: int | None = None
    external_id: str | None = None


@strawberry.input
class DeliveryWindowInput:
    id: int | None = None
    external_id: str | None = None


@strawberry.input
class PaymentTermsInput:
    id: int | None = None
    external_id: str | None = None


@strawberry.input
class ShippingTermsInput:
    id: int | None = None
    external_id: str | None = None


@strawberry.input
class ProductSizeInput:
    id: int | None = None
    external_id: str | None = None


# --- accounts ------------------------------------------------------------------------------


@strawberry.input
class GeneralDiscountInput:
    discount_percent: float | None = None
    is_visible: bool | None = None


@strawberry.input
class DeliveryWindowDiscountInput:
    delivery_window: DeliveryWindowInput
    discount_percent: float


@strawberry.input
class AccountDiscountsInput:
    general_discount: GeneralDiscountInput | None = None
    add_delivery_window_discounts: list[DeliveryWindowDiscountInput] | None = None
    remove_delivery_window_discounts: list[DeliveryWindowInput] | None = None


@strawberry.input
class CarrierInformationInput:
    carrier_name: str | None = None
    service_name: str | None = None
    account_identifier: str | None = None
    tax_id: str | None = None


@strawberry.input
class SalesRepresentativeInput:
    id: int | None = None
    external_id: str | None = None


@strawberry.input
class AccountCreateInput:
    name: str
    market: MarketInput  # type: ignore[valid-type]
    pricelist: PricelistInput  # type: ignore[valid-type]
    status: AccountStatus | None = None  # type: ignore[valid-type]
    internal_comment: str | None = None
    other_comment: str | None = None
    website_url: str | None = None
    credit_limit: MonetaryValueInput | None = None
    discounts: AccountDiscountsInput | None = None
    apply_credit_limit: bool | None = None
    block_if_unpaid_invoices: bool | None = strawberry.field(
        default=None, description="Stored; mockcentra has no invoices, so it never blocks."
    )
    has_brands_restriction: bool | None = None
    is_internal: bool | None = None
    carrier_information: CarrierInformationInput | None = None
    allocation_rule: AllocationRuleInput | None = None  # type: ignore[valid-type]
    sales_representative: SalesRepresentativeInput | None = None
    payment_terms: PaymentTermsInput | None = None
    shipping_terms: ShippingTermsInput | None = None
    add_brands: list[BrandInput] | None = None  # type: ignore[valid-type]
    account_address: AddressInput | None = None
    shipping_address: AddressInput | None = None
    billing_address: AddressInput | None = None


@strawberry.input
class AccountUpdateInput:
    name: str | None = None
    market: MarketInput | None = None  # type: ignore[valid-type]
    pricelist: PricelistInput | None = None  # type: ignore[valid-type]
    status: AccountStatus | None = None  # type: ignore[valid-type]
    internal_comment: str | None = None
    other_comment: str | None = None
    website_url: str | None = None
    credit_limit: MonetaryValueInput | None = None
    discounts: AccountDiscountsInput | None = None
    apply_credit_limit: bool | None = None
    block_if_unpaid_invoices: bool | None = None
    has_brands_restriction: bool | None = None
    is_internal: bool | None = None
    carrier_information: CarrierInformationInput | None = None
    allocation_rule: AllocationRuleInput | None = None  # type: ignore[valid-type]
    sales_representative: SalesRepresentativeInput | None = None
    payment_terms: PaymentTermsInput | None = None
    shipping_terms: ShippingTermsInput | None = None
    add_brands: list[BrandInput] | None = None  # type: ignore[valid-type]
    remove_brands: list[BrandInput] | None = None  # type: ignore[valid-type]
    account_address: AddressInput | None = None
    shipping_address: AddressInput | None = None
    billing_address: AddressInput | None = None


@strawberry.input
class AccountFilter:
    id: list[int] | None = None
    name: StringMatch | None = None
    status: list[AccountStatus] | None = None  # type: ignore[valid-type]
    market_id: list[int] | None = None
    store_id: list[int] | None = None


# --- buyers --------------------------------------------------------------------------------


@strawberry.input
class BuyerCreateInput:
    account: AccountInput
    store: StoreInput | None = None  # type: ignore[valid-type]
    status: BuyerStatus | None = None  # type: ignore[valid-type]
    website_url: str | None = None
    receive_auto_emails: bool | None = None
    receive_newsletters: bool | None = None
    billing_address: AddressInput | None = strawberry.field(
        default=None, description="Its email is the buyer's login and must be unique."
    )


@strawberry.input
class BuyerUpdateInput:
    account: AccountInput | None = None
    store: StoreInput | None = None  # type: ignore[valid-type]
    status: BuyerStatus | None = None  # type: ignore[valid-type]
    website_url: str | None = None
    receive_auto_emails: bool | None = None
    receive_newsletters: bool | None = None
    billing_address: AddressInput | None = None


@strawberry.input
class BuyerFilter:
    id: list[int] | None = None
    account_id: list[int] | None = None
    email: StringMatch | None = None
    status: list[BuyerStatus] | None = None  # type: ignore[valid-type]
    store_id: list[int] | None = None


# --- delivery windows ----------------------------------------------------------------------


@strawberry.input
class DateRangeInput:
    from_: str | None = strawberry.field(name="from", default=None)
    to: str | None = None


@strawberry.input
class PreorderDeliveryWindowInput:
    delivery_date_range: DateRangeInput | None = None
    sales_date_range: DateRangeInput | None = None
    allocation_order: PreorderAllocationOrder | None = None  # type: ignore[valid-type]


@strawberry.input
class AtOnceDeliveryWindowInput:
    days_from_now: int | None = None
    selectable_date: bool | None = None


@strawberry.input
class DeliveryWindowCreateInput:
    name: str
    markets: list[MarketInput]  # type: ignore[valid-type]
    status: DeliveryWindowStatus | None = None  # type: ignore[valid-type]
    delivery_dates_visible: bool | None = None
    selectable_by_buyers: bool | None = None
    selected_by_default: bool | None = None
    default_variant_delivery_type: VariantDeliveryType | None = None  # type: ignore[valid-type]
    allocation_rule: AllocationRuleInput | None = None  # type: ignore[valid-type]
    price_alteration: PriceAlterationInput | None = None  # type: ignore[valid-type]
    preorder: PreorderDeliveryWindowInput | None = None
    at_once: AtOnceDeliveryWindowInput | None = None


@strawberry.input
class DeliveryWindowUpdateInput:
    name: str | None = None
    markets: list[MarketInput] | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Replaces the window's markets."
    )
    status: DeliveryWindowStatus | None = None  # type: ignore[valid-type]
    delivery_dates_visible: bool | None = None
    selectable_by_buyers: bool | None = None
    selected_by_default: bool | None = None
    default_variant_delivery_type: VariantDeliveryType | None = None  # type: ignore[valid-type]
    allocation_rule: AllocationRuleInput | None = None  # type: ignore[valid-type]
    price_alteration: PriceAlterationInput | None = None  # type: ignore[valid-type]
    preorder: PreorderDeliveryWindowInput | None = None
    at_once: AtOnceDeliveryWindowInput | None = None


@strawberry.input
class DeliveryWindowVariantLimitInput:
    value: int | None = strawberry.field(default=None, description="null removes the limit.")
    type: DeliveryWindowLimitType | None = None  # type: ignore[valid-type]
    on: DeliveryWindowLimitOn | None = None  # type: ignore[valid-type]


@strawberry.input
class DeliveryWindowVariantInput:
    product_variant: ProductVariantInput  # type: ignore[valid-type]
    type: VariantDeliveryType | None = None  # type: ignore[valid-type]
    limit: DeliveryWindowVariantLimitInput | None = None


@strawberry.input
class SetDeliveryWindowVariantsInput:
    delivery_window: DeliveryWindowInput
    variants: list[DeliveryWindowVariantInput] = strawberry.field(
        description="At most 100 per call."
    )


@strawberry.input
class UnsetDeliveryWindowVariantsInput:
    delivery_window: DeliveryWindowInput
    product_variants: list[ProductVariantInput]  # type: ignore[valid-type]


@strawberry.input
class DeliveryWindowFilter:
    id: list[int] | None = None
    status: list[DeliveryWindowStatus] | None = None  # type: ignore[valid-type]
    market_id: list[int] | None = None
    store_id: list[int] | None = None


# --- wholesale orders ----------------------------------------------------------------------


@strawberry.input
class WholesaleOrderLineInput:
    product_size: ProductSizeInput
    quantity: int
    delivery_window: DeliveryWindowInput | None = strawberry.field(
        default=None, description="Defaults to the order's deliveryWindow."
    )
    display: DisplayInput | None = None  # type: ignore[valid-type]
    comment: str | None = None


@strawberry.input
class WholesaleOrderCreateInput:
    lines: list[WholesaleOrderLineInput]
    buyer: BuyerInput | None = strawberry.field(
        default=None, description="Defaults to the account's first active buyer."
    )
    account: AccountInput | None = None
    delivery_window: DeliveryWindowInput | None = None
    purchase_order_number: str | None = None
    shipping_address: AddressInput | None = strawberry.field(
        default=None, description="Defaults to the account's shipping address."
    )
    billing_address: AddressInput | None = strawberry.field(
        default=None, description="Defaults to the account's billing address."
    )
    other_comment: str | None = None
    internal_comment: str | None = None


# --- payloads ------------------------------------------------------------------------------


@strawberry.type
class AccountPayload(Payload):
    account: Account | None = None


@strawberry.type
class BuyerPayload(Payload):
    buyer: Buyer | None = None


@strawberry.type
class DeliveryWindowPayload(Payload):
    delivery_window: DeliveryWindow | None = None


@strawberry.type
class WholesaleOrderPayload(Payload):
    order: WholesaleOrder | None = None


# --- converting inputs ---------------------------------------------------------------------


def _address(info: Info, value: AddressInput | None) -> dict[str, Any] | None:
    """An address input as stored; a country given by id is stored by its code."""
    if value is None:
        return None
    data = value.to_dict()
    country = value.country
    if country is not None and not country.code and country.id is not None:
        row = info.context.session.get(CountryRow, country.id)
        data["country"] = row.code if row else f"#{country.id}"
    return data


def _amount(value: MonetaryValueInput | None) -> Amount | None:
    return None if value is None else Amount(value.to_decimal(), value.currency_iso_code)


def _account_spec(info: Info, input: Any) -> accounts.AccountSpec:
    d = input.discounts
    general = d.general_discount if d else None
    carrier = input.carrier_information
    return accounts.AccountSpec(
        name=input.name,
        status=input.status,
        market=input.market,
        pricelist=input.pricelist,
        allocation_rule=input.allocation_rule,
        payment_terms=input.payment_terms,
        shipping_terms=input.shipping_terms,
        internal_comment=input.internal_comment,
        other_comment=input.other_comment,
        website_url=input.website_url,
        credit_limit=_amount(input.credit_limit),
        apply_credit_limit=input.apply_credit_limit,
        block_if_unpaid_invoices=input.block_if_unpaid_invoices,
        has_brands_restriction=input.has_brands_restriction,
        is_internal=input.is_internal,
        carrier_name=carrier.carrier_name if carrier else None,
        carrier_service=carrier.service_name if carrier else None,
        carrier_account_identifier=carrier.account_identifier if carrier else None,
        carrier_tax_id=carrier.tax_id if carrier else None,
        sales_representative=input.sales_representative,
        discounts=None
        if d is None
        else accounts.DiscountsSpec(
            general_percent=general.discount_percent if general else None,
            general_visible=general.is_visible if general else None,
            add_delivery_window_discounts=[
                accounts.WindowDiscountSpec(x.delivery_window, x.discount_percent)
                for x in d.add_delivery_window_discounts or []
            ],
            remove_delivery_window_discounts=list(d.remove_delivery_window_discounts or []),
        ),
        add_brands=input.add_brands,
        remove_brands=getattr(input, "remove_brands", None),
        account_address=_address(info, input.account_address),
        shipping_address=_address(info, input.shipping_address),
        billing_address=_address(info, input.billing_address),
    )


def _buyer_spec(info: Info, input: Any) -> buyers.BuyerSpec:
    return buyers.BuyerSpec(
        account=input.account,
        store=input.store,
        status=input.status,
        website_url=input.website_url,
        receive_auto_emails=input.receive_auto_emails,
        receive_newsletters=input.receive_newsletters,
        billing_address=_address(info, input.billing_address),
    )


def _range(value: DateRangeInput | None) -> delivery_windows.DateRangeSpec | None:
    return None if value is None else delivery_windows.DateRangeSpec(value.from_, value.to)


def _window_spec(input: Any) -> delivery_windows.WindowSpec:
    pre, now = input.preorder, input.at_once
    return delivery_windows.WindowSpec(
        name=input.name,
        status=input.status,
        delivery_dates_visible=input.delivery_dates_visible,
        selectable_by_buyers=input.selectable_by_buyers,
        selected_by_default=input.selected_by_default,
        default_variant_delivery_type=input.default_variant_delivery_type,
        allocation_rule=input.allocation_rule,
        markets=input.markets,
        price_alteration=input.price_alteration,
        preorder=None
        if pre is None
        else delivery_windows.PreorderSpec(
            _range(pre.delivery_date_range), _range(pre.sales_date_range), pre.allocation_order
        ),
        at_once=None
        if now is None
        else delivery_windows.AtOnceSpec(now.days_from_now, now.selectable_date),
    )


def _values(items: list[Any] | None) -> list[Any] | None:
    return [getattr(i, "value", i) for i in items] if items else None


# --- schema --------------------------------------------------------------------------------


@strawberry.type
class Query:
    @strawberry.field
    def accounts(
        self,
        info: Info,
        where: AccountFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Account]:
        w = where or AccountFilter()
        rows = list(
            accounts.list_accounts(
                info.context.session,
                ids=w.id,
                name=w.name,
                statuses=_values(w.status),
                market_ids=w.market_id,
                store_ids=w.store_id,
                limit=limit,
                page_number=page,
            )
        )
        announce_accounts(info, [r.id for r in rows])
        return rows  # type: ignore[return-value]

    @strawberry.field
    def account(self, info: Info, id: int) -> Account | None:
        return info.context.session.get(AccountRow, id)

    @strawberry.field
    def buyers(
        self,
        info: Info,
        where: BuyerFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Buyer]:
        w = where or BuyerFilter()
        return list(  # type: ignore[return-value]
            buyers.list_buyers(
                info.context.session,
                ids=w.id,
                account_ids=w.account_id,
                email=w.email,
                statuses=_values(w.status),
                store_ids=w.store_id,
                limit=limit,
                page_number=page,
            )
        )

    @strawberry.field
    def buyer(self, info: Info, id: int) -> Buyer | None:
        return info.context.session.get(BuyerRow, id)

    @strawberry.field
    def delivery_windows(
        self,
        info: Info,
        where: DeliveryWindowFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[DeliveryWindow]:
        w = where or DeliveryWindowFilter()
        rows = list(
            delivery_windows.list_windows(
                info.context.session,
                ids=w.id,
                statuses=_values(w.status),
                market_ids=w.market_id,
                store_ids=w.store_id,
                limit=limit,
                page_number=page,
            )
        )
        announce_windows(info, [r.id for r in rows])
        return rows  # type: ignore[return-value]

    @strawberry.field
    def delivery_window(self, info: Info, id: int) -> DeliveryWindow | None:
        return info.context.session.get(DeliveryWindowRow, id)

    @strawberry.field
    def payment_terms(self, info: Info) -> list[PaymentTerms]:
        from sqlmodel import select

        return list(info.context.session.exec(select(PaymentTermsRow).order_by(PaymentTermsRow.id)))

    @strawberry.field
    def sales_representatives(
        self, info: Info, limit: int | None = None, page: int | None = None
    ) -> list[SalesRepresentative]:
        rows = list(accounts.list_sales_representatives(info.context.session, limit, page))
        announce(info, "rep_accounts", [r.id for r in rows])
        return rows  # type: ignore[return-value]

    @strawberry.field
    def shipping_terms(self, info: Info) -> list[ShippingTerms]:
        from sqlmodel import select

        return list(
            info.context.session.exec(select(ShippingTermsRow).order_by(ShippingTermsRow.id))
        )


@strawberry.type
class Mutation:
    @mutation(permission="Account:write")
    def create_account(self, info: Info, input: AccountCreateInput) -> AccountPayload:
        def action() -> dict[str, Any]:
            account, warnings = accounts.create_account(
                info.context.uow, _account_spec(info, input)
            )
            return {"account": account, "warnings": warnings}

        return run_mutation(info, AccountPayload, action)

    @mutation(permission="Account:write")
    def update_account(self, info: Info, id: int, input: AccountUpdateInput) -> AccountPayload:
        def action() -> dict[str, Any]:
            account, warnings = accounts.update_account(
                info.context.uow, id, _account_spec(info, input)
            )
            return {"account": account, "warnings": warnings}

        return run_mutation(info, AccountPayload, action)

    @mutation(permission="Buyer:write")
    def create_buyer(self, info: Info, input: BuyerCreateInput) -> BuyerPayload:
        return run_mutation(
            info,
            BuyerPayload,
            lambda: {"buyer": buyers.create_buyer(info.context.uow, _buyer_spec(info, input))},
        )

    @mutation(permission="Buyer:write")
    def update_buyer(self, info: Info, id: int, input: BuyerUpdateInput) -> BuyerPayload:
        return run_mutation(
            info,
            BuyerPayload,
            lambda: {"buyer": buyers.update_buyer(info.context.uow, id, _buyer_spec(info, input))},
        )

    @mutation(permission="DeliveryWindow:write")
    def create_delivery_window(
        self, info: Info, input: DeliveryWindowCreateInput
    ) -> DeliveryWindowPayload:
        return run_mutation(
            info,
            DeliveryWindowPayload,
            lambda: {
                "delivery_window": delivery_windows.create_window(
                    info.context.uow, _window_spec(input)
                )
            },
        )

    @mutation(permission="DeliveryWindow:write")
    def update_delivery_window(
        self, info: Info, id: int, input: DeliveryWindowUpdateInput
    ) -> DeliveryWindowPayload:
        return run_mutation(
            info,
            DeliveryWindowPayload,
            lambda: {
                "delivery_window": delivery_windows.update_window(
                    info.context.uow, id, _window_spec(input)
                )
            },
        )

    @mutation(
        permission=(
            "DeliveryWindow:write",
            "DeliveryWindow:read",
            "Market:read",
            "Campaign:read",
            "AllocationRule:read",
            "Product:read",
        )
    )
    def set_delivery_window_variants(
        self, info: Info, input: SetDeliveryWindowVariantsInput
    ) -> DeliveryWindowPayload:
        """Centra reports (and needs) the window's read permissions whatever is selected."""

        def action() -> dict[str, Any]:
            specs = [
                delivery_windows.WindowVariantSpec(
                    product_variant=v.product_variant,
                    type=v.type,
                    limit_value=v.limit.value if v.limit else None,
                    limit_type=v.limit.type if v.limit else None,
                    limit_on=v.limit.on if v.limit else None,
                    has_limit=v.limit is not None,
                )
                for v in input.variants
            ]
            result = delivery_windows.set_window_variants(
                info.context.uow, input.delivery_window, specs
            )
            return {"delivery_window": result.window, "warnings": result.warnings}

        return run_mutation(info, DeliveryWindowPayload, action)

    @mutation(permission="DeliveryWindow:write")
    def unset_delivery_window_variants(
        self, info: Info, input: UnsetDeliveryWindowVariantsInput
    ) -> DeliveryWindowPayload:
        def action() -> dict[str, Any]:
            result = delivery_windows.unset_window_variants(
                info.context.uow, input.delivery_window, input.product_variants
            )
            return {"delivery_window": result.window, "warnings": result.warnings}

        return run_mutation(info, DeliveryWindowPayload, action)

    @mutation(
        permission="Order:write",
        description="mockcentra addition: places the order a buyer would place in the B2B "
        "Showroom (no payment authorization; wholesale orders are invoiced).",
    )
    def create_wholesale_order(
        self, info: Info, input: WholesaleOrderCreateInput
    ) -> WholesaleOrderPayload:
        def action() -> dict[str, Any]:
            spec = orders.WholesaleOrderSpec(
                lines=[
                    orders.WholesaleLineSpec(
                        product_size=ln.product_size,
                        quantity=ln.quantity,
                        delivery_window=ln.delivery_window,
                        display=ln.display,
                        comment=ln.comment,
                    )
                    for ln in input.lines
                ],
                buyer=input.buyer,
                account=input.account,
                delivery_window=input.delivery_window,
                purchase_order_number=input.purchase_order_number,
                shipping_address=_address(info, input.shipping_address),
                billing_address=_address(info, input.billing_address),
                other_comment=input.other_comment,
                internal_comment=input.internal_comment,
            )
            return {"order": orders.place_wholesale_order(info.context.uow, spec)}

        return run_mutation(info, WholesaleOrderPayload, action)


EXTRA_TYPES = WHOLESALE_TYPES
