"""Catalogue through the Integration API: groupings, products, variants, product sizes, bundles.

Every test creates what it needs (the demo scenario's catalogue is only read where stock is
needed) and, when a mutation is refused, checks that nothing was written.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event

from mockcentra.testing import CentraClient

MISSING = 999999

# --- helpers ---------------------------------------------------------------------------------

PRODUCT_FIELDS = """
  id name status productNumber isBundle
  brand { id name } collection { id name } folder { id name }
  countryOfOrigin { code }
  harmonizedCommodityCode harmonizedCommodityCodeDescription internalComment
  createdAt updatedAt
  variants { id name variantNumber }
"""

CREATE_PRODUCT = f"""
mutation($input: ProductCreateInput!) {{
  createProduct(input: $input) {{
    product {{ {PRODUCT_FIELDS} }}
    userErrors {{ message path }}
    userWarnings {{ message path }}
  }}
}}
"""

UPDATE_PRODUCT = f"""
mutation($id: Int!, $input: ProductUpdateInput!) {{
  updateProduct(id: $id, input: $input) {{
    product {{ {PRODUCT_FIELDS} }}
    userErrors {{ message path }}
  }}
}}
"""

VARIANT_FIELDS = """
  id name status variantNumber internalName
  unitCost { value currency { code } formattedValue }
  sizeChart { id name }
  product { id }
  productSizes { id EAN UPC sizeNumber SKU size { name } }
"""

CREATE_VARIANT = f"""
mutation($input: ProductVariantCreateInput!) {{
  createProductVariant(input: $input) {{
    productVariant {{ {VARIANT_FIELDS} }}
    userErrors {{ message path }}
    userWarnings {{ message path }}
  }}
}}
"""

UPDATE_VARIANT = f"""
mutation($id: Int!, $input: ProductVariantUpdateInput!) {{
  updateProductVariant(id: $id, input: $input) {{
    productVariant {{ {VARIANT_FIELDS} }}
    userErrors {{ message path }}
  }}
}}
"""

SIZE_FIELDS = """
  id EAN GTIN UPC sizeNumber SKU size { id name } productVariant { id }
  stockTotals {
    physicalQuantity allocatedQuantity freeToAllocateQuantity availableQuantity
    availableNowQuantity demandQuantity unshippedQuantity onDeliveryQuantity
    incomingQuantity linkedIncomingQuantity unlinkedIncomingQuantity
  }
"""

CREATE_SIZE = f"""
mutation($input: ProductSizeCreateInput!) {{
  createProductSize(input: $input) {{
    productSize {{ {SIZE_FIELDS} }}
    userErrors {{ message path }}
  }}
}}
"""

BUNDLE_FIELDS = """
  id type priceType availableQuantity
  product { id name productNumber isBundle status }
  bundleVariant { id name status sizeChart { name } productSizes { size { name } } }
  sizeChart { name }
  sizes { name }
  sections { id quantity productVariants { id } }
