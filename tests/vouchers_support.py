"""Arrange helpers for voucher tests: vouchers through GraphQL, priced items, selections.

Demo facts they lean on: store 1 (DTC) with market 1 and SEK pricelist 1 for SE (25% VAT),
shipping option 1 "SEK" at 49.00 SEK (the SE default) and option 2 "EUR"; store 2 (wholesale)
with market 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import text

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import JON, Factories

SHIPPING_SEK = Decimal("49.00")

CREATE = """mutation($input: VoucherCreateInput!) { createVoucher(input: $input) {
  voucher { id name code status method maxUsages successfulUsages reuse combineWithOtherVouchers }
  userErrors { message path } } }"""

UPDATE = """mutation($id: Int!, $input: VoucherUpdateInput!) { updateVoucher(id: $id, input: $input) {
  voucher { id name code status startAt stopAt maxUsages markets { id } }
  userErrors { message path } } }"""

USAGES = "query($id: Int!) { voucher(id: $id) { successfulUsages } }"


def percent(value: float, *, kind: str = "selectedProducts", criteria=None, apply_on="ORDER"):
    """An entry-point action taking `value` % off (per unit)."""
    return {
        "entrypointAction": {"id": None},
        "addCriteria": criteria or [{"always": True}],
        "result": {kind: {"applyOn": apply_on, "discount": {"percentOff": value}}},
        "continueStrategy": "ALL_PRODUCTS",
    }


def amount(value: float, *, kind: str = "orderTotal", pricelist: int = 1, currency="SEK"):
    """An entry-point action taking a fixed amount off."""
    off = [{"pricelist": {"id": pricelist}, "value": {"value": value, "currencyIsoCode": currency}}]
    return {
        "entrypointAction": {"id": None},
        "addCriteria": [{"always": True}],
        "result": {kind: {"applyOn": "ORDER", "discount": {"priceOff": off}}},
        "continueStrategy": "ALL_PRODUCTS",
    }


def free_shipping(options: list[int] | None = None):
    shipping = {} if options is None else {"shippingOptions": [{"id": i} for i in options]}
    return {
        "entrypointAction": {"id": None},
        "addCriteria": [{"always": True}],
        "result": {"freeShipping": shipping},
        "continueStrategy": "ALL_PRODUCTS",
    }


def voucher_input(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": "Ten percent",
        "status": "ACTIVE",
        "startAt": "-1 day",
        "stopAt": "+30 days",
        "method": "CODE",
        "code": "SAVE10",
        "priority": 1,
        "maxUsages": 0,
        "reuse": True,
        "type": "DISCOUNT",
        "entryPointStrategy": "APPLY_ALL_IF_ALL_APPLY",
        "store": {"id": 1},
        "addMarkets": [{"id": 1}],
        "actions": [percent(10)],
    }
    base.update(overrides)
    return base


def create_voucher(centra: CentraClient, **overrides: Any) -> dict[str, Any]:
    """Create a voucher that must succeed; returns the payload's `voucher`."""
    return centra.graphql(CREATE, {"input": voucher_input(**overrides)}).ok("createVoucher")[
        "voucher"
    ]


def usages(centra: CentraClient, voucher_id: int) -> int:
    return centra.graphql(USAGES, {"id": voucher_id}).payload("voucher")["successfulUsages"]


@dataclass(frozen=True)
class PricedItem:
    item: str
    display_id: int
    product_size_id: int
    product_id: int
    variant_id: int
    price: Decimal
    free: int


def priced_items(
    centra: CentraClient, factories: Factories, prices: list[str], min_free: int = 5
) -> list[PricedItem]:
    """Sellable items of different products, each product priced at `prices[i]` in SEK."""
    picked: list[PricedItem] = []
    seen: set[int] = set()
    for item in factories.sellable_items(min_free=min_free):
        with centra.runtime.db.engine.connect() as conn:
            product_id, variant_id = conn.execute(
                text(
                    "SELECT v.product_id, v.id FROM product_size ps "
                    "JOIN product_variant v ON v.id = ps.variant_id WHERE ps.id = :id"
                ),
                {"id": item.product_size_id},
            ).one()
        if product_id in seen:
            continue
        seen.add(product_id)
        price = prices[len(picked)]
        centra.graphql(
            """mutation($input: SetPricesInput!) { setPrices(input: $input) {
              userErrors { message path } } }""",
            {
                "input": {
                    "pricelist": {"id": 1},
                    "productPrices": [
                        {
                            "product": {"id": product_id},
                            "price": {"value": float(price), "currencyIsoCode": "SEK"},
                            "overrideIndividualVariantPrices": True,
                        }
                    ],
                }
            },
        ).ok("setPrices")
        picked.append(
            PricedItem(
                item.item,
                item.display_id,
                item.product_size_id,
                product_id,
                variant_id,
                Decimal(price),
                item.free,
            )
        )
        if len(picked) == len(prices):
            return picked
    raise AssertionError("the scenario has too few sellable products")


def selection(factories: Factories, lines: list[tuple[PricedItem, int]]) -> str:
    """A new selection with these items; returns its token."""
    token = None
    for item, quantity in lines:
        r = factories.checkout(f"items/{item.item}", token=token, json={"quantity": quantity})
        assert r.status_code == 200, r.text
        token = r.json()["token"]
    assert token is not None
    return token


def apply(factories: Factories, token: str, code: str):
    return factories.checkout("vouchers", token=token, json={"voucher": code})


def get_selection(factories: Factories, token: str) -> dict[str, Any]:
    r = factories.checkout("selection", method="GET", token=token)
    assert r.status_code == 200, r.text
    return r.json()["selection"]


def pay(factories: Factories, token: str, email: str = JON["email"], **extra: Any):
    return factories.checkout(
        "payment",
        token=token,
        json={"address": {**JON, "email": email}, "paymentMethod": "dummy", **extra},
    )


def order_count(centra: CentraClient) -> int:
    return len(centra.graphql("{ orders(limit: 1000) { number } }").payload("orders"))


def events_of(centra: CentraClient, object_type: str) -> list[tuple[str, str, dict]]:
    """(change type, object ref, data) of logged events of one object type, oldest first.

    Promotion events have no Integration API object type, so this reads the event log.
    """
    import json

    with centra.runtime.db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT change_type, object_ref, data FROM event WHERE object_type = :t ORDER BY id"
            ),
            {"t": object_type},
        ).all()
    return [(r[0], r[1], json.loads(r[2])) for r in rows]
