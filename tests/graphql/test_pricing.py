"""Pricelists, prices and wholesale price alterations through the Integration API."""

from __future__ import annotations

from typing import Any

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.client import GraphQLResponse
from tests.graphql._pricing_setup import (
    create_pricelist,
    demo_product_with_variants,
    events,
    new_product,
    prices,
    set_external_id,
)

CREATE = """
mutation($input: PricelistCreateInput!) {
  createPricelist(input: $input) {
    pricelist {
      id name status store { id } currency { code }
      assignedToCountries { code } defaultShippingOption { id }
    }
    userErrors { message path }
  }
}
"""

UPDATE = """
mutation($id: Int!, $input: PricelistUpdateInput!) {
  updatePricelist(id: $id, input: $input) {
    pricelist { id name status assignedToCountries { code } defaultShippingOption { id } }
    userErrors { message path }
  }
}
"""

SET_PRICES = """
mutation($input: SetPricesInput!) {
  setPrices(input: $input) {
    pricelist { id }
    products { id }
    userErrors { message path }
    userWarnings { message path }
  }
}
"""


def set_prices(
    centra: CentraClient, *product_prices: dict[str, Any], pricelist: Any = None, **more: Any
) -> GraphQLResponse:
    """setPrices on `pricelist` (default the EUR pricelist, id 2) with these `productPrices`;
    `more` are further input fields by their GraphQL names."""
    input = {"pricelist": pricelist or {"id": 2}, "productPrices": list(product_prices), **more}
    return centra.graphql(SET_PRICES, {"input": input})


SET_PRICES_BATCH = """
mutation($input: [SetPricesInput!]!) {
  setPricesBatch(input: $input) {
    pricelists { id }
    products { id }
    userErrors { message path }
    userWarnings { message path }
  }
}
"""

CREATE_ALTERATION = """
mutation($input: PriceAlterationCreateInput!) {
  createPriceAlteration(input: $input) {
    priceAlteration { id name status startDate endDate store { id } deliveryWindows { id } }
    userErrors { message path }
  }
}
"""

UPDATE_ALTERATION = """
mutation($id: Int!, $input: PriceAlterationUpdateInput!) {
  updatePriceAlteration(id: $id, input: $input) {
    priceAlteration { id name status startDate endDate }
    userErrors { message path }
  }
}
"""

SET_ALTERED = """
mutation($input: SetAlteredPricesInput!) {
  setAlteredPrices(input: $input) {
    priceAlteration { id }
    pricelist { id }
    products { id }
    userErrors { message path }
    userWarnings { message path }
  }
}
"""

ALTERED_PRICES = """
query($id: Int!) {
  priceAlteration(id: $id) {
    prices { pricelist { id } product { id } productVariant { id } price { value } }
  }
}
"""


def eur(value: float) -> dict[str, Any]:
    return {"value": value, "currencyIsoCode": "EUR"}


def countries(centra: CentraClient, pricelist_id: int) -> list[str]:
    found = centra.graphql(
        "query($id: Int!) { pricelist(id: $id) { assignedToCountries { code } } }",
        {"id": pricelist_id},
    ).payload("pricelist")
    return [c["code"] for c in found["assignedToCountries"]]


def pricelist_names(centra: CentraClient) -> list[str]:
    return [p["name"] for p in centra.graphql("{ pricelists { name } }").payload("pricelists")]


DEMO_PRICELISTS = ["SEK", "EUR", "USD", "GBP", "Wholesale EUR"]


# --- createPricelist -------------------------------------------------------------------------


def test_create_pricelist_in_a_wholesale_store(centra: CentraClient) -> None:
    payload = centra.graphql(
        CREATE,
        {
            "input": {
                "name": "  Wholesale GBP ",
                "status": "ACTIVE",
                "store": {"id": 2},
                "currencyIsoCode": "gbp",
            }
        },
    ).ok("createPricelist")

    assert payload["pricelist"] == {
        "id": 6,
        "name": "Wholesale GBP",
        "status": "ACTIVE",
        "store": {"id": 2},
        "currency": {"code": "GBP"},
        "assignedToCountries": [],
        "defaultShippingOption": None,
    }
    listed = centra.graphql("{ pricelists(where: {storeId: 2}) { id name } }").payload("pricelists")
    assert listed == [{"id": 5, "name": "Wholesale EUR"}, {"id": 6, "name": "Wholesale GBP"}]
    assert events(centra, "Pricelist") == [("CREATED", "6", 2)]