"""

CREATE_BUNDLE = f"""
mutation($input: BundleCreateInput!) {{
  createBundle(input: $input) {{
    bundle {{ {BUNDLE_FIELDS} }}
    userErrors {{ message path }}
  }}
}}
"""


def errors(payload: dict[str, Any]) -> list[dict[str, Any]]:
    return payload["userErrors"]


def chart(centra: CentraClient, name: str, labels: list[str]) -> dict[str, Any]:
    return centra.graphql(
        "mutation($n: String!, $l: [String!]!) { createSizeChart(input: {name: $n, "
        "horizontalLabels: $l}) { sizeChart { id name sizes { id name } } userErrors { message } } }",
        {"n": name, "l": labels},
    ).ok("createSizeChart")["sizeChart"]


def create_product(centra: CentraClient, **fields: Any) -> dict[str, Any]:
    payload = centra.graphql(CREATE_PRODUCT, {"input": product_input(**fields)}).payload(
        "createProduct"
    )
    assert errors(payload) == [], errors(payload)
    return payload["product"]


def product_input(**fields: Any) -> dict[str, Any]:
    return {"name": "Tee", "status": "ACTIVE", "productNumber": "T-1", **fields}


def create_variant(centra: CentraClient, **fields: Any) -> dict[str, Any]:
    payload = centra.graphql(CREATE_VARIANT, {"input": fields}).payload("createProductVariant")
    assert errors(payload) == [], errors(payload)
    return payload["productVariant"]


def group(centra: CentraClient, kind: str, name: str, **extra: Any) -> dict[str, Any]:
    key = kind[0].lower() + kind[1:]
    fields = "id name isTopFolder parent { id name }" if kind == "Folder" else "id name"
    if kind == "Brand":
        fields += " uri"
    return centra.graphql(
        f"mutation($input: {kind}CreateInput!) {{ create{kind}(input: $input) "
        f"{{ {key} {{ {fields} }} userErrors {{ message path }} }} }}",
        {"input": {"name": name, **extra}},
    ).payload(f"create{kind}")


def products_numbered(centra: CentraClient, number: str) -> list[dict[str, Any]]:
    return centra.graphql(
        "query($n: String!) { products(where: {productNumber: {equals: $n}}) { id name } }",
        {"n": number},
    ).payload("products")


def variant_of(centra: CentraClient, variant_id: int) -> dict[str, Any]:
    return centra.graphql(
        f"query($id: Int!) {{ productVariant(id: $id) {{ {VARIANT_FIELDS} }} }}", {"id": variant_id}
    ).payload("productVariant")


def product_of(centra: CentraClient, product_id: int) -> dict[str, Any]:
    return centra.graphql(
        f"query($id: Int!) {{ product(id: $id) {{ {PRODUCT_FIELDS} }} }}", {"id": product_id}
    ).payload("product")


def freeze(centra: CentraClient, at: str) -> None:
    assert centra.post("/_mock/clock", json={"freeze": at}).status_code == 200


def token(centra: CentraClient, name: str, *permissions: str) -> str:
    made = centra.post("/_mock/tokens", json={"token": name, "permissions": list(permissions)})
    assert made.status_code == 201
    return name


def count(centra: CentraClient, root: str) -> int:
    return len(centra.graphql(f"{{ {root}(limit: 1000) {{ id }} }}").payload(root))


@pytest.fixture
def shirts(centra: CentraClient) -> dict[str, Any]:
    """A size chart "Shirts" with S, M, L; sizes by name under `ids`."""
    made = chart(centra, "Shirts", ["S", "M", "L"])
    made["ids"] = {s["name"]: s["id"] for s in made["sizes"]}
    return made


# --- brands, collections, folders --------------------------------------------------------------


def test_create_brand_makes_a_uri_and_is_found_by_name(centra: CentraClient) -> None:
    made = group(centra, "Brand", "North Coast Goods")

    assert made["userErrors"] == []
    assert made["brand"]["name"] == "North Coast Goods"
    assert made["brand"]["uri"] == "north-coast-goods"
    found = centra.graphql(
        '{ brands(where: {name: {contains: "Coast"}}) { id name uri } }'
    ).payload("brands")
    assert found == [made["brand"]]
    one = centra.graphql(f"{{ brand(id: {made['brand']['id']}) {{ name }} }}").payload("brand")
    assert one == {"name": "North Coast Goods"}


def test_create_brand_with_a_taken_name_or_uri_changes_nothing(centra: CentraClient) -> None:
    group(centra, "Brand", "Fjord", uri="fjord-brand")
    before = count(centra, "brands")

    same_name = group(centra, "Brand", "Fjord")
    same_uri = group(centra, "Brand", "Fjord Two", uri="fjord-brand")
    blank = group(centra, "Brand", "  ")

    assert same_name == {
        "brand": None,
        "userErrors": [
            {"message": "Brand with name Fjord already exists.", "path": ["input", "name"]}
        ],
    }
    assert same_uri["userErrors"] == [
        {"message": "Brand with URI fjord-brand already exists.", "path": ["input", "uri"]}
    ]
    assert blank["userErrors"] == [
        {"message": "Brand name cannot be empty.", "path": ["input", "name"]}
    ]
    assert count(centra, "brands") == before


def test_create_collection_and_refuse_a_taken_name(centra: CentraClient) -> None:
    made = group(centra, "Collection", "Winter 2031")
    again = group(centra, "Collection", "Winter 2031")

    assert made["userErrors"] == [] and made["collection"]["name"] == "Winter 2031"
    assert again == {
        "collection": None,
        "userErrors": [
            {
                "message": "Collection with name Winter 2031 already exists.",
                "path": ["input", "name"],
            }
        ],
    }
    found = centra.graphql(
        '{ collections(where: {name: {equals: "Winter 2031"}}) { id } }'
    ).payload("collections")
    assert found == [{"id": made["collection"]["id"]}]


def test_folders_nest_and_names_are_unique_per_parent(centra: CentraClient) -> None:
    top = group(centra, "Folder", "Outlet")["folder"]
    child = group(centra, "Folder", "Knits", parent={"id": top["id"]})
    elsewhere = group(centra, "Folder", "Knits")  # a top folder of the same name is fine
    twin = group(centra, "Folder", "Knits", parent={"id": top["id"]})

    assert top["isTopFolder"] is True and top["parent"] is None
    assert child["folder"]["isTopFolder"] is False
    assert child["folder"]["parent"] == {"id": top["id"], "name": "Outlet"}
    assert elsewhere["userErrors"] == []
    assert twin == {
        "folder": None,
        "userErrors": [
            {"message": "Folder with name Knits already exists.", "path": ["input", "name"]}
        ],
    }
    tops = centra.graphql(
        '{ folders(where: {isTopFolder: true, name: {equals: "Knits"}}) { id } }'
    ).payload("folders")
    assert tops == [{"id": elsewhere["folder"]["id"]}]
    nested = centra.graphql(
        f"{{ folders(where: {{isTopFolder: false, parentId: [{top['id']}]}}) {{ name }} }}"
    ).payload("folders")
    assert nested == [{"name": "Knits"}]


def test_create_folder_under_a_missing_parent_is_refused(centra: CentraClient) -> None:
    before = count(centra, "folders")

    refused = group(centra, "Folder", "Orphans", parent={"id": MISSING})

    assert refused["userErrors"] == [
        {"message": f"Could not find Folder with ID {MISSING}.", "path": ["input", "parent"]}
    ]
    assert count(centra, "folders") == before


def test_listing_groups_needs_their_read_permissions(centra: CentraClient) -> None:
    ro = token(centra, "product-reader", "Product:read")

    result = centra.graphql("{ brands { id } }", token=ro)

    assert result.errors[0]["message"] == "You need Brand:read permission to access brands."
    assert result.extensions["permissionsUsed"] == ["Brand:read"]
    assert centra.graphql("{ folders { id } }", token=ro).errors[0]["message"] == (
        "You need Folder:read permission to access folders."
    )


# --- products --------------------------------------------------------------------------------


def test_create_product_with_every_field(centra: CentraClient) -> None:
    freeze(centra, "2031-03-01T10:00:00+00:00")
    brand = group(centra, "Brand", "Harbour")["brand"]["id"]
    collection = group(centra, "Collection", "SS31")["collection"]["id"]
    folder = group(centra, "Folder", "Tops")["folder"]["id"]

    product = create_product(
        centra,
        name="Harbour Tee",
        status="INACTIVE",
        productNumber="HT-100",
        brand={"id": brand},
        collection={"id": collection},
        folder={"id": folder},
        countryOfOrigin={"code": "PL"},
        harmonizedCommodityCode="6109100010",
        harmonizedCommodityCodeDescription="T-shirts of cotton",
        internalComment="Reorder in May",
    )

    assert isinstance(product.pop("id"), int)
    assert product == {
        "name": "Harbour Tee",
        "status": "INACTIVE",
        "productNumber": "HT-100",
        "isBundle": False,
        "brand": {"id": brand, "name": "Harbour"},
        "collection": {"id": collection, "name": "SS31"},
        "folder": {"id": folder, "name": "Tops"},
        "countryOfOrigin": {"code": "PL"},
        "harmonizedCommodityCode": "6109100010",
        "harmonizedCommodityCodeDescription": "T-shirts of cotton",
        "internalComment": "Reorder in May",
        "createdAt": "2031-03-01T11:00:00+01:00",
        "updatedAt": "2031-03-01T11:00:00+01:00",
        "variants": [],
    }


def test_product_can_be_read_back_and_country_given_by_id(centra: CentraClient) -> None:
    country = centra.graphql('{ countries(where: {code: ["SE"]}) { id } }').payload("countries")
    made = create_product(centra, productNumber="SE-1", countryOfOrigin={"id": country[0]["id"]})

    assert product_of(centra, made["id"]) == made
    assert made["countryOfOrigin"] == {"code": "SE"}
    assert centra.graphql(f"{{ product(id: {MISSING}) {{ id }} }}").payload("product") is None


def test_product_numbers_are_unique(centra: CentraClient) -> None:
    create_product(centra, productNumber="DUP-1", name="First")

    refused = centra.graphql(
        CREATE_PRODUCT, {"input": product_input(productNumber="DUP-1", name="Second")}
    ).payload("createProduct")

    assert refused["product"] is None
    assert refused["userErrors"] == [
        {"message": "Product number DUP-1 is already in use.", "path": ["input", "productNumber"]}
    ]
    assert products_numbered(centra, "DUP-1") == [
        {"id": products_numbered(centra, "DUP-1")[0]["id"], "name": "First"}
    ]


@pytest.mark.parametrize(
    ("fields", "message", "path"),
    [
        ({"name": " "}, "Product name cannot be empty.", ["input", "name"]),
        ({"productNumber": ""}, "Product number cannot be empty.", ["input", "productNumber"]),
        (
            {"brand": {"id": MISSING}},
            f"Could not find Brand with ID {MISSING}.",
            ["input", "brand"],
        ),
        (
            {"collection": {"id": MISSING}},
            f"Could not find Collection with ID {MISSING}.",
            ["input", "collection"],
        ),
        (
            {"folder": {"id": MISSING}},
            f"Could not find Folder with ID {MISSING}.",
            ["input", "folder"],
        ),
        (
            {"countryOfOrigin": {"code": "XX"}},
            "Could not find Country with code XX.",
            ["input", "countryOfOrigin"],
        ),
        (
            {"countryOfOrigin": {"id": MISSING}},
            f"Could not find Country with ID {MISSING}.",
            ["input", "countryOfOrigin"],
        ),
    ],
)
def test_create_product_refuses_bad_input(
    centra: CentraClient, fields: dict[str, Any], message: str, path: list[str]
) -> None:
    before = count(centra, "products")

    refused = centra.graphql(
        CREATE_PRODUCT, {"input": product_input(**{"productNumber": "BAD-1", **fields})}
    ).payload("createProduct")

    assert refused == {
        "product": None,
        "userErrors": [{"message": message, "path": path}],
        "userWarnings": [],
    }
    assert count(centra, "products") == before


def test_create_product_with_variants_and_sizes_in_one_go(
    centra: CentraClient, shirts: dict[str, Any]
) -> None:
    product = create_product(
        centra,
        productNumber="PV-1",
        addProductVariants=[
            {
                "name": "Red",
                "status": "ACTIVE",
                "variantNumber": "RED",
                "sizeChart": {"id": shirts["id"]},
                "unitCost": {"value": 12.5, "currencyIsoCode": "SEK"},
                "productSizes": [
                    {"size": {"name": "S"}, "EAN": "7312345000011", "sizeNumber": "S"},
                    {"size": {"id": shirts["ids"]["L"]}, "UPC": "012345678905", "sizeNumber": "L"},
                ],
            },
            {"name": "Blue", "status": "INACTIVE", "sizeChart": {"id": shirts["id"]}},
        ],
    )

    red, blue = (variant_of(centra, v["id"]) for v in product["variants"])
    assert red["unitCost"] == {
        "value": 12.5,
        "currency": {"code": "SEK"},
        "formattedValue": "12.50 SEK",
    }
    assert [(s["size"]["name"], s["EAN"], s["UPC"], s["SKU"]) for s in red["productSizes"]] == [
        ("S", "7312345000011", None, "PV-1REDS"),
        ("L", None, "012345678905", "PV-1REDL"),
    ]
    assert (blue["name"], blue["status"], blue["variantNumber"], blue["unitCost"]) == (
        "Blue",
        "INACTIVE",
        None,
        None,
    )
    assert blue["productSizes"] == []


def test_a_bad_variant_in_create_product_undoes_the_product(
    centra: CentraClient, shirts: dict[str, Any]
) -> None:
    ok_variant = {"name": "Red", "status": "ACTIVE", "sizeChart": {"id": shirts["id"]}}

    refused = centra.graphql(
        CREATE_PRODUCT,
        {
            "input": product_input(
                productNumber="UNDO-1",
                addProductVariants=[
                    {**ok_variant, "variantNumber": "V1"},
                    {**ok_variant, "variantNumber": "V1"},
                ],
            )
        },
    ).payload("createProduct")
    missing_chart = centra.graphql(
        CREATE_PRODUCT,
        {
            "input": product_input(
                productNumber="UNDO-1",
                addProductVariants=[ok_variant, {**ok_variant, "sizeChart": {"id": MISSING}}],
            )
        },
    ).payload("createProduct")

    assert refused["userErrors"] == [
        {
            "message": "Variant number V1 is already in use in product UNDO-1.",
            "path": ["input", "addProductVariants", "1", "variantNumber"],
        }
    ]
    assert missing_chart["userErrors"] == [
        {
            "message": f"Could not find SizeChart with ID {MISSING}.",
            "path": ["input", "addProductVariants", "1", "sizeChart"],
        }
    ]
    assert products_numbered(centra, "UNDO-1") == []


def test_internal_comment_needs_its_own_permission(centra: CentraClient) -> None:
    made = create_product(centra, productNumber="IC-1", internalComment="secret")
    ro = token(centra, "plain-reader", "Product:read")

    allowed = centra.graphql(f"{{ product(id: {made['id']}) {{ name }} }}", token=ro)
    denied = centra.graphql(f"{{ product(id: {made['id']}) {{ internalComment }} }}", token=ro)

    assert allowed.payload("product") == {"name": "Tee"}
    assert denied.errors[0]["message"] == (
        "You need Product.internalComment:read permission to access internalComment."
    )


def test_update_product_changes_only_the_given_fields(centra: CentraClient) -> None:
    freeze(centra, "2031-03-01T10:00:00+00:00")
    brand = group(centra, "Brand", "Tidal")["brand"]["id"]
    made = create_product(
        centra, productNumber="UP-1", brand={"id": brand}, harmonizedCommodityCode="61"
    )
    freeze(centra, "2031-03-02T10:00:00+00:00")

    updated = centra.graphql(
        UPDATE_PRODUCT,
        {
            "id": made["id"],
            "input": {
                "name": "Tee Renamed",
                "status": "CANCELLED",
                "brand": None,
                "productNumber": "UP-1",
            },
        },
    ).payload("updateProduct")

    assert updated["userErrors"] == []
    expected = {
        **made,
        "name": "Tee Renamed",
        "status": "CANCELLED",
        "brand": None,
        "updatedAt": "2031-03-02T11:00:00+01:00",
    }
    assert updated["product"] == expected
    assert product_of(centra, made["id"]) == expected


@pytest.mark.parametrize(
    ("input_", "message", "path"),
    [
        (
            {"productNumber": "TAKEN"},
            "Product number TAKEN is already in use.",
            ["input", "productNumber"],
        ),
        ({"name": ""}, "Product name cannot be empty.", ["input", "name"]),
        ({"productNumber": None}, "Product number cannot be empty.", ["input", "productNumber"]),
        (
            {"folder": {"id": MISSING}},
            f"Could not find Folder with ID {MISSING}.",
            ["input", "folder"],
        ),
    ],
)
def test_update_product_refuses_bad_input(
    centra: CentraClient, input_: dict[str, Any], message: str, path: list[str]
) -> None:
    create_product(centra, productNumber="TAKEN")
    made = create_product(centra, productNumber="MINE", name="Mine")

    refused = centra.graphql(
        UPDATE_PRODUCT, {"id": made["id"], "input": {"name": "Changed", **input_}}
    ).payload("updateProduct")

    assert refused == {"product": None, "userErrors": [{"message": message, "path": path}]}
    assert product_of(centra, made["id"]) == made


def test_update_a_missing_product(centra: CentraClient) -> None:
    refused = centra.graphql(UPDATE_PRODUCT, {"id": MISSING, "input": {"name": "X"}}).payload(
        "updateProduct"
    )

    assert refused["userErrors"] == [
        {"message": f"Could not find Product with ID {MISSING}.", "path": ["id"]}
    ]


# --- variants --------------------------------------------------------------------------------


def test_create_variant_with_sizes_and_cost(centra: CentraClient, shirts: dict[str, Any]) -> None:
    product = create_product(centra, productNumber="CV-1")

    variant = create_variant(
        centra,
        product={"id": product["id"]},
        name="Green",
        status="ACTIVE",
        variantNumber="GRN",
        internalName="green-2031",
        unitCost={"value": 60, "currencyIsoCode": "EUR"},
        sizeChart={"id": shirts["id"]},
        productSizes=[{"size": {"name": "M"}, "EAN": "5678902338762", "sizeNumber": "M"}],
    )

    assert isinstance(variant.pop("id"), int)
    size = variant.pop("productSizes")
    assert variant == {
        "name": "Green",
        "status": "ACTIVE",
        "variantNumber": "GRN",
        "internalName": "green-2031",
        "unitCost": {"value": 60.0, "currency": {"code": "EUR"}, "formattedValue": "60.00 EUR"},
        "sizeChart": {"id": shirts["id"], "name": "Shirts"},
        "product": {"id": product["id"]},
    }
    assert [(s["size"]["name"], s["EAN"], s["SKU"]) for s in size] == [
        ("M", "5678902338762", "CV-1GRNM")
    ]
    assert [v["name"] for v in product_of(centra, product["id"])["variants"]] == ["Green"]


@pytest.mark.parametrize(
    ("fields", "message", "path"),
    [
        (
            {"product": {"id": MISSING}},
            f"Could not find Product with ID {MISSING}.",
            ["input", "product"],
        ),
        ({"sizeChart": None}, "SizeChart is required.", ["input", "sizeChart"]),
        ({"name": ""}, "Variant name cannot be empty.", ["input", "name"]),
        (
            {"unitCost": {"value": 5, "currencyIsoCode": "XYZ"}},
            "Could not find Currency with code XYZ.",
            ["input", "unitCost", "currencyIsoCode"],
        ),
        (
            {"unitCost": {"value": -1, "currencyIsoCode": "EUR"}},
            "Unit cost cannot be negative.",
            ["input", "unitCost", "value"],
        ),
        (
            {"variantNumber": "TAKEN"},
            "Variant number TAKEN is already in use in product CV-2.",
            ["input", "variantNumber"],
        ),
        (
            {"productSizes": [{"size": {"name": "XXL"}}]},
            "Size XXL does not belong to size chart Shirts.",
            ["input", "productSizes", "0", "size"],
        ),
        (
            {"productSizes": [{"size": {"id": MISSING}}]},
            f"Could not find Size with ID {MISSING}.",
            ["input", "productSizes", "0", "size"],
        ),
        (
            {"productSizes": [{"size": {"name": "M"}}, {"size": {"name": "M"}}]},
            "Size M is already active on variant Blue.",
            ["input", "productSizes", "1", "size"],
        ),
    ],
)
def test_create_variant_refuses_bad_input(
    centra: CentraClient,
    shirts: dict[str, Any],
    fields: dict[str, Any],
    message: str,
    path: list[str],
) -> None:
    product = create_product(centra, productNumber="CV-2")
    create_variant(
        centra,
        product={"id": product["id"]},
        name="Taken",
        status="ACTIVE",
        variantNumber="TAKEN",
        sizeChart={"id": shirts["id"]},
    )
    input_ = {
        "product": {"id": product["id"]},
        "name": "Blue",
        "status": "ACTIVE",
        "sizeChart": {"id": shirts["id"]},
        **fields,
    }

    refused = centra.graphql(CREATE_VARIANT, {"input": input_}).payload("createProductVariant")

    assert refused == {
        "productVariant": None,
        "userErrors": [{"message": message, "path": path}],
        "userWarnings": [],
    }
    assert [v["name"] for v in product_of(centra, product["id"])["variants"]] == ["Taken"]


def test_a_size_of_another_chart_is_refused(centra: CentraClient, shirts: dict[str, Any]) -> None:
    shoes = chart(centra, "Boots", ["41", "42"])
    product = create_product(centra, productNumber="CV-3")

    refused = centra.graphql(
        CREATE_VARIANT,
        {
            "input": {
                "product": {"id": product["id"]},
                "name": "Brown",
                "status": "ACTIVE",
                "sizeChart": {"id": shirts["id"]},
                "productSizes": [{"size": {"id": shoes["sizes"][1]["id"]}}],
            }
        },
    ).payload("createProductVariant")

    assert refused["userErrors"] == [
        {
            "message": "Size 42 does not belong to size chart Shirts.",
            "path": ["input", "productSizes", "0", "size"],
        }
    ]


def test_variant_numbers_may_repeat_across_products(
    centra: CentraClient, shirts: dict[str, Any]
) -> None:
    first = create_product(centra, productNumber="A-1")
    second = create_product(centra, productNumber="A-2")
    for product in (first, second):
        create_variant(
            centra,
            product={"id": product["id"]},
            name="Black",
            status="ACTIVE",
            variantNumber="BLK",
            sizeChart={"id": shirts["id"]},
        )

    listed = centra.graphql(
        f'{{ productVariants(where: {{variantNumber: {{equals: "BLK"}}, productId: [{first["id"]}, {second["id"]}]}}) {{ product {{ productNumber }} }} }}'
    ).payload("productVariants")
    assert listed == [{"product": {"productNumber": "A-1"}}, {"product": {"productNumber": "A-2"}}]


def test_update_variant_fields_and_unit_cost(centra: CentraClient, shirts: dict[str, Any]) -> None:
    product = create_product(centra, productNumber="UV-1")
    variant = create_variant(
        centra,
        product={"id": product["id"]},
        name="Grey",
        status="ACTIVE",
        variantNumber="GRY",
        internalName="grey",
        unitCost={"value": 10, "currencyIsoCode": "EUR"},
        sizeChart={"id": shirts["id"]},
    )

    renamed = centra.graphql(
        UPDATE_VARIANT,
        {
            "id": variant["id"],
            "input": {
                "name": "Charcoal",
                "status": "INACTIVE",
                "unitCost": {"value": 99.99, "currencyIsoCode": "USD"},
            },
        },
    ).payload("updateProductVariant")
    cleared = centra.graphql(
        UPDATE_VARIANT, {"id": variant["id"], "input": {"unitCost": None, "internalName": ""}}
    ).payload("updateProductVariant")

    assert renamed["userErrors"] == []
    assert renamed["productVariant"] == {
        **variant,
        "name": "Charcoal",
        "status": "INACTIVE",
        "unitCost": {"value": 99.99, "currency": {"code": "USD"}, "formattedValue": "99.99 USD"},
    }
    assert cleared["productVariant"] == {
        **renamed["productVariant"],
        "unitCost": None,
        "internalName": None,
    }
    assert variant_of(centra, variant["id"]) == cleared["productVariant"]


def test_size_chart_changes_only_while_no_size_is_active(
    centra: CentraClient, shirts: dict[str, Any]
) -> None:
    other = chart(centra, "Loose", ["One", "Two"])
    product = create_product(centra, productNumber="SC-1")
    bare = create_variant(
        centra,
        product={"id": product["id"]},
        name="Bare",
        status="ACTIVE",
        sizeChart={"id": shirts["id"]},
    )
    sized = create_variant(
        centra,
        product={"id": product["id"]},
        name="Sized",
        status="ACTIVE",
        sizeChart={"id": shirts["id"]},
        productSizes=[{"size": {"name": "S"}}],
    )

    moved = centra.graphql(
        UPDATE_VARIANT, {"id": bare["id"], "input": {"sizeChart": {"id": other["id"]}}}
    ).payload("updateProductVariant")
    refused = centra.graphql(
        UPDATE_VARIANT,
        {"id": sized["id"], "input": {"name": "X", "sizeChart": {"id": other["id"]}}},
    ).payload("updateProductVariant")
    same = centra.graphql(
        UPDATE_VARIANT, {"id": sized["id"], "input": {"sizeChart": {"id": shirts["id"]}}}
    ).payload("updateProductVariant")

    assert moved["productVariant"]["sizeChart"] == {"id": other["id"], "name": "Loose"}
    assert refused == {
        "productVariant": None,
        "userErrors": [
            {
                "message": "The size chart cannot be changed once the variant has active sizes.",
                "path": ["input", "sizeChart"],
            }
        ],
    }
    assert same["userErrors"] == []
    assert variant_of(centra, sized["id"]) == sized


def test_update_variant_refusals(centra: CentraClient, shirts: dict[str, Any]) -> None:
    product = create_product(centra, productNumber="UR-1")
    first = create_variant(
        centra,
        product={"id": product["id"]},
        name="One",
        status="ACTIVE",
        variantNumber="V1",
        sizeChart={"id": shirts["id"]},
    )
    second = create_variant(
        centra,
        product={"id": product["id"]},
        name="Two",
        status="ACTIVE",
        variantNumber="V2",
        sizeChart={"id": shirts["id"]},
    )

    missing = centra.graphql(UPDATE_VARIANT, {"id": MISSING, "input": {"name": "X"}}).payload(
        "updateProductVariant"
    )
    taken = centra.graphql(
        UPDATE_VARIANT, {"id": second["id"], "input": {"variantNumber": "V1"}}
    ).payload("updateProductVariant")
    own = centra.graphql(
        UPDATE_VARIANT, {"id": first["id"], "input": {"variantNumber": "V1"}}
    ).payload("updateProductVariant")

    assert missing["userErrors"] == [
        {"message": f"Could not find ProductVariant with ID {MISSING}.", "path": ["id"]}
    ]
    assert taken["userErrors"] == [
        {
            "message": "Variant number V1 is already in use in product UR-1.",
            "path": ["input", "variantNumber"],
        }
    ]
    assert own["userErrors"] == []
    assert variant_of(centra, second["id"]) == second


# --- product sizes ---------------------------------------------------------------------------


def test_create_product_size(centra: CentraClient, shirts: dict[str, Any]) -> None:
    product = create_product(centra, productNumber="PS-1")
    variant = create_variant(
        centra,
        product={"id": product["id"]},
        name="Navy",
        status="ACTIVE",
        variantNumber="NVY",
        sizeChart={"id": shirts["id"]},
    )

    payload = centra.graphql(
        CREATE_SIZE,
        {
            "input": {
                "productVariant": {"id": variant["id"]},
                "size": {"name": "L"},
                "EAN": "EAN000111",
                "UPC": "UPC000111",
                "sizeNumber": "111",
            }
        },
    ).payload("createProductSize")

    assert payload["userErrors"] == []
    size = payload["productSize"]
    assert isinstance(size.pop("id"), int)
    assert size == {
        "EAN": "EAN000111",
        "GTIN": "EAN000111",
        "UPC": "UPC000111",
        "sizeNumber": "111",
        "SKU": "PS-1NVY111",
        "size": {"id": shirts["ids"]["L"], "name": "L"},
        "productVariant": {"id": variant["id"]},
        "stockTotals": {
            "physicalQuantity": 0,
            "allocatedQuantity": 0,
            "freeToAllocateQuantity": 0,
            "availableQuantity": 0,
            "availableNowQuantity": 0,
            "demandQuantity": 0,
            "unshippedQuantity": 0,
            "onDeliveryQuantity": 0,
            "incomingQuantity": 0,
            "linkedIncomingQuantity": 0,
            "unlinkedIncomingQuantity": 0,
        },
    }


@pytest.mark.parametrize(
    ("input_", "message", "path"),
    [
        (
            {"productVariant": {"id": MISSING}, "size": {"name": "S"}},
            f"Could not find ProductVariant with ID {MISSING}.",
            ["input", "productVariant"],
        ),
        ({"size": {"name": "S"}}, "Size S is already active on variant Navy.", ["input", "size"]),
        (
            {"size": {"name": "XS"}},
            "Size XS does not belong to size chart Shirts.",
            ["input", "size"],
        ),
        ({"size": {}}, "Size must be given by id or externalId.", ["input", "size"]),
        (
            {"size": {"name": "M"}, "gtin": "735 0012"},
            'gtin "735 0012" is not valid: use digits, letters, "-" or "." '
            "(at most 64 characters).",
            ["input", "gtin"],
        ),
        (
            {"size": {"name": "M"}, "EAN": "7" * 65},
            f'EAN "{"7" * 65}" is not valid: use digits, letters, "-" or "." '
            "(at most 64 characters).",
            ["input", "EAN"],
        ),
        (
            {"size": {"name": "M"}, "EAN": "7350012345678", "gtin": "7350012345685"},
            "Give EAN or gtin (its old name), not both with different values.",
            ["input", "gtin"],
        ),
    ],
)
def test_create_product_size_refusals(
    centra: CentraClient,
    shirts: dict[str, Any],
    input_: dict[str, Any],
    message: str,
    path: list[str],
) -> None:
    product = create_product(centra, productNumber="PS-2")
    variant = create_variant(
        centra,
        product={"id": product["id"]},
        name="Navy",
        status="ACTIVE",
        sizeChart={"id": shirts["id"]},
        productSizes=[{"size": {"name": "S"}, "EAN": "1"}],
    )

    refused = centra.graphql(
        CREATE_SIZE, {"input": {"productVariant": {"id": variant["id"]}, **input_}}
    ).payload("createProductSize")

    assert refused == {"productSize": None, "userErrors": [{"message": message, "path": path}]}
    assert variant_of(centra, variant["id"]) == variant


def test_create_product_size_by_gtin_the_old_name_of_ean(
    centra: CentraClient, shirts: dict[str, Any]
) -> None:
    """Given a variant, when a size is activated with `gtin` (as Centra's guides still send
    it), then the code is the size's EAN, read back as EAN and GTIN and found by EAN."""
    product = create_product(centra, productNumber="PS-G")
    variant = create_variant(
        centra,
        product={"id": product["id"]},
        name="Sand",
        status="ACTIVE",
        sizeChart={"id": shirts["id"]},
    )

    created = centra.graphql(
        CREATE_SIZE,
        {
            "input": {
                "productVariant": {"id": variant["id"]},
                "size": {"name": "M"},
                "gtin": " 7350012345678 ",
                "sizeNumber": "M1",
            }
        },
    ).payload("createProductSize")
    same_twice = centra.graphql(
        CREATE_SIZE,
        {
            "input": {
                "productVariant": {"id": variant["id"]},
                "size": {"name": "L"},
                "EAN": "7350012345685",
                "gtin": "7350012345685",
            }
        },
    ).payload("createProductSize")

    assert created["userErrors"] == []
    assert (created["productSize"]["EAN"], created["productSize"]["GTIN"]) == (
        "7350012345678",
        "7350012345678",
    )
    assert same_twice["userErrors"] == []
    assert same_twice["productSize"]["EAN"] == "7350012345685"
    found = centra.graphql(
        '{ productSizes(where: {EAN: {equals: "7350012345678"}}) { id GTIN sizeNumber } }'
    ).payload("productSizes")
    assert found == [
        {"id": created["productSize"]["id"], "GTIN": "7350012345678", "sizeNumber": "M1"}
    ]


