"""Seed 004 (ERP guide), product data: the guide's own operations, sent as the guide writes them.

Ids in the guide belong to its instance; each test creates what the operation points at and
puts those ids into the guide's text. Everything else is compared as the guide shows it.
"""

from __future__ import annotations

from typing import Any

from mockcentra.testing import CentraClient

# --- the guide's operations, verbatim ---------------------------------------------------------

ADD_PRODUCT = """
mutation addProduct {
createProduct(input: {
name: "First Product"
status: ACTIVE
productNumber: "Prod123"
brand: { id: 1 }
collection: { id: 2 }
folder: { id: 1 }
countryOfOrigin: { code: "DE" }
harmonizedCommodityCode: "HCC123"
harmonizedCommodityCodeDescription: "Harm Code Description"
}) {
product {
id
name
status
productNumber
brand { name }
collection { name }
folder { name }
harmonizedCommodityCode
harmonizedCommodityCodeDescription
}
userErrors {
message
path
}
}
}
"""

CREATE_VARIANT = """
mutation createVariant {
createProductVariant(input: {
product: { id: 1 }
name: "First Product"
status: ACTIVE
variantNumber: "Var456"
internalName: "vrnt2"
unitCost: { # MonetaryValueInput
value: 60
currencyIsoCode: "EUR"
}
sizeChart: { id: 2 }
}) {
productVariant {
id
}
userErrors {
message
path
}
}
}
"""

ADD_PRODUCT_WITH_VARIANTS = """
mutation addProductWithVariants {
createProduct(
input: {
name: "First Product"
status: ACTIVE
productNumber: "Prod123"
addProductVariants: [
{
name: "First ProductVariant"
status: ACTIVE
variantNumber: "Var123"
internalName: "vrnt"
sizeChart: { id: 1 }
}
]
}
) {
product {
id
name
status
productNumber
variants {
name
status
variantNumber
internalName
sizeChart {
id
}
}
}
userErrors {
message
path
}
}
}
"""

CREATE_ONE_SIZE = """
mutation createOneSize {
createProductSize(
input: {
productVariant: { id: 1 },
size: { id: 1 },
EAN: "EAN000111",
sizeNumber: "111"
}
) {
productSize {
id
EAN
sizeNumber
}
userErrors {
message
path
}
}
}
"""

CREATE_VARIANT_WITH_SIZES = """
mutation createVariantWithSizes {
createProductVariant(input: {
product: { id: 1 }
name: "Blue shirt"
status: INACTIVE
variantNumber: "876"
sizeChart: { id: 3 }
productSizes: [
{size: {name: "S"}, EAN: "5678902338761"},
{size: {name: "M"}, EAN: "5678902338762"},
{size: {name: "L"}, EAN: "5678902338763"},
]
}) {
productVariant {
id
productSizes {
...basicProductSizeFields
}
}
userErrors {
message
path
}
userWarnings {
message
path
}
}
}
"""

# The guide uses this fragment without printing it; this is a plausible definition.
BASIC_PRODUCT_SIZE_FIELDS = """
fragment basicProductSizeFields on ProductSize {
  id
  EAN
  UPC
  sizeNumber
  SKU
  size { name }
}
"""

CREATE_FIXED_BUNDLE = """
mutation createFixedBundle {
createBundle(
input: {
product: {
name: "Test bundle product"
status: ACTIVE
productNumber: "123"
brand: {id: 1}
collection: {id: 1}
countryOfOrigin: {id: 65}
folder: {id: 1}
harmonizedCommodityCode: "code"
harmonizedCommodityCodeDescription: "description"
}
type: FIXED
priceType: STATIC
sizeChart: {id: 2}
sizes: [
{name: "S"},
{name: "M"}
]
addBundleSections: [
{
quantity: 1
productVariants: [
{id: 1449}
]
},
{
quantity: 2
productVariants: [
{id: 1450}
]
}
]
}
) {
userErrors {message path}
bundle {
...bundleFields
}
}
}
"""

# The guide uses this fragment without printing it; this is a plausible definition.
BUNDLE_FIELDS = """
fragment bundleFields on Bundle {
  id
  type
  priceType
  product { name productNumber isBundle }
  sizeChart { name }
  sizes { name }
  sections { quantity productVariants { name } }
}
"""


# --- what the operations point at ---------------------------------------------------------------


def _ensure(centra: CentraClient, kind: str, name: str) -> int:
    """The id of the brand/collection/folder with this name, created through the API if missing."""
    plural = {"Brand": "brands", "Collection": "collections", "Folder": "folders"}[kind]
    found = centra.graphql(
        f"query($n: String!) {{ {plural}(where: {{name: {{equals: $n}}}}) {{ id }} }}", {"n": name}
    ).payload(plural)
    if found:
        return found[0]["id"]
    key = kind.lower()
    made = centra.graphql(
        f"mutation($n: String!) {{ create{kind}(input: {{name: $n}}) {{ {key} {{ id }} "
        "userErrors { message } } }",
        {"n": name},
    ).ok(f"create{kind}")
    return made[key]["id"]


