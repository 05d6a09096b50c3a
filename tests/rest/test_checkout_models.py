"""The Checkout API reads every body and path parameter into a typed model: a request the
model refuses is a 400 in the Checkout API's envelope naming the field, and changes nothing;
the document's request parts are the models'."""

from __future__ import annotations

from typing import Any

import pytest

from mockcentra.rest.checkout_api import ENDPOINTS
from mockcentra.rest.checkout_openapi import checkout_api_openapi
from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories

DOC = checkout_api_openapi()


@pytest.mark.parametrize(
    ("path", "method", "body", "errors"),
    [
        ("selection", "PUT", {"country": ["SE"]}, {"country": "must be a string"}),
        ("selection", "PUT", {"address": "Jon Snow"}, {"address": "must be an object"}),
        ("vouchers", "POST", {"voucher": {"code": "X"}}, {"voucher": "must be a string"}),
        ("vouchers", "DELETE", {"voucher": 1.5}, {"voucher": "must be a string"}),
        (
            "payment",
            "POST",
            {"address": {}, "paymentMethod": True},
            {"paymentMethod": "must be a string"},
        ),
        (
            "payment",
            "POST",
            {"address": {}, "paymentMethodSpecificFields": "approve"},
            {"paymentMethodSpecificFields": "must be an object"},
        ),
        (
            "payment-result",
            "POST",
            {"paymentMethodFields": [1]},
            {"paymentMethodFields": "must be an object"},
        ),
        ("newsletter-subscription", "POST", {"email": False}, {"email": "must be a string"}),
        (
            "items/1-1",
            "POST",
            {"quantity": "18446744073709551616"},
            {"quantity": "must be a whole number"},
        ),
    ],
)
def test_a_body_the_model_refuses_is_a_400_naming_the_field_and_changes_nothing(
    centra: CentraClient,
    centra_factories: Factories,
    path: str,
    method: str,
    body: dict[str, Any],
    errors: dict[str, str],
) -> None:
    item = centra_factories.sellable_item()
    token = centra_factories.checkout(f"items/{item.item}", "POST").json()["token"]
    before = centra_factories.checkout("selection", "GET", token=token).json()
    centra.control.snapshot("session")

    response = centra_factories.checkout(path, method, token=token, json=body)

    assert (response.status_code, response.json()) == (400, {"token": token, "errors": errors})
    assert centra_factories.checkout("selection", "GET", token=token).json() == before
    assert centra.control.diff("session") == {}


def test_a_session_that_does_not_exist_is_a_404_whatever_the_body_holds(
    centra: CentraClient, centra_factories: Factories
) -> None:
    response = centra_factories.checkout("vouchers", "POST", token="nope", json={"voucher": []})

    assert (response.status_code, response.json()) == (
        404,
        {"token": "nope", "errors": {"token": "selection not found"}},
    )
    assert centra.control.diff() == {}


def test_the_documents_request_parts_are_the_models() -> None:
    for spec in ENDPOINTS:
        operation = DOC["paths"][spec.path][spec.method.lower()]
        documented = [(p["in"], p["name"]) for p in operation["parameters"]]
        body = operation.get("requestBody", {}).get("content", {}).get("application/json")

        assert documented == [("path", name) for name in spec.params.model_fields], spec.path
        assert body == (
            {"schema": {"$ref": f"#/components/schemas/{spec.body.__name__}"}}
            if spec.body.model_fields
            else None
        ), spec.path
    schemas = DOC["components"]["schemas"]
    assert schemas["Voucher"] == {
        "properties": {"voucher": {"type": "string"}},
        "required": ["voucher"],
        "type": "object",
    }
    assert schemas["AddItem"]["properties"]["quantity"] == {"default": 1, "type": "integer"}
