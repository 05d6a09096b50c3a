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

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from mockcentra.domain.catalog.status import ProductStatus, VariantStatus
from mockcentra.domain.displays.status import DisplayStatus
from mockcentra.domain.errors import DomainError, DomainWarning, ErrorCode, invalid
from mockcentra.domain.media.media import DisplayMediaSpec, set_display_media
from mockcentra.domain.refs import Ref, existing, resolve
from mockcentra.domain.uris import uri_from_name, validate_uri
from mockcentra.storage.tables import (
    CategoryRow,
    DisplayCategoryRow,
    DisplayMarketRow,
    DisplayRow,
    DisplayVariantRow,
    MarketRow,
    ProductRow,
    StoreRow,
    VariantRow,
)
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import PendingEvent, UnitOfWork

Path = Sequence[str | int]
MAX_CATEGORY_DEPTH = 3

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


@dataclass
class CategorySpec:
    store: Any
    name: str
    status: DisplayStatus = DisplayStatus.ACTIVE
    uri: str | None = None
    parent_category: Any = None
    meta_title: str | None = None
    meta_description: str | None = None
    meta_keywords: str | None = None


#: Category fields `updateCategory` changes (the uri and place in the tree stay).
CATEGORY_TEXT_FIELDS = ("meta_title", "meta_description", "meta_keywords")


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


def create_category(uow: UnitOfWork, spec: CategorySpec) -> CategoryRow:
    """A category in a store, at most three levels deep; its uri is the path of slugs."""
    session = uow.session
    name = _category_name(spec.name)
    store = resolve(uow, StoreRow, spec.store, ["store"], kind="Store", object_type="Store")
    parent = None
    if spec.parent_category is not None:
        parent = resolve(
            uow,
            CategoryRow,
            spec.parent_category,
            ["parentCategory"],
            kind="Category",
            object_type="Category",
        )
        if parent.store_id != store.id:
            raise DomainError(
                ErrorCode.CONFLICT,
                f"Category {parent.id} does not belong to store {store.name}.",
                ["parentCategory"],
            )
        if _depth(session, parent) >= MAX_CATEGORY_DEPTH:
            raise invalid(
                f"Categories can be at most {MAX_CATEGORY_DEPTH} levels deep.",
                ["parentCategory"],
            )
    given = (spec.uri or "").strip()
    segment = validate_uri(given, ["uri"]) if given else uri_from_name(name)
    if not segment:  # a name with no latin letters: Centra's exact reply is not documented
        raise invalid("Category URI cannot be generated from this name; give a uri.", ["name"])
    uri = f"{parent.uri}/{segment}" if parent is not None else segment
    clash = session.exec(
        select(CategoryRow.id).where(CategoryRow.store_id == store.id, CategoryRow.uri == uri)
    ).first()
    if clash is not None:
        raise DomainError(
            ErrorCode.DUPLICATE,
            f"Category URI {uri} is already used in store {store.name}.",
            ["uri" if spec.uri else "name"],
        )
    category = CategoryRow(
        store_id=key(store),
        name=name,
        uri=uri,
        parent_id=parent.id if parent else None,
        status=spec.status.value,
        meta_title=spec.meta_title,
        meta_description=spec.meta_description,
        meta_keywords=spec.meta_keywords,
    )
    session.add(category)
    session.flush()
    return category


def category_to_change(uow: UnitOfWork, category_id: int) -> CategoryRow:
    """The category `updateCategory` changes (errors point at the id)."""
    return resolve(uow, CategoryRow, Ref(id=category_id), [], kind="Category")


def update_category(uow: UnitOfWork, category: CategoryRow, changes: dict[str, Any]) -> CategoryRow:
    """Rename, change the status or the meta texts (a key given with None clears a meta text).

    The uri and the place in the tree do not change here (children's uris depend on them).
    """
    for attr, value in changes.items():
        if attr == "name":
            category.name = _category_name(value)
        elif attr == "status":
            category.status = DisplayStatus(value).value
        elif attr in CATEGORY_TEXT_FIELDS:
            setattr(category, attr, value)
    uow.session.add(category)
    uow.session.flush()
    return category


def _category_name(value: str | None) -> str:
    name = (value or "").strip()
    if not name:
        raise invalid("Category name cannot be empty.", ["name"])
    return name


def sellable_display_for_variant(
    session: Session, store_id: int, market_id: int | None, variant_id: int
) -> DisplayRow | None:
    """The ACTIVE display that sells this variant in this store and market, or None.

    The variant must be on the display and ACTIVE, its product ACTIVE, and when the display
    lists markets, `market_id` must be one of them.
    """
    stmt = (
        select(DisplayRow)
        .join(DisplayVariantRow, col(DisplayVariantRow.display_id) == DisplayRow.id)
        .join(VariantRow, col(VariantRow.id) == DisplayVariantRow.variant_id)
        .join(ProductRow, col(ProductRow.id) == DisplayRow.product_id)
        .where(
            DisplayRow.store_id == store_id,
            DisplayRow.status == DisplayStatus.ACTIVE,
            DisplayVariantRow.variant_id == variant_id,
            VariantRow.status == VariantStatus.ACTIVE,
            ProductRow.status == ProductStatus.ACTIVE,
        )
    )
    display = session.exec(stmt).first()
    if display is None:
        return None
    markets = session.exec(
        select(DisplayMarketRow.market_id).where(DisplayMarketRow.display_id == display.id)
    ).all()
    if markets and market_id not in markets:
        return None
    return display


