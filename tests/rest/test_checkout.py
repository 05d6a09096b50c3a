"""Checkout API: a storefront selection becomes a paid order with allocated stock."""

from decimal import Decimal

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import JON, Factories
from tests.support import order_of, stock_of


def test_adding_an_item_creates_a_session_with_a_token(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item()

    response = centra_factories.checkout(f"items/{item.item}", json={"quantity": 2})

    assert response.status_code == 200
    body = response.json()
    assert len(body["token"]) == 40
    [line] = body["selection"]["items"]
    assert line["item"] == item.item
    assert line["quantity"] == 2
    assert line["priceEachAsNumber"] == float(item.price)
    assert line["totalPriceAsNumber"] == float(item.price * 2)
    assert body["selection"]["currency"] == "SEK"
    assert body["location"]["country"] == "SE"
    shipping = body["selection"]["totals"]["shippingPriceAsNumber"]
    assert (
        body["selection"]["totals"]["grandTotalPriceAsNumber"] == float(item.price * 2) + shipping
    )


def test_unknown_item_is_404_and_no_line_is_added(
    centra: CentraClient, centra_factories: Factories
) -> None:
    token = centra_factories.checkout("selection", method="GET").json()["token"]

    response = centra_factories.checkout("items/999999-1", "POST", token=token)

    assert response.status_code == 404
    assert response.json() == {"token": token, "errors": {"item": "product item not found"}}
    again = centra_factories.checkout("selection", method="GET", token=token).json()
    assert again["selection"]["items"] == []


def test_wrong_server_secret_is_401(centra: CentraClient) -> None:
    response = centra.get("/api/checkout/selection", headers={"Authorization": "Bearer nope"})

    assert response.status_code == 401
    assert response.json()["errors"] == {"authorization": "invalid secret"}


def test_payment_places_a_pending_order_and_allocates_stock(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item(min_free=3)
    physical, allocated, free = stock_of(centra, item.product_size_id)

    placed = centra_factories.place_order([(item, 2)])

    assert placed.receipt["status"] == "untouched"
    assert placed.receipt["statusDescription"] == "Pending"
    assert placed.receipt["items"][0]["quantity"] == 2
    order = order_of(centra, placed.number)
    assert order["status"] == "PENDING"
    assert order["id"] == placed.id and len(placed.id) == 32
    total = Decimal(str(order["grandTotal"]["value"]))
    assert order["paymentHistory"] == [
        {"entryType": "AUTHORIZATION", "status": "SUCCESS", "value": {"value": float(total)}}
    ]
    assert stock_of(centra, item.product_size_id) == (physical, allocated + 2, free - 2)


def test_payment_finds_or_creates_the_customer_by_email(
    centra: CentraClient, centra_factories: Factories
) -> None:
    first = centra_factories.place_order()
    second = centra_factories.place_order()

    query = "query($n:[Int!]){orders(where:{number:$n}){ ... on DirectToConsumerOrder { customer { id email } } }}"
    a = centra.graphql(query, {"n": [first.number]}).payload("orders")[0]["customer"]
    b = centra.graphql(query, {"n": [second.number]}).payload("orders")[0]["customer"]
    assert a == b
    assert a["email"] == "jon.snow@example.com"


def test_out_of_stock_at_payment_is_410_and_removes_the_items(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item()
    token = centra_factories.checkout(
        f"items/{item.item}", json={"quantity": item.free + 3}
    ).json()["token"]
    before = stock_of(centra, item.product_size_id)

    response = centra_factories.checkout("payment", token=token, json={"address": JON})

    assert response.status_code == 410
    body = response.json()
    [missing] = body["unavailable"]
    assert missing["product"].isdigit()
    assert {k: v for k, v in missing.items() if k != "product"} == {
        "item": item.item,
        "originalQuantity": item.free + 3,
        "unavailable": 3,
        "available": item.free,
    }
    assert body["selection"]["items"][0]["quantity"] == item.free
    assert stock_of(centra, item.product_size_id) == before


def test_missing_address_fields_are_reported_and_nothing_is_placed(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item()
    token = centra_factories.checkout(f"items/{item.item}", "POST").json()["token"]

    response = centra_factories.checkout(
        "payment", token=token, json={"address": {"email": "a@b.se"}}
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "address.firstName": "required",
        "address.lastName": "required",
        "address.address1": "required",
        "address.city": "required",
        "address.zipCode": "required",
    }
    assert centra_factories.checkout("receipt", method="GET", token=token).status_code == 404


def test_declined_authorization_places_no_order(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item()
    token = centra_factories.checkout(f"items/{item.item}", "POST").json()["token"]
    before = stock_of(centra, item.product_size_id)

    response = centra_factories.checkout(
        "payment",
        token=token,
        json={"address": JON, "paymentMethodSpecificFields": {"authorization": "decline"}},
    )

    assert response.status_code == 402
    assert response.json()["errors"] == {"selection": "The payment was declined."}
    assert stock_of(centra, item.product_size_id) == before
    assert centra.graphql("{ orders { number } }").payload("orders") == []


def test_redirect_payment_places_the_order_on_payment_result(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item()
    token = centra_factories.checkout(f"items/{item.item}", "POST").json()["token"]

    started = centra_factories.checkout(
        "payment",
        token=token,
        json={
            "address": JON,
            "paymentMethod": "dummy-redirect",
            "paymentReturnPage": "https://shop/ok",
        },
    ).json()
    assert started["action"] == "redirect"
    assert started["url"].startswith("https://shop/ok?centraPaymentReference=")
    assert centra.graphql("{ orders { number } }").payload("orders") == []

    result = centra_factories.checkout(
        "payment-result", token=token, json={"paymentMethodFields": {}}
    )

    assert result.status_code == 200
    assert result.json()["statusDescription"] == "Pending"
    assert len(centra.graphql("{ orders { number } }").payload("orders")) == 1


def test_a_waiting_redirect_payment_keeps_its_test_outcome_apart_from_the_address(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item()
    token = centra_factories.checkout(f"items/{item.item}", "POST").json()["token"]
    started = centra_factories.checkout(
        "payment",
        token=token,
        json={
            "address": JON,
            "paymentMethod": "dummy-redirect",
            "paymentMethodSpecificFields": {"authorization": "decline"},
        },
    )
    assert started.json()["action"] == "redirect"

    waiting = centra_factories.checkout("selection", "GET", token=token).json()
    result = centra_factories.checkout(
        "payment-result", token=token, json={"paymentMethodFields": {}}
    )

    assert waiting["selection"]["address"] == JON
    assert result.status_code == 402
    assert result.json()["errors"] == {"selection": "The payment was declined."}
    assert centra.graphql("{ orders { number } }").payload("orders") == []


def test_an_unknown_payment_test_outcome_key_is_refused(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item()
    token = centra_factories.checkout(f"items/{item.item}", "POST").json()["token"]

    refused = centra_factories.checkout(
        "payment",
        token=token,
        json={
            "address": JON,
            "paymentMethod": "dummy-redirect",
            "paymentMethodSpecificFields": {"_confirmed": True},
        },
    )

    assert refused.status_code == 400
    assert refused.json()["errors"] == {
        "paymentMethodSpecificFields": "Unknown payment test outcome keys: _confirmed."
    }
    assert centra.graphql("{ orders { number } }").payload("orders") == []


def test_receipt_and_country_change(centra: CentraClient, centra_factories: Factories) -> None:
    item = centra_factories.sellable_item()
    token = centra_factories.checkout(f"items/{item.item}", "POST").json()["token"]

    moved = centra_factories.checkout("countries/DE", method="PUT", token=token).json()

    assert moved["location"]["country"] == "DE"
    assert moved["selection"]["currency"] == "EUR"


def test_newsletter_subscription(centra: CentraClient, centra_factories: Factories) -> None:
    response = centra_factories.checkout(
        "newsletter-subscription", json={"email": "fan@example.com", "country": "SE"}
    )

    assert response.status_code == 200
    assert response.json()["subscribed"] is True
    bad = centra_factories.checkout("newsletter-subscription", json={"email": "nope"})
    assert bad.status_code == 400


def test_wrong_types_in_the_body_are_400_naming_the_field_and_nothing_changes(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item()
    token = centra_factories.checkout(f"items/{item.item}", "POST").json()["token"]
    before = centra_factories.checkout("selection", "GET", token=token).json()

    shipping = centra_factories.checkout(
        "selection", "PUT", token=token, json={"country": "DE", "shippingAddress": [1, 2]}
    )
    paid = centra_factories.checkout(
        "payment", token=token, json={"address": "Jon Snow", "paymentMethod": "dummy"}
    )
    step = centra_factories.checkout(
        f"lines/{before['selection']['items'][0]['line']}/quantity/two", "POST", token=token
    )

    assert (shipping.status_code, shipping.json()["errors"]) == (
        400,
        {"shippingAddress": "must be an object"},
    )
    assert (paid.status_code, paid.json()["errors"]) == (400, {"address": "must be an object"})
    assert (step.status_code, step.json()["errors"]) == (
        400,
        {"quantity": "must be a whole number"},
    )
    assert centra_factories.checkout("selection", "GET", token=token).json() == before
    assert centra.graphql("{ orders { number } }").payload("orders") == []


def test_unknown_paths_and_methods_are_a_json_404(centra: CentraClient) -> None:
    unknown = centra.checkout("no-such-endpoint", "GET")
    wrong_method = centra.checkout("receipt", "PATCH")

    assert (unknown.status_code, unknown.json()) == (
        404,
        {"token": None, "errors": {"endpoint": "no endpoint GET /api/checkout/no-such-endpoint"}},
    )
    assert wrong_method.status_code == 404
    assert wrong_method.json()["errors"] == {"endpoint": "no endpoint PATCH /api/checkout/receipt"}


DEACTIVATE = """mutation($id:Int!){ updatePricelist(id:$id, input:{status:INACTIVE}) {
  pricelist { id status } userErrors { message path } } }"""


def test_a_country_whose_pricelist_is_inactive_is_not_priced_and_the_selection_stays(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item()
    token = centra_factories.checkout(f"items/{item.item}", "POST").json()["token"]
    before = centra_factories.checkout("selection", "GET", token=token).json()
    eur = centra.graphql(DEACTIVATE, {"id": 2}).payload("updatePricelist")
    assert eur == {"pricelist": {"id": 2, "status": "INACTIVE"}, "userErrors": []}

    moved = centra_factories.checkout("countries/DK", method="PUT", token=token)

    assert moved.status_code == 400
    assert moved.json() == {
        "token": token,
        "errors": {"country": "No active pricelist is assigned to country DK."},
    }
    after = centra_factories.checkout("selection", "GET", token=token).json()
    assert after == before
    assert after["location"]["country"] == "SE"
    assert after["selection"]["currency"] == "SEK"
