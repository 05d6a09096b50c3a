"""Warehouses and stock through the Integration API: createWarehouse, updateWarehouse,
changeStock, setStock and the stock / stock-change reads.

Every refused mutation is checked to leave stock and warehouses exactly as they were, and every
stock read checks physical = free to allocate + allocated.
"""

from __future__ import annotations

from typing import Any

import pytest

from mockcentra.domain.stock import allocation
from mockcentra.testing import CentraClient
from tests.graphql._catalog_setup import Variant, create_variant

# --- operations -------------------------------------------------------------------------------

WAREHOUSE_FIELDS = """id name isHiddenFromStockView threshold stockMaster stockOwnership
  allocationPolicy isConsignation brickAndMortar { id name } country { id name code }
  state { id name } zipCode"""

CREATE_WAREHOUSE = f"""mutation($input: WarehouseCreateInput!) {{
  createWarehouse(input: $input) {{ warehouse {{ {WAREHOUSE_FIELDS} }} userErrors {{ message path }} }}
}}"""

UPDATE_WAREHOUSE = f"""mutation($id: Int!, $input: WarehouseUpdateInput!) {{
  updateWarehouse(id: $id, input: $input) {{
    warehouse {{ {WAREHOUSE_FIELDS} }} userErrors {{ message path }} }}
}}"""

WAREHOUSES = f"""query($where: WarehouseFilter, $limit: Int, $page: Int) {{
  warehouses(where: $where, limit: $limit, page: $page) {{ {WAREHOUSE_FIELDS} }}
}}"""

CHANGE_STOCK = """mutation($input: StockChangeInput!) {
  changeStock(input: $input) {
    stockChange { id comment description type createdAt warehouse { id }
      lines { deliveredQuantity freeToAllocateQuantity warehouse { id } productSize { id }
              unitCost { value currency { code } formattedValue } } }
    userErrors { message path }
  }
}"""

SET_STOCK = """mutation($input: StockSetInput!) {
  setStock(input: $input) {
    stockChanges { id type comment lines { deliveredQuantity warehouse { id } productSize { id } } }
    userErrors { message path }
    userWarnings { message path }
  }
}"""

STOCK = """query($where: StockFilter, $limit: Int, $page: Int) {
  stock(where: $where, limit: $limit, page: $page) {
    warehouse { id } productSize { id }
    physicalQuantity allocatedQuantity freeToAllocateQuantity
  }
}"""

# --- helpers ----------------------------------------------------------------------------------

Levels = dict[tuple[int, int], tuple[int, int]]  # (warehouse, product size) -> (physical, alloc)


def levels(centra: CentraClient, variant: Variant) -> Levels:
    """Every warehouse x size of the variant; checks physical = FTA + allocated on each."""
    rows = centra.graphql(
        STOCK, {"where": {"productVariantId": [variant.id]}, "limit": 500}
    ).payload("stock")
    result: Levels = {}
    for r in rows:
        physical, allocated = r["physicalQuantity"], r["allocatedQuantity"]
        assert physical == r["freeToAllocateQuantity"] + allocated, r
        assert physical >= allocated >= 0, r
        result[(r["warehouse"]["id"], r["productSize"]["id"])] = (physical, allocated)
    return result


def level(centra: CentraClient, variant: Variant, size: str, warehouse: int = 1) -> tuple:
    return levels(centra, variant)[(warehouse, variant.product_size_ids[size])]


def warehouse_list(centra: CentraClient) -> list[dict[str, Any]]:
    return centra.graphql(WAREHOUSES, {"limit": 100}).payload("warehouses")


def create_warehouse(centra: CentraClient, **input: Any) -> dict[str, Any]:
    return centra.graphql(CREATE_WAREHOUSE, {"input": input}).ok("createWarehouse")["warehouse"]


def change_input(variant: Variant, sizes: dict[str, int], **warehouses: Any) -> dict[str, Any]:
    return {
        **warehouses,
        "description": "Delivery",
        "productVariants": [
            {
                "productVariant": {"id": variant.id},
                "sizeChanges": [
                    {"size": {"name": name}, "deliveredQuantity": q} for name, q in sizes.items()
                ],
            }
        ],
    }


