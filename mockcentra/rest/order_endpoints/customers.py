"""The Order API's customer handlers: list customers, show one."""

from __future__ import annotations

from typing import Any

from mockcentra.domain.customers.queries import find_customers
from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.rest.order_endpoints.endpoint import Call
from mockcentra.rest.order_models.customers import CustomerIdPath, CustomersQuery
from mockcentra.rest.order_serializers.customers import shape_customers
from mockcentra.rest.order_serializers.shapes import Shapes
from mockcentra.storage.tables import CustomerRow
from mockcentra.storage.uow import UnitOfWork


def get_customers(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    query: CustomersQuery = call.query
    rows = find_customers(
        uow.session,
        email=query.email or None,
        created_after=query.created,
        modified_after=query.modified,
        limit=query.limit,
        offset=query.offset,
    )
    return {"customers": shape_customers(shapes, rows)}


def get_customer(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    path: CustomerIdPath = call.path
    customer_id = path.customerId
    row = uow.session.get(CustomerRow, customer_id)
    if row is None:
        raise DomainError(
            ErrorCode.NOT_FOUND, f"Customer with id={customer_id} does not exist", ["customer"]
        )
    return {"customer": shape_customers(shapes, [row])[0]}
