"""Concurrent checkouts against a real server: stock is never oversold."""

import asyncio

import httpx

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import JON, Factories
from tests.support import stock_of


async def _checkout(client: httpx.AsyncClient, item: str) -> int:
    added = await client.post(f"/api/checkout/items/{item}", json={"quantity": 1})
    token = added.json()["token"]
    paid = await client.post(
        "/api/checkout/payment", headers={"API-Token": token}, json={"address": JON}
    )
    return paid.status_code


async def _race(url: str, item: str, shoppers: int) -> list[int]:
    limits = httpx.Limits(max_connections=shoppers)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as client:
        return await asyncio.gather(*(_checkout(client, item) for _ in range(shoppers)))


def test_many_shoppers_racing_for_few_units(
    centra: CentraClient, centra_factories: Factories, centra_server
) -> None:
    item = next(i for i in centra_factories.sellable_items() if 2 <= i.free <= 10)
    physical, allocated, free = stock_of(centra, item.product_size_id)
    shoppers = free + 15

    statuses = asyncio.run(_race(centra_server.url, item.item, shoppers))

    assert statuses.count(200) == free
    assert statuses.count(410) == shoppers - free
    assert stock_of(centra, item.product_size_id) == (physical, physical, 0)
    orders = centra.graphql("{ orders(limit: 100) { number } }").payload("orders")
    assert len(orders) == free
