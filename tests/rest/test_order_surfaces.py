"""The REST Order API and the Integration API tell the same story about the same order.

Each rule that both surfaces show (totals, statuses, lines, payment state, vouchers,
addresses) has one owner in the domain; these tests pin the two answers to each other.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.rest.order_api_client import ADDRESS, OrderApi
from tests.vouchers_support import amount, apply, create_voucher, pay, priced_items, selection

WAITING = """query($n:[Int!]){ orders(where:{number:$n}) { number isWaitingForPayment } }"""


def _graphql_order(centra: CentraClient, query: str, number: int) -> dict[str, Any]:
    [order] = centra.graphql(query, {"n": [number]}).payload("orders")
    return order


def test_an_order_with_only_a_pending_authorization_waits_for_payment_on_both_apis(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item()
    pending = {"auth": {"status": 0, "amount": float(item.price)}}
    paid = {"auth": {"status": 1, "amount": float(item.price)}}

    waiting = api.create_order([(item, 1)], payment=pending)
    settled = api.create_order([(item, 1)], payment=paid)

    assert api.order(waiting)["waitingForPayment"] == 1
    assert _graphql_order(centra, WAITING, waiting) == {
        "number": waiting,
        "isWaitingForPayment": True,
    }
    assert api.order(settled)["waitingForPayment"] == 0
    assert _graphql_order(centra, WAITING, settled) == {
        "number": settled,
        "isWaitingForPayment": False,
    }


# ---------------------------------------------------------------- one order, two APIs

ORDER = """query($n:[Int!]){ orders(where:{number:$n}) {
  number status isOnHold isWaitingForPayment paymentMethod { uri name } currencyCode
  grandTotal { value }
  totals { itemsSubtotal { value } shipping { value } discounts { value }
           taxIncluded { value } grandTotal { value } }
  lines { id quantity unitPrice { value } unitOriginalPrice { value } lineValue { value }
          taxPercent discountPercent SKU productName size }
  discountsApplied { value { value } code voucherName }
  shippingAddress { ...address }
  billingAddress { ...address }
  shipments { number }
} }
fragment address on Address {
  firstName lastName companyName address1 address2 zipCode city stateOrProvince email
  phoneNumber country { code }
}"""

#: Centra's REST status code and word for each Integration API order status.
STATUSES = {
    "PENDING": ("1", "Pending"),
    "CONFIRMED": ("2", "Confirmed"),
    "PROCESSING": ("3", "Processing"),
    "SHIPPED": ("4", "Completed"),
    "ARCHIVED": ("5", "Archived"),
    "CANCELLED": ("6", "Cancelled"),
}


def _address_from_graphql(a: dict[str, Any] | None) -> dict[str, str]:
    a = a or {}
    return {
        "Name": " ".join(p for p in (a.get("firstName"), a.get("lastName")) if p),
        "Company": a.get("companyName") or "",
        "Email": a.get("email") or "",
        "Tele": a.get("phoneNumber") or "",
        "Address": a.get("address1") or "",
        "Coaddress": a.get("address2") or "",
        "Zipcode": a.get("zipCode") or "",
        "City": a.get("city") or "",
        "State": a.get("stateOrProvince") or "",
        "Country": (a.get("country") or {}).get("code") or "",
    }


def _address_from_rest(order: dict[str, Any], prefix: str) -> dict[str, str]:
    keys = ("Name", "Company", "Email", "Tele", "Address", "Coaddress", "Zipcode", "City")
    return {key: order[f"{prefix}{key}"] for key in (*keys, "State", "Country")}


def from_graphql(o: dict[str, Any]) -> dict[str, Any]:
    """What both APIs show of an order, read from the Integration API's answer."""
    totals = o["totals"]
    return {
        "number": str(o["number"]),
        "status": STATUSES[o["status"]],
        "hold": o["isOnHold"],
        "waitingForPayment": o["isWaitingForPayment"],
        "paymentMethod": (o["paymentMethod"]["uri"], o["paymentMethod"]["name"]),
        "currency": o["currencyCode"],
        "grandTotal": o["grandTotal"]["value"],
        "items": totals["itemsSubtotal"]["value"],
        "shipping": totals["shipping"]["value"],
        "discounts": totals["discounts"]["value"],
        "tax": totals["taxIncluded"]["value"],
        "lines": [
            {
                "id": str(ln["id"]),
                "quantity": ln["quantity"],
                "price": ln["unitPrice"]["value"],
                "originalPrice": ln["unitOriginalPrice"]["value"],
                "value": ln["lineValue"]["value"],
                "taxPercent": ln["taxPercent"],
                "discountPercent": ln["discountPercent"],
                "sku": ln["SKU"],
                "name": ln["productName"],
                "size": ln["size"],
            }
            for ln in o["lines"]
        ],
        "vouchers": [
            (d["code"], d["voucherName"], d["value"]["value"])
            for d in o["discountsApplied"]
            if d["code"]
        ],
        "discountTotal": sum(d["value"]["value"] for d in o["discountsApplied"]),
        "delivery": _address_from_graphql(o["shippingAddress"]),
        "billing": _address_from_graphql(o["billingAddress"]),
        "shipments": [s["number"] for s in o["shipments"]],
    }


