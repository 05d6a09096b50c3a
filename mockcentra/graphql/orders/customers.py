"""Who placed an order: the `Customer`, and the names kept on the order (`CustomerInfo`,
`BuyerInfo`)."""

from typing import Any

import strawberry
from strawberry import Parent

from mockcentra.graphql.attributes.types import ObjectWithAttributes, attributes_field
from mockcentra.graphql.permissions import read_permission
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.storage.tables import CustomerRow


@read_permission("Customer:read")
@strawberry.type
class Customer(ObjectWithAttributes):
    """A shopper; `attributes` (from ObjectWithAttributes) needs Customer.attributes:read."""

    attributes = attributes_field("Customer.attributes:read")

    id: int
    email: str
    first_name: str | None
    last_name: str | None

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, CustomerRow)

    @strawberry.field
    @staticmethod
    def updated_at(root: Parent[CustomerRow]) -> DateTimeTz:
        return root.updated_at  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def is_registered(root: Parent[CustomerRow]) -> bool:
        return root.registered

    @strawberry.field
    @staticmethod
    def created_at(root: Parent[CustomerRow]) -> DateTimeTz:
        return root.created_at  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def newsletter(root: Parent[CustomerRow]) -> bool:
        return root.newsletter


@strawberry.type
class CustomerInfo:
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None


@strawberry.type
class BuyerInfo:
    """Who placed a wholesale order, as kept on the order (`buyerInfo` in updates)."""

    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
