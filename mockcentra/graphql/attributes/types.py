"""Custom attribute types and the `ObjectWithAttributes` interface objects implement.

Attributes are built from the instance's configuration and the stored values; `self` in an
attribute type is a plain strawberry object, not a row. Products, variants, customers,
accounts and orders implement `ObjectWithAttributes`, each declaring its own read permission
on `attributes` (`Product.attributes:read` ...).
"""

from enum import Enum
from typing import Any, TypeAlias

import strawberry
from strawberry.types import Info

from mockcentra.domain.attributes import assignments as domain
from mockcentra.domain.attributes import queries
from mockcentra.domain.attributes.config import (
    CHOICES,
    AttributeConfig,
    AttributeTypeDef,
    ElementKind,
    MappedAttributeDef,
    Upload,
    config_for,
)
from mockcentra.graphql.batch import announce
from mockcentra.graphql.batch import batched as children
from mockcentra.graphql.permissions import field, read_permission

strawberry.enum(ElementKind, name="AttributeElementKind")
AttributeElementKind: TypeAlias = ElementKind


@strawberry.enum
class AttributeObjectType(Enum):
    """The kinds of objects attributes are configured for and assigned to."""

    Customer = "Customer"
    Product = "Product"
    ProductVariant = "ProductVariant"
    Account = "Account"
    Order = "Order"


@read_permission("Attribute:read")
@strawberry.type
class AttributeType:
    name: str
    description: str
    is_mapped: bool = strawberry.field(
        description="Mapped: objects select predefined attributes (`mappedAttributes`)."
    )
    is_multi: bool = strawberry.field(description="A mapped type an object selects several of.")
    object_type: AttributeObjectType
    is_readonly: bool = strawberry.field(description="Read-only in the admin: a mapped type.")


@strawberry.interface
class AttributeElement:
    key: str
    description: str
    kind: AttributeElementKind


@strawberry.type
class AttributeStringElement(AttributeElement):
    value: str | None


@strawberry.type
class AttributeChoiceElement(AttributeElement):
    is_multi: bool
    selected_value: str | None
    selected_value_name: str | None


@strawberry.type
class AttributeFileElement(AttributeElement):
    url: str | None


@strawberry.type
class AttributeImageElement(AttributeElement):
    url: str | None
    width: int | None
    height: int | None
    mime_type: str | None


@strawberry.type
class Attribute:
    type: AttributeType
    description: str
    object_type: AttributeObjectType
    elements: list[AttributeElement]


@read_permission("Attribute:read")
@strawberry.type
class MappedAttribute:
    """A predefined attribute of a mapped type (Centra: Catalog -> Attributes)."""

    id: int
    name: str
    description: str
    object_type: AttributeObjectType
    type: AttributeType
    elements: list[AttributeElement]


def attribute_config(info: Info) -> AttributeConfig:
    """The instance's attribute definitions (read once per process and file)."""
    return config_for(info.context.runtime.settings.extra)


def _element(info: Info, value: queries.ElementValue) -> AttributeElement:
    d = value.definition
    common: dict[str, Any] = {"key": d.key, "description": d.description, "kind": d.kind}
    v = value.value
    if d.kind in CHOICES:
        text = v if isinstance(v, str) and v else None
        chosen = text.split(",") if text else []
        return AttributeChoiceElement(
            **common,
            is_multi=d.multi,
            selected_value=text,
            selected_value_name=", ".join(d.options.get(c, c) for c in chosen) or None,
        )
    upload = v if isinstance(v, Upload) else None
    url = info.context.absolute_url(upload.url) if upload else None
    if d.kind == ElementKind.IMAGE:
        return AttributeImageElement(
            **common,
            url=url,
            width=upload.width if upload else None,
            height=upload.height if upload else None,
            mime_type=upload.mime_type if upload else None,
        )
    if d.kind == ElementKind.FILE:
        return AttributeFileElement(**common, url=url)
    return AttributeStringElement(**common, value=v if isinstance(v, str) else None)


def attribute_type(t: AttributeTypeDef) -> AttributeType:
    return AttributeType(
        name=t.name,
        description=t.description,
        is_mapped=t.is_mapped,
        is_multi=t.multi,
        object_type=AttributeObjectType(t.object_type),
        is_readonly=t.readonly,
    )


def _attribute(info: Info, view: queries.AttributeView) -> Attribute:
    t = view.type
    return Attribute(
        type=attribute_type(t),
        description=t.description,
        object_type=AttributeObjectType(t.object_type),
        elements=[_element(info, v) for v in view.elements],
    )


def mapped_attribute(info: Info, mapped: MappedAttributeDef) -> MappedAttribute:
    config = attribute_config(info)
    t = config.type(mapped.type_name)
    assert t is not None
    return MappedAttribute(
        id=mapped.id,
        name=mapped.name,
        description=t.description,
        object_type=AttributeObjectType(t.object_type),
        type=attribute_type(t),
        elements=[
            _element(info, queries.ElementValue(e, mapped.values.get(e.key))) for e in t.elements
        ],
    )


def announce_attributes(info: Info, object_type: str, ids: Any) -> None:
    """A list query tells which objects it returned, so their attributes load in one query."""
    announce(info, f"attributes:{object_type}", ids)


def attributes_for(info: Info, obj: Any) -> list[Attribute]:
    object_type = domain.object_type_of(obj)
    rows = children(
        info,
        f"attributes:{object_type}",
        obj.id,
        lambda session, ids: queries.stored_of(session, object_type, ids),
    )
    views = queries.attributes_of(attribute_config(info), object_type, rows)
    return [_attribute(info, v) for v in views]


@strawberry.interface
class ObjectWithAttributes:
    """An object that carries custom attributes; each implementation declares the read
    permission of its `attributes` (`permissionsUsed` reports the one of the object a fragment
    on this interface is spread on)."""

    @field(permission="Attribute:read")
    def attributes(self, info: Info) -> list[Attribute]:
        return attributes_for(info, self)


def attributes_field(permission: str) -> Any:
    """`attributes` of an implementation of ObjectWithAttributes, with its own permission."""

    def attributes(self: Any, info: Info) -> list[Attribute]:
        return attributes_for(info, self)

    return field(permission=permission)(attributes)


ATTRIBUTE_TYPES = [
    AttributeStringElement,
    AttributeChoiceElement,
    AttributeFileElement,
    AttributeImageElement,
]
