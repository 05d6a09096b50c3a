"""Displays and categories through the Integration API."""

from __future__ import annotations

from typing import Any

import pytest

from mockcentra.testing import CentraClient
from tests.graphql._pricing_setup import events, new_product

DISPLAY_FIELDS = """
id name status uri store { id } product { id } productVariants { id } markets { id }
categories { id } canonicalCategory { id } minimumOrderQuantity orderQuantityDenominator
description shortDescription metaTitle metaDescription metaKeywords comment tags
"""

CREATE = f"""
mutation($input: DisplayCreateInput!) {{
  createDisplay(input: $input) {{
    display {{ {DISPLAY_FIELDS} }}
    userErrors {{ message path }}
    userWarnings {{ message path }}
  }}
}}
"""

UPDATE = f"""
mutation($id: Int!, $input: DisplayUpdateInput!) {{
  updateDisplay(id: $id, input: $input) {{
    display {{ {DISPLAY_FIELDS} }}
    userErrors {{ message path }}
    userWarnings {{ message path }}
  }}
}}
"""

CREATE_CATEGORY = """
mutation($input: CategoryCreateInput!) {
  createCategory(input: $input) {
    category { id name uri status isTopCategory store { id } parentCategory { id } }
    userErrors { message path }
  }
}
"""


def display_count(centra: CentraClient) -> int:
    return len(centra.graphql("{ displays(limit: 100) { id } }").payload("displays"))


def create(centra: CentraClient, **fields: Any) -> dict[str, Any]:
    return centra.graphql(CREATE, {"input": fields}).ok("createDisplay")["display"]


def base(product: int, **fields: Any) -> dict[str, Any]:
    return {
        "name": "Canvas Tote",
        "status": "ACTIVE",
        "store": {"id": 1},
        "product": {"id": product},
        **fields,
    }


def test_create_display_with_everything(centra: CentraClient) -> None:
    product, (first, second) = new_product(centra)

    payload = centra.graphql(
        CREATE,
        {
            "input": base(
                product,
                minimumOrderQuantity=2,
                orderQuantityDenominator=2,
                description="Long text",
                shortDescription="Short",
                metaTitle="Tote | Brand",
                metaDescription="A tote",
                metaKeywords="tote, canvas",
                comment="internal",
                tags=["canvas", " canvas", "summer", ""],
                canonicalCategory={"id": 5},
                addCategories=[{"id": 4}],
                addMarkets=[{"id": 1}],
                addProductVariants=[{"productVariant": {"id": second}}],
            )
        },
    ).ok("createDisplay")

    display = payload["display"]
    assert display == {
        "id": display["id"],
        "name": "Canvas Tote",
        "status": "ACTIVE",
        "uri": "canvas-tote",
        "store": {"id": 1},
        "product": {"id": product},
        "productVariants": [{"id": second}],
        "markets": [{"id": 1}],
        "categories": [{"id": 4}, {"id": 5}],
        "canonicalCategory": {"id": 5},
        "minimumOrderQuantity": 2,
        "orderQuantityDenominator": 2,
        "description": "Long text",
        "shortDescription": "Short",
        "metaTitle": "Tote | Brand",
        "metaDescription": "A tote",
        "metaKeywords": "tote, canvas",
        "comment": "internal",
        "tags": ["canvas", "summer"],
    }
    assert payload["userWarnings"] == []
    assert events(centra, "Display") == [("CREATED", str(display["id"]), 1)]
    assert first not in [v["id"] for v in display["productVariants"]]


def test_generated_uris_are_unique_per_store(centra: CentraClient) -> None:
    taken = centra.graphql("{ display(id: 1) { name uri } }").payload("display")
    product, _ = new_product(centra)

    made = create(centra, **base(20, name=taken["name"]))
    elsewhere = create(centra, **base(product, name=taken["name"], store={"id": 2}))
    again = create(centra, **base(product, name=taken["name"]))

    assert made["uri"] == f"{taken['uri']}-1"
    assert elsewhere["uri"] == taken["uri"]
    assert again["uri"] == f"{taken['uri']}-2"


