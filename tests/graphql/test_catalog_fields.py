"""Catalogue fields of Centra's PIM guide: collection status and URI, brands per store, size
descriptions, serializable products, weights, folder products, category meta texts, warehouse
status and sorting of the short lists."""

from __future__ import annotations

from mockcentra.testing import CentraClient
from tests.graphql._catalog_setup import create_variant

CREATE_COLLECTION = """mutation($input: CollectionCreateInput!) {
  createCollection(input: $input) {
    collection { id name status uri } userErrors { message path } } }"""
UPDATE_COLLECTION = """mutation($id: Int!, $input: CollectionUpdateInput!) {
  updateCollection(id: $id, input: $input) {
    collection { id name status uri } userErrors { message path } } }"""
CREATE_BRAND = """mutation($input: BrandCreateInput!) {
  createBrand(input: $input) {
    brand { id name uri stores { id name } } userErrors { message path } } }"""
UPDATE_BRAND = """mutation($id: Int!, $input: BrandUpdateInput!) {
  updateBrand(id: $id, input: $input) {
    brand { id name uri stores { id } } userErrors { message path } } }"""
WEIGHT = "weight { value unit formattedValue }"
UPDATE_WEIGHT = f"""mutation($id: Int!, $input: ProductUpdateInput!) {{
  updateProduct(id: $id, input: $input) {{
    product {{ id isSerializableProduct {WEIGHT} variants {{ productSizes {{ {WEIGHT} }} }} }}
    userErrors {{ message path }} userWarnings {{ message path }} }} }}"""
PRODUCT_WEIGHT = f"query($id: Int!) {{ product(id: $id) {{ {WEIGHT} }} }}"


def test_a_collection_has_a_status_and_a_uri_generated_from_its_name(centra: CentraClient):
    # Given a collection created with a status and no URI
    made = centra.graphql(
        CREATE_COLLECTION, {"input": {"name": "Autumn Winter 25", "status": "INACTIVE"}}
    ).ok("createCollection")["collection"]
    # Then the URI comes from the name and the status is kept
    assert (made["name"], made["status"], made["uri"]) == (
        "Autumn Winter 25",
        "INACTIVE",
        "autumn-winter-25",
    )
    # When it is activated and given its own URI
    updated = centra.graphql(
        UPDATE_COLLECTION, {"id": made["id"], "input": {"status": "ACTIVE", "uri": "aw25"}}
    ).ok("updateCollection")["collection"]
    # Then both changed, and the collection list filters by status
    assert (updated["status"], updated["uri"]) == ("ACTIVE", "aw25")
    listed = centra.graphql(
        '{ collections(where: {status: [ACTIVE], name: {equals: "Autumn Winter 25"}}) { id uri } }'
    ).payload("collections")
    assert listed == [{"id": made["id"], "uri": "aw25"}]


def test_a_taken_collection_uri_is_refused_and_nothing_changes(centra: CentraClient):
    first = centra.graphql(CREATE_COLLECTION, {"input": {"name": "One", "uri": "same"}}).ok(
        "createCollection"
    )["collection"]
    second = centra.graphql(CREATE_COLLECTION, {"input": {"name": "Two"}}).ok("createCollection")[
        "collection"
    ]
    assert first["status"] == "ACTIVE"  # the default

    refused = centra.graphql(
        UPDATE_COLLECTION, {"id": second["id"], "input": {"name": "Renamed", "uri": "same"}}
    ).payload("updateCollection")

    assert refused == {
        "collection": None,
        "userErrors": [
            {"message": "Collection with URI same already exists.", "path": ["input", "uri"]}
        ],
    }
    again = centra.graphql(
        "query($id: Int!) { collection(id: $id) { name uri } }", {"id": second["id"]}
    ).payload("collection")
    assert again == {"name": "Two", "uri": "two"}


def test_a_brand_is_enabled_in_the_stores_given_and_can_leave_them(centra: CentraClient):
    made = centra.graphql(
        CREATE_BRAND, {"input": {"name": "My Brand", "addToStores": [{"id": 2}, {"id": 1}]}}
    ).ok("createBrand")["brand"]
    assert made["uri"] == "my-brand"
    assert made["stores"] == [{"id": 1, "name": "Retail"}, {"id": 2, "name": "Wholesale"}]

    updated = centra.graphql(
        UPDATE_BRAND, {"id": made["id"], "input": {"removeFromStores": [{"id": 2}]}}
    ).ok("updateBrand")["brand"]

    assert updated["stores"] == [{"id": 1}]


