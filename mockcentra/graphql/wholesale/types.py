"""Wholesale types: accounts, buyers, delivery windows (and the terms and campaigns they name).

Types resolve straight from storage rows (`self` is the row). `DeliveryWindow` is an interface
with `AtOnceDeliveryWindow` and `PreorderDeliveryWindow`, as in Centra. Children of listed
parents (buyers, discounts, markets, variants) load in one query per kind.
"""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal
from typing import Any

import strawberry
from sqlmodel import select
from strawberry.types import Info

from mockcentra.domain.pricing.pricelists import currency_code
from mockcentra.domain.wholesale import buyers as domain_buyers
from mockcentra.domain.wholesale import queries
from mockcentra.domain.wholesale import status as st
from mockcentra.domain.wholesale.rules import percent
from mockcentra.graphql.attributes.types import ObjectWithAttributes, attributes_field
from mockcentra.graphql.catalog.enums import Status
from mockcentra.graphql.catalog.grouping_types import Brand
from mockcentra.graphql.catalog.types import Product, ProductVariant
from mockcentra.graphql.common import MonetaryValue, money
from mockcentra.graphql.orders.types import Address, CarrierInformation
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.pricing.types import PriceAlteration, Pricelist, announce, children
from mockcentra.graphql.reference.types import AllocationRule, Market, Store
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.wholesale.terms import PaymentTerms, ShippingTerms
from mockcentra.storage.tables import (
    AccountRow,
    AllocationRuleRow,
    BrandRow,
    DeliveryWindowRow,
    MarketRow,
    PaymentTermsRow,
    PriceAlterationRow,
    PricelistRow,
    ProductRow,
    SalesRepresentativeRow,
    ShippingTermsRow,
    StoreRow,
    VariantRow,
)

AccountStatus = strawberry.enum(st.AccountStatus, name="AccountStatus")
BuyerStatus = strawberry.enum(st.BuyerStatus, name="BuyerStatus")
DeliveryWindowStatus = strawberry.enum(st.DeliveryWindowStatus, name="DeliveryWindowStatus")
VariantDeliveryType = strawberry.enum(st.VariantDeliveryType, name="VariantDeliveryType")
PreorderAllocationOrder = strawberry.enum(
    st.PreorderAllocationOrder, name="PreorderAllocationOrder"
)
DeliveryWindowLimitType = strawberry.enum(
    st.DeliveryWindowLimitType, name="DeliveryWindowLimitType"
)
DeliveryWindowLimitOn = strawberry.enum(st.DeliveryWindowLimitOn, name="DeliveryWindowLimitOn")


def _get(info: Info, row_type: type, row_id: int | None) -> Any:
    return None if row_id is None else info.context.session.get(row_type, row_id)


# --- terms and campaigns -------------------------------------------------------------------


@read_permission("SalesRepresentative:read")
@strawberry.type
class SalesRepresentative:
    id: int
    name: str
    email: str | None
    status: Status

    @strawberry.field
    def commission_percent(self) -> float:
        return percent(self.commission_percent_hundredths)  # type: ignore[attr-defined,return-value]

    @strawberry.field
    def accounts(self, info: Info) -> list[Account]:
        return children(info, "rep_accounts", self.id, queries.accounts_of_representatives)


@read_permission("Campaign:read")
@strawberry.type
class Campaign:
    """Campaigns are not modelled: delivery windows list none."""

    id: int
    name: str


# --- delivery windows ----------------------------------------------------------------------


@strawberry.type
class DeliveryWindowVariantLimit:
    value: int
    on: DeliveryWindowLimitOn  # type: ignore[valid-type]
    type: DeliveryWindowLimitType  # type: ignore[valid-type]


@strawberry.type
class DeliveryWindowVariant:
    type: VariantDeliveryType  # type: ignore[valid-type]

    @strawberry.field
    def limit(self) -> DeliveryWindowVariantLimit | None:
        if self.limit_value is None:  # type: ignore[attr-defined]
            return None
        return DeliveryWindowVariantLimit(
            value=self.limit_value,  # type: ignore[attr-defined]
            on=self.limit_on,  # type: ignore[attr-defined]
            type=self.limit_type,  # type: ignore[attr-defined]
        )

    @field(permission="")
    def product(self, info: Info) -> Product:
        """Needs no permission of its own: Centra's createDeliveryWindow and
        updateDeliveryWindow answers select it and report no `Product:read`."""
        return _get(info, ProductRow, self.product_id)  # type: ignore[attr-defined]

    @strawberry.field
    def product_variant(self, info: Info) -> ProductVariant:
        return _get(info, VariantRow, self.variant_id)  # type: ignore[attr-defined]


