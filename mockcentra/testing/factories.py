"""Arrange helpers: find sellable items, place orders through the Checkout API, ship them.

They act through the public APIs (except `sellable_item`, which reads the database to pick a
display and size that have stock and a price), so what they build is what a storefront builds.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import text

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

    def sellable_items(self, country: str = "SE", min_free: int = 1) -> list[Item]:
        """Active displays in store 1 with a priced, in-stock size (most stock first)."""
        sql = text(
            """
            SELECT d.id, ps.id, p.price, SUM(s.physical - s.allocated) AS free
            FROM display d
            JOIN display_variant dv ON dv.display_id = d.id
            JOIN product_size ps ON ps.variant_id = dv.variant_id
            JOIN stock s ON s.product_size_id = ps.id
            JOIN pricelist_country pc ON pc.country_id = (SELECT id FROM country WHERE code = :cc)
            JOIN pricelist pl ON pl.id = pc.pricelist_id AND pl.store_id = d.store_id
            JOIN price p ON p.pricelist_id = pl.id AND p.product_id = d.product_id
                        AND (p.variant_id IS NULL OR p.variant_id = dv.variant_id)
            WHERE d.store_id = 1 AND d.status = 'ACTIVE'
            GROUP BY d.id, ps.id
            HAVING free >= :min_free
            ORDER BY free DESC, ps.id
            """
        )
        with self.client.runtime.db.engine.connect() as conn:
            rows = conn.execute(sql, {"cc": country, "min_free": min_free}).all()
        return [Item(r[0], r[1], Decimal(r[2]) / 100, int(r[3])) for r in rows]

    def sellable_item(self, country: str = "SE", min_free: int = 1) -> Item:
        items = self.sellable_items(country, min_free)
        assert items, f"the scenario has no item with {min_free} free units for {country}"
        return items[0]

    def checkout(self, path: str, method: str = "POST", token: str | None = None, **kwargs: Any):
        headers = {"API-Token": token} if token else {}
        return self.client.request(method, f"/api/checkout/{path}", headers=headers, **kwargs)

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
            r = self.checkout(f"items/{item.item}", token=token, json={"quantity": quantity})
            assert r.status_code == 200, r.text
            token = r.json()["token"]
        body: dict[str, Any] = {
            "address": address or JON,
            "paymentMethod": "dummy",
            "termsAndConditions": True,
        }
        if outcome:
            body["paymentMethodSpecificFields"] = outcome
        r = self.checkout("payment", token=token, json=body)
        assert r.status_code == 200, r.text
        receipt = r.json()
        return PlacedOrder(int(receipt["order"]), receipt["orderId"], receipt, token)

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
