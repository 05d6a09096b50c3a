"""Wholesale types: accounts, buyers, delivery windows (and the terms and campaigns they name).

Types resolve straight from storage rows: a resolver is static and takes the row it reads
(`root: Parent[Row]`). `DeliveryWindow` is an interface
with `AtOnceDeliveryWindow` and `PreorderDeliveryWindow`, as in Centra. Children of listed
parents (buyers, discounts, markets, variants) load in one query per kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time
from typing import Any, TypeAlias

import strawberry
from sqlmodel import col, select
from strawberry import Parent
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
from mockcentra.graphql.orders.addresses import Address
from mockcentra.graphql.orders.shipping import CarrierInformation
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.pricing.types import PriceAlteration, Pricelist, announce, children
from mockcentra.graphql.reference.types import AllocationRule, Market, Store
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.wholesale.terms import PaymentTerms, ShippingTerms
from mockcentra.storage.tables import (
    AccountDeliveryWindowDiscountRow,
    AccountRow,
    AllocationRuleRow,
    BrandRow,
    BuyerRow,
    DeliveryWindowRow,
    DeliveryWindowVariantRow,
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
from mockcentra.storage.tables.base import key

strawberry.enum(st.AccountStatus, name="AccountStatus")
AccountStatus: TypeAlias = st.AccountStatus
strawberry.enum(st.BuyerStatus, name="BuyerStatus")
BuyerStatus: TypeAlias = st.BuyerStatus
strawberry.enum(st.DeliveryWindowStatus, name="DeliveryWindowStatus")
DeliveryWindowStatus: TypeAlias = st.DeliveryWindowStatus
strawberry.enum(st.VariantDeliveryType, name="VariantDeliveryType")
VariantDeliveryType: TypeAlias = st.VariantDeliveryType
strawberry.enum(st.PreorderAllocationOrder, name="PreorderAllocationOrder")
PreorderAllocationOrder: TypeAlias = st.PreorderAllocationOrder
strawberry.enum(st.DeliveryWindowLimitType, name="DeliveryWindowLimitType")
DeliveryWindowLimitType: TypeAlias = st.DeliveryWindowLimitType
strawberry.enum(st.DeliveryWindowLimitOn, name="DeliveryWindowLimitOn")
DeliveryWindowLimitOn: TypeAlias = st.DeliveryWindowLimitOn


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
    @staticmethod
    def commission_percent(root: Parent[SalesRepresentativeRow]) -> float:
        return float(percent(root.commission_percent_hundredths))

    @strawberry.field
    @staticmethod
    def accounts(root: Parent[SalesRepresentativeRow], info: Info) -> list[Account]:
        return children(info, "rep_accounts", key(root), queries.accounts_of_representatives)


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
    on: DeliveryWindowLimitOn
    type: DeliveryWindowLimitType


@strawberry.type
class DeliveryWindowVariant:
    type: VariantDeliveryType

    @strawberry.field
    @staticmethod
    def limit(root: Parent[DeliveryWindowVariantRow]) -> DeliveryWindowVariantLimit | None:
        value, on, kind = root.limit_value, root.limit_on, root.limit_type
        if value is None or on is None or kind is None:  # the domain sets all three or none
            return None
        return DeliveryWindowVariantLimit(
            value=value, on=st.DeliveryWindowLimitOn(on), type=st.DeliveryWindowLimitType(kind)
        )

    @field(permission="")
    @staticmethod
    def product(root: Parent[DeliveryWindowVariantRow], info: Info) -> Product:
        """Needs no permission of its own: Centra's createDeliveryWindow and
        updateDeliveryWindow answers select it and report no `Product:read`."""
        return _get(info, ProductRow, root.product_id)

    @strawberry.field
    @staticmethod
    def product_variant(root: Parent[DeliveryWindowVariantRow], info: Info) -> ProductVariant:
        return _get(info, VariantRow, root.variant_id)


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
    status: DeliveryWindowStatus
    delivery_dates_visible: bool
    selectable_by_buyers: bool
    selected_by_default: bool
    default_variant_delivery_type: VariantDeliveryType
    created_at: DateTimeTz
    updated_at: DateTimeTz

    @strawberry.field
    @staticmethod
    def store(root: Parent[DeliveryWindowRow], info: Info) -> Store:
        return _get(info, StoreRow, root.store_id)

    @strawberry.field
    @staticmethod
    def markets(root: Parent[DeliveryWindowRow], info: Info) -> list[Market]:
        return children(info, "dw_markets", key(root), queries.markets_of)

    @strawberry.field(description="Campaigns are not modelled: always empty.")
    @staticmethod
    def campaigns(root: Parent[DeliveryWindowRow]) -> list[Campaign]:
        return []

    @strawberry.field
    @staticmethod
    def allocation_rule(root: Parent[DeliveryWindowRow], info: Info) -> AllocationRule | None:
        return _get(info, AllocationRuleRow, root.allocation_rule_id)

    @strawberry.field(description="The price alteration this window's prices come from.")
    @staticmethod
    def price_alteration(root: Parent[DeliveryWindowRow], info: Info) -> PriceAlteration | None:
        return _get(info, PriceAlterationRow, root.price_alteration_id)

    @field(permission="")
    @staticmethod
    def delivery_window_variants(
        root: Parent[DeliveryWindowRow], info: Info
    ) -> list[DeliveryWindowVariant]:
        return children(info, "dw_variants", key(root), queries.variants_of)


@strawberry.type
class AtOnceDeliveryWindow(DeliveryWindow):
    days_from_now: int | None
    selectable_date: bool

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, DeliveryWindowRow) and obj.kind == st.DeliveryWindowKind.AT_ONCE


@strawberry.type
class PreorderDeliveryWindow(DeliveryWindow):
    allocation_order: PreorderAllocationOrder | None

    @strawberry.field
    @staticmethod
    def delivery_start_date(root: Parent[DeliveryWindowRow], info: Info) -> DateTimeTz | None:
        return _midnight(info, root.delivery_start)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def delivery_end_date(root: Parent[DeliveryWindowRow], info: Info) -> DateTimeTz | None:
        return _midnight(info, root.delivery_end)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def sales_start_date(root: Parent[DeliveryWindowRow], info: Info) -> DateTimeTz | None:
        return _midnight(info, root.sales_start)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def sales_end_date(root: Parent[DeliveryWindowRow], info: Info) -> DateTimeTz | None:
        return _midnight(info, root.sales_end)  # type: ignore[return-value]

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, DeliveryWindowRow) and obj.kind == st.DeliveryWindowKind.PREORDER


def announce_windows(info: Info, ids: Iterable[int | None]) -> None:
    announce(info, "dw_markets", ids)
    announce(info, "dw_variants", ids)


# --- accounts and buyers -------------------------------------------------------------------


@strawberry.type
class AccountDeliveryWindowDiscount:
    """An account's discount for one delivery window (it replaces the general discount)."""

    @strawberry.field
    @staticmethod
    def discount_percent(root: Parent[AccountDeliveryWindowDiscountRow]) -> float:
        return float(percent(root.discount_percent_hundredths))

    @field(permission="")
    @staticmethod
    def delivery_window(
        root: Parent[AccountDeliveryWindowDiscountRow], info: Info
    ) -> DeliveryWindow:
        return _get(info, DeliveryWindowRow, root.delivery_window_id)


