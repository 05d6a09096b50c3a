"""Wholesale types: accounts, buyers and sales representatives (delivery windows are in
window_types.py, terms in terms.py, campaigns in campaigns.py).

Types resolve straight from storage rows: a resolver is static and takes the row it reads
(`root: Parent[Row]`). Children of listed parents (buyers, discounts) load in one query per
kind.
"""

from collections.abc import Iterable
from typing import Any, TypeAlias

import strawberry
from sqlmodel import select
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
from mockcentra.graphql.common import MonetaryValue, money, row_or_none
from mockcentra.graphql.orders.addresses import Address
from mockcentra.graphql.orders.shipping import CarrierInformation
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.pricing.types import Pricelist, announce, children
from mockcentra.graphql.reference.types import AllocationRule, Market, Store
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.wholesale.terms import PaymentTerms, ShippingTerms
from mockcentra.graphql.wholesale.window_types import DeliveryWindow
from mockcentra.storage.tables import (
    AccountDeliveryWindowDiscountRow,
    AccountRow,
    AllocationRuleRow,
    BrandRow,
    BuyerRow,
    DeliveryWindowRow,
    MarketRow,
    PaymentTermsRow,
    PricelistRow,
    SalesRepresentativeRow,
    ShippingTermsRow,
    StoreRow,
)
from mockcentra.storage.tables.base import key

strawberry.enum(st.AccountStatus, name="AccountStatus")
AccountStatus: TypeAlias = st.AccountStatus
strawberry.enum(st.BuyerStatus, name="BuyerStatus")
BuyerStatus: TypeAlias = st.BuyerStatus


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
    def accounts(root: Parent[SalesRepresentativeRow], info: Info) -> "list[Account]":
        return children(info, "rep_accounts", key(root), queries.accounts_of_representatives)


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
        return row_or_none(info, DeliveryWindowRow, root.delivery_window_id)


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
        pricelist = row_or_none(info, PricelistRow, root.pricelist_id)
        return money(info, amount, currency_code(info.context.session, pricelist))

    @strawberry.field(description="Unpaid value of the account's open orders.")
    @staticmethod
    def outstanding_amount(root: Parent[AccountRow], info: Info) -> MonetaryValue:
        pricelist = row_or_none(info, PricelistRow, root.pricelist_id)
        owed = queries.outstanding(info.context.session, key(root))
        return money(info, owed, currency_code(info.context.session, pricelist))

    @strawberry.field
    @staticmethod
    def store(root: Parent[AccountRow], info: Info) -> Store:
        return row_or_none(info, StoreRow, root.store_id)

    @strawberry.field
    @staticmethod
    def market(root: Parent[AccountRow], info: Info) -> Market:
        return row_or_none(info, MarketRow, root.market_id)

    @strawberry.field
    @staticmethod
    def pricelist(root: Parent[AccountRow], info: Info) -> Pricelist:
        return row_or_none(info, PricelistRow, root.pricelist_id)

    @strawberry.field
    @staticmethod
    def allocation_rule(root: Parent[AccountRow], info: Info) -> AllocationRule | None:
        return row_or_none(info, AllocationRuleRow, root.allocation_rule_id)

    @strawberry.field
    @staticmethod
    def payment_terms(root: Parent[AccountRow], info: Info) -> PaymentTerms | None:
        return row_or_none(info, PaymentTermsRow, root.payment_terms_id)

    @strawberry.field
    @staticmethod
    def shipping_terms(root: Parent[AccountRow], info: Info) -> ShippingTerms | None:
        return row_or_none(info, ShippingTermsRow, root.shipping_terms_id)

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
        return row_or_none(info, SalesRepresentativeRow, root.sales_representative_id)

    @field(permission="Brand:read")
    @staticmethod
    def brands(root: Parent[AccountRow], info: Info) -> list[Brand]:
        ids = list(root.brand_ids or [])
        if not ids:
            return []
        rows = info.context.session.exec(select(BrandRow).where(BrandRow.id.in_(ids))).all()
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
    def buyers(root: Parent[AccountRow], info: Info) -> "list[Buyer]":
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
        return row_or_none(info, AccountRow, root.account_id)

    @strawberry.field
    @staticmethod
    def store(root: Parent[BuyerRow], info: Info) -> Store:
        return row_or_none(info, StoreRow, root.store_id)

    @field(permission="Buyer.billingAddress:read")
    @staticmethod
    def billing_address(root: Parent[BuyerRow]) -> Address | None:
        return Address.of(root.billing_address)
