"""Order line allocations over the Integration API: reading them, allocateOrder and
unallocateOrder, with the stock each one moves and the refusals that move none."""

from collections.abc import Callable
from typing import Any

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories, Item, PlacedOrder
from tests.support import stock_of

LINES = """lines { id quantity allocatedQuantity
  allocations { id quantity isWaitingForConfirmation warehouse { id name }
    stockChangeLine { deliveredQuantity freeToAllocateQuantity } orderLine { id } } }"""

ALLOCATE = f"""mutation($input: OrderAllocateInput!) {{ allocateOrder(input: $input) {{
  userErrors {{ message path }} userWarnings {{ message path }} order {{ number {LINES} }} }} }}"""

UNALLOCATE = f"""mutation($input: OrderUnallocateInput!) {{ unallocateOrder(input: $input) {{
  userErrors {{ message path }} userWarnings {{ message path }} order {{ number {LINES} }} }} }}"""

ORDER_LINES = f"""query($n:[Int!]){{ orders(where:{{number:$n}}) {{ {LINES} }} }}"""

RELEASE = {"releaseItemsBackToWarehouse": True}


def lines_of(centra: CentraClient, number: int) -> list[dict[str, Any]]:
    return centra.graphql(ORDER_LINES, {"n": [number]}).payload("orders")[0]["lines"]


def held(
    line_id: int, quantity: int, warehouse: int = 1, name: str = "Main warehouse", delivery=None
):
    """One allocation as the API shows it."""
    return {
        "id": line_id * 1000 + warehouse,
        "quantity": quantity,
        "isWaitingForConfirmation": False,
        "warehouse": {"id": warehouse, "name": name},
        "stockChangeLine": delivery,
        "orderLine": {"id": line_id},
    }


def second_warehouse(centra: CentraClient) -> int:
    created = centra.graphql(
        """mutation { createWarehouse(input: {name: "Store Stockholm"}) {
          warehouse { id } userErrors { message } } }"""
    ).ok("createWarehouse")
    return created["warehouse"]["id"]


def deliver(centra: CentraClient, product_size_id: int, warehouse: int, quantity: int) -> None:
    size = centra.graphql(
        "query($id:Int!){ productSize(id:$id){ size { name } productVariant { id } } }",
        {"id": product_size_id},
    ).payload("productSize")
    centra.graphql(
        """mutation($input: StockChangeInput!) { changeStock(input: $input) {
          userErrors { message } } }""",
        {
            "input": {
                "intoWarehouse": {"id": warehouse},
                "description": "Delivery",
                "productVariants": [
                    {
                        "productVariant": {"id": size["productVariant"]["id"]},
                        "sizeChanges": [
                            {"size": {"name": size["size"]["name"]}, "deliveredQuantity": quantity}
                        ],
                    }
                ],
            }
        },
    ).ok("changeStock")


def level(centra: CentraClient, product_size_id: int, warehouse: int) -> tuple[int, int]:
    rows = centra.graphql(
        """query($s:[Int!],$w:[Int!]){ stock(where:{productSizeId:$s, warehouseId:$w}) {
          physicalQuantity allocatedQuantity } }""",
        {"s": [product_size_id], "w": [warehouse]},
    ).payload("stock")
    return (rows[0]["physicalQuantity"], rows[0]["allocatedQuantity"]) if rows else (0, 0)


@pytest.fixture
def item(centra_factories: Factories) -> Item:
    return centra_factories.sellable_item(min_free=10)


@pytest.fixture
def placed(centra_factories: Factories, item: Item) -> PlacedOrder:
    """A pending order of 3 units of `item`, all allocated in the main warehouse."""
    return centra_factories.place_order([(item, 3)])


def test_order_lines_show_their_allocation_per_warehouse(
    centra: CentraClient, placed: PlacedOrder
) -> None:
    # Given a placed order of 3 units, allocated from the main warehouse at checkout
    # When the integration reads its lines
    lines = lines_of(centra, placed.number)

    # Then each line shows one allocation of 3 units there (no delivery recorded for seeded stock)
    line = lines[0]["id"]
    assert lines == [
        {"id": line, "quantity": 3, "allocatedQuantity": 3, "allocations": [held(line, 3)]}
    ]


