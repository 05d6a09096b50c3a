"""Dynamic attribute types and the `ObjectWithAttributes` interface objects implement.

`Customer` itself lives in graphql/orders/types.py (orders show their customer) and
implements `ObjectWithAttributes` from here. Attributes are built from the configuration and
the stored values; `self` in an attribute type is a plain strawberry object, not a row.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.attributes.config import AttributeConfig, ElementKind, config_for
from mockcentra.domain.customers import attributes as domain
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.pricing.types import children

AttributeElementKind = strawberry.enum(ElementKind, name="AttributeElementKind")


@strawberry.enum
class AttributeObjectType(Enum):
    """The kinds of objects attributes are configured for (only Customer takes dynamic
    attributes in mockcentra)."""

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
    is_mapped: bool
    object_type: AttributeObjectType
    is_readonly: bool = strawberry.field(description="Read-only in the admin; the API may set it.")


@strawberry.interface
class AttributeElement:
    key: str
    description: str
    kind: AttributeElementKind  # type: ignore[valid-type]


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
    """Not produced by mockcentra (file elements are not modelled)."""

    url: str | None


@strawberry.type
class AttributeImageElement(AttributeElement):
    """Not produced by mockcentra (image elements are not modelled)."""

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


def attribute_config(info: Info) -> AttributeConfig:
    """The instance's attribute definitions (read once per process and file)."""
    return config_for(info.context.runtime.settings.extra)


def _element(value: domain.ElementValue) -> AttributeElement:
    d = value.definition
    common: dict[str, Any] = {"key": d.key, "description": d.description, "kind": d.kind}
    if d.kind == ElementKind.SELECT:
        chosen = value.value.split(",") if value.value else []
        return AttributeChoiceElement(
            **common,
            is_multi=d.multi,
            selected_value=value.value,
            selected_value_name=", ".join(d.options.get(c, c) for c in chosen) or None,
        )
    return AttributeStringElement(**common, value=value.value)


def _attribute(view: domain.AttributeView) -> Attribute:
    t = view.type
    object_type = AttributeObjectType(t.object_type)
    return Attribute(
        type=AttributeType(
            name=t.name,
            description=t.description,
            is_mapped=False,
            object_type=object_type,
            is_readonly=t.readonly,
        ),
        description=t.description,
        object_type=object_type,
        elements=[_element(v) for v in view.elements],
    )


def _object_type(obj: Any) -> str:
    for name, table in domain.SUPPORTED.items():
        if isinstance(obj, table):
            return name
    raise TypeError(f"{type(obj).__name__} has no dynamic attributes")


def announce_attributes(info: Info, object_type: str, ids: list[int]) -> None:
    """A list query tells which objects it returned, so their attributes load in one query."""
    from mockcentra.graphql.pricing.types import announce

    announce(info, f"attributes:{object_type}", ids)


def attributes_for(info: Info, obj: Any) -> list[Attribute]:
    object_type = _object_type(obj)
    rows = children(
        info,
        f"attributes:{object_type}",
        obj.id,
        lambda session, ids: domain.values_of(session, object_type, ids),
    )
    views = domain.attributes_of(attribute_config(info), object_type, rows)
    return [_attribute(v) for v in views]


@strawberry.interface
class ObjectWithAttributes:
    """An object that carries custom attributes.

    The interface's `attributes` declares `Customer.attributes:read` because customers are the
    only implementation: `permissionsUsed` is worked out from the query text, and a fragment on
    this interface reports what Centra reports for customers.
    """

    @field(permission="Customer.attributes:read")
    def attributes(self, info: Info) -> list[Attribute]:
        return attributes_for(info, self)


ATTRIBUTE_TYPES = [
    AttributeStringElement,
    AttributeChoiceElement,
    AttributeFileElement,
    AttributeImageElement,
]