@pytest.mark.parametrize(
    ("change", "message", "path"),
    [
        (
            {"currencyIsoCode": "XYZ"},
            "Could not find currency with ISO code XYZ.",
            ["input", "currencyIsoCode"],
        ),
        ({"store": {"id": 9}}, "Could not find Store with ID 9.", ["input", "store"]),
        ({"name": "  "}, "Pricelist name cannot be empty.", ["input", "name"]),
        (
            {"addCountries": [{"code": "SE"}]},
            "Countries can only be assigned to pricelists in direct to consumer stores.",
            ["input", "addCountries"],
        ),
        (
            {"defaultShippingOption": {"id": 1}},
            "Shipping option 1 does not belong to store Wholesale.",
            ["input", "defaultShippingOption"],
        ),
        (
            {"defaultShippingOption": {"id": 99}},
            "Could not find ShippingOption with ID 99.",
            ["input", "defaultShippingOption"],
        ),
    ],
)
def test_create_pricelist_refusals_change_nothing(
    centra: CentraClient, change: dict[str, Any], message: str, path: list[str]
) -> None:
    body = {"name": "X", "status": "ACTIVE", "store": {"id": 2}, "currencyIsoCode": "EUR"}

    payload = centra.graphql(CREATE, {"input": {**body, **change}}).payload("createPricelist")

    assert payload == {"pricelist": None, "userErrors": [{"message": message, "path": path}]}
    assert pricelist_names(centra) == DEMO_PRICELISTS
    assert events(centra, "Pricelist") == []


def test_a_country_belongs_to_one_pricelist_per_store(centra: CentraClient) -> None:
    centra.graphql(UPDATE, {"id": 2, "input": {"removeCountries": [{"code": "FI"}]}}).ok(
        "updatePricelist"
    )
    body = {
        "name": "Nordics",
        "status": "ACTIVE",
        "store": {"id": 1},
        "currencyIsoCode": "EUR",
        "addCountries": [{"code": "FI"}, {"code": "SE"}],
    }

    payload = centra.graphql(CREATE, {"input": body}).payload("createPricelist")

    assert payload["userErrors"] == [
        {
            "message": "Country SE is already assigned to pricelist SEK.",
            "path": ["input", "addCountries", "1"],
        }
    ]
    assert pricelist_names(centra) == DEMO_PRICELISTS
    assert countries(centra, 1) == ["SE"]
    assert "FI" not in countries(centra, 2)


def test_moving_a_country_means_removing_it_first(centra: CentraClient) -> None:
    centra.graphql(UPDATE, {"id": 1, "input": {"removeCountries": [{"code": "SE"}]}}).ok(
        "updatePricelist"
    )

    payload = centra.graphql(
        CREATE,
        {
            "input": {
                "name": "Sweden EUR",
                "status": "ACTIVE",
                "store": {"id": 1},
                "currencyIsoCode": "EUR",
                "addCountries": [{"id": 1}, {"code": "SE"}],
                "defaultShippingOption": {"id": 2},
            }
        },
    ).ok("createPricelist")

    assert payload["pricelist"]["assignedToCountries"] == [{"code": "SE"}]
    assert payload["pricelist"]["defaultShippingOption"] == {"id": 2}
    assert countries(centra, 1) == []


def test_update_pricelist(centra: CentraClient) -> None:
    payload = centra.graphql(
        UPDATE,
        {
            "id": 2,
            "input": {
                "name": "Euro",
                "status": "INACTIVE",
                "addCountries": [{"code": "DE"}],  # already there: a no-op
                "removeCountries": [{"code": "NO"}, {"code": "US"}],  # US is not there: a no-op
                "defaultShippingOption": {"id": 1},
                "currencyIsoCode": "EUR",
            },
        },
    ).ok("updatePricelist")

    assert payload["pricelist"] == {
        "id": 2,
        "name": "Euro",
        "status": "INACTIVE",
        "assignedToCountries": [
            {"code": "DK"},
            {"code": "FI"},
            {"code": "FR"},
            {"code": "DE"},
            {"code": "NL"},
            {"code": "PL"},
        ],
        "defaultShippingOption": {"id": 1},
    }
    assert events(centra, "Pricelist") == [("UPDATED", "2", 1)]