def test_unallocate_releases_the_units_back_to_free_stock(
    centra: CentraClient, placed: PlacedOrder, item: Item
) -> None:
    # Given an order holding 3 units
    before = stock_of(centra, item.product_size_id)
    line = lines_of(centra, placed.number)[0]["id"]

    # When 2 units of its line are unallocated back to the warehouse
    result = centra.graphql(
        UNALLOCATE,
        {
            "input": {
                "order": {"number": placed.number},
                "unallocate": [{"orderLine": {"id": line}, "quantity": 2}],
                "warehouses": [{"id": 1}],
                "stockActionPolicy": RELEASE,
                "comment": "Damaged in the warehouse",
            }
        },
    ).payload("unallocateOrder")

    # Then the line keeps 1 allocated unit, 2 become demand, and free stock grows by 2
    assert result == {
        "userErrors": [],
        "userWarnings": [],
        "order": {
            "number": placed.number,
            "lines": [
                {"id": line, "quantity": 3, "allocatedQuantity": 1, "allocations": [held(line, 1)]}
            ],
        },
    }
    physical, allocated, free = before
    assert stock_of(centra, item.product_size_id) == (physical, allocated - 2, free + 2)


def test_unallocating_the_whole_order_with_remove_items_from_stock_writes_the_units_off(
    centra: CentraClient, placed: PlacedOrder, item: Item
) -> None:
    before = stock_of(centra, item.product_size_id)

    result = centra.graphql(
        UNALLOCATE,
        {
            "input": {
                "order": {"number": placed.number},
                "stockActionPolicy": {"removeItemsFromStock": True},
            }
        },
    ).payload("unallocateOrder")

    assert result["userErrors"] == []
    assert [ln["allocations"] for ln in result["order"]["lines"]] == [[]]
    physical, allocated, free = before
    assert stock_of(centra, item.product_size_id) == (physical - 3, allocated - 3, free)


def test_unallocate_can_send_the_units_to_another_warehouse(
    centra: CentraClient, placed: PlacedOrder, item: Item
) -> None:
    # Given a second warehouse with none of the item
    store = second_warehouse(centra)
    main_before = level(centra, item.product_size_id, 1)

    # When the order's units are unallocated and sent there
    result = centra.graphql(
        UNALLOCATE,
        {
            "input": {
                "order": {"id": placed.id},
                "stockActionPolicy": {"sendItemsToDifferentWarehouse": {"id": store}},
            }
        },
    ).payload("unallocateOrder")

    # Then they leave the main warehouse's shelf and arrive free in the other one
    assert result["userErrors"] == []
    physical, allocated = main_before
    assert level(centra, item.product_size_id, 1) == (physical - 3, allocated - 3)
    assert level(centra, item.product_size_id, store) == (3, 0)


def test_allocate_takes_free_stock_from_the_warehouses_given_in_their_order(
    centra: CentraClient, placed: PlacedOrder, item: Item
) -> None:
    # Given the order's units released, and a second warehouse that received 2 of the size
    line = lines_of(centra, placed.number)[0]["id"]
    centra.graphql(
        UNALLOCATE,
        {"input": {"order": {"number": placed.number}, "stockActionPolicy": RELEASE}},
    ).ok("unallocateOrder")
    store = second_warehouse(centra)
    deliver(centra, item.product_size_id, store, 2)

    # When the order is allocated from the second warehouse first, then the main one
    result = centra.graphql(
        ALLOCATE,
        {
            "input": {
                "order": {"number": placed.number},
                "warehouses": [{"id": store}, {"id": 1}],
                "comment": "Ship from the store",
            }
        },
    ).payload("allocateOrder")

    # Then the store gives its 2 units (delivered by a stock change) and the main warehouse 1
    delivery = {"deliveredQuantity": 2, "freeToAllocateQuantity": 2}
    assert result == {
        "userErrors": [],
        "userWarnings": [],
        "order": {
            "number": placed.number,
            "lines": [
                {
                    "id": line,
                    "quantity": 3,
                    "allocatedQuantity": 3,
                    "allocations": [
                        held(line, 1),
                        held(line, 2, store, "Store Stockholm", delivery),
                    ],
                }
            ],
        },
    }
    assert level(centra, item.product_size_id, store) == (2, 2)


def test_allocating_when_no_stock_is_free_is_refused(
    centra: CentraClient, centra_factories: Factories, item: Item
) -> None:
    # Given an order for more units than are free: 2 of them stayed demand at checkout
    free = stock_of(centra, item.product_size_id)[2]
    placed = centra_factories.place_order([(item, free)])
    line = lines_of(centra, placed.number)[0]["id"]
    centra.graphql(
        UNALLOCATE,
        {
            "input": {
                "order": {"number": placed.number},
                "unallocate": [{"orderLine": {"id": line}, "quantity": 2}],
                "stockActionPolicy": {"removeItemsFromStock": True},
            }
        },
    ).ok("unallocateOrder")

    # When the integration asks to allocate 5 units of the line
    result = centra.graphql(
        ALLOCATE,
        {
            "input": {
                "order": {"number": placed.number},
                "allocate": [{"orderLine": {"id": line}, "quantity": 5}],
            }
        },
    ).payload("allocateOrder")

    # Then it is refused: the allocation rule's warehouses have none of the size free
    assert result["userErrors"] == [
        {
            "message": f"Nothing could be allocated for order {placed.number}: the warehouses "
            "have no free stock of the sizes asked.",
            "path": ["input", "allocate"],
        }
    ]
    assert lines_of(centra, placed.number)[0]["allocatedQuantity"] == free - 2


