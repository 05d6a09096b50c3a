"""Seed 004 (ERP guide), warehouses and inventory: the guide's operations, sent as it writes them.

The guide's ids belong to its instance: each test creates what an operation points at and puts
those ids into the guide's text. Everything else is compared with the guide's response.
"""

from __future__ import annotations

from mockcentra.testing import CentraClient
from tests.graphql._catalog_setup import create_variant

# --- the guide's operations, verbatim ---------------------------------------------------------

CREATE_WAREHOUSE = """
mutation createWarehouse {
createWarehouse(
input: {
name: "Default warehouse"
beforeWarehouse: { id: 1 }
hideFromStockView: true
threshold: 1
stockMasterPolicy: EXTERNAL
stockOwnershipPolicy: THIRD_PARTY
allocationPolicy: CHECK_FIRST
warehouseLocation: { country: { id: 2 }, stateOrProvince: "nevada" }
}
) {
userErrors {
message
path
}
warehouse {
id
name
isHiddenFromStockView
threshold
stockMaster
stockOwnership
allocationPolicy
isConsignation
brickAndMortar {id name}
country {id name}
state {id name}
zipCode
}
}
}
"""

ADD_STOCK = """
mutation addStock {
changeStock (
input: {
intoWarehouse: {id: 3}
description: "New stock"
productVariants: [
{
productVariant: {id: 2}
unitCost: {
value: 41
currencyIsoCode: "EUR"
}
sizeChanges: {
size: {name: "S"}
deliveredQuantity: 2
}
}
]
}
) {
stockChange {id}
userErrors {message}
}
}
"""

REMOVE_STOCK = """
mutation removeStock {
changeStock (
input: {
outFromWarehouse: { id: 1 }
description: "Remove stock"
productVariants: [
{
productVariant: {id: 1}
unitCost: {
value: 41
currencyIsoCode: "EUR"
}
sizeChanges: {
size: {id: 1} # One Size
deliveredQuantity: 5
}
}
]
}
) {
stockChange {id}
userErrors {message}
}
}
"""

ABSOLUTE_STOCK = """
mutation absoluteStock {
setStock(input: {
warehouse: {id: 1}
description: "A typical stock update"
stockQuantityType: PHYSICAL
productVariants: [
{
productVariant: {id: 1445}
sizeStockLevels: [
{size: {name: "XL"}, quantity: 10},
]
}
]
}) {
userErrors {
message
path
}
stockChanges {
id
}
}
}
"""

# --- helpers ----------------------------------------------------------------------------------

STOCK = """query($ps: [Int!]) { stock(where: {productSizeId: $ps}, limit: 100) {
  warehouse { id } physicalQuantity allocatedQuantity freeToAllocateQuantity } }"""

ADD = """mutation($w: Int!, $v: Int!, $size: String!, $q: Int!) {
  changeStock(input: {intoWarehouse: {id: $w}, description: "arrange", productVariants: [
    {productVariant: {id: $v}, sizeChanges: [{size: {name: $size}, deliveredQuantity: $q}]}]}) {
    userErrors { message } } }"""


def substitute(text: str, *pairs: tuple[str, str]) -> str:
    """Put this instance's ids where the guide has its own (each original must occur once)."""
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def physical_by_warehouse(centra: CentraClient, product_size_id: int) -> dict[int, int]:
    rows = centra.graphql(STOCK, {"ps": [product_size_id]}).payload("stock")
    for r in rows:
        assert r["physicalQuantity"] == r["freeToAllocateQuantity"] + r["allocatedQuantity"]
    return {r["warehouse"]["id"]: r["physicalQuantity"] for r in rows}


# --- tests ------------------------------------------------------------------------------------


def test_create_warehouse_as_the_guide(centra: CentraClient) -> None:
    result = centra.graphql(CREATE_WAREHOUSE)

    payload = result.payload("createWarehouse")
    warehouse = payload["warehouse"]
    assert payload["userErrors"] == []
    assert isinstance(warehouse["id"], int)
    assert isinstance(warehouse["state"]["id"], int)
    assert {k: v for k, v in warehouse.items() if k not in ("id", "state")} == {
        "name": "Default warehouse",
        "isHiddenFromStockView": True,
        "threshold": 1,
        "stockMaster": "EXTERNAL",
        "stockOwnership": "THIRD_PARTY",
        "allocationPolicy": "CHECK_FIRST",
        "isConsignation": False,
        "brickAndMortar": None,
        "country": {"id": 2, "name": "United States"},
        "zipCode": None,
    }
    assert warehouse["state"]["name"] == "Nevada"
    assert result.extensions["permissionsUsed"] == [
        "Warehouse:write",
        "Warehouse:read",
        "BrickAndMortar:read",
    ]
    order = centra.graphql("{ warehouses { id } }").payload("warehouses")
    assert [w["id"] for w in order] == [warehouse["id"], 1]  # placed before warehouse 1


def test_add_stock_as_the_guide(centra: CentraClient) -> None:
    warehouse = centra.graphql(CREATE_WAREHOUSE).ok("createWarehouse")["warehouse"]
    variant = create_variant(centra)
    text = substitute(
        ADD_STOCK,
        ("intoWarehouse: {id: 3}", f"intoWarehouse: {{id: {warehouse['id']}}}"),
        ("productVariant: {id: 2}", f"productVariant: {{id: {variant.id}}}"),
    )

    result = centra.graphql(text)

    payload = result.payload("changeStock")
    assert payload["userErrors"] == []
    assert isinstance(payload["stockChange"]["id"], int)
    assert result.extensions["permissionsUsed"] == [
        "StockChange:write",
        "StockChange:read",
        "WarehouseDelivery:read",
    ]
    assert physical_by_warehouse(centra, variant.product_size_ids["S"]) == {
        warehouse["id"]: 2,
        1: 0,
    }


def test_remove_stock_as_the_guide(centra: CentraClient) -> None:
    variant = create_variant(centra, chart="One Size", sizes=["One Size"], name="Cap")
    assert variant.size_ids == {"One Size": 1}  # the guide's `size: {id: 1} # One Size`
    centra.graphql(ADD, {"w": 1, "v": variant.id, "size": "One Size", "q": 7}).ok("changeStock")
    text = substitute(
        REMOVE_STOCK, ("productVariant: {id: 1}", f"productVariant: {{id: {variant.id}}}")
    )

    result = centra.graphql(text)

    payload = result.payload("changeStock")
    assert payload["userErrors"] == []
    assert isinstance(payload["stockChange"]["id"], int)
    assert result.extensions["permissionsUsed"] == [
        "StockChange:write",
        "StockChange:read",
        "WarehouseDelivery:read",
    ]
    assert physical_by_warehouse(centra, variant.product_size_ids["One Size"]) == {1: 2}


def test_absolute_stock_as_the_guide(centra: CentraClient) -> None:
    variant = create_variant(centra)
    centra.graphql(ADD, {"w": 1, "v": variant.id, "size": "XL", "q": 4}).ok("changeStock")
    text = substitute(
        ABSOLUTE_STOCK, ("productVariant: {id: 1445}", f"productVariant: {{id: {variant.id}}}")
    )

    result = centra.graphql(text)

    payload = result.payload("setStock")
    assert payload["userErrors"] == []
    assert len(payload["stockChanges"]) == 1
    assert isinstance(payload["stockChanges"][0]["id"], int)
    assert result.extensions["permissionsUsed"] == [
        "StockChange:write",
        "StockChange:read",
        "WarehouseDelivery:read",
    ]
    assert physical_by_warehouse(centra, variant.product_size_ids["XL"]) == {1: 10}