# --- helpers -------------------------------------------------------------------------------


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
    session = uow.session
    warnings: list[DomainWarning] = []
    # variants
    for i, ref in enumerate(spec.remove_product_variants or []):
        variant = _variant(uow, ref, ["removeProductVariants", i])
        link = _display_item(session, key(display), key(variant))
        if link is not None:
            session.delete(link)
    for i, ref in enumerate(spec.add_product_variants or []):
        path: list[str | int] = ["addProductVariants", i, "productVariant"]
        variant = _variant(uow, ref, path)
        if variant.product_id != display.product_id:
            raise DomainError(
                ErrorCode.CONFLICT,
                f"Product variant {variant.id} belongs to product {variant.product_id}; you can "
                f"only add variants of the same product ({display.product_id}) to a display.",
                path,
            )
        if _display_item(session, key(display), key(variant)) is None:
            session.add(DisplayVariantRow(display_id=key(display), variant_id=key(variant)))
            session.flush()
    # markets
    for i, ref in enumerate(spec.remove_markets or []):
        market = _market(uow, ref, store, ["removeMarkets", i])
        market_link = session.get(DisplayMarketRow, (display.id, market.id))
        if market_link is not None:
            session.delete(market_link)
    for i, ref in enumerate(spec.add_markets or []):
        market = _market(uow, ref, store, ["addMarkets", i])
        if session.get(DisplayMarketRow, (display.id, market.id)) is None:
            session.add(DisplayMarketRow(display_id=key(display), market_id=key(market)))
            session.flush()
    # categories
    for i, ref in enumerate(spec.remove_categories or []):
        category = _category(uow, ref, store, ["removeCategories", i])
        category_link = session.get(DisplayCategoryRow, (display.id, category.id))
        if category_link is not None:
            session.delete(category_link)
        if display.canonical_category_id == category.id:
            display.canonical_category_id = None
    adds: list[tuple[Any, list[str | int]]] = [
        (ref, ["addCategories", i]) for i, ref in enumerate(spec.add_categories or [])
    ]
    if spec.canonical_category is not None:
        canonical = _category(uow, spec.canonical_category, store, ["canonicalCategory"])
        display.canonical_category_id = canonical.id
        adds.append((spec.canonical_category, ["canonicalCategory"]))
    for ref, path in adds:
        category = _category(uow, ref, store, path)
        if session.get(DisplayCategoryRow, (display.id, category.id)) is None:
            session.add(DisplayCategoryRow(display_id=key(display), category_id=key(category)))
            session.flush()
    # media: `addProductMedia` items are (media, before) pairs
    if spec.add_product_media or spec.remove_product_media:
        set_display_media(
            uow,
            display,
            [DisplayMediaSpec(media, before) for media, before in spec.add_product_media],
            list(spec.remove_product_media),
        )
    # accepted, not kept
    if spec.tax_group is not None:
        warnings.append(
            DomainWarning("Tax groups are not stored by mockcentra, ignored.", ["taxGroup"])
        )
    session.flush()
    return warnings


def _display_item(session: Session, display_id: int, variant_id: int) -> DisplayVariantRow | None:
    """The variant's item on the display (its activation there), if it is active on it."""
    stmt = select(DisplayVariantRow).where(
        DisplayVariantRow.display_id == display_id, DisplayVariantRow.variant_id == variant_id
    )
    return session.exec(stmt).first()


def _variant(uow: UnitOfWork, ref: Any, path: Path) -> VariantRow:
    return resolve(uow, VariantRow, ref, path, kind="ProductVariant", object_type="ProductVariant")


def _market(uow: UnitOfWork, ref: Any, store: StoreRow, path: Path) -> MarketRow:
    market = resolve(uow, MarketRow, ref, path, kind="Market", object_type="Market")
    if market.store_id != store.id:
        raise DomainError(
            ErrorCode.CONFLICT, f"Market {market.id} does not belong to store {store.name}.", path
        )
    return market


def _category(uow: UnitOfWork, ref: Any, store: StoreRow, path: Path) -> CategoryRow:
    category = resolve(uow, CategoryRow, ref, path, kind="Category", object_type="Category")
    if category.store_id != store.id:
        raise DomainError(
            ErrorCode.CONFLICT,
            f"Category {category.id} does not belong to store {store.name}.",
            path,
        )
    return category


def _depth(session: Session, category: CategoryRow) -> int:
    depth = 1
    while category.parent_id is not None:
        category = stored(session, CategoryRow, category.parent_id)
        depth += 1
    return depth
