"""Stock changes sent by integrations: `changeStock` (relative) and `setStock` (absolute).

Each call is one unit: every size is checked and applied in order, and the first refusal
raises a DomainError so the whole call leaves nothing behind (the caller's savepoint).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlmodel import select

from mockcentra.domain.errors import DomainError, DomainWarning, ErrorCode, invalid, not_found
from mockcentra.domain.refs import resolve
from mockcentra.domain.stock import rules
from mockcentra.domain.stock.levels import adjust_level, level_of
from mockcentra.domain.stock.status import StockChangeType, StockQuantityType
from mockcentra.domain.stock.warehouses import find_warehouse
from mockcentra.storage.records import record_by_key
from mockcentra.storage.tables import (
    CurrencyRow,
    ProductSizeRow,
    SizeRow,
    StockChangeLineRow,
    StockChangeRow,
    VariantRow,
    WarehouseRow,
)
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import PendingEvent, UnitOfWork, insert_new

Path = list[str | int]


@dataclass(frozen=True)
class SizeQuantity:
    """One size of a variant (`{id}`, `{externalId}` or `{name}` in its chart) and a quantity."""

    size: Any
    quantity: int


@dataclass(frozen=True)
class VariantQuantities:
    """One `productVariants` entry of changeStock or setStock."""

    product_variant: Any
    sizes: Sequence[SizeQuantity] = field(default_factory=list)
    unit_cost: Decimal | None = None
    unit_cost_currency: str | None = None


# ---------------------------------------------------------------- recording


def new_change(uow: UnitOfWork, kind: StockChangeType, description: str | None) -> StockChangeRow:
    change = StockChangeRow(description=description, kind=kind.value, created_at=uow.clock.now())
    insert_new(uow.session, change)
    return change


def add_line(
    uow: UnitOfWork,
    change: StockChangeRow,
    warehouse_id: int,
    product_size_id: int,
    *,
    physical: int = 0,
    allocated: int = 0,
    unit_cost: Decimal | None = None,
    unit_cost_currency: str | None = None,
) -> StockChangeLineRow:
    line = StockChangeLineRow(
        stock_change_id=key(change),
        warehouse_id=warehouse_id,
        product_size_id=product_size_id,
        physical_delta=physical,
        allocated_delta=allocated,
        unit_cost=unit_cost,
        unit_cost_currency=unit_cost_currency if unit_cost is not None else None,
    )
    insert_new(uow.session, line)
    return line


def announce_variant(uow: UnitOfWork, variant_id: int) -> None:
    """Stock is dependent data of the variant: one ProductVariant DEPENDENT_DATA_CHANGED event
    per variant and transaction (Centra's exact event for stock changes is not documented)."""
    ref = str(variant_id)
    for ev in uow.events:
        if (ev.object_type, ev.change_type, ev.object_ref) == (
            "ProductVariant",
            "DEPENDENT_DATA_CHANGED",
            ref,
        ):
            return
    uow.emit(PendingEvent("ProductVariant", "DEPENDENT_DATA_CHANGED", ref))


def announce_size(uow: UnitOfWork, product_size_id: int) -> None:
    size = record_by_key(uow.session, ProductSizeRow, product_size_id)  # usually already read
    if size is not None:
        announce_variant(uow, size.variant_id)


# ---------------------------------------------------------------- resolving input


def find_variant(uow: UnitOfWork, ref: Any, path: Path) -> VariantRow:
    variant = resolve(
        uow,
        VariantRow,
        ref,
        path,
        kind="ProductVariant",
        object_type="ProductVariant",
        only_read=True,
    )
    if variant.is_bundle_variant:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Product variant {variant.id} is a bundle: its stock comes from the bundled variants.",
            path,
        )
    return variant


def find_product_size(uow: UnitOfWork, variant: VariantRow, ref: Any, path: Path) -> ProductSizeRow:
    """The variant's activated size for `{id}`/`{externalId}` of a chart size or its `{name}`."""
    size = resolve(
        uow,
        SizeRow,
        ref,
        path,
        kind="Size",
        object_type="Size",
        natural={"size_chart_id": variant.size_chart_id},
        only_read=True,
    )
    if size.size_chart_id != variant.size_chart_id:
        raise DomainError(
            ErrorCode.CONFLICT,
            f"Size {size.name} is not in the size chart of product variant {variant.id}.",
            path,
        )
    product_size = uow.session.exec(
        select(ProductSizeRow).where(
            ProductSizeRow.variant_id == variant.id, ProductSizeRow.size_id == size.id
        )
    ).first()
    if product_size is None:
        raise DomainError(
            ErrorCode.CONFLICT,
            f"Size {size.name} is not activated for product variant {variant.id}.",
            path,
        )
    return product_size