def change(centra: CentraClient, variant: Variant, sizes: dict[str, int], **warehouses: Any):
    return centra.graphql(CHANGE_STOCK, {"input": change_input(variant, sizes, **warehouses)})


def add(centra: CentraClient, variant: Variant, sizes: dict[str, int], warehouse: int = 1):
    return change(centra, variant, sizes, intoWarehouse={"id": warehouse}).ok("changeStock")


def set_input(variant: Variant, sizes: dict[str, int], kind: str = "PHYSICAL", wh: int = 1):
    return {
        "warehouse": {"id": wh},
        "description": "Count",
        "stockQuantityType": kind,
        "productVariants": [
            {
                "productVariant": {"id": variant.id},
                "sizeStockLevels": [
                    {"size": {"name": name}, "quantity": q} for name, q in sizes.items()
                ],
            }
        ],
    }


def allocate_for_order(centra: CentraClient, product_size_id: int, quantity: int, wh: int = 1):
    """Arrange: allocated stock as an order would leave it (orders are another area's API)."""
    rt = centra.runtime
    with rt.unit_of_work() as uow:
        assert allocation.allocate(uow, product_size_id, quantity, [wh]) == [(wh, quantity)]


@pytest.fixture
def tee(centra: CentraClient) -> Variant:
    """A variant on chart S, M, L, XL with S, M, L activated (XL is not)."""
    return create_variant(centra, activate=["S", "M", "L"])


# --- createWarehouse --------------------------------------------------------------------------


def test_create_warehouse_defaults_and_places_it_last(centra: CentraClient) -> None:
    made = create_warehouse(centra, name="Outlet")

    assert {k: v for k, v in made.items() if k != "id"} == {
        "name": "Outlet",
        "isHiddenFromStockView": False,
        "threshold": 0,
        "stockMaster": "CENTRA",
        "stockOwnership": "OWN",
        "allocationPolicy": "DIRECT",
        "isConsignation": False,
        "brickAndMortar": None,
        "country": None,
        "state": None,
        "zipCode": None,
    }
    assert [w["name"] for w in warehouse_list(centra)] == ["Main warehouse", "Outlet"]
    rules = centra.graphql(
        "query($id:Int!){ warehouse(id:$id) { allocationRules { id name } } }", {"id": made["id"]}
    ).payload("warehouse")["allocationRules"]
    assert rules == [{"id": 1, "name": "Default allocation rule"}]


def test_before_warehouse_inserts_into_the_allocation_order(centra: CentraClient) -> None:
    outlet = create_warehouse(centra, name="Outlet")
    first = create_warehouse(centra, name="First", beforeWarehouse={"id": 1})
    middle = create_warehouse(centra, name="Middle", beforeWarehouse={"id": outlet["id"]})

    assert [w["id"] for w in warehouse_list(centra)] == [first["id"], 1, middle["id"], outlet["id"]]


def test_location_by_country_code_and_state_code(centra: CentraClient) -> None:
    made = create_warehouse(
        centra,
        name="Reno",
        warehouseLocation={"country": {"code": "US"}, "stateOrProvince": "nv", "zipCode": "89501"},
    )

    assert made["country"] == {"id": 2, "name": "United States", "code": "US"}
    assert made["state"]["name"] == "Nevada"
    assert made["zipCode"] == "89501"