def _midnight(info: Info, day: Any) -> datetime | None:
    if day is None:
        return None
    return datetime.combine(day, time(0), tzinfo=info.context.runtime.clock.zone)


@read_permission("DeliveryWindow:read")
@strawberry.interface
class DeliveryWindow:
    """Fields every delivery window has; `... on AtOnceDeliveryWindow` /
    `... on PreorderDeliveryWindow` add the kind's own."""

    id: int
    name: str
    status: DeliveryWindowStatus  # type: ignore[valid-type]
    delivery_dates_visible: bool
    selectable_by_buyers: bool
    selected_by_default: bool
    default_variant_delivery_type: VariantDeliveryType  # type: ignore[valid-type]
    created_at: DateTimeTz
    updated_at: DateTimeTz

    @strawberry.field
    def store(self, info: Info) -> Store:
        return _get(info, StoreRow, self.store_id)  # type: ignore[attr-defined]

    @strawberry.field
    def markets(self, info: Info) -> list[Market]:
        return children(info, "dw_markets", self.id, queries.markets_of)

    @strawberry.field(description="Campaigns are not modelled: always empty.")
    def campaigns(self) -> list[Campaign]:
        return []

    @strawberry.field
    def allocation_rule(self, info: Info) -> AllocationRule | None:
        return _get(info, AllocationRuleRow, self.allocation_rule_id)  # type: ignore[attr-defined]

    @strawberry.field(description="The price alteration this window's prices come from.")
    def price_alteration(self, info: Info) -> PriceAlteration | None:
        return _get(info, PriceAlterationRow, self.price_alteration_id)  # type: ignore[attr-defined]

    @field(permission="")
    def delivery_window_variants(self, info: Info) -> list[DeliveryWindowVariant]:
        return children(info, "dw_variants", self.id, queries.variants_of)


@strawberry.type
class AtOnceDeliveryWindow(DeliveryWindow):
    days_from_now: int | None
    selectable_date: bool

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, DeliveryWindowRow) and obj.kind == st.DeliveryWindowKind.AT_ONCE


@strawberry.type
class PreorderDeliveryWindow(DeliveryWindow):
    allocation_order: PreorderAllocationOrder | None  # type: ignore[valid-type]

    @strawberry.field
    def delivery_start_date(self, info: Info) -> DateTimeTz | None:
        return _midnight(info, self.delivery_start)  # type: ignore[attr-defined,return-value]

    @strawberry.field
    def delivery_end_date(self, info: Info) -> DateTimeTz | None:
        return _midnight(info, self.delivery_end)  # type: ignore[attr-defined,return-value]

    @strawberry.field
    def sales_start_date(self, info: Info) -> DateTimeTz | None:
        return _midnight(info, self.sales_start)  # type: ignore[attr-defined,return-value]

    @strawberry.field
    def sales_end_date(self, info: Info) -> DateTimeTz | None:
        return _midnight(info, self.sales_end)  # type: ignore[attr-defined,return-value]

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, DeliveryWindowRow) and obj.kind == st.DeliveryWindowKind.PREORDER


def announce_windows(info: Info, ids: list[int]) -> None:
    announce(info, "dw_markets", ids)
    announce(info, "dw_variants", ids)


# --- accounts and buyers -------------------------------------------------------------------


@strawberry.type
class AccountDeliveryWindowDiscount:
    """An account's discount for one delivery window (it replaces the general discount)."""

    @strawberry.field
    def discount_percent(self) -> float:
        return percent(self.discount_percent_hundredths)  # type: ignore[attr-defined,return-value]

    @field(permission="")
    def delivery_window(self, info: Info) -> DeliveryWindow:
        return _get(info, DeliveryWindowRow, self.delivery_window_id)  # type: ignore[attr-defined]


