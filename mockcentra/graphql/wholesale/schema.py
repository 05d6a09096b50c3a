"""Wholesale queries and mutations: accounts, terms, wholesale orders (buyers and delivery
windows have their own modules).

`createWholesaleOrder` is a mockcentra addition: it stands in for an order placed by a buyer
in Centra's B2B Showroom (which has no Integration API mutation).
"""

from typing import Any

import strawberry
from sqlmodel import select
from strawberry.types import Info

from mockcentra.domain.pricing.rules import Amount
from mockcentra.domain.wholesale import accounts, orders, queries
from mockcentra.domain.wholesale.discounts import DiscountsSpec, WindowDiscountSpec
from mockcentra.graphql.common import (
    AllocationRuleInput,
    BrandInput,
    DisplayInput,
    MarketInput,
    MonetaryValueInput,
    Payload,
    PricelistInput,
    StringMatch,
)
from mockcentra.graphql.errors import placed_warning, reading, run_mutation
from mockcentra.graphql.orders.addresses import AddressInput
from mockcentra.graphql.orders.types import WholesaleOrder
from mockcentra.graphql.permissions import mutation
from mockcentra.graphql.pricing.types import announce
from mockcentra.graphql.wholesale.references import (
    AccountInput,
    BuyerInput,
    DeliveryWindowInput,
    PaymentTermsInput,
    ProductSizeInput,
    ShippingTermsInput,
    address_of,
)
from mockcentra.graphql.wholesale.terms import PaymentTerms, ShippingTerms
from mockcentra.graphql.wholesale.types import (
    Account,
    AccountStatus,
    SalesRepresentative,
    announce_accounts,
)
from mockcentra.graphql.wholesale.window_types import WHOLESALE_TYPES
from mockcentra.storage.tables import (
    AccountRow,
    PaymentTermsRow,
    ShippingTermsRow,
)

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
    market: MarketInput
    pricelist: PricelistInput
    status: AccountStatus | None = None
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
    allocation_rule: AllocationRuleInput | None = None
    sales_representative: SalesRepresentativeInput | None = None
    payment_terms: PaymentTermsInput | None = None
    shipping_terms: ShippingTermsInput | None = None
    add_brands: list[BrandInput] | None = None
    account_address: AddressInput | None = None
    shipping_address: AddressInput | None = None
    billing_address: AddressInput | None = None


@strawberry.input
class AccountUpdateInput:
    name: str | None = None
    market: MarketInput | None = None
    pricelist: PricelistInput | None = None
    status: AccountStatus | None = None
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
    allocation_rule: AllocationRuleInput | None = None
    sales_representative: SalesRepresentativeInput | None = None
    payment_terms: PaymentTermsInput | None = None
    shipping_terms: ShippingTermsInput | None = None
    add_brands: list[BrandInput] | None = None
    remove_brands: list[BrandInput] | None = None
    account_address: AddressInput | None = None
    shipping_address: AddressInput | None = None
    billing_address: AddressInput | None = None


@strawberry.input
class AccountFilter:
    id: list[int] | None = None
    name: StringMatch | None = None
    status: list[AccountStatus] | None = None
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
    display: DisplayInput | None = None
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
class WholesaleOrderPayload(Payload):
    order: WholesaleOrder | None = None


# --- converting inputs ---------------------------------------------------------------------


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
        else DiscountsSpec(
            general_percent=general.discount_percent if general else None,
            general_visible=general.is_visible if general else None,
            add_delivery_window_discounts=[
                WindowDiscountSpec(x.delivery_window, x.discount_percent)
                for x in d.add_delivery_window_discounts or []
            ],
            remove_delivery_window_discounts=list(d.remove_delivery_window_discounts or []),
        ),
        add_brands=input.add_brands,
        remove_brands=getattr(input, "remove_brands", None),
        account_address=address_of(info, input.account_address),
        shipping_address=address_of(info, input.shipping_address),
        billing_address=address_of(info, input.billing_address),
    )


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
            queries.list_accounts(
                info.context.session,
                ids=w.id,
                name=w.name,
                statuses=w.status,
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
    def payment_terms(self, info: Info) -> list[PaymentTerms]:
        return list(info.context.session.exec(select(PaymentTermsRow).order_by(PaymentTermsRow.id)))

    @strawberry.field
    def sales_representatives(
        self, info: Info, limit: int | None = None, page: int | None = None
    ) -> list[SalesRepresentative]:
        rows = list(queries.list_sales_representatives(info.context.session, limit, page))
        announce(info, "rep_accounts", [r.id for r in rows])
        return rows

    @strawberry.field
    def shipping_terms(self, info: Info) -> list[ShippingTerms]:
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

        return run_mutation(info, AccountPayload, action, reads="input")

    @mutation(permission="Account:write")
    def update_account(self, info: Info, id: int, input: AccountUpdateInput) -> AccountPayload:
        def action() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                account = accounts.account_to_change(uow, id)
            with reading("input"):
                account, warnings = accounts.update_account(
                    uow, account, _account_spec(info, input)
                )
            return {"account": account, "warnings": [placed_warning(w, "input") for w in warnings]}

        return run_mutation(info, AccountPayload, action)

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
                shipping_address=address_of(info, input.shipping_address),
                billing_address=address_of(info, input.billing_address),
                other_comment=input.other_comment,
                internal_comment=input.internal_comment,
            )
            return {"order": orders.place_wholesale_order(info.context.uow, spec)}

        return run_mutation(info, WholesaleOrderPayload, action, reads="input")


EXTRA_TYPES = WHOLESALE_TYPES