@pytest.mark.parametrize(
    ("input", "message", "path"),
    [
        (
            {"name": "Main warehouse"},
            "Warehouse with name Main warehouse already exists.",
            ["name"],
        ),
        ({"name": "  "}, "Warehouse name cannot be empty.", ["name"]),
        ({"name": "W", "threshold": -1}, "Threshold must be greater or equal to 0.", ["threshold"]),
        (
            {"name": "W", "beforeWarehouse": {"id": 999}},
            "Could not find Warehouse with ID 999.",
            ["beforeWarehouse"],
        ),
        (
            {"name": "W", "warehouseLocation": {"country": {"id": 999}}},
            "Could not find Country with ID 999.",
            ["warehouseLocation", "country"],
        ),
        (
            {"name": "W", "warehouseLocation": {"country": {"code": "XX"}}},
            "Could not find Country with code XX.",
            ["warehouseLocation", "country"],
        ),
        (
            {
                "name": "W",
                "warehouseLocation": {"country": {"code": "SE"}, "stateOrProvince": "nevada"},
            },
            "State or province Nevada does not belong to Sweden.",
            ["warehouseLocation", "stateOrProvince"],
        ),
        (
            {
                "name": "W",
                "warehouseLocation": {"country": {"id": 2}, "stateOrProvince": "Ontario"},
            },
            "Could not find state or province Ontario in United States.",
            ["warehouseLocation", "stateOrProvince"],
        ),
        (
            {"name": "W", "warehouseLocation": {"stateOrProvince": "Nevada"}},
            "A country is required to set stateOrProvince.",
            ["warehouseLocation", "stateOrProvince"],
        ),
    ],
)
def test_create_warehouse_refusals_change_nothing(
    centra: CentraClient, input: dict, message: str, path: list[str]
) -> None:
    before = warehouse_list(centra)

    payload = centra.graphql(CREATE_WAREHOUSE, {"input": input}).payload("createWarehouse")

    assert payload == {
        "warehouse": None,
        "userErrors": [{"message": message, "path": ["input", *path]}],
    }
    assert warehouse_list(centra) == before


def test_create_warehouse_needs_write_permission(centra: CentraClient) -> None:
    centra.post("/_mock/tokens", json={"token": "ro", "permissions": ["Warehouse:read"]})

    result = centra.graphql(CREATE_WAREHOUSE, {"input": {"name": "W"}}, token="ro")

    assert result.errors[0]["message"] == (
        "You need Warehouse:write permission to access createWarehouse."
    )
    assert [w["name"] for w in warehouse_list(centra)] == ["Main warehouse"]


# --- updateWarehouse and warehouse reads ------------------------------------------------------


def test_update_warehouse_changes_only_what_is_given(centra: CentraClient) -> None:
    made = create_warehouse(
        centra,
        name="Reno",
        threshold=2,
        warehouseLocation={"country": {"id": 2}, "stateOrProvince": "Nevada"},
    )

    updated = centra.graphql(
        UPDATE_WAREHOUSE,
        {
            "id": made["id"],
            "input": {
                "name": "Reno DC",
                "stockMasterPolicy": "EXTERNAL",
                "allocationPolicy": "CHECK_FIRST",
                "hideFromStockView": True,
                "warehouseLocation": {"zipCode": "89501"},
            },
        },
    ).ok("updateWarehouse")["warehouse"]

    assert updated == {
        **made,
        "name": "Reno DC",
        "stockMaster": "EXTERNAL",
        "allocationPolicy": "CHECK_FIRST",
        "isHiddenFromStockView": True,
        "zipCode": "89501",
    }


def test_update_warehouse_country_change_drops_the_old_state(centra: CentraClient) -> None:
    made = create_warehouse(
        centra, name="Reno", warehouseLocation={"country": {"id": 2}, "stateOrProvince": "NV"}
    )

    updated = centra.graphql(
        UPDATE_WAREHOUSE,
        {"id": made["id"], "input": {"warehouseLocation": {"country": {"code": "SE"}}}},
    ).ok("updateWarehouse")["warehouse"]

    assert updated["country"]["code"] == "SE"
    assert updated["state"] is None


def test_update_warehouse_moves_it_in_the_allocation_order(centra: CentraClient) -> None:
    a = create_warehouse(centra, name="A")
    b = create_warehouse(centra, name="B")

    centra.graphql(UPDATE_WAREHOUSE, {"id": b["id"], "input": {"beforeWarehouse": {"id": 1}}}).ok(
        "updateWarehouse"
    )

    assert [w["id"] for w in warehouse_list(centra)] == [b["id"], 1, a["id"]]
    centra.graphql(
        UPDATE_WAREHOUSE, {"id": b["id"], "input": {"beforeWarehouse": {"id": a["id"]}}}
    ).ok("updateWarehouse")
    assert [w["id"] for w in warehouse_list(centra)] == [1, b["id"], a["id"]]


