"""Custom attributes on products, variants, orders and accounts: dynamic values, mapped
attributes (selected from predefined ones), files and images, unassigning, and the permissions
each object's attributes need. Definitions come from fixtures/attributes.yaml."""

from __future__ import annotations

from typing import Any

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.graphql._catalog_setup import create_variant

ATTRIBUTES = """
fragment attributes on ObjectWithAttributes {
  attributes {
    type { name isMapped }
    description
    objectType
    elements {
      key description kind
      ... on AttributeStringElement { value }
      ... on AttributeChoiceElement { isMulti selectedValue selectedValueName }
      ... on AttributeFileElement { url }
      ... on AttributeImageElement { url width height mimeType }
    }
  }
}
"""
ASSIGN = (
    """mutation($input: AssignAttributesInput!) { assignAttributes(input: $input) {
  userErrors { message path } object { __typename ...attributes } } }"""
    + ATTRIBUTES
)
UNASSIGN = (
    """mutation($input: UnassignAttributesInput!) { unassignAttributes(input: $input) {
  userErrors { message path } userWarnings { message path }
  object { __typename ...attributes } } }"""
    + ATTRIBUTES
)
PRODUCT = "query($id: Int!) { product(id: $id) { ...attributes } }" + ATTRIBUTES


def mapped(type_name: str, *ids: int) -> list[dict[str, Any]]:
    return [{"attributeTypeName": type_name, "attributeId": i} for i in ids]


def dynamic(type_name: str, key: str, value: str | None = None) -> dict[str, Any]:
    item = {"attributeTypeName": type_name, "attributeElementKey": key}
    if value is not None:
        item["attributeElementValue"] = value
    return item


def assign(centra: CentraClient, object_type: str, object_id: int, **input: Any) -> dict:
    data = {"objectType": object_type, "objectId": object_id, **input}
    return centra.graphql(ASSIGN, {"input": data}).payload("assignAttributes")


def product_attributes(centra: CentraClient, product_id: int) -> list[dict]:
    return centra.graphql(PRODUCT, {"id": product_id}).payload("product")["attributes"]


def material(value: str) -> dict[str, Any]:
    return {
        "type": {"name": "pr_materials", "isMapped": True},
        "description": "Product materials",
        "objectType": "Product",
        "elements": [
            {"key": "text", "description": "Material description", "kind": "INPUT", "value": value}
        ],
    }


def new_product(centra: CentraClient, number: str) -> int:
    """A product without attributes (the demo's products have their material selected)."""
    return create_variant(centra, sizes=("S",), number=number).product_id


def test_a_product_takes_dynamic_values_and_several_mapped_attributes(centra: CentraClient):
    product = new_product(centra, "ATT-1")
    result = assign(
        centra,
        "Product",
        product,
        mappedAttributes=mapped("pr_materials", 13, 10),
        dynamicAttributes=[dynamic("pr_long_name", "text", "A very long name")],
    )

    assert result["userErrors"] == []
    assert result["object"]["__typename"] == "Product"
    expected = [
        {
            "type": {"name": "pr_long_name", "isMapped": False},
            "description": "Long external product name",
            "objectType": "Product",
            "elements": [
                {
                    "key": "text",
                    "description": "Long external product name",
                    "kind": "INPUT",
                    "value": "A very long name",
                }
            ],
        },
        material("Organic cotton"),
        material("Linen"),
    ]
    assert result["object"]["attributes"] == expected
    assert product_attributes(centra, product) == expected


def test_unassigning_clears_values_and_deselects_with_warnings_for_what_is_not_set(
    centra: CentraClient,
):
    product = new_product(centra, "ATT-2")
    assign(
        centra,
        "Product",
        product,
        mappedAttributes=mapped("pr_materials", 11, 14),
        dynamicAttributes=[dynamic("pr_long_name", "text", "Name")],
    )

    result = centra.graphql(
        UNASSIGN,
        {
            "input": {
                "objectType": "Product",
                "objectId": product,
                "mappedAttributes": mapped("pr_materials", 11, 12),
                "dynamicAttributes": [dynamic("pr_long_name", "text")],
            }
        },
    ).payload("unassignAttributes")

    assert result["userErrors"] == []
    assert result["userWarnings"] == [
        {
            "message": 'Attribute 12 of type "pr_materials" is not selected.',
            "path": ["input", "mappedAttributes", "1"],
        }
    ]
    assert result["object"]["attributes"] == [material("Leather")]