@pytest.mark.parametrize(
    ("change", "message", "path"),
    [
        (
            {"product": {"id": 1}},
            "Product 1 already has a display in store Retail (display 1).",
            ["input", "product"],
        ),
        ({"product": {"id": 999}}, "Could not find Product with ID 999.", ["input", "product"]),
        ({"store": {"id": 7}}, "Could not find Store with ID 7.", ["input", "store"]),
        ({"name": " "}, "Display name cannot be empty.", ["input", "name"]),
        (
            {"uri": "PRODUCT_URI"},
            "Display URI PRODUCT_URI is already used in this store.",
            ["input", "uri"],
        ),
        (
            {"minimumOrderQuantity": 0},
            "minimumOrderQuantity must be 1 or more.",
            ["input", "minimumOrderQuantity"],
        ),
        (
            {"orderQuantityDenominator": -2},
            "orderQuantityDenominator must be 1 or more.",
            ["input", "orderQuantityDenominator"],
        ),
        (
            {"addMarkets": [{"id": 1}, {"id": 2}]},
            "Market 2 does not belong to store Retail.",
            ["input", "addMarkets", "1"],
        ),
        (
            {"addCategories": [{"id": 77}]},
            "Could not find Category with ID 77.",
            ["input", "addCategories", "0"],
        ),
        (
            {"store": {"id": 2}, "canonicalCategory": {"id": 1}},
            "Category 1 does not belong to store Wholesale.",
            ["input", "canonicalCategory"],
        ),
    ],
)
def test_create_display_refusals_change_nothing(
    centra: CentraClient, change: dict[str, Any], message: str, path: list[str]
) -> None:
    uri = centra.graphql("{ display(id: 1) { uri } }").payload("display")["uri"]
    if change.get("uri") == "PRODUCT_URI":
        change = {"uri": uri}
        message = message.replace("PRODUCT_URI", uri)
    before = display_count(centra)

    payload = centra.graphql(CREATE, {"input": {**base(20), **change}}).payload("createDisplay")

    assert payload["display"] is None
    assert payload["userErrors"] == [{"message": message, "path": path}]
    assert display_count(centra) == before
    assert events(centra, "Display") == []


def test_only_variants_of_the_product_can_be_added(centra: CentraClient) -> None:
    product, (own, _) = new_product(centra)
    _, (foreign, _) = new_product(centra, name="Other", number="N-2")
    before = display_count(centra)

    payload = centra.graphql(
        CREATE,
        {
            "input": base(
                product,
                addProductVariants=[
                    {"productVariant": {"id": own}},
                    {"productVariant": {"id": foreign}},
                ],
            )
        },
    ).payload("createDisplay")

    assert payload["userErrors"] == [
        {
            "message": f"Product variant {foreign} belongs to product {product + 1}; you can only "
            f"add variants of the same product ({product}) to a display.",
            "path": ["input", "addProductVariants", "1", "productVariant"],
        }
    ]
    assert display_count(centra) == before


def test_tax_groups_are_accepted_with_a_warning(centra: CentraClient) -> None:
    product, _ = new_product(centra)

    payload = centra.graphql(CREATE, {"input": base(product, taxGroup={"id": 1})}).ok(
        "createDisplay"
    )

    assert payload["userWarnings"] == [
        {
            "message": "Tax groups are not stored by mockcentra, ignored.",
            "path": ["input", "taxGroup"],
        },
    ]


def test_media_of_another_product_is_refused(centra: CentraClient) -> None:
    product, _ = new_product(centra)
    before = display_count(centra)

    refused = centra.graphql(
        CREATE, {"input": base(product, addProductMedia=[{"productMedia": {"id": 1}}])}
    ).payload("createDisplay")

    assert refused["userErrors"][0]["path"] == ["input", "addProductMedia", "0", "productMedia"]
    assert refused["userErrors"][0]["message"].startswith("Product media 1 belongs to product")
    assert display_count(centra) == before