def test_allocating_part_of_the_demand_warns_about_the_rest(
    centra: CentraClient, centra_factories: Factories, item: Item
) -> None:
    # Given an order of 4 units with 3 released, and then 2 free units taken by another order
    placed = centra_factories.place_order([(item, 4)])
    line = lines_of(centra, placed.number)[0]["id"]
    centra.graphql(
        UNALLOCATE,
        {
            "input": {
                "order": {"number": placed.number},
                "unallocate": [{"orderLine": {"id": line}, "quantity": 3}],
                "stockActionPolicy": RELEASE,
            }
        },
    ).ok("unallocateOrder")
    free = stock_of(centra, item.product_size_id)[2]
    centra_factories.place_order([(item, free - 2)])

    # When the whole order is allocated again
    result = centra.graphql(ALLOCATE, {"input": {"order": {"number": placed.number}}}).payload(
        "allocateOrder"
    )

    # Then 2 of the 3 units are allocated and a warning tells about the third
    assert result["userErrors"] == []
    assert result["userWarnings"] == [
        {
            "message": f"Only 2 of 3 units of order line {line} could be allocated: the "
            "warehouses have no more free stock of its size.",
            "path": ["input", "order"],
        }
    ]
    assert result["order"]["lines"][0]["allocations"] == [held(line, 3)]
    assert stock_of(centra, item.product_size_id)[2] == 0


def test_asking_to_unallocate_more_than_is_allocated_warns_and_takes_what_there_is(
    centra: CentraClient, placed: PlacedOrder, item: Item
) -> None:
    line = lines_of(centra, placed.number)[0]["id"]
    physical, allocated, free = stock_of(centra, item.product_size_id)

    result = centra.graphql(
        UNALLOCATE,
        {
            "input": {
                "order": {"number": placed.number},
                "unallocate": [{"orderLine": {"id": line}, "quantity": 5}],
                "stockActionPolicy": RELEASE,
            }
        },
    ).payload("unallocateOrder")

    assert result["userErrors"] == []
    assert result["userWarnings"] == [
        {
            "message": f"Order line {line} has 3 allocated units that are not shipped or in a "
            "shipment; 5 were asked.",
            "path": ["input", "unallocate", "0", "quantity"],
        }
    ]
    assert stock_of(centra, item.product_size_id) == (physical, allocated - 3, free + 3)


def test_units_in_a_shipment_cannot_be_unallocated(
    centra: CentraClient, centra_factories: Factories, placed: PlacedOrder, item: Item
) -> None:
    # Given the order's 3 units in an unshipped shipment
    centra_factories.ship(placed.number, capture=False, complete=False)
    before = stock_of(centra, item.product_size_id)

    # When the integration tries to unallocate the order
    result = centra.graphql(
        UNALLOCATE,
        {"input": {"order": {"number": placed.number}, "stockActionPolicy": RELEASE}},
    ).payload("unallocateOrder")

    # Then it is refused and the shipment keeps its stock
    assert result["userErrors"] == [
        {
            "message": f"Order {placed.number} has no allocated units to unallocate: shipped "
            "units and units in shipments cannot be unallocated.",
            "path": ["input", "order"],
        }
    ]
    assert stock_of(centra, item.product_size_id) == before


def refusal(operation, name, extra, message, path, id):  # noqa: A002
    """One refused call: `extra(line_id)` adds to the input, `message` may name {number}/{line}."""
    return pytest.param(operation, name, extra, message, path, id=id)


POLICY_ERROR = (
    "Choose exactly one of releaseItemsBackToWarehouse, sendItemsToDifferentWarehouse and "
    "removeItemsFromStock."
)