def test_update_product_size_refuses_a_bad_ean_and_keeps_the_old_one(
    centra: CentraClient, shirts: dict[str, Any]
) -> None:
    product = create_product(centra, productNumber="PS-B")
    variant = create_variant(
        centra,
        product={"id": product["id"]},
        name="Rust",
        status="ACTIVE",
        sizeChart={"id": shirts["id"]},
        productSizes=[{"size": {"name": "S"}, "EAN": "7350012345692"}],
    )
    size_id = variant["productSizes"][0]["id"]

    refused = centra.graphql(
        'mutation($id: Int!) { updateProductSize(id: $id, input: {EAN: "73500/12"}) '
        "{ productSize { EAN } userErrors { message path } } }",
        {"id": size_id},
    ).payload("updateProductSize")

    assert refused == {
        "productSize": None,
        "userErrors": [
            {
                "message": 'EAN "73500/12" is not valid: use digits, letters, "-" or "." '
                "(at most 64 characters).",
                "path": ["input", "EAN"],
            }
        ],
    }
    assert variant_of(centra, variant["id"]) == variant


def test_update_product_size_and_find_it_by_ean_and_sku(
    centra: CentraClient, shirts: dict[str, Any]
) -> None:
    product = create_product(centra, productNumber="PS-3")
    variant = create_variant(
        centra,
        product={"id": product["id"]},
        name="Olive",
        status="ACTIVE",
        variantNumber="OLV",
        sizeChart={"id": shirts["id"]},
        productSizes=[{"size": {"name": "S"}, "EAN": "OLD-EAN", "UPC": "U1", "sizeNumber": "01"}],
    )
    size_id = variant["productSizes"][0]["id"]

    updated = centra.graphql(
        'mutation($id: Int!) { updateProductSize(id: $id, input: {EAN: "NEW-EAN", UPC: ""}) '
        "{ productSize { EAN UPC sizeNumber SKU } userErrors { message path } } }",
        {"id": size_id},
    ).payload("updateProductSize")
    missing = centra.graphql(
        f'mutation {{ updateProductSize(id: {MISSING}, input: {{EAN: "X"}}) '
        "{ productSize { id } userErrors { message path } } }"
    ).payload("updateProductSize")

    assert updated == {
        "productSize": {"EAN": "NEW-EAN", "UPC": None, "sizeNumber": "01", "SKU": "PS-3OLV01"},
        "userErrors": [],
    }
    assert missing["userErrors"] == [
        {"message": f"Could not find ProductSize with ID {MISSING}.", "path": ["id"]}
    ]
    by_ean = centra.graphql('{ productSizes(where: {EAN: {equals: "NEW-EAN"}}) { id } }')
    by_sku = centra.graphql('{ productSizes(where: {SKU: {equals: "PS-3OLV01"}}) { id } }')
    assert by_ean.payload("productSizes") == [{"id": size_id}]
    assert by_sku.payload("productSizes") == [{"id": size_id}]
    one = centra.graphql(f"{{ productSize(id: {size_id}) {{ EAN }} }}").payload("productSize")
    assert one == {"EAN": "NEW-EAN"}


