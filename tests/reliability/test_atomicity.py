"""Every refused mutation leaves the database exactly as it was: no rows, no events, no webhook
deliveries, no half-written orders. The whole database is compared table by table."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import JON, Factories

TABLE = re.compile(r'^(?:INSERT INTO|CREATE TABLE|CREATE (?:UNIQUE )?INDEX \S+ ON) "?(\w+)')
ORDER_API = {"API-Authorization": "dev-order-api-secret"}


def database_dump(centra: CentraClient) -> dict[str, str]:
    """A hash of every table's full SQL dump, so a failure names the tables that changed."""
    tables: dict[str, hashlib._Hash] = {}
    with centra.runtime.db.raw() as conn:
        for line in conn.iterdump():
            named = TABLE.match(line)
            table = named.group(1) if named else "-"
            tables.setdefault(table, hashlib.sha256()).update(line.encode())
    return {name: h.hexdigest() for name, h in tables.items()}


@dataclass
class World:
    """What the refused operations act on: a paid order, and a shipped and captured one."""

    pending: int
    shipped: int
    shipment_id: int
    shipment_number: str
    line_id: int
    item: str
    checkout_token: str


@pytest.fixture
def world(centra: CentraClient, centra_factories: Factories) -> World:
    subscribed = centra.post(
        "/_mock/webhooks/subscriptions",
        json={
            "url": "http://127.0.0.1:9/hooks",
            "events": ["order", "shipment", "customer", "account", "return"],
        },
    )
    assert subscribed.status_code == 201, subscribed.text
    made = centra.post("/_mock/tokens", json={"token": "no-permissions", "permissions": []})
    assert made.status_code == 201, made.text
    pending = centra_factories.place_order()
    shipped = centra_factories.place_order()
    shipment = centra_factories.ship(shipped.number)
    return World(
        pending=pending.number,
        shipped=shipped.number,
        shipment_id=shipment["id"],
        shipment_number=shipment["number"],
        line_id=centra_factories.order_lines(pending.number)[0]["id"],
        item=centra_factories.sellable_item().item,
        checkout_token=_checkout_session(centra, centra_factories.sellable_item().item),
    )


def _graphql(query: str, variables: dict[str, Any] | None = None, token: str | None = None):
    def act(centra: CentraClient, w: World) -> tuple[int, Any]:
        headers = {"Authorization": f"Bearer {token or 'dev-integration-token'}"}
        r = centra.post(
            "/graphql",
            json={"query": query, "variables": variables(w) if callable(variables) else variables},
            headers=headers,
        )
        return r.status_code, r.json()

    return act


def _rest(method: str, path: str | Callable[[World], str], body: Any = None, **headers: str):
    def act(centra: CentraClient, w: World) -> tuple[int, Any]:
        url = path(w) if callable(path) else path
        payload = body(w) if callable(body) else body
        r = centra.request(method, url, json=payload, headers=headers or None)
        return r.status_code, r.json()

    return act


def _user_errors(name: str) -> Callable[[int, Any], bool]:
    return lambda status, body: status == 200 and bool(body["data"][name]["userErrors"])


def _graphql_errors(status: int, body: Any) -> bool:
    return status in (200, 400) and bool(body.get("errors"))


def _order_refusal(status: int, body: Any) -> bool:
    return status == 200 and body.get("status") == "no"


def _checkout_refusal(status: int, body: Any) -> bool:
    return 400 <= status < 500 and bool(body.get("errors"))


def _fault(status: int, body: Any) -> bool:
    return status == 503 and body == {"error": "injected fault"}