def test_update_product_selects_and_deselects_mapped_attributes(centra: CentraClient):
    product = new_product(centra, "ATT-3")
    update = """mutation($id: Int!, $input: ProductUpdateInput!) {
      updateProduct(id: $id, input: $input) {
      userErrors { message path } userWarnings { message path } } }"""

    selected = centra.graphql(
        update,
        {"id": product, "input": {"assignMappedAttributes": mapped("pr_materials", 15, 13)}},
    ).payload("updateProduct")
    after_select = product_attributes(centra, product)
    deselected = centra.graphql(
        update, {"id": product, "input": {"unassignMappedAttributes": mapped("pr_materials", 15)}}
    ).payload("updateProduct")

    assert selected == {"userErrors": [], "userWarnings": []}
    assert after_select == [material("Linen"), material("Denim")]
    assert deselected == {"userErrors": [], "userWarnings": []}
    assert product_attributes(centra, product) == [material("Linen")]


def test_a_variant_selects_one_swatch_with_an_image_served_by_mockcentra(centra: CentraClient):
    assign(centra, "ProductVariant", 1, mappedAttributes=mapped("sh_swatch", 30))

    result = assign(centra, "ProductVariant", 1, mappedAttributes=mapped("sh_swatch", 32))

    assert result["userErrors"] == []
    swatches = result["object"]["attributes"]
    assert len(swatches) == 1  # one swatch per variant: the second replaced the first
    assert swatches[0]["elements"] == [
        {"key": "desc", "description": "Color", "kind": "INPUT", "value": "Navy"},
        {"key": "hex", "description": "Hex", "kind": "INPUT", "value": "#1F2A44"},
        {
            "key": "image",
            "description": "Image",
            "kind": "IMAGE",
            "url": "http://mockcentra/media/swatches/1F2A44.png",
            "width": 50,
            "height": 50,
            "mimeType": "image/png",
        },
    ]
    two = assign(centra, "ProductVariant", 1, mappedAttributes=mapped("sh_swatch", 30, 31))
    assert two["userErrors"] == [
        {
            "message": 'Attribute type "sh_swatch" takes one attribute per object.',
            "path": ["input", "mappedAttributes", "1", "attributeId"],
        }
    ]


def test_file_elements_and_boolean_choices(centra: CentraClient):
    result = assign(
        centra,
        "Product",
        new_product(centra, "ATT-4"),
        mappedAttributes=mapped("pr_care_sheet", 20),
        dynamicAttributes=[dynamic("pr_limited", "bool", "1")],
    )

    attributes = result["object"]["attributes"]
    assert [a["type"]["name"] for a in attributes] == ["pr_limited", "pr_care_sheet"]
    assert attributes[0]["elements"] == [
        {
            "key": "bool",
            "description": "Limited edition",
            "kind": "BOOLEAN",
            "isMulti": False,
            "selectedValue": "1",
            "selectedValueName": "Yes",
        }
    ]
    assert attributes[1]["elements"] == [
        {
            "key": "file",
            "description": "Care sheet (PDF)",
            "kind": "FILE",
            "url": "http://mockcentra/media/attributes/textile-care.pdf",
        }
    ]


def test_orders_are_addressed_by_number(centra: CentraClient, centra_factories: Factories):
    placed = centra_factories.place_order()

    order = assign(
        centra,
        "Order",
        placed.number,
        dynamicAttributes=[dynamic("ord_gift", "message", "Happy birthday")],
    )

    assert order["object"]["__typename"] == "DirectToConsumerOrder"
    assert order["object"]["attributes"][0]["elements"] == [
        {
            "key": "message",
            "description": "Gift message",
            "kind": "TEXTAREA",
            "value": "Happy birthday",
        },
        {
            "key": "wrap",
            "description": "Gift wrap",
            "kind": "BOOLEAN",
            "isMulti": False,
            "selectedValue": None,
            "selectedValueName": None,
        },
    ]
    read = centra.graphql(
        "query($n: [Int!]) { orders(where: {number: $n}) { ...attributes } }" + ATTRIBUTES,
        {"n": [placed.number]},
    ).payload("orders")
    assert read[0]["attributes"] == order["object"]["attributes"]