def test_stock_totals_add_up_over_warehouses(centra: CentraClient) -> None:
    """The demo has stock; totals obey physical = free to allocate + allocated."""
    listed = centra.graphql(
        "{ products(limit: 3) { variants { productSizes { stockTotals { physicalQuantity "
        "allocatedQuantity freeToAllocateQuantity availableQuantity unshippedQuantity "
        "demandQuantity } } } } }"
    ).payload("products")

    totals = [s["stockTotals"] for p in listed for v in p["variants"] for s in v["productSizes"]]
    assert totals, "the demo scenario has product sizes"
    assert any(t["physicalQuantity"] > 0 for t in totals)
    for t in totals:
        assert t["freeToAllocateQuantity"] == t["physicalQuantity"] - t["allocatedQuantity"]
        assert t["availableQuantity"] == t["freeToAllocateQuantity"] - t["demandQuantity"]
        assert t["unshippedQuantity"] == t["allocatedQuantity"] + t["demandQuantity"]


def test_stock_totals_need_their_own_permission(centra: CentraClient) -> None:
    ro = token(centra, "size-reader", "ProductSize:read")

    result = centra.graphql(
        "{ productSizes(limit: 1) { EAN stockTotals { physicalQuantity } } }", token=ro
    )

    assert result.errors[0]["message"] == (
        "You need ProductSize.stockTotals:read permission to access stockTotals."
    )
    assert result.extensions["permissionsUsed"] == [
        "ProductSize:read",
        "ProductSize.stockTotals:read",
    ]