def test_a_brand_for_an_unknown_store_is_not_created(centra: CentraClient):
    refused = centra.graphql(
        CREATE_BRAND, {"input": {"name": "Nowhere", "addToStores": [{"id": 99}]}}
    ).payload("createBrand")

    assert refused == {
        "brand": None,
        "userErrors": [
            {"message": "Could not find Store with ID 99.", "path": ["input", "addToStores", "0"]}
        ],
    }
    assert (
        centra.graphql('{ brands(where: {name: {equals: "Nowhere"}}) { id } }').payload("brands")
        == []
    )


def test_a_product_size_describes_its_size_by_name(centra: CentraClient):
    variant = create_variant(centra, sizes=("S", "M"), number="DESC-1")
    sizes = centra.graphql(
        "query($id: Int!) { productVariant(id: $id) { productSizes { description size { name } } } }",
        {"id": variant.id},
    ).payload("productVariant")["productSizes"]
    assert sizes == [
        {"description": "S", "size": {"name": "S"}},
        {"description": "M", "size": {"name": "M"}},
    ]


def test_a_product_without_weight_weighs_nothing_in_kilograms(centra: CentraClient):
    variant = create_variant(centra, sizes=("S",), number="W-0")
    product = centra.graphql(PRODUCT_WEIGHT, {"id": variant.product_id}).payload("product")
    assert product["weight"] == {"value": 0.0, "unit": "KILOGRAMS", "formattedValue": "0.000 kg"}


def test_the_weight_of_a_product_is_shown_on_the_product_and_its_sizes(centra: CentraClient):
    variant = create_variant(centra, sizes=("S", "M"), number="W-1")

    result = centra.graphql(
        UPDATE_WEIGHT,
        {"id": variant.product_id, "input": {"weight": {"value": 3, "unit": "KILOGRAMS"}}},
    ).payload("updateProduct")

    weight = {"value": 3.0, "unit": "KILOGRAMS", "formattedValue": "3.000 kg"}
    assert result["userErrors"] == [] and result["userWarnings"] == []
    assert result["product"]["weight"] == weight
    assert result["product"]["variants"][0]["productSizes"] == [{"weight": weight}] * 2


def test_a_weight_in_another_unit_is_rounded_with_warnings(centra: CentraClient):
    variant = create_variant(centra, sizes=("S",), number="W-2")

    result = centra.graphql(
        UPDATE_WEIGHT,
        {"id": variant.product_id, "input": {"weight": {"value": 1.23456, "unit": "POUNDS"}}},
    ).payload("updateProduct")

    assert result["product"]["weight"] == {
        "value": 1.235,
        "unit": "POUNDS",
        "formattedValue": "1.235 lb",
    }
    assert result["userWarnings"] == [
        {"message": "Weight has been rounded to 3 decimal places", "path": ["input", "weight"]},
        {
            "message": "Weight unit has been changed from KILOGRAMS to POUNDS",
            "path": ["input", "weight"],
        },
    ]


def test_a_negative_weight_is_refused_and_the_old_one_stays(centra: CentraClient):
    variant = create_variant(centra, sizes=("S",), number="W-3")
    centra.graphql(
        UPDATE_WEIGHT,
        {"id": variant.product_id, "input": {"weight": {"value": 0.5, "unit": "KILOGRAMS"}}},
    ).ok("updateProduct")

    refused = centra.graphql(
        UPDATE_WEIGHT,
        {
            "id": variant.product_id,
            "input": {"name": "Renamed", "weight": {"value": -1, "unit": "KILOGRAMS"}},
        },
    ).payload("updateProduct")

    assert refused["userErrors"] == [
        {"message": "Weight cannot be negative.", "path": ["input", "weight", "value"]}
    ]
    after = centra.graphql(
        "query($id: Int!) { product(id: $id) { name weight { formattedValue } } }",
        {"id": variant.product_id},
    ).payload("product")
    assert after == {"name": "Tee", "weight": {"formattedValue": "0.500 kg"}}


