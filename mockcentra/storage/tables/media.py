"""Product media: image files (kept in the database), their place on products and displays,
and media batches (`createMediaBatch`) with their items."""

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, LargeBinary, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mockcentra.storage.tables.base import Row, empty_dict
from mockcentra.storage.types import AwareDateTime, JsonDict

__all__ = [
    "MediaFileRow",
    "ProductMediaRow",
    "DisplayMediaRow",
    "MediaBatchRow",
    "MediaBatchItemRow",
]


class MediaFileRow(Row):
    """The bytes of an uploaded or imported file, served back under /media/ by its key."""

    __tablename__ = "media_file"
    key: Mapped[str] = mapped_column(primary_key=True)  # e.g. "3f2a...9c.png"
    mime_type: Mapped[str]
    data: Mapped[bytes] = mapped_column(LargeBinary)


class ProductMediaRow(Row):
    """An image of a product (or of one of its variants), in display order."""

    __tablename__ = "product_media"
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    variant_id: Mapped[int | None] = mapped_column(ForeignKey("product_variant.id"))
    position: Mapped[int] = mapped_column(default=0)
    file_key: Mapped[str] = mapped_column(ForeignKey("media_file.key"))
    mime_type: Mapped[str]
    width: Mapped[int]
    height: Mapped[int]
    meta_data: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=empty_dict)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)


class DisplayMediaRow(Row):
    """A product image shown on a display, in the display's own order."""

    __tablename__ = "display_media"
    __table_args__ = (UniqueConstraint("display_id", "media_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    display_id: Mapped[int] = mapped_column(ForeignKey("display.id"), index=True)
    media_id: Mapped[int] = mapped_column(ForeignKey("product_media.id"))
    position: Mapped[int] = mapped_column(default=0)


class MediaBatchRow(Row):
    __tablename__ = "media_batch"
    queue_id: Mapped[str] = mapped_column(primary_key=True)  # 32 hex digits
    status: Mapped[str] = mapped_column(default="PENDING")  # BatchStatus
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)


class MediaBatchItemRow(Row):
    """One file of a batch: where it comes from and, once processed, the media it became."""

    __tablename__ = "media_batch_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    queue_id: Mapped[str] = mapped_column(ForeignKey("media_batch.queue_id"), index=True)
    position: Mapped[int]
    product_id: Mapped[int]
    variant_id: Mapped[int | None]
    url: Mapped[str]
    meta_data: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=empty_dict)
    completed: Mapped[bool] = mapped_column(default=False)
    media_id: Mapped[int | None]
    error: Mapped[str | None]
