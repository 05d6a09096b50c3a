"""Dynamic attributes on customers: `assignAttributes` and reading them back.

The attribute types come from the instance's configuration (domain/attributes/config.py). A
value is stored per (object, attribute type, element); an object "has" an attribute type once
any of its elements has a value. An empty value removes the element's value.

`readonly` types are read-only in the admin only: integrations set them through the API.

Gaps: only customers take dynamic attributes in mockcentra (products, variants, accounts and
orders do not); mapped attributes (`mappedAttributes`, `isMapped: true`) and file or image
elements are not modelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import delete, select

from mockcentra.domain.attributes.config import (
    AttributeConfig,
    AttributeTypeDef,
    ElementDef,
    ElementKind,
)
from mockcentra.domain.errors import DomainError, ErrorCode, invalid, not_found
from mockcentra.domain.listing import grouped_by
from mockcentra.storage.tables import AttributeValueRow, CustomerRow
from mockcentra.storage.uow import PendingEvent, UnitOfWork

Path = Sequence[str | int]
#: Object types whose objects take dynamic attributes here, and their tables.
SUPPORTED = {"Customer": CustomerRow}


@dataclass
class DynamicAttributeSpec:
    attribute_type_name: str
    attribute_element_key: str
    attribute_element_value: str


@dataclass(frozen=True)
class ElementValue:
    """One element of an attribute on an object, as read back."""

    definition: ElementDef
    value: str | None


@dataclass(frozen=True)
class AttributeView:
    """An attribute type on one object, with all of the type's elements."""

    type: AttributeTypeDef
    elements: tuple[ElementValue, ...]


def assign_attributes(
    uow: UnitOfWork,
    config: AttributeConfig,
    object_type: str,
    object_id: int,
    items: Sequence[DynamicAttributeSpec],
) -> Any:
    """Set element values on one object (all or nothing); answers the object."""
    table = SUPPORTED.get(object_type)
    if table is None:
        raise invalid(
            f"Assigning attributes to {object_type} objects is not supported.",
            ["input", "objectType"],
        )
    obj = uow.session.get(table, object_id)
    if obj is None:
        raise not_found(object_type, object_id, ["input", "objectId"])
    now = uow.clock.now()
    for i, item in enumerate(items):
        path = ["input", "dynamicAttributes", i]
        attribute = config.type(item.attribute_type_name)
        if attribute is None:
            raise DomainError(
                ErrorCode.NOT_FOUND,
                f'Attribute type "{item.attribute_type_name}" does not exist.',
                [*path, "attributeTypeName"],
            )
        if attribute.object_type != object_type:
            raise DomainError(
                ErrorCode.CONFLICT,
                f'Attribute type "{attribute.name}" is for {attribute.object_type} objects, '
                f"not {object_type}.",
                [*path, "attributeTypeName"],
            )
        element = attribute.element(item.attribute_element_key)
        if element is None:
            raise DomainError(
                ErrorCode.NOT_FOUND,
                f'Attribute type "{attribute.name}" has no element "{item.attribute_element_key}".',
                [*path, "attributeElementKey"],
            )
        value = _checked(attribute, element, item.attribute_element_value, path)
        key = (
            AttributeValueRow.object_type == object_type,
            AttributeValueRow.object_id == object_id,
            AttributeValueRow.attribute_type == attribute.name,
            AttributeValueRow.element_key == element.key,
        )
        if value == "":
            uow.session.exec(delete(AttributeValueRow).where(*key))
            continue
        row = uow.session.exec(select(AttributeValueRow).where(*key)).first() or (
            AttributeValueRow(
                object_type=object_type,
                object_id=object_id,
                attribute_type=attribute.name,
                element_key=element.key,
                updated_at=now,
            )
        )
        row.value = value
        row.updated_at = now
        uow.session.add(row)
        uow.session.flush()
    obj.updated_at = now
    uow.session.add(obj)
    uow.emit(PendingEvent(object_type, "UPDATED", str(object_id), store_id=obj.store_id))
    return obj


def _checked(attribute: AttributeTypeDef, element: ElementDef, value: str, path: Path) -> str:
    """The value as stored; a select takes option values (several, comma-separated, if multi)."""
    if element.kind != ElementKind.SELECT or value == "":
        return value
    chosen = [v.strip() for v in value.split(",")] if element.multi else [value]
    for v in chosen:
        if v not in element.options:
            allowed = ", ".join(element.options)
            raise invalid(
                f'"{v}" is not an option of element "{element.key}" of attribute type '
                f'"{attribute.name}" (options: {allowed}).',
                [*path, "attributeElementValue"],
            )
    return ",".join(dict.fromkeys(chosen))


def values_of(
    session: Any, object_type: str, object_ids: Sequence[int]
) -> dict[int, list[AttributeValueRow]]:
    """The stored values of each object, in one query."""
    return grouped_by(
        session,
        AttributeValueRow.object_id,
        object_ids,
        where=[AttributeValueRow.object_type == object_type],
        order_by=AttributeValueRow.id,
    )


def attributes_of(
    config: AttributeConfig, object_type: str, rows: Sequence[AttributeValueRow]
) -> list[AttributeView]:
    """The attribute types an object has (config order), each with all its elements."""
    stored = {(r.attribute_type, r.element_key): r.value for r in rows}
    names = {r.attribute_type for r in rows}
    return [
        AttributeView(
            attribute,
            tuple(ElementValue(e, stored.get((attribute.name, e.key))) for e in attribute.elements),
        )
        for attribute in config.for_object(object_type)
        if attribute.name in names
    ]