# --- lists -----------------------------------------------------------------------------------


def test_products_filter_sort_and_page(centra: CentraClient) -> None:
    freeze(centra, "2031-01-01T00:00:00+00:00")
    a = create_product(centra, productNumber="QX-1", name="Anorak", status="ACTIVE")
    freeze(centra, "2031-01-02T00:00:00+00:00")
    b = create_product(centra, productNumber="QX-2", name="Cardigan", status="INACTIVE")
    freeze(centra, "2031-01-03T00:00:00+00:00")
    c = create_product(centra, productNumber="QX-3", name="Beanie", status="CANCELLED")

    def names(args: str) -> list[str]:
        q = f'{{ products(where: {{productNumber: {{contains: "QX-"}}{args}) {{ name }} }}'
        return [p["name"] for p in centra.graphql(q).payload("products")]

    assert names("}") == ["Anorak", "Cardigan", "Beanie"]
    assert names("}, sort: [name_ASC]") == ["Anorak", "Beanie", "Cardigan"]
    assert names("}, sort: [updatedAt_DESC]") == ["Beanie", "Cardigan", "Anorak"]
    assert names("}, sort: id_DESC, limit: 2, page: 2") == ["Anorak"]
    assert names(", status: [INACTIVE, CANCELLED]}") == ["Cardigan", "Beanie"]
    assert names(', name: {equals: "Beanie"}}') == ["Beanie"]
    assert names(f", id: [{a['id']}, {c['id']}]}}") == ["Anorak", "Beanie"]
    assert names(f", id: {b['id']}}}") == ["Cardigan"]


