"""updateWholesaleOrder with Centra's wholesale input: buyerInfo, and what it refuses."""

from typing import Any

import pytest

from mockcentra.testing import CentraClient

pytestmark = pytest.mark.centra_scenario("wholesale")

UPDATE = """mutation($n: Int!, $input: WholesaleOrderUpdateInput!) {
  updateWholesaleOrder(order: {number: $n}, input: $input) {
    userErrors { message path }
    order { number buyerInfo { firstName lastName email } buyer { id email }
            shippingAddress { firstName city } }
  }
}"""

READ = """query($n:[Int!]){ orders(where:{number:$n}) {
  ... on WholesaleOrder { buyerInfo { firstName lastName email } buyer { id } }
  shippingAddress { firstName city } } }"""

SHERYL = {
    "firstName": "Sheryl",
    "lastName": "Dougherty",
    "email": "sheryl.dougherty@nordic.example.com",
}


def read(centra: CentraClient, number: int) -> dict[str, Any]:
    return centra.graphql(READ, {"n": [number]}).payload("orders")[0]


def test_buyer_info_changes_who_ordered_as_the_order_keeps_it(centra: CentraClient) -> None:
    # Given order 1, placed by Nordic Boutique AB's buyer Sheryl Dougherty
    assert read(centra, 1)["buyerInfo"] == SHERYL

    # When the ERP corrects the orderer's name and email (and the shipping address)
    result = centra.graphql(
        UPDATE,
        {
            "n": 1,
            "input": {
                "buyerInfo": {
                    "firstName": "Jon",
                    "lastName": "Snow",
                    "email": "Jon.Snow@example.com",
                },
                "shippingAddress": {"firstName": "Jon", "city": "Stockholm"},
                "isInternal": False,
            },
        },
    ).payload("updateWholesaleOrder")

    # Then the order shows the new buyer info, while its buyer (the login) stays the same
    assert result == {
        "userErrors": [],
        "order": {
            "number": 1,
            "buyerInfo": {"firstName": "Jon", "lastName": "Snow", "email": "jon.snow@example.com"},
            "buyer": {"id": 1, "email": "sheryl.dougherty@nordic.example.com"},
            "shippingAddress": {"firstName": "Jon", "city": "Stockholm"},
        },
    }


def test_buyer_info_changes_only_the_fields_given(centra: CentraClient) -> None:
    centra.graphql(UPDATE, {"n": 1, "input": {"buyerInfo": {"lastName": "Snow"}}}).ok(
        "updateWholesaleOrder"
    )

    assert read(centra, 1)["buyerInfo"] == {**SHERYL, "lastName": "Snow"}


@pytest.mark.parametrize(
    ("number", "input", "message", "path"),
    [
        (
            1,
            {
                "buyerInfo": {"firstName": "Jon", "email": "not-an-email"},
                "shippingAddress": {"city": "Oslo"},
            },
            '"not-an-email" is not a valid email address.',
            ["input", "buyerInfo", "email"],
        ),
        (
            99,
            {"buyerInfo": {"firstName": "Jon"}},
            "Could not find order with number 99.",
            ["order"],
        ),
    ],
)
def test_refused_updates_change_nothing(
    centra: CentraClient, number: int, input: dict[str, Any], message: str, path: list[str]
) -> None:
    before = read(centra, 1)

    result = centra.graphql(UPDATE, {"n": number, "input": input}).payload("updateWholesaleOrder")

    assert result == {"userErrors": [{"message": message, "path": path}], "order": None}
    assert read(centra, 1) == before


def test_a_direct_to_consumer_order_is_not_updated_as_wholesale(
    centra: CentraClient, centra_factories
) -> None:
    placed = centra_factories.place_order()

    result = centra.graphql(
        UPDATE, {"n": placed.number, "input": {"buyerInfo": {"firstName": "Jon"}}}
    ).payload("updateWholesaleOrder")

    assert result == {
        "userErrors": [
            {"message": f"Order {placed.number} is not a wholesale order.", "path": ["order"]}
        ],
        "order": None,
    }


def test_the_wholesale_input_has_no_customer_fields(centra: CentraClient) -> None:
    response = centra.graphql(UPDATE, {"n": 1, "input": {"customerInfo": {"firstName": "Jon"}}})

    assert [e["message"] for e in response.errors] == [
        "Variable '$input' has invalid value: Expected value of type "
        "'WholesaleOrderUpdateInput' not to include unknown field 'customerInfo'. Did you mean "
        "'buyerInfo'? Found: {'customerInfo': {'firstName': 'Jon'}}."
    ]
    assert read(centra, 1)["buyerInfo"] == SHERYL
