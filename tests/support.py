"""Shared test steps through GraphQL: stock figures of one product size, an order, exact stock,
the simplest literal of an input type."""

from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    Undefined,
)

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Item

STOCK = """query($id:Int!){ productSize(id:$id){ stockTotals {
  physicalQuantity allocatedQuantity freeToAllocateQuantity } } }"""


def stock_of(centra: CentraClient, product_size_id: int) -> tuple[int, int, int]:
    """(physical, allocated, free to allocate) summed over warehouses."""
    totals = centra.graphql(STOCK, {"id": product_size_id}).payload("productSize")["stockTotals"]
    return (
        totals["physicalQuantity"],
        totals["allocatedQuantity"],
        totals["freeToAllocateQuantity"],
    )


ORDER = """query($n:[Int!]){ orders(where:{number:$n}) {
  id number status isOnHold isLocked
  lines { id quantity cancelledQuantity shippedQuantity unitPrice { value } lineValue { value } }
  grandTotal { value currency { code } }
  paymentHistory { entryType status value { value } }
  shipments { id number isPaid isCaptured isShipped }
} }"""


def order_of(centra: CentraClient, number: int) -> dict:
    rows = centra.graphql(ORDER, {"n": [number]}).payload("orders")
    assert len(rows) == 1, rows
    return rows[0]


SIZE = """query($id:Int!){ productSize(id:$id){ size { name } productVariant { id }
  stockTotals { allocatedQuantity } } }"""
LEVELS = """query($id:[Int!]){ stock(where:{productSizeId:$id}, limit: 100) {
  warehouse { id } freeToAllocateQuantity } }"""
SET_STOCK = """mutation($input: StockSetInput!) { setStock(input: $input) {
  userErrors { message } } }"""


def exactly_free(centra: CentraClient, item: Item, units: int) -> None:
    """Arrange: `units` free to allocate in the first warehouse holding the size, none elsewhere."""
    size = centra.graphql(SIZE, {"id": item.product_size_id}).payload("productSize")
    warehouses = [
        r["warehouse"]["id"]
        for r in centra.graphql(LEVELS, {"id": [item.product_size_id]}).payload("stock")
    ]
    for n, warehouse in enumerate(warehouses):
        centra.graphql(
            SET_STOCK,
            {
                "input": {
                    "warehouse": {"id": warehouse},
                    "description": "Count",
                    "stockQuantityType": "FREE_TO_ALLOCATE",
                    "productVariants": [
                        {
                            "productVariant": {"id": size["productVariant"]["id"]},
                            "sizeStockLevels": [
                                {
                                    "size": {"name": size["size"]["name"]},
                                    "quantity": units * (n == 0),
                                }
                            ],
                        }
                    ],
                }
            },
        ).ok("setStock")


#: The simplest literal of each built-in scalar; other scalars (dates, money) get a date string.
SCALAR_LITERALS = {"Int": "1", "Float": "1.0", "Boolean": "true", "ID": '"1"'}


def literal_of(t: Any) -> str:
    """A GraphQL literal of input type `t` with only the required parts filled in, each given
    the simplest value of its type (for calling every root field without knowing it)."""
    if isinstance(t, GraphQLNonNull):
        return literal_of(t.of_type)
    if isinstance(t, GraphQLList):
        return f"[{literal_of(t.of_type)}]"
    if isinstance(t, GraphQLEnumType):
        return next(iter(t.values))
    if isinstance(t, GraphQLScalarType):
        return SCALAR_LITERALS.get(t.name, '"2030-01-01"')
    assert isinstance(t, GraphQLInputObjectType)
    fields = [
        f"{name}: {literal_of(f.type)}"
        for name, f in t.fields.items()
        if isinstance(f.type, GraphQLNonNull) and f.default_value is Undefined
    ]
    return "{" + ", ".join(fields) + "}"