@pytest.mark.parametrize(
    ("target", "input", "message", "path"),
    [
        (999, {"name": "X"}, "Could not find Warehouse with ID 999.", ["id"]),
        (
            "new",
            {"name": "Main warehouse"},
            "Warehouse with name Main warehouse already exists.",
            ["input", "name"],
        ),
        (
            "new",
            {"beforeWarehouse": {"id": "self"}},
            "A warehouse cannot be placed before itself.",
            ["input", "beforeWarehouse"],
        ),
        (
            "new",
            {"threshold": -5},
            "Threshold must be greater or equal to 0.",
            ["input", "threshold"],
        ),
    ],
)
def test_update_warehouse_refusals_change_nothing(
    centra: CentraClient, target: Any, input: dict, message: str, path: list[str]
) -> None:
    made = create_warehouse(centra, name="Outlet")
    wid = made["id"] if target == "new" else target
    if input.get("beforeWarehouse") == {"id": "self"}:
        input = {"beforeWarehouse": {"id": made["id"]}}
    before = warehouse_list(centra)

    payload = centra.graphql(UPDATE_WAREHOUSE, {"id": wid, "input": input}).payload(
        "updateWarehouse"
    )

    assert payload == {"warehouse": None, "userErrors": [{"message": message, "path": path}]}
    assert warehouse_list(centra) == before


def test_warehouses_filter_and_page(centra: CentraClient) -> None:
    create_warehouse(centra, name="Outlet North")
    south = create_warehouse(centra, name="Outlet South")

    def names(**variables: Any) -> list[str]:
        rows = centra.graphql(WAREHOUSES, variables).payload("warehouses")
        return [w["name"] for w in rows]

    assert names(where={"name": {"contains": "Outlet"}}) == ["Outlet North", "Outlet South"]
    assert names(where={"name": {"equals": "Outlet South"}}) == ["Outlet South"]
    assert names(where={"id": [south["id"], 1]}) == ["Main warehouse", "Outlet South"]
    assert names(limit=2, page=2) == ["Outlet South"]
    single = centra.graphql("{ warehouse(id: 999) { id } }").payload("warehouse")
    assert single is None


# --- changeStock ------------------------------------------------------------------------------


def test_into_warehouse_adds_physical_stock_and_records_the_change(
    centra: CentraClient, tee: Variant
) -> None:
    variables = {
        "input": {
            **change_input(tee, {"S": 2, "M": 3}, intoWarehouse={"id": 1}),
            "description": "New stock",
        }
    }
    variables["input"]["productVariants"][0]["unitCost"] = {"value": 41, "currencyIsoCode": "EUR"}

    payload = centra.graphql(CHANGE_STOCK, variables).ok("changeStock")

    change = payload["stockChange"]
    assert change["comment"] == change["description"] == "New stock"
    assert change["type"] == "CHANGE"
    assert change["warehouse"] == {"id": 1}
    assert change["lines"] == [
        {
            "deliveredQuantity": q,
            "freeToAllocateQuantity": q,
            "warehouse": {"id": 1},
            "productSize": {"id": tee.product_size_ids[size]},
            "unitCost": {"value": 41.0, "currency": {"code": "EUR"}, "formattedValue": "41.00 EUR"},
        }
        for size, q in (("S", 2), ("M", 3))
    ]
    assert level(centra, tee, "S") == (2, 0)
    assert level(centra, tee, "M") == (3, 0)


def test_sizes_by_id_and_a_single_size_change_object(centra: CentraClient, tee: Variant) -> None:
    query = """mutation($v: Int!, $s: Int!) { changeStock(input: {
        intoWarehouse: {id: 1}, description: "one",
        productVariants: {productVariant: {id: $v}, sizeChanges: {size: {id: $s}, deliveredQuantity: 4}}
      }) { stockChange { id } userErrors { message path } } }"""

    centra.graphql(query, {"v": tee.id, "s": tee.size_ids["L"]}).ok("changeStock")

    assert level(centra, tee, "L") == (4, 0)


def test_out_from_warehouse_removes_physical_stock(centra: CentraClient, tee: Variant) -> None:
    add(centra, tee, {"S": 5})

    payload = change(centra, tee, {"S": 3}, outFromWarehouse={"id": 1}).ok("changeStock")

    assert [line["deliveredQuantity"] for line in payload["stockChange"]["lines"]] == [-3]
    assert level(centra, tee, "S") == (2, 0)


