"""Seed 004, "Customers - custom attributes": the guide's query and mutation, word for word.

The guide's customer (id 27, "Pio Sym", symek+333@centra.com) is made by a guest checkout; its
`cus_extra` attribute is configured in fixtures/attributes.yaml as in the guide's config.
"""

from __future__ import annotations

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import JON, Factories

GET_CUSTOMER = """
query getCustomerWithAttributes {
customers(where: { email: { equals: "symek+333@centra.com" } }) {
id
lastName
email
...attributes
}
}
fragment attributes on ObjectWithAttributes {
attributes {
type {
name
isMapped
}
description
objectType
elements {
key
description
kind
... on AttributeStringElement {
value
}
... on AttributeChoiceElement {
isMulti
selectedValue
selectedValueName
}
... on AttributeFileElement {
url
}
... on AttributeImageElement {
url
width
height
mimeType
}
}
}
}
"""

SET_ATTRIBUTE = """
mutation setCustomerAttribute {
assignAttributes(
input: {
objectType: Customer
objectId: 27
dynamicAttributes: [
{
attributeTypeName: "cus_extra"
attributeElementKey: "id"
attributeElementValue: "New value"
},
{
attributeTypeName: "cus_extra"
attributeElementKey: "ship_id"
attributeElementValue: "Completely new value"
}
]
}
) {
userErrors {
message
path
}
object {
... on Customer {
id
email
firstName
lastName
}
...attributes
}
}
}
""" + GET_CUSTOMER[GET_CUSTOMER.index("fragment attributes") :]


def cus_extra(first: str, second: str) -> list[dict]:
    return [
        {
            "type": {"name": "cus_extra", "isMapped": False},
            "description": "Customer",
            "objectType": "Customer",
            "elements": [
                {
                    "key": "id",
                    "description": "External Customer ID",
                    "kind": "INPUT",
                    "value": first,
                },
                {
                    "key": "ship_id",
                    "description": "Customer shipping ID",
                    "kind": "INPUT",
                    "value": second,
                },
            ],
        }
    ]


def the_guides_customer(centra: CentraClient, factories: Factories) -> int:
    """Pio Sym checks out as a guest; the ERP has set both attribute values."""
    factories.place_order(
        address={**JON, "email": "symek+333@centra.com", "firstName": "Pio", "lastName": "Sym"}
    )
    [customer] = centra.graphql(
        '{ customers(where: {email: {equals: "symek+333@centra.com"}}) { id } }'
    ).payload("customers")
    centra.graphql(
        SET_ATTRIBUTE.replace("objectId: 27", f"objectId: {customer['id']}")
        .replace('"New value"', '"12345"')
        .replace('"Completely new value"', '"9999"')
    ).ok("assignAttributes")
    return customer["id"]


def test_find_the_customer_by_email(centra: CentraClient, centra_factories: Factories) -> None:
    customer = the_guides_customer(centra, centra_factories)

    result = centra.graphql(GET_CUSTOMER)

    assert result.payload("customers") == [
        {
            "id": customer,
            "lastName": "Sym",
            "email": "symek+333@centra.com",
            "attributes": cus_extra("12345", "9999"),
        }
    ]
    assert result.extensions["permissionsUsed"] == [
        "Customer:read",
        "Customer.attributes:read",
        "Attribute:read",
    ]


def test_set_the_customer_attributes(centra: CentraClient, centra_factories: Factories) -> None:
    customer = the_guides_customer(centra, centra_factories)

    result = centra.graphql(SET_ATTRIBUTE.replace("objectId: 27", f"objectId: {customer}"))

    assert result.payload("assignAttributes") == {
        "userErrors": [],
        "object": {
            "id": customer,
            "email": "symek+333@centra.com",
            "firstName": "Pio",
            "lastName": "Sym",
            "attributes": cus_extra("New value", "Completely new value"),
        },
    }
    assert result.extensions["permissionsUsed"] == [
        "Attribute:write",
        "Customer.attributes:read",
        "Attribute:read",
    ]
    again = centra.graphql(GET_CUSTOMER).payload("customers")
    assert again[0]["attributes"] == cus_extra("New value", "Completely new value")


def test_the_same_email_can_belong_to_two_customers(
    centra: CentraClient, centra_factories: Factories
) -> None:
    """ "For each unique email Centra can be used on 2 customers - one registered and one not"."""
    from tests.rest.order_api_client import ADDRESS, OrderApi

    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=2)
    api.create_order([(item, 1)], address={**ADDRESS, "email": "symek+333@centra.com"})
    api.create_order(
        [(item, 1)], address={**ADDRESS, "email": "symek+333@centra.com"}, customerRegister=True
    )

    found = centra.graphql(GET_CUSTOMER).payload("customers")

    assert [c["email"] for c in found] == ["symek+333@centra.com"] * 2
    assert len({c["id"] for c in found}) == 2
