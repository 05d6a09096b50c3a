"""Arrange helpers: find sellable items, place orders through the Checkout API, ship them.

They act through the public APIs (except `sellable_item`, which asks the client for a display and
size that have stock and a price: the database in-process, the control plane when attached),
so what they build is what a storefront builds.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import httpx

from mockcentra.testing.client import CentraClient

JON = {
    "email": "jon.snow@example.com",
    "firstName": "Jon",
    "lastName": "Snow",
    "address1": "Teststr. 1",
    "city": "Stockholm",
    "zipCode": "12345",
    "country": "SE",
    "phoneNumber": "+4684026100",
}


#: The direct to consumer store the helpers shop in.
_STORE = 1


@dataclass(frozen=True)
class Item:
    display_id: int
    product_size_id: int
    price: Decimal
    free: int

    @property
    def item(self) -> str:
        return f"{self.display_id}-{self.product_size_id}"


@dataclass
class PlacedOrder:
    number: int
    id: str
    receipt: dict[str, Any]
    token: str


class Factories:
    def __init__(self, client: CentraClient) -> None:
        self.client = client

    def sellable_items(
        self, country: str = "SE", min_free: int = 1, limit: int | None = None
    ) -> list[Item]:
        """Active displays in store 1 with a priced, in-stock size (most stock first), priced
        as checkout prices them (the country's active pricelist, a variant's own price first);
        the first `limit` of them when given. Attached to a running server, asked through the
        control plane."""
        found = self.client.sellable_items(_STORE, country, min_free, limit)
        return [Item(i.display_id, i.product_size_id, i.price, i.free) for i in found]

    def sellable_item(self, country: str = "SE", min_free: int = 1) -> Item:
        items = self.sellable_items(country, min_free, limit=1)
        assert items, f"the scenario has no item with {min_free} free units for {country}"
        return items[0]

    def checkout(
        self, path: str, method: str | None = None, token: str | None = None, **kwargs: Any
    ) -> httpx.Response:
        """`centra.checkout` (kept here for older tests): GET without a body, POST with one."""
        return self.client.checkout(path, method, token=token, **kwargs)

    def place_order(
        self,
        lines: list[tuple[Item, int]] | None = None,
        *,
        address: dict[str, Any] | None = None,
        outcome: dict[str, str] | None = None,
    ) -> PlacedOrder:
        """A paid order placed the storefront way (selection -> items -> payment)."""
        lines = lines or [(self.sellable_item(), 1)]
        token = None
        for item, quantity in lines:
            r = self.client.checkout(f"items/{item.item}", token=token, json={"quantity": quantity})
            assert r.status_code == 200, r.text
            token = r.json()["token"]
        body: dict[str, Any] = {
            "address": address or JON,
            "paymentMethod": "dummy",
            "termsAndConditions": True,
        }
        if outcome:
            body["paymentMethodSpecificFields"] = outcome
        r = self.client.checkout("payment", token=token, json=body)
        assert r.status_code == 200, r.text
        receipt = r.json()
        return PlacedOrder(int(receipt["order"]), receipt["orderId"], receipt, receipt["token"])

    def confirm(self, number: int) -> None:
        self.client.graphql(
            "mutation($n:Int!){confirmOrder(input:{order:{number:$n}}){userErrors{message}}}",
            {"n": number},
        ).ok("confirmOrder")

    def order_lines(self, number: int) -> list[dict[str, Any]]:
        data = self.client.graphql(
            "query($n:[Int!]){orders(where:{number:$n}){lines{id quantity}}}", {"n": [number]}
        ).payload("orders")
        return data[0]["lines"]

    def ship(self, number: int, *, capture: bool = True, complete: bool = True) -> dict[str, Any]:
        """Confirm if needed, ship every line in one shipment, capture and complete it."""
        status = self.client.graphql(
            "query($n:[Int!]){orders(where:{number:$n}){status}}", {"n": [number]}
        ).payload("orders")[0]["status"]
        if status == "PENDING":
            self.confirm(number)
        lines = [
            {"orderLine": {"id": ln["id"]}, "quantity": ln["quantity"]}
            for ln in self.order_lines(number)
        ]
        created = self.client.graphql(
            """mutation($n:Int!,$lines:[ShipmentLineInput!]!,$capture:Boolean!){
              createShipment(input:{order:{number:$n}, lines:$lines, isGoodToGo:true,
                                    capture:$capture}){
                shipment{id number isCaptured isPaid lines{id quantity}} userErrors{message}}}""",
            {"n": number, "lines": lines, "capture": capture},
        ).ok("createShipment")["shipment"]
        if complete:
            self.client.graphql(
                """mutation($id:Int!){completeShipment(id:$id, input:{shippedAt:"now",
                shipmentInfo:{carrier:"PostNord", service:"Home", trackingNumber:"TRACK123"}}){
                userErrors{message}}}""",
                {"id": created["id"]},
            ).ok("completeShipment")
        return created