def _check_unit_cost(uow: UnitOfWork, entry: VariantQuantities, path: Path) -> None:
    if entry.unit_cost is None:
        return
    if entry.unit_cost < 0:
        raise invalid("Unit cost cannot be negative.", [*path, "unitCost", "value"])
    code = (entry.unit_cost_currency or "").upper()
    if not uow.session.exec(select(CurrencyRow.id).where(CurrencyRow.code == code)).first():
        raise not_found(
            "Currency",
            entry.unit_cost_currency,
            [*path, "unitCost", "currencyIsoCode"],
            by="ISO code",
        )


def _require_variants(variants: Sequence[VariantQuantities]) -> None:
    if not variants:
        raise DomainError(
            ErrorCode.REQUIRED,
            "At least one product variant is required.",
            ["productVariants"],
        )


def _size_label(uow: UnitOfWork, product_size: ProductSizeRow) -> str:
    size = stored(uow.session, SizeRow, product_size.size_id)
    return f"size {size.name} of product variant {product_size.variant_id}"


# ---------------------------------------------------------------- changeStock


def change_stock(
    uow: UnitOfWork,
    *,
    into_warehouse: Any,
    out_from_warehouse: Any,
    description: str | None,
    variants: Sequence[VariantQuantities],
) -> StockChangeRow:
    """Into only adds physical stock; out only removes it (never below the allocated); both move
    it, at most the source's free-to-allocate."""
    if into_warehouse is None and out_from_warehouse is None:
        raise DomainError(
            ErrorCode.REQUIRED,
            "Provide intoWarehouse to add stock, outFromWarehouse to remove it, or both to move it.",
            [],
        )
    into = (
        find_warehouse(uow, into_warehouse, ["intoWarehouse"], only_read=True)
        if into_warehouse
        else None
    )
    out = (
        find_warehouse(uow, out_from_warehouse, ["outFromWarehouse"], only_read=True)
        if out_from_warehouse
        else None
    )
    if into is not None and out is not None and into.id == out.id:
        raise invalid(
            "intoWarehouse and outFromWarehouse must be different warehouses.",
            ["intoWarehouse"],
        )
    _require_variants(variants)
    change = new_change(uow, StockChangeType.CHANGE, description)
    for i, entry in enumerate(variants):
        vpath: Path = ["productVariants", i]
        variant = find_variant(uow, entry.product_variant, [*vpath, "productVariant"])
        _check_unit_cost(uow, entry, vpath)
        if not entry.sizes:
            raise DomainError(
                ErrorCode.REQUIRED, "At least one size change is required.", [*vpath, "sizeChanges"]
            )
        for j, sc in enumerate(entry.sizes):
            spath: Path = [*vpath, "sizeChanges", j]
            product_size = find_product_size(uow, variant, sc.size, [*spath, "size"])
            if sc.quantity <= 0:
                raise invalid(
                    "deliveredQuantity must be greater than 0.", [*spath, "deliveredQuantity"]
                )
            _change_size(uow, change, into, out, entry, product_size, sc.quantity, spath)
        announce_variant(uow, key(variant))
    uow.session.flush()
    return change


def _change_size(
    uow: UnitOfWork,
    change: StockChangeRow,
    into: WarehouseRow | None,
    out: WarehouseRow | None,
    entry: VariantQuantities,
    product_size: ProductSizeRow,
    quantity: int,
    spath: Path,
) -> None:
    """Move one size: out of `out` (never below its allocated), into `into`, a line for each."""
    unit_cost, currency = entry.unit_cost, _code(entry)
    if out is not None:
        _take_out(
            uow,
            out,
            product_size,
            quantity,
            moving=into is not None,
            path=[*spath, "deliveredQuantity"],
        )
        add_line(
            uow,
            change,
            key(out),
            key(product_size),
            physical=-quantity,
            unit_cost=unit_cost,
            unit_cost_currency=currency,
        )
    if into is not None:
        adjust_level(uow, key(into), key(product_size), physical=quantity)
        add_line(
            uow,
            change,
            key(into),
            key(product_size),
            physical=quantity,
            unit_cost=unit_cost,
            unit_cost_currency=currency,
        )