def test_update_display(centra: CentraClient) -> None:
    product, (first, second) = new_product(centra)
    made = create(
        centra,
        **base(
            product,
            addProductVariants=[{"productVariant": {"id": first}}],
            addMarkets=[{"id": 1}],
            canonicalCategory={"id": 4},
            tags=["a"],
        ),
    )

    payload = centra.graphql(
        UPDATE,
        {
            "id": made["id"],
            "input": {
                "name": "Big Tote",
                "status": "INACTIVE",
                "uri": "",
                "addProductVariants": {"productVariant": {"id": second}},
                "removeProductVariants": [{"id": first}],
                "removeMarkets": [{"id": 1}],
                "removeCategories": [{"id": 4}],
                "addCategories": [{"id": 5}],
                "tags": [],
                "description": "New",
            },
        },
    ).ok("updateDisplay")

    display = payload["display"]
    assert (display["name"], display["status"], display["uri"]) == (
        "Big Tote",
        "INACTIVE",
        "big-tote",
    )
    assert display["productVariants"] == [{"id": second}]
    assert display["markets"] == []
    assert display["categories"] == [{"id": 5}]
    assert display["canonicalCategory"] is None
    assert display["tags"] == []
    assert display["description"] == "New"
    assert display["shortDescription"] is None
    assert events(centra, "Display") == [
        ("CREATED", str(made["id"]), 1),
        ("UPDATED", str(made["id"]), 1),
    ]


def test_update_display_refusals_change_nothing(centra: CentraClient) -> None:
    product, (own, _) = new_product(centra)
    _, (foreign, _) = new_product(centra, name="Other", number="N-2")
    made = create(centra, **base(product, addProductVariants=[{"productVariant": {"id": own}}]))

    wrong_variant = centra.graphql(
        UPDATE,
        {
            "id": made["id"],
            "input": {
                "name": "Changed",
                "addProductVariants": [{"productVariant": {"id": foreign}}],
            },
        },
    ).payload("updateDisplay")
    wrong_market = centra.graphql(
        UPDATE, {"id": made["id"], "input": {"name": "Changed", "addMarkets": [{"id": 2}]}}
    ).payload("updateDisplay")
    missing = centra.graphql(UPDATE, {"id": 9999, "input": {"name": "x"}}).payload("updateDisplay")

    assert wrong_variant["userErrors"][0]["path"] == [
        "input",
        "addProductVariants",
        "0",
        "productVariant",
    ]
    assert wrong_market["userErrors"] == [
        {
            "message": "Market 2 does not belong to store Retail.",
            "path": ["input", "addMarkets", "0"],
        }
    ]
    assert missing["userErrors"] == [
        {"message": "Could not find Display with ID 9999.", "path": ["id"]}
    ]
    now = centra.graphql(
        "query($id: Int!) { display(id: $id) { name productVariants { id } markets { id } } }",
        {"id": made["id"]},
    ).payload("display")
    assert now == {"name": "Canvas Tote", "productVariants": [{"id": own}], "markets": []}
    assert [e[0] for e in events(centra, "Display")] == ["CREATED"]


def test_displays_filters(centra: CentraClient) -> None:
    product, _ = new_product(centra)
    wholesale = create(
        centra, **base(product, store={"id": 2}, status="INACTIVE", addMarkets=[{"id": 2}])
    )
    everywhere = create(centra, **base(20))  # no markets: shown in every market of store 1

    def ids(where: str) -> list[int]:
        found = centra.graphql(f"{{ displays(where: {where}, limit: 100) {{ id }} }}")
        return [d["id"] for d in found.payload("displays")]

    assert ids("{storeId: 2}") == [wholesale["id"]]
    assert ids("{marketId: 2}") == [wholesale["id"]]
    assert everywhere["id"] in ids("{marketId: 1}")
    assert wholesale["id"] not in ids("{marketId: 1}")
    assert ids(f"{{productId: [{product}, 20]}}") == [wholesale["id"], everywhere["id"]]
    assert ids("{status: INACTIVE}") == [wholesale["id"]]
    assert ids("{id: [2, 1]}") == [1, 2]
    assert centra.graphql("{ display(id: 9999) { id } }").payload("display") is None


def test_display_prices_per_variant_and_pricelist(centra: CentraClient) -> None:
    product, (first, second) = new_product(centra)
    centra.graphql(
        """mutation($p: Int!) { setPrices(input: {pricelist: {id: 2}, productPrices: [
          {product: {id: $p}, price: {value: 40, currencyIsoCode: "EUR"}}]}) {
          userErrors { message } } }""",
        {"p": product},
    ).ok("setPrices")
    made = create(centra, **base(product, addProductVariants=[{"productVariant": {"id": first}}]))

    listed = centra.graphql(
        "query($id: Int!) { display(id: $id) { prices { pricelist { id name } productVariant { id }"
        " price { value currency { code } formattedValue } } } }",
        {"id": made["id"]},
    ).payload("display")

    assert listed["prices"] == [
        {
            "pricelist": {"id": 2, "name": "EUR"},
            "productVariant": {"id": first},
            "price": {"value": 40.0, "currency": {"code": "EUR"}, "formattedValue": "40.00 EUR"},
        }
    ]


