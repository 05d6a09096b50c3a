"""ID conversion: an integration's own ids, set, read, removed and used in references."""

from __future__ import annotations

from typing import Any

import pytest

from mockcentra.testing import CentraClient

SET = """
mutation($input: [IdConversionSetInput!]!) {
  setIdConversions(input: $input) {
    entries { id externalId internalId objectType integrationName }
    userErrors { message path }
    userWarnings { message path }
  }
}
"""

UNSET = """
mutation($input: [IdConversionUnsetInput!]!) {
  unsetIdConversions(input: $input) {
    userErrors { message path }
    userWarnings { message path }
  }
}
"""

LIST = """
query($where: IdConversionFilter) {
  idConversions(where: $where) { externalId internalId objectType }
}
"""

SET_PRICE = """
mutation($pricelist: PricelistInput!) {
  setPrices(input: {pricelist: $pricelist,
    productPrices: [{product: {id: 1}, price: {value: 5, currencyIsoCode: "EUR"}}]}) {
    pricelist { id }
    userErrors { message path }
  }
}
"""


def entry(object_type: str, internal: int, external: str) -> dict[str, Any]:
    return {"objectType": object_type, "internalId": internal, "externalId": external}


def listed(centra: CentraClient, token: Any = None, **where: Any) -> list[tuple[str, int, str]]:
    kwargs = {} if token is None else {"token": token}
    rows = centra.graphql(LIST, {"where": where or None}, **kwargs).payload("idConversions")
    return [(r["objectType"], r["internalId"], r["externalId"]) for r in rows]


def test_set_is_a_batch_and_idempotent(centra: CentraClient) -> None:
    body = [entry("Pricelist", 2, "EU"), entry("Market", 1, "retail")]

    first = centra.graphql(SET, {"input": body}).ok("setIdConversions")
    again = centra.graphql(SET, {"input": body}).ok("setIdConversions")

    assert first["entries"] == [
        {
            "id": 1,
            "externalId": "EU",
            "internalId": 2,
            "objectType": "Pricelist",
            "integrationName": "default",
        },
        {
            "id": 2,
            "externalId": "retail",
            "internalId": 1,
            "objectType": "Market",
            "integrationName": "default",
        },
    ]
    assert again["entries"] == first["entries"]
    assert again["userWarnings"] == []
    assert listed(centra) == [("Pricelist", 2, "EU"), ("Market", 1, "retail")]


def test_a_single_entry_is_accepted_without_a_list(centra: CentraClient) -> None:
    result = centra.graphql(
        'mutation { setIdConversions(input: {objectType: Product, internalId: 3, externalId: "P-3"})'
        " { entries { internalId } userErrors { message } } }"
    )

    assert result.ok("setIdConversions")["entries"] == [{"internalId": 3}]
    assert result.extensions["permissionsUsed"] == ["IdConversion:write", "IdConversion:read"]


def test_a_new_external_id_replaces_the_old_one(centra: CentraClient) -> None:
    centra.graphql(SET, {"input": [entry("Pricelist", 2, "EU")]}).ok("setIdConversions")

    replaced = centra.graphql(SET, {"input": [entry("Pricelist", 2, "EURO")]}).ok(
        "setIdConversions"
    )

    assert replaced["entries"][0]["id"] == 1
    assert replaced["userWarnings"] == []
    assert listed(centra) == [("Pricelist", 2, "EURO")]
    old = centra.graphql(SET_PRICE, {"pricelist": {"externalId": "EU"}}).payload("setPrices")
    assert old["userErrors"] == [
        {"message": "Could not find Pricelist with external ID EU.", "path": ["input", "pricelist"]}
    ]
    new = centra.graphql(SET_PRICE, {"pricelist": {"externalId": "EURO"}}).ok("setPrices")
    assert new["pricelist"] == {"id": 2}


