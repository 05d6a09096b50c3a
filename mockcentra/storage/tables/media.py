"""Product media: image files (kept in the database), their place on products and displays,
and media batches (`createMediaBatch`) with their items."""

from datetime import datetime
from typing import Any

from sqlalchemy import LargeBinary, UniqueConstraint
from sqlmodel import Field

from mockcentra.storage.tables.base import Row, empty_dict
from mockcentra.storage.types import AwareDateTime, JsonDict

__all__ = [
    "MediaFileRow",
    "ProductMediaRow",
    "DisplayMediaRow",
    "MediaBatchRow",
    "MediaBatchItemRow",
]


class MediaFileRow(Row, table=True):
    """The bytes of an uploaded or imported file, served back under /media/ by its key."""

    __tablename__ = "media_file"
    key: str = Field(primary_key=True)  # e.g. "3f2a...9c.png"
    mime_type: str
    data: bytes = Field(sa_type=LargeBinary)


class ProductMediaRow(Row, table=True):
    """An image of a product (or of one of its variants), in display order."""

    __tablename__ = "product_media"
    id: int | None = Field(default=None, primary_key=True)
    product_id: int = Field(foreign_key="product.id", index=True)
    variant_id: int | None = Field(default=None, foreign_key="product_variant.id")
    position: int = 0
    file_key: str = Field(foreign_key="media_file.key")
    mime_type: str
    width: int
    height: int
    meta_data: dict[str, Any] = Field(default_factory=empty_dict, sa_type=JsonDict)
    created_at: datetime = Field(sa_type=AwareDateTime)


class DisplayMediaRow(Row, table=True):
    """A product image shown on a display, in the display's own order."""

    __tablename__ = "display_media"
    __table_args__ = (UniqueConstraint("display_id", "media_id"),)
    id: int | None = Field(default=None, primary_key=True)
    display_id: int = Field(foreign_key="display.id", index=True)
    media_id: int = Field(foreign_key="product_media.id")
    position: int = 0


class MediaBatchRow(Row, table=True):
    __tablename__ = "media_batch"
    queue_id: str = Field(primary_key=True)  # 32 hex digits
    status: str = "PENDING"  # BatchStatus
    created_at: datetime = Field(sa_type=AwareDateTime)


class MediaBatchItemRow(Row, table=True):
    """One file of a batch: where it comes from and, once processed, the media it became."""

    __tablename__ = "media_batch_item"
    id: int | None = Field(default=None, primary_key=True)
    queue_id: str = Field(foreign_key="media_batch.queue_id", index=True)
    position: int
    product_id: int
    variant_id: int | None = None
    url: str
    meta_data: dict[str, Any] = Field(default_factory=empty_dict, sa_type=JsonDict)
    completed: bool = False
    media_id: int | None = None
    error: str | None = None
