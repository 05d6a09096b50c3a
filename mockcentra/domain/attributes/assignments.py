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
from typing import Any

from sqlmodel import delete, select

from mockcentra.domain.attributes.config import AttributeConfig
from mockcentra.domain.attributes.rules import (
    Path,
    attribute_type,
    checked_value,
    element_of,
    mapped_attribute,
)
from mockcentra.domain.errors import DomainWarning, invalid, not_found
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
    attribute = attribute_type(config, item.attribute_type_name, object_type, path)
    if attribute.is_mapped:
        raise invalid(
            f'Attribute type "{attribute.name}" is mapped: select one of its attributes '
            "in mappedAttributes.",
            [*path, "attributeTypeName"],
        )
    element = element_of(attribute, item.attribute_element_key, path)
    value = checked_value(attribute, element, item.attribute_element_value, path)
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
    attribute, mapped = mapped_attribute(
        config, item.attribute_type_name, item.attribute_id, object_type, path
    )
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
                MappedAttributeSelectionRow.attribute_type == attribute.name,
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
        attribute = attribute_type(config, item.attribute_type_name, object_type, item_path)
        element = element_of(attribute, item.attribute_element_key, item_path)
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
        attribute, mapped = mapped_attribute(
            config, pick.attribute_type_name, pick.attribute_id, object_type, item_path
        )
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
