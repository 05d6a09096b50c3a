"""Seed 000 (chatbot help article): a support bot's order, return and voucher flows over the
REST Order API, with only the Base URL and the Secret API key.

Each "webhook template" of the article is a small function below that makes the Order API call
a bot would make and maps the answer to the article's bot variables; the tests run the flows
end to end and check the variables.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.rest.order_api_client import ADDRESS, OrderApi


def freeze(centra: CentraClient, at: str) -> None:
    assert centra.post("/_mock/clock", json={"freeze": at}).status_code == 200


# --- the article's webhook templates ------------------------------------------------------


def get_order_by_order_id(api: OrderApi, order_id: str) -> dict[str, Any] | None:
    """ "Centra - Get Order (OrderId)": the article's default variables."""
    orders = api.ok("GET", "orders", order=order_id)["orders"]
    if not orders:
        return None
    o = orders[0]
    shipped = [
        s["shippedDate"] for s in o["shipments"] if s["shippedDate"] != "0000-00-00 00:00:00"
    ]
    return {
        "ordered_products": [
            {"name": p["name"], "variant": p["variant"], "size": p["size"]} for p in o["products"]
        ],
        "order_status": o["orderStatusDescription"],
        "order_address": {
            "address": o["deliveryAddress"],
            "city": o["deliveryCity"],
            "state": o["deliveryState"],
            "zip": o["deliveryZipcode"],
            "country": o["deliveryCountry"],
        },
        "order_date": o["orderDate"],
        "order_shipment_date": shipped[-1] if shipped else None,
        "order_delivery_date": (
            None
            if o["estimatedDeliveryDate"] == "0000-00-00 00:00:00"
            else o["estimatedDeliveryDate"]
        ),
    }


def get_customer_id(api: OrderApi, email: str) -> str | None:
    """ "Centra - Get CustomerId": no answer unless exactly one customer has the email."""
    customers = api.ok("GET", "customers", email=email)["customers"]
    return customers[0]["customerId"] if len(customers) == 1 else None


def get_all_orders_for_customer(api: OrderApi, customer_id: str, last: int = 3) -> list[dict]:
    """ "Centra - Get All Orders for a Single Customer": order id and products of the last
    orders (the API lists oldest first, so the bot keeps the tail)."""
    orders = api.ok("GET", "orders", customer_id=customer_id, limit=100)["orders"]
    return [
        {"order_id": o["orderId"], "products": [p["name"] for p in o["products"]]}
        for o in orders[-last:]
    ]


def get_returns_by_order_id(api: OrderApi, order_id: str) -> dict[str, Any] | None:
    """ "Centra - Get Returns (OrderId)": return_completed and returned_products."""
    returns = api.ok("GET", "returns", order=order_id)["returns"]
    if not returns:
        return None
    latest = returns[0]  # newest first
    return {
        "return_completed": latest["completed"],
        "returned_products": [
            {"name": p["productName"], "size": p["size"], "quantity": p["quantity"]}
            for p in latest["products"]
        ],
    }


def voucher_used(api: OrderApi, customer_id: str, code: str) -> bool:
    """ "Centra - Check if a Discount Voucher Has Been Used": true when any of the customer's
    orders carries the code (Centra's Order API has no voucher usage counter)."""
    orders = api.ok("GET", "orders", customer_id=customer_id, limit=1000)["orders"]
    return any(
        v["voucher"].lower() == code.lower() for o in orders for v in o["discounts"]["vouchers"]
    )


# --- arrange ---------------------------------------------------------------------------------


def put_voucher_on_order(centra: CentraClient, number: int, code: str) -> None:
    """Orders carry voucher codes once the voucher engine exists (checkout rejects every code
    until then), so the arrange step writes the order's voucher list directly."""
    value = f'[{{"code": "{code}", "name": "Welcome 10%", "value": "50.00"}}]'
    with centra.runtime.db.engine.begin() as conn:
        conn.execute(
            text("UPDATE orders SET vouchers = :v WHERE number = :n"), {"v": value, "n": number}
        )


