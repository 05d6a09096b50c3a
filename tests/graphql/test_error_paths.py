"""Where a refused mutation's userErrors point: the domain names the part of its input at
fault, the Integration API places it under the mutation's argument (`id`, `input`, or an
index of a list argument). A sample per area, pinned exactly; each refusal changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from mockcentra.testing import CentraClient

MISSING = 987654

#: (mutation, its input type or None when it takes only an id, the error message)
BY_UNKNOWN_ID = [
    ("updateVoucher", "VoucherUpdateInput", f"Could not find voucher with ID {MISSING}."),
    ("updatePricelist", "PricelistUpdateInput", f"Could not find Pricelist with ID {MISSING}."),
    ("deletePricelist", None, f"Could not find Pricelist with ID {MISSING}."),
    (
        "updatePriceAlteration",
        "PriceAlterationUpdateInput",
        f"Could not find PriceAlteration with ID {MISSING}.",
    ),
    ("updateWarehouse", "WarehouseUpdateInput", f"Could not find Warehouse with ID {MISSING}."),
    ("updateMarket", "MarketUpdateInput", f"Could not find Market with ID {MISSING}."),
    ("updateBrand", "BrandUpdateInput", f"Could not find Brand with ID {MISSING}."),
    ("updateCollection", "CollectionUpdateInput", f"Could not find Collection with ID {MISSING}."),
    ("updateProduct", "ProductUpdateInput", f"Could not find Product with ID {MISSING}."),
    (
        "updateProductVariant",
        "ProductVariantUpdateInput",
        f"Could not find ProductVariant with ID {MISSING}.",
    ),
    (
        "updateProductSize",
        "ProductSizeUpdateInput",
        f"Could not find ProductSize with ID {MISSING}.",
    ),
    ("deleteSizeChart", None, f"Could not find SizeChart with ID {MISSING}."),
    ("deleteMeasurementChart", None, f"Could not find MeasurementChart with ID {MISSING}."),
    ("deleteProductMedia", None, f"Could not find ProductMedia with ID {MISSING}."),
    ("updateAccount", "AccountUpdateInput", f"Could not find Account with ID {MISSING}."),
    ("updateBuyer", "BuyerUpdateInput", f"Could not find Buyer with ID {MISSING}."),
    (
        "updateDeliveryWindow",
        "DeliveryWindowUpdateInput",
        f"Could not find DeliveryWindow with ID {MISSING}.",
    ),
    ("updateDisplay", "DisplayUpdateInput", f"Could not find Display with ID {MISSING}."),
    ("updateCategory", "CategoryUpdateInput", f"Could not find Category with ID {MISSING}."),
]


def refused(centra: CentraClient, query: str, variables: dict[str, Any], name: str) -> list:
    """The mutation's userErrors, after checking that the refusal changed nothing."""
    errors = centra.graphql(query, variables).payload(name)["userErrors"]
    assert centra.get("/_mock/diff").json()["changed"] == 0
    return errors


@pytest.mark.parametrize(("name", "input_type", "message"), BY_UNKNOWN_ID)
def test_an_unknown_id_is_reported_at_the_id_argument(
    centra: CentraClient, name: str, input_type: str | None, message: str
) -> None:
    if input_type is None:
        query = f"mutation($id: Int!) {{ {name}(id: $id) {{ userErrors {{ message path }} }} }}"
        variables: dict[str, Any] = {"id": MISSING}
    else:
        query = (
            f"mutation($id: Int!, $input: {input_type}!) {{ {name}(id: $id, input: $input) "
            "{ userErrors { message path } } }"
        )
        variables = {"id": MISSING, "input": {}}
    assert refused(centra, query, variables, name) == [{"message": message, "path": ["id"]}]


