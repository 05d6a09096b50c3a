"""Customers and their dynamic attributes over the Integration API.

Attribute definitions come from fixtures/attributes.yaml: `cus_extra` (inputs `id`, `ship_id`),
`cus_preferences` (select `fit`, multi-select `channels`, textarea `notes`), `cus_loyalty`
(mapped: Gold 1, Silver 2) and `prod_care` (for products).
"""

from __future__ import annotations

from typing import Any

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.rest.order_api_client import ADDRESS, OrderApi

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
    }
  }
}
"""
CUSTOMERS = (
    """query($w: CustomerFilter, $limit: Int, $page: Int) {
  customers(where: $w, limit: $limit, page: $page) {
    id email firstName lastName isRegistered ...attributes } }"""
    + ATTRIBUTES
)
CUSTOMER = "query($id: Int!) { customer(id: $id) { id email ...attributes } }" + ATTRIBUTES
ASSIGN = (
    """mutation($input: AssignAttributesInput!) { assignAttributes(input: $input) {
  userErrors { message path } object { ... on Customer { id email } ...attributes } } }"""
    + ATTRIBUTES
)


def customers(centra: CentraClient, where: dict | None = None, **args: Any) -> list[dict]:
    return centra.graphql(CUSTOMERS, {"w": where, **args}).payload("customers")


def guest(centra_factories: Factories) -> int:
    """A guest order's unregistered customer (Jon Snow); answers its id."""
    centra_factories.place_order()
    found = customers(centra_factories.client, {"email": {"equals": "jon.snow@example.com"}})
    return found[0]["id"]


def assign(centra: CentraClient, customer: int, *items: tuple[str, str, str], **kw: Any) -> dict:
    data = {
        "objectType": kw.get("object_type", "Customer"),
        "objectId": customer,
        "dynamicAttributes": [
            {"attributeTypeName": t, "attributeElementKey": k, "attributeElementValue": v}
            for t, k, v in items
        ],
    }
    return centra.graphql(ASSIGN, {"input": data}).payload("assignAttributes")


def attributes_of(centra: CentraClient, customer: int) -> list[dict]:
    return centra.graphql(CUSTOMER, {"id": customer}).payload("customer")["attributes"]


# --- reading customers ---------------------------------------------------------------------


def test_a_registered_and_an_unregistered_customer_share_an_email(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=2)
    api.create_order([(item, 1)])
    api.create_order([(item, 1)], customerRegister=True)

    found = customers(centra, {"email": {"equals": ADDRESS["email"].upper()}})

    assert [(c["email"], c["isRegistered"]) for c in found] == [
        (ADDRESS["email"], False),
        (ADDRESS["email"], True),
    ]
    assert [c["attributes"] for c in found] == [[], []]
    only_registered = customers(
        centra, {"email": {"equals": ADDRESS["email"]}, "isRegistered": True}
    )
    assert [c["id"] for c in only_registered] == [found[1]["id"]]


def test_customers_filter_by_id_contains_and_created_at(
    centra: CentraClient, centra_factories: Factories
) -> None:
    centra.post("/_mock/clock", json={"freeze": "2031-03-01T10:00:00+00:00"})
    centra_factories.place_order()
    centra.post("/_mock/clock", json={"freeze": "2031-03-05T10:00:00+00:00"})
    api = OrderApi(centra)
    api.create_order([(centra_factories.sellable_item(), 1)])

    everyone = customers(centra)
    by_id = customers(centra, {"id": [everyone[1]["id"]]})
    contains = customers(centra, {"email": {"contains": "lovelace"}})
    recent = customers(centra, {"createdAt": {"from": "2031-03-04 00:00"}})
    paged = customers(centra, limit=1, page=2)

    assert [c["email"] for c in everyone] == ["jon.snow@example.com", ADDRESS["email"]]
    assert [c["email"] for c in by_id] == [ADDRESS["email"]]
    assert [c["email"] for c in contains] == [ADDRESS["email"]]
    assert [c["email"] for c in recent] == [ADDRESS["email"]]
    assert [c["email"] for c in paged] == [ADDRESS["email"]]


def test_customer_by_id(centra: CentraClient, centra_factories: Factories) -> None:
    customer = guest(centra_factories)

    found = centra.graphql(CUSTOMER, {"id": customer}).payload("customer")
    missing = centra.graphql(CUSTOMER, {"id": 999}).payload("customer")

    assert found == {"id": customer, "email": "jon.snow@example.com", "attributes": []}
    assert missing is None


def test_the_customers_query_reports_centras_permissions(
    centra: CentraClient, centra_factories: Factories
) -> None:
    guest(centra_factories)

    result = centra.graphql(CUSTOMERS)

    assert result.extensions["permissionsUsed"] == [
        "Customer:read",
        "Customer.attributes:read",
        "Attribute:read",
    ]


def test_attributes_need_their_own_permission(
    centra: CentraClient, centra_factories: Factories
) -> None:
    guest(centra_factories)
    centra.post("/_mock/tokens", json={"token": "cust", "permissions": ["Customer:read"]})

    plain = centra.graphql("{ customers { id email } }", token="cust")
    with_attributes = centra.graphql(CUSTOMERS, token="cust")

    assert [c["email"] for c in plain.payload("customers")] == ["jon.snow@example.com"]
    assert with_attributes.errors[0]["message"] == (
        "You need Customer.attributes:read permission to access attributes."
    )


# --- assigning attributes ------------------------------------------------------------------


