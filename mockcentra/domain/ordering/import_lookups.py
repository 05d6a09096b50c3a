"""What an imported order names, found: its store, country, market and pricelist, each product
size (by id, EAN or SKU); and whether the market's warehouses have the units free."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlmodel import select

from mockcentra.domain.catalog import skus
from mockcentra.domain.errors import DomainError, ErrorCode, invalid, not_found
from mockcentra.domain.pricing import location
from mockcentra.domain.stock import allocation
from mockcentra.domain.stock.explain import explain_stock
from mockcentra.storage.tables import (
    CountryRow,
    MarketRow,
    PricelistRow,
    ProductSizeRow,
    StockRow,
    StoreRow,
)
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import UnitOfWork


def store_of(uow: UnitOfWork, store_id: int | None) -> StoreRow:
    """The store given, else the first direct-to-consumer store."""
    if store_id is not None:
        store = uow.session.get(StoreRow, store_id)
        if store is None:
            raise not_found("store", store_id, ["store"])
        return store
    store = uow.session.exec(
        select(StoreRow).where(StoreRow.type == "DIRECT_TO_CONSUMER").order_by(StoreRow.id)
    ).first()
    if store is None:
        raise DomainError(ErrorCode.NOT_FOUND, "The instance has no direct-to-consumer store.")
    return store


def country_of(uow: UnitOfWork, code: Any, path: list[Any]) -> CountryRow:
    """A country by its ISO code (any case); required."""
    if not code:
        raise DomainError(ErrorCode.REQUIRED, "country is required.", path)
    country = uow.session.exec(
        select(CountryRow).where(CountryRow.code == str(code).upper())
    ).first()
    if country is None:
        raise invalid(f"Unknown country {code}.", path)
    return country


def market_of(
    uow: UnitOfWork,
    store: StoreRow,
    country: CountryRow,
    market_id: int | None,
    market_name: str | None,
) -> MarketRow:
    """The market given by id or name, else the store's market for the country."""
    given = _given(uow, MarketRow, store, "market", market_id, market_name)
    return given or location.market_for_country(uow.session, key(store), country)


def pricelist_of(
    uow: UnitOfWork,
    store: StoreRow,
    country: CountryRow,
    pricelist_id: int | None,
    pricelist_name: str | None,
) -> PricelistRow:
    """The pricelist given by id or name, else the store's pricelist for the country."""
    given = _given(uow, PricelistRow, store, "pricelist", pricelist_id, pricelist_name)
    return given or location.pricelist_for_country(uow.session, key(store), country)


def _given(
    uow: UnitOfWork, row: Any, store: StoreRow, what: str, row_id: int | None, name: str | None
) -> Any:
    """The store's `what` named by id (field `<what>Id`) or by name (field `<what>`); None when
    the import names neither, refused when it names one that does not exist."""
    stmt = select(row).where(row.store_id == store.id)
    if row_id is not None:
        found = uow.session.exec(stmt.where(row.id == row_id)).first()
        if found is None:
            raise not_found(what, row_id, [f"{what}Id"])
        return found
    if name:
        found = uow.session.exec(stmt.where(row.name == name)).first()
        if found is None:
            raise not_found(what, name, [what], by="name")
        return found
    return None


def product_size(
    uow: UnitOfWork,
    path: list[Any],
    *,
    size_id: int | None,
    ean: str | None,
    sku: str | None,
) -> ProductSizeRow:
    """A product size by id, else by EAN, else by SKU."""
    session = uow.session
    if size_id is not None:
        size = session.get(ProductSizeRow, size_id)
        if size is None:
            raise not_found("product size", size_id, [*path, "id"])
        return size
    if ean:
        size = session.exec(select(ProductSizeRow).where(ProductSizeRow.ean == ean)).first()
        if size is None:
            raise not_found("product size", ean, [*path, "ean"], by="EAN")
        return size
    if sku:
        size = session.exec(
            skus.sizes_query().where(skus.names_size(sku)).order_by(ProductSizeRow.id)
        ).first()
        if size is None:
            raise not_found("product size", sku, [*path, "sku"], by="SKU")
        return size
    raise DomainError(ErrorCode.REQUIRED, "Give the product by id, ean or sku.", path)


def check_free_stock(uow: UnitOfWork, market_id: int, wanted: dict[int, tuple[int, str]]) -> None:
    """Refuse when the market's warehouses have fewer free units of a size than wanted (size
    id -> units and the name the refusal uses)."""
    warehouses = allocation.warehouses_for_market(uow.session, market_id)
    for size_id, (quantity, label) in wanted.items():
        free = uow.session.exec(
            select(func.coalesce(func.sum(StockRow.physical - StockRow.allocated), 0)).where(
                StockRow.product_size_id == size_id, StockRow.warehouse_id.in_(warehouses)
            )
        ).one()
        if int(free) < quantity:
            raise DomainError(
                ErrorCode.INSUFFICIENT_STOCK,
                f"Not enough stock for {label}: {max(0, int(free))} free, {quantity} ordered.",
                ["products"],
                explain=explain_stock(
                    uow.session, "stock.free_to_allocate", size_id, warehouses, ordered=quantity
                ),
            )