CASES: dict[str, tuple[Callable[..., tuple[int, Any]], Callable[[int, Any], bool]]] = {
    "graphql: capture an already captured shipment": (
        _graphql(
            "mutation($id:Int!){captureShipment(id:$id){userErrors{message}}}",
            lambda w: {"id": w.shipment_id},
        ),
        _user_errors("captureShipment"),
    ),
    "graphql: ship more than was ordered": (
        _graphql(
            """mutation($n:Int!,$line:Int!){createShipment(input:{order:{number:$n},
              lines:[{orderLine:{id:$line}, quantity: 99}], isGoodToGo:true, capture:true}){
              userErrors{message}}}""",
            lambda w: {"n": w.pending, "line": w.line_id},
        ),
        _user_errors("createShipment"),
    ),
    "graphql: cancel a shipped order": (
        _graphql(
            "mutation($n:Int!){cancelOrder(order:{number:$n}){userErrors{message}}}",
            lambda w: {"n": w.shipped},
        ),
        _user_errors("cancelOrder"),
    ),
    "graphql: set stock in an unknown warehouse": (
        _graphql(
            """mutation{setStock(input:{warehouse:{id:999999}, description:"x",
              stockQuantityType:PHYSICAL, productVariants:[]}){userErrors{message}}}"""
        ),
        _user_errors("setStock"),
    ),
    "graphql: mutation without its permission": (
        _graphql(
            "mutation($n:Int!){confirmOrder(input:{order:{number:$n}}){userErrors{message}}}",
            lambda w: {"n": w.pending},
            token="no-permissions",
        ),
        _graphql_errors,
    ),
    "graphql: invalid mutation document": (
        _graphql('mutation{ confirmOrder(input:{order:{number:"x"}}){ userErrors{message} } }'),
        _graphql_errors,
    ),
    "checkout: pay without an address": (
        lambda c, w: _checkout_paid(c, w, {"address": {"country": "SE"}}),
        _checkout_refusal,
    ),
    "checkout: add an unknown item": (
        _rest("POST", "/api/checkout/items/999999-999999", {"quantity": 1}),
        _checkout_refusal,
    ),
    "checkout: apply an unknown voucher": (
        lambda c, w: _checkout_voucher(c, w, "NO-SUCH-CODE"),
        _checkout_refusal,
    ),
    "checkout: payment declined by the PSP fault": (
        lambda c, w: _checkout_declined(c, w),
        lambda status, body: status == 402,
    ),
    "order api: capture a captured shipment": (
        _rest("PUT", "/api/order/capture", lambda w: {"shipment": w.shipment_number}, **ORDER_API),
        _order_refusal,
    ),
    "order api: ship more than was ordered": (
        _rest(
            "POST",
            "/api/order/shipments",
            lambda w: {"order": w.pending, "products": {str(w.line_id): 99}, "capture": True},
            **ORDER_API,
        ),
        _order_refusal,
    ),
    "order api: update an unknown return": (
        _rest("PUT", "/api/order/returns/999999", {"completed": True}, **ORDER_API),
        _order_refusal,
    ),
    "order api: create an order with a bad line": (
        _rest(
            "POST",
            "/api/order/order",
            {"currency": "SEK", "products": [{"id": 999999, "qty": 1}], "address": JON},
            **ORDER_API,
        ),
        _order_refusal,
    ),
    "order api: wrong secret": (
        _rest(
            "PUT",
            "/api/order/orders",
            lambda w: {"order": w.pending, "status": "CONFIRMED"},
            **{"API-Authorization": "wrong"},
        ),
        lambda status, body: status == 401,
    ),
    "fault: createShipment answered 503 by an injected fault": (
        lambda c, w: _faulted_shipment(c, w),
        _fault,
    ),
}


def _checkout_session(centra: CentraClient, item: str) -> str:
    r = centra.post(f"/api/checkout/items/{item}", json={"quantity": 1})
    assert r.status_code == 200, r.text
    return r.json()["token"]


def _checkout_paid(centra: CentraClient, w: World, body: dict[str, Any]) -> tuple[int, Any]:
    token = w.checkout_token
    r = centra.post("/api/checkout/payment", headers={"API-Token": token}, json=body)
    return r.status_code, r.json()


def _checkout_voucher(centra: CentraClient, w: World, code: str) -> tuple[int, Any]:
    token = w.checkout_token
    r = centra.post("/api/checkout/vouchers", headers={"API-Token": token}, json={"voucher": code})
    return r.status_code, r.json()


def _checkout_declined(centra: CentraClient, w: World) -> tuple[int, Any]:
    centra.control.domain_fault("psp.authorization", "decline")
    return _checkout_paid(centra, w, {"address": JON})


def _faulted_shipment(centra: CentraClient, w: World) -> tuple[int, Any]:
    centra.control.fault("/graphql", method="POST", operationName="createShipment", status=503)
    r = centra.post(
        "/graphql",
        json={
            "query": """mutation createShipment($n:Int!,$line:Int!){createShipment(input:{
              order:{number:$n}, lines:[{orderLine:{id:$line}, quantity:1}], isGoodToGo:true}){
              userErrors{message}}}""",
            "variables": {"n": w.pending, "line": w.line_id},
            "operationName": "createShipment",
        },
    )
    return r.status_code, r.json()


@pytest.mark.parametrize("case", list(CASES))
def test_a_refused_operation_changes_nothing(centra: CentraClient, world: World, case: str) -> None:
    act, refused = CASES[case]
    before = database_dump(centra)

    status, body = act(centra, world)

    assert refused(status, body), (status, body)
    assert database_dump(centra) == before


def test_the_dump_sees_an_accepted_mutation(centra: CentraClient, world: World) -> None:
    before = database_dump(centra)

    centra.graphql(
        "mutation($n:Int!){confirmOrder(input:{order:{number:$n}}){userErrors{message}}}",
        {"n": world.pending},
    ).ok("confirmOrder")

    after = database_dump(centra)
    changed = sorted(name for name in before if before[name] != after.get(name))
    assert changed == ["event", "orders", "webhook_outbox"]