def _chart(centra: CentraClient, name: str, labels: list[str]) -> dict[str, Any]:
    return centra.graphql(
        "mutation($n: String!, $l: [String!]!) { createSizeChart(input: {name: $n, "
        "horizontalLabels: $l}) { sizeChart { id sizes { id name } } userErrors { message } } }",
        {"n": name, "l": labels},
    ).ok("createSizeChart")["sizeChart"]


def _product(centra: CentraClient, number: str, chart_id: int | None = None) -> dict[str, Any]:
    variants = (
        f'addProductVariants: [{{name: "Black", status: ACTIVE, variantNumber: "BLK", '
        f"sizeChart: {{id: {chart_id}}}}}]"
        if chart_id
        else ""
    )
    return centra.graphql(
        f'mutation {{ createProduct(input: {{name: "Tee {number}", status: ACTIVE, '
        f'productNumber: "{number}" {variants}}}) {{ product {{ id variants {{ id }} }} '
        "userErrors { message } } }"
    ).ok("createProduct")["product"]


def _country_id(centra: CentraClient, code: str) -> int:
    countries = centra.graphql(
        "query($c: [String!]) { countries(where: {code: $c}) { id } }", {"c": [code]}
    ).payload("countries")
    return countries[0]["id"]


# --- the guide's flow -------------------------------------------------------------------------


def test_create_the_first_product(centra: CentraClient) -> None:
    brand = _ensure(centra, "Brand", "Base Brand")
    collection = _ensure(centra, "Collection", "AW21")
    folder = _ensure(centra, "Folder", "Shop")
    query = (
        ADD_PRODUCT.replace("brand: { id: 1 }", f"brand: {{ id: {brand} }}")
        .replace("collection: { id: 2 }", f"collection: {{ id: {collection} }}")
        .replace("folder: { id: 1 }", f"folder: {{ id: {folder} }}")
    )

    result = centra.graphql(query)

    payload = result.payload("createProduct")
    assert isinstance(payload["product"].pop("id"), int)
    assert payload == {
        "product": {
            "name": "First Product",
            "status": "ACTIVE",
            "productNumber": "Prod123",
            "brand": {"name": "Base Brand"},
            "collection": {"name": "AW21"},
            "folder": {"name": "Shop"},
            "harmonizedCommodityCode": "HCC123",
            "harmonizedCommodityCodeDescription": "Harm Code Description",
        },
        "userErrors": [],
    }
    # The guide's answer predates Centra's new permission names: the old ones are still
    # accepted and reported, next to the current ones and in deprecatedPermissionsUsed.
    assert result.extensions["permissionsUsed"] == [
        "Product:write",
        "Product:read",
        "Brand:read",
        "Product.Brand:read",
        "Collection:read",
        "Product.Collection:read",
        "Folder:read",
        "Product.Folder:read",
    ]
    assert result.extensions["deprecatedPermissionsUsed"] == [
        "Field: Product.brand, deprecated: Product.Brand:read, current: Brand:read",
        "Field: Product.collection, deprecated: Product.Collection:read, current: Collection:read",
        "Field: Product.folder, deprecated: Product.Folder:read, current: Folder:read",
    ]


def test_create_a_variant(centra: CentraClient) -> None:
    product = _product(centra, "Prod123")
    chart = _chart(centra, "Shirts", ["S", "M", "L"])
    query = CREATE_VARIANT.replace("product: { id: 1 }", f"product: {{ id: {product['id']} }}")
    query = query.replace("sizeChart: { id: 2 }", f"sizeChart: {{ id: {chart['id']} }}")

    result = centra.graphql(query)

    payload = result.payload("createProductVariant")
    assert payload["userErrors"] == []
    assert isinstance(payload["productVariant"]["id"], int)
    assert result.extensions["permissionsUsed"] == ["ProductVariant:write", "ProductVariant:read"]
    variant = centra.graphql(
        "query($id: Int!) { productVariant(id: $id) { name status variantNumber internalName "
        "unitCost { value formattedValue currency { code } } sizeChart { name } "
        "product { productNumber } } }",
        {"id": payload["productVariant"]["id"]},
    ).payload("productVariant")
    assert variant == {
        "name": "First Product",
        "status": "ACTIVE",
        "variantNumber": "Var456",
        "internalName": "vrnt2",
        "unitCost": {"value": 60.0, "formattedValue": "60.00 EUR", "currency": {"code": "EUR"}},
        "sizeChart": {"name": "Shirts"},
        "product": {"productNumber": "Prod123"},
    }


