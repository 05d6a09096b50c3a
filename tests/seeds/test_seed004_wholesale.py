"""Seed 004, "Wholesale": the chapter's operations with the guide's own query text.

Ids in the guide (pricelist 21, account 5, allocation rule 2, delivery window 3, variants
1844/1845) are replaced by the demo's; the guide's `setVariants` text lacks its closing brace,
which is added. The last test sells through the guide's setup.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.graphql.test_wholesale import CREATE_ORDER, wholesale_item

CREATE_ACCOUNT = """
mutation createAccount {
createAccount(input: {
status: INACTIVE
name: "Test Account"
market: {id: 2}
pricelist: {id: 21}
discounts: {
generalDiscount: {
discountPercent: 14.3
isVisible: true
}
# addDeliveryWindowDiscounts: [
# {deliveryWindow: {id: 1} discountPercent: 12.3}
# {deliveryWindow: {id: 2} discountPercent: 23.4}
# ]
}
}) {
userErrors {
message path
}
account {
id
discountPercent
isDiscountVisible
deliveryWindowDiscounts {
deliveryWindow {
id
}
discountPercent
}
}
}
}
"""

CREATE_BUYER = """
mutation createBuyer {
createBuyer(input: {
store: {id: 2}
status: ACTIVE
account: {id: 5}
websiteUrl: "Example URL"
receiveAutoEmails: true
billingAddress: {
email: "jon.snow@centra.com"
}
}) {
userErrors { message path }
buyer {
id
status
account { id name }
receiveAutoEmails
websiteUrl
billingAddress {
email
}
}
}
}
"""

CREATE_PREORDER_WINDOW = """
mutation createPreorderDelWin {
createDeliveryWindow(input: {
name: "First PreOrder DelWin"
status: ACTIVE
deliveryDatesVisible: true
selectableByBuyers: true
selectedByDefault: false
defaultVariantDeliveryType: STOCK
allocationRule: { id: 2 }
markets: [{ id: 2 }]
# preorder specific fields
preorder: {
deliveryDateRange: { from: "2022-08-01", to: "2022-10-31" }
salesDateRange: { from: "2022-08-01", to: "2022-10-31" }
allocationOrder: FIFO
}
}) {
userErrors {
message
path
}
deliveryWindow {
id
}
}
}
"""

SET_VARIANTS = """
mutation setVariants {
setDeliveryWindowVariants(input: {
deliveryWindow: { id: 3 }
variants: [
{
productVariant: { id: 1844 }
type: STOCK
},
{
productVariant: { id: 1845 }
type: STOCK
}
# Up to 100 variants can be specified in a single mutation
]
}) {
userErrors {
message
path
}
deliveryWindow {
id
}
}
}
"""

ACTIVATE = """mutation($id: Int!) { updateAccount(id: $id, input: {status: ACTIVE}) {
  userErrors { message } account { status } } }"""


def _account(centra: CentraClient) -> int:
    result = centra.graphql(CREATE_ACCOUNT.replace("pricelist: {id: 21}", "pricelist: {id: 5}"))
    return result.ok("createAccount")["account"]["id"]


def _window(centra: CentraClient) -> int:
    result = centra.graphql(
        CREATE_PREORDER_WINDOW.replace("allocationRule: { id: 2 }", "allocationRule: { id: 1 }")
    )
    return result.ok("createDeliveryWindow")["deliveryWindow"]["id"]


def _two_variants(centra: CentraClient) -> list[int]:
    products = centra.graphql(
        "{ products(where: {status: [ACTIVE]}, limit: 20) { variants { id } } }"
    ).payload("products")
    return [v["id"] for p in products for v in p["variants"]][:2]


def test_account_creation(centra: CentraClient) -> None:
    query = CREATE_ACCOUNT.replace("pricelist: {id: 21}", "pricelist: {id: 5}")

    result = centra.graphql(query)

    payload = result.payload("createAccount")
    assert isinstance(payload["account"].pop("id"), int)
    assert payload == {
        "userErrors": [],
        "account": {
            "discountPercent": 14.3,
            "isDiscountVisible": True,
            "deliveryWindowDiscounts": [],
        },
    }
    assert result.extensions["permissionsUsed"] == ["Account:write", "Account:read"]


def test_adding_a_buyer(centra: CentraClient) -> None:
    account = _account(centra)

    result = centra.graphql(CREATE_BUYER.replace("account: {id: 5}", f"account: {{id: {account}}}"))

    payload = result.payload("createBuyer")
    assert isinstance(payload["buyer"].pop("id"), int)
    assert payload == {
        "userErrors": [],
        "buyer": {
            "status": "ACTIVE",
            "account": {"id": account, "name": "Test Account"},
            "receiveAutoEmails": True,
            "websiteUrl": "Example URL",
            "billingAddress": {"email": "jon.snow@centra.com"},
        },
    }
    assert result.extensions["permissionsUsed"] == [
        "Buyer:write",
        "Buyer:read",
        "Account:read",
        "Buyer.billingAddress:read",
    ]


def test_creating_a_preorder_delivery_window(centra: CentraClient) -> None:
    query = CREATE_PREORDER_WINDOW.replace("allocationRule: { id: 2 }", "allocationRule: { id: 1 }")

    result = centra.graphql(query)

    payload = result.payload("createDeliveryWindow")
    assert payload["userErrors"] == []
    assert isinstance(payload["deliveryWindow"]["id"], int)
    assert result.extensions["permissionsUsed"] == ["DeliveryWindow:write", "DeliveryWindow:read"]
    read = centra.graphql(
        """query($id: Int!) { deliveryWindows(where: {id: $id}) { name status
           ... on PreorderDeliveryWindow { allocationOrder deliveryStartDate deliveryEndDate
           salesStartDate salesEndDate } } }""",
        {"id": payload["deliveryWindow"]["id"]},
    ).payload("deliveryWindows")
    assert read == [
        {
            "name": "First PreOrder DelWin",
            "status": "ACTIVE",
            "allocationOrder": "FIFO",
            "deliveryStartDate": "2022-08-01T00:00:00+02:00",
            "deliveryEndDate": "2022-10-31T00:00:00+01:00",
            "salesStartDate": "2022-08-01T00:00:00+02:00",
            "salesEndDate": "2022-10-31T00:00:00+01:00",
        }
    ]


def test_set_delivery_window_variants(centra: CentraClient) -> None:
    window = _window(centra)
    first, second = _two_variants(centra)
    query = (
        SET_VARIANTS.replace("deliveryWindow: { id: 3 }", f"deliveryWindow: {{ id: {window} }}")
        .replace("id: 1844", f"id: {first}")
        .replace("id: 1845", f"id: {second}")
    )

    result = centra.graphql(query)

    assert result.payload("setDeliveryWindowVariants") == {
        "userErrors": [],
        "deliveryWindow": {"id": window},
    }
    assert result.extensions["permissionsUsed"] == [
        "DeliveryWindow:write",
        "DeliveryWindow:read",
        "Market:read",
        "Campaign:read",
        "AllocationRule:read",
        "Product:read",
    ]
    variants = centra.graphql(
        """query($id: Int!) { deliveryWindows(where: {id: $id}) {
           deliveryWindowVariants { type productVariant { id } } } }""",
        {"id": window},
    ).payload("deliveryWindows")[0]["deliveryWindowVariants"]
    assert variants == [
        {"type": "STOCK", "productVariant": {"id": first}},
        {"type": "STOCK", "productVariant": {"id": second}},
    ]


def test_up_to_100_variants_in_a_single_mutation(centra: CentraClient) -> None:
    window = _window(centra)
    first, _ = _two_variants(centra)
    many = ", ".join(f"{{productVariant: {{id: {first}}}, type: STOCK}}" for _ in range(101))

    result = centra.graphql(
        f"""mutation {{ setDeliveryWindowVariants(input: {{deliveryWindow: {{id: {window}}},
        variants: [{many}]}}) {{ userErrors {{ message path }} deliveryWindow {{ id }} }} }}"""
    ).payload("setDeliveryWindowVariants")

    assert result == {
        "userErrors": [
            {
                "message": "At most 100 variants can be set in one call; 101 were given.",
                "path": ["input", "variants"],
            }
        ],
        "deliveryWindow": None,
    }


def test_the_guides_setup_sells_to_its_buyer(
    centra: CentraClient, centra_factories: Factories
) -> None:
    """Account, buyer, preorder window with the variant: the buyer orders within the sales
    dates at the pricelist price minus the account's 14.3 %."""
    centra.post("/_mock/clock", json={"freeze": "2022-09-15T10:00:00+00:00"})
    item = wholesale_item(centra, centra_factories)
    account = _account(centra)
    buyer = centra.graphql(
        CREATE_BUYER.replace("account: {id: 5}", f"account: {{id: {account}}}")
    ).ok("createBuyer")["buyer"]["id"]
    window = _window(centra)
    other = next(v for v in _two_variants(centra) if v != item.variant_id)
    centra.graphql(
        SET_VARIANTS.replace("deliveryWindow: { id: 3 }", f"deliveryWindow: {{ id: {window} }}")
        .replace("id: 1844", f"id: {item.variant_id}")
        .replace("id: 1845", f"id: {other}")
    ).ok("setDeliveryWindowVariants")
    order_input = {
        "buyer": {"id": buyer},
        "deliveryWindow": {"id": window},
        "lines": [{"productSize": {"id": item.product_size_id}, "quantity": 1}],
    }

    inactive = centra.graphql(CREATE_ORDER, {"input": order_input}).payload("createWholesaleOrder")
    centra.graphql(ACTIVATE, {"id": account}).ok("updateAccount")
    placed = centra.graphql(CREATE_ORDER, {"input": order_input}).ok("createWholesaleOrder")

    assert inactive["userErrors"] == [
        {
            "message": f'Account {account} is "INACTIVE": only active accounts can place orders.',
            "path": ["input", "account"],
        }
    ]
    [line] = placed["order"]["lines"]
    expected = (item.price * Decimal("0.857")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert line["unitPrice"]["value"] == float(expected)
    assert line["unitOriginalPrice"]["value"] == float(item.price)
    assert line["hasAnyDiscount"] is True
    assert placed["order"]["account"] == {"id": account, "name": "Test Account"}
