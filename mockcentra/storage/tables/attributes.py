"""Values of dynamic (configured) attributes on objects such as customers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from mockcentra.storage.tables.base import Row
from mockcentra.storage.types import AwareDateTime

__all__ = ["AttributeValueRow"]


class AttributeValueRow(Row, table=True):
    """One element value of a dynamic attribute type on one object (unique per element)."""

    __tablename__ = "attribute_value"
    __table_args__ = (
        UniqueConstraint("object_type", "object_id", "attribute_type", "element_key"),
    )
    id: int | None = Field(default=None, primary_key=True)
    object_type: str
    object_id: int
    attribute_type: str
    element_key: str
    value: str = ""
    updated_at: datetime = Field(sa_type=AwareDateTime)