@pytest.mark.centra_no_invariants  # stock allocated without an order (allocate_for_order)
def test_removal_cannot_touch_allocated_stock(centra: CentraClient, tee: Variant) -> None:
    add(centra, tee, {"S": 5})
    allocate_for_order(centra, tee.product_size_ids["S"], 3)

    refused = change(centra, tee, {"S": 3}, outFromWarehouse={"id": 1}).payload("changeStock")

    assert refused == {
        "stockChange": None,
        "userErrors": [
            {
                "message": f"Cannot remove 3 of size S of product variant {tee.id} from warehouse "
                "Main warehouse: only 2 free to allocate.",
                "path": ["input", "productVariants", "0", "sizeChanges", "0", "deliveredQuantity"],
            }
        ],
    }
    assert level(centra, tee, "S") == (5, 3)
    change(centra, tee, {"S": 2}, outFromWarehouse={"id": 1}).ok("changeStock")
    assert level(centra, tee, "S") == (3, 3)


@pytest.mark.centra_no_invariants  # stock allocated without an order (allocate_for_order)
def test_both_warehouses_move_stock_up_to_the_free_quantity(
    centra: CentraClient, tee: Variant
) -> None:
    outlet = create_warehouse(centra, name="Outlet")["id"]
    add(centra, tee, {"S": 6})
    allocate_for_order(centra, tee.product_size_ids["S"], 2)

    moved = change(
        centra, tee, {"S": 4}, outFromWarehouse={"id": 1}, intoWarehouse={"id": outlet}
    ).ok("changeStock")

    assert [
        (ln["warehouse"]["id"], ln["deliveredQuantity"]) for ln in moved["stockChange"]["lines"]
    ] == [
        (1, -4),
        (outlet, 4),
    ]
    assert moved["stockChange"]["warehouse"] == {"id": outlet}
    assert level(centra, tee, "S", 1) == (2, 2)
    assert level(centra, tee, "S", outlet) == (4, 0)

    refused = change(
        centra, tee, {"S": 1}, outFromWarehouse={"id": 1}, intoWarehouse={"id": outlet}
    ).payload("changeStock")

    assert refused["userErrors"][0]["message"] == (
        f"Cannot move 1 of size S of product variant {tee.id} from warehouse Main warehouse: "
        "only 0 free to allocate."
    )
    assert level(centra, tee, "S", 1) == (2, 2)
    assert level(centra, tee, "S", outlet) == (4, 0)


def test_a_later_refused_size_undoes_the_earlier_ones(centra: CentraClient, tee: Variant) -> None:
    add(centra, tee, {"S": 1})
    before = levels(centra, tee)

    refused = change(centra, tee, {"M": 2, "S": 5}, outFromWarehouse={"id": 1}).payload(
        "changeStock"
    )
    assert refused["userErrors"][0]["path"] == [
        "input",
        "productVariants",
        "0",
        "sizeChanges",
        "0",
        "deliveredQuantity",
    ]
    refused = change(centra, tee, {"S": 1, "M": 2}, outFromWarehouse={"id": 1}).payload(
        "changeStock"
    )

    assert refused["userErrors"][0]["path"] == [
        "input",
        "productVariants",
        "0",
        "sizeChanges",
        "1",
        "deliveredQuantity",
    ]
    assert levels(centra, tee) == before
    changes = centra.graphql("{ stockChanges(limit: 50) { id } }").payload("stockChanges")
    assert len(changes) == 1  # only the arranged delivery


