"""Custom attributes on objects: dynamic element values and selected mapped attributes."""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mockcentra.storage.tables.base import Row
from mockcentra.storage.types import AwareDateTime

__all__ = ["AttributeValueRow", "MappedAttributeSelectionRow"]


class AttributeValueRow(Row):
    """One element value of a dynamic attribute type on one object (unique per element)."""

    __tablename__ = "attribute_value"
    __table_args__ = (
        UniqueConstraint("object_type", "object_id", "attribute_type", "element_key"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    object_type: Mapped[str]
    object_id: Mapped[int]
    attribute_type: Mapped[str]
    element_key: Mapped[str]
    value: Mapped[str] = mapped_column(default="")
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime)


class MappedAttributeSelectionRow(Row):
    """A mapped attribute (a predefined value of a mapped type) selected on one object."""

    __tablename__ = "mapped_attribute_selection"
    __table_args__ = (UniqueConstraint("object_type", "object_id", "attribute_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    object_type: Mapped[str]
    object_id: Mapped[int] = mapped_column(index=True)
    attribute_type: Mapped[str]
    attribute_id: Mapped[int]