def test_products_list_loads_children_in_one_query_per_level(
    centra: CentraClient, shirts: dict[str, Any]
) -> None:
    for n in range(4):
        create_product(
            centra,
            productNumber=f"NP-{n}",
            addProductVariants=[
                {
                    "name": colour,
                    "status": "ACTIVE",
                    "variantNumber": colour[:3].upper(),
                    "sizeChart": {"id": shirts["id"]},
                    "productSizes": [{"size": {"name": "S"}}, {"size": {"name": "M"}}],
                }
                for colour in ("Black", "White")
            ],
        )
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    engine = centra.runtime.db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        listed = centra.graphql(
            '{ products(where: {productNumber: {contains: "NP-"}}) { productNumber '
            "variants { variantNumber productSizes { size { name } } } } }"
        ).payload("products")
    finally:
        event.remove(engine, "before_cursor_execute", record)

    assert [p["productNumber"] for p in listed] == ["NP-0", "NP-1", "NP-2", "NP-3"]
    assert all(
        [
            (v["variantNumber"], [s["size"]["name"] for s in v["productSizes"]])
            for v in p["variants"]
        ]
        == [("BLA", ["S", "M"]), ("WHI", ["S", "M"])]
        for p in listed
    )
    variant_loads = [s for s in statements if "FROM product_variant" in s and "product_id IN" in s]
    size_loads = [s for s in statements if "FROM product_size" in s and "variant_id IN" in s]
    assert len(variant_loads) == 1 and len(size_loads) == 1