def test_display_lists_load_children_per_kind_not_per_display(centra: CentraClient) -> None:
    result = centra.graphql(
        "{ displays(limit: 19) { productVariants { id } markets { id } categories { id } } }"
    )

    displays = result.payload("displays")
    assert len(displays) == 19
    assert all(d["markets"] == [{"id": 1}] and d["productVariants"] for d in displays)
    assert result.extensions["permissionsUsed"] == [
        "Display:read",
        "ProductVariant:read",
        "Market:read",
        "Category:read",
    ]


def test_display_mutations_need_display_write(centra: CentraClient) -> None:
    centra.post("/_mock/tokens", json={"token": "dr", "permissions": ["Display:read"]})
    before = display_count(centra)

    refused = centra.graphql(CREATE, {"input": base(20)}, token="dr")

    assert (
        refused.errors[0]["message"] == "You need Display:write permission to access createDisplay."
    )
    assert display_count(centra) == before


def test_sellable_display_for_variant(centra: CentraClient) -> None:
    from sqlmodel import Session

    from mockcentra.domain.displays.displays import sellable_display_for_variant

    product, (shown, hidden) = new_product(centra)
    made = create(
        centra,
        **base(
            product, addProductVariants=[{"productVariant": {"id": shown}}], addMarkets=[{"id": 1}]
        ),
    )

    def sellable(market: int, variant: int) -> int | None:
        with Session(centra.runtime.db.engine) as session:
            found = sellable_display_for_variant(session, 1, market, variant)
            return None if found is None else found.id

    assert sellable(1, shown) == made["id"]
    assert sellable(2, shown) is None  # not in that market
    assert sellable(1, hidden) is None  # not on the display
    centra.graphql(UPDATE, {"id": made["id"], "input": {"status": "INACTIVE"}}).ok("updateDisplay")
    assert sellable(1, shown) is None


# --- categories ------------------------------------------------------------------------------


def test_create_categories_three_levels_deep(centra: CentraClient) -> None:
    top = centra.graphql(
        CREATE_CATEGORY, {"input": {"name": "Sale!", "status": "ACTIVE", "store": {"id": 1}}}
    ).ok("createCategory")["category"]
    middle = centra.graphql(
        CREATE_CATEGORY,
        {
            "input": {
                "name": "Tops",
                "status": "INACTIVE",
                "store": {"id": 1},
                "parentCategory": {"id": top["id"]},
            }
        },
    ).ok("createCategory")["category"]
    leaf = centra.graphql(
        CREATE_CATEGORY,
        {
            "input": {
                "name": "Tees",
                "uri": "t-shirts",
                "status": "ACTIVE",
                "store": {"id": 1},
                "parentCategory": {"id": middle["id"]},
            }
        },
    ).ok("createCategory")["category"]
    too_deep = centra.graphql(
        CREATE_CATEGORY,
        {
            "input": {
                "name": "Too deep",
                "status": "ACTIVE",
                "store": {"id": 1},
                "parentCategory": {"id": leaf["id"]},
            }
        },
    ).payload("createCategory")

    assert top == {
        "id": 6,
        "name": "Sale!",
        "uri": "sale",
        "status": "ACTIVE",
        "isTopCategory": True,
        "store": {"id": 1},
        "parentCategory": None,
    }
    assert (middle["uri"], middle["status"], middle["isTopCategory"]) == (
        "sale/tops",
        "INACTIVE",
        False,
    )
    assert leaf["uri"] == "sale/tops/t-shirts"
    assert too_deep["userErrors"] == [
        {"message": "Categories can be at most 3 levels deep.", "path": ["input", "parentCategory"]}
    ]
    tops = centra.graphql("{ categories(where: {isTopCategory: true, storeId: 1}) { id } }")
    assert [c["id"] for c in tops.payload("categories")] == [1, 4, 5, 6]
    tree = centra.graphql("{ category(id: 6) { childCategories { id childCategories { id } } } }")
    assert tree.payload("category") == {
        "childCategories": [{"id": middle["id"], "childCategories": [{"id": leaf["id"]}]}]
    }


