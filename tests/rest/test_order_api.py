"""REST Order API: Centra's paths, envelopes and field types, on the same rules as GraphQL.

Every refusal is checked with its exact body, and writes that are refused are checked to have
changed nothing (orders, shipments, payment history, stock).
"""

from __future__ import annotations

import re

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories, Item
from tests.rest.order_api_client import ADDRESS, AUTH, BASE, OrderApi
from tests.support import order_of, stock_of
from tests.vouchers_support import amount, create_voucher

FROZEN = "2031-03-01T10:00:00+00:00"  # 11:00:00 in the store's zone (Europe/Stockholm)


def freeze(centra: CentraClient, at: str = FROZEN) -> None:
    assert centra.post("/_mock/clock", json={"freeze": at}).status_code == 200


def catalogue(api: OrderApi, item: Item) -> dict:
    [row] = api.ok("GET", "stock", stockItemId=item.product_size_id)["products"]
    return row


# ---------------------------------------------------------------- transport


def test_missing_or_wrong_key_is_401_with_the_envelope(centra: CentraClient) -> None:
    missing = centra.get(f"{BASE}/orders")
    wrong = centra.get(f"{BASE}/orders", headers={"API-Authorization": "nope"})

    assert missing.status_code == 401
    assert missing.json() == {"status": "no", "msg": "API-Authorization header is missing"}
    assert wrong.status_code == 401
    assert wrong.json() == {"status": "no", "msg": "API-Authorization is not valid"}


def test_refused_write_without_key_changes_nothing(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=2)
    before = stock_of(centra, item.product_size_id)

    response = centra.post(
        f"{BASE}/order",
        json={"address": ADDRESS, "products": [{"id": item.product_size_id, "qty": 1}]},
    )

    assert response.status_code == 401
    assert api.ok("GET", "orders")["orders"] == []
    assert stock_of(centra, item.product_size_id) == before


def test_plugin_permalink_and_trailing_slash_reach_the_same_endpoint(centra: CentraClient) -> None:
    plain = centra.get(f"{BASE}/orders", headers=AUTH)
    permalink = centra.get(f"{BASE}/17/orders", headers=AUTH)
    slash = centra.get(f"{BASE}/products/", headers=AUTH, params={"limit": 1})

    assert plain.json() == permalink.json() == {"status": "ok", "orders": []}
    assert slash.status_code == 200 and len(slash.json()["products"]) == 1


def test_unknown_endpoint_is_404_with_the_envelope(centra: CentraClient) -> None:
    response = centra.get(f"{BASE}/invoices", headers=AUTH)

    assert response.status_code == 404
    assert response.json() == {"status": "no", "msg": "unknown endpoint: GET /api/order/invoices"}


def test_xml_is_refused_and_bad_json_is_refused(centra: CentraClient) -> None:
    api = OrderApi(centra)

    assert api.refused("GET", "orders", xml=1) == {
        "status": "no",
        "msg": "xml=1 is not supported by mockcentra: responses are JSON",
    }
    response = centra.post(f"{BASE}/order", content=b"{nope", headers=AUTH)
    assert response.json() == {"status": "no", "msg": "request body is not valid JSON"}


# ---------------------------------------------------------------- GET orders


def test_get_order_by_id_has_centras_fields_and_types(
    centra: CentraClient, centra_factories: Factories
) -> None:
    freeze(centra)
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=3)
    cat = catalogue(api, item)
    number = api.create_order(
        [(item, 2)],
        products=[
            {"id": item.product_size_id, "qty": 2, "unitPrice": 100, "originalPrice": "125.00"}
        ],
        shippingValue=49,
        internalComment="VIP",
        comment="Leave at the door",
        payment={"auth": {"status": 1, "amount": 249, "transaction": "psp-1", "method": "card"}},
    )

    order = api.order(number)

    line_id = order["products"][0]["lineId"]
    assert order == {
        "orderId": str(number),
        "orderStatus": "1",
        "orderStatusDescription": "Pending",
        "selectionId": order["selectionId"],
        "orderDate": "2031-03-01 11:00:00",
        "cancelDate": "0000-00-00 00:00:00",
        "preferredDeliveryDate": "0000-00-00 00:00:00",
        "estimatedDeliveryDate": "0000-00-00 00:00:00",
        "orderStore": "retail",
        "orderCurrency": "SEK",
        "customerId": order["customerId"],
        "accountId": "",
        "deliveryName": "Ada Lovelace",
        "deliveryCompany": "",
        "deliveryEmail": "ada.lovelace@example.com",
        "deliveryCell": "",
        "deliveryTele": "+46701234567",
        "deliveryAddress": "Kungsgatan 1",
        "deliveryCoaddress": "c/o Babbage",
        "deliveryZipcode": "11143",
        "deliveryCity": "Stockholm",
        "deliveryState": "",
        "deliveryCountry": "SE",
        "billingName": "Ada Lovelace",
        "billingCompany": "",
        "billingEmail": "ada.lovelace@example.com",
        "billingTele": "+46701234567",
        "billingAddress": "Kungsgatan 1",
        "billingCoaddress": "c/o Babbage",
        "billingZipcode": "11143",
        "billingCity": "Stockholm",
        "billingState": "",
        "billingCountry": "SE",
        "billingVAT": "",
        "poNumber": "",
        "shippingList": "sek",
        "suspect": 0,
        "internalOrder": 0,
        "hold": 0,
        "waitingForPayment": 0,
        "shippingValue": 49.0,
        "voucherValue": 0.0,
        "grandTotalValue": 249.0,
        "grandTotalTaxValue": 49.8,
        "taxAdded": 0,
        "taxDeducted": 0,
        "internalComment": "VIP",
        "otherComment": "Leave at the door",
        "marketId": order["marketId"],
        "pricelistId": order["pricelistId"],
        "ipAddress": "",
        "paymentPlugin": "card",
        "paymentType": "3rd",
        "paymentDescription": "card",
        "paymentReference": "psp-1",
        "paymentMethod": "card",
        "defaultCarrier": "",
        "shipments": [],
        "totalItemsPriceTax": -40.0,
        "totalItemsPrice": 200.0,
        "totalItemsWithoutTax": 160.0,
        "taxBreakdown": [{"description": "VAT", "taxPercent": 25, "value": 49.8}],
        "products": [
            {
                "lineId": line_id,
                "sku": cat["sku"],
                "variantSku": cat["variantSku"],
                "sizeSku": cat["sizeSku"],
                "ean": cat["ean"],
                "upc": "",
                "name": cat["product"],
                "variant": cat["variant"],
                "brand": cat["brand"],
                "size": cat["size"],
                "qty": 2,
                "originalPrice": 125.0,
                "price": 100.0,
                "weight": 0,
                "weightUnit": "kg",
                "countryOfOrigin": cat["countryOfOrigin"],
                "harmCode": cat["harmCode"],
                "comment": "",
                "otherComment": "",
                "taxPercent": 25,
                "priceDiscount": 25.0,
                "priceDiscountAsPercent": 20.0,
                "taxValue": 40.0,
                "totalPrice": 200.0,
                "anyDiscount": True,
                "priceEachWithoutTax": 80.0,
                "priceEachReduction": 0,
                "warehouses": [{"name": "Main warehouse", "itemQty": 2}],
                "isBundle": False,
            }
        ],
        "totalItemsDiscount": 50.0,
        "discounts": {
            "anyDiscount": True,
            "discount": "-50.00 SEK",
            "discountAsNumber": -50.0,
            "vouchers": [],
            "automaticDiscounts": [],
        },
    }
    assert len(order["selectionId"]) == 32 and order["customerId"].isdigit()
    assert isinstance(order["marketId"], int) and isinstance(order["pricelistId"], int)


