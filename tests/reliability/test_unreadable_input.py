"""Input no API can take is a 4xx in the shape of the API it was sent to, before anything runs,
and changes nothing: integers past SQLite's 64 bits, lone UTF-16 surrogates, JSON nested past
any sense, times and amounts out of range, wrong JSON types on the control plane, an
`operationName` that names no operation. What no surface expected is a logged 500 in the
surface's shape, and the connection it came on stays usable."""

from __future__ import annotations

import http.client
import json
import logging
from urllib.parse import urlsplit

import pytest

from mockcentra.testing import CentraClient

BIG = 2**64  # one past what any SQLite integer holds
JSON = {"Content-Type": "application/json"}
DEEP = '{"a": ' + "[" * 5000 + "]" * 5000 + "}"
OUT_OF_64_BITS = "is out of range: integers must fit in 64 bits"
SURROGATE = "contains a lone UTF-16 surrogate, which is not text"
TOO_DEEP = "the body is nested deeper than 64 levels"
ADDRESS = {
    "email": "ada@example.com",
    "firstName": "Ada",
    "lastName": "Lovelace",
    "address": "Kungsgatan 1",
    "zipcode": "11143",
    "city": "Stockholm",
    "country": "SE",
}


def _nothing_changed(centra: CentraClient) -> None:
    assert centra.control.diff() == {}


def _session(centra: CentraClient) -> str:
    """A checkout session with one item in it."""
    item = centra.sellable_items(1, "SE")[0]
    answer = centra.checkout(f"items/{item.display_id}-{item.product_size_id}", json={})
    assert answer.status_code == 201 or answer.status_code == 200, answer.text
    return answer.json()["token"]


def _item(centra: CentraClient) -> str:
    item = centra.sellable_items(1, "SE")[0]
    return f"{item.display_id}-{item.product_size_id}"


# ---------------------------------------------------------------- integers past 64 bits


def test_integers_past_64_bits_are_refused_by_every_surface(centra: CentraClient) -> None:
    item = _item(centra)

    ids = centra.checkout(f"items/{BIG}-{BIG}", json={})
    quantity = centra.checkout(f"items/{item}", json={"quantity": BIG})
    quantity_text = centra.checkout(f"items/{item}", json={"quantity": str(BIG)})
    price = centra.order_api(
        "/order", json={"address": ADDRESS, "products": [{"id": 3, "qty": 1, "unitPrice": BIG}]}
    )
    subscription = centra.get(f"/_mock/webhooks/subscriptions/{BIG}")
    removed = centra.delete(f"/_mock/webhooks/subscriptions/{BIG}")
    replay = centra.post(f"/_mock/webhooks/deliveries/{BIG}/replay")
    deliveries = centra.get(f"/_mock/webhooks/deliveries?subscription={BIG}")
    events = centra.get(f"/_mock/events?after={BIG}")
    variables = centra.post(
        "/graphql",
        json={"query": "query($l: Int) { orders(limit: $l) { number } }", "variables": {"l": BIG}},
        headers={"Authorization": "Bearer dev-integration-token"},
    )

    assert (ids.status_code, ids.json()) == (
        404,
        {"token": None, "errors": {"item": "product item not found"}},
    )
    assert (quantity.status_code, quantity.json()) == (
        400,
        {"token": None, "errors": {"quantity": f"quantity {OUT_OF_64_BITS}"}},
    )
    assert (quantity_text.status_code, quantity_text.json()["errors"]) == (
        400,
        {"quantity": "must be a whole number"},
    )
    assert price.json() == {"status": "no", "msg": f"products[0].unitPrice {OUT_OF_64_BITS}"}
    for missing in (subscription, removed):
        assert (missing.status_code, missing.json()) == (
            404,
            {"error": f"Could not find webhook subscription with ID {BIG}."},
        )
    assert (replay.status_code, replay.json()) == (
        404,
        {"error": f"Could not find webhook delivery with ID {BIG}."},
    )
    assert (deliveries.status_code, deliveries.json()) == (
        400,
        {
            "error": "'subscription': Input should be less than or equal to 9223372036854775807.",
            "path": ["subscription"],
        },
    )
    assert (events.status_code, events.json()["path"]) == (400, ["after"])
    assert variables.status_code == 400
    assert variables.json()["errors"] == [
        {
            "message": f"Request body is unreadable: variables.l {OUT_OF_64_BITS}.",
            "extensions": {"category": "request"},
        }
    ]
    _nothing_changed(centra)


