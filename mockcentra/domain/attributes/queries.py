"""Reading attributes back: the values and selections stored on objects, and the
attributes each object has as the configuration describes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlmodel import Session, select

from mockcentra.domain.attributes.config import (
    AttributeConfig,
    AttributeTypeDef,
    ElementDef,
    MappedAttributeDef,
    Upload,
)
from mockcentra.domain.listing import text_matches
from mockcentra.storage.tables import AttributeValueRow, MappedAttributeSelectionRow


@dataclass(frozen=True)
class ElementValue:
    """One element of an attribute on an object, as read back."""

    definition: ElementDef
    value: str | Upload | None


@dataclass(frozen=True)
class AttributeView:
    """An attribute on one object: a dynamic type with all its elements, or one selected
    mapped attribute (`mapped`) with its predefined values."""

    type: AttributeTypeDef
    elements: tuple[ElementValue, ...]
    mapped: MappedAttributeDef | None = None


def stored_of(
    session: Session, object_type: str, object_ids: Sequence[int]
) -> dict[int, list[Any]]:
    """Each object's element values and mapped selections, in two queries."""
    out: dict[int, list[Any]] = {}
    if not object_ids:
        return out
    values = _stored_rows(session, AttributeValueRow, object_type, object_ids)
    selections = _stored_rows(session, MappedAttributeSelectionRow, object_type, object_ids)
    found: list[AttributeValueRow | MappedAttributeSelectionRow] = [*values, *selections]
    for row in found:
        out.setdefault(row.object_id, []).append(row)
    return out


_Stored = TypeVar("_Stored", AttributeValueRow, MappedAttributeSelectionRow)


def _stored_rows(
    session: Session, table: type[_Stored], object_type: str, object_ids: Sequence[int]
) -> Sequence[_Stored]:
    return session.exec(
        select(table)
        .where(table.object_type == object_type, table.object_id.in_(list(object_ids)))
        .order_by(table.id)
    ).all()


def attributes_of(
    config: AttributeConfig, object_type: str, rows: Sequence[Any]
) -> list[AttributeView]:
    """The attributes an object has, in configuration order: a dynamic type once (with all its
    elements), a mapped type once per selected attribute (in attribute id order)."""
    stored = {
        (r.attribute_type, r.element_key): r.value for r in rows if isinstance(r, AttributeValueRow)
    }
    selected = {r.attribute_id for r in rows if isinstance(r, MappedAttributeSelectionRow)}
    views: list[AttributeView] = []
    for attribute in config.for_object(object_type):
        if attribute.is_mapped:
            for mapped in sorted(attribute.attributes, key=lambda a: a.id):
                if mapped.id in selected:
                    elements = tuple(
                        ElementValue(e, mapped.values.get(e.key)) for e in attribute.elements
                    )
                    views.append(AttributeView(attribute, elements, mapped))
        elif any(t == attribute.name for t, _ in stored):
            elements = tuple(
                ElementValue(e, stored.get((attribute.name, e.key))) for e in attribute.elements
            )
            views.append(AttributeView(attribute, elements))
    return views


def mapped_attributes(
    config: AttributeConfig,
    *,
    ids: Sequence[int] | None = None,
    type_name: Any = None,
    object_type: str | None = None,
) -> list[MappedAttributeDef]:
    """`mappedAttributes(where:)`: predefined attributes by id, type name (a StringMatch) and
    object type, in id order."""
    found: list[MappedAttributeDef] = []
    for attribute in config.types:
        if object_type is not None and attribute.object_type != object_type:
            continue
        if not text_matches(attribute.name, type_name):
            continue
        found.extend(a for a in attribute.attributes if not ids or a.id in ids)
    return sorted(found, key=lambda a: a.id)
