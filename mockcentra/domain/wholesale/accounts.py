"""Wholesale accounts (their buyers are in `buyers`).

An account is a customer company in a wholesale store: its market and pricelist decide what
its buyers see and pay, its discounts lower the prices of its orders (a discount for a delivery
window replaces the general one for orders in that window), and its credit limit can stop new
orders. An account needs at least one buyer to be usable: buyers place the orders.

Gaps: sales representatives, tax classes, document templates and agents are not modelled
(their inputs are not offered); `blockIfUnpaidInvoices` is stored but never blocks, since
invoices are made only for paid shipments, so none is ever unpaid.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlmodel import select

from mockcentra.domain.errors import DomainError, DomainWarning, ErrorCode, invalid, not_found
from mockcentra.domain.money import round_money
from mockcentra.domain.pricing.pricelists import currency_code
from mockcentra.domain.pricing.rules import Amount
from mockcentra.domain.refs import existing, resolve
from mockcentra.domain.wholesale import rules
from mockcentra.domain.wholesale.discounts import (
    DiscountsSpec,
    apply_general_discount,
    apply_window_discounts,
)
from mockcentra.domain.wholesale.rules import Path
from mockcentra.domain.wholesale.status import AccountStatus
from mockcentra.storage.tables import (
    AccountRow,
    AllocationRuleRow,
    BrandRow,
    CountryRow,
    MarketRow,
    PaymentTermsRow,
    PricelistRow,
    SalesRepresentativeRow,
    ShippingTermsRow,
    StoreRow,
)
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import PendingEvent, UnitOfWork


def get_account(uow: UnitOfWork, ref: Any, path: Path) -> AccountRow:
    """An account by `{id}` or `{externalId}` (ID conversion type "Account")."""
    return resolve(uow, AccountRow, ref, path, kind="Account", object_type="Account")


def check_address(uow: UnitOfWork, data: dict[str, Any] | None, path: Path) -> dict[str, Any]:
    """An address as stored (camelCase keys, `country` as an ISO code that must exist)."""
    if not data:
        return {}
    code = data.get("country")
    if code is not None:
        if uow.session.exec(select(CountryRow.id).where(CountryRow.code == code)).first() is None:
            raise not_found("Country", code, [*path, "country"], by="code")
    return dict(data)


def merge_address(current: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    """An address with the given keys changed; a key given as None keeps its value."""
    merged = dict(current or {})
    merged.update({k: v for k, v in change.items() if v is not None})
    return merged


@dataclass
class AccountSpec:
    """What createAccount / updateAccount carry; None means "leave as it is"."""

    name: str | None = None
    status: str | None = None
    market: Any = None
    pricelist: Any = None
    allocation_rule: Any = None
    payment_terms: Any = None
    shipping_terms: Any = None
    internal_comment: str | None = None
    other_comment: str | None = None
    website_url: str | None = None
    credit_limit: Amount | None = None
    apply_credit_limit: bool | None = None
    block_if_unpaid_invoices: bool | None = None
    has_brands_restriction: bool | None = None
    is_internal: bool | None = None
    carrier_name: str | None = None
    carrier_service: str | None = None
    carrier_account_identifier: str | None = None
    carrier_tax_id: str | None = None
    sales_representative: Any = None
    discounts: DiscountsSpec | None = None
    add_brands: list[Any] | None = None
    remove_brands: list[Any] | None = None
    account_address: dict[str, Any] | None = None
    shipping_address: dict[str, Any] | None = None
    billing_address: dict[str, Any] | None = None


def create_account(uow: UnitOfWork, spec: AccountSpec) -> tuple[AccountRow, list[DomainWarning]]:
    name = rules.require_name(spec.name, "Account", ["name"])
    if spec.market is None:
        raise DomainError(ErrorCode.REQUIRED, "Market is required.", ["market"])
    if spec.pricelist is None:
        raise DomainError(ErrorCode.REQUIRED, "Pricelist is required.", ["pricelist"])
    now = uow.clock.now()
    account = AccountRow(
        name=name,
        status=AccountStatus(spec.status or AccountStatus.ACTIVE).value,
        store_id=0,
        market_id=0,
        pricelist_id=0,
        created_at=now,
        updated_at=now,
    )
    warnings = _apply(uow, account, spec)
    uow.emit(PendingEvent("Account", "CREATED", str(account.id), store_id=account.store_id))
    return account, warnings


def account_to_change(uow: UnitOfWork, account_id: int) -> AccountRow:
    """The account `updateAccount` changes (errors point at the id)."""
    return existing(uow, AccountRow, account_id, kind="Account")


def update_account(
    uow: UnitOfWork, account: AccountRow, spec: AccountSpec
) -> tuple[AccountRow, list[DomainWarning]]:
    if spec.name is not None:
        account.name = rules.require_name(spec.name, "Account", ["name"])
    if spec.status is not None:
        account.status = AccountStatus(spec.status).value
    warnings = _apply(uow, account, spec)
    account.updated_at = uow.clock.now()
    uow.session.add(account)
    uow.emit(PendingEvent("Account", "UPDATED", str(account.id), store_id=account.store_id))
    return account, warnings


def _sales_representative(uow: UnitOfWork, ref: Any) -> int:
    """An active sales representative by `{id}` or `{externalId}`."""
    path = ["salesRepresentative"]
    rep = resolve(
        uow,
        SalesRepresentativeRow,
        ref,
        path,
        kind="SalesRepresentative",
        object_type="SalesRepresentative",
    )
    if rep.status != "ACTIVE":
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Sales representative {rep.id} is inactive and cannot be given accounts.",
            path,
        )
    return key(rep)


def _apply(uow: UnitOfWork, account: AccountRow, spec: AccountSpec) -> list[DomainWarning]:
    """Everything but name and status, in input order; the account is flushed (has an id)."""
    pricelist = _apply_relations(uow, account, spec)
    _apply_settings(uow, account, spec, pricelist)
    _apply_brands(uow, account, spec)
    _apply_addresses(uow, account, spec)
    apply_general_discount(account, spec.discounts)
    uow.session.add(account)
    uow.session.flush()
    warnings: list[DomainWarning] = []
    if spec.discounts is not None:
        warnings = apply_window_discounts(uow, account, spec.discounts)
    return warnings


def _apply_relations(uow: UnitOfWork, account: AccountRow, spec: AccountSpec) -> PricelistRow:
    """Market (and so store), pricelist of that store, allocation rule, terms, sales rep."""
    if spec.market is not None:
        market = resolve(
            uow, MarketRow, spec.market, ["market"], kind="Market", object_type="Market"
        )
        store = stored(uow.session, StoreRow, market.store_id)
        rules.check_wholesale_store(store.type, f"Market {market.id}", ["market"])
        account.market_id = key(market)
        account.store_id = key(store)
    if spec.pricelist is not None:
        pricelist = resolve(
            uow,
            PricelistRow,
            spec.pricelist,
            ["pricelist"],
            kind="Pricelist",
            object_type="Pricelist",
        )
        account.pricelist_id = key(pricelist)
    pricelist = stored(uow.session, PricelistRow, account.pricelist_id)
    if pricelist.store_id != account.store_id:
        where = ["pricelist"] if spec.pricelist is not None else ["market"]
        raise DomainError(
            ErrorCode.CONFLICT,
            f"Pricelist {pricelist.id} does not belong to the store of market {account.market_id}.",
            where,
        )
    if spec.allocation_rule is not None:
        account.allocation_rule_id = resolve(
            uow,
            AllocationRuleRow,
            spec.allocation_rule,
            ["allocationRule"],
            kind="AllocationRule",
            object_type="AllocationRule",
        ).id
    if spec.payment_terms is not None:
        account.payment_terms_id = resolve(
            uow,
            PaymentTermsRow,
            spec.payment_terms,
            ["paymentTerms"],
            kind="PaymentTerms",
            object_type="PaymentTerms",
        ).id
    if spec.shipping_terms is not None:
        account.shipping_terms_id = resolve(
            uow,
            ShippingTermsRow,
            spec.shipping_terms,
            ["shippingTerms"],
            kind="ShippingTerms",
            object_type="ShippingTerms",
        ).id
    if spec.sales_representative is not None:
        account.sales_representative_id = _sales_representative(uow, spec.sales_representative)
    return pricelist


def _apply_settings(
    uow: UnitOfWork, account: AccountRow, spec: AccountSpec, pricelist: PricelistRow
) -> None:
    for name in (
        "internal_comment",
        "other_comment",
        "website_url",
        "carrier_name",
        "carrier_service",
        "carrier_account_identifier",
        "carrier_tax_id",
    ):
        if getattr(spec, name) is not None:
            setattr(account, name, getattr(spec, name))
    for name in (
        "apply_credit_limit",
        "block_if_unpaid_invoices",
        "has_brands_restriction",
        "is_internal",
    ):
        if getattr(spec, name) is not None:
            setattr(account, name, getattr(spec, name))
    if spec.credit_limit is not None:
        account.credit_limit = _credit_limit(uow, pricelist, spec.credit_limit)


def _apply_brands(uow: UnitOfWork, account: AccountRow, spec: AccountSpec) -> None:
    brand_ids = list(account.brand_ids or [])
    for i, ref in enumerate(spec.add_brands or []):
        brand = resolve(uow, BrandRow, ref, ["addBrands", i], kind="Brand", object_type="Brand")
        if brand.id not in brand_ids:
            brand_ids.append(key(brand))
    for i, ref in enumerate(spec.remove_brands or []):
        brand = resolve(uow, BrandRow, ref, ["removeBrands", i], kind="Brand", object_type="Brand")
        if brand.id in brand_ids:
            brand_ids.remove(brand.id)
    account.brand_ids = brand_ids


def _apply_addresses(uow: UnitOfWork, account: AccountRow, spec: AccountSpec) -> None:
    for attr in ("account_address", "shipping_address", "billing_address"):
        change = getattr(spec, attr)
        if change is not None:
            camel = "".join(w.capitalize() if i else w for i, w in enumerate(attr.split("_")))
            checked = check_address(uow, change, [camel])
            setattr(account, attr, merge_address(getattr(account, attr), checked))


def _credit_limit(uow: UnitOfWork, pricelist: PricelistRow, amount: Amount) -> Decimal:
    currency = currency_code(uow.session, pricelist)
    path = ["creditLimit"]
    if amount.currency.upper() != currency:
        raise DomainError(
            ErrorCode.CONFLICT,
            f"Credit limit currency {amount.currency} does not match the currency {currency} "
            f"of pricelist {pricelist.id}.",
            [*path, "currencyIsoCode"],
        )
    if amount.value < 0:
        raise invalid("Credit limit cannot be negative.", [*path, "value"])
    return round_money(amount.value)
