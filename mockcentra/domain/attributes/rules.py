"""How an attribute assignment is checked against the instance's configuration: the type
exists and is for the object's type, the element or mapped attribute is one of it, a choice
takes only its options.
"""

from __future__ import annotations

from collections.abc import Sequence

from mockcentra.domain.attributes.config import (
    CHOICES,
    AttributeConfig,
    AttributeTypeDef,
    ElementDef,
    MappedAttributeDef,
)
from mockcentra.domain.errors import DomainError, ErrorCode, invalid

Path = Sequence[str | int]


def attribute_type(
    config: AttributeConfig, name: str, object_type: str, path: Path
) -> AttributeTypeDef:
    """The configured attribute type `name`, which must be one for `object_type` objects."""
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


def element_of(attribute: AttributeTypeDef, key: str, path: Path) -> ElementDef:
    """The element `key` of a dynamic attribute type."""
    element = attribute.element(key)
    if element is None:
        raise DomainError(
            ErrorCode.NOT_FOUND,
            f'Attribute type "{attribute.name}" has no element "{key}".',
            [*path, "attributeElementKey"],
        )
    return element


def mapped_attribute(
    config: AttributeConfig, type_name: str, attribute_id: int, object_type: str, path: Path
) -> tuple[AttributeTypeDef, MappedAttributeDef]:
    """A mapped attribute type and its predefined attribute `attribute_id`."""
    attribute = attribute_type(config, type_name, object_type, path)
    if not attribute.is_mapped:
        raise invalid(
            f'Attribute type "{attribute.name}" is dynamic: set its elements in dynamicAttributes.',
            [*path, "attributeTypeName"],
        )
    mapped = attribute.attribute(attribute_id)
    if mapped is None:
        raise DomainError(
            ErrorCode.NOT_FOUND,
            f'Attribute type "{attribute.name}" has no attribute with ID {attribute_id}.',
            [*path, "attributeId"],
        )
    return attribute, mapped


def checked_value(attribute: AttributeTypeDef, element: ElementDef, value: str, path: Path) -> str:
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