@pytest.mark.parametrize(
    ("mutate", "message", "path"),
    [
        (
            lambda i: i.pop("intoWarehouse"),
            "Provide intoWarehouse to add stock, outFromWarehouse to remove it, or both to move it.",
            ["input"],
        ),
        (
            lambda i: i.update(outFromWarehouse={"id": 1}),
            "intoWarehouse and outFromWarehouse must be different warehouses.",
            ["input", "intoWarehouse"],
        ),
        (
            lambda i: i.update(intoWarehouse={"id": 999}),
            "Could not find Warehouse with ID 999.",
            ["input", "intoWarehouse"],
        ),
        (
            lambda i: i.update(productVariants=[]),
            "At least one product variant is required.",
            ["input", "productVariants"],
        ),
        (
            lambda i: i["productVariants"][0].update(productVariant={"id": 999999}),
            "Could not find ProductVariant with ID 999999.",
            ["input", "productVariants", "0", "productVariant"],
        ),
        (
            lambda i: i["productVariants"][0].update(sizeChanges=[]),
            "At least one size change is required.",
            ["input", "productVariants", "0", "sizeChanges"],
        ),
        (
            lambda i: i["productVariants"][0]["sizeChanges"][0].update(deliveredQuantity=0),
            "deliveredQuantity must be greater than 0.",
            ["input", "productVariants", "0", "sizeChanges", "0", "deliveredQuantity"],
        ),
        (
            lambda i: i["productVariants"][0]["sizeChanges"][0].update(deliveredQuantity=-2),
            "deliveredQuantity must be greater than 0.",
            ["input", "productVariants", "0", "sizeChanges", "0", "deliveredQuantity"],
        ),
        (
            lambda i: i["productVariants"][0]["sizeChanges"][0].update(size={"name": "XXL"}),
            "Could not find Size with name XXL.",
            ["input", "productVariants", "0", "sizeChanges", "0", "size"],
        ),
        (
            lambda i: i["productVariants"][0]["sizeChanges"][0].update(size={"name": "XL"}),
            "Size XL is not activated for product variant {variant}.",
            ["input", "productVariants", "0", "sizeChanges", "0", "size"],
        ),
        (
            lambda i: i["productVariants"][0]["sizeChanges"][0].update(size={"id": 1}),
            "Size One Size is not in the size chart of product variant {variant}.",
            ["input", "productVariants", "0", "sizeChanges", "0", "size"],
        ),
        (
            lambda i: i["productVariants"][0]["sizeChanges"][0].update(size={"id": 99999}),
            "Could not find Size with ID 99999.",
            ["input", "productVariants", "0", "sizeChanges", "0", "size"],
        ),
        (
            lambda i: i["productVariants"][0].update(
                unitCost={"value": 5, "currencyIsoCode": "XYZ"}
            ),
            "Could not find Currency with ISO code XYZ.",
            ["input", "productVariants", "0", "unitCost", "currencyIsoCode"],
        ),
        (
            lambda i: i["productVariants"][0].update(
                unitCost={"value": -1, "currencyIsoCode": "EUR"}
            ),
            "Unit cost cannot be negative.",
            ["input", "productVariants", "0", "unitCost", "value"],
        ),
    ],
)
def test_change_stock_refusals_change_nothing(
    centra: CentraClient, tee: Variant, mutate: Any, message: str, path: list[str]
) -> None:
    add(centra, tee, {"S": 2})
    before = levels(centra, tee)
    input = change_input(tee, {"S": 1}, intoWarehouse={"id": 1})
    mutate(input)

    payload = centra.graphql(CHANGE_STOCK, {"input": input}).payload("changeStock")

    assert payload == {
        "stockChange": None,
        "userErrors": [{"message": message.format(variant=tee.id), "path": path}],
    }
    assert levels(centra, tee) == before
    assert len(centra.graphql("{ stockChanges { id } }").payload("stockChanges")) == 1


def test_change_stock_permissions(centra: CentraClient, tee: Variant) -> None:
    centra.post("/_mock/tokens", json={"token": "erp", "permissions": ["StockChange:write"]})

    result = centra.graphql(
        CHANGE_STOCK, {"input": change_input(tee, {"S": 1}, intoWarehouse={"id": 1})}, token="erp"
    )

    assert result.errors[0]["message"] == (
        "You need StockChange:read permission to access stockChange."
    )


# --- setStock ---------------------------------------------------------------------------------