def test_an_external_id_taken_from_another_object_moves_with_a_warning(
    centra: CentraClient,
) -> None:
    centra.graphql(SET, {"input": [entry("Pricelist", 3, "19")]}).ok("setIdConversions")

    moved = centra.graphql(SET, {"input": [entry("Pricelist", 2, "19")]}).ok("setIdConversions")

    assert moved["userWarnings"] == [
        {
            "message": 'External ID "19" of Pricelist 3 now points to Pricelist 2.',
            "path": ["input", "0"],
        }
    ]
    assert listed(centra) == [("Pricelist", 2, "19")]
    used = centra.graphql(SET_PRICE, {"pricelist": {"externalId": "19"}}).ok("setPrices")
    assert used["pricelist"] == {"id": 2}


@pytest.mark.parametrize(
    ("bad", "message", "path"),
    [
        (
            entry("Pricelist", 99, "x"),
            "Could not find Pricelist with ID 99.",
            ["input", "1", "internalId"],
        ),
        (
            entry("ProductVariant", 9999, "x"),
            "Could not find ProductVariant with ID 9999.",
            ["input", "1", "internalId"],
        ),
        (
            entry("Product", 0, "x"),
            "Internal ID must be a positive integer.",
            ["input", "1", "internalId"],
        ),
        (
            entry("Market", 1, ""),
            "External ID must be between 1 and 255 characters.",
            ["input", "1", "externalId"],
        ),
        (
            entry("Market", 1, "x" * 256),
            "External ID must be between 1 and 255 characters.",
            ["input", "1", "externalId"],
        ),
    ],
)
def test_refused_batches_change_nothing(
    centra: CentraClient, bad: dict[str, Any], message: str, path: list[str]
) -> None:
    payload = centra.graphql(SET, {"input": [entry("Store", 1, "dtc"), bad]}).payload(
        "setIdConversions"
    )

    assert payload == {
        "entries": None,
        "userErrors": [{"message": message, "path": path}],
        "userWarnings": [],
    }
    assert listed(centra) == []


def test_types_without_a_table_are_not_checked(centra: CentraClient) -> None:
    payload = centra.graphql(SET, {"input": [entry("AdminUser", 12345, "ops")]}).ok(
        "setIdConversions"
    )

    assert payload["entries"][0]["objectType"] == "AdminUser"


def test_entries_are_per_integration(centra: CentraClient) -> None:
    centra.post(
        "/_mock/tokens",
        json={"token": "wms", "permissions": ["*"], "integrationName": "warehouse-system"},
    )
    centra.graphql(SET, {"input": [entry("Pricelist", 2, "EU")]}).ok("setIdConversions")

    theirs = centra.graphql(SET, {"input": [entry("Pricelist", 3, "EU")]}, token="wms").ok(
        "setIdConversions"
    )

    assert theirs["entries"][0]["integrationName"] == "warehouse-system"
    assert listed(centra) == [("Pricelist", 2, "EU")]
    assert listed(centra, token="wms") == [("Pricelist", 3, "EU")]
    mine = centra.graphql(SET_PRICE, {"pricelist": {"externalId": "EU"}}).ok("setPrices")
    other = centra.graphql(SET_PRICE, {"pricelist": {"externalId": "EU"}}, token="wms").payload(
        "setPrices"
    )
    assert mine["pricelist"] == {"id": 2}
    assert other["userErrors"][0]["message"] == (
        "Price currency EUR does not match the pricelist currency USD."
    )


def test_filters(centra: CentraClient) -> None:
    centra.graphql(
        SET,
        {
            "input": [
                entry("Market", 1, "A"),
                entry("Market", 2, "B"),
                entry("Pricelist", 1, "AB"),
            ]
        },
    ).ok("setIdConversions")

    assert listed(centra, objectType="Market", externalId={"equals": "A"}) == [("Market", 1, "A")]
    assert listed(centra, externalId={"contains": "B"}) == [
        ("Market", 2, "B"),
        ("Pricelist", 1, "AB"),
    ]
    assert listed(centra, internalId=[1]) == [("Market", 1, "A"), ("Pricelist", 1, "AB")]
    assert listed(centra, objectType=["Pricelist", "Product"]) == [("Pricelist", 1, "AB")]