def test_list_pages_past_64_bits_are_refused(centra: CentraClient) -> None:
    stock = centra.order_api(f"/stock?limit={2**62}&page={2**62}")
    returns = centra.order_api(f"/returns?limit={2**62}&page={2**62}")

    assert stock.json() == {"status": "no", "msg": "page is out of range"}
    assert returns.json() == {"status": "no", "msg": "page is out of range"}


# ---------------------------------------------------------------- lone surrogates


def test_lone_surrogates_are_refused_by_every_surface(centra: CentraClient) -> None:
    token = _session(centra)
    before = centra.checkout("selection", token=token).json()
    centra.control.snapshot("session")

    voucher = centra.checkout(
        "vouchers", "POST", token=token, content=b'{"voucher": "\\ud800"}', headers=JSON
    )
    address = centra.checkout(
        "selection",
        "PUT",
        token=token,
        content=b'{"address": {"firstName": "\\ud800", "country": "SE"}}',
        headers=JSON,
    )
    order = centra.order_api(
        "/order",
        "POST",
        content=b'{"address": {"firstName": "\\udc00", "country": "SE"}, "products": []}',
        headers=JSON,
    )
    brand = centra.post(
        "/graphql",
        content=b'{"query": "mutation($n: String!) { createBrand(input: {name: $n}) '
        b'{ brand { id } } }", "variables": {"n": "\\ud800"}}',
        headers={**JSON, "Authorization": "Bearer dev-integration-token"},
    )
    snapshot = centra.post("/_mock/snapshots", content=b'{"name": "\\ud800"}', headers=JSON)

    assert (voucher.status_code, voucher.json()) == (
        400,
        {"token": token, "errors": {"voucher": f"voucher {SURROGATE}"}},
    )
    assert (address.status_code, address.json()) == (
        400,
        {"token": token, "errors": {"address.firstName": f"address.firstName {SURROGATE}"}},
    )
    assert order.json() == {"status": "no", "msg": f"address.firstName {SURROGATE}"}
    assert brand.status_code == 400
    assert brand.json()["errors"] == [
        {
            "message": f"Request body is unreadable: variables.n {SURROGATE}.",
            "extensions": {"category": "request"},
        }
    ]
    assert (snapshot.status_code, snapshot.json()) == (
        400,
        {"error": f"Name {SURROGATE}.", "path": ["name"]},
    )
    assert centra.checkout("selection", token=token).json() == before
    assert centra.control.diff("session") == {}
    assert "\ud800" not in centra.get("/_mock/snapshots").text
    centra.control.delete_snapshot("session")


# ---------------------------------------------------------------- deep JSON


@pytest.mark.parametrize(
    ("path", "headers", "expected"),
    [
        (
            "/graphql",
            {"Authorization": "Bearer dev-integration-token"},
            (
                400,
                {
                    "errors": [
                        {
                            "message": f"Request body is unreadable: {TOO_DEEP}.",
                            "extensions": {"category": "request"},
                        }
                    ],
                    "extensions": {"appVersion": "mockcentra-0.1.0"},
                },
            ),
        ),
        ("/api/checkout/payment", {}, (400, {"token": None, "errors": {"body": TOO_DEEP}})),
        (
            "/api/order/order",
            {"API-Authorization": "dev-order-api-secret"},
            (200, {"status": "no", "msg": TOO_DEEP}),
        ),
        (
            "/_mock/webhooks/subscriptions",
            {},
            (400, {"error": "The body is nested deeper than 64 levels."}),
        ),
    ],
)
def test_json_nested_past_the_recursion_limit_is_refused(
    centra: CentraClient, path: str, headers: dict[str, str], expected: tuple[int, dict]
) -> None:
    answer = centra.post(path, content=DEEP.encode(), headers={**JSON, **headers})

    assert (answer.status_code, answer.json()) == expected
    _nothing_changed(centra)


# ---------------------------------------------------------------- times and amounts


