"""Custom attributes on objects: dynamic element values and selected mapped attributes."""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from mockcentra.storage.tables.base import Row
from mockcentra.storage.types import AwareDateTime

__all__ = ["AttributeValueRow", "MappedAttributeSelectionRow"]


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


class MappedAttributeSelectionRow(Row, table=True):
    """A mapped attribute (a predefined value of a mapped type) selected on one object."""

    __tablename__ = "mapped_attribute_selection"
    __table_args__ = (UniqueConstraint("object_type", "object_id", "attribute_id"),)
    id: int | None = Field(default=None, primary_key=True)
    object_type: str
    object_id: int = Field(index=True)
    attribute_type: str
    attribute_id: int