def _code(entry: VariantQuantities) -> str | None:
    return entry.unit_cost_currency.upper() if entry.unit_cost_currency else None


def _take_out(
    uow: UnitOfWork,
    warehouse: WarehouseRow,
    product_size: ProductSizeRow,
    quantity: int,
    *,
    moving: bool,
    path: Path,
) -> None:
    if adjust_level(uow, key(warehouse), key(product_size), physical=-quantity) is not None:
        return
    free = level_of(uow, key(warehouse), key(product_size)).free_to_allocate
    verb = "move" if moving else "remove"
    raise DomainError(
        ErrorCode.INSUFFICIENT_STOCK,
        f"Cannot {verb} {quantity} of {_size_label(uow, product_size)} from warehouse "
        f"{warehouse.name}: only {free} free to allocate.",
        path,
    )


# ---------------------------------------------------------------- setStock


def set_stock(
    uow: UnitOfWork,
    *,
    warehouse: Any,
    description: str | None,
    quantity_type: StockQuantityType,
    variants: Sequence[VariantQuantities],
) -> tuple[list[StockChangeRow], list[DomainWarning]]:
    """Write absolute levels: one stock change per variant entry, a line per size that moved.

    A physical level below the allocated quantity is raised to the allocated quantity with a
    userWarning (Centra's REST API clamps the same way; the GraphQL reply is not documented).
    """
    wh = find_warehouse(uow, warehouse, ["warehouse"], only_read=True)
    _require_variants(variants)
    fta = StockQuantityType(quantity_type) == StockQuantityType.FREE_TO_ALLOCATE
    changes: list[StockChangeRow] = []
    warnings: list[DomainWarning] = []
    for i, entry in enumerate(variants):
        vpath: Path = ["productVariants", i]
        variant = find_variant(uow, entry.product_variant, [*vpath, "productVariant"])
        _check_unit_cost(uow, entry, vpath)
        if not entry.sizes:
            raise DomainError(
                ErrorCode.REQUIRED,
                "At least one size stock level is required.",
                [*vpath, "sizeStockLevels"],
            )
        change = new_change(uow, StockChangeType.SET, description)
        changes.append(change)
        moved = False
        for j, level in enumerate(entry.sizes):
            spath: Path = [*vpath, "sizeStockLevels", j]
            product_size = find_product_size(uow, variant, level.size, [*spath, "size"])
            if level.quantity < 0:
                raise invalid("Stock value must be greater or equal to 0.", [*spath, "quantity"])
            moved = (
                _set_size(uow, wh, change, entry, product_size, level, fta, spath, warnings)
                or moved
            )
        if moved:
            announce_variant(uow, key(variant))
    uow.session.flush()
    return changes, warnings


def _set_size(
    uow: UnitOfWork,
    wh: WarehouseRow,
    change: StockChangeRow,
    entry: VariantQuantities,
    product_size: ProductSizeRow,
    level: Any,
    fta: bool,
    spath: Path,
    warnings: list[DomainWarning],
) -> bool:
    """Set one size's level in the warehouse; whether it moved (a clamp adds a warning)."""
    current = level_of(uow, key(wh), key(product_size))
    target, clamped = rules.clamp_physical(
        rules.physical_for_set(level.quantity, current.allocated, free_to_allocate=fta),
        current.allocated,
    )
    if clamped:
        warnings.append(
            DomainWarning(
                f"Physical stock of {_size_label(uow, product_size)} in warehouse "
                f"{wh.name} was set to {target}, the allocated quantity, instead of "
                f"{level.quantity}.",
                [*spath, "quantity"],
            )
        )
    delta = target - current.physical
    if delta == 0:
        return False
    if adjust_level(uow, key(wh), key(product_size), physical=delta) is None:
        raise DomainError(  # only reachable if the level moved under us
            ErrorCode.CONFLICT,
            "Stock changed while it was being set.",
            [*spath, "quantity"],
        )
    add_line(
        uow,
        change,
        key(wh),
        key(product_size),
        physical=delta,
        unit_cost=entry.unit_cost,
        unit_cost_currency=_code(entry),
    )
    return True