def test_products_with_variants_report_both_permissions(centra: CentraClient) -> None:
    result = centra.graphql("{ products(limit: 2) { id variants { id } } }")

    assert result.extensions["permissionsUsed"] == ["Product:read", "ProductVariant:read"]


def test_product_variants_filters(centra: CentraClient, shirts: dict[str, Any]) -> None:
    product = create_product(centra, productNumber="VF-1")
    for name, status in (("Sand", "ACTIVE"), ("Stone", "INACTIVE")):
        create_variant(
            centra,
            product={"id": product["id"]},
            name=name,
            status=status,
            sizeChart={"id": shirts["id"]},
        )

    def names(where: str) -> list[str]:
        q = f"{{ productVariants(where: {{productId: {product['id']}{where}}}) {{ name }} }}"
        return [v["name"] for v in centra.graphql(q).payload("productVariants")]

    assert names("") == ["Sand", "Stone"]
    assert names(", status: [INACTIVE]") == ["Stone"]
    assert names(', name: {contains: "an"}') == ["Sand"]


# --- bundles ---------------------------------------------------------------------------------


def bundle_input(variant_ids: list[int], chart_id: int, **fields: Any) -> dict[str, Any]:
    return {
        "product": product_input(name="Duo", productNumber="B-1"),
        "type": "FIXED",
        "priceType": "STATIC",
        "sizeChart": {"id": chart_id},
        "sizes": [{"name": "S"}, {"name": "M"}],
        "addBundleSections": [
            {"quantity": 1, "productVariants": [{"id": variant_ids[0]}]},
            {"quantity": 2, "productVariants": [{"id": variant_ids[1]}]},
        ],
        **fields,
    }


def demo_variants(centra: CentraClient) -> list[dict[str, Any]]:
    """The demo's first variants with their free stock per size."""
    listed = centra.graphql(
        "{ products(limit: 3) { variants { id productSizes { stockTotals { freeToAllocateQuantity } } } } }"
    ).payload("products")
    return [p["variants"][0] for p in listed]


def free(variant: dict[str, Any]) -> int:
    return sum(s["stockTotals"]["freeToAllocateQuantity"] for s in variant["productSizes"])


