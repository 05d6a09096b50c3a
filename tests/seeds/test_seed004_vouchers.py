"""Seed 004 (ERP guide), vouchers: the guide's `createVoucher`, sent as it writes it.

The guide's store and market ids (1) are the demo's. Its ids and market name belong to its
instance; everything else is compared with the guide's response.
"""

from __future__ import annotations

from datetime import datetime

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.vouchers_support import apply, pay, priced_items, selection

# --- the guide's operation, verbatim ----------------------------------------------------------

ADD_VOUCHER_WITH_ACTIONS = """
mutation addVoucherWithActions {
createVoucher(
input: {
name: "Awesome code discount"
status: ACTIVE
startAt: "2024-04-01 11:22"
stopAt: "2026-04-01 11:22"
method: CODE
code: "uniqueCode"
url: null
priority: 9
maxUsages: 100
reuse: true
type: DISCOUNT
entryPointStrategy: APPLY_ALL_IF_ALL_APPLY
conversionHTML: "Some HTML"
store: { id: 1 }
addMarkets: [{ id: 1 }]
actions: [
{
entrypointAction: { id: null } # meaning this action is an entry point
addCriteria: [{ always: true }]
result: {
selectedProducts: {
applyOn: ORDER
discount: { percentOff: 12.00 }
}
}
continueStrategy: SELECTED_PRODUCTS
}
{
entrypointAction: { id: null }
addCriteria: [{ always: true }]
result: { freeShipping: { shippingOptions: [{ id: 1 }] } }
continueStrategy: ALL_PRODUCTS
}
]
}
) {
userErrors {
message
path
}
voucher {
actions {
isEntryPoint
criteria {
type
}
result {
type
}
continueStrategy
}
id
name
status
startAt
stopAt
method
code
url
priority
maxUsages
combineWithOtherVouchers
reuse
type
entryPointStrategy
conversionHTML
store {
id
}
markets {
id
name
}
}
}
}
"""

# --- the guide's response (ids and the market's name are its instance's) ---------------------

GUIDE_VOUCHER = {
    "actions": [
        {
            "isEntryPoint": True,
            "criteria": [{"type": "ALWAYS"}],
            "result": {"type": "CHANGE_SELECTED_PRODUCTS_PRICE"},
            "continueStrategy": "SELECTED_PRODUCTS",
        },
        {
            "isEntryPoint": True,
            "criteria": [{"type": "ALWAYS"}],
            "result": {"type": "SET_FREE_SHIPPING"},
            "continueStrategy": "ALL_PRODUCTS",
        },
    ],
    "name": "Awesome code discount",
    "status": "ACTIVE",
    "startAt": "2024-04-01T11:22:00+02:00",
    "stopAt": "2026-04-01T11:22:00+02:00",
    "method": "CODE",
    "code": "uniqueCode",
    "url": None,
    "priority": 9,
    "maxUsages": 100,
    "combineWithOtherVouchers": True,
    "reuse": True,
    "type": "DISCOUNT",
    "entryPointStrategy": "APPLY_ALL_IF_ALL_APPLY",
    "conversionHTML": "Some HTML",
    "store": {"id": 1},
}


def test_add_voucher_with_actions(centra: CentraClient) -> None:
    result = centra.graphql(ADD_VOUCHER_WITH_ACTIONS)

    payload = result.payload("createVoucher")
    assert payload["userErrors"] == []
    voucher = payload["voucher"]
    assert isinstance(voucher.pop("id"), int)
    markets = voucher.pop("markets")
    assert [m["id"] for m in markets] == [1] and all(isinstance(m["name"], str) for m in markets)
    assert voucher == GUIDE_VOUCHER
    assert result.extensions["permissionsUsed"] == [
        "Voucher:write",
        "Voucher:read",
        "Store:read",
        "Market:read",
    ]


def test_the_guides_voucher_works_at_checkout_while_it_runs(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # 12% off every product and free shipping with option 1, from 2024-04-01 to 2026-04-01
    centra.post("/_mock/clock", json={"freeze": datetime(2025, 5, 1, 12).isoformat()})
    [item] = priced_items(centra, centra_factories, ["99.88"])
    centra.graphql(ADD_VOUCHER_WITH_ACTIONS).ok("createVoucher")
    token = selection(centra_factories, [(item, 2)])

    sel = apply(centra_factories, token, "uniqueCode").json()["selection"]

    assert sel["totals"]["totalDiscountPriceAsNumber"] == -23.98  # 11.99 per unit
    assert sel["totals"]["shippingPriceAsNumber"] == 0.0
    assert sel["totals"]["grandTotalPriceAsNumber"] == 175.78
    receipt = pay(centra_factories, token).json()
    assert receipt["totals"]["grandTotalPriceAsNumber"] == 175.78
    centra.post("/_mock/clock", json={"freeze": datetime(2026, 4, 2).isoformat()})
    late = selection(centra_factories, [(item, 1)])
    refused = apply(centra_factories, late, "uniqueCode")
    assert refused.status_code == 400
    assert refused.json()["errors"] == {"voucher": "voucher has expired"}
