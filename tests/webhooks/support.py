"""Shared steps for webhook tests: subscriptions and the delivery log over the control plane."""

from typing import Any

from mockcentra.testing import CentraClient

SECRET = "s3cret"


def subscribe(centra: CentraClient, url: str, **settings: Any) -> dict[str, Any]:
    body = {"url": url, "secret": SECRET, **settings}
    response = centra.post("/_mock/webhooks/subscriptions", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def deliveries(centra: CentraClient, **params: Any) -> list[dict[str, Any]]:
    response = centra.get("/_mock/webhooks/deliveries", params=params)
    assert response.status_code == 200, response.text
    return response.json()["deliveries"]


def deliver(centra: CentraClient) -> int:
    """One synchronous delivery pass (in-process apps run no background task)."""
    return centra.runtime.webhooks.deliver_due()


def events_log(centra: CentraClient, **params: Any) -> list[dict[str, Any]]:
    response = centra.get("/_mock/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()["events"]
