"""Product media: images stored with their product (and optionally one variant), in order.

Files are kept in the database (so snapshots and resets include them) under a key made of
their SHA-1 and extension, and served back by mockcentra under `/media/images/...`. Centra
resizes each image into its configured sizes; mockcentra serves the original file for every
size and reports the size's limits.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from mockcentra.domain.errors import DomainError, ErrorCode, not_found
from mockcentra.domain.listing import page, sorted_by
from mockcentra.domain.media.images import sniff
from mockcentra.domain.refs import Ref, resolve
from mockcentra.storage.tables import (
    DisplayMediaRow,
    DisplayRow,
    MediaFileRow,
    ProductMediaRow,
    ProductRow,
    VariantRow,
)
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import PendingEvent, UnitOfWork

Path = Sequence[str | int]


@dataclass(frozen=True)
class MediaSize:
    """One of the instance's image sizes (Centra: Settings -> Image sizes)."""

    name: str
    max_width: int | None
    max_height: int | None
    quality: int


MEDIA_SIZES = (
    MediaSize("standard", 1200, 1600, 85),
    MediaSize("thumb", 300, 400, 80),
    MediaSize("full", None, None, 100),
)
DEFAULT_SIZE = "standard"


def media_size(name: str) -> MediaSize | None:
    return next((s for s in MEDIA_SIZES if s.name == name), None)


class NotAnImage(ValueError):
    """The bytes are not a PNG, JPEG or GIF."""


def store_file(uow: UnitOfWork, data: bytes) -> tuple[str, Any]:
    """Keep the bytes (once per content) and answer their key and image info."""
    info = sniff(data)
    if info is None:
        raise NotAnImage("The file is not a PNG, JPEG or GIF image.")
    key = f"{hashlib.sha1(data).hexdigest()}.{info.extension}"
    if uow.session.get(MediaFileRow, key) is None:
        uow.session.add(MediaFileRow(key=key, mime_type=info.mime_type, data=data))
        uow.session.flush()
    return key, info


def add_media(
    uow: UnitOfWork,
    product_id: int,
    variant_id: int | None,
    data: bytes,
    meta_data: dict[str, Any],
    original_url: str | None = None,
) -> ProductMediaRow:
    """A new image last in its product's order; the metadata gains Centra's automatic keys
    (originalUrl, originalSha1, originalWidth, originalHeight)."""
    key, info = store_file(uow, data)
    last = uow.session.exec(
        select(func.max(ProductMediaRow.position)).where(ProductMediaRow.product_id == product_id)
    ).first()
    meta = dict(meta_data)
    if original_url is not None:
        meta["originalUrl"] = original_url
    meta.update(
        originalSha1=hashlib.sha1(data).hexdigest(),
        originalWidth=info.width,
        originalHeight=info.height,
    )
    row = ProductMediaRow(
        product_id=product_id,
        variant_id=variant_id,
        position=(last or 0) + 1,
        file_key=key,
        mime_type=info.mime_type,
        width=info.width,
        height=info.height,
        meta_data=meta,
        created_at=uow.clock.now(),
    )
    uow.session.add(row)
    uow.session.flush()
    for object_type, object_id in (("Product", product_id), ("ProductVariant", variant_id)):
        if object_id is not None:
            uow.emit(PendingEvent(object_type, "DEPENDENT_DATA_CHANGED", str(object_id)))
    return row


def delete_media(uow: UnitOfWork, media_id: int) -> None:
    """Remove an image from its product and from every display showing it."""
    media = resolve(uow, ProductMediaRow, Ref(id=media_id), [], kind="ProductMedia")
    for link in uow.session.exec(
        select(DisplayMediaRow).where(DisplayMediaRow.media_id == media.id)
    ):
        uow.session.delete(link)
    uow.session.delete(media)
    uow.session.flush()
    uow.emit(PendingEvent("Product", "DEPENDENT_DATA_CHANGED", str(media.product_id)))


def file_of(session: Session, key: str) -> MediaFileRow | None:
    return session.get(MediaFileRow, key)


def product_media(
    session: Session,
    *,
    product_ids: Sequence[int] | None = None,
    variant_ids: Sequence[int] | None = None,
    sort: Sequence[Any] | None = None,
    limit: int | None = None,
    page_number: int | None = None,
) -> Sequence[ProductMediaRow]:
    """Media by `sort` (`id`, `position`; position order by default)."""
    stmt = select(ProductMediaRow)
    if product_ids is not None:
        stmt = stmt.where(ProductMediaRow.product_id.in_(list(product_ids)))
    if variant_ids is not None:
        stmt = stmt.where(ProductMediaRow.variant_id.in_(list(variant_ids)))
    columns = {"id": ProductMediaRow.id, "position": ProductMediaRow.position}
    ordered = sorted_by(stmt, sort or ["position_ASC"], columns, ProductMediaRow.id)
    return page(session, ordered, limit, page_number)