def test_dates_out_of_range_are_refused(centra: CentraClient) -> None:
    message = "dates must be from 1900-01-01 to 9000-01-01"

    orders = centra.order_api("/orders?newer_than=0001-01-01")
    returns = centra.order_api("/returns?older_than=9999-12-31")
    placed = centra.order_api(
        "/order",
        json={
            "address": ADDRESS,
            "products": [{"id": 3, "qty": 1}],
            "orderDate": "0001-01-01",
            "forceCreate": True,
        },
    )
    graphql = centra.graphql('{ orders(where: {orderDate: {from: "0001-01-01"}}) { number } }')

    assert orders.json() == {"status": "no", "msg": f"newer_than is out of range: {message}"}
    assert returns.json() == {"status": "no", "msg": f"older_than is out of range: {message}"}
    assert placed.json() == {"status": "no", "msg": f"orderDate is out of range: {message}"}
    assert graphql.errors[0]["message"] == (
        "'0001-01-01' is out of range: times must be from 1900-01-01 to 9000-01-01."
    )
    _nothing_changed(centra)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            b'{"advanceSeconds": 3e11}',
            "Invalid clock change: the clock must stay between 1900-01-01 and 9000-01-01 (UTC); "
            "a move of 3e+11 seconds leaves it. Send {'freeze': ISO-8601 | true}, "
            "{'advanceSeconds': n} or {'unfreeze': true}.",
        ),
        (
            b'{"advanceSeconds": 1e300}',
            "Invalid clock change: the clock must stay between 1900-01-01 and 9000-01-01 (UTC); "
            "a move of 1e+300 seconds leaves it. Send {'freeze': ISO-8601 | true}, "
            "{'advanceSeconds': n} or {'unfreeze': true}.",
        ),
        (b'{"advanceSeconds": Infinity}', "Invalid clock change: Infinity is not a JSON number."),
        (
            b'{"freeze": "2030-01-01T00:00:00+00:00", "advanceSeconds": 3e11}',
            "Invalid clock change: the clock must stay between 1900-01-01 and 9000-01-01 (UTC); "
            "a move of 3e+11 seconds leaves it. Send {'freeze': ISO-8601 | true}, "
            "{'advanceSeconds': n} or {'unfreeze': true}.",
        ),
        (
            b'{"freeze": "0001-01-01T00:00:00+00:00"}',
            "Invalid clock change: the clock must stay between 1900-01-01 and 9000-01-01 (UTC); "
            "0001-01-01T00:00:00+00:00 is outside. Send {'freeze': ISO-8601 | true}, "
            "{'advanceSeconds': n} or {'unfreeze': true}.",
        ),
    ],
)
def test_the_clock_refuses_to_leave_its_range_and_stays_where_it_was(
    centra: CentraClient, body: bytes, message: str
) -> None:
    centra.post("/_mock/clock", json={"freeze": "2030-01-01T12:00:00+00:00"})

    refused = centra.post("/_mock/clock", content=body, headers=JSON)
    health = centra.get("/_mock/health")

    assert (refused.status_code, refused.json()) == (400, {"error": message})
    assert health.status_code == 200
    assert health.json()["now"] == "2030-01-01T12:00:00+00:00"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("unitPrice", 1e308, "unitPrice is out of range: amounts must be below 1,000,000,000,000"),
        ("unitPrice", 1e17, "unitPrice is out of range: amounts must be below 1,000,000,000,000"),
        (
            "shippingValue",
            1e17,
            "shippingValue is out of range: amounts must be below 1,000,000,000,000",
        ),
    ],
)
def test_amounts_no_price_can_have_are_refused(
    centra: CentraClient, field: str, value: float, message: str
) -> None:
    line = {"id": 3, "qty": 1, "unitPrice": 100}
    body = {"address": ADDRESS, "products": [line], "shippingValue": 0, "forceCreate": True}
    if field == "unitPrice":
        line["unitPrice"] = value
    else:
        body[field] = value

    answer = centra.order_api("/order", json=body)

    assert answer.json() == {"status": "no", "msg": message}
    _nothing_changed(centra)


def test_a_total_too_large_to_store_refuses_the_action(centra: CentraClient) -> None:
    """Each line's price is fine, but their number of units makes a total no amount can be."""
    item = _item(centra)

    answer = centra.checkout(f"items/{item}", json={"quantity": 2**62})

    assert answer.status_code == 400
    assert list(answer.json()["errors"]) == ["amount"]
    assert answer.json()["errors"]["amount"].endswith(
        "is out of range: amounts must be below 10,000,000,000,000,000"
    )
    _nothing_changed(centra)


# ---------------------------------------------------------------- control-plane types