def test_unset_by_each_kind_of_reference(centra: CentraClient) -> None:
    made = centra.graphql(
        SET,
        {
            "input": [
                entry("Market", 1, "A"),
                entry("Market", 2, "B"),
                entry("Pricelist", 1, "C"),
                entry("Pricelist", 2, "D"),
            ]
        },
    ).ok("setIdConversions")["entries"]

    payload = centra.graphql(
        UNSET,
        {
            "input": [
                {"objectType": "Market", "idConversion": {"id": made[0]["id"]}},
                {"objectType": "Market", "idConversion": {"internalId": 2}},
                {"objectType": "Pricelist", "idConversion": {"externalId": "C"}},
            ]
        },
    ).ok("unsetIdConversions")

    assert payload["userWarnings"] == []
    assert listed(centra) == [("Pricelist", 2, "D")]


def test_unset_of_a_missing_entry_is_a_warning(centra: CentraClient) -> None:
    centra.graphql(SET, {"input": [entry("Market", 1, "A")]}).ok("setIdConversions")

    payload = centra.graphql(
        UNSET,
        {
            "input": [
                {"objectType": "Pricelist", "idConversion": {"externalId": "A"}},
                {"objectType": "Market", "idConversion": {"externalId": "A"}},
            ]
        },
    ).ok("unsetIdConversions")

    assert payload["userWarnings"] == [
        {
            "message": 'No Pricelist ID conversion entry with external ID "A", skipped.',
            "path": ["input", "0", "idConversion"],
        }
    ]
    assert listed(centra) == []


def test_unset_needs_exactly_one_reference(centra: CentraClient) -> None:
    centra.graphql(SET, {"input": [entry("Market", 1, "A")]}).ok("setIdConversions")

    payload = centra.graphql(
        UNSET,
        {"input": [{"objectType": "Market", "idConversion": {"internalId": 1, "externalId": "A"}}]},
    ).payload("unsetIdConversions")

    assert payload["userErrors"] == [
        {
            "message": "Give exactly one of id, internalId or externalId.",
            "path": ["input", "0", "idConversion"],
        }
    ]
    assert listed(centra) == [("Market", 1, "A")]


def test_external_ids_resolve_in_other_areas(centra: CentraClient) -> None:
    centra.graphql(
        SET,
        {
            "input": [
                entry("Store", 1, "web"),
                entry("Product", 20, "erp-20"),
                entry("Market", 1, "nordics"),
            ]
        },
    ).ok("setIdConversions")

    payload = centra.graphql(
        """mutation { createDisplay(input: {name: "Cap", status: ACTIVE,
          store: {externalId: "web"}, product: {externalId: "erp-20"},
          addMarkets: [{externalId: "nordics"}]}) {
          display { store { id } product { id } markets { id } } userErrors { message path } } }"""
    ).ok("createDisplay")

    assert payload["display"] == {"store": {"id": 1}, "product": {"id": 20}, "markets": [{"id": 1}]}


def test_id_conversion_needs_its_permissions(centra: CentraClient) -> None:
    centra.post("/_mock/tokens", json={"token": "ro", "permissions": ["IdConversion:read"]})

    refused = centra.graphql(SET, {"input": [entry("Market", 1, "A")]}, token="ro")
    allowed = centra.graphql(LIST, token="ro")

    assert refused.errors[0]["message"] == (
        "You need IdConversion:write permission to access setIdConversions."
    )
    assert allowed.payload("idConversions") == []
    assert allowed.extensions["permissionsUsed"] == ["IdConversion:read"]


# ------------------------------------------------------- externalId on create inputs

CREATE_ALL = """
mutation($chart: String!, $product: String!, $variant: String!, $number: String!) {
  chart: createSizeChart(input: {name: $number, horizontalLabels: ["80", "90"],
                                 externalId: $chart}) {
    sizeChart { id }
    userErrors { message path }
  }
  product: createProduct(input: {name: "Leather belt", status: ACTIVE,
                                 productNumber: $number, externalId: $product}) {
    product { id }
    userErrors { message path }
  }
  variant: createProductVariant(input: {product: {externalId: $product}, name: "Brown",
                                        status: ACTIVE, sizeChart: {externalId: $chart},
                                        externalId: $variant}) {
    productVariant { id product { id } sizeChart { id } }
    userErrors { message path }
  }
}
"""