#: (mutation text, variables, root field, the userErrors it answers)
BY_FIELD = [
    pytest.param(
        "mutation($id: Int!, $input: PricelistUpdateInput!) { updatePricelist(id: $id,"
        " input: $input) { userErrors { message path } } }",
        {"id": 1, "input": {"name": " "}},
        "updatePricelist",
        [{"message": "Pricelist name cannot be empty.", "path": ["input", "name"]}],
        id="pricelist name",
    ),
    pytest.param(
        "mutation($id: Int!, $input: ProductUpdateInput!) { updateProduct(id: $id,"
        " input: $input) { userErrors { message path } } }",
        {"id": 1, "input": {"name": ""}},
        "updateProduct",
        [{"message": "Product name cannot be empty.", "path": ["input", "name"]}],
        id="product name",
    ),
    pytest.param(
        "mutation($id: Int!, $input: BrandUpdateInput!) { updateBrand(id: $id, input: $input)"
        " { userErrors { message path } } }",
        {"id": 1, "input": {"addToStores": [{"id": 1}, {"id": MISSING}]}},
        "updateBrand",
        [
            {
                "message": f"Could not find Store with ID {MISSING}.",
                "path": ["input", "addToStores", "1"],
            }
        ],
        id="brand store",
    ),
    pytest.param(
        "mutation($id: Int!, $input: MarketUpdateInput!) { updateMarket(id: $id, input: $input)"
        " { userErrors { message path } } }",
        {"id": 1, "input": {"name": ""}},
        "updateMarket",
        [{"message": "Market name cannot be empty.", "path": ["input", "name"]}],
        id="market name",
    ),
    pytest.param(
        "mutation($id: Int!, $input: DisplayUpdateInput!) { updateDisplay(id: $id,"
        " input: $input) { userErrors { message path } } }",
        {"id": 1, "input": {"name": ""}},
        "updateDisplay",
        [{"message": "Display name cannot be empty.", "path": ["input", "name"]}],
        id="display name",
    ),
    pytest.param(
        "mutation($input: [SetPricesInput!]!) { setPricesBatch(input: $input)"
        " { userErrors { message path } } }",
        {
            "input": [
                {"pricelist": {"id": 1}, "productPrices": []},
                {"pricelist": {"id": MISSING}, "productPrices": []},
            ]
        },
        "setPricesBatch",
        [
            {
                "message": f"Could not find Pricelist with ID {MISSING}.",
                "path": ["input", "1", "pricelist"],
            }
        ],
        id="second pricelist of a batch",
    ),
    pytest.param(
        "mutation($input: StockChangeInput!) { changeStock(input: $input)"
        " { userErrors { message path } } }",
        {"input": {"description": "nowhere"}},
        "changeStock",
        [
            {
                "message": "Provide intoWarehouse to add stock, outFromWarehouse to remove it, or both to move it.",
                "path": ["input"],
            }
        ],
        id="stock change as a whole",
    ),
    pytest.param(
        "mutation($input: ConfirmEventsInput!) { confirmEvents(input: $input)"
        " { userErrors { message path } userWarnings { message path } } }",
        {"input": {"eventsIds": [MISSING]}},
        "confirmEvents",
        [
            {
                "message": f"Could not find event with ID {MISSING}.",
                "path": ["input", "eventsIds", "0"],
            }
        ],
        id="confirmed event warning",
    ),
]


@pytest.mark.parametrize(("query", "variables", "name", "expected"), BY_FIELD)
def test_a_field_at_fault_is_reported_under_the_argument_that_held_it(
    centra: CentraClient, query: str, variables: dict[str, Any], name: str, expected: list
) -> None:
    payload = centra.graphql(query, variables).payload(name)
    assert centra.get("/_mock/diff").json()["changed"] == 0
    assert [*payload["userErrors"], *payload.get("userWarnings", [])] == expected


@pytest.mark.parametrize(
    ("mutation", "argument", "value", "message"),
    [
        ("cancelOrder", "order: {number: $ref}", MISSING, f"with number {MISSING}."),
        ("captureOrder", "order: {number: $ref}", MISSING, f"with number {MISSING}."),
        ("cancelDirectToConsumerOrder", "id: $ref", "abc", "with ID abc."),
    ],
)
def test_an_unknown_order_is_reported_at_the_argument_that_named_it(
    centra: CentraClient, mutation: str, argument: str, value: Any, message: str
) -> None:
    ref_type = "Int!" if isinstance(value, int) else "String!"
    query = (
        f"mutation($ref: {ref_type}) {{ {mutation}({argument}) "
        "{ userErrors { message path } } }"
    )
    assert refused(centra, query, {"ref": value}, mutation) == [
        {"message": f"Could not find order {message}", "path": [argument.split(":")[0]]}
    ]


def test_a_shipment_created_shipped_but_not_good_to_go_is_refused_at_shipped_at(
    centra: CentraClient, centra_factories: Any
) -> None:
    # given: a confirmed order
    placed = centra_factories.place_order()
    centra_factories.confirm(placed.number)
    line = centra.graphql(
        "query($n:[Int!]){orders(where:{number:$n}){lines{id}}}", {"n": [placed.number]}
    ).payload("orders")[0]["lines"][0]

    changed_before = centra.get("/_mock/diff").json()["changed"]

    # when: a shipment is created already shipped, without being good to go
    errors = centra.graphql(
        "mutation($n:Int!,$l:Int!){createShipment(input:{order:{number:$n},"
        ' lines:[{orderLine:{id:$l}, quantity:1}], shippedAt:"2026-01-02T10:00:00Z"})'
        "{ userErrors { message path } } }",
        {"n": placed.number, "l": line["id"]},
    ).payload("createShipment")["userErrors"]

    # then: the refusal points at shippedAt, which asked to complete it, and changed nothing
    assert centra.get("/_mock/diff").json()["changed"] == changed_before
    assert errors == [
        {
            "message": f"Shipment {placed.number}-1 is not good to go.",
            "path": ["input", "shippedAt"],
        }
    ]
