"""A thin Order API client for tests: the secret header, the base path, and arrange helpers
that act through the Order API itself (create, ship and return orders)."""

from __future__ import annotations

from typing import Any

import httpx

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories, Item

BASE = "/api/order"
SECRET = "dev-order-api-secret"
AUTH = {"API-Authorization": SECRET}

ADDRESS = {
    "email": "ada.lovelace@example.com",
    "firstName": "Ada",
    "lastName": "Lovelace",
    "address": "Kungsgatan 1",
    "coaddress": "c/o Babbage",
    "zipcode": "11143",
    "city": "Stockholm",
    "tele": "+46701234567",
    "country": "SE",
}


class OrderApi:
    def __init__(self, centra: CentraClient) -> None:
        self.centra = centra

    def call(self, method: str, path: str, body: Any = None, **params: Any) -> httpx.Response:
        kwargs: dict[str, Any] = {"headers": AUTH, "params": params or None}
        if body is not None:
            kwargs["json"] = body
        return self.centra.request(method, f"{BASE}/{path}", **kwargs)

    def ok(self, method: str, path: str, body: Any = None, **params: Any) -> dict[str, Any]:
        """The body of a successful call (HTTP 200 and `"status": "ok"`)."""
        response = self.call(method, path, body, **params)
        assert response.status_code == 200, response.text
        data = response.json()
        assert data["status"] == "ok", data
        return data

    def refused(self, method: str, path: str, body: Any = None, **params: Any) -> dict[str, Any]:
        """The body of a refused call (HTTP 200 and `"status": "no"`)."""
        response = self.call(method, path, body, **params)
        assert response.status_code == 200, response.text
        data = response.json()
        assert data["status"] == "no", data
        return data

    def order(self, number: int) -> dict[str, Any]:
        [order] = self.ok("GET", "orders", order=number)["orders"]
        return order

    # ------------------------------------------------------------ arrange

    def create_order(self, lines: list[tuple[Item, int]], **extra: Any) -> int:
        """An order inserted through `POST order` at the item's price (payment only if given)."""
        body = {
            "address": ADDRESS,
            "products": [
                {"id": item.product_size_id, "qty": qty, "unitPrice": str(item.price)}
                for item, qty in lines
            ],
            "shippingValue": 0,
            **extra,
        }
        [number] = self.ok("POST", "order", body)["orders"]
        return number

    def confirmed_order(self, factories: Factories, lines: list[tuple[Item, int]]) -> int:
        """A storefront order (Checkout API), confirmed through the Integration API."""
        placed = factories.place_order(lines)
        factories.confirm(placed.number)
        return placed.number

    def ship_all(self, number: int, **extra: Any) -> str:
        """One shipment of every line, captured, good to go and shipped with tracking."""
        products = {p["lineId"]: p["qty"] for p in self.order(number)["products"]}
        body = {
            "order": number,
            "products": products,
            "gtg": True,
            "shipped": True,
            "carrier": "PostNord",
            "service": "MyPack Home",
            "tracking": "PN123456789SE",
            "returnSlipTracking": "PN987654321SE",
            **extra,
        }
        return self.ok("POST", "shipments", body)["shipment"]