def from_rest(o: dict[str, Any]) -> dict[str, Any]:
    """What both APIs show of an order, read from the Order API's answer."""
    return {
        "number": o["orderId"],
        "status": (o["orderStatus"], o["orderStatusDescription"]),
        "hold": bool(o["hold"]),
        "waitingForPayment": bool(o["waitingForPayment"]),
        "paymentMethod": (o["paymentMethod"], o["paymentDescription"]),
        "currency": o["orderCurrency"],
        "grandTotal": o["grandTotalValue"],
        "items": o["totalItemsPrice"],
        "shipping": o["shippingValue"],
        "discounts": o["totalItemsDiscount"],
        "tax": o["grandTotalTaxValue"],
        "lines": [
            {
                "id": p["lineId"],
                "quantity": p["qty"],
                "price": p["price"],
                "originalPrice": p["originalPrice"],
                "value": p["totalPrice"],
                "taxPercent": p["taxPercent"],
                "discountPercent": p["priceDiscountAsPercent"],
                "sku": p["sku"] + p["variantSku"] + p["sizeSku"],
                "name": p["name"],
                "size": p["size"],
            }
            for p in o["products"]
        ],
        "vouchers": [
            (v["voucher"], v["name"], -v["priceOffAsANumber"]) for v in o["discounts"]["vouchers"]
        ],
        "discountTotal": -o["discounts"]["discountAsNumber"],
        "delivery": _address_from_rest(o, "delivery"),
        "billing": _address_from_rest(o, "billing"),
        "shipments": [s["shipmentId"] for s in o["shipments"]],
    }


def both(centra: CentraClient, api: OrderApi, number: int) -> tuple[dict, dict]:
    return from_rest(api.order(number)), from_graphql(_graphql_order(centra, ORDER, number))


