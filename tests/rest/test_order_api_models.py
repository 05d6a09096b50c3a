"""The Order API reads every body, query and path parameter into a typed model before any
domain code runs: a request the model refuses is answered in Centra's envelope and changes
nothing, and the document's request parts are the models'."""

from __future__ import annotations

from typing import Any

import pytest

from mockcentra.rest.order_api import ENDPOINTS
from mockcentra.rest.order_openapi import order_api_openapi
from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.rest.order_api_client import OrderApi

DOC = order_api_openapi()
ADDRESS = {"email": "ada@example.com", "firstName": "Ada", "country": "SE"}


@pytest.mark.parametrize(
    ("body", "msg"),
    [
        ({"address": ADDRESS, "products": [7]}, "products[0] must be an object"),
        ({"address": ADDRESS, "products": {"id": 1}}, "products must be an array"),
        ({"address": ADDRESS, "products": [{"id": 1}]}, "qty is required"),
        ({"address": ADDRESS, "products": [{"qty": "two"}]}, "qty must be an integer"),
        ({"address": "Kungsgatan 1", "products": []}, "address must be an object"),
        ({"address": {"city": {"name": "x"}}, "products": []}, "address.city must be text"),
        (
            {"address": ADDRESS, "products": [], "payment": {"auth": {"status": 1}}},
            "payment.auth.amount is required",
        ),
        (
            {"address": ADDRESS, "products": [], "payment": {"capture": []}},
            "payment.capture must be an object",
        ),
        (
            {"address": ADDRESS, "products": [], "adjustStock": "maybe"},
            "adjustStock must be true or false",
        ),
        (
            {"address": ADDRESS, "products": [], "orderDate": "yesterday"},
            "orderDate must be YYYY-mm-dd or YYYY-mm-dd HH:MM:SS",
        ),
        (
            {"address": ADDRESS, "products": [], "createOnly": "later"},
            "createOnly must be true or false",
        ),
    ],
)
def test_a_create_order_body_the_model_refuses_changes_nothing(
    centra: CentraClient, body: dict[str, Any], msg: str
) -> None:
    response = OrderApi(centra).call("POST", "order", body)

    assert (response.status_code, response.json()) == (200, {"status": "no", "msg": msg})
    assert centra.control.diff() == {}


@pytest.mark.parametrize(
    ("method", "path", "body", "params", "expected"),
    [
        ("GET", "orders", None, {"customer_id": "x"}, {"msg": "customer_id must be an integer"}),
        (
            "GET",
            "shipments",
            None,
            {"status": "lost"},
            {"msg": "status must be one of inprogress, goodtogo, completed"},
        ),
        ("GET", "returns", None, {"page": "0"}, {"msg": "page must be 1 or more"}),
        (
            "GET",
            "customers",
            None,
            {"created": "2024-13-01"},
            {"msg": "created must be YYYY-mm-dd or YYYY-mm-dd HH:MM:SS"},
        ),
        ("GET", "stock", None, {"limit": "0"}, {"msg": "limit must be 1 or more"}),
        ("GET", "products", None, {"productId": "1.5"}, {"msg": "productId must be an integer"}),
        ("GET", "customers/abc", None, {}, {"msg": "customerId must be an integer"}),
        ("POST", "order/abc", {}, {}, {"msg": "order must be an integer"}),
        ("PUT", "returns/abc", {}, {}, {"msg": "return must be an integer"}),
        ("PUT", "orders", {"internalComment": "x"}, {}, {"msg": "order is required"}),
        (
            "PUT",
            "orders",
            {"order": True, "internalComment": "x"},
            {},
            {"order": True, "msg": "order must be an integer"},
        ),
        ("PUT", "capture", {"shipment": ""}, {}, {"shipment": "", "msg": "shipment is required"}),
        (
            "POST",
            "shipments",
            {"order": 1, "products": {"one": 1}},
            {},
            {"order": "1", "msg": "lineId must be an integer"},
        ),
        (
            "POST",
            "shipments",
            {"order": 1, "products": {"1": 1}, "capture": "maybe"},
            {},
            {"order": "1", "msg": "capture must be true or false"},
        ),
        (
            "POST",
            "return",
            {"shipment": "1-1", "handlingCost": 5, "handlingCostFromShipment": True},
            {},
            {"msg": "handlingCost and handlingCostFromShipment cannot be used together"},
        ),
        (
            "PUT",
            "voucher/abc/clone",
            {"stopDate": "2040-01-01"},
            {},
            {"voucher": "abc", "msg": {"voucher": "Voucher not found"}},
        ),
        (
            "PUT",
            "voucher/1/clone",
            {"stopDate": "2040-01-01", "code": 12},
            {},
            {"voucher": "1", "msg": {"code": "code must be a string"}},
        ),
    ],
)
def test_queries_paths_and_bodies_the_models_refuse_change_nothing(
    centra: CentraClient,
    method: str,
    path: str,
    body: Any,
    params: dict[str, Any],
    expected: dict[str, Any],
) -> None:
    response = OrderApi(centra).call(method, path, body, **params)

    assert (response.status_code, response.json()) == (200, {"status": "no", **expected})
    assert centra.control.diff() == {}


def test_lenient_values_are_read_as_centra_reads_them(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item()
    number = api.confirmed_order(centra_factories, [(item, 1)])
    line = api.order(number)["products"][0]["lineId"]

    created = api.ok(
        "POST",
        "shipments",
        {"order": str(number), "products": {line: "1"}, "capture": "0", "gtg": "true"},
    )
    listed = api.ok("GET", "shipments", status="goodtogo", order=f" {number} ")

    assert created == {"status": "ok", "order": number, "shipment": f"{number}-1"}
    assert [s["shipmentId"] for s in listed["shipments"]] == [f"{number}-1"]


def test_the_documents_request_parts_are_the_models() -> None:
    for spec in ENDPOINTS:
        operation = DOC["paths"][spec.path][spec.method.lower()]
        documented = [(p["in"], p["name"]) for p in operation.get("parameters", [])]
        read = [("path", f.alias or n) for n, f in spec.params.model_fields.items()] + [
            ("query", f.alias or n)
            for n, f in spec.query.model_fields.items()
            if n != "stockItemID"  # read, not documented: another spelling of stockItemId
        ]
        body = operation.get("requestBody", {}).get("content", {}).get("application/json")

        assert documented == read, spec.path
        assert body == (
            {"schema": {"$ref": f"#/components/schemas/{spec.body.__name__}"}}
            if spec.body.model_fields
            else None
        ), spec.path
    create = DOC["components"]["schemas"]["CreateShipmentRequest"]
    assert create["required"] == ["order", "products"]
    assert create["properties"]["capture"] == {
        "default": True,
        "description": "Default true; no shipment is created when the capture fails.",
        "type": "boolean",
    }
