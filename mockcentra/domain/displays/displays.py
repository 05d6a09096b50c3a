"""Displays: how one product is presented in one store, and categories to file them under.

A display belongs to a store and a product (one display per product per store). It lists the
product's variants that are shown (each activation is a display item with its own id; taking
a variant off and on again gives it a new one), the markets it is visible in (none means
every market of the store), and its categories. A variant is sellable when its display is ACTIVE, the variant
is on the display and ACTIVE, and the shopper's market is one of the display's (if any).

Gaps: tax groups are accepted and answered with a warning, not stored.
The canonical category is also added to the display's categories.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam
from sqlmodel import Session, select

from mockcentra.domain.catalog.status import ProductStatus, VariantStatus
from mockcentra.domain.displays.relations import set_categories, set_markets, set_variants
from mockcentra.domain.displays.status import DisplayStatus
from mockcentra.domain.errors import DomainError, DomainWarning, ErrorCode, invalid
from mockcentra.domain.media.media import DisplayMediaSpec, set_display_media
from mockcentra.domain.refs import existing, resolve
from mockcentra.domain.uris import uri_from_name, validate_uri
from mockcentra.storage.records import memo_records
from mockcentra.storage.tables import (
    DisplayMarketRow,
    DisplayRow,
    DisplayVariantRow,
    ProductRow,
    StoreRow,
    VariantRow,
)
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import PendingEvent, UnitOfWork

# Plain display fields an input can set, with their input names (for error paths).
TEXT_FIELDS = {
    "description": "description",
    "short_description": "shortDescription",
    "meta_title": "metaTitle",
    "meta_description": "metaDescription",
    "meta_keywords": "metaKeywords",
    "comment": "comment",
}


@dataclass
class DisplaySpec:
    """createDisplay / updateDisplay input; None means "not given" (leave as it is)."""

    store: Any = None
    product: Any = None
    name: str | None = None
    status: str | None = None
    uri: str | None = None
    minimum_order_quantity: int | None = None
    order_quantity_denominator: int | None = None
    description: str | None = None
    short_description: str | None = None
    meta_title: str | None = None
    meta_description: str | None = None
    meta_keywords: str | None = None
    comment: str | None = None
    tags: list[str] | None = None
    canonical_category: Any = None
    add_categories: list[Any] = field(default_factory=list)
    remove_categories: list[Any] = field(default_factory=list)
    add_markets: list[Any] = field(default_factory=list)
    remove_markets: list[Any] = field(default_factory=list)
    add_product_media: list[Any] = field(default_factory=list)
    remove_product_media: list[Any] = field(default_factory=list)
    add_product_variants: list[Any] = field(default_factory=list)
    remove_product_variants: list[Any] = field(default_factory=list)
    tax_group: Any = None


def create_display(uow: UnitOfWork, spec: DisplaySpec) -> tuple[DisplayRow, list[DomainWarning]]:
    session = uow.session
    name = _name(spec.name)
    store = resolve(uow, StoreRow, spec.store, ["store"], kind="Store", object_type="Store")
    product = resolve(
        uow, ProductRow, spec.product, ["product"], kind="Product", object_type="Product"
    )
    taken = session.exec(
        select(DisplayRow.id).where(
            DisplayRow.store_id == store.id, DisplayRow.product_id == product.id
        )
    ).first()
    if taken is not None:
        raise DomainError(
            ErrorCode.DUPLICATE,
            f"Product {product.id} already has a display in store {store.name} (display {taken}).",
            ["product"],
        )
    now = uow.clock.now()
    display = DisplayRow(
        store_id=key(store),
        product_id=key(product),
        name=name,
        status=_status(spec.status),
        uri=_uri(uow, key(store), spec.uri, name, None),
        created_at=now,
        updated_at=now,
    )
    _set_plain_fields(display, spec)
    session.add(display)
    session.flush()
    warnings = _set_relations(uow, display, store, spec)
    session.flush()
    uow.emit(PendingEvent("Display", "CREATED", str(display.id), store_id=store.id))
    return display, warnings


def display_to_change(uow: UnitOfWork, display_id: int) -> DisplayRow:
    """The display `updateDisplay` changes (errors point at the id)."""
    return existing(uow, DisplayRow, display_id, kind="Display")


def update_display(
    uow: UnitOfWork, display: DisplayRow, spec: DisplaySpec
) -> tuple[DisplayRow, list[DomainWarning]]:
    """Change what the input gives. `uri: ""` generates the uri from the (new) name again."""
    session = uow.session
    store = stored(session, StoreRow, display.store_id)
    if spec.name is not None:
        display.name = _name(spec.name)
    if spec.status is not None:
        display.status = _status(spec.status)
    if spec.uri is not None:
        display.uri = _uri(uow, key(store), spec.uri, display.name, key(display))
    _set_plain_fields(display, spec)
    warnings = _set_relations(uow, display, store, spec)
    display.updated_at = uow.clock.now()
    session.add(display)
    session.flush()
    uow.emit(PendingEvent("Display", "UPDATED", str(display.id), store_id=store.id))
    return display, warnings


def sellable_display_for_variant(
    session: Session, store_id: int, market_id: int | None, variant_id: int
) -> DisplayRow | None:
    """The ACTIVE display that sells this variant in this store and market, or None, as a
    plain record (checkout and order import only read it).

    The variant must be on the display and ACTIVE, its product ACTIVE, and when the display
    lists markets, `market_id` must be one of them.
    """
    found = memo_records(
        session,
        (DisplayRow, ProductRow, DisplayVariantRow, VariantRow),
        _sellable_display(),
        {"variant": variant_id, "store": store_id},
    )
    if not found:
        return None
    display: DisplayRow = found[0]
    markets = [
        row.market_id
        for row in memo_records(
            session, (DisplayMarketRow,), _markets_of_display(), {"display": display.id}
        )
    ]
    if markets and market_id not in markets:
        return None
    return display


@functools.cache
def _sellable_display() -> Any:
    """Built once, the variant and store as parameters. The display is found through the
    variant's few display rows (its index), not through the store's displays: without table
    statistics SQLite would otherwise scan the store."""
    on_displays = (
        select(DisplayVariantRow.display_id)
        .join(VariantRow, VariantRow.id == DisplayVariantRow.variant_id)
        .where(
            DisplayVariantRow.variant_id == bindparam("variant"),
            VariantRow.status == VariantStatus.ACTIVE,
        )
    )
    return (
        select(DisplayRow)
        .join(ProductRow, ProductRow.id == DisplayRow.product_id)
        .where(
            DisplayRow.id.in_(on_displays),
            DisplayRow.store_id == bindparam("store"),
            DisplayRow.status == DisplayStatus.ACTIVE,
            ProductRow.status == ProductStatus.ACTIVE,
        )
        .order_by(DisplayRow.id)
    )


@functools.cache
def _markets_of_display() -> Any:
    return select(DisplayMarketRow).where(DisplayMarketRow.display_id == bindparam("display"))


def _name(value: str | None) -> str:
    name = (value or "").strip()
    if not name:
        raise invalid("Display name cannot be empty.", ["name"])
    return name


def _status(value: Any) -> str:
    return DisplayStatus(value or DisplayStatus.ACTIVE).value


def _uri(uow: UnitOfWork, store_id: int, given: str | None, name: str, own_id: int | None) -> str:
    """A given uri must be free in the store; a generated one gets -1, -2 ... until it is."""

    def taken(uri: str) -> bool:
        stmt = select(DisplayRow.id).where(DisplayRow.store_id == store_id, DisplayRow.uri == uri)
        if own_id is not None:
            stmt = stmt.where(DisplayRow.id != own_id)
        return uow.session.exec(stmt).first() is not None

    if given and given.strip():
        uri = validate_uri(given.strip(), ["uri"])
        if taken(uri):
            raise DomainError(
                ErrorCode.DUPLICATE,
                f"Display URI {uri} is already used in this store.",
                ["uri"],
            )
        return uri
    base = uri_from_name(name) or "display"
    uri, n = base, 0
    while taken(uri):
        n += 1
        uri = f"{base}-{n}"
    return uri


def _set_plain_fields(display: DisplayRow, spec: DisplaySpec) -> None:
    for attr in ("minimum_order_quantity", "order_quantity_denominator"):
        value = getattr(spec, attr)
        if value is None:
            continue
        if value < 1:
            name = "minimumOrderQuantity" if attr.startswith("min") else "orderQuantityDenominator"
            raise invalid(f"{name} must be 1 or more.", [name])
        setattr(display, attr, value)
    for attr in TEXT_FIELDS:
        value = getattr(spec, attr)
        if value is not None:
            setattr(display, attr, value)
    if spec.tags is not None:
        display.tags = [t for t in dict.fromkeys(t.strip() for t in spec.tags) if t]


def _set_relations(
    uow: UnitOfWork, display: DisplayRow, store: StoreRow, spec: DisplaySpec
) -> list[DomainWarning]:
    """The display's variants, markets, categories and media as the input changes them."""
    set_variants(uow, display, spec.add_product_variants or [], spec.remove_product_variants or [])
    set_markets(uow, display, store, spec.add_markets or [], spec.remove_markets or [])
    set_categories(
        uow,
        display,
        store,
        spec.add_categories or [],
        spec.remove_categories or [],
        spec.canonical_category,
    )
    # media: `addProductMedia` items are (media, before) pairs
    if spec.add_product_media or spec.remove_product_media:
        set_display_media(
            uow,
            display,
            [DisplayMediaSpec(media, before) for media, before in spec.add_product_media],
            list(spec.remove_product_media),
        )
    warnings: list[DomainWarning] = []
    # accepted, not kept
    if spec.tax_group is not None:
        warnings.append(
            DomainWarning("Tax groups are not stored by mockcentra, ignored.", ["taxGroup"])
        )
    uow.session.flush()
    return warnings