def products_numbered(centra: CentraClient, number: str) -> list[dict[str, Any]]:
    return centra.graphql(
        "query($n: String) { products(where: {productNumber: {equals: $n}}) { id } }",
        {"n": number},
    ).payload("products")


def test_objects_created_with_an_external_id_are_referenced_by_it_in_the_same_request(
    centra: CentraClient,
) -> None:
    done = centra.graphql(
        CREATE_ALL,
        {"chart": "BELTS", "product": "PIM-BELT-1", "variant": "PIM-BELT-1-BR", "number": "B-1"},
    )

    assert done.errors == []
    chart = done.data["chart"]["sizeChart"]["id"]
    product = done.data["product"]["product"]["id"]
    variant = done.data["variant"]["productVariant"]
    assert [done.data[k]["userErrors"] for k in ("chart", "product", "variant")] == [[], [], []]
    assert variant["product"] == {"id": product} and variant["sizeChart"] == {"id": chart}
    assert listed(centra) == [
        ("SizeChart", chart, "BELTS"),
        ("Product", product, "PIM-BELT-1"),
        ("ProductVariant", variant["id"], "PIM-BELT-1-BR"),
    ]
    again = centra.graphql(
        'query { product: idConversions(where: {objectType: Product, externalId: {equals: "PIM-BELT-1"}}) { internalId } }'
    ).payload("product")
    assert again == [{"internalId": product}]


def test_a_create_with_an_external_id_naming_another_object_is_refused_and_undone(
    centra: CentraClient,
) -> None:
    first = centra.graphql(
        CREATE_ALL, {"chart": "BELTS", "product": "PIM-BELT", "variant": "V-1", "number": "B-1"}
    )
    assert first.errors == []
    before = listed(centra)

    refused = centra.graphql(
        """mutation {
          createProduct(input: {name: "Canvas belt", status: ACTIVE, productNumber: "B-2",
                                externalId: "PIM-BELT"}) {
            product { id }
            userErrors { message path }
          }
        }"""
    ).payload("createProduct")
    blank = centra.graphql(
        """mutation {
          createSizeChart(input: {name: "Bands", horizontalLabels: ["1"], externalId: ""}) {
            sizeChart { id }
            userErrors { message path }
          }
        }"""
    ).payload("createSizeChart")

    taken_by = first.data["product"]["product"]["id"]
    assert refused == {
        "product": None,
        "userErrors": [
            {
                "message": f'External ID "PIM-BELT" is already used by Product {taken_by}.',
                "path": ["input", "externalId"],
            }
        ],
    }
    assert blank == {
        "sizeChart": None,
        "userErrors": [
            {
                "message": "External ID must be between 1 and 255 characters.",
                "path": ["input", "externalId"],
            }
        ],
    }
    assert products_numbered(centra, "B-2") == []
    assert (
        centra.graphql('{ sizeCharts(where: {name: {equals: "Bands"}}) { id } }').payload(
            "sizeCharts"
        )
        == []
    )
    assert listed(centra) == before


def test_another_integration_may_create_with_the_same_external_id(centra: CentraClient) -> None:
    centra.post(
        "/_mock/tokens",
        json={"token": "erp", "permissions": ["*"], "integrationName": "erp-system"},
    )
    ours = centra.graphql(
        CREATE_ALL, {"chart": "BELTS", "product": "BELT", "variant": "BELT-BR", "number": "B-1"}
    )
    theirs = centra.graphql(
        CREATE_ALL,
        {"chart": "BELTS-2", "product": "BELT", "variant": "BELT-BR", "number": "B-2"},
        token="erp",
    )

    assert ours.errors == [] and theirs.errors == []
    assert [theirs.data[k]["userErrors"] for k in ("chart", "product", "variant")] == [[], [], []]
    assert listed(centra, token="erp", objectType=["Product"]) == [
        ("Product", theirs.data["product"]["product"]["id"], "BELT")
    ]
    assert listed(centra, objectType=["Product"]) == [
        ("Product", ours.data["product"]["product"]["id"], "BELT")
    ]