# --- the flows -------------------------------------------------------------------------------


def test_check_order_status_by_order_id(centra: CentraClient, centra_factories: Factories) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=2)
    freeze(centra, "2031-05-04T08:30:00+00:00")
    number = api.confirmed_order(centra_factories, [(item, 1)])
    freeze(centra, "2031-05-05T14:00:00+00:00")
    api.ship_all(number)
    stock = api.ok("GET", "stock", stockItemId=item.product_size_id)["products"][0]

    variables = get_order_by_order_id(api, str(number))

    assert variables == {
        "ordered_products": [
            {"name": stock["product"], "variant": stock["variant"], "size": stock["size"]}
        ],
        "order_status": "Completed",
        "order_address": {
            "address": "Teststr. 1",
            "city": "Stockholm",
            "state": "",
            "zip": "12345",
            "country": "SE",
        },
        "order_date": "2031-05-04 10:30:00",
        "order_shipment_date": "2031-05-05 16:00:00",
        "order_delivery_date": None,
    }
    assert get_order_by_order_id(api, "424242") is None


def test_check_order_status_by_email(centra: CentraClient, centra_factories: Factories) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=5)
    mine = [api.create_order([(item, 1)]) for _ in range(4)]
    api.create_order([(item, 1)], address={**ADDRESS, "email": "someone@example.com"})

    customer_id = get_customer_id(api, "ADA.LOVELACE@example.com")
    latest = get_all_orders_for_customer(api, customer_id)
    details = get_order_by_order_id(api, latest[-1]["order_id"])

    assert [o["order_id"] for o in latest] == [str(n) for n in mine[-3:]]
    assert latest[-1]["products"] == [details["ordered_products"][0]["name"]]
    assert details["order_status"] == "Pending"
    assert details["order_address"]["address"] == "Kungsgatan 1"
    assert get_customer_id(api, "nobody@example.com") is None


def test_email_shared_by_two_customers_gives_no_customer_id(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=2)
    api.create_order([(item, 1)])
    api.create_order([(item, 1)], customerRegister=True)

    assert len(api.ok("GET", "customers", email=ADDRESS["email"])["customers"]) == 2
    assert get_customer_id(api, ADDRESS["email"]) is None


def test_check_return_status(centra: CentraClient, centra_factories: Factories) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=2)
    number = api.confirmed_order(centra_factories, [(item, 2)])
    shipment = api.ship_all(number)
    line = api.order(number)["products"][0]
    assert get_returns_by_order_id(api, str(number)) is None

    created = api.ok("POST", "return", {"shipment": shipment, "products": {line["lineId"]: 1}})
    pending = get_returns_by_order_id(api, str(number))
    api.ok("PUT", f"returns/{created['return']}", {"completed": True})
    completed = get_returns_by_order_id(api, str(number))

    products = [{"name": line["name"], "size": line["size"], "quantity": 1}]
    assert pending == {"return_completed": False, "returned_products": products}
    assert completed == {"return_completed": True, "returned_products": products}


def test_voucher_offered_only_when_not_used_before(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=3)
    first = api.create_order([(item, 1)])
    api.create_order([(item, 1)], address={**ADDRESS, "email": "new.shopper@example.com"})
    put_voucher_on_order(centra, first, "WELCOME10")

    returning = get_customer_id(api, ADDRESS["email"])
    newcomer = get_customer_id(api, "new.shopper@example.com")

    assert voucher_used(api, returning, "welcome10") is True
    assert voucher_used(api, newcomer, "WELCOME10") is False
    [entry] = api.order(first)["discounts"]["vouchers"]
    assert entry == {
        "voucher": "WELCOME10",
        "name": "Welcome 10%",
        "priceOff": "-50.00 SEK",
        "priceOffAsANumber": -50.0,
        "description": "",
        "isCredit": False,
        "originalPriceOff": "-50.00 SEK",
        "originalPriceOffAsNumber": -50.0,
    }