def test_a_voucher_order_through_its_life_reads_the_same_on_both_apis(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    a, b = priced_items(centra, centra_factories, ["99.88", "49.95"])
    create_voucher(centra, code="HUNDRED", name="A hundred off", actions=[amount(100)])
    token = selection(centra_factories, [(a, 3), (b, 1)])
    assert apply(centra_factories, token, "HUNDRED").status_code == 200
    number = int(pay(centra_factories, token).json()["order"])

    placed_rest, placed_graphql = both(centra, api, number)
    centra_factories.confirm(number)
    first_line = placed_rest["lines"][0]["id"]
    api.ok("POST", "shipments", {"order": number, "products": {first_line: 1}, "capture": True})
    shipped_rest, shipped_graphql = both(centra, api, number)

    assert placed_rest == placed_graphql
    assert shipped_rest == shipped_graphql
    assert placed_rest["status"] == ("1", "Pending")
    assert shipped_rest["status"] == ("3", "Processing")
    assert placed_rest["grandTotal"] == 298.59  # 349.59 - 100 + 49 shipping
    assert placed_rest["discounts"] == placed_rest["discountTotal"] == 100.0
    assert placed_rest["vouchers"] == [("HUNDRED", "A hundred off", 100.0)]
    assert [ln["value"] for ln in placed_rest["lines"]] == [213.93, 35.66]
    # 28.57 off 99.88 is 28.6044% and 14.29 off 49.95 is 28.6086%: two places, half up
    assert [ln["discountPercent"] for ln in placed_rest["lines"]] == [28.6, 28.61]
    assert placed_rest["delivery"]["Name"] == "Jon Snow"
    assert placed_rest["paymentMethod"] == ("dummy", "Dummy payment (authorizes at once)")
    assert shipped_rest["shipments"] == [f"{number}-1"]


def test_imported_orders_with_addresses_pending_payment_or_cancelled_read_the_same_on_both_apis(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=2)
    imported = api.create_order(
        [(item, 2)],
        payment={"auth": {"status": 1, "amount": float(item.price * 2), "method": "klarna"}},
        deliveryAddress=ADDRESS,
        invoiceAddress={**ADDRESS, "firstName": "Charles", "lastName": "Babbage"},
    )
    pending = api.create_order([(item, 1)], payment={"auth": {"status": 0, "amount": 1}})
    cancelled = api.create_order([(item, 1)])
    cancel = "mutation($n:Int!){ cancelOrder(order:{number:$n}){ userErrors { message } } }"
    assert centra.graphql(cancel, {"n": cancelled}).payload("cancelOrder") == {"userErrors": []}

    for number in (imported, pending, cancelled):
        rest, graphql = both(centra, api, number)
        assert rest == graphql, number
    rest, _ = both(centra, api, imported)
    assert rest["paymentMethod"] == ("klarna", "klarna")
    assert rest["billing"]["Name"] == "Charles Babbage"
    assert rest["delivery"]["Coaddress"] == "c/o Babbage"
    assert both(centra, api, pending)[0]["waitingForPayment"] is True
    assert both(centra, api, cancelled)[0]["status"] == ("6", "Cancelled")


SHIPMENTS = """query($n:[Int!]){ orders(where:{number:$n}) { shipments {
  number isGoodToGo isPaid isShipped
  grandTotal { value } net: grandTotal(includingTax: false) { value }
  lines { quantity orderLine { id } lineValue { value } }
} } }"""


def test_shipments_of_an_order_read_the_same_on_both_apis(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    a, b = priced_items(centra, centra_factories, ["99.88", "0.02"])
    number = api.confirmed_order(centra_factories, [(a, 3), (b, 2)])
    first, second = [p["lineId"] for p in api.order(number)["products"]]
    api.ship_all(number, products={first: 2})
    api.ship_all(number, products={first: 1, second: 2})

    rest = api.ok("GET", "shipments", status="completed", order=number)["shipments"]
    [order] = centra.graphql(SHIPMENTS, {"n": [number]}).payload("orders")

    def from_rest(s: dict[str, Any]) -> dict[str, Any]:
        return {
            "number": s["shipmentId"],
            "flags": (bool(s["goodToGo"]), bool(s["paid"]), s["shippedDate"] != ""),
            "grandTotal": s["grandTotalValue"],
            "net": round(s["grandTotalValue"] - s["grandTotalTaxValue"], 2),
            "lines": [(p["lineId"], p["qty"]) for p in s["products"]],
        }

    def from_graphql(s: dict[str, Any]) -> dict[str, Any]:
        return {
            "number": s["number"],
            "flags": (s["isGoodToGo"], s["isPaid"], s["isShipped"]),
            "grandTotal": s["grandTotal"]["value"],
            "net": s["net"]["value"],
            "lines": [(str(ln["orderLine"]["id"]), ln["quantity"]) for ln in s["lines"]],
        }

    assert [from_rest(s) for s in rest] == [from_graphql(s) for s in order["shipments"]]
    shipping = 49.0
    # the first shipment carries the shipping: 2 x 99.88 + 49.00, tax 39.95 + 9.80
    assert from_rest(rest[0])["grandTotal"] == round(199.76 + shipping, 2)
    assert from_rest(rest[0])["net"] == round(199.76 + shipping - 39.95 - 9.80, 2)
    # 99.88 + 2 x 0.02: tax per line 19.98 + 0.01 (0.04 x 25/125 = 0.008, half up)
    assert from_rest(rest[1])["grandTotal"] == 99.92
    assert from_rest(rest[1])["net"] == round(99.92 - 19.99, 2)
    assert order["shipments"][1]["lines"][1]["lineValue"] == {"value": 0.04}


SET_PRICES = """mutation($input: SetPricesInput!) { setPrices(input: $input) {
  userErrors { message path } } }"""
VARIANT_PRICES = """query($v:[Int!]){ pricelist(id: 1) {
  prices(where: {productVariantId: $v}) { productVariant { id } price { value } } } }"""


def test_a_variants_own_price_wins_over_its_products_on_every_surface(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item()
    [row] = api.ok("GET", "products", stockItemId=item.product_size_id)["products"]
    product, variant = row["productId"], row["variantId"]
    sek = {"currencyIsoCode": "SEK"}
    prices = {
        "pricelist": {"id": 1},
        "productPrices": [
            {
                "product": {"id": product},
                "price": {"value": 100, **sek},
                "overrideIndividualVariantPrices": True,
                "individualVariantPrices": [
                    {"productVariant": {"id": variant}, "price": {"value": 150, **sek}}
                ],
            }
        ],
    }
    assert centra.graphql(SET_PRICES, {"input": prices}).payload("setPrices") == {"userErrors": []}

    [listed] = api.ok("GET", "products", stockItemId=item.product_size_id)["products"]
    graphql = centra.graphql(VARIANT_PRICES, {"v": [variant]}).payload("pricelist")["prices"]
    added = centra_factories.checkout(f"items/{item.item}", "POST").json()["selection"]["items"][0]
    picked = [i for i in centra_factories.sellable_items() if i.item == item.item]

    assert [p["price"] for p in listed["prices"] if p["id"] == "1"] == ["150.00"]
    assert graphql == [{"productVariant": {"id": variant}, "price": {"value": 150.0}}]
    assert added["priceEachAsNumber"] == 150.0
    assert [i.price for i in picked] == [Decimal("150")]


LISTED = """query($w: OrderFilter) { orders(where: $w) { number } }"""
HOLD = """mutation($n: Int!) { updateDirectToConsumerOrder(order: {number: $n},
  input: {isOnHold: true}) { userErrors { message } } }"""


def test_both_order_lists_read_one_filter_held_orders_and_placement_windows(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=4)
    placed = []
    for day in ("01", "02", "03"):
        clock = {"freeze": f"2031-03-{day}T10:00:00+00:00"}  # 11:00 in the store's zone
        assert centra.post("/_mock/clock", json=clock).status_code == 200
        placed.append(api.create_order([(item, 1)]))
    a, b, c = placed
    assert centra.graphql(HOLD, {"n": b}).payload("updateDirectToConsumerOrder") == {
        "userErrors": []
    }

    def rest(**params: Any) -> list[int]:
        return [int(o["orderId"]) for o in api.ok("GET", "orders", **params)["orders"]]

    def graphql(where: dict[str, Any] | None = None) -> list[int]:
        return [o["number"] for o in centra.graphql(LISTED, {"w": where}).payload("orders")]

    day_two = {"from": "2031-03-02T10:00:00Z", "to": "2031-03-03T10:00:00Z"}
    # the Order API lists held orders with the rest; the Integration API only when asked
    assert rest() == [a, b, c]
    assert graphql() == [a, c]
    assert graphql({"isOnHold": True}) == [b]
    # a window: the Order API's older_than leaves its moment out, the Integration API's to not
    assert rest(newer_than="2031-03-02 11:00:00", older_than="2031-03-03 11:00:00") == [b]
    assert graphql({"orderDate": day_two, "isOnHold": True}) == [b]
    assert graphql({"orderDate": day_two}) == [c]
    assert rest(newer_than="2031-03-02 11:00:00", older_than="2031-03-03 11:00:01") == [b, c]