@pytest.mark.parametrize(
    ("pricelist_id", "change", "message", "path"),
    [
        (
            2,
            {"currencyIsoCode": "SEK"},
            "The currency of a pricelist cannot be changed.",
            ["input", "currencyIsoCode"],
        ),
        (
            2,
            {"addCountries": [{"code": "NO"}, {"code": "US"}]},
            "Country US is already assigned to pricelist USD.",
            ["input", "addCountries", "1"],
        ),
        (
            5,
            {"addCountries": [{"code": "SE"}]},
            "Countries can only be assigned to pricelists in direct to consumer stores.",
            ["input", "addCountries"],
        ),
        (
            2,
            {"removeCountries": [{"code": "ZZ"}]},
            "Could not find Country with code ZZ.",
            ["input", "removeCountries", "0"],
        ),
        (77, {"name": "Gone"}, "Could not find Pricelist with ID 77.", ["id"]),
    ],
)
def test_update_pricelist_refusals_change_nothing(
    centra: CentraClient, pricelist_id: int, change: dict[str, Any], message: str, path: list[str]
) -> None:
    before = countries(centra, 2)

    payload = centra.graphql(
        UPDATE, {"id": pricelist_id, "input": {"name": "Renamed", **change}}
    ).payload("updatePricelist")

    assert payload == {"pricelist": None, "userErrors": [{"message": message, "path": path}]}
    assert pricelist_names(centra) == DEMO_PRICELISTS
    assert countries(centra, 2) == before


def test_pricelists_filters_and_single_pricelist(centra: CentraClient) -> None:
    centra.graphql(UPDATE, {"id": 3, "input": {"status": "INACTIVE"}}).ok("updatePricelist")

    active = centra.graphql("{ pricelists(where: {status: ACTIVE, storeId: 1}) { id } }")
    by_id = centra.graphql("{ pricelists(where: {id: [4, 2]}) { id } }")
    paged = centra.graphql("{ pricelists(limit: 2, page: 2) { id } }")
    one = centra.graphql(
        "{ pricelist(id: 4) { name currency { code } } missing: pricelist(id: 99) { id } }"
    )

    assert active.payload("pricelists") == [{"id": 1}, {"id": 2}, {"id": 4}]
    assert by_id.payload("pricelists") == [{"id": 2}, {"id": 4}]
    assert paged.payload("pricelists") == [{"id": 3}, {"id": 4}]
    assert one.data == {"pricelist": {"name": "GBP", "currency": {"code": "GBP"}}, "missing": None}


def test_external_id_given_at_creation_references_the_pricelist(centra: CentraClient) -> None:
    centra.graphql(
        CREATE,
        {
            "input": {
                "name": "Outlet",
                "status": "ACTIVE",
                "store": {"id": 2},
                "currencyIsoCode": "EUR",
                "externalId": "erp-outlet",
            }
        },
    ).ok("createPricelist")

    payload = set_prices(
        centra, {"product": {"id": 1}, "price": eur(10)}, pricelist={"externalId": "erp-outlet"}
    ).ok("setPrices")

    assert payload["pricelist"] == {"id": 6}


def test_pricelist_mutations_need_pricelist_write(centra: CentraClient) -> None:
    centra.post("/_mock/tokens", json={"token": "ro", "permissions": ["Pricelist:read"]})

    refused = centra.graphql(
        CREATE,
        {"input": {"name": "X", "status": "ACTIVE", "store": {"id": 2}, "currencyIsoCode": "EUR"}},
        token="ro",
    )

    assert refused.errors[0]["message"] == (
        "You need Pricelist:write permission to access createPricelist."
    )
    assert pricelist_names(centra) == DEMO_PRICELISTS


# --- setPrices -------------------------------------------------------------------------------


def test_product_price_applies_to_every_variant(centra: CentraClient) -> None:
    product, variants = new_product(centra)

    payload = set_prices(
        centra,
        {
            "product": {"id": product},
            "price": {"value": 59.999, "currencyIsoCode": "EUR"},
            "recommendedRetailPrice": eur(79),
        },
    ).ok("setPrices")

    assert payload == {
        "pricelist": {"id": 2},
        "products": [{"id": product}],
        "userErrors": [],
        "userWarnings": [],
    }
    assert prices(centra, 2, [product]) == [
        (product, variants[0], 60.0, 79.0),
        (product, variants[1], 60.0, 79.0),
    ]
    assert events(centra, "Product")[-1:] == [("DEPENDENT_DATA_CHANGED", str(product), 1)]


