"""Setting prices: per product in a pricelist, optionally per variant ("individual prices").

All variants of a product share the product's price unless a variant has its own. The same
input shape sets the prices of a wholesale price alteration (`AlteredPriceRow`).

Skipped with a warning, as Centra does: a product given twice in one input, a variant given
twice, a variant of another product, and bundles with a dynamic price (their price is the sum
of their parts). A variant entry without a price removes that variant's individual price.
Recommended retail prices are accepted in every pricelist (Centra uses them in wholesale).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlmodel import Session, delete, select

from mockcentra.domain.catalog.status import BundlePriceType
from mockcentra.domain.errors import DomainError, DomainWarning, ErrorCode
from mockcentra.domain.pricing import rules
from mockcentra.domain.pricing.pricelists import currency_code, get_pricelist
from mockcentra.domain.pricing.rules import Amount
from mockcentra.domain.refs import resolve
from mockcentra.storage.tables import (
    AlteredPriceRow,
    BundleRow,
    PriceAlterationRow,
    PricelistRow,
    PriceRow,
    ProductRow,
    VariantRow,
)
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import PendingEvent, UnitOfWork

Path = Sequence[str | int]


@dataclass
class VariantPriceSpec:
    product_variant: Any
    price: Amount | None = None
    recommended_retail_price: Amount | None = None


@dataclass
class ProductPriceSpec:
    product: Any
    price: Amount | None = None
    recommended_retail_price: Amount | None = None
    override_individual_variant_prices: bool = False
    individual_variant_prices: list[VariantPriceSpec] = field(default_factory=list)


@dataclass
class PricesSpec:
    """One `SetPricesInput` (or `SetAlteredPricesInput` when `price_alteration` is given)."""

    pricelist: Any
    product_prices: list[ProductPriceSpec]
    price_alteration: Any = None


@dataclass
class PricesResult:
    pricelists: list[PricelistRow] = field(default_factory=list)
    products: list[ProductRow] = field(default_factory=list)
    price_alterations: list[PriceAlterationRow] = field(default_factory=list)
    warnings: list[DomainWarning] = field(default_factory=list)


def set_prices(uow: UnitOfWork, specs: Sequence[PricesSpec], *, batch: bool) -> PricesResult:
    """Apply one input (`setPrices`) or a list (`setPricesBatch`) as a whole, or nothing."""
    result = PricesResult()
    for i, spec in enumerate(specs):
        path: list[str | int] = [i] if batch else []
        pricelist = get_pricelist(uow, spec.pricelist, [*path, "pricelist"])
        target = _Target(PriceRow, {"pricelist_id": key(pricelist)}, with_rrp=True)
        _apply(uow, pricelist, target, spec.product_prices, path, result)
    return result


def set_altered_prices(
    uow: UnitOfWork, specs: Sequence[PricesSpec], *, batch: bool
) -> PricesResult:
    """Set prices of a price alteration for one pricelist of its (wholesale) store."""
    result = PricesResult()
    for i, spec in enumerate(specs):
        path: list[str | int] = [i] if batch else []
        alteration = resolve(
            uow,
            PriceAlterationRow,
            spec.price_alteration,
            [*path, "priceAlteration"],
            kind="PriceAlteration",
            object_type="PriceAlteration",
        )
        pricelist = get_pricelist(uow, spec.pricelist, [*path, "pricelist"])
        if pricelist.store_id != alteration.store_id:
            raise DomainError(
                ErrorCode.CONFLICT,
                f"Pricelist {pricelist.id} does not belong to the store of price alteration "
                f"{alteration.id}.",
                [*path, "pricelist"],
            )
        target = _Target(
            AlteredPriceRow,
            {"price_alteration_id": key(alteration), "pricelist_id": key(pricelist)},
            with_rrp=False,
        )
        _apply(uow, pricelist, target, spec.product_prices, path, result)
        if alteration not in result.price_alterations:
            result.price_alterations.append(alteration)
    return result


@dataclass
class _Target:
    """Where prices go: the table and the key columns fixed for this input."""

    table: type[PriceRow] | type[AlteredPriceRow]
    keys: dict[str, int]
    with_rrp: bool

    def where(self, stmt: Any) -> Any:
        for column, value in self.keys.items():
            stmt = stmt.where(getattr(self.table, column) == value)
        return stmt


def _apply(
    uow: UnitOfWork,
    pricelist: PricelistRow,
    target: _Target,
    items: Sequence[ProductPriceSpec],
    path: list[str | int],
    result: PricesResult,
) -> None:
    session = uow.session
    currency = currency_code(session, pricelist)
    seen: set[int] = set()
    changed: list[ProductRow] = []
    for i, item in enumerate(items):
        ipath = [*path, "productPrices", i]
        product = resolve(
            uow,
            ProductRow,
            item.product,
            [*ipath, "product"],
            kind="Product",
            object_type="Product",
        )
        if product.id in seen:
            result.warnings.append(
                DomainWarning(f"Duplicate product ID {product.id} skipped", ipath)
            )
            continue
        seen.add(key(product))
        if _is_dynamic_bundle(session, product):
            result.warnings.append(
                DomainWarning(
                    f"Product ID {product.id} is a bundle with dynamic price type, changing its "
                    "prices has no effect, skipped",
                    ipath,
                )
            )
            continue
        _apply_product(session, target, product, item, currency, ipath, result)
        _apply_variants(uow, target, product, item, currency, ipath, result)
        changed.append(product)
    session.flush()
    _record_changes(uow, pricelist, changed, result)


def _apply_product(
    session: Session,
    target: _Target,
    product: ProductRow,
    item: ProductPriceSpec,
    currency: str,
    ipath: list[str | int],
    result: PricesResult,
) -> None:
    """The product's own price (and RRP); `overrideIndividualVariantPrices` drops the
    variants' individual prices."""
    price = _amount(item.price, currency, [*ipath, "price"])
    rrp = _rrp(
        item.recommended_retail_price,
        currency,
        [*ipath, "recommendedRetailPrice"],
        target,
        result,
    )
    if price is not None or rrp is not None:
        _upsert(session, target, key(product), None, price, rrp, [*ipath, "price"])
    if item.override_individual_variant_prices:
        session.execute(
            target.where(delete(target.table))
            .where(target.table.product_id == product.id)
            .where(target.table.variant_id.is_not(None))
        )


