"""Concurrent checkouts with one voucher against a real server: `maxUsages` is never exceeded."""

import asyncio

import httpx

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import JON, Factories
from tests.vouchers_support import create_voucher, order_count, priced_items, usages


async def _checkout(client: httpx.AsyncClient, item: str, n: int) -> tuple[int, dict]:
    added = await client.post(f"/api/checkout/items/{item}", json={"quantity": 1})
    token = added.json()["token"]
    applied = await client.post(
        "/api/checkout/vouchers", headers={"API-Token": token}, json={"voucher": "RUSH"}
    )
    if applied.status_code != 200:  # the last use went to someone else before this shopper applied
        return applied.status_code, applied.json()
    paid = await client.post(
        "/api/checkout/payment",
        headers={"API-Token": token},
        json={"address": {**JON, "email": f"shopper{n}@example.com"}},
    )
    return paid.status_code, paid.json()


async def _race(url: str, item: str, shoppers: int) -> list[tuple[int, dict]]:
    limits = httpx.Limits(max_connections=shoppers)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as client:
        return await asyncio.gather(*(_checkout(client, item, n) for n in range(shoppers)))


def test_many_shoppers_racing_for_the_last_uses_of_a_voucher(
    centra: CentraClient, centra_factories: Factories, centra_server
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"], min_free=20)
    voucher = create_voucher(centra, code="RUSH", maxUsages=3)
    shoppers = 12

    results = asyncio.run(_race(centra_server.url, item.item, shoppers))

    statuses = [status for status, _ in results]
    assert statuses.count(200) == 3
    refusals = [body["errors"] for status, body in results if status != 200]
    assert refusals == [{"voucher": "voucher has been used the maximum number of times"}] * 9
    assert usages(centra, voucher["id"]) == 3
    assert order_count(centra) == 3
    discounted = [body for status, body in results if status == 200]
    assert all(b["totals"]["totalDiscountPriceAsNumber"] == -9.99 for b in discounted)