def test_individual_variant_prices_win_over_the_product_price(centra: CentraClient) -> None:
    product, (first, second) = new_product(centra)

    set_prices(
        centra,
        {
            "product": {"id": product},
            "price": eur(50),
            "individualVariantPrices": [{"productVariant": {"id": second}, "price": eur(55)}],
        },
    ).ok("setPrices")

    assert prices(centra, 2, [product]) == [
        (product, first, 50.0, None),
        (product, second, 55.0, None),
    ]
    formatted = centra.graphql(
        "query($p: [Int!]) { pricelist(id: 2) { prices(where: {productId: $p, productVariantId: "
        f"[{second}]}}) {{ price {{ value currency {{ code }} formattedValue }} }} }} }}",
        {"p": [product]},
    ).payload("pricelist")
    assert formatted["prices"] == [
        {"price": {"value": 55.0, "currency": {"code": "EUR"}, "formattedValue": "55.00 EUR"}}
    ]


def test_variant_only_prices_leave_other_variants_without_a_price(centra: CentraClient) -> None:
    product, (first, second) = new_product(centra)

    set_prices(
        centra,
        {
            "product": {"id": product},
            "individualVariantPrices": [{"productVariant": {"id": first}, "price": eur(12)}],
        },
    ).ok("setPrices")

    assert prices(centra, 2, [product]) == [
        (product, first, 12.0, None),
        (product, second, None, None),
    ]


def test_override_removes_individual_prices(centra: CentraClient) -> None:
    product, (first, second) = new_product(centra)
    individual = {
        "product": {"id": product},
        "price": eur(50),
        "individualVariantPrices": [
            {"productVariant": {"id": first}, "price": eur(45)},
            {"productVariant": {"id": second}, "price": eur(46)},
        ],
    }
    set_prices(centra, individual)

    set_prices(
        centra,
        {
            "product": {"id": product},
            "price": eur(40),
            "overrideIndividualVariantPrices": True,
        },
    ).ok("setPrices")

    assert prices(centra, 2, [product]) == [
        (product, first, 40.0, None),
        (product, second, 40.0, None),
    ]


def test_a_variant_entry_without_price_removes_its_individual_price(
    centra: CentraClient,
) -> None:
    product, (first, second) = new_product(centra)
    set_prices(
        centra,
        {
            "product": {"id": product},
            "price": eur(50),
            "individualVariantPrices": [{"productVariant": {"id": first}, "price": eur(45)}],
        },
    ).ok("setPrices")

    set_prices(
        centra,
        {
            "product": {"id": product},
            "individualVariantPrices": [{"productVariant": {"id": first}}],
        },
    ).ok("setPrices")

    assert prices(centra, 2, [product]) == [
        (product, first, 50.0, None),
        (product, second, 50.0, None),
    ]


def test_skipped_entries_are_warnings(centra: CentraClient) -> None:
    product, (first, _) = new_product(centra)
    other, (foreign, _) = new_product(centra, name="Other", number="N-2")

    payload = set_prices(
        centra,
        {
            "product": {"id": product},
            "price": eur(30),
            "individualVariantPrices": [
                {"productVariant": {"id": foreign}, "price": eur(1)},
                {"productVariant": {"id": first}, "price": eur(31)},
                {"productVariant": {"id": first}, "price": eur(32)},
            ],
        },
        {"product": {"id": product}, "price": eur(99)},
    ).ok("setPrices")

    assert payload["userWarnings"] == [
        {
            "message": f"Product variant with id {foreign} not assigned to product {product}",
            "path": ["input", "productPrices", "0", "individualVariantPrices", "0"],
        },
        {
            "message": f"Duplicate variant ID {first} skipped",
            "path": ["input", "productPrices", "0", "individualVariantPrices", "2"],
        },
        {
            "message": f"Duplicate product ID {product} skipped",
            "path": ["input", "productPrices", "1"],
        },
    ]
    assert payload["products"] == [{"id": product}]
    assert prices(centra, 2, [product, other])[:1] == [(product, first, 31.0, None)]
    assert prices(centra, 2, [other]) == []


