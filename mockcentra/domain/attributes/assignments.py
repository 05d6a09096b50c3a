"""Custom attributes on objects: `assignAttributes`, `unassignAttributes` and reading them.

Attribute types come from the instance's configuration (domain/attributes/config.py). A
dynamic type keeps a value per (object, type, element); an object "has" the type once any of
its elements has a value, and an empty value removes an element's value. A mapped type's
predefined attributes are selected on objects; a type that is not `multi` holds one selection
per object, so selecting another replaces it.

Products, variants, customers, wholesale accounts and orders take attributes (an order is
addressed by its number, as in Centra's ID conversion). Each change is all or nothing and
marks the object updated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlmodel import Session, col, delete, select

from mockcentra.domain.attributes.config import (
    CHOICES,
    AttributeConfig,
    AttributeTypeDef,
    ElementDef,
    MappedAttributeDef,
    Upload,
)
from mockcentra.domain.errors import DomainError, DomainWarning, ErrorCode, invalid, not_found
from mockcentra.domain.listing import text_matches
from mockcentra.storage.records import is_row
from mockcentra.storage.tables import (
    AccountRow,
    AttributeValueRow,
    CustomerRow,
    MappedAttributeSelectionRow,
    OrderRow,
    ProductRow,
    VariantRow,
)
from mockcentra.storage.uow import PendingEvent, UnitOfWork

Path = Sequence[str | int]


@dataclass(frozen=True)
class _Kind:
    table: type
    lookup: Any  # the column `objectId` is matched against

    def reference(self, obj: Any) -> str:
        return obj.hash if is_row(obj, OrderRow) else str(obj.id)


#: Object types that take attributes, their tables and how `objectId` finds an object.
SUPPORTED = {
    "Customer": _Kind(CustomerRow, CustomerRow.id),
    "Product": _Kind(ProductRow, ProductRow.id),
    "ProductVariant": _Kind(VariantRow, VariantRow.id),
    "Account": _Kind(AccountRow, AccountRow.id),
    "Order": _Kind(OrderRow, OrderRow.number),
}


@dataclass
class DynamicAttributeSpec:
    attribute_type_name: str
    attribute_element_key: str
    attribute_element_value: str = ""


@dataclass
class MappedAttributeSpec:
    attribute_type_name: str
    attribute_id: int


@dataclass
class AttributeChanges:
    dynamic: Sequence[DynamicAttributeSpec] = field(default_factory=list)
    mapped: Sequence[MappedAttributeSpec] = field(default_factory=list)


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


def object_type_of(obj: Any) -> str:
    for name, kind in SUPPORTED.items():
        if is_row(obj, kind.table):
            return name
    raise TypeError(f"{type(obj).__name__} takes no attributes")


def find_object(uow: UnitOfWork, object_type: str, object_id: int, path: Path) -> Any:
    kind = SUPPORTED.get(object_type)
    if kind is None:
        raise invalid(
            f"Assigning attributes to {object_type} objects is not supported.",
            [*path, "objectType"],
        )
    obj = uow.session.exec(select(kind.table).where(kind.lookup == object_id)).first()
    if obj is None:
        raise not_found(object_type, object_id, [*path, "objectId"])
    return obj


def assign_attributes(
    uow: UnitOfWork,
    config: AttributeConfig,
    object_type: str,
    object_id: int,
    changes: AttributeChanges,
    path: Path = (),
) -> Any:
    """Set element values and select mapped attributes on one object; answers the object."""
    obj = find_object(uow, object_type, object_id, path)
    apply(uow, config, obj, changes, path)
    return obj


def apply(
    uow: UnitOfWork,
    config: AttributeConfig,
    obj: Any,
    changes: AttributeChanges,
    path: Path,
    mapped_key: str = "mappedAttributes",
) -> None:
    """Assign to an object already found (also used by `updateProduct`)."""
    object_type = object_type_of(obj)
    now = uow.clock.now()
    for i, item in enumerate(changes.dynamic):
        _set_dynamic(uow, config, obj, object_type, item, now, [*path, "dynamicAttributes", i])
    chosen: dict[str, list[int]] = {}
    for i, pick in enumerate(changes.mapped):
        _select_mapped(uow, config, obj, object_type, pick, chosen, [*path, mapped_key, i])
    _touch(uow, obj, object_type, now)


def _set_dynamic(
    uow: UnitOfWork,
    config: AttributeConfig,
    obj: Any,
    object_type: str,
    item: Any,
    now: datetime,
    path: Path,
) -> None:
    """Store one element value of a dynamic attribute; an empty value removes it."""
    attribute = _type(config, item.attribute_type_name, object_type, path)
    if attribute.is_mapped:
        raise invalid(
            f'Attribute type "{attribute.name}" is mapped: select one of its attributes '
            "in mappedAttributes.",
            [*path, "attributeTypeName"],
        )
    element = _element(attribute, item.attribute_element_key, path)
    value = _checked(attribute, element, item.attribute_element_value, path)
    key = _value_key(object_type, obj.id, attribute.name, element.key)
    if value == "":
        uow.session.exec(delete(AttributeValueRow).where(*key))
        return
    row = uow.session.exec(select(AttributeValueRow).where(*key)).first() or (
        AttributeValueRow(
            object_type=object_type,
            object_id=obj.id,
            attribute_type=attribute.name,
            element_key=element.key,
            updated_at=now,
        )
    )
    row.value = value
    row.updated_at = now
    uow.session.add(row)
    uow.session.flush()


def _select_mapped(
    uow: UnitOfWork,
    config: AttributeConfig,
    obj: Any,
    object_type: str,
    item: Any,
    chosen: dict[str, list[int]],
    path: Path,
) -> None:
    """Select one predefined attribute; a single-choice type replaces its selection, and
    `chosen` (what this request picked per type) refuses a second pick of such a type."""
    attribute, mapped = _mapped(config, item, object_type, path)
    picks = chosen.setdefault(attribute.name, [])
    if mapped.id in picks:
        return
    if picks and not attribute.multi:
        raise invalid(
            f'Attribute type "{attribute.name}" takes one attribute per object.',
            [*path, "attributeId"],
        )
    picks.append(mapped.id)
    if not attribute.multi:
        uow.session.exec(
            delete(MappedAttributeSelectionRow).where(
                *_selection_key(object_type, obj.id),
                col(MappedAttributeSelectionRow.attribute_type) == attribute.name,
            )
        )
    elif _selection(uow, object_type, obj.id, mapped.id) is not None:
        return
    uow.session.add(
        MappedAttributeSelectionRow(
            object_type=object_type,
            object_id=obj.id,
            attribute_type=attribute.name,
            attribute_id=mapped.id,
        )
    )
    uow.session.flush()


def unassign_attributes(
    uow: UnitOfWork,
    config: AttributeConfig,
    object_type: str,
    object_id: int,
    changes: AttributeChanges,
    path: Path = (),
) -> tuple[Any, list[DomainWarning]]:
    """Clear dynamic elements and deselect mapped attributes; clearing what is not set is a
    warning, not an error (the call is idempotent)."""
    obj = find_object(uow, object_type, object_id, path)
    return obj, remove(uow, config, obj, changes, path)


def remove(
    uow: UnitOfWork,
    config: AttributeConfig,
    obj: Any,
    changes: AttributeChanges,
    path: Path,
    mapped_key: str = "mappedAttributes",
) -> list[DomainWarning]:
    object_type = object_type_of(obj)
    warnings: list[DomainWarning] = []
    for i, item in enumerate(changes.dynamic):
        item_path = [*path, "dynamicAttributes", i]
        attribute = _type(config, item.attribute_type_name, object_type, item_path)
        element = _element(attribute, item.attribute_element_key, item_path)
        key = _value_key(object_type, obj.id, attribute.name, element.key)
        if uow.session.exec(select(AttributeValueRow.id).where(*key)).first() is None:
            warnings.append(
                DomainWarning(
                    f'Element "{element.key}" of attribute type "{attribute.name}" has no value.',
                    item_path,
                )
            )
        uow.session.exec(delete(AttributeValueRow).where(*key))
    for i, pick in enumerate(changes.mapped):
        item_path = [*path, mapped_key, i]
        attribute, mapped = _mapped(config, pick, object_type, item_path)
        selected = _selection(uow, object_type, obj.id, mapped.id)
        if selected is None:
            warnings.append(
                DomainWarning(
                    f'Attribute {mapped.id} of type "{attribute.name}" is not selected.', item_path
                )
            )
            continue
        uow.session.delete(selected)
    uow.session.flush()
    _touch(uow, obj, object_type, uow.clock.now())
    return warnings


def _touch(uow: UnitOfWork, obj: Any, object_type: str, now: Any) -> None:
    if hasattr(obj, "updated_at"):
        obj.updated_at = now
    uow.session.add(obj)
    uow.session.flush()
    kind = SUPPORTED[object_type]
    uow.emit(
        PendingEvent(
            object_type, "UPDATED", kind.reference(obj), store_id=getattr(obj, "store_id", None)
        )
    )


def _type(config: AttributeConfig, name: str, object_type: str, path: Path) -> AttributeTypeDef:
    attribute = config.type(name)
    if attribute is None:
        raise DomainError(
            ErrorCode.NOT_FOUND,
            f'Attribute type "{name}" does not exist.',
            [*path, "attributeTypeName"],
        )
    if attribute.object_type != object_type:
        raise DomainError(
            ErrorCode.CONFLICT,
            f'Attribute type "{attribute.name}" is for {attribute.object_type} objects, '
            f"not {object_type}.",
            [*path, "attributeTypeName"],
        )
    return attribute


def _element(attribute: AttributeTypeDef, key: str, path: Path) -> ElementDef:
    element = attribute.element(key)
    if element is None:
        raise DomainError(
            ErrorCode.NOT_FOUND,
            f'Attribute type "{attribute.name}" has no element "{key}".',
            [*path, "attributeElementKey"],
        )
    return element


def _mapped(
    config: AttributeConfig, item: MappedAttributeSpec, object_type: str, path: Path
) -> tuple[AttributeTypeDef, MappedAttributeDef]:
    attribute = _type(config, item.attribute_type_name, object_type, path)
    if not attribute.is_mapped:
        raise invalid(
            f'Attribute type "{attribute.name}" is dynamic: set its elements in dynamicAttributes.',
            [*path, "attributeTypeName"],
        )
    mapped = attribute.attribute(item.attribute_id)
    if mapped is None:
        raise DomainError(
            ErrorCode.NOT_FOUND,
            f'Attribute type "{attribute.name}" has no attribute with ID {item.attribute_id}.',
            [*path, "attributeId"],
        )
    return attribute, mapped


def _value_key(object_type: str, object_id: int, type_name: str, key: str) -> tuple[Any, ...]:
    return (
        AttributeValueRow.object_type == object_type,
        AttributeValueRow.object_id == object_id,
        AttributeValueRow.attribute_type == type_name,
        AttributeValueRow.element_key == key,
    )


def _selection_key(object_type: str, object_id: int) -> tuple[Any, ...]:
    return (
        MappedAttributeSelectionRow.object_type == object_type,
        MappedAttributeSelectionRow.object_id == object_id,
    )


def _selection(
    uow: UnitOfWork, object_type: str, object_id: int, attribute_id: int
) -> MappedAttributeSelectionRow | None:
    return uow.session.exec(
        select(MappedAttributeSelectionRow).where(
            *_selection_key(object_type, object_id),
            MappedAttributeSelectionRow.attribute_id == attribute_id,
        )
    ).first()


def _checked(attribute: AttributeTypeDef, element: ElementDef, value: str, path: Path) -> str:
    """The value as stored; a choice takes option values (several, comma-separated, if multi)."""
    if element.kind not in CHOICES or value == "":
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
        .where(table.object_type == object_type, col(table.object_id).in_(list(object_ids)))
        .order_by(col(table.id))
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