@pytest.mark.centra_scenario("wholesale")
def test_accounts_take_attributes(centra: CentraClient):
    account_id = centra.graphql("{ accounts(limit: 1) { id } }").payload("accounts")[0]["id"]

    account = assign(
        centra,
        "Account",
        account_id,
        dynamicAttributes=[
            dynamic("acc_segment", "segment", "boutique"),
            dynamic("acc_segment", "erp_id", "C-1001"),
        ],
    )

    assert account["object"]["__typename"] == "Account"
    assert account["object"]["attributes"][0]["elements"] == [
        {
            "key": "segment",
            "description": "Segment",
            "kind": "SELECT",
            "isMulti": False,
            "selectedValue": "boutique",
            "selectedValueName": "Boutique",
        },
        {
            "key": "erp_id",
            "description": "ERP customer number",
            "kind": "READONLY",
            "value": "C-1001",
        },
    ]


def test_refusals_leave_the_object_as_it_was(centra: CentraClient):
    assign(centra, "Product", 5, mappedAttributes=mapped("pr_materials", 10))
    before = product_attributes(centra, 5)

    cases = [
        (
            mapped("pr_materials", 99),
            [],
            'Attribute type "pr_materials" has no attribute with ID 99.',
            ["input", "mappedAttributes", "0", "attributeId"],
        ),
        (
            mapped("pr_long_name", 10),
            [],
            'Attribute type "pr_long_name" is dynamic: set its elements in dynamicAttributes.',
            ["input", "mappedAttributes", "0", "attributeTypeName"],
        ),
        (
            mapped("sh_swatch", 30),
            [],
            'Attribute type "sh_swatch" is for ProductVariant objects, not Product.',
            ["input", "mappedAttributes", "0", "attributeTypeName"],
        ),
        (
            [],
            [dynamic("pr_limited", "bool", "2")],
            '"2" is not an option of element "bool" of attribute type "pr_limited" (options: 0, 1).',
            ["input", "dynamicAttributes", "0", "attributeElementValue"],
        ),
    ]
    for mapped_items, dynamic_items, message, path in cases:
        result = assign(
            centra,
            "Product",
            5,
            mappedAttributes=mapped("pr_materials", 11) + mapped_items,
            dynamicAttributes=dynamic_items,
        )
        if mapped_items:
            path = [*path[:2], str(int(path[2]) + 1), *path[3:]]
        assert result == {"userErrors": [{"message": message, "path": path}], "object": None}
    assert product_attributes(centra, 5) == before


def test_mapped_attributes_are_listed_by_type(centra: CentraClient):
    result = centra.graphql(
        """{ mappedAttributes(where: {typeName: {equals: "pr_materials"}}) {
          id name description objectType type { name isMapped }
          elements { key description kind ... on AttributeStringElement { value } } } }"""
    )

    rows = result.payload("mappedAttributes")
    assert [(r["id"], r["name"]) for r in rows] == [
        (10, "Organic cotton"),
        (11, "Merino wool"),
        (12, "Recycled polyester"),
        (13, "Linen"),
        (14, "Leather"),
        (15, "Denim"),
    ]
    assert rows[0]["description"] == "Product materials"
    assert rows[0]["objectType"] == "Product"
    assert rows[0]["elements"] == [
        {
            "key": "text",
            "description": "Material description",
            "kind": "INPUT",
            "value": "Organic cotton",
        }
    ]
    assert result.extensions["permissionsUsed"] == ["Attribute:read"]


def test_each_object_reports_and_needs_its_own_attribute_permission(centra: CentraClient):
    query = "{ products(limit: 1) { id ...attributes variants { id ...attributes } } }" + ATTRIBUTES
    centra.post(
        "/_mock/tokens",
        json={
            "token": "pim",
            "permissions": [
                "Product:read",
                "ProductVariant:read",
                "Attribute:read",
                "Product.attributes:read",
            ],
        },
    )

    full = centra.graphql(query)
    limited = centra.graphql(query, token="pim")

    assert full.extensions["permissionsUsed"] == [
        "Product:read",
        "ProductVariant:read",
        "Product.attributes:read",
        "ProductVariant.attributes:read",
        "Attribute:read",
    ]
    assert limited.errors[0]["message"] == (
        "You need ProductVariant.attributes:read permission to access attributes."
    )


def test_a_payload_object_named_with_on_reports_that_types_permission(centra: CentraClient):
    product = new_product(centra, "ATT-P")
    operation = (
        """mutation($id: Int!) { assignAttributes(input: {objectType: Product, objectId: $id,
          mappedAttributes: [{attributeTypeName: "pr_materials", attributeId: 10}]}) {
          userErrors { message } object { ... on Product { id } ...attributes } } }"""
        + ATTRIBUTES
    )

    result = centra.graphql(operation, {"id": product})

    assert result.extensions["permissionsUsed"] == [
        "Attribute:write",
        "Product.attributes:read",
        "Attribute:read",
    ]