@read_permission("Account:read")
@strawberry.type
class Account(ObjectWithAttributes):
    id: int
    name: str
    status: AccountStatus
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
    @staticmethod
    def discount_percent(root: Parent[AccountRow]) -> float:
        return float(percent(root.discount_percent_hundredths))

    @strawberry.field
    @staticmethod
    def delivery_window_discounts(
        root: Parent[AccountRow], info: Info
    ) -> list[AccountDeliveryWindowDiscount]:
        return children(info, "account_dw_discounts", key(root), queries.window_discounts_of)

    @strawberry.field(description="In the currency of the account's pricelist.")
    @staticmethod
    def credit_limit(root: Parent[AccountRow], info: Info) -> MonetaryValue | None:
        amount = root.credit_limit
        if amount is None:
            return None
        pricelist = _get(info, PricelistRow, root.pricelist_id)
        return money(info, amount, currency_code(info.context.session, pricelist))

    @strawberry.field(description="Unpaid value of the account's open orders.")
    @staticmethod
    def outstanding_amount(root: Parent[AccountRow], info: Info) -> MonetaryValue:
        pricelist = _get(info, PricelistRow, root.pricelist_id)
        owed = queries.outstanding(info.context.session, key(root))
        return money(info, owed, currency_code(info.context.session, pricelist))

    @strawberry.field
    @staticmethod
    def store(root: Parent[AccountRow], info: Info) -> Store:
        return _get(info, StoreRow, root.store_id)

    @strawberry.field
    @staticmethod
    def market(root: Parent[AccountRow], info: Info) -> Market:
        return _get(info, MarketRow, root.market_id)

    @strawberry.field
    @staticmethod
    def pricelist(root: Parent[AccountRow], info: Info) -> Pricelist:
        return _get(info, PricelistRow, root.pricelist_id)

    @strawberry.field
    @staticmethod
    def allocation_rule(root: Parent[AccountRow], info: Info) -> AllocationRule | None:
        return _get(info, AllocationRuleRow, root.allocation_rule_id)

    @strawberry.field
    @staticmethod
    def payment_terms(root: Parent[AccountRow], info: Info) -> PaymentTerms | None:
        return _get(info, PaymentTermsRow, root.payment_terms_id)

    @strawberry.field
    @staticmethod
    def shipping_terms(root: Parent[AccountRow], info: Info) -> ShippingTerms | None:
        return _get(info, ShippingTermsRow, root.shipping_terms_id)

    @strawberry.field
    @staticmethod
    def carrier_information(root: Parent[AccountRow]) -> CarrierInformation | None:
        values = (
            root.carrier_name,
            root.carrier_service,
            root.carrier_account_identifier,
            root.carrier_tax_id,
        )
        if all(v is None for v in values):
            return None
        name, service, account, tax_id = values
        return CarrierInformation(
            carrier_name=name, service_name=service, account_identifier=account, tax_id=tax_id
        )

    @strawberry.field
    @staticmethod
    def sales_representative(root: Parent[AccountRow], info: Info) -> SalesRepresentative | None:
        return _get(info, SalesRepresentativeRow, root.sales_representative_id)

    @field(permission="Brand:read")
    @staticmethod
    def brands(root: Parent[AccountRow], info: Info) -> list[Brand]:
        ids = list(root.brand_ids or [])
        if not ids:
            return []
        rows = info.context.session.exec(select(BrandRow).where(col(BrandRow.id).in_(ids))).all()
        return sorted(rows, key=lambda b: ids.index(b.id))

    @field(permission="Account.accountAddress:read")
    @staticmethod
    def account_address(root: Parent[AccountRow]) -> Address | None:
        return Address.of(root.account_address)

    @field(permission="Account.shippingAddress:read")
    @staticmethod
    def shipping_address(root: Parent[AccountRow]) -> Address | None:
        return Address.of(root.shipping_address)

    @field(permission="Account.billingAddress:read")
    @staticmethod
    def billing_address(root: Parent[AccountRow]) -> Address | None:
        return Address.of(root.billing_address)

    @strawberry.field
    @staticmethod
    def buyers(root: Parent[AccountRow], info: Info) -> list[Buyer]:
        return children(info, "account_buyers", key(root), domain_buyers.buyers_of)


def announce_accounts(info: Info, ids: Iterable[int | None]) -> None:
    announce(info, "account_dw_discounts", ids)
    announce(info, "account_buyers", ids)


@read_permission("Buyer:read")
@strawberry.type
class Buyer:
    id: int
    status: BuyerStatus
    email: str
    first_name: str | None
    last_name: str | None
    website_url: str | None
    receive_auto_emails: bool
    receive_newsletters: bool
    created_at: DateTimeTz
    updated_at: DateTimeTz

    @strawberry.field
    @staticmethod
    def account(root: Parent[BuyerRow], info: Info) -> Account:
        return _get(info, AccountRow, root.account_id)

    @strawberry.field
    @staticmethod
    def store(root: Parent[BuyerRow], info: Info) -> Store:
        return _get(info, StoreRow, root.store_id)

    @field(permission="Buyer.billingAddress:read")
    @staticmethod
    def billing_address(root: Parent[BuyerRow]) -> Address | None:
        return Address.of(root.billing_address)


WHOLESALE_TYPES = [AtOnceDeliveryWindow, PreorderDeliveryWindow]
