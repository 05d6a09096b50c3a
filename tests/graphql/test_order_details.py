"""What an order shows beyond its lines: pricelist, shipping price group, line brands."""

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories

DETAILS = """query($n:[Int!]){ orders(where:{number:$n}) {
  number
  pricelist { id name }
  shippingPriceGroup { id shippingOption { id name uri } countries { code } }
  lines { brand { id name } product { brand { id name } } }
} }"""


def test_a_checkout_order_shows_its_pricelist_shipping_price_group_and_line_brands(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # Given an order placed through the checkout by a shopper in Sweden
    placed = centra_factories.place_order()

    # When the integration reads it
    response = centra.graphql(DETAILS, {"n": [placed.number]})

    # Then it shows the SEK pricelist, the SEK shipping option's group and the product brand
    assert response.errors == []
    assert response.data == {
        "orders": [
            {
                "number": placed.number,
                "pricelist": {"id": 1, "name": "SEK"},
                "shippingPriceGroup": {
                    "id": 1,
                    "shippingOption": {"id": 1, "name": "SEK", "uri": "sek"},
                    "countries": [{"code": "SE"}],
                },
                "lines": [
                    {
                        "brand": {"id": 1, "name": "Base Brand"},
                        "product": {"brand": {"id": 1, "name": "Base Brand"}},
                    }
                ],
            }
        ]
    }
    assert response.extensions["permissionsUsed"] == [
        "Order:read",
        "Pricelist:read",
        "ShippingOption:read",
        "Brand:read",
        "Product:read",
        "Product.Brand:read",
    ]


@pytest.mark.centra_scenario("wholesale")
def test_a_wholesale_order_has_its_account_pricelist_and_no_shipping_price_group(
    centra: CentraClient,
) -> None:
    # Given the wholesale scenario's first order, placed for Nordic Boutique AB
    # When the integration reads its pricelist and shipping price group
    orders = centra.graphql(
        """{ orders(where:{storeType: WHOLESALE, number: [1]}) {
          number pricelist { id name } shippingPriceGroup { id } } }"""
    ).payload("orders")

    # Then the pricelist is the account's and no shipping option priced the order
    assert orders == [
        {"number": 1, "pricelist": {"id": 5, "name": "Wholesale EUR"}, "shippingPriceGroup": None}
    ]


PREORDER = (
    """query($n:[Int!]){ orders(where:{number:$n}) { lines { productSize { preorder } } } }"""
)


def test_a_size_is_not_on_preorder_without_a_preorder_delivery_window(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = centra_factories.place_order()

    lines = centra.graphql(PREORDER, {"n": [placed.number]}).payload("orders")[0]["lines"]

    assert lines == [{"productSize": {"preorder": False}}]


@pytest.mark.centra_scenario("wholesale")
def test_sizes_sold_in_an_active_preorder_window_are_on_preorder(centra: CentraClient) -> None:
    # Given order 2, placed in the AW30 window that sells every active variant as PREORDER
    before = centra.graphql(PREORDER, {"n": [2]}).payload("orders")[0]["lines"]

    # When that window is cancelled
    centra.graphql(
        """mutation { updateDeliveryWindow(id: 2, input: {status: CANCELLED}) {
          userErrors { message } } }"""
    ).ok("updateDeliveryWindow")
    after = centra.graphql(PREORDER, {"n": [2]}).payload("orders")[0]["lines"]

    # Then its sizes were on preorder while it was active, and are not any more
    assert before == [{"productSize": {"preorder": True}}] * 2
    assert after == [{"productSize": {"preorder": False}}] * 2
