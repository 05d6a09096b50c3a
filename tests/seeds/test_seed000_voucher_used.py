"""Seed 000 (chatbot guide): "has this customer already used this discount voucher?"

The bot knows the shopper's email and a voucher code. It finds the customer, reads the
customer's orders and looks for the code: over the Integration API (`orders(where:
{customerId})` with `voucherCodes` / `discountsApplied`) and over the REST Order API
(`customers?email=`, then `orders?customer_id=` and `discounts.vouchers[].voucher`).
"""

from __future__ import annotations

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.rest.order_api_client import OrderApi
from tests.vouchers_support import apply, create_voucher, pay, priced_items, selection

CUSTOMER_OF_ORDER = """query($n: [Int!]) { orders(where: {number: $n}) {
  ... on DirectToConsumerOrder { customer { id } } } }"""

CUSTOMER_ORDERS = """query($c: [Int!]) { orders(where: {customerId: $c}) {
  number voucherCodes
  discountsApplied { value { value } ... on AppliedDiscount { voucher { code } } } } }"""


def _order(centra: CentraClient, factories: Factories, email: str, code: str | None) -> int:
    [item] = priced_items(centra, factories, ["99.88"])
    token = selection(factories, [(item, 1)])
    if code:
        assert apply(factories, token, code).status_code == 200
    response = pay(factories, token, email)
    assert response.status_code == 200, response.text
    return int(response.json()["order"])


def used_over_graphql(centra: CentraClient, customer_id: int, code: str) -> bool:
    orders = centra.graphql(CUSTOMER_ORDERS, {"c": [customer_id]}).payload("orders")
    by_codes = any(code in o["voucherCodes"] for o in orders)
    by_discounts = any(
        (d["voucher"] or {}).get("code") == code for o in orders for d in o["discountsApplied"]
    )
    assert by_codes == by_discounts
    return by_codes


def used_over_rest(centra: CentraClient, email: str, code: str) -> bool:
    api = OrderApi(centra)
    customers = api.ok("GET", "customers", email=email)["customers"]
    for customer in customers:
        orders = api.ok("GET", "orders", customer_id=customer["customerId"])["orders"]
        for order in orders:
            if any(v["voucher"] == code for v in order["discounts"]["vouchers"]):
                return True
    return False


def customer_of(centra: CentraClient, number: int) -> int:
    [order] = centra.graphql(CUSTOMER_OF_ORDER, {"n": [number]}).payload("orders")
    return order["customer"]["id"]


def test_a_customer_who_used_the_voucher_is_told_apart_from_one_who_did_not(
    centra: CentraClient, centra_factories: Factories
) -> None:
    create_voucher(centra, code="CHATBOT15")
    used = _order(centra, centra_factories, "jon.snow@example.com", "CHATBOT15")
    _order(centra, centra_factories, "jon.snow@example.com", None)
    other = _order(centra, centra_factories, "arya@example.com", None)

    assert used_over_graphql(centra, customer_of(centra, used), "CHATBOT15") is True
    assert used_over_graphql(centra, customer_of(centra, other), "CHATBOT15") is False
    assert used_over_graphql(centra, customer_of(centra, used), "OTHERCODE") is False
    assert used_over_rest(centra, "jon.snow@example.com", "CHATBOT15") is True
    assert used_over_rest(centra, "arya@example.com", "CHATBOT15") is False


def test_the_rest_order_shows_what_the_voucher_took_off(
    centra: CentraClient, centra_factories: Factories
) -> None:
    create_voucher(centra, code="TEN", name="Ten")
    number = _order(centra, centra_factories, "jon.snow@example.com", "TEN")

    [order] = OrderApi(centra).ok("GET", "orders", order=number)["orders"]

    [entry] = order["discounts"]["vouchers"]
    assert (entry["voucher"], entry["name"], entry["priceOffAsANumber"]) == ("TEN", "Ten", -9.99)
    assert order["voucherValue"] == 9.99