def test_unknown_order_is_an_empty_list(centra: CentraClient) -> None:
    assert OrderApi(centra).ok("GET", "orders", order=999) == {"status": "ok", "orders": []}


def test_orders_page_oldest_first_and_filter_by_customer_and_time(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=5)
    freeze(centra, "2031-03-01T10:00:00+00:00")
    first = api.create_order([(item, 1)])
    freeze(centra, "2031-03-02T10:00:00+00:00")
    second = api.create_order([(item, 1)], address={**ADDRESS, "email": "other@example.com"})
    freeze(centra, "2031-03-03T10:00:00+00:00")
    third = api.create_order([(item, 1)])

    def numbers(**params) -> list[int]:
        return [int(o["orderId"]) for o in api.ok("GET", "orders", **params)["orders"]]

    customer = api.order(first)["customerId"]
    assert numbers() == [first, second, third]
    assert numbers(limit=1, offset=1) == [second]
    assert numbers(customer_id=customer) == [first, third]
    assert numbers(newer_than="2031-03-02") == [second, third]
    assert numbers(newer_than="2031-03-02 11:00:01") == [third]
    assert numbers(older_than="2031-03-02 11:00:00") == [first]
    raw = centra.get(f"{BASE}/orders?newer_than=2031-03-02+11:00:00&limit=10", headers=AUTH)
    assert [int(o["orderId"]) for o in raw.json()["orders"]] == [second, third]


def test_orders_are_oldest_first_by_placement_time_within_a_window(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=5)
    freeze(centra, "2031-03-02T10:00:00+00:00")
    first = api.create_order([(item, 1)])
    freeze(centra, "2031-03-01T10:00:00+00:00")  # the clock set back: a later id, placed earlier
    second = api.create_order([(item, 1)])
    freeze(centra, "2031-03-03T10:00:00+00:00")
    third = api.create_order([(item, 1)])

    def numbers(**params) -> list[int]:
        return [int(o["orderId"]) for o in api.ok("GET", "orders", **params)["orders"]]

    assert numbers() == [second, first, third]
    assert numbers(newer_than="2031-03-01", older_than="2031-03-03") == [second, first]
    assert numbers(newer_than="2031-03-01 12:00:00") == [first, third]
    assert numbers(newer_than="2031-03-01", limit=1, offset=1) == [first]


def test_bad_list_parameters_are_refused(centra: CentraClient) -> None:
    api = OrderApi(centra)

    assert api.refused("GET", "orders", limit="ten") == {
        "status": "no",
        "msg": "limit must be an integer",
    }
    assert api.refused("GET", "orders", newer_than="yesterday") == {
        "status": "no",
        "msg": "newer_than must be YYYY-mm-dd or YYYY-mm-dd HH:MM:SS",
    }
    assert api.refused("GET", "shipments", status="lost") == {
        "status": "no",
        "msg": "status must be one of inprogress, goodtogo, completed",
    }
    assert api.refused("GET", "shipments", status="completed", limit=500) == {
        "status": "no",
        "msg": "limit must be between 1 and 100",
    }


def test_order_status_codes_follow_the_lifecycle(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=3)
    number = centra_factories.place_order([(item, 1)]).number

    def status() -> tuple[str, str]:
        order = api.order(number)
        return order["orderStatus"], order["orderStatusDescription"]

    assert status() == ("1", "Pending")
    centra_factories.confirm(number)
    assert status() == ("2", "Confirmed")
    products = {p["lineId"]: p["qty"] for p in api.order(number)["products"]}
    shipment = api.ok("POST", "shipments", {"order": number, "products": products, "gtg": 1})
    assert status() == ("3", "Processing")
    api.ok("PUT", "shipment", {"shipment": shipment["shipment"], "tracking": "T1"})
    assert status() == ("4", "Completed")

    cancelled = centra_factories.place_order([(item, 1)])
    centra.graphql(
        "mutation($id:String!){cancelDirectToConsumerOrder(id:$id){userErrors{message}}}",
        {"id": cancelled.id},
    ).ok("cancelDirectToConsumerOrder")
    assert api.order(cancelled.number)["orderStatus"] == "6"