def _record_changes(
    uow: UnitOfWork, pricelist: PricelistRow, changed: list[ProductRow], result: PricesResult
) -> None:
    """The pricelist and products the input changed, in the result and as events."""
    if pricelist not in result.pricelists:
        result.pricelists.append(pricelist)
    for product in changed:
        if all(p.id != product.id for p in result.products):
            result.products.append(product)
        uow.emit(
            PendingEvent(
                "Product", "DEPENDENT_DATA_CHANGED", str(product.id), store_id=pricelist.store_id
            )
        )


def _apply_variants(
    uow: UnitOfWork,
    target: _Target,
    product: ProductRow,
    item: ProductPriceSpec,
    currency: str,
    ipath: list[str | int],
    result: PricesResult,
) -> None:
    session = uow.session
    seen: set[int] = set()
    for j, entry in enumerate(item.individual_variant_prices or []):
        vpath = [*ipath, "individualVariantPrices", j]
        variant = resolve(
            uow,
            VariantRow,
            entry.product_variant,
            [*vpath, "productVariant"],
            kind="ProductVariant",
            object_type="ProductVariant",
        )
        if variant.product_id != product.id:
            result.warnings.append(
                DomainWarning(
                    f"Product variant with id {variant.id} not assigned to product {product.id}",
                    vpath,
                )
            )
            continue
        if variant.id in seen:
            result.warnings.append(
                DomainWarning(f"Duplicate variant ID {variant.id} skipped", vpath)
            )
            continue
        seen.add(key(variant))
        price = _amount(entry.price, currency, [*vpath, "price"])
        rrp = _rrp(
            entry.recommended_retail_price,
            currency,
            [*vpath, "recommendedRetailPrice"],
            target,
            result,
        )
        if price is None and rrp is None:
            session.execute(
                target.where(delete(target.table))
                .where(target.table.product_id == product.id)
                .where(target.table.variant_id == variant.id)
            )
            continue
        _upsert(session, target, product.id, variant.id, price, rrp, [*vpath, "price"])


def _is_dynamic_bundle(session: Session, product: ProductRow) -> bool:
    if not product.is_bundle:
        return False
    bundle = session.exec(select(BundleRow).where(BundleRow.product_id == product.id)).first()
    return bundle is not None and bundle.price_type == BundlePriceType.DYNAMIC


def _amount(value: Amount | None, currency: str, path: Path) -> Decimal | None:
    return None if value is None else rules.check_amount(value, currency, path)


def _rrp(
    value: Amount | None, currency: str, path: Path, target: _Target, result: PricesResult
) -> Decimal | None:
    if value is None:
        return None
    amount = rules.check_amount(value, currency, path)
    if not target.with_rrp:
        result.warnings.append(
            DomainWarning("Price alterations have no recommended retail prices, ignored.", path)
        )
        return None
    return amount


def _upsert(
    session: Session,
    target: _Target,
    product_id: int,
    variant_id: int | None,
    price: Decimal | None,
    rrp: Decimal | None,
    price_path: Path,
) -> None:
    stmt = target.where(select(target.table)).where(target.table.product_id == product_id)
    if variant_id is None:
        stmt = stmt.where(target.table.variant_id.is_(None))
    else:
        stmt = stmt.where(target.table.variant_id == variant_id)
    row = session.exec(stmt).first()
    if row is None:
        if price is None:
            raise DomainError(
                ErrorCode.REQUIRED,
                "A price is required to set a recommended retail price.",
                price_path,
            )
        fields: dict[str, Any] = {**target.keys, "product_id": product_id, "variant_id": variant_id}
        row = target.table(**fields, price=price)
    if price is not None:
        row.price = price
    if rrp is not None and target.with_rrp:
        row.recommended_retail_price = rrp
    session.add(row)