def test_dynamic_bundles_are_skipped_with_a_warning(centra: CentraClient) -> None:
    _, (first, second) = demo_product_with_variants(centra)
    bundle = centra.graphql(
        """mutation($first: Int!, $second: Int!) { createBundle(input: {
          product: {name: "Pick two", status: ACTIVE, productNumber: "FLEX-1"},
          type: FLEXIBLE, priceType: DYNAMIC,
          addBundleSections: [{quantity: 1, productVariants: [{id: $first}, {id: $second}]}]
        }) { bundle { product { id } } userErrors { message } } }""",
        {"first": first, "second": second},
    ).ok("createBundle")["bundle"]["product"]["id"]

    payload = set_prices(centra, {"product": {"id": bundle}, "price": eur(10)}).ok("setPrices")

    assert payload["userWarnings"] == [
        {
            "message": f"Product ID {bundle} is a bundle with dynamic price type, changing its "
            "prices has no effect, skipped",
            "path": ["input", "productPrices", "0"],
        }
    ]
    assert payload["products"] == []
    assert prices(centra, 2, [bundle]) == []


@pytest.mark.parametrize(
    ("entry", "message", "path"),
    [
        (
            {"product": {"id": 1}, "price": {"value": 10, "currencyIsoCode": "SEK"}},
            "Price currency SEK does not match the pricelist currency EUR.",
            ["input", "productPrices", "0", "price", "currencyIsoCode"],
        ),
        (
            {"product": {"id": 1}, "price": eur(-1)},
            "Price cannot be negative.",
            ["input", "productPrices", "0", "price", "value"],
        ),
        (
            {
                "product": {"id": 1},
                "price": eur(1),
                "recommendedRetailPrice": {"value": 2, "currencyIsoCode": "USD"},
            },
            "Price currency USD does not match the pricelist currency EUR.",
            ["input", "productPrices", "0", "recommendedRetailPrice", "currencyIsoCode"],
        ),
        (
            {"product": {"id": 999}, "price": eur(1)},
            "Could not find Product with ID 999.",
            ["input", "productPrices", "0", "product"],
        ),
        (
            {"product": {"externalId": "sku-1"}, "price": eur(1)},
            "Could not find Product with external ID sku-1.",
            ["input", "productPrices", "0", "product"],
        ),
        (
            {
                "product": {"id": 1},
                "individualVariantPrices": [{"productVariant": {"id": 9999}, "price": eur(1)}],
            },
            "Could not find ProductVariant with ID 9999.",
            ["input", "productPrices", "0", "individualVariantPrices", "0", "productVariant"],
        ),
    ],
)
def test_set_prices_refusals_change_nothing(
    centra: CentraClient, entry: dict[str, Any], message: str, path: list[str]
) -> None:
    before = prices(centra, 2, [1, 2])
    first = {"product": {"id": 2}, "price": eur(1)}  # valid, and rolled back with the rest

    payload = set_prices(centra, entry, first).payload("setPrices")

    assert payload == {
        "pricelist": None,
        "products": None,
        "userErrors": [{"message": message, "path": path}],
        "userWarnings": [],
    }
    assert prices(centra, 2, [1, 2]) == before
    assert events(centra, "Product") == []


def test_rrp_alone_needs_an_existing_price(centra: CentraClient) -> None:
    product, _ = new_product(centra)

    payload = set_prices(
        centra, {"product": {"id": product}, "recommendedRetailPrice": eur(9)}, pricelist={"id": 5}
    ).payload("setPrices")

    assert payload["userErrors"] == [
        {
            "message": "A price is required to set a recommended retail price.",
            "path": ["input", "productPrices", "0", "price"],
        }
    ]


def test_rrp_alone_updates_an_existing_price(centra: CentraClient) -> None:
    product_id = 1
    before = prices(centra, 5, [product_id])

    set_prices(
        centra,
        {"product": {"id": product_id}, "recommendedRetailPrice": eur(9)},
        pricelist={"id": 5},
    ).ok("setPrices")

    assert prices(centra, 5, [product_id]) == [(p, v, price, 9.0) for p, v, price, _ in before]


def test_unknown_pricelist_by_external_id(centra: CentraClient) -> None:
    payload = set_prices(
        centra, {"product": {"id": 1}, "price": eur(1)}, pricelist={"externalId": "77"}
    ).payload("setPrices")

    assert payload["userErrors"] == [
        {"message": "Could not find Pricelist with external ID 77.", "path": ["input", "pricelist"]}
    ]


def test_set_prices_batch_is_all_or_nothing(centra: CentraClient) -> None:
    before = prices(centra, 2, [1]) + prices(centra, 3, [1])

    payload = centra.graphql(
        SET_PRICES_BATCH,
        {
            "input": [
                {
                    "pricelist": {"id": 2},
                    "productPrices": [{"product": {"id": 1}, "price": eur(1)}],
                },
                {
                    "pricelist": {"id": 3},
                    "productPrices": [{"product": {"id": 1}, "price": eur(2)}],
                },
            ]
        },
    ).payload("setPricesBatch")

    assert payload["userErrors"] == [
        {
            "message": "Price currency EUR does not match the pricelist currency USD.",
            "path": ["input", "1", "productPrices", "0", "price", "currencyIsoCode"],
        }
    ]
    assert prices(centra, 2, [1]) + prices(centra, 3, [1]) == before