def test_serializable_products_are_marked_on_create_and_update(centra: CentraClient):
    made = centra.graphql(
        """mutation { createProduct(input: {name: "Watch", status: ACTIVE, productNumber: "SER-1",
          isSerializableProduct: true, weight: {value: 0.25, unit: KILOGRAMS}}) {
          product { id isSerializableProduct weight { formattedValue } } userErrors { message } } }"""
    ).ok("createProduct")["product"]
    assert made["isSerializableProduct"] is True
    assert made["weight"] == {"formattedValue": "0.250 kg"}

    updated = centra.graphql(
        UPDATE_WEIGHT, {"id": made["id"], "input": {"isSerializableProduct": False}}
    ).ok("updateProduct")["product"]

    assert updated["isSerializableProduct"] is False


def test_a_folder_lists_the_products_filed_in_it(centra: CentraClient):
    # Given the demo's folders (products are filed in Clothing, Shoes and Accessories)
    folders = centra.graphql(
        '{ folders(where: {name: {equals: "Shoes"}}) { id products { id productNumber } } }'
    ).payload("folders")
    expected = centra.graphql(
        "query($f: [Int!]) { products(where: {folderId: $f}, limit: 100) { id productNumber } }",
        {"f": [folders[0]["id"]]},
    ).payload("products")
    # Then the folder lists exactly those products, in id order
    assert folders[0]["products"] == expected
    assert len(expected) > 0
    top = centra.graphql('{ folders(where: {name: {equals: "Shop"}}) { products { id } } }')
    assert top.payload("folders") == [{"products": []}]


def test_categories_carry_meta_texts(centra: CentraClient):
    made = centra.graphql(
        """mutation { createCategory(input: {name: "Knitwear", status: ACTIVE, store: {id: 1},
          metaTitle: "Knitwear", metaDescription: "Warm knits", metaKeywords: "wool, knit"}) {
          category { id metaTitle metaDescription metaKeywords } userErrors { message } } }"""
    ).ok("createCategory")["category"]
    assert (made["metaTitle"], made["metaDescription"], made["metaKeywords"]) == (
        "Knitwear",
        "Warm knits",
        "wool, knit",
    )

    updated = centra.graphql(
        """mutation($id: Int!) { updateCategory(id: $id, input: {metaDescription: "Soft knits",
          metaKeywords: null}) { category { name uri metaTitle metaDescription metaKeywords }
          userErrors { message } } }""",
        {"id": made["id"]},
    ).ok("updateCategory")["category"]

    assert updated == {
        "name": "Knitwear",
        "uri": "knitwear",
        "metaTitle": "Knitwear",
        "metaDescription": "Soft knits",
        "metaKeywords": None,
    }


def test_warehouses_have_a_status_and_filter_and_sort_by_it(centra: CentraClient):
    made = centra.graphql(
        """mutation { createWarehouse(input: {name: "Retail", status: INACTIVE}) {
          warehouse { id name status } userErrors { message } } }"""
    ).ok("createWarehouse")["warehouse"]
    assert made["status"] == "INACTIVE"

    inactive = centra.graphql("{ warehouses(where: {status: INACTIVE}) { name } }")
    by_name = centra.graphql("{ warehouses(sort: [name_DESC]) { name status } }")

    assert inactive.payload("warehouses") == [{"name": "Retail"}]
    assert by_name.payload("warehouses") == [
        {"name": "Retail", "status": "INACTIVE"},
        {"name": "Main warehouse", "status": "ACTIVE"},
    ]


def test_short_lists_sort_by_id_or_name(centra: CentraClient):
    collections = centra.graphql("{ collections(sort: [name_DESC]) { name } }")
    folders = centra.graphql("{ folders(sort: name_ASC, where: {isTopFolder: false}) { name } }")
    charts = centra.graphql("{ sizeCharts(sort: [id_DESC]) { name } }")
    brands = centra.graphql("{ brands(sort: [id_ASC]) { name } }")

    assert collections.payload("collections") == [{"name": "SS22"}, {"name": "AW21"}]
    assert folders.payload("folders") == [
        {"name": "Accessories"},
        {"name": "Clothing"},
        {"name": "Shoes"},
    ]
    assert charts.payload("sizeCharts") == [
        {"name": "Shoes"},
        {"name": "XS-XL"},
        {"name": "One Size"},
    ]
    assert brands.payload("brands") == [{"name": "Base Brand"}]