def test_assign_select_multi_select_and_textarea_values(
    centra: CentraClient, centra_factories: Factories
) -> None:
    customer = guest(centra_factories)

    result = assign(
        centra,
        customer,
        ("cus_preferences", "fit", "slim"),
        ("cus_preferences", "channels", "sms, email, sms"),
        ("cus_preferences", "notes", "Ring twice\nthen wait"),
    )

    assert result["userErrors"] == []
    assert result["object"]["attributes"] == [
        {
            "type": {"name": "cus_preferences", "isMapped": False},
            "description": "Customer preferences",
            "objectType": "Customer",
            "elements": [
                {
                    "key": "fit",
                    "description": "Preferred fit",
                    "kind": "SELECT",
                    "isMulti": False,
                    "selectedValue": "slim",
                    "selectedValueName": "Slim",
                },
                {
                    "key": "channels",
                    "description": "Contact channels",
                    "kind": "SELECT",
                    "isMulti": True,
                    "selectedValue": "sms,email",
                    "selectedValueName": "SMS, E-mail",
                },
                {
                    "key": "notes",
                    "description": "Notes",
                    "kind": "TEXTAREA",
                    "value": "Ring twice\nthen wait",
                },
            ],
        }
    ]
    assert attributes_of(centra, customer) == result["object"]["attributes"]


def test_an_attribute_shows_all_elements_and_an_empty_value_clears_one(
    centra: CentraClient, centra_factories: Factories
) -> None:
    customer = guest(centra_factories)
    assign(centra, customer, ("cus_extra", "id", "12345"), ("cus_extra", "ship_id", "9999"))

    cleared = assign(centra, customer, ("cus_extra", "ship_id", ""))
    partly = [e["value"] for e in cleared["object"]["attributes"][0]["elements"]]
    gone = assign(centra, customer, ("cus_extra", "id", ""))

    assert partly == ["12345", None]
    assert gone["object"]["attributes"] == []
    assert attributes_of(centra, customer) == []


def test_a_read_only_type_is_mapped_and_is_selected_not_typed(
    centra: CentraClient, centra_factories: Factories
) -> None:
    customer = guest(centra_factories)

    typed = assign(centra, customer, ("cus_loyalty", "tier", "gold"))
    selected = centra.graphql(
        ASSIGN,
        {
            "input": {
                "objectType": "Customer",
                "objectId": customer,
                "mappedAttributes": [{"attributeTypeName": "cus_loyalty", "attributeId": 1}],
            }
        },
    ).payload("assignAttributes")

    assert typed["userErrors"] == [
        {
            "message": 'Attribute type "cus_loyalty" is mapped: select one of its attributes '
            "in mappedAttributes.",
            "path": ["input", "dynamicAttributes", "0", "attributeTypeName"],
        }
    ]
    assert selected["userErrors"] == []
    assert selected["object"]["attributes"] == [
        {
            "type": {"name": "cus_loyalty", "isMapped": True},
            "description": "Loyalty programme",
            "objectType": "Customer",
            "elements": [
                {"key": "tier", "description": "Loyalty tier", "kind": "INPUT", "value": "gold"}
            ],
        }
    ]


@pytest.mark.parametrize(
    ("items", "extra", "message", "path"),
    [
        (
            [("cus_nope", "id", "1")],
            {},
            'Attribute type "cus_nope" does not exist.',
            ["input", "dynamicAttributes", "1", "attributeTypeName"],
        ),
        (
            [("cus_extra", "phone", "1")],
            {},
            'Attribute type "cus_extra" has no element "phone".',
            ["input", "dynamicAttributes", "1", "attributeElementKey"],
        ),
        (
            [("prod_care", "text", "Wash cold")],
            {},
            'Attribute type "prod_care" is for Product objects, not Customer.',
            ["input", "dynamicAttributes", "1", "attributeTypeName"],
        ),
        (
            [("cus_preferences", "fit", "baggy")],
            {},
            '"baggy" is not an option of element "fit" of attribute type "cus_preferences" '
            "(options: slim, regular, relaxed).",
            ["input", "dynamicAttributes", "1", "attributeElementValue"],
        ),
    ],
)
def test_assign_refusals_change_nothing(
    centra: CentraClient,
    centra_factories: Factories,
    items: list[tuple[str, str, str]],
    extra: dict,
    message: str,
    path: list[str],
) -> None:
    customer = guest(centra_factories)
    assign(centra, customer, ("cus_extra", "id", "12345"))
    before = attributes_of(centra, customer)

    result = assign(centra, customer, ("cus_extra", "id", "changed"), *items, **extra)

    assert result == {"userErrors": [{"message": message, "path": path}], "object": None}
    assert attributes_of(centra, customer) == before


def test_assigning_to_an_unknown_customer_is_refused(centra: CentraClient) -> None:
    result = assign(centra, 999, ("cus_extra", "id", "1"))

    assert result == {
        "userErrors": [
            {"message": "Could not find Customer with ID 999.", "path": ["input", "objectId"]}
        ],
        "object": None,
    }


def test_buyers_ordering_wholesale_are_not_customers(
    centra: CentraClient, centra_factories: Factories
) -> None:
    from tests.graphql.test_wholesale import CREATE_ORDER, order_input, wholesale_setup

    s = wholesale_setup(centra, centra_factories)
    centra.graphql(CREATE_ORDER, {"input": order_input(s, 1)}).ok("createWholesaleOrder")

    assert customers(centra, {"email": {"equals": "buyer@nord.example"}}) == []