@pytest.mark.parametrize(
    ("change", "message", "path"),
    [
        (
            {"name": "Clothing"},
            "Category URI clothing is already used in store Retail.",
            ["input", "name"],
        ),
        (
            {"name": "x", "uri": "shoes"},
            "Category URI shoes is already used in store Retail.",
            ["input", "uri"],
        ),
        ({"name": "  "}, "Category name cannot be empty.", ["input", "name"]),
        (
            {"name": "x", "store": {"id": 2}, "parentCategory": {"id": 1}},
            "Category 1 does not belong to store Wholesale.",
            ["input", "parentCategory"],
        ),
        (
            {"name": "x", "uri": "men/shoes"},
            'URI "men/shoes" is not valid: "/" is a reserved character.',
            ["input", "uri"],
        ),
        (
            {"name": "シャツ"},
            "Category URI cannot be generated from this name; give a uri.",
            ["input", "name"],
        ),
    ],
)
def test_create_category_refusals_change_nothing(
    centra: CentraClient, change: dict[str, Any], message: str, path: list[str]
) -> None:
    payload = centra.graphql(
        CREATE_CATEGORY, {"input": {"status": "ACTIVE", "store": {"id": 1}, **change}}
    ).payload("createCategory")

    assert payload == {"category": None, "userErrors": [{"message": message, "path": path}]}
    assert len(centra.graphql("{ categories { id } }").payload("categories")) == 5


def test_categories_need_category_read(centra: CentraClient) -> None:
    result = centra.graphql("{ categories(where: {storeId: 1}, limit: 2) { id name } }")

    assert result.payload("categories") == [
        {"id": 1, "name": "Clothing"},
        {"id": 2, "name": "Tops"},
    ]
    assert result.extensions["permissionsUsed"] == ["Category:read"]


# ---------------------------------------------------------------- display items


ITEMS = """
query($id: Int!) {
  display(id: $id) {
    displayItems { id productVariant { id } display { id } }
    productVariants { id }
  }
}
"""


def items_of(centra: CentraClient, display_id: int) -> list[dict[str, Any]]:
    return centra.graphql(ITEMS, {"id": display_id}).payload("display")["displayItems"]


def test_each_activated_variant_is_a_display_item_with_its_own_id(centra: CentraClient) -> None:
    """Given a display with two variants, its items are the activations in order; taking a
    variant off and on again makes a new item (a new Checkout API product in Centra)."""
    product, (first, second) = new_product(centra)
    display = create(
        centra,
        **base(
            product,
            addProductVariants=[
                {"productVariant": {"id": second}},
                {"productVariant": {"id": first}},
            ],
        ),
    )

    items = items_of(centra, display["id"])
    centra.graphql(
        UPDATE, {"id": display["id"], "input": {"removeProductVariants": [{"id": second}]}}
    ).ok("updateDisplay")
    after_removal = items_of(centra, display["id"])
    centra.graphql(
        UPDATE,
        {
            "id": display["id"],
            "input": {"addProductVariants": [{"productVariant": {"id": second}}]},
        },
    ).ok("updateDisplay")
    after_again = items_of(centra, display["id"])

    second_item, first_item = items[0]["id"], items[1]["id"]
    assert second_item < first_item
    assert items == [
        {"id": second_item, "productVariant": {"id": second}, "display": {"id": display["id"]}},
        {"id": first_item, "productVariant": {"id": first}, "display": {"id": display["id"]}},
    ]
    assert after_removal == [items[1]]
    assert [i["productVariant"]["id"] for i in after_again] == [first, second]
    assert after_again[1]["id"] > first_item