def test_set_physical_stock_writes_absolute_levels(centra: CentraClient, tee: Variant) -> None:
    add(centra, tee, {"S": 4, "M": 9})

    payload = centra.graphql(SET_STOCK, {"input": set_input(tee, {"S": 10, "M": 1, "L": 0})}).ok(
        "setStock"
    )

    [stock_change] = payload["stockChanges"]
    assert stock_change["type"] == "SET"
    assert stock_change["comment"] == "Count"
    assert [(ln["productSize"]["id"], ln["deliveredQuantity"]) for ln in stock_change["lines"]] == [
        (tee.product_size_ids["S"], 6),
        (tee.product_size_ids["M"], -8),
    ]  # L did not move, so it has no line
    assert payload["userWarnings"] == []
    assert level(centra, tee, "S") == (10, 0)
    assert level(centra, tee, "M") == (1, 0)
    assert level(centra, tee, "L") == (0, 0)


@pytest.mark.centra_no_invariants  # stock allocated without an order (allocate_for_order)
def test_set_free_to_allocate_keeps_the_allocated_on_top(
    centra: CentraClient, tee: Variant
) -> None:
    add(centra, tee, {"S": 5})
    allocate_for_order(centra, tee.product_size_ids["S"], 3)

    centra.graphql(SET_STOCK, {"input": set_input(tee, {"S": 4}, kind="FREE_TO_ALLOCATE")}).ok(
        "setStock"
    )

    assert level(centra, tee, "S") == (7, 3)


@pytest.mark.centra_no_invariants  # stock allocated without an order (allocate_for_order)
def test_physical_below_allocated_is_clamped_with_a_warning(
    centra: CentraClient, tee: Variant
) -> None:
    add(centra, tee, {"S": 5})
    allocate_for_order(centra, tee.product_size_ids["S"], 3)

    payload = centra.graphql(SET_STOCK, {"input": set_input(tee, {"S": 1})}).ok("setStock")

    assert payload["userWarnings"] == [
        {
            "message": f"Physical stock of size S of product variant {tee.id} in warehouse "
            "Main warehouse was set to 3, the allocated quantity, instead of 1.",
            "path": ["input", "productVariants", "0", "sizeStockLevels", "0", "quantity"],
        }
    ]
    assert level(centra, tee, "S") == (3, 3)


def test_one_stock_change_per_variant(centra: CentraClient, tee: Variant) -> None:
    other = create_variant(centra, name="Polo", number="P200")
    input = set_input(tee, {"S": 1})
    input["productVariants"] += set_input(other, {"M": 2})["productVariants"]

    payload = centra.graphql(SET_STOCK, {"input": input}).ok("setStock")

    assert [len(c["lines"]) for c in payload["stockChanges"]] == [1, 1]
    assert level(centra, other, "M") == (2, 0)


@pytest.mark.parametrize(
    ("mutate", "message", "path"),
    [
        (
            lambda i: i["productVariants"][0]["sizeStockLevels"][1].update(quantity=-1),
            "Stock value must be greater or equal to 0.",
            ["input", "productVariants", "0", "sizeStockLevels", "1", "quantity"],
        ),
        (
            lambda i: i.update(warehouse={"id": 999}),
            "Could not find Warehouse with ID 999.",
            ["input", "warehouse"],
        ),
        (
            lambda i: i["productVariants"][0]["sizeStockLevels"][1].update(size={"name": "XL"}),
            "Size XL is not activated for product variant {variant}.",
            ["input", "productVariants", "0", "sizeStockLevels", "1", "size"],
        ),
        (
            lambda i: i["productVariants"][0].update(sizeStockLevels=[]),
            "At least one size stock level is required.",
            ["input", "productVariants", "0", "sizeStockLevels"],
        ),
        (
            lambda i: i.update(productVariants=None),
            "At least one product variant is required.",
            ["input", "productVariants"],
        ),
    ],
)
def test_set_stock_refusals_change_nothing(
    centra: CentraClient, tee: Variant, mutate: Any, message: str, path: list[str]
) -> None:
    add(centra, tee, {"S": 2})
    before = levels(centra, tee)
    input = set_input(tee, {"S": 8, "M": 3})
    mutate(input)

    payload = centra.graphql(SET_STOCK, {"input": input}).payload("setStock")

    assert payload == {
        "stockChanges": [],
        "userErrors": [{"message": message.format(variant=tee.id), "path": path}],
        "userWarnings": [],
    }
    assert levels(centra, tee) == before
    assert len(centra.graphql("{ stockChanges { id } }").payload("stockChanges")) == 1


# --- reads ------------------------------------------------------------------------------------