def test_set_prices_batch_over_several_pricelists(centra: CentraClient) -> None:
    set_external_id(centra, "Pricelist", 4, "uk")

    payload = centra.graphql(
        SET_PRICES_BATCH,
        {
            "input": [
                {
                    "pricelist": {"id": 2},
                    "productPrices": [{"product": {"id": 2}, "price": eur(7)}],
                },
                {
                    "pricelist": {"externalId": "uk"},
                    "productPrices": [
                        {"product": {"id": 1}, "price": {"value": 6, "currencyIsoCode": "GBP"}},
                        {"product": {"id": 2}, "price": {"value": 8, "currencyIsoCode": "GBP"}},
                    ],
                },
            ]
        },
    ).ok("setPricesBatch")

    assert payload["pricelists"] == [{"id": 2}, {"id": 4}]
    assert payload["products"] == [{"id": 2}, {"id": 1}]
    assert {p for _, _, p, _ in prices(centra, 4, [1, 2])} == {6.0, 8.0}


def test_price_reads_are_limited_to_200(centra: CentraClient) -> None:
    result = centra.graphql("{ pricelist(id: 1) { prices(limit: 201) { id } } }")

    assert result.errors[0]["message"] == "Limit must be in range 1 - 200."


def test_prices_filtered_by_store_pricelist_and_id(centra: CentraClient) -> None:
    product, (first, second) = new_product(centra)
    set_prices(
        centra,
        {
            "product": {"id": product},
            "price": {"value": 100, "currencyIsoCode": "SEK"},
            "individualVariantPrices": [
                {
                    "productVariant": {"id": second},
                    "price": {"value": 120, "currencyIsoCode": "SEK"},
                }
            ],
        },
        pricelist={"id": 1},
    ).ok("setPrices")
    query = """query($where: PriceFilter) { pricelist(id: 1) {
      prices(where: $where) { id productVariant { id } price { value } } } }"""

    def read(where: dict[str, Any]) -> list[tuple[int, float]]:
        listed = centra.graphql(query, {"where": where}).payload("pricelist")["prices"]
        return [(p["productVariant"]["id"], p["price"]["value"]) for p in listed]

    everything = centra.graphql(query, {"where": {"productId": [product]}}).payload("pricelist")
    own_id = everything["prices"][1]["id"]

    assert read({"productId": [product]}) == [(first, 100.0), (second, 120.0)]
    assert read({"productId": [product], "storeId": [2]}) == []
    assert read({"productId": [product], "pricelistId": [2]}) == []
    assert read({"productId": [product], "storeId": [1], "pricelistId": [1]}) == [
        (first, 100.0),
        (second, 120.0),
    ]
    assert read({"productId": [product], "id": [own_id]}) == [(second, 120.0)]


def test_price_for_reads_what_set_prices_wrote(centra: CentraClient) -> None:
    from sqlmodel import Session

    from mockcentra.domain.pricing.prices import price_for

    product, (first, second) = new_product(centra)
    set_prices(
        centra,
        {
            "product": {"id": product},
            "price": eur(20),
            "individualVariantPrices": [{"productVariant": {"id": second}, "price": eur(25)}],
        },
    ).ok("setPrices")

    with Session(centra.runtime.db.engine) as session:
        found = [price_for(session, 2, product, v) for v in (first, second)]
        missing = price_for(session, 1, product, first)

    assert [str(p) for p in found] == ["20.00", "25.00"]
    assert missing is None


# --- price alterations -----------------------------------------------------------------------


def alteration(centra: CentraClient, **fields: Any) -> dict[str, Any]:
    body = {"name": "AW25", "status": "INACTIVE", "store": {"id": 2}, "startDate": "2025-08-01"}
    return centra.graphql(CREATE_ALTERATION, {"input": {**body, **fields}}).ok(
        "createPriceAlteration"
    )["priceAlteration"]