def test_display_items_lead_from_an_item_id_back_to_display_variant_and_size(
    centra: CentraClient,
) -> None:
    product, (first, _second) = new_product(centra, name="Linen Bag", number="LB-1")
    display = create(
        centra,
        **base(product, name="Linen Bag", addProductVariants=[{"productVariant": {"id": first}}]),
    )
    item_id = items_of(centra, display["id"])[0]["id"]
    size_id = centra.graphql(
        "query($id: Int!) { productVariant(id: $id) { productSizes { id } } }", {"id": first}
    ).payload("productVariant")["productSizes"][0]["id"]

    found = centra.graphql(
        """query($item: Int!, $size: Int!, $other: Int!) {
          hit: displayItems(where: {id: [$item]}) {
            id
            display { name uri }
            productVariant { id productSizes(where: {id: [$size]}) { id description } }
          }
          otherSize: displayItems(where: {id: [$item]}) {
            productVariant { productSizes(where: {id: [$other]}) { id } }
          }
          inStore2: displayItems(where: {id: [$item], storeId: [2]}) { id }
        }""",
        {"item": item_id, "size": size_id, "other": size_id + 100000},
    )

    assert found.errors == []
    assert found.data == {
        "hit": [
            {
                "id": item_id,
                "display": {"name": "Linen Bag", "uri": "linen-bag"},
                "productVariant": {
                    "id": first,
                    "productSizes": [{"id": size_id, "description": "One Size"}],
                },
            }
        ],
        "otherSize": [{"productVariant": {"productSizes": []}}],
        "inStore2": [],
    }
    by_variant = centra.graphql(
        "query($v: Int!) { displayItems(where: {productVariantId: [$v], storeId: [1]}) { id } }",
        {"v": first},
    ).payload("displayItems")
    assert by_variant == [{"id": item_id}]


def test_a_product_lists_its_displays_filtered_like_the_displays_list(
    centra: CentraClient,
) -> None:
    product, _ = new_product(centra, name="Straw Hat", number="SH-1")
    retail = create(centra, **base(product, name="Straw Hat"))
    wholesale = create(
        centra, **base(product, name="Straw Hat B2B", status="INACTIVE", store={"id": 2})
    )

    found = centra.graphql(
        """query($id: Int!) {
          product(id: $id) {
            all: displays { id name status store { id } }
            active: displays(where: {status: [ACTIVE]}) { id }
            inStore2: displays(where: {storeId: [2]}) { id }
          }
        }""",
        {"id": product},
    ).payload("product")

    assert found == {
        "all": [
            {"id": retail["id"], "name": "Straw Hat", "status": "ACTIVE", "store": {"id": 1}},
            {
                "id": wholesale["id"],
                "name": "Straw Hat B2B",
                "status": "INACTIVE",
                "store": {"id": 2},
            },
        ],
        "active": [{"id": retail["id"]}],
        "inStore2": [{"id": wholesale["id"]}],
    }
    listed = centra.graphql("{ products(limit: 3) { id displays { id product { id } } } }").payload(
        "products"
    )
    assert all(d["product"]["id"] == p["id"] for p in listed for d in p["displays"])
    assert any(p["displays"] for p in listed)


def test_campaign_variants_related_displays_and_tax_group_are_not_modelled(
    centra: CentraClient,
) -> None:
    shown = centra.graphql(
        "{ display(id: 1) { campaignVariants { id } related { id type } taxGroup { id } } }"
    ).payload("display")

    assert shown == {"campaignVariants": [], "related": [], "taxGroup": None}


def test_display_items_need_display_read_and_campaign_variants_campaign_read(
    centra: CentraClient,
) -> None:
    centra.post("/_mock/tokens", json={"token": "pv", "permissions": ["ProductVariant:read"]})
    centra.post("/_mock/tokens", json={"token": "dr", "permissions": ["Display:read"]})

    items = centra.graphql("{ displayItems(limit: 1) { id } }", token="pv")
    campaigns = centra.graphql("{ display(id: 1) { campaignVariants { id } } }", token="dr")
    variant = centra.graphql(
        "{ display(id: 1) { displayItems { productVariant { id } } } }", token="dr"
    )

    assert [(e["message"], e["path"]) for e in items.errors] == [
        ("You need Display:read permission to access displayItems.", ["displayItems"])
    ]
    assert [(e["message"], e["path"]) for e in campaigns.errors] == [
        (
            "You need Campaign:read permission to access campaignVariants.",
            ["display", "campaignVariants"],
        )
    ]
    assert variant.errors[0]["message"] == (
        "You need ProductVariant:read permission to access productVariant."
    )