@read_permission("Account:read")
@strawberry.type
class Account(ObjectWithAttributes):
    id: int
    name: str
    status: AccountStatus  # type: ignore[valid-type]
    internal_comment: str | None
    other_comment: str | None
    website_url: str | None
    is_internal: bool
    is_discount_visible: bool
    apply_credit_limit: bool
    block_if_unpaid_invoices: bool
    has_brands_restriction: bool
    attributes = attributes_field("Account.attributes:read")

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, AccountRow)

    created_at: DateTimeTz
    updated_at: DateTimeTz

    @strawberry.field(description="The general discount in percent.")
    def discount_percent(self) -> float:
        return percent(self.discount_percent_hundredths)  # type: ignore[attr-defined,return-value]

    @strawberry.field
    def delivery_window_discounts(self, info: Info) -> list[AccountDeliveryWindowDiscount]:
        return children(info, "account_dw_discounts", self.id, queries.window_discounts_of)

    @strawberry.field(description="In the currency of the account's pricelist.")
    def credit_limit(self, info: Info) -> MonetaryValue | None:
        amount: Decimal | None = self.credit_limit  # type: ignore[assignment]
        if amount is None:
            return None
        pricelist = _get(info, PricelistRow, self.pricelist_id)  # type: ignore[attr-defined]
        return money(info, amount, currency_code(info.context.session, pricelist))

    @strawberry.field(description="Unpaid value of the account's open orders.")
    def outstanding_amount(self, info: Info) -> MonetaryValue:
        pricelist = _get(info, PricelistRow, self.pricelist_id)  # type: ignore[attr-defined]
        owed = queries.outstanding(info.context.session, self.id)
        return money(info, owed, currency_code(info.context.session, pricelist))

    @strawberry.field
    def store(self, info: Info) -> Store:
        return _get(info, StoreRow, self.store_id)  # type: ignore[attr-defined]

    @strawberry.field
    def market(self, info: Info) -> Market:
        return _get(info, MarketRow, self.market_id)  # type: ignore[attr-defined]

    @strawberry.field
    def pricelist(self, info: Info) -> Pricelist:
        return _get(info, PricelistRow, self.pricelist_id)  # type: ignore[attr-defined]

    @strawberry.field
    def allocation_rule(self, info: Info) -> AllocationRule | None:
        return _get(info, AllocationRuleRow, self.allocation_rule_id)  # type: ignore[attr-defined]

    @strawberry.field
    def payment_terms(self, info: Info) -> PaymentTerms | None:
        return _get(info, PaymentTermsRow, self.payment_terms_id)  # type: ignore[attr-defined]

    @strawberry.field
    def shipping_terms(self, info: Info) -> ShippingTerms | None:
        return _get(info, ShippingTermsRow, self.shipping_terms_id)  # type: ignore[attr-defined]

    @strawberry.field
    def carrier_information(self) -> CarrierInformation | None:
        values = (
            self.carrier_name,  # type: ignore[attr-defined]
            self.carrier_service,  # type: ignore[attr-defined]
            self.carrier_account_identifier,  # type: ignore[attr-defined]
            self.carrier_tax_id,  # type: ignore[attr-defined]
        )
        if all(v is None for v in values):
            return None
        name, service, account, tax_id = values
        return CarrierInformation(
            carrier_name=name, service_name=service, account_identifier=account, tax_id=tax_id
        )

    @strawberry.field
    def sales_representative(self, info: Info) -> SalesRepresentative | None:
        return _get(info, SalesRepresentativeRow, self.sales_representative_id)  # type: ignore[attr-defined]

    @field(permission="Brand:read")
    def brands(self, info: Info) -> list[Brand]:
        ids = list(self.brand_ids or [])  # type: ignore[attr-defined]
        if not ids:
            return []
        rows = info.context.session.exec(select(BrandRow).where(BrandRow.id.in_(ids))).all()
        return sorted(rows, key=lambda b: ids.index(b.id))

    @field(permission="Account.accountAddress:read")
    def account_address(self) -> Address | None:
        return Address.of(self.account_address)  # type: ignore[arg-type]

    @field(permission="Account.shippingAddress:read")
    def shipping_address(self) -> Address | None:
        return Address.of(self.shipping_address)  # type: ignore[arg-type]

    @field(permission="Account.billingAddress:read")
    def billing_address(self) -> Address | None:
        return Address.of(self.billing_address)  # type: ignore[arg-type]

    @strawberry.field
    def buyers(self, info: Info) -> list[Buyer]:
        return children(info, "account_buyers", self.id, domain_buyers.buyers_of)


def announce_accounts(info: Info, ids: list[int]) -> None:
    announce(info, "account_dw_discounts", ids)
    announce(info, "account_buyers", ids)


@read_permission("Buyer:read")
@strawberry.type
class Buyer:
    id: int
    status: BuyerStatus  # type: ignore[valid-type]
    email: str
    first_name: str | None
    last_name: str | None
    website_url: str | None
    receive_auto_emails: bool
    receive_newsletters: bool
    created_at: DateTimeTz
    updated_at: DateTimeTz

    @strawberry.field
    def account(self, info: Info) -> Account:
        return _get(info, AccountRow, self.account_id)  # type: ignore[attr-defined]

    @strawberry.field
    def store(self, info: Info) -> Store:
        return _get(info, StoreRow, self.store_id)  # type: ignore[attr-defined]

    @field(permission="Buyer.billingAddress:read")
    def billing_address(self) -> Address | None:
        return Address.of(self.billing_address)  # type: ignore[arg-type]


WHOLESALE_TYPES = [AtOnceDeliveryWindow, PreorderDeliveryWindow]
