"""Setting prices: per product in a pricelist, optionally per variant ("individual prices").

All variants of a product share the product's price unless a variant has its own. The same
input shape sets the prices of a wholesale price alteration (`AlteredPriceRow`).

Skipped with a warning, as Centra does: a product given twice in one input, a variant given
twice, a variant of another product, and bundles with a dynamic price (their price is the sum
of their parts). A variant entry without a price removes that variant's individual price.
Recommended retail prices are accepted in every pricelist (Centra uses them in wholesale).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Protocol, TypeVar

from sqlmodel import Session, col, delete, select

from mockcentra.domain.catalog.status import BundlePriceType
from mockcentra.domain.errors import DomainError, DomainWarning, ErrorCode
from mockcentra.domain.pricing import rules
from mockcentra.domain.pricing.pricelists import currency_code, get_pricelist
from mockcentra.domain.pricing.rules import Amount
from mockcentra.domain.pricing.status import PriceAlterationStatus
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
from mockcentra.storage.uow import PendingEvent, UnitOfWork, memo

Path = Sequence[str | int]
#: A price of a pricelist or a price alteration (a row, or its amount).
_Priced = TypeVar("_Priced")


class PricedRow(Protocol):
    """A price row of one product: its variant's own (`variant_id`) or the product's (None)."""

    @property
    def variant_id(self) -> int | None: ...


_PricedRowT = TypeVar("_PricedRowT", bound=PricedRow)


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


def variant_over_product(own: _Priced | None, shared: _Priced | None) -> _Priced | None:
    """Centra's rule for a variant's price in a pricelist: the variant's individual price when
    it has one, else its product's price (None when neither is set)."""
    return own if own is not None else shared


def pick_price(rows: Iterable[_PricedRowT], variant_id: int | None) -> _PricedRowT | None:
    """Of one product's price rows in one pricelist, the one that prices `variant_id`."""
    rows = list(rows)
    own = next((r for r in rows if r.variant_id is not None and r.variant_id == variant_id), None)
    return variant_over_product(own, next((r for r in rows if r.variant_id is None), None))


def price_for(
    session: Session, pricelist_id: int, product_id: int, variant_id: int | None
) -> Decimal | None:
    """The price of a variant in a pricelist: its own price, else its product's, else None.
    The rows are read once per unit of work (a checkout prices an item when it is added and
    again in the summary); a changed price is seen, as the rows are the session's own."""
    rows = memo(
        session,
        (PriceRow, pricelist_id, product_id, variant_id),
        lambda: session.exec(
            select(PriceRow).where(
                PriceRow.pricelist_id == pricelist_id,
                PriceRow.product_id == product_id,
                (col(PriceRow.variant_id).is_(None)) | (PriceRow.variant_id == variant_id),
            )
        ).all(),
    )
    chosen = pick_price(rows, variant_id)
    return None if chosen is None else chosen.price


def pricelist_prices(session: Session, pricelist_id: int) -> dict[int, list[Any]]:
    """Every price row of a pricelist, by product (each row has `variant_id` and `price`): what
    `price_for` reads per variant, in one statement, for work that prices a whole catalogue
    (seeding bulk orders). Pass a product's rows to `pick_price`."""
    rows: dict[int, list[Any]] = {}
    found = session.execute(
        select(col(PriceRow.product_id), col(PriceRow.variant_id), col(PriceRow.price))
        .where(PriceRow.pricelist_id == pricelist_id)
        .order_by(col(PriceRow.id))
    )
    for row in found:
        rows.setdefault(row.product_id, []).append(row)
    return rows


def wholesale_price_for(
    session: Session, pricelist_id: int, product_id: int, variant_id: int | None, on: date
) -> Decimal | None:
    """As `price_for`, but the store's ACTIVE price alteration wins from its start date on."""
    pricelist = session.get(PricelistRow, pricelist_id)
    if pricelist is None:
        return None
    alteration = session.exec(
        select(PriceAlterationRow).where(
            PriceAlterationRow.store_id == pricelist.store_id,
            PriceAlterationRow.status == PriceAlterationStatus.ACTIVE,
            PriceAlterationRow.start_date <= on,
        )
    ).first()
    if alteration is not None and (alteration.end_date is None or alteration.end_date >= on):
        rows = session.exec(
            select(AlteredPriceRow).where(
                AlteredPriceRow.price_alteration_id == alteration.id,
                AlteredPriceRow.pricelist_id == pricelist_id,
                AlteredPriceRow.product_id == product_id,
            )
        ).all()
        altered = pick_price(rows, variant_id)
        if altered is not None:
            return altered.price
    return price_for(session, pricelist_id, product_id, variant_id)


# --- applying one input --------------------------------------------------------------------


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
                .where(col(target.table.product_id) == product.id)
                .where(col(target.table.variant_id).is_not(None))
            )
        _apply_variants(uow, target, product, item, currency, ipath, result)
        changed.append(product)
    session.flush()
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
                .where(col(target.table.product_id) == product.id)
                .where(col(target.table.variant_id) == variant.id)
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
    stmt = target.where(select(target.table)).where(col(target.table.product_id) == product_id)
    if variant_id is None:
        stmt = stmt.where(col(target.table.variant_id).is_(None))
    else:
        stmt = stmt.where(col(target.table.variant_id) == variant_id)
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