@pytest.mark.parametrize(
    ("path", "body", "expected"),
    [
        (
            "/_mock/tokens",
            {"token": "erp", "permissions": [], "storeId": "abc"},
            {"error": "'storeId': Input should be a valid integer.", "path": ["storeId"]},
        ),
        (
            "/_mock/tokens",
            {"token": "erp", "permissions": [], "storeId": {"id": 1}},
            {"error": "'storeId': Input should be a valid integer.", "path": ["storeId"]},
        ),
        (
            "/_mock/tokens",
            {"token": "erp", "permissions": [], "storeId": 99},
            {"error": "There is no store with ID 99."},
        ),
        (
            "/_mock/rate-limits",
            {"quotas": [{"REQUEST_COUNT": 3}]},
            {
                "error": "Invalid rate limits: 'quotas': Input should be a valid dictionary.",
                "path": ["quotas"],
            },
        ),
        (
            "/_mock/snapshots",
            {"name": {"a": 1}},
            {"error": "'name': Input should be a valid string.", "path": ["name"]},
        ),
    ],
)
def test_wrong_json_types_on_the_control_plane_are_named(
    centra: CentraClient, path: str, body: dict, expected: dict
) -> None:
    limits = centra.get("/_mock/rate-limits").json()
    snapshots = centra.get("/_mock/snapshots").json()

    answer = centra.post(path, json=body)

    assert (answer.status_code, answer.json()) == (400, expected)
    assert centra.graphql("{ __typename }", token="erp").status_code == 401
    assert centra.get("/_mock/rate-limits").json() == limits
    assert centra.get("/_mock/snapshots").json() == snapshots


# ---------------------------------------------------------------- operationName


@pytest.mark.parametrize(
    ("document", "name", "message"),
    [
        ("query A { __typename }", "B", "Unknown operation named 'B'."),
        (
            "query A { __typename } query B { __typename }",
            None,
            "Must provide operation name if query contains multiple operations.",
        ),
        ("fragment F on Order { id }", None, "Must provide an operation."),
    ],
)
def test_an_operation_name_that_names_no_operation_is_a_graphql_error(
    centra: CentraClient, document: str, name: str | None, message: str
) -> None:
    answer = centra.post(
        "/graphql",
        json={"query": document, "operationName": name},
        headers={"Authorization": "Bearer dev-integration-token"},
    )

    assert answer.status_code == 400
    assert answer.json() == {
        "errors": [{"message": message}],
        "extensions": {"appVersion": "mockcentra-0.1.0"},
    }


def test_an_operation_name_that_is_no_text_is_a_request_error(centra: CentraClient) -> None:
    answer = centra.post(
        "/graphql",
        json={"query": "query A { __typename }", "operationName": 5},
        headers={"Authorization": "Bearer dev-integration-token"},
    )

    assert answer.status_code == 400
    assert answer.json()["errors"] == [
        {"message": "'operationName' must be a string.", "extensions": {"category": "request"}}
    ]


# ---------------------------------------------------------------- what no surface expected


def test_client_errors_are_not_logged(
    centra: CentraClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        centra.post("/graphql", content=DEEP.encode(), headers=JSON)
        centra.post(
            "/graphql",
            json={"query": "query A { __typename }", "operationName": "B"},
            headers={"Authorization": "Bearer dev-integration-token"},
        )
        centra.graphql("query($l: Int) { orders(limit: $l) { number } }", {"l": "ten"})
        centra.order_api("/orders?newer_than=0001-01-01")
        centra.post("/_mock/rate-limits", json={"quotas": []})

    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []


@pytest.mark.parametrize(
    ("method", "path", "patched", "expected"),
    [
        (
            "GET",
            "/api/order/orders",
            "mockcentra.rest.order_api.queries.find_orders",
            {
                "status": "no",
                "msg": "Internal error: the server failed to answer this request (see its log).",
            },
        ),
        (
            "GET",
            "/api/checkout/selection",
            "mockcentra.rest.checkout_api.session_body",
            {
                "token": None,
                "errors": {
                    "internal": "Internal error: the server failed to answer this request "
                    "(see its log)."
                },
            },
        ),
        (
            "GET",
            "/_mock/rate-limits",
            "mockcentra.state.ratelimits.RateLimits.describe",
            {"error": "Internal error: the server failed to answer this request (see its log)."},
        ),
    ],
)
def test_an_unexpected_failure_is_a_logged_500_and_the_connection_stays_usable(
    centra_server,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    method: str,
    path: str,
    patched: str,
    expected: dict,
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(patched, broken)
    url = urlsplit(centra_server.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    headers = {"API-Authorization": "dev-order-api-secret"}

    with caplog.at_level(logging.ERROR):
        connection.request(method, path, headers=headers)
        failed = connection.getresponse()
        failed_body = failed.read()
    connection.request("GET", "/_mock/health")  # the same connection
    after = connection.getresponse()
    after.read()
    connection.close()

    assert (failed.status, failed.getheader("content-type")) == (500, "application/json")
    assert json.loads(failed_body) == expected
    assert after.status == 200
    assert [r.getMessage() for r in caplog.records if r.name == "mockcentra.server"] == [
        f"{method} {path} failed"
    ]