def test_create_price_alteration(centra: CentraClient) -> None:
    made = alteration(centra, startDate="2025-08-01T00:00:00+0000", endDate="2025-12-31")

    assert made == {
        "id": 1,
        "name": "AW25",
        "status": "INACTIVE",
        "startDate": "2025-08-01",
        "endDate": "2025-12-31",
        "store": {"id": 2},
        "deliveryWindows": [],
    }


@pytest.mark.parametrize(
    ("change", "message", "path"),
    [
        (
            {"store": {"id": 1}},
            "Price alterations are only available in wholesale stores.",
            ["input", "store"],
        ),
        ({"name": ""}, "Price alteration name cannot be empty.", ["input", "name"]),
        ({"startDate": "soon"}, "Cannot read 'soon' as a date.", ["input", "startDate"]),
        (
            {"endDate": "2025-07-01"},
            "The end date cannot be before the start date.",
            ["input", "endDate"],
        ),
    ],
)
def test_create_price_alteration_refusals(
    centra: CentraClient, change: dict[str, Any], message: str, path: list[str]
) -> None:
    body = {"name": "AW25", "status": "INACTIVE", "store": {"id": 2}, "startDate": "2025-08-01"}

    payload = centra.graphql(CREATE_ALTERATION, {"input": {**body, **change}}).payload(
        "createPriceAlteration"
    )

    assert payload == {"priceAlteration": None, "userErrors": [{"message": message, "path": path}]}
    assert centra.graphql("{ priceAlterations { id } }").payload("priceAlterations") == []


def test_only_one_active_price_alteration_per_store(centra: CentraClient) -> None:
    first = alteration(centra, name="Carry-over", status="ACTIVE")
    second = alteration(centra, name="Next season")

    created = centra.graphql(
        CREATE_ALTERATION,
        {
            "input": {
                "name": "Third",
                "status": "ACTIVE",
                "store": {"id": 2},
                "startDate": "2025-09-01",
            }
        },
    ).payload("createPriceAlteration")
    activated = centra.graphql(
        UPDATE_ALTERATION, {"id": second["id"], "input": {"status": "ACTIVE", "name": "Renamed"}}
    ).payload("updatePriceAlteration")

    message = "Only one price alteration can be active per store; Carry-over is already active."
    assert created["userErrors"] == [{"message": message, "path": ["input", "status"]}]
    assert activated["userErrors"] == [{"message": message, "path": ["input", "status"]}]
    listed = centra.graphql("{ priceAlterations { id name status } }").payload("priceAlterations")
    assert listed == [
        {"id": first["id"], "name": "Carry-over", "status": "ACTIVE"},
        {"id": second["id"], "name": "Next season", "status": "INACTIVE"},
    ]
    active = centra.graphql(
        "{ priceAlterations(where: {status: ACTIVE, storeId: 2}) { id } }"
    ).payload("priceAlterations")
    assert active == [{"id": first["id"]}]


def test_update_price_alteration(centra: CentraClient) -> None:
    made = alteration(centra, endDate="2025-12-31")

    updated = centra.graphql(
        UPDATE_ALTERATION,
        {"id": made["id"], "input": {"status": "ACTIVE", "startDate": "2025-09-01", "endDate": ""}},
    ).ok("updatePriceAlteration")
    missing = centra.graphql(UPDATE_ALTERATION, {"id": 42, "input": {"name": "x"}}).payload(
        "updatePriceAlteration"
    )

    assert updated["priceAlteration"] == {
        "id": made["id"],
        "name": "AW25",
        "status": "ACTIVE",
        "startDate": "2025-09-01",
        "endDate": None,
    }
    assert missing["userErrors"] == [
        {"message": "Could not find PriceAlteration with ID 42.", "path": ["id"]}
    ]


def test_set_altered_prices(centra: CentraClient) -> None:
    made = alteration(centra)
    product, (first, second) = new_product(centra)

    payload = centra.graphql(
        SET_ALTERED,
        {
            "input": {
                "priceAlteration": {"id": made["id"]},
                "pricelist": {"id": 5},
                "productPrices": [
                    {
                        "product": {"id": product},
                        "price": eur(30),
                        "recommendedRetailPrice": eur(60),
                        "individualVariantPrices": [
                            {"productVariant": {"id": second}, "price": eur(33)}
                        ],
                    }
                ],
            }
        },
    ).ok("setAlteredPrices")

    assert payload == {
        "priceAlteration": {"id": made["id"]},
        "pricelist": {"id": 5},
        "products": [{"id": product}],
        "userErrors": [],
        "userWarnings": [
            {
                "message": "Price alterations have no recommended retail prices, ignored.",
                "path": ["input", "productPrices", "0", "recommendedRetailPrice"],
            }
        ],
    }
    listed = centra.graphql(ALTERED_PRICES, {"id": made["id"]}).payload("priceAlteration")
    assert listed["prices"] == [
        {
            "pricelist": {"id": 5},
            "product": {"id": product},
            "productVariant": {"id": first},
            "price": {"value": 30.0},
        },
        {
            "pricelist": {"id": 5},
            "product": {"id": product},
            "productVariant": {"id": second},
            "price": {"value": 33.0},
        },
    ]
    assert prices(centra, 5, [product]) == []  # the pricelist's own prices are untouched