REFUSALS = [
    refusal(
        UNALLOCATE,
        "unallocateOrder",
        lambda line: {"stockActionPolicy": {}},
        POLICY_ERROR,
        ["input", "stockActionPolicy"],
        "no stock policy",
    ),
    refusal(
        UNALLOCATE,
        "unallocateOrder",
        lambda line: {
            "stockActionPolicy": {"releaseItemsBackToWarehouse": True, "removeItemsFromStock": True}
        },
        POLICY_ERROR,
        ["input", "stockActionPolicy"],
        "two stock policies",
    ),
    refusal(
        UNALLOCATE,
        "unallocateOrder",
        lambda line: {"stockActionPolicy": {"sendItemsToDifferentWarehouse": {"id": 99}}},
        "Could not find Warehouse with ID 99.",
        ["input", "stockActionPolicy", "sendItemsToDifferentWarehouse"],
        "unknown target warehouse",
    ),
    refusal(
        UNALLOCATE,
        "unallocateOrder",
        lambda line: {
            "stockActionPolicy": RELEASE,
            "unallocate": [{"orderLine": {"id": 999}, "quantity": 1}],
        },
        "Order line 999 does not belong to order {number}.",
        ["input", "unallocate", "0", "orderLine"],
        "line of another order",
    ),
    refusal(
        UNALLOCATE,
        "unallocateOrder",
        lambda line: {
            "stockActionPolicy": RELEASE,
            "unallocate": [{"orderLine": {"id": line}, "quantity": 0}],
        },
        "Quantity must be at least 1.",
        ["input", "unallocate", "0", "quantity"],
        "zero quantity",
    ),
    refusal(
        UNALLOCATE,
        "unallocateOrder",
        lambda line: {"stockActionPolicy": RELEASE, "warehouses": [{"id": 1}, {"id": 1}]},
        "Warehouse 1 is listed twice.",
        ["input", "warehouses", "1"],
        "warehouse twice",
    ),
    refusal(
        ALLOCATE,
        "allocateOrder",
        lambda line: {
            "allocate": [
                {"orderLine": {"id": line}, "quantity": 1},
                {"orderLine": {"id": line}, "quantity": 1},
            ]
        },
        "Order line {line} is listed twice.",
        ["input", "allocate", "1", "orderLine"],
        "line twice",
    ),
    refusal(
        ALLOCATE,
        "allocateOrder",
        lambda line: {"warehouses": [{"id": 42}]},
        "Could not find Warehouse with ID 42.",
        ["input", "warehouses", "0"],
        "unknown warehouse",
    ),
    refusal(
        ALLOCATE,
        "allocateOrder",
        lambda line: {},
        "Order {number} has nothing to allocate: the order has no unallocated units.",
        ["input", "order"],
        "nothing to allocate",
    ),
    refusal(
        ALLOCATE,
        "allocateOrder",
        lambda line: {"order": {"number": 999}},
        "Could not find order with number 999.",
        ["input", "order"],
        "unknown order",
    ),
]


@pytest.mark.parametrize(("operation", "name", "extra", "message", "path"), REFUSALS)
def test_refused_input_changes_nothing(
    centra: CentraClient,
    placed: PlacedOrder,
    item: Item,
    operation: str,
    name: str,
    extra: Callable[[int], dict[str, Any]],
    message: str,
    path: list[str],
) -> None:
    # Given a placed order and the stock as it stands
    lines = lines_of(centra, placed.number)
    line = lines[0]["id"]
    stock = stock_of(centra, item.product_size_id)

    # When the mutation is refused
    input = {"order": {"number": placed.number}, **extra(line)}
    result = centra.graphql(operation, {"input": input}).payload(name)

    # Then it says why, and neither stock nor allocations moved
    expected = message.format(number=placed.number, line=line)
    assert result == {
        "userErrors": [{"message": expected, "path": path}],
        "userWarnings": [],
        "order": None,
    }
    assert stock_of(centra, item.product_size_id) == stock
    assert lines_of(centra, placed.number) == lines


def test_a_cancelled_order_cannot_be_allocated(
    centra: CentraClient, placed: PlacedOrder, item: Item
) -> None:
    centra.graphql(
        """mutation($id:String!){ cancelDirectToConsumerOrder(id:$id) {
          userErrors { message } } }""",
        {"id": placed.id},
    ).ok("cancelDirectToConsumerOrder")
    stock = stock_of(centra, item.product_size_id)

    result = centra.graphql(ALLOCATE, {"input": {"order": {"number": placed.number}}}).payload(
        "allocateOrder"
    )

    assert result["userErrors"] == [
        {
            "message": f'Order {placed.number} is "CANCELLED": its stock cannot be allocated.',
            "path": ["input", "order"],
        }
    ]
    assert stock_of(centra, item.product_size_id) == stock


def test_allocation_mutations_need_order_write(
    centra: CentraClient, placed: PlacedOrder, item: Item
) -> None:
    # Given a token that may read orders but not change them
    made = centra.post("/_mock/tokens", json={"token": "ro", "permissions": ["Order:read"]})
    assert made.status_code == 201
    stock = stock_of(centra, item.product_size_id)

    # When it asks to unallocate an order
    result = centra.graphql(
        UNALLOCATE,
        {"input": {"order": {"number": placed.number}, "stockActionPolicy": RELEASE}},
        token="ro",
    )

    # Then it is refused as Centra refuses it, and the stock stays where it was
    assert [e["message"] for e in result.errors] == [
        "You need Order:write permission to access unallocateOrder."
    ]
    assert stock_of(centra, item.product_size_id) == stock
