"""Concurrent checkouts and captures against a real server: stock is never oversold and a
shipment is never captured twice."""

import asyncio

import httpx
import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import JON, Factories
from tests.support import exactly_free, order_of, stock_of

SHOPPERS = 200
UNITS = 10


async def _checkout(client: httpx.AsyncClient, item: str) -> list[int]:
    added = await client.post(f"/api/checkout/items/{item}", json={"quantity": 1})
    if added.status_code != 200:
        return [added.status_code]
    paid = await client.post(
        "/api/checkout/payment",
        headers={"API-Token": added.json()["token"]},
        json={"address": JON},
    )
    return [added.status_code, paid.status_code]


async def _race(url: str, item: str, shoppers: int) -> list[list[int]]:
    limits = httpx.Limits(max_connections=shoppers)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:
        return await asyncio.gather(*(_checkout(client, item) for _ in range(shoppers)))


@pytest.mark.slow  # 400 requests through a real server
def test_two_hundred_shoppers_racing_for_ten_units(
    centra: CentraClient, centra_factories: Factories, centra_server
) -> None:
    item = next(
        i
        for i in centra_factories.sellable_items(min_free=UNITS)
        if stock_of(centra, i.product_size_id)[1] == 0
    )
    exactly_free(centra, item, UNITS)
    physical, allocated, free = stock_of(centra, item.product_size_id)
    assert (allocated, free) == (0, UNITS)

    statuses = asyncio.run(_race(centra_server.url, item.item, SHOPPERS))

    assert sorted({s for attempt in statuses for s in attempt}) == [200, 410]
    assert [attempt[-1] for attempt in statuses].count(200) == UNITS
    assert [attempt[-1] for attempt in statuses].count(410) == SHOPPERS - UNITS
    assert stock_of(centra, item.product_size_id) == (physical, UNITS, 0)
    orders = centra.graphql("{ orders(limit: 1000) { number } }").payload("orders")
    assert len(orders) == UNITS


CAPTURE_GQL = """mutation($id:Int!){ captureShipment(id:$id){
  paymentHistoryEntry { entryType status } userErrors { message path } } }"""


async def _capture_graphql(client: httpx.AsyncClient, shipment_id: int) -> dict:
    r = await client.post(
        "/graphql",
        headers={"Authorization": "Bearer dev-integration-token"},
        json={"query": CAPTURE_GQL, "variables": {"id": shipment_id}},
    )
    assert r.status_code == 200, r.text
    return r.json()["data"]["captureShipment"]


async def _capture_rest(client: httpx.AsyncClient, number: str) -> dict:
    r = await client.put(
        "/api/order/capture",
        headers={"API-Authorization": "dev-order-api-secret"},
        json={"shipment": number},
    )
    assert r.status_code == 200, r.text
    return r.json()


async def _captures(url: str, shipment: dict, each: int) -> tuple[list[dict], list[dict]]:
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        results = await asyncio.gather(
            *(_capture_graphql(client, shipment["id"]) for _ in range(each)),
            *(_capture_rest(client, shipment["number"]) for _ in range(each)),
        )
    return list(results[:each]), list(results[each:])


def test_concurrent_captures_of_one_shipment_capture_once(
    centra: CentraClient, centra_factories: Factories, centra_server
) -> None:
    placed = centra_factories.place_order()
    shipment = centra_factories.ship(placed.number, capture=False, complete=False)
    before = order_of(centra, placed.number)["paymentHistory"]

    graphql, rest = asyncio.run(_captures(centra_server.url, shipment, 10))

    captured = [g for g in graphql if g["paymentHistoryEntry"]] + [
        r for r in rest if r["status"] == "ok"
    ]
    assert len(captured) == 1
    refused_graphql = [g["userErrors"] for g in graphql if not g["paymentHistoryEntry"]]
    refused_rest = [r for r in rest if r["status"] == "no"]
    assert len(refused_graphql) + len(refused_rest) == 19
    assert all(errs and "captured" in errs[0]["message"] for errs in refused_graphql)
    assert all(r["msg"] == "capture failed" for r in refused_rest)
    history = order_of(centra, placed.number)["paymentHistory"]
    new_entries = history[len(before) :]
    assert [(e["entryType"], e["status"]) for e in new_entries] == [("CAPTURE", "SUCCESS")]