def test_create_variants_together_with_a_product(centra: CentraClient) -> None:
    one_size = centra.graphql('{ sizeCharts(where: {name: {equals: "One Size"}}) { id } }').payload(
        "sizeCharts"
    )[0]["id"]
    query = ADD_PRODUCT_WITH_VARIANTS.replace(
        "sizeChart: { id: 1 }", f"sizeChart: {{ id: {one_size} }}"
    )

    result = centra.graphql(query)

    payload = result.payload("createProduct")
    assert isinstance(payload["product"].pop("id"), int)
    assert payload == {
        "product": {
            "name": "First Product",
            "status": "ACTIVE",
            "productNumber": "Prod123",
            "variants": [
                {
                    "name": "First ProductVariant",
                    "status": "ACTIVE",
                    "variantNumber": "Var123",
                    "internalName": "vrnt",
                    "sizeChart": {"id": one_size},
                }
            ],
        },
        "userErrors": [],
    }
    assert result.extensions["permissionsUsed"] == [
        "Product:write",
        "Product:read",
        "ProductVariant:read",
        "SizeChart:read",
    ]


def test_create_one_product_size(centra: CentraClient) -> None:
    chart = _chart(centra, "Shirts", ["S", "M", "L"])
    variant = _product(centra, "Prod123", chart["id"])["variants"][0]
    size_s = chart["sizes"][0]["id"]
    query = CREATE_ONE_SIZE.replace(
        "productVariant: { id: 1 }", f"productVariant: {{ id: {variant['id']} }}"
    ).replace("size: { id: 1 }", f"size: {{ id: {size_s} }}")

    result = centra.graphql(query)

    payload = result.payload("createProductSize")
    assert isinstance(payload["productSize"].pop("id"), int)
    # The guide's printed answer shows the field's old name "GTIN"; the query asks for "EAN".
    assert payload == {"productSize": {"EAN": "EAN000111", "sizeNumber": "111"}, "userErrors": []}
    assert result.extensions["permissionsUsed"] == ["ProductVariant:write", "ProductSize:read"]


def test_create_a_variant_with_activated_sizes(centra: CentraClient) -> None:
    product = _product(centra, "Prod123")
    chart = _chart(centra, "Shirts", ["XS", "S", "M", "L", "XL"])
    query = CREATE_VARIANT_WITH_SIZES.replace(
        "product: { id: 1 }", f"product: {{ id: {product['id']} }}"
    ).replace("sizeChart: { id: 3 }", f"sizeChart: {{ id: {chart['id']} }}")

    result = centra.graphql(query + BASIC_PRODUCT_SIZE_FIELDS)

    payload = result.payload("createProductVariant")
    assert payload["userErrors"] == [] and payload["userWarnings"] == []
    sizes = payload["productVariant"]["productSizes"]
    assert all(isinstance(s.pop("id"), int) for s in sizes)
    assert sizes == [
        {"EAN": ean, "UPC": None, "sizeNumber": None, "SKU": "Prod123876", "size": {"name": n}}
        for n, ean in (("S", "5678902338761"), ("M", "5678902338762"), ("L", "5678902338763"))
    ]
    assert result.extensions["permissionsUsed"] == [
        "ProductVariant:write",
        "ProductVariant:read",
        "ProductSize:read",
    ]


def test_create_a_fixed_bundle(centra: CentraClient) -> None:
    brand = _ensure(centra, "Brand", "Base Brand")
    collection = _ensure(centra, "Collection", "AW21")
    folder = _ensure(centra, "Folder", "Shop")
    chart = _chart(centra, "Bundle sizes", ["S", "M", "L"])
    first = _product(centra, "SOCK-1", chart["id"])["variants"][0]["id"]
    second = _product(centra, "SOCK-2", chart["id"])["variants"][0]["id"]
    query = (
        CREATE_FIXED_BUNDLE.replace("brand: {id: 1}", f"brand: {{id: {brand}}}")
        .replace("collection: {id: 1}", f"collection: {{id: {collection}}}")
        .replace("folder: {id: 1}", f"folder: {{id: {folder}}}")
        .replace(
            "countryOfOrigin: {id: 65}", f"countryOfOrigin: {{id: {_country_id(centra, 'DE')}}}"
        )
        .replace("sizeChart: {id: 2}", f"sizeChart: {{id: {chart['id']}}}")
        .replace("{id: 1449}", f"{{id: {first}}}")
        .replace("{id: 1450}", f"{{id: {second}}}")
    )

    result = centra.graphql(query + BUNDLE_FIELDS)

    payload = result.payload("createBundle")
    assert isinstance(payload["bundle"].pop("id"), int)
    assert payload == {
        "userErrors": [],
        "bundle": {
            "type": "FIXED",
            "priceType": "STATIC",
            "product": {"name": "Test bundle product", "productNumber": "123", "isBundle": True},
            "sizeChart": {"name": "Bundle sizes"},
            "sizes": [{"name": "S"}, {"name": "M"}],
            "sections": [
                {"quantity": 1, "productVariants": [{"name": "Black"}]},
                {"quantity": 2, "productVariants": [{"name": "Black"}]},
            ],
        },
    }
    # As in Centra, a bundle's product, sizes, sections and section variants need no more.
    assert result.extensions["permissionsUsed"] == ["Bundle:write", "Bundle:read", "SizeChart:read"]