# ---------------------------------------------------------------- PUT orders


def test_internal_comment_is_appended(centra: CentraClient, centra_factories: Factories) -> None:
    api = OrderApi(centra)
    number = api.create_order([(centra_factories.sellable_item(), 1)])

    first = api.ok("PUT", "orders", {"order": number, "internalComment": "Called the shopper"})
    api.ok("PUT", "orders", {"order": str(number), "internalComment": "Refund promised"})

    assert first == {"status": "ok", "order": number}
    assert api.order(number)["internalComment"] == "Called the shopper\nRefund promised"


def test_update_of_unknown_or_missing_order_is_refused(centra: CentraClient) -> None:
    api = OrderApi(centra)

    assert api.refused("PUT", "orders", {"order": 83651, "internalComment": "x"}) == {
        "status": "no",
        "msg": "order does not exist",
        "order": 83651,
    }
    assert api.refused("PUT", "orders", {"internalComment": "x"}) == {
        "status": "no",
        "msg": "order is required",
    }


# ---------------------------------------------------------------- POST order


def test_create_order_by_ean_and_sku_with_pricelist_prices_and_payment_history(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    first, second = centra_factories.sellable_items(min_free=3)[:2]
    a, b = catalogue(api, first), catalogue(api, second)
    before = stock_of(centra, first.product_size_id)

    result = api.ok(
        "POST",
        "order",
        {
            "invoiceAddress": ADDRESS,
            "deliveryAddress": {**ADDRESS, "address": "Drottninggatan 2", "email": None},
            "products": [
                {"qty": 2, "ean": a["ean"]},
                {"qty": 1, "sku": b["sku"] + b["variantSku"] + b["sizeSku"], "unitPrice": 10},
            ],
            "shippingValue": "0.00",
            "payment": {
                "id": 4,
                "auth": {"status": 1, "amount": float(first.price * 2 + 10), "method": "ext"},
                "capture": {"status": 1, "amount": float(first.price * 2 + 10)},
            },
        },
    )

    [number] = result["orders"]
    assert result == {"status": "ok", "orders": [number]} and isinstance(number, int)
    order = api.order(number)
    assert [(p["sku"], p["qty"], p["price"]) for p in order["products"]] == [
        (a["sku"], 2, float(first.price)),
        (b["sku"], 1, 10.0),
    ]
    assert order["deliveryAddress"] == "Drottninggatan 2"
    assert order["billingAddress"] == "Kungsgatan 1"
    total = float(first.price * 2 + 10)
    assert order["grandTotalValue"] == total
    assert order_of(centra, number)["paymentHistory"] == [
        {"entryType": "AUTHORIZATION", "status": "SUCCESS", "value": {"value": total}},
        {"entryType": "CAPTURE", "status": "SUCCESS", "value": {"value": total}},
    ]
    physical, allocated, free = before
    assert stock_of(centra, first.product_size_id) == (physical, allocated + 2, free - 2)


def test_create_only_answers_with_one_order(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item()

    result = api.ok(
        "POST",
        "order",
        {
            "address": ADDRESS,
            "products": [{"id": item.product_size_id, "qty": 1}],
            "createOnly": True,
        },
    )

    assert result == {"status": "ok", "order": result["order"]}
    assert api.order(result["order"])["orderStatus"] == "1"


def test_create_order_refusals_change_nothing(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=1)
    before = stock_of(centra, item.product_size_id)
    good = {"id": item.product_size_id, "qty": 1}

    cases = [
        (
            {"address": ADDRESS, "products": [{"ean": "0000000000000", "qty": 1}]},
            "Could not find product size with EAN 0000000000000.",
        ),
        (
            {
                "address": ADDRESS,
                "products": [good, {"id": item.product_size_id, "qty": item.free + 5}],
            },
            None,
        ),
        ({"address": {**ADDRESS, "email": ""}, "products": [good]}, "email is required."),
        ({"address": {**ADDRESS, "country": "XX"}, "products": [good]}, "Unknown country XX."),
        (
            {"address": ADDRESS, "products": [good], "voucherValue": -10},
            "voucherValue cannot be negative.",
        ),
        (
            {"address": ADDRESS, "products": [{"id": item.product_size_id, "qty": 0}]},
            "qty must be at least 1.",
        ),
        (
            {
                "address": ADDRESS,
                "products": [good],
                "payment": {
                    "auth": {"status": 1, "amount": 1},
                    "capture": {"status": 1, "amount": 5},
                },
            },
            "Cannot capture 5.00 SEK: only 1.00 SEK is authorized and not captured.",
        ),
        (
            {
                "address": ADDRESS,
                "products": [good],
                "payment": {"auth": {"status": 7, "amount": 1}},
            },
            "status must be 0 (pending), 1 (success) or 2 (failed).",
        ),
        ({"address": ADDRESS}, "products is required."),
    ]
    for body, msg in cases:
        refused = api.refused("POST", "order", body)
        if msg is None:
            wanted = item.free + 6
            msg = f"Not enough stock for product size {item.product_size_id}: {item.free} free, {wanted} ordered."
        assert refused == {"status": "no", "msg": msg}, body

    assert api.ok("GET", "orders")["orders"] == []
    assert api.ok("GET", "customers")["customers"] == []
    assert stock_of(centra, item.product_size_id) == before


def test_force_create_accepts_missing_stock_as_demand(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=1)
    physical, allocated, free = stock_of(centra, item.product_size_id)

    number = api.create_order([(item, free + 2)], forceCreate=True)

    assert api.order(number)["products"][0]["qty"] == free + 2
    assert stock_of(centra, item.product_size_id) == (physical, allocated + free, 0)


def test_create_order_for_a_customer_and_with_an_order_number(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=3)
    first = api.create_order([(item, 1)])
    customer = api.order(first)["customerId"]

    number = api.create_order(
        [(item, 1)],
        address={**ADDRESS, "email": "someone.else@example.com"},
        customerId=int(customer),
        orderNumber=5000,
    )

    assert number == 5000
    assert api.order(5000)["customerId"] == customer
    assert api.refused(
        "POST",
        "order",
        {
            "address": ADDRESS,
            "products": [{"id": item.product_size_id, "qty": 1}],
            "orderNumber": 5000,
        },
    ) == {"status": "no", "msg": "Order number 5000 is taken or invalid."}
    assert api.refused(
        "POST",
        "order",
        {
            "address": ADDRESS,
            "products": [{"id": item.product_size_id, "qty": 1}],
            "customerId": 999,
        },
    ) == {"status": "no", "msg": "Could not find customer with ID 999."}


# ---------------------------------------------------------------- POST order/<id>


def test_complete_order_records_a_later_capture(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item()
    number = api.create_order(
        [(item, 1)], payment={"auth": {"status": 1, "amount": float(item.price)}}
    )

    result = api.ok(
        "POST",
        f"order/{number}",
        {
            "payment": {"capture": {"status": 1, "amount": float(item.price), "transaction": "c1"}},
            "internalComment": "captured by the PSP",
        },
    )

    assert result == {"status": "ok", "orders": [str(number)]}
    history = order_of(centra, number)["paymentHistory"]
    assert [(e["entryType"], e["status"]) for e in history] == [
        ("AUTHORIZATION", "SUCCESS"),
        ("CAPTURE", "SUCCESS"),
    ]
    assert api.order(number)["internalComment"] == "captured by the PSP"
    assert api.refused("POST", "order/999", {}) == {"status": "no", "msg": "order does not exist"}


PSP_REFERENCES = """query($n:[Int!]){ orders(where:{number:$n}) {
  paymentHistory { entryType externalReference } } }"""


def test_payment_entries_of_one_instant_each_get_their_own_psp_reference(
    centra: CentraClient, centra_factories: Factories
) -> None:
    freeze(centra)
    api = OrderApi(centra)
    first, second = centra_factories.sellable_items(min_free=2)[:2]
    one = api.confirmed_order(centra_factories, [(first, 1)])
    two = api.confirmed_order(centra_factories, [(second, 1)])

    api.ship_all(one)
    api.ship_all(two)

    references = {}
    for number in (one, two):
        [order] = centra.graphql(PSP_REFERENCES, {"n": [number]}).payload("orders")
        history = order["paymentHistory"]
        assert [e["entryType"] for e in history] == ["AUTHORIZATION", "CAPTURE"]
        assert all(re.fullmatch(r"psp_[0-9a-f]{20}", e["externalReference"]) for e in history)
        assert api.order(number)["paymentReference"] == history[0]["externalReference"]
        references[number] = [e["externalReference"] for e in history]
    every = references[one] + references[two]
    assert len(set(every)) == 4, every


# ---------------------------------------------------------------- shipments


def test_shipment_of_pending_order_is_refused_and_nothing_changes(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    number = api.create_order([(centra_factories.sellable_item(), 1)])
    line = api.order(number)["products"][0]["lineId"]

    refused = api.refused("POST", "shipments", {"order": number, "products": {line: 1}})

    assert refused == {
        "status": "no",
        "msg": f'Order {number} is "PENDING": confirm it before creating shipments.',
        "order": str(number),
    }
    assert api.order(number)["shipments"] == []
    assert api.refused("POST", "shipments", {"order": 1337, "products": {"1": 1}}) == {
        "status": "no",
        "msg": "order does not exist",
        "order": "1337",
    }
    assert api.refused("POST", "shipments", {"order": number, "products": []}) == {
        "status": "no",
        "msg": 'products must be an object of {"<lineId>": quantity}',
        "order": str(number),
    }


def test_shipment_is_not_created_when_the_capture_fails(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=2)
    placed = centra_factories.place_order([(item, 1)], outcome={"capture": "decline"})
    centra_factories.confirm(placed.number)
    line = api.order(placed.number)["products"][0]["lineId"]
    stock_before = stock_of(centra, item.product_size_id)

    refused = api.refused("POST", "shipments", {"order": placed.number, "products": {line: 1}})

    assert refused == {"status": "no", "msg": "can not capture order", "order": str(placed.number)}
    order = api.order(placed.number)
    assert order["shipments"] == [] and order["orderStatus"] == "2"
    history = order_of(centra, placed.number)["paymentHistory"]
    assert [(e["entryType"], e["status"]) for e in history] == [
        ("AUTHORIZATION", "SUCCESS"),
        ("CAPTURE", "FAILED"),
    ]
    assert stock_of(centra, item.product_size_id) == stock_before


def test_order_without_authorization_cannot_be_captured(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    number = api.create_order([(centra_factories.sellable_item(), 1)])
    centra_factories.confirm(number)
    line = api.order(number)["products"][0]["lineId"]

    refused = api.refused("POST", "shipments", {"order": number, "products": {line: 1}})
    created = api.ok(
        "POST", "shipments", {"order": number, "products": {line: 1}, "capture": False}
    )

    assert refused == {"status": "no", "msg": "can not capture order", "order": str(number)}
    assert created == {"status": "ok", "order": number, "shipment": f"{number}-1"}


def test_shipments_move_through_the_three_lists(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=2)
    number = api.confirmed_order(centra_factories, [(item, 2)])
    line = api.order(number)["products"][0]["lineId"]

    def listed(status: str) -> list[str]:
        return [s["shipmentId"] for s in api.ok("GET", "shipments", status=status)["shipments"]]

    api.ok("POST", "shipments", {"order": number, "products": {line: 2}, "capture": False})
    shipment = f"{number}-1"
    assert (listed("inprogress"), listed("goodtogo"), listed("completed")) == ([shipment], [], [])
    updated = api.ok("PUT", f"shipments/{shipment}", {"gtg": True})["shipment"]
    assert updated["goodToGo"] == 1 and updated["shouldCapture"] == 1 and updated["paid"] == 0
    assert api.ok("GET", "shipments")["shipments"][0]["shipmentId"] == shipment
    assert api.ok("PUT", "capture", {"shipment": shipment}) == {
        "status": "ok",
        "order": number,
        "shipment": shipment,
    }
    done = api.ok(
        "PUT",
        "shipment",
        {
            "shipment": shipment,
            "carrier": "Fedex",
            "service": "Express",
            "packages": 1,
            "tracking": "TRTTET5",
            "returnSlipTracking": "TRTTET6",
            "capture": 1,
        },
    )
    assert done == {"status": "ok", "order": number, "shipment": shipment}
    assert (listed("inprogress"), listed("goodtogo"), listed("completed")) == ([], [], [shipment])
    [entry] = api.order(number)["shipments"]
    assert entry["carrier"] == "Fedex" and entry["trackingId"] == "TRTTET5"
    assert (
        entry["returnSlipTracking"] == "TRTTET6" and entry["shippedDate"] != "0000-00-00 00:00:00"
    )
    assert api.ok("GET", "shipments", status="completed", order=number + 1)["shipments"] == []


def test_complete_shipment_refusals(centra: CentraClient, centra_factories: Factories) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=2)
    number = api.confirmed_order(centra_factories, [(item, 1)])
    line = api.order(number)["products"][0]["lineId"]
    shipment = api.ok("POST", "shipments", {"order": number, "products": {line: 1}})["shipment"]

    not_gtg = api.refused("POST", "shipment", {"order": number, "shipment": shipment})
    unknown = api.refused("PUT", "shipment", {"shipment": "999-1"})
    wrong_order = api.refused("PUT", "shipment", {"order": number + 1, "shipment": shipment})

    assert not_gtg == {
        "status": "no",
        "msg": f"Shipment {shipment} is not good to go.",
        "order": number,
        "shipment": shipment,
    }
    assert unknown == {"status": "no", "msg": "shipment does not exist", "shipment": "999-1"}
    assert wrong_order == {
        "status": "no",
        "msg": f"Shipment {shipment} does not belong to order {number + 1}.",
        "order": number + 1,
        "shipment": shipment,
    }
    api.ok("PUT", "shipment", {"shipment": shipment, "gtg": True})
    again = api.refused("PUT", "shipment", {"shipment": shipment})
    assert again == {
        "status": "no",
        "msg": f"Shipment {shipment} is already shipped.",
        "order": number,
        "shipment": shipment,
    }


def test_complete_shipment_capture_failure_is_reported_and_nothing_ships(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=2)
    placed = centra_factories.place_order([(item, 1)], outcome={"capture": "decline"})
    centra_factories.confirm(placed.number)
    line = api.order(placed.number)["products"][0]["lineId"]
    shipment = api.ok(
        "POST",
        "shipments",
        {"order": placed.number, "products": {line: 1}, "capture": False, "gtg": True},
    )["shipment"]
    stock_before = stock_of(centra, item.product_size_id)

    refused = api.refused("PUT", "shipment", {"shipment": shipment, "tracking": "T"})

    assert refused == {
        "status": "no",
        "msg": "capture failed",
        "order": placed.number,
        "shipment": shipment,
    }
    [entry] = api.order(placed.number)["shipments"]
    assert entry["shippedDate"] == "0000-00-00 00:00:00" and entry["trackingId"] == ""
    assert stock_of(centra, item.product_size_id) == stock_before


def test_delete_and_update_shipment(centra: CentraClient, centra_factories: Factories) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=2)
    number = api.confirmed_order(centra_factories, [(item, 1)])
    line = api.order(number)["products"][0]["lineId"]
    api.ok("POST", "shipments", {"order": number, "products": {line: 1}, "capture": False})

    products = api.refused("PUT", f"shipments/{number}-1", {"products": {line: 1}})
    deleted = api.ok("DELETE", f"shipments/{number}-1")

    assert products == {
        "status": "no",
        "msg": "changing the products of a shipment is not supported by mockcentra; "
        "delete the shipment and create a new one",
        "shipment": f"{number}-1",
    }
    assert deleted == {
        "status": "ok",
        "msg": "shipment removed",
        "order": number,
        "shipment": f"{number}-1",
    }
    assert api.order(number)["shipments"] == [] and api.order(number)["orderStatus"] == "2"
    captured = api.ok("POST", "shipments", {"order": number, "products": {line: 1}})["shipment"]
    assert api.refused("DELETE", f"shipments/{captured}") == {
        "status": "no",
        "msg": f"Shipment {captured} is paid or shipped and cannot be deleted; "
        "create a return instead.",
        "shipment": captured,
    }


# ---------------------------------------------------------------- returns


def _shipped(api: OrderApi, factories: Factories, quantity: int = 2, **outcome) -> tuple:
    item = factories.sellable_item(min_free=quantity)
    placed = factories.place_order([(item, quantity)], outcome=outcome or None)
    factories.confirm(placed.number)
    shipment = api.ship_all(placed.number)
    line = api.order(placed.number)["products"][0]["lineId"]
    return item, placed.number, shipment, line


def test_return_without_refund_restocks_and_stays_pending(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item, number, shipment, line = _shipped(api, centra_factories)
    physical, allocated, free = stock_of(centra, item.product_size_id)

    created = api.ok(
        "POST",
        "return",
        {"shipment": shipment, "products": {line: "1"}, "returnStock": 1, "comment": "Too big"},
    )

    assert created == {
        "status": "ok",
        "return": created["return"],
        "returnCompleted": False,
        "returnedItems": [line],
    }
    [ret] = api.ok("GET", "returns", order=number)["returns"]
    assert (ret["returnId"], ret["completed"], ret["orderId"], ret["shipment"]) == (
        created["return"],
        False,
        number,
        shipment,
    )
    assert ret["comment"] == "Too big" and ret["returnToStock"] is True
    assert [(p["orderLineId"], p["quantity"]) for p in ret["products"]] == [(int(line), 1)]
    assert stock_of(centra, item.product_size_id) == (physical + 1, allocated, free + 1)


def test_return_with_refund_completes_it_and_refunds_the_payment(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item, number, shipment, line = _shipped(api, centra_factories)

    created = api.ok(
        "POST",
        "return",
        {"shipment": shipment, "products": {line: 1}, "refund": {"refundPayment": True}},
    )

    assert created == {
        "status": "ok",
        "return": created["return"],
        "returnCompleted": True,
        "returnedItems": [line],
        "refund": {"status": "ok"},
    }
    assert api.ok("GET", "returns", **{"return": created["return"]})["returns"][0]["completed"]
    refunds = [e for e in order_of(centra, number)["paymentHistory"] if e["entryType"] == "REFUND"]
    assert refunds == [
        {"entryType": "REFUND", "status": "SUCCESS", "value": {"value": float(item.price)}}
    ]


def test_refused_refund_leaves_the_return_pending(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item, number, shipment, line = _shipped(api, centra_factories, refund="decline")

    created = api.ok(
        "POST",
        "return",
        {"shipment": shipment, "products": {line: 1}, "refund": {"refundPayment": True}},
    )

    assert created["returnCompleted"] is False
    assert created["refund"] == {
        "status": "no",
        "msg": "Refund failed: the payment provider declined it.",
    }
    assert api.ok("GET", "returns", order=number)["returns"][0]["completed"] is False
    refunds = [e for e in order_of(centra, number)["paymentHistory"] if e["entryType"] == "REFUND"]
    assert refunds == [
        {"entryType": "REFUND", "status": "FAILED", "value": {"value": float(item.price)}}
    ]


def test_return_refusals_change_nothing(centra: CentraClient, centra_factories: Factories) -> None:
    api = OrderApi(centra)
    item, number, shipment, line = _shipped(api, centra_factories, quantity=1)
    stock_before = stock_of(centra, item.product_size_id)

    unknown = api.refused("POST", "return", {"shipment": "999-1", "products": {line: 1}})
    nothing = api.refused("POST", "return", {"shipment": shipment, "products": {"999999": 1}})
    both = api.refused(
        "POST",
        "return",
        {
            "shipment": shipment,
            "products": {line: 1},
            "shippingCost": 5,
            "shippingCostFromShipment": True,
        },
    )
    api.ok("POST", "return", {"shipment": shipment})
    again = api.refused("POST", "return", {"shipment": shipment, "products": {line: 1}})

    assert unknown == {"status": "no", "msg": "shipment does not exist"}
    assert nothing == {"status": "no", "msg": "return could not be created."}
    assert both == {
        "status": "no",
        "msg": "shippingCost and shippingCostFromShipment cannot be used together",
    }
    assert again == {"status": "no", "msg": "return could not be created."}
    assert len(api.ok("GET", "returns", order=number)["returns"]) == 1
    physical, allocated, free = stock_before
    assert stock_of(centra, item.product_size_id) == (physical + 1, allocated, free + 1)


def test_update_return_completes_and_reopens(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    _, number, shipment, line = _shipped(api, centra_factories)
    ret = api.ok("POST", "return", {"shipment": shipment, "products": {line: 1}})["return"]

    completed = api.ok("PUT", f"returns/{ret}", {"completed": True})
    twice = api.refused("PUT", f"returns/{ret}", {"completed": True})
    reopened = api.ok("PUT", f"returns/{ret}", {"completed": False})

    assert completed["return"]["returnId"] == ret and completed["return"]["completed"] is True
    assert twice == {"status": "no", "msg": f"Return {ret} is already completed."}
    assert reopened["return"]["completed"] is False
    assert api.refused("PUT", "returns/100500", {"completed": True}) == {
        "status": "no",
        "msg": "Return with id=100500 does not exist",
    }


def test_returns_filters_and_newest_first(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    _, first_order, first_shipment, first_line = _shipped(api, centra_factories)
    _, second_order, second_shipment, second_line = _shipped(api, centra_factories)
    a = api.ok("POST", "return", {"shipment": first_shipment, "products": {first_line: 1}})
    b = api.ok("POST", "return", {"shipment": second_shipment, "products": {second_line: 1}})
    c = api.ok("POST", "return", {"shipment": first_shipment, "products": {first_line: 1}})

    def ids(**params) -> list[int]:
        return [r["returnId"] for r in api.ok("GET", "returns", **params)["returns"]]

    customer = api.order(first_order)["customerId"]
    assert ids() == [c["return"], b["return"], a["return"]]
    assert ids(order=first_order) == [c["return"], a["return"]]
    assert ids(shipment=second_shipment) == [b["return"]]
    assert ids(customer_id=customer) == [c["return"], b["return"], a["return"]]
    assert ids(limit=1, page=2) == [b["return"]]
    assert ids(selection=api.order(second_order)["selectionId"]) == [b["return"]]


# ---------------------------------------------------------------- customers


def test_customers_by_email_and_by_id(centra: CentraClient, centra_factories: Factories) -> None:
    freeze(centra)
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=2)
    number = api.create_order([(item, 1)])
    customer_id = api.order(number)["customerId"]

    listed = api.ok("GET", "customers", email="Ada.Lovelace@Example.com")
    one = api.ok("GET", f"customers/{customer_id}")

    expected = {
        "customerId": customer_id,
        "email": "ada.lovelace@example.com",
        "firstName": "Ada",
        "lastName": "Lovelace",
        "address1": "Kungsgatan 1",
        "address2": "c/o Babbage",
        "zipCode": "11143",
        "city": "Stockholm",
        "state": "",
        "country": "SE",
        "phoneNumber": "+46701234567",
        "newsletter": False,
        "gender": "",
        "registered": False,
        "consents": [],
        "created": "2031-03-01 11:00:00",
        "modified": "2031-03-01 11:00:00",
    }
    assert listed == {"status": "ok", "customers": [expected]}
    assert one == {"status": "ok", "customer": expected}
    assert api.ok("GET", "customers", email="nobody@example.com")["customers"] == []
    assert api.refused("GET", "customers/999") == {
        "status": "no",
        "msg": "Customer with id=999 does not exist",
    }


def test_a_guest_and_a_registered_customer_can_share_an_email(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=2)
    api.create_order([(item, 1)])
    api.create_order([(item, 1)], customerRegister=True)

    customers = api.ok("GET", "customers", email=ADDRESS["email"])["customers"]

    assert [c["registered"] for c in customers] == [False, True]


def test_customers_created_after(centra: CentraClient, centra_factories: Factories) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=2)
    freeze(centra, "2031-03-01T10:00:00+00:00")
    api.create_order([(item, 1)])
    freeze(centra, "2031-03-05T10:00:00+00:00")
    api.create_order([(item, 1)], address={**ADDRESS, "email": "later@example.com"})

    later = api.ok("GET", "customers", created="2031-03-02")["customers"]
    page = api.ok("GET", "customers", limit=1, offset=1)["customers"]

    assert [c["email"] for c in later] == ["later@example.com"]
    assert [c["email"] for c in page] == ["later@example.com"]


# ---------------------------------------------------------------- vouchers


def test_get_voucher_shows_a_percent_voucher(centra: CentraClient) -> None:
    freeze(centra)
    voucher = create_voucher(centra, maxUsages=100, conversionHTML="<img src=x>")

    shown = OrderApi(centra).ok("GET", f"vouchers/{voucher['id']}")

    assert shown == {
        "status": "ok",
        "voucher": {
            "id": voucher["id"],
            "name": "Ten percent",
            "code": "SAVE10",
            "conversionHtml": "<img src=x>",
            "startDate": "2031-02-28",
            "stopDate": "2031-03-31",
            "type": "percentoff",
            "value": "10",
            "store": 1,
            "markets": [1],
            "limit": 100,
            "status": "active",
            "priority": 1,
            "createdAt": "2031-03-01 11:00:00",
        },
    }


def test_get_voucher_shows_an_amount_per_pricelist(centra: CentraClient) -> None:
    voucher = create_voucher(centra, code="FIFTY", status="INACTIVE", actions=[amount(50)])

    shown = OrderApi(centra).ok("GET", f"vouchers/{voucher['id']}")["voucher"]

    assert (shown["type"], shown["value"], shown["valueByPricelist"], shown["status"]) == (
        "priceoff",
        None,
        {"1": 50},
        "inactive",
    )


def test_clone_voucher_copies_it_with_a_new_code_and_stop_date(centra: CentraClient) -> None:
    freeze(centra)
    source = create_voucher(centra)
    api = OrderApi(centra)

    cloned = api.ok(
        "PUT",
        f"voucher/{source['id']}/clone",
        {"name": "Welcome back", "code": "BACK10", "stopDate": "2031-06-30"},
    )
    shown = api.ok("GET", f"vouchers/{cloned['voucher']}")["voucher"]
    original = api.ok("GET", f"vouchers/{source['id']}")["voucher"]

    assert cloned == {"status": "ok", "voucher": source["id"] + 1, "code": "BACK10"}
    assert (shown["name"], shown["code"], shown["stopDate"]) == (
        "Welcome back",
        "BACK10",
        "2031-06-30",
    )
    assert (shown["type"], shown["value"], shown["markets"]) == ("percentoff", "10", [1])
    assert (original["code"], original["stopDate"]) == ("SAVE10", "2031-03-31")


def test_clone_voucher_without_a_code_draws_a_new_one(centra: CentraClient) -> None:
    source = create_voucher(centra)

    cloned = OrderApi(centra).ok("PUT", f"voucher/{source['id']}/clone", {"stopDate": "2040-01-01"})

    assert cloned["code"] not in ("", "SAVE10")


def test_voucher_refusals_use_centras_envelope_and_change_nothing(centra: CentraClient) -> None:
    api = OrderApi(centra)
    source = create_voucher(centra)
    automatic = create_voucher(centra, method="AUTO", code=None, name="Auto")
    before = api.ok("GET", f"vouchers/{source['id']}")

    assert api.refused("GET", "vouchers/999") == {
        "status": "no",
        "voucher": "999",
        "msg": {"voucher": "Voucher not found"},
    }
    assert api.refused("PUT", f"voucher/{source['id']}/clone", {"name": "Again"}) == {
        "status": "no",
        "voucher": str(source["id"]),
        "msg": {"stopDate": "required"},
    }
    assert api.refused("PUT", "voucher/999/clone", {"stopDate": "2032-07-09"}) == {
        "status": "no",
        "voucher": "999",
        "msg": {"voucher": "Voucher not found"},
    }
    assert api.refused("PUT", f"voucher/{automatic['id']}/clone", {"stopDate": "2032-07-09"}) == {
        "status": "no",
        "voucher": str(automatic["id"]),
        "msg": {"voucher": "Auto vouchers not supported"},
    }
    taken = api.refused(
        "PUT", f"voucher/{source['id']}/clone", {"stopDate": "2032-07-09", "code": "SAVE10"}
    )
    assert taken["status"] == "no" and list(taken["msg"]) == ["code"]
    assert api.refused("GET", f"vouchers/{automatic['id'] + 1}")["msg"] == {
        "voucher": "Voucher not found"
    }
    assert api.ok("GET", f"vouchers/{source['id']}") == before


# ---------------------------------------------------------------- stock and products


def test_stock_per_size_follows_orders(centra: CentraClient, centra_factories: Factories) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=3)
    before = catalogue(api, item)

    api.create_order([(item, 2)])
    after = catalogue(api, item)

    assert after["physicalStock"] == before["physicalStock"]
    assert after["allocatedStock"] == before["allocatedStock"] + 2
    assert after["availableStock"] == before["availableStock"] - 2
    assert after["physicalStock"] == after["allocatedStock"] + after["availableStock"]
    assert after["stockItemId"] == item.product_size_id and after["active"] == 1
    by_ean = api.ok("GET", "stock", ean=before["ean"])["products"]
    full_sku = before["sku"] + before["variantSku"] + before["sizeSku"]
    by_sku = api.ok("GET", "stock", sku=full_sku)["products"]
    assert by_ean == by_sku == [after]
    light = api.ok("GET", "stock", stockItemId=item.product_size_id, exclude="physicalStock")
    assert "physicalStock" not in light["products"][0]


def test_stock_and_products_pages(centra: CentraClient) -> None:
    api = OrderApi(centra)

    first = api.ok("GET", "stock", limit=2)
    second = api.ok("GET", "stock", limit=2, page=2)
    everything = api.ok("GET", "stock")["products"]

    assert first["next"] == "?limit=2&page=2" and "previous" not in first
    assert second["previous"] == "?limit=2&page=1" and second["next"] == "?limit=2&page=3"
    assert first["products"] + second["products"] == everything[:4]
    products = api.ok("GET", "products", productId=everything[0]["productId"])["products"]
    assert {p["stockItemId"] for p in products} == {
        s["stockItemId"] for s in everything if s["productId"] == everything[0]["productId"]
    }
    assert products[0]["prices"][0]["price"].count(".") == 1


def test_create_order_in_a_country_whose_pricelist_is_inactive_is_refused(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=1)
    before = stock_of(centra, item.product_size_id)
    deactivate = """mutation{ updatePricelist(id:2, input:{status:INACTIVE}) {
      userErrors { message } } }"""
    assert centra.graphql(deactivate).payload("updatePricelist") == {"userErrors": []}
    body = {
        "address": {**ADDRESS, "country": "DK"},
        "products": [{"id": item.product_size_id, "qty": 1, "unitPrice": "10.00"}],
    }

    refused = api.refused("POST", "order", body)

    assert refused == {"status": "no", "msg": "No active pricelist is assigned to country DK."}
    assert api.ok("GET", "orders")["orders"] == []
    assert stock_of(centra, item.product_size_id) == before


SKU_OF = "query($id:Int!){ productSize(id:$id){ SKU } }"
SET_SIZE_NUMBER = """mutation($id:Int!, $n:String!){ updateProductSize(id:$id, input:{sizeNumber:$n}) {
  userErrors { message } } }"""


def test_an_order_line_names_its_item_by_size_sku_or_full_sku_never_by_product_sku(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=2)
    size = {"id": item.product_size_id, "n": "UNIQUE-SIZE-1"}
    assert centra.graphql(SET_SIZE_NUMBER, size).payload("updateProductSize") == {"userErrors": []}
    cat = catalogue(api, item)
    full = centra.graphql(SKU_OF, {"id": item.product_size_id}).payload("productSize")["SKU"]
    assert full == cat["sku"] + cat["variantSku"] + "UNIQUE-SIZE-1"
    before = stock_of(centra, item.product_size_id)

    def ordered(sku: str) -> dict:
        return {"address": ADDRESS, "products": [{"qty": 1, "sku": sku, "unitPrice": "5.00"}]}

    refused = api.refused("POST", "order", ordered(cat["sku"]))
    assert refused == {
        "status": "no",
        "msg": f"Could not find product size with SKU {cat['sku']}.",
    }
    assert stock_of(centra, item.product_size_id) == before
    by_size = api.ok("POST", "order", ordered("UNIQUE-SIZE-1"))["orders"][0]
    by_full = api.ok("POST", "order", ordered(full))["orders"][0]
    for number in (by_size, by_full):
        [line] = api.order(number)["products"]
        assert line["sku"] + line["variantSku"] + line["sizeSku"] == full


def test_the_stock_list_sku_filter_keeps_a_products_sizes_or_one_full_sku(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item()
    cat = catalogue(api, item)
    everything = api.ok("GET", "stock", limit=10000)["products"]
    of_product = [p for p in everything if p["sku"] == cat["sku"]]
    full = cat["sku"] + cat["variantSku"] + cat["sizeSku"]

    by_product = api.ok("GET", "stock", sku=cat["sku"])["products"]
    by_full = api.ok("GET", "stock", sku=full)["products"]
    by_size = api.ok("GET", "stock", sku=cat["sizeSku"])["products"]

    assert len(of_product) > 1
    assert by_product == of_product
    assert by_full == [cat]
    assert by_size == []


def test_return_cost_is_kept_within_what_the_return_is_worth(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item, number, shipment, line = _shipped(api, centra_factories, quantity=1)
    worth = item.price
    currency = api.order(number)["orderCurrency"]

    negative = api.refused(
        "POST", "return", {"shipment": shipment, "products": {line: 1}, "returnCost": -1}
    )
    above = api.refused(
        "POST",
        "return",
        {"shipment": shipment, "products": {line: 1}, "returnCost": str(worth + 1)},
    )
    assert api.ok("GET", "returns", order=number)["returns"] == []
    kept = api.ok("POST", "return", {"shipment": shipment, "products": {line: 1}, "returnCost": 5})

    assert negative == {"status": "no", "msg": "returnCost cannot be negative."}
    assert above["msg"] == (
        f"returnCost {worth + 1:.2f} {currency} is more than the return is worth "
        f"({worth:.2f} {currency})."
    )
    [ret] = api.ok("GET", "returns", order=number)["returns"]
    assert (ret["returnId"], ret["returnCost"]) == (kept["return"], 5)