def test_fixed_bundle_and_its_availability(centra: CentraClient, shirts: dict[str, Any]) -> None:
    first, second, _ = demo_variants(centra)

    payload = centra.graphql(
        CREATE_BUNDLE, {"input": bundle_input([first["id"], second["id"]], shirts["id"])}
    ).payload("createBundle")

    assert payload["userErrors"] == []
    bundle = payload["bundle"]
    assert bundle["availableQuantity"] == min(free(first) // 1, free(second) // 2)
    assert bundle["availableQuantity"] > 0
    assert (bundle["type"], bundle["priceType"]) == ("FIXED", "STATIC")
    assert bundle["product"]["isBundle"] is True
    assert bundle["bundleVariant"]["name"] == "Duo"
    assert bundle["bundleVariant"]["status"] == "ACTIVE"
    assert bundle["bundleVariant"]["sizeChart"] == {"name": "Shirts"}
    assert [s["size"]["name"] for s in bundle["bundleVariant"]["productSizes"]] == ["S", "M"]
    assert bundle["sizes"] == [{"name": "S"}, {"name": "M"}]
    assert [(s["quantity"], s["productVariants"]) for s in bundle["sections"]] == [
        (1, [{"id": first["id"]}]),
        (2, [{"id": second["id"]}]),
    ]
    as_product = centra.graphql(
        f"{{ product(id: {bundle['product']['id']}) {{ isBundle bundle {{ id }} variants {{ id }} }} }}"
    ).payload("product")
    assert as_product == {
        "isBundle": True,
        "bundle": {"id": bundle["id"]},
        "variants": [{"id": bundle["bundleVariant"]["id"]}],
    }
    assert (
        centra.graphql(f"{{ bundle(id: {bundle['id']}) {{ {BUNDLE_FIELDS} }} }}").payload("bundle")
        == bundle
    )


def test_a_section_without_stock_makes_the_bundle_unavailable(
    centra: CentraClient, shirts: dict[str, Any]
) -> None:
    first, _, _ = demo_variants(centra)
    empty = create_product(
        centra,
        productNumber="EMPTY-1",
        addProductVariants=[
            {
                "name": "Bare",
                "status": "ACTIVE",
                "sizeChart": {"id": shirts["id"]},
                "productSizes": [{"size": {"name": "S"}}],
            }
        ],
    )["variants"][0]["id"]

    payload = centra.graphql(
        CREATE_BUNDLE, {"input": bundle_input([first["id"], empty], shirts["id"])}
    ).payload("createBundle")

    assert payload["bundle"]["availableQuantity"] == 0


def test_flexible_bundle_without_a_chart_uses_one_size(
    centra: CentraClient, shirts: dict[str, Any]
) -> None:
    first, second, third = demo_variants(centra)

    payload = centra.graphql(
        CREATE_BUNDLE,
        {
            "input": {
                "product": product_input(
                    name="Pick two", productNumber="FLEX-1", status="INACTIVE"
                ),
                "type": "FLEXIBLE",
                "priceType": "DYNAMIC",
                "addBundleSections": [
                    {"quantity": 2, "productVariants": [{"id": first["id"]}, {"id": second["id"]}]},
                    {"quantity": 1, "productVariants": [{"id": third["id"]}]},
                ],
            }
        },
    ).payload("createBundle")

    assert payload["userErrors"] == []
    bundle = payload["bundle"]
    assert (bundle["type"], bundle["priceType"]) == ("FLEXIBLE", "DYNAMIC")
    assert bundle["sizeChart"] == {"name": "One Size"}
    assert bundle["sizes"] == [{"name": "One Size"}]
    assert bundle["bundleVariant"]["status"] == "INACTIVE"
    assert bundle["availableQuantity"] == min((free(first) + free(second)) // 2, free(third))
    listed = centra.graphql("{ bundles(where: {type: [FLEXIBLE]}) { id } }").payload("bundles")
    assert {"id": bundle["id"]} in listed


def _section(quantity: int, *ids: int) -> dict[str, Any]:
    return {"quantity": quantity, "productVariants": [{"id": i} for i in ids]}


BUNDLE_REFUSALS = [
    (
        {"addBundleSections": []},
        "A bundle needs at least one section.",
        ["input", "addBundleSections"],
    ),
    (
        {"addBundleSections": [_section(0, 0)]},
        "Bundle section quantity must be at least 1.",
        ["input", "addBundleSections", "0", "quantity"],
    ),
    (
        {"addBundleSections": [_section(1)]},
        "A bundle section needs at least one product variant.",
        ["input", "addBundleSections", "0", "productVariants"],
    ),
    (
        {"addBundleSections": [_section(1, 0, 1)]},
        "A section of a fixed bundle must have exactly one product variant.",
        ["input", "addBundleSections", "0", "productVariants"],
    ),
    (
        {"addBundleSections": [_section(1, 0), _section(1, MISSING)]},
        f"Could not find ProductVariant with ID {MISSING}.",
        ["input", "addBundleSections", "1", "productVariants", "0"],
    ),
    ({"sizeChart": None}, "A fixed bundle needs a size chart.", ["input", "sizeChart"]),
    ({"sizes": []}, "A fixed bundle needs at least one size.", ["input", "sizes"]),
    (
        {"sizes": [{"name": "S"}, {"name": "XXL"}]},
        "Size XXL does not belong to size chart Shirts.",
        ["input", "sizes", "1"],
    ),
    (
        {"sizes": [{"name": "S"}, {"name": "S"}]},
        "Size S is given more than once.",
        ["input", "sizes", "1"],
    ),
    (
        {"product": product_input(productNumber="TAKEN")},
        "Product number TAKEN is already in use.",
        ["input", "product", "productNumber"],
    ),
    (
        {"product": product_input(productNumber="B-2", brand={"id": MISSING})},
        f"Could not find Brand with ID {MISSING}.",
        ["input", "product", "brand"],
    ),
]


@pytest.mark.parametrize(("fields", "message", "path"), BUNDLE_REFUSALS)
def test_create_bundle_refusals_change_nothing(
    centra: CentraClient,
    shirts: dict[str, Any],
    fields: dict[str, Any],
    message: str,
    path: list[str],
) -> None:
    create_product(centra, productNumber="TAKEN")
    first, second, _ = demo_variants(centra)
    real = [first["id"], second["id"]]
    sections = fields.get("addBundleSections")
    if sections:  # sections name variants by index into `real` (MISSING stays missing)
        fields = {
            **fields,
            "addBundleSections": [
                {
                    "quantity": s["quantity"],
                    "productVariants": [
                        {"id": real[v["id"]] if v["id"] < len(real) else v["id"]}
                        for v in s["productVariants"]
                    ],
                }
                for s in sections
            ],
        }
    before = (count(centra, "products"), count(centra, "bundles"), count(centra, "productVariants"))

    refused = centra.graphql(
        CREATE_BUNDLE, {"input": bundle_input(real, shirts["id"], **fields)}
    ).payload("createBundle")

    assert refused == {"bundle": None, "userErrors": [{"message": message, "path": path}]}
    after = (count(centra, "products"), count(centra, "bundles"), count(centra, "productVariants"))
    assert after == before


def test_bundles_cannot_contain_bundles_or_get_more_variants(
    centra: CentraClient, shirts: dict[str, Any]
) -> None:
    first, second, _ = demo_variants(centra)
    inner = centra.graphql(
        CREATE_BUNDLE, {"input": bundle_input([first["id"], second["id"]], shirts["id"])}
    ).payload("createBundle")["bundle"]
    outer_input = bundle_input(
        [first["id"], inner["bundleVariant"]["id"]],
        shirts["id"],
        product=product_input(name="Outer", productNumber="B-OUT"),
    )

    nested = centra.graphql(CREATE_BUNDLE, {"input": outer_input}).payload("createBundle")
    with_variants = centra.graphql(
        CREATE_BUNDLE,
        {
            "input": bundle_input(
                [first["id"], second["id"]],
                shirts["id"],
                product=product_input(
                    productNumber="B-VAR",
                    addProductVariants=[
                        {"name": "X", "status": "ACTIVE", "sizeChart": {"id": shirts["id"]}}
                    ],
                ),
            )
        },
    ).payload("createBundle")
    extra_variant = centra.graphql(
        CREATE_VARIANT,
        {
            "input": {
                "product": {"id": inner["product"]["id"]},
                "name": "Extra",
                "status": "ACTIVE",
                "sizeChart": {"id": shirts["id"]},
            }
        },
    ).payload("createProductVariant")

    assert nested["userErrors"] == [
        {
            "message": f"Product variant {inner['bundleVariant']['id']} is a bundle variant; "
            "bundles cannot contain bundles.",
            "path": ["input", "addBundleSections", "1", "productVariants", "0"],
        }
    ]
    assert with_variants["userErrors"] == [
        {
            "message": "A bundle has only its own bundle variant; product variants cannot be added.",
            "path": ["input", "product", "addProductVariants"],
        }
    ]
    assert extra_variant["userErrors"] == [
        {
            "message": f"Product {inner['product']['id']} is a bundle: it has only its own bundle variant.",
            "path": ["input", "product"],
        }
    ]
    assert products_numbered(centra, "B-OUT") == [] and products_numbered(centra, "B-VAR") == []


CHANGE_STOCK = """
mutation($input: StockChangeInput!) {
  changeStock(input: $input) { stockChange { id } userErrors { message path } }
}
"""


def deliver(centra: CentraClient, variant_id: int, quantities: dict[str, int]) -> None:
    warehouse = centra.graphql("{ warehouses(limit: 1) { id } }").payload("warehouses")[0]["id"]
    centra.graphql(
        CHANGE_STOCK,
        {
            "input": {
                "intoWarehouse": {"id": warehouse},
                "description": "Delivery",
                "productVariants": [
                    {
                        "productVariant": {"id": variant_id},
                        "sizeChanges": [
                            {"size": {"name": n}, "deliveredQuantity": q}
                            for n, q in quantities.items()
                        ],
                    }
                ],
            }
        },
    ).ok("changeStock")


def test_delivered_stock_shows_in_totals_and_bundle_availability(
    centra: CentraClient, shirts: dict[str, Any]
) -> None:
    sizes = [{"size": {"name": n}} for n in ("S", "M", "L")]
    made = [
        create_product(
            centra,
            productNumber=number,
            addProductVariants=[
                {
                    "name": "Ink",
                    "status": "ACTIVE",
                    "sizeChart": {"id": shirts["id"]},
                    "productSizes": sizes,
                }
            ],
        )["variants"][0]["id"]
        for number in ("ST-1", "ST-2")
    ]
    deliver(centra, made[0], {"S": 3, "M": 4})  # 7 free
    deliver(centra, made[1], {"L": 9})  # 9 free: 4 sets of 2

    bundle = centra.graphql(CREATE_BUNDLE, {"input": bundle_input(made, shirts["id"])}).payload(
        "createBundle"
    )["bundle"]

    stock = centra.graphql(
        f"{{ productVariant(id: {made[0]}) {{ productSizes {{ size {{ name }} stockTotals "
        "{ physicalQuantity freeToAllocateQuantity availableQuantity allocatedQuantity } } } }"
    ).payload("productVariant")["productSizes"]
    assert [(s["size"]["name"], s["stockTotals"]) for s in stock] == [
        (
            "S",
            {
                "physicalQuantity": 3,
                "freeToAllocateQuantity": 3,
                "availableQuantity": 3,
                "allocatedQuantity": 0,
            },
        ),
        (
            "M",
            {
                "physicalQuantity": 4,
                "freeToAllocateQuantity": 4,
                "availableQuantity": 4,
                "allocatedQuantity": 0,
            },
        ),
        (
            "L",
            {
                "physicalQuantity": 0,
                "freeToAllocateQuantity": 0,
                "availableQuantity": 0,
                "allocatedQuantity": 0,
            },
        ),
    ]
    assert bundle["availableQuantity"] == 4  # min(7 // 1, 9 // 2)