@pytest.mark.parametrize(
    ("change", "message", "path"),
    [
        (
            {"pricelist": {"id": 2}},
            "Pricelist 2 does not belong to the store of price alteration 1.",
            ["input", "pricelist"],
        ),
        (
            {"priceAlteration": {"id": 9}},
            "Could not find PriceAlteration with ID 9.",
            ["input", "priceAlteration"],
        ),
        (
            {
                "productPrices": [
                    {"product": {"id": 1}, "price": {"value": 1, "currencyIsoCode": "GBP"}}
                ]
            },
            "Price currency GBP does not match the pricelist currency EUR.",
            ["input", "productPrices", "0", "price", "currencyIsoCode"],
        ),
    ],
)
def test_set_altered_prices_refusals_change_nothing(
    centra: CentraClient, change: dict[str, Any], message: str, path: list[str]
) -> None:
    made = alteration(centra)
    body = {
        "priceAlteration": {"id": made["id"]},
        "pricelist": {"id": 5},
        "productPrices": [{"product": {"id": 1}, "price": eur(1)}],
    }

    payload = centra.graphql(SET_ALTERED, {"input": {**body, **change}}).payload("setAlteredPrices")

    assert payload["userErrors"] == [{"message": message, "path": path}]
    assert payload["priceAlteration"] is None
    listed = centra.graphql(ALTERED_PRICES, {"id": made["id"]}).payload("priceAlteration")
    assert listed["prices"] == []


def test_price_alteration_mutations_need_price_write(centra: CentraClient) -> None:
    centra.post("/_mock/tokens", json={"token": "pr", "permissions": ["Price:read"]})

    refused = centra.graphql(
        CREATE_ALTERATION,
        {"input": {"name": "X", "status": "ACTIVE", "store": {"id": 2}, "startDate": "2025-01-01"}},
        token="pr",
    )

    assert refused.errors[0]["message"] == (
        "You need Price:write permission to access createPriceAlteration."
    )


def test_new_pricelist_with_wholesale_rrp(centra: CentraClient) -> None:
    pricelist = create_pricelist(centra, name="Wholesale SEK", currencyIsoCode="SEK")

    set_prices(
        centra,
        {
            "product": {"id": 1},
            "price": {"value": 250, "currencyIsoCode": "SEK"},
            "recommendedRetailPrice": {"value": 499, "currencyIsoCode": "SEK"},
        },
        pricelist={"id": pricelist},
    ).ok("setPrices")

    rows = prices(centra, pricelist, [1])
    assert rows and all((price, rrp) == (250.0, 499.0) for _, _, price, rrp in rows)


def test_wholesale_price_for_applies_the_active_alteration_from_its_start(
    centra: CentraClient,
) -> None:
    from datetime import date

    from sqlmodel import Session

    from mockcentra.domain.pricing.prices import wholesale_price_for

    made = alteration(centra, status="ACTIVE", startDate="2025-08-01", endDate="2025-12-31")
    product, (first, _) = new_product(centra)
    set_prices(centra, {"product": {"id": product}, "price": eur(40)}, pricelist={"id": 5}).ok(
        "setPrices"
    )
    centra.graphql(
        SET_ALTERED,
        {
            "input": {
                "priceAlteration": {"id": made["id"]},
                "pricelist": {"id": 5},
                "productPrices": [{"product": {"id": product}, "price": eur(44)}],
            }
        },
    ).ok("setAlteredPrices")

    with Session(centra.runtime.db.engine) as session:
        found = [
            str(wholesale_price_for(session, 5, product, first, date.fromisoformat(day)))
            for day in ("2025-07-31", "2025-08-01", "2025-12-31", "2026-01-01")
        ]

    assert found == ["40.00", "44.00", "44.00", "40.00"]