def media_by_display(
    session: Session, display_ids: Sequence[int]
) -> dict[int, list[ProductMediaRow]]:
    """The media each display shows, in the display's order, in one query."""
    stmt = (
        select(DisplayMediaRow.display_id, ProductMediaRow)
        .join(ProductMediaRow, ProductMediaRow.id == DisplayMediaRow.media_id)
        .where(DisplayMediaRow.display_id.in_(list(display_ids)))
        .order_by(DisplayMediaRow.display_id, DisplayMediaRow.position, DisplayMediaRow.id)
    )
    out: dict[int, list[ProductMediaRow]] = {}
    for display_id, media in session.exec(stmt):
        out.setdefault(display_id, []).append(media)
    return out


@dataclass(frozen=True)
class DisplayMediaSpec:
    """`addProductMedia` item: a media of the display's product, optionally before another."""

    media: Any
    before: Any = None


def set_display_media(
    uow: UnitOfWork,
    display: DisplayRow,
    add: Sequence[DisplayMediaSpec],
    remove: Sequence[Any],
) -> None:
    """Remove, then add (or move, when already shown) media on a display, keeping the order."""
    _remove_from_display(uow, display, remove)
    order = _display_order(uow.session, display)
    for i, item in enumerate(add):
        _place_on_display(uow, display, order, item, ["addProductMedia", i])
    _save_display_order(uow.session, display, order)


def _remove_from_display(uow: UnitOfWork, display: DisplayRow, remove: Sequence[Any]) -> None:
    """Unlink each media from the display; one it does not show is no error."""
    session = uow.session
    for i, ref in enumerate(remove):
        media = _media(uow, ref, ["removeProductMedia", i])
        link = session.exec(
            select(DisplayMediaRow).where(
                DisplayMediaRow.display_id == display.id, DisplayMediaRow.media_id == media.id
            )
        ).first()
        if link is not None:
            session.delete(link)
    session.flush()


def _display_order(session: Session, display: DisplayRow) -> list[int]:
    """The ids of the media the display shows, in its order."""
    return [
        link.media_id
        for link in session.exec(
            select(DisplayMediaRow)
            .where(DisplayMediaRow.display_id == display.id)
            .order_by(DisplayMediaRow.position, DisplayMediaRow.id)
        )
    ]


def _place_on_display(
    uow: UnitOfWork,
    display: DisplayRow,
    order: list[int],
    item: DisplayMediaSpec,
    path: list[str | int],
) -> None:
    """Put the media into `order` before `item.before` (or last), moving it if already there."""
    media = _media(uow, item.media, [*path, "productMedia"])
    if media.product_id != display.product_id:
        raise DomainError(
            ErrorCode.CONFLICT,
            f"Product media {media.id} belongs to product {media.product_id}; a display "
            f"shows media of its own product ({display.product_id}).",
            [*path, "productMedia"],
        )
    if media.id in order:
        order.remove(media.id)
    if item.before is not None:
        before = _media(uow, item.before, [*path, "before"])
        if before.id not in order:
            raise DomainError(
                ErrorCode.CONFLICT,
                f"Product media {before.id} is not on display {display.id}.",
                [*path, "before"],
            )
        order.insert(order.index(key(before)), key(media))
    else:
        order.append(key(media))


def _save_display_order(session: Session, display: DisplayRow, order: list[int]) -> None:
    """Number the display's links 1.. in `order`, creating links for newly added media."""
    existing = {
        link.media_id: link
        for link in session.exec(
            select(DisplayMediaRow).where(DisplayMediaRow.display_id == display.id)
        )
    }
    for position, media_id in enumerate(order, start=1):
        link = existing.get(media_id) or DisplayMediaRow(display_id=key(display), media_id=media_id)
        link.position = position
        session.add(link)
    session.flush()


def _media(uow: UnitOfWork, ref: Any, path: Path) -> ProductMediaRow:
    return resolve(uow, ProductMediaRow, ref, path, kind="ProductMedia", object_type="ProductMedia")


def owner_checked(uow: UnitOfWork, product_id: int, variant_id: int | None, path: Path) -> None:
    """The product exists and the variant (if any) is one of its variants."""
    if uow.session.get(ProductRow, product_id) is None:
        raise not_found("Product", product_id, [*path, "productId"])
    if variant_id is None:
        return
    variant = uow.session.get(VariantRow, variant_id)
    if variant is None:
        raise not_found("ProductVariant", variant_id, [*path, "variantId"])
    if variant.product_id != product_id:
        raise DomainError(
            ErrorCode.CONFLICT,
            f"Product variant {variant_id} does not belong to product {product_id}.",
            [*path, "variantId"],
        )