def test_stock_lists_every_size_in_every_warehouse(centra: CentraClient, tee: Variant) -> None:
    outlet = create_warehouse(centra, name="Outlet")["id"]
    add(centra, tee, {"M": 2}, warehouse=outlet)

    rows = centra.graphql(STOCK, {"where": {"productVariantId": tee.id}}).payload("stock")

    ps = tee.product_size_ids
    assert [
        (r["productSize"]["id"], r["warehouse"]["id"], r["physicalQuantity"]) for r in rows
    ] == [
        (ps["S"], 1, 0),
        (ps["S"], outlet, 0),
        (ps["M"], 1, 0),
        (ps["M"], outlet, 2),
        (ps["L"], 1, 0),
        (ps["L"], outlet, 0),
    ]
    only_outlet = centra.graphql(
        STOCK, {"where": {"productVariantId": tee.id, "warehouseId": outlet}, "limit": 2, "page": 1}
    ).payload("stock")
    assert [r["productSize"]["id"] for r in only_outlet] == [ps["S"], ps["M"]]
    by_size = centra.graphql(STOCK, {"where": {"productSizeId": [ps["L"]]}}).payload("stock")
    assert len(by_size) == 2


def test_warehouse_stock_and_stock_changes(centra: CentraClient, tee: Variant) -> None:
    outlet = create_warehouse(centra, name="Outlet")["id"]
    add(centra, tee, {"S": 3}, warehouse=outlet)
    add(centra, tee, {"S": 1})
    centra.graphql(SET_STOCK, {"input": set_input(tee, {"M": 5}, wh=outlet)}).ok("setStock")

    result = centra.graphql(
        """query($id: Int!, $v: [Int!]) { warehouse(id: $id) {
             stock(where: {productVariantId: $v}) { productSize { id } physicalQuantity }
             stockChanges { type lines { deliveredQuantity } } } }""",
        {"id": outlet, "v": [tee.id]},
    )

    warehouse = result.payload("warehouse")
    assert [r["physicalQuantity"] for r in warehouse["stock"]] == [3, 5, 0]
    assert warehouse["stockChanges"] == [
        {"type": "SET", "lines": [{"deliveredQuantity": 5}]},
        {"type": "CHANGE", "lines": [{"deliveredQuantity": 3}]},
    ]
    assert result.extensions["permissionsUsed"] == [
        "Warehouse:read",
        "Warehouse.stock:read",
        "ProductSize:read",
        "StockChange:read",
        "WarehouseDelivery:read",
    ]


def test_stock_changes_newest_first_with_filters(centra: CentraClient, tee: Variant) -> None:
    first = add(centra, tee, {"S": 3})["stockChange"]["id"]
    second = change(centra, tee, {"S": 1}, outFromWarehouse={"id": 1}).ok("changeStock")
    second_id = second["stockChange"]["id"]
    third = centra.graphql(SET_STOCK, {"input": set_input(tee, {"M": 5})}).ok("setStock")
    third_id = third["stockChanges"][0]["id"]

    def ids(query: str, **variables: Any) -> list[int]:
        return [c["id"] for c in centra.graphql(query, variables).payload("stockChanges")]

    q = "query($w: StockChangeFilter) { stockChanges(where: $w) { id } }"
    assert ids(q) == [third_id, second_id, first]
    assert ids(q, w={"type": ["SET"]}) == [third_id]
    assert ids(q, w={"productSizeId": [tee.product_size_ids["S"]]}) == [second_id, first]
    assert ids(q, w={"warehouseId": [999]}) == []
    single = centra.graphql(
        "query($id: Int!) { stockChange(id: $id) { id comment createdAt } }", {"id": first}
    ).payload("stockChange")
    assert single["comment"] == "Delivery"
    assert single["createdAt"][10] == "T"


def test_stock_reads_need_the_stock_permission(centra: CentraClient) -> None:
    centra.post("/_mock/tokens", json={"token": "wh", "permissions": ["Warehouse:read"]})

    result = centra.graphql("{ warehouses { id stock { physicalQuantity } } }", token="wh")

    assert result.errors[0]["message"] == (
        "You need Warehouse.stock:read permission to access stock."
    )
