"""Wholesale over the Integration API: accounts, buyers, delivery windows and wholesale orders.

Demo facts: store 2 "Wholesale" with market 2 and pricelist 5 "Wholesale EUR"; store 1 is the
retail store (market 1, pricelist 1 SEK); allocation rule 1; payment terms 1-2 and shipping
terms 1-2 come with every instance.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.support import order_of, stock_of

WHOLESALE_STORE, WHOLESALE_MARKET, WHOLESALE_PRICELIST = 2, 2, 5
RETAIL_MARKET, RETAIL_PRICELIST = 1, 1

ACCOUNT_FIELDS = """
  id name status discountPercent isDiscountVisible
  deliveryWindowDiscounts { deliveryWindow { id } discountPercent }
  creditLimit { value currency { code } } applyCreditLimit blockIfUnpaidInvoices
  hasBrandsRestriction brands { id } isInternal internalComment otherComment websiteUrl
  carrierInformation { carrierName serviceName }
  market { id } pricelist { id } store { id } allocationRule { id }
  paymentTerms { id name } shippingTerms { id name }
  accountAddress { companyName city country { code } }
  shippingAddress { address1 city country { code } }
  billingAddress { email country { code } }
  buyers { id email }
"""
CREATE_ACCOUNT = (
    """mutation($input: AccountCreateInput!) { createAccount(input: $input) {
  userErrors { message path } userWarnings { message path } account { """
    + ACCOUNT_FIELDS
    + "} } }"
)
UPDATE_ACCOUNT = (
    """mutation($id: Int!, $input: AccountUpdateInput!) { updateAccount(id: $id, input: $input) {
  userErrors { message path } userWarnings { message path } account { """
    + ACCOUNT_FIELDS
    + "} } }"
)
ACCOUNTS = "query($w: AccountFilter) { accounts(where: $w) { " + ACCOUNT_FIELDS + " } }"

BUYER_FIELDS = """id status email firstName lastName websiteUrl receiveAutoEmails
  receiveNewsletters account { id } store { id } billingAddress { firstName email city }"""
CREATE_BUYER = (
    "mutation($input: BuyerCreateInput!) { createBuyer(input: $input) {"
    " userErrors { message path } buyer { " + BUYER_FIELDS + " } } }"
)
UPDATE_BUYER = (
    "mutation($id: Int!, $input: BuyerUpdateInput!) { updateBuyer(id: $id, input: $input) {"
    " userErrors { message path } buyer { " + BUYER_FIELDS + " } } }"
)
BUYERS = "query($w: BuyerFilter) { buyers(where: $w) { " + BUYER_FIELDS + " } }"

# Centra's own fragments from its wholesale examples
DELWIN_FRAGMENTS = """
fragment atOnceFields on AtOnceDeliveryWindow { daysFromNow selectableDate }
fragment preorderFields on PreorderDeliveryWindow {
  allocationOrder deliveryStartDate deliveryEndDate salesStartDate salesEndDate
}
fragment delWinFields on DeliveryWindow {
  id name status
  markets { id, name }
  campaigns { id, name }
  allocationRule { id, name }
  defaultVariantDeliveryType
  deliveryDatesVisible
  deliveryWindowVariants { limit { value, on, type } type product { id, name } }
  selectableByBuyers
  selectedByDefault
  ...atOnceFields
  ...preorderFields
}
"""
CREATE_WINDOW = (
    """mutation($input: DeliveryWindowCreateInput!) { createDeliveryWindow(input: $input) {
  userErrors { message path } deliveryWindow { ...delWinFields } } }"""
    + DELWIN_FRAGMENTS
)
UPDATE_WINDOW = (
    """mutation($id: Int!, $input: DeliveryWindowUpdateInput!) {
  updateDeliveryWindow(id: $id, input: $input) {
  userErrors { message path } deliveryWindow { ...delWinFields } } }"""
    + DELWIN_FRAGMENTS
)
SET_VARIANTS = (
    """mutation($input: SetDeliveryWindowVariantsInput!) { setDeliveryWindowVariants(input: $input) {
  userErrors { message path } userWarnings { message path } deliveryWindow { ...delWinFields } } }"""
    + DELWIN_FRAGMENTS
)
UNSET_VARIANTS = (
    """mutation($input: UnsetDeliveryWindowVariantsInput!) {
  unsetDeliveryWindowVariants(input: $input) {
  userErrors { message path } userWarnings { message path } deliveryWindow { ...delWinFields } } }"""
    + DELWIN_FRAGMENTS
)
WINDOWS = "query($w: DeliveryWindowFilter) { deliveryWindows(where: $w) { ...delWinFields } }" + (
    DELWIN_FRAGMENTS
)

ORDER_FIELDS = """
  id number status paymentMethod { uri plugin name }
  lines { id quantity unitPrice { value currency { code } } unitOriginalPrice { value }
          hasAnyDiscount discountPercent taxPercent lineValue { value } }
  grandTotal { value currency { code } }
  paymentHistory { entryType }
  ... on WholesaleOrder {
    purchaseOrderNumber
    buyer { id email firstName lastName }
    account { id name }
    deliveryWindows { id name ... on PreorderDeliveryWindow { deliveryStartDate deliveryEndDate } }
  }
"""
CREATE_ORDER = (
    """mutation($input: WholesaleOrderCreateInput!) { createWholesaleOrder(input: $input) {
  userErrors { message path } userWarnings { message path } order { """
    + ORDER_FIELDS
    + "} } }"
)
WHOLESALE_ORDERS = "query { orders(where: {storeType: WHOLESALE}) { " + ORDER_FIELDS + " } }"


# --- arrange helpers -----------------------------------------------------------------------


@dataclass(frozen=True)
class WholesaleItem:
    product_size_id: int
    variant_id: int
    product_id: int
    price: Decimal
    free: int


def wholesale_item(centra: CentraClient, factories: Factories, min_free: int = 5) -> WholesaleItem:
    """A size with free stock and its variant's price in the wholesale pricelist."""
    item = factories.sellable_item(min_free=min_free)
    size = centra.graphql(
        "query($id: Int!) { productSize(id: $id) { productVariant { id product { id } } } }",
        {"id": item.product_size_id},
    ).payload("productSize")
    variant = size["productVariant"]
    prices = centra.graphql(
        """query($v: [Int!]) { pricelist(id: 5) {
           prices(where: {productVariantId: $v}) { price { value } } } }""",
        {"v": [variant["id"]]},
    ).payload("pricelist")["prices"]
    return WholesaleItem(
        item.product_size_id,
        variant["id"],
        variant["product"]["id"],
        Decimal(str(prices[0]["price"]["value"])),
        item.free,
    )


def discounted(price: Decimal, percent: str) -> Decimal:
    rate = (Decimal(100) - Decimal(percent)) / 100
    return (price * rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def create_account(centra: CentraClient, **fields: Any) -> dict[str, Any]:
    data = {
        "name": "Boutique Nord",
        "status": "ACTIVE",
        "market": {"id": WHOLESALE_MARKET},
        "pricelist": {"id": WHOLESALE_PRICELIST},
        **fields,
    }
    return centra.graphql(CREATE_ACCOUNT, {"input": data}).ok("createAccount")["account"]


def create_buyer(centra: CentraClient, account_id: int, email: str = "buyer@nord.example") -> int:
    data = {
        "account": {"id": account_id},
        "status": "ACTIVE",
        "billingAddress": {"firstName": "Jon", "lastName": "Snow", "email": email},
    }
    return centra.graphql(CREATE_BUYER, {"input": data}).ok("createBuyer")["buyer"]["id"]


def create_window(centra: CentraClient, **fields: Any) -> int:
    data = {
        "name": "Spring at once",
        "status": "ACTIVE",
        "markets": [{"id": WHOLESALE_MARKET}],
        "atOnce": {"daysFromNow": 0, "selectableDate": True},
        **fields,
    }
    return centra.graphql(CREATE_WINDOW, {"input": data}).ok("createDeliveryWindow")[
        "deliveryWindow"
    ]["id"]


def set_variants(centra: CentraClient, window: int, variants: list[dict[str, Any]]) -> dict:
    return centra.graphql(
        SET_VARIANTS, {"input": {"deliveryWindow": {"id": window}, "variants": variants}}
    ).payload("setDeliveryWindowVariants")


@dataclass
class Setup:
    account: int
    buyer: int
    window: int
    item: WholesaleItem


def wholesale_setup(
    centra: CentraClient, factories: Factories, *, discount: str | None = "10", **account: Any
) -> Setup:
    """An active account (general discount), one buyer, an at-once window selling one item."""
    item = wholesale_item(centra, factories)
    if discount is not None:
        account.setdefault(
            "discounts",
            {"generalDiscount": {"discountPercent": float(discount), "isVisible": True}},
        )
    account_id = create_account(centra, **account)["id"]
    buyer = create_buyer(centra, account_id)
    window = create_window(centra)
    set_variants(centra, window, [{"productVariant": {"id": item.variant_id}, "type": "STOCK"}])
    return Setup(account_id, buyer, window, item)


def order_input(s: Setup, quantity: int = 2, **extra: Any) -> dict[str, Any]:
    return {
        "buyer": {"id": s.buyer},
        "deliveryWindow": {"id": s.window},
        "purchaseOrderNumber": "PO-1001",
        "lines": [{"productSize": {"id": s.item.product_size_id}, "quantity": quantity}],
        **extra,
    }


def wholesale_orders(centra: CentraClient) -> list[dict[str, Any]]:
    return centra.graphql(WHOLESALE_ORDERS).payload("orders")


def accounts(centra: CentraClient, where: dict | None = None) -> list[dict[str, Any]]:
    return centra.graphql(ACCOUNTS, {"w": where} if where else None).payload("accounts")


# --- accounts ------------------------------------------------------------------------------


def test_create_account_with_every_field_and_read_it_back(centra: CentraClient) -> None:
    window = create_window(centra)
    data = {
        "name": "Boutique Nord",
        "status": "INACTIVE",
        "market": {"id": WHOLESALE_MARKET},
        "pricelist": {"id": WHOLESALE_PRICELIST},
        "internalComment": "Met at the fair",
        "otherComment": "Prefers e-mail",
        "websiteUrl": "https://nord.example",
        "creditLimit": {"value": 5000, "currencyIsoCode": "EUR"},
        "applyCreditLimit": True,
        "blockIfUnpaidInvoices": True,
        "hasBrandsRestriction": True,
        "addBrands": [{"id": 1}],
        "isInternal": False,
        "carrierInformation": {"carrierName": "DHL", "serviceName": "Freight"},
        "allocationRule": {"id": 1},
        "paymentTerms": {"id": 1},
        "shippingTerms": {"id": 2},
        "accountAddress": {"companyName": "Nord AB", "city": "Umeå", "country": {"code": "SE"}},
        "shippingAddress": {"address1": "Storgatan 1", "city": "Umeå", "country": {"code": "SE"}},
        "billingAddress": {"email": "invoices@nord.example", "country": {"code": "SE"}},
        "discounts": {
            "generalDiscount": {"discountPercent": 14.3, "isVisible": True},
            "addDeliveryWindowDiscounts": [
                {"deliveryWindow": {"id": window}, "discountPercent": 20}
            ],
        },
    }

    result = centra.graphql(CREATE_ACCOUNT, {"input": data})

    account = result.ok("createAccount")["account"]
    expected = {
        "id": account["id"],
        "name": "Boutique Nord",
        "status": "INACTIVE",
        "discountPercent": 14.3,
        "isDiscountVisible": True,
        "deliveryWindowDiscounts": [{"deliveryWindow": {"id": window}, "discountPercent": 20.0}],
        "creditLimit": {"value": 5000.0, "currency": {"code": "EUR"}},
        "applyCreditLimit": True,
        "blockIfUnpaidInvoices": True,
        "hasBrandsRestriction": True,
        "brands": [{"id": 1}],
        "isInternal": False,
        "internalComment": "Met at the fair",
        "otherComment": "Prefers e-mail",
        "websiteUrl": "https://nord.example",
        "carrierInformation": {"carrierName": "DHL", "serviceName": "Freight"},
        "market": {"id": WHOLESALE_MARKET},
        "pricelist": {"id": WHOLESALE_PRICELIST},
        "store": {"id": WHOLESALE_STORE},
        "allocationRule": {"id": 1},
        "paymentTerms": {"id": 1, "name": "Net 30 days"},
        "shippingTerms": {"id": 2, "name": "DAP"},
        "accountAddress": {"companyName": "Nord AB", "city": "Umeå", "country": {"code": "SE"}},
        "shippingAddress": {
            "address1": "Storgatan 1",
            "city": "Umeå",
            "country": {"code": "SE"},
        },
        "billingAddress": {"email": "invoices@nord.example", "country": {"code": "SE"}},
        "buyers": [],
    }
    assert account == expected
    assert accounts(centra) == [expected]
    assert result.extensions["permissionsUsed"] == [
        "Account:write",
        "Account:read",
        "Brand:read",
        "Market:read",
        "Pricelist:read",
        "Store:read",
        "AllocationRule:read",
        "PaymentTerms:read",
        "ShippingTerms:read",
        "Account.accountAddress:read",
        "Account.shippingAddress:read",
        "Account.billingAddress:read",
        "Buyer:read",
    ]


BASE_ACCOUNT = {
    "name": "Boutique Nord",
    "market": {"id": WHOLESALE_MARKET},
    "pricelist": {"id": WHOLESALE_PRICELIST},
}


@pytest.mark.parametrize(
    ("change", "message", "path"),
    [
        ({"name": "  "}, "Account name cannot be empty.", ["input", "name"]),
        ({"market": {"id": 999}}, "Could not find Market with ID 999.", ["input", "market"]),
        (
            {"market": {"externalId": "nope"}},
            "Could not find Market with external ID nope.",
            ["input", "market"],
        ),
        (
            {"market": {"id": RETAIL_MARKET}, "pricelist": {"id": RETAIL_PRICELIST}},
            "Market 1 is not in a wholesale store.",
            ["input", "market"],
        ),
        (
            {"pricelist": {"id": RETAIL_PRICELIST}},
            "Pricelist 1 does not belong to the store of market 2.",
            ["input", "pricelist"],
        ),
        (
            {"discounts": {"generalDiscount": {"discountPercent": 100.5}}},
            "Discount percent must be between 0 and 100.",
            ["input", "discounts", "generalDiscount", "discountPercent"],
        ),
        (
            {"creditLimit": {"value": 100, "currencyIsoCode": "SEK"}},
            "Credit limit currency SEK does not match the currency EUR of pricelist 5.",
            ["input", "creditLimit", "currencyIsoCode"],
        ),
        (
            {"creditLimit": {"value": -1, "currencyIsoCode": "EUR"}},
            "Credit limit cannot be negative.",
            ["input", "creditLimit", "value"],
        ),
        (
            {"paymentTerms": {"id": 99}},
            "Could not find PaymentTerms with ID 99.",
            ["input", "paymentTerms"],
        ),
        (
            {"addBrands": [{"id": 1}, {"id": 404}]},
            "Could not find Brand with ID 404.",
            ["input", "addBrands", "1"],
        ),
        (
            {"shippingAddress": {"city": "Oslo", "country": {"code": "XX"}}},
            "Could not find Country with code XX.",
            ["input", "shippingAddress", "country"],
        ),
        (
            {
                "discounts": {
                    "addDeliveryWindowDiscounts": [
                        {"deliveryWindow": {"id": 77}, "discountPercent": 5}
                    ]
                }
            },
            "Could not find DeliveryWindow with ID 77.",
            ["input", "discounts", "addDeliveryWindowDiscounts", "0", "deliveryWindow"],
        ),
    ],
)
def test_create_account_refusals_change_nothing(
    centra: CentraClient, change: dict, message: str, path: list[str]
) -> None:
    result = centra.graphql(CREATE_ACCOUNT, {"input": {**BASE_ACCOUNT, **change}})

    assert result.payload("createAccount") == {
        "userErrors": [{"message": message, "path": path}],
        "userWarnings": [],
        "account": None,
    }
    assert accounts(centra) == []


def test_a_delivery_window_discount_twice_is_refused(centra: CentraClient) -> None:
    window = create_window(centra)
    twice = [{"deliveryWindow": {"id": window}, "discountPercent": p} for p in (5, 6)]

    result = centra.graphql(
        CREATE_ACCOUNT,
        {"input": {**BASE_ACCOUNT, "discounts": {"addDeliveryWindowDiscounts": twice}}},
    ).payload("createAccount")

    assert result["userErrors"] == [
        {
            "message": f"Delivery window {window} is listed twice.",
            "path": ["input", "discounts", "addDeliveryWindowDiscounts", "1", "deliveryWindow"],
        }
    ]
    assert accounts(centra) == []


def test_update_account_changes_status_and_discounts(centra: CentraClient) -> None:
    first, second = create_window(centra, name="A"), create_window(centra, name="B")
    account = create_account(
        centra,
        status="INACTIVE",
        discounts={
            "generalDiscount": {"discountPercent": 14.3, "isVisible": True},
            "addDeliveryWindowDiscounts": [
                {"deliveryWindow": {"id": first}, "discountPercent": 12.3},
                {"deliveryWindow": {"id": second}, "discountPercent": 23.4},
            ],
        },
    )

    result = centra.graphql(
        UPDATE_ACCOUNT,
        {
            "id": account["id"],
            "input": {
                "status": "ACTIVE",
                "discounts": {
                    "generalDiscount": {"discountPercent": 10.0, "isVisible": False},
                    "addDeliveryWindowDiscounts": [
                        {"deliveryWindow": {"id": first}, "discountPercent": 5}
                    ],
                    "removeDeliveryWindowDiscounts": [{"id": second}],
                },
            },
        },
    ).ok("updateAccount")

    updated = result["account"]
    assert (updated["status"], updated["discountPercent"], updated["isDiscountVisible"]) == (
        "ACTIVE",
        10.0,
        False,
    )
    assert updated["deliveryWindowDiscounts"] == [
        {"deliveryWindow": {"id": first}, "discountPercent": 5.0}
    ]
    assert result["userWarnings"] == []
    assert accounts(centra)[0]["deliveryWindowDiscounts"] == updated["deliveryWindowDiscounts"]


def test_removing_a_discount_the_account_does_not_have_is_a_warning(centra: CentraClient) -> None:
    window = create_window(centra)
    account = create_account(centra)

    result = centra.graphql(
        UPDATE_ACCOUNT,
        {
            "id": account["id"],
            "input": {"discounts": {"removeDeliveryWindowDiscounts": [{"id": window}]}},
        },
    ).ok("updateAccount")

    assert result["userWarnings"] == [
        {
            "message": f"Account {account['id']} has no discount for delivery window {window}, "
            "skipped.",
            "path": ["input", "discounts", "removeDeliveryWindowDiscounts", "0"],
        }
    ]


def test_update_account_refusals_change_nothing(centra: CentraClient) -> None:
    account = create_account(centra, discounts={"generalDiscount": {"discountPercent": 5}})

    unknown = centra.graphql(UPDATE_ACCOUNT, {"id": 999, "input": {"name": "X"}})
    bad = centra.graphql(
        UPDATE_ACCOUNT,
        {
            "id": account["id"],
            "input": {
                "name": "Renamed",
                "discounts": {"generalDiscount": {"discountPercent": -1}},
            },
        },
    )

    assert unknown.payload("updateAccount")["userErrors"] == [
        {"message": "Could not find Account with ID 999.", "path": ["id"]}
    ]
    assert bad.payload("updateAccount")["userErrors"] == [
        {
            "message": "Discount percent must be between 0 and 100.",
            "path": ["input", "discounts", "generalDiscount", "discountPercent"],
        }
    ]
    [after] = accounts(centra)
    assert (after["name"], after["discountPercent"]) == ("Boutique Nord", 5.0)


def test_accounts_filter_by_name_and_status(centra: CentraClient) -> None:
    create_account(centra, name="Boutique Nord", status="ACTIVE")
    create_account(centra, name="Magasin Sud", status="INACTIVE")

    by_name = accounts(centra, {"name": {"contains": "Sud"}})
    by_status = accounts(centra, {"status": ["ACTIVE"]})

    assert [a["name"] for a in by_name] == ["Magasin Sud"]
    assert [a["name"] for a in by_status] == ["Boutique Nord"]


# --- buyers --------------------------------------------------------------------------------


def test_create_and_update_a_buyer(centra: CentraClient) -> None:
    account = create_account(centra)["id"]

    created = centra.graphql(
        CREATE_BUYER,
        {
            "input": {
                "store": {"id": WHOLESALE_STORE},
                "status": "ACTIVE",
                "account": {"id": account},
                "websiteUrl": "Example URL",
                "receiveAutoEmails": True,
                "billingAddress": {
                    "firstName": "Jon",
                    "lastName": "Snow",
                    "city": "Winterfell",
                    "email": "Jon.Snow@Centra.com",
                },
            }
        },
    ).ok("createBuyer")["buyer"]
    updated = centra.graphql(
        UPDATE_BUYER,
        {
            "id": created["id"],
            "input": {"websiteUrl": "Different URL", "billingAddress": {"city": "TheWall"}},
        },
    ).ok("updateBuyer")["buyer"]

    assert created == {
        "id": created["id"],
        "status": "ACTIVE",
        "email": "jon.snow@centra.com",
        "firstName": "Jon",
        "lastName": "Snow",
        "websiteUrl": "Example URL",
        "receiveAutoEmails": True,
        "receiveNewsletters": False,
        "account": {"id": account},
        "store": {"id": WHOLESALE_STORE},
        "billingAddress": {
            "firstName": "Jon",
            "email": "jon.snow@centra.com",
            "city": "Winterfell",
        },
    }
    assert updated["websiteUrl"] == "Different URL"
    assert updated["billingAddress"] == {
        "firstName": "Jon",
        "email": "jon.snow@centra.com",
        "city": "TheWall",
    }
    assert centra.graphql(BUYERS, {"w": {"accountId": [account]}}).payload("buyers") == [updated]
    assert accounts(centra)[0]["buyers"] == [{"id": created["id"], "email": "jon.snow@centra.com"}]


@pytest.mark.parametrize(
    ("change", "message", "path"),
    [
        ({"account": {"id": 999}}, "Could not find Account with ID 999.", ["input", "account"]),
        (
            {"store": {"id": 1}},
            "Store 1 is not in a wholesale store.",
            ["input", "store"],
        ),
        (
            {"billingAddress": {"firstName": "No mail"}},
            "A buyer needs an email address (billingAddress.email).",
            ["input", "billingAddress", "email"],
        ),
        (
            {"billingAddress": {"email": "not-an-email"}},
            '"not-an-email" is not a valid email address.',
            ["input", "billingAddress", "email"],
        ),
        (
            {"billingAddress": {"email": "TAKEN@nord.example"}},
            "A buyer with email taken@nord.example already exists.",
            ["input", "billingAddress", "email"],
        ),
    ],
)
def test_create_buyer_refusals_change_nothing(
    centra: CentraClient, change: dict, message: str, path: list[str]
) -> None:
    account = create_account(centra)["id"]
    first = create_buyer(centra, account, "taken@nord.example")
    data = {"account": {"id": account}, "billingAddress": {"email": "new@nord.example"}, **change}

    result = centra.graphql(CREATE_BUYER, {"input": data}).payload("createBuyer")

    assert result == {"userErrors": [{"message": message, "path": path}], "buyer": None}
    assert [b["id"] for b in centra.graphql(BUYERS).payload("buyers")] == [first]


def test_a_buyer_and_an_account_can_be_given_by_external_id(centra: CentraClient) -> None:
    account = create_account(centra)["id"]
    centra.graphql(
        """mutation($id: Int!) { setIdConversions(input: [
             {objectType: Account, internalId: $id, externalId: "ERP-ACC-1"}]) {
             userErrors { message } } }""",
        {"id": account},
    ).ok("setIdConversions")

    buyer = centra.graphql(
        CREATE_BUYER,
        {
            "input": {
                "account": {"externalId": "ERP-ACC-1"},
                "billingAddress": {"email": "ext@nord.example"},
            }
        },
    ).ok("createBuyer")["buyer"]
    unknown = centra.graphql(
        CREATE_BUYER,
        {"input": {"account": {"externalId": "ERP-ACC-2"}, "billingAddress": {"email": "x@y.z"}}},
    ).payload("createBuyer")

    assert buyer["account"] == {"id": account}
    assert unknown["userErrors"] == [
        {
            "message": "Could not find Account with external ID ERP-ACC-2.",
            "path": ["input", "account"],
        }
    ]


# --- delivery windows ----------------------------------------------------------------------


def test_create_an_at_once_delivery_window(centra: CentraClient) -> None:
    result = centra.graphql(
        CREATE_WINDOW,
        {
            "input": {
                "name": "First AtOnce DelWin",
                "status": "ACTIVE",
                "deliveryDatesVisible": True,
                "selectableByBuyers": True,
                "selectedByDefault": False,
                "defaultVariantDeliveryType": "STOCK",
                "allocationRule": {"id": 1},
                "markets": [{"id": WHOLESALE_MARKET}],
                "atOnce": {"daysFromNow": 0, "selectableDate": True},
            }
        },
    )

    window = result.ok("createDeliveryWindow")["deliveryWindow"]
    assert window == {
        "id": window["id"],
        "name": "First AtOnce DelWin",
        "status": "ACTIVE",
        "markets": [{"id": WHOLESALE_MARKET, "name": "Wholesale market"}],
        "campaigns": [],
        "allocationRule": {"id": 1, "name": "Default allocation rule"},
        "defaultVariantDeliveryType": "STOCK",
        "deliveryDatesVisible": True,
        "deliveryWindowVariants": [],
        "selectableByBuyers": True,
        "selectedByDefault": False,
        "daysFromNow": None,
        "selectableDate": True,
    }
    assert result.extensions["permissionsUsed"] == [  # Centra's answer: no Product:read
        "DeliveryWindow:write",
        "DeliveryWindow:read",
        "Market:read",
        "Campaign:read",
        "AllocationRule:read",
    ]


BASE_WINDOW = {"name": "W", "markets": [{"id": WHOLESALE_MARKET}], "atOnce": {}}
PREORDER = {
    "deliveryDateRange": {"from": "2022-08-01", "to": "2022-10-31"},
    "salesDateRange": {"from": "2022-08-01", "to": "2022-10-31"},
}


@pytest.mark.parametrize(
    ("change", "message", "path"),
    [
        ({"name": ""}, "Delivery window name cannot be empty.", ["input", "name"]),
        (
            {"atOnce": None},
            "A delivery window needs preorder or atOnce fields.",
            ["input"],
        ),
        ({"preorder": PREORDER}, "Give either preorder or atOnce, not both.", ["input"]),
        ({"markets": []}, "At least one market is required.", ["input", "markets"]),
        (
            {"markets": [{"id": RETAIL_MARKET}]},
            "Market 1 is not in a wholesale store.",
            ["input", "markets", "0"],
        ),
        (
            {"allocationRule": {"id": 42}},
            "Could not find AllocationRule with ID 42.",
            ["input", "allocationRule"],
        ),
        (
            {"atOnce": {"daysFromNow": -2}},
            "daysFromNow cannot be negative.",
            ["input", "atOnce", "daysFromNow"],
        ),
        (
            {"atOnce": None, "preorder": {**PREORDER, "salesDateRange": None}},
            "salesDateRange is required for a preorder delivery window.",
            ["input", "preorder", "salesDateRange"],
        ),
        (
            {
                "atOnce": None,
                "preorder": {
                    **PREORDER,
                    "deliveryDateRange": {"from": "2022-10-31", "to": "2022-08-01"},
                },
            },
            "The end date cannot be before the start date.",
            ["input", "preorder", "deliveryDateRange", "to"],
        ),
        (
            {
                "atOnce": None,
                "preorder": {**PREORDER, "salesDateRange": {"from": "soon", "to": "2022-08-01"}},
            },
            "Cannot read 'soon' as a date.",
            ["input", "preorder", "salesDateRange", "from"],
        ),
    ],
)
def test_create_delivery_window_refusals_change_nothing(
    centra: CentraClient, change: dict, message: str, path: list[str]
) -> None:
    data = {k: v for k, v in {**BASE_WINDOW, **change}.items() if v is not None}

    result = centra.graphql(CREATE_WINDOW, {"input": data}).payload("createDeliveryWindow")

    assert result == {"userErrors": [{"message": message, "path": path}], "deliveryWindow": None}
    assert centra.graphql(WINDOWS).payload("deliveryWindows") == []


def test_update_a_delivery_window_replaces_markets_and_cancels(centra: CentraClient) -> None:
    window = create_window(centra, name="First AtOnce DelWin")

    renamed = centra.graphql(
        UPDATE_WINDOW,
        {"id": window, "input": {"name": "Renamed", "markets": [{"id": WHOLESALE_MARKET}]}},
    ).ok("updateDeliveryWindow")["deliveryWindow"]
    cancelled = centra.graphql(UPDATE_WINDOW, {"id": window, "input": {"status": "CANCELLED"}}).ok(
        "updateDeliveryWindow"
    )["deliveryWindow"]
    wrong_kind = centra.graphql(
        UPDATE_WINDOW, {"id": window, "input": {"name": "X", "preorder": PREORDER}}
    ).payload("updateDeliveryWindow")
    unknown = centra.graphql(UPDATE_WINDOW, {"id": 999, "input": {"name": "X"}}).payload(
        "updateDeliveryWindow"
    )

    assert renamed["name"] == "Renamed"
    assert cancelled["status"] == "CANCELLED"
    assert wrong_kind["userErrors"] == [
        {
            "message": f"Delivery window {window} is an at once window; it has no preorder fields.",
            "path": ["input", "preorder"],
        }
    ]
    assert unknown["userErrors"] == [
        {"message": "Could not find DeliveryWindow with ID 999.", "path": ["id"]}
    ]
    [after] = centra.graphql(WINDOWS).payload("deliveryWindows")
    assert (after["name"], after["status"]) == ("Renamed", "CANCELLED")


def test_set_and_unset_delivery_window_variants(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = wholesale_item(centra, centra_factories)
    window = create_window(centra)
    limit = {"value": 100, "type": "HIGH", "on": "ProductVariant"}

    result = set_variants(
        centra,
        window,
        [
            {"productVariant": {"id": item.variant_id}, "type": "STOCK", "limit": limit},
            {"productVariant": {"id": item.variant_id}, "type": "PREORDER"},
        ],
    )
    unset = centra.graphql(
        UNSET_VARIANTS,
        {
            "input": {
                "deliveryWindow": {"id": window},
                "productVariants": [{"id": item.variant_id}, {"id": item.variant_id}],
            }
        },
    ).ok("unsetDeliveryWindowVariants")

    assert result["userErrors"] == []
    assert result["userWarnings"] == [
        {
            "message": f"Duplicate variant ID {item.variant_id} skipped",
            "path": ["input", "variants", "1"],
        }
    ]
    [variant] = result["deliveryWindow"]["deliveryWindowVariants"]
    assert variant["limit"] == {"value": 100, "on": "ProductVariant", "type": "HIGH"}
    assert (variant["type"], variant["product"]["id"]) == ("STOCK", item.product_id)
    assert unset["deliveryWindow"]["deliveryWindowVariants"] == []
    assert unset["userWarnings"] == [
        {
            "message": f"Product variant {item.variant_id} is not in delivery window {window}, "
            "skipped.",
            "path": ["input", "productVariants", "1"],
        }
    ]


def test_more_than_100_variants_in_one_call_are_refused(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = wholesale_item(centra, centra_factories)
    window = create_window(centra)
    variants = [{"productVariant": {"id": item.variant_id}, "type": "STOCK"}] * 101

    result = set_variants(centra, window, variants)

    assert result["userErrors"] == [
        {
            "message": "At most 100 variants can be set in one call; 101 were given.",
            "path": ["input", "variants"],
        }
    ]
    [after] = centra.graphql(WINDOWS).payload("deliveryWindows")
    assert after["deliveryWindowVariants"] == []


def test_set_variants_refusals_change_nothing(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = wholesale_item(centra, centra_factories)
    window = create_window(centra)

    unknown_window = set_variants(centra, 999, [{"productVariant": {"id": item.variant_id}}])
    unknown_variant = set_variants(
        centra,
        window,
        [{"productVariant": {"id": item.variant_id}}, {"productVariant": {"id": 99999}}],
    )

    assert unknown_window["userErrors"] == [
        {
            "message": "Could not find DeliveryWindow with ID 999.",
            "path": ["input", "deliveryWindow"],
        }
    ]
    assert unknown_variant["userErrors"] == [
        {
            "message": "Could not find ProductVariant with ID 99999.",
            "path": ["input", "variants", "1", "productVariant"],
        }
    ]
    [after] = centra.graphql(WINDOWS).payload("deliveryWindows")
    assert after["deliveryWindowVariants"] == []


def test_a_price_alteration_lists_the_windows_priced_by_it(centra: CentraClient) -> None:
    alteration = centra.graphql(
        """mutation { createPriceAlteration(input: {name: "Spring", status: INACTIVE,
           store: {id: 2}, startDate: "2030-01-01"}) { priceAlteration { id } userErrors { message } } }"""
    ).ok("createPriceAlteration")["priceAlteration"]["id"]
    window = create_window(centra, priceAlteration={"id": alteration})

    read = centra.graphql(
        "query($id: Int!) { priceAlteration(id: $id) { deliveryWindows { id name } } }",
        {"id": alteration},
    ).payload("priceAlteration")

    assert read == {"deliveryWindows": [{"id": window, "name": "Spring at once"}]}


def test_delivery_windows_filter_by_id_and_status(centra: CentraClient) -> None:
    first = create_window(centra, name="A")
    create_window(centra, name="B", status="INACTIVE")

    by_id = centra.graphql(WINDOWS, {"w": {"id": first}}).payload("deliveryWindows")
    active = centra.graphql(WINDOWS, {"w": {"status": ["ACTIVE"]}}).payload("deliveryWindows")

    assert [w["name"] for w in by_id] == ["A"]
    assert [w["name"] for w in active] == ["A"]


# --- wholesale orders ----------------------------------------------------------------------


def test_a_buyer_orders_at_the_pricelist_price_minus_the_account_discount(
    centra: CentraClient, centra_factories: Factories
) -> None:
    s = wholesale_setup(centra, centra_factories, discount="14.3")
    before = stock_of(centra, s.item.product_size_id)

    result = centra.graphql(CREATE_ORDER, {"input": order_input(s, quantity=2)})

    order = result.ok("createWholesaleOrder")["order"]
    unit = discounted(s.item.price, "14.3")
    [line] = order["lines"]
    assert line == {
        "id": line["id"],
        "quantity": 2,
        "unitPrice": {"value": float(unit), "currency": {"code": "EUR"}},
        "unitOriginalPrice": {"value": float(s.item.price)},
        "hasAnyDiscount": True,
        "discountPercent": line["discountPercent"],
        "taxPercent": 0.0,
        "lineValue": {"value": float(unit * 2)},
    }
    assert abs(line["discountPercent"] - 14.3) < 0.01
    assert order["status"] == "PENDING"
    assert order["paymentMethod"] == {"uri": "invoice", "plugin": "invoice", "name": "invoice"}
    assert order["paymentHistory"] == []
    assert order["grandTotal"] == {"value": float(unit * 2), "currency": {"code": "EUR"}}
    assert order["purchaseOrderNumber"] == "PO-1001"
    assert order["buyer"] == {
        "id": s.buyer,
        "email": "buyer@nord.example",
        "firstName": "Jon",
        "lastName": "Snow",
    }
    assert order["account"] == {"id": s.account, "name": "Boutique Nord"}
    assert order["deliveryWindows"] == [{"id": s.window, "name": "Spring at once"}]
    physical, allocated, free = stock_of(centra, s.item.product_size_id)
    assert (physical, allocated, free) == (before[0], before[1] + 2, before[2] - 2)
    assert result.extensions["permissionsUsed"] == [
        "Order:write",
        "Order:read",
        "PaymentHistory:read",
        "Buyer:read",
        "Account:read",
        "DeliveryWindow:read",
    ]


def test_a_delivery_window_discount_replaces_the_general_one(
    centra: CentraClient, centra_factories: Factories
) -> None:
    s = wholesale_setup(centra, centra_factories, discount="10")
    centra.graphql(
        UPDATE_ACCOUNT,
        {
            "id": s.account,
            "input": {
                "discounts": {
                    "addDeliveryWindowDiscounts": [
                        {"deliveryWindow": {"id": s.window}, "discountPercent": 25}
                    ]
                }
            },
        },
    ).ok("updateAccount")

    order = centra.graphql(CREATE_ORDER, {"input": order_input(s, 1)}).ok("createWholesaleOrder")

    [line] = order["order"]["lines"]
    assert line["unitPrice"]["value"] == float(discounted(s.item.price, "25"))
    assert line["unitOriginalPrice"]["value"] == float(s.item.price)


def test_without_a_discount_the_line_shows_no_discount(
    centra: CentraClient, centra_factories: Factories
) -> None:
    s = wholesale_setup(centra, centra_factories, discount=None)

    order = centra.graphql(CREATE_ORDER, {"input": order_input(s, 1)}).ok("createWholesaleOrder")

    [line] = order["order"]["lines"]
    assert line["unitPrice"]["value"] == line["unitOriginalPrice"]["value"] == float(s.item.price)
    assert (line["hasAnyDiscount"], line["discountPercent"]) == (False, 0.0)


def test_an_account_alone_orders_through_its_first_active_buyer(
    centra: CentraClient, centra_factories: Factories
) -> None:
    s = wholesale_setup(centra, centra_factories)
    data = order_input(s, 1)
    del data["buyer"]
    data["account"] = {"id": s.account}

    order = centra.graphql(CREATE_ORDER, {"input": data}).ok("createWholesaleOrder")["order"]

    assert order["buyer"]["id"] == s.buyer


def _inactive_account(centra: CentraClient, s: Setup) -> tuple[dict, str]:
    centra.graphql(UPDATE_ACCOUNT, {"id": s.account, "input": {"status": "INACTIVE"}}).ok(
        "updateAccount"
    )
    message = f'Account {s.account} is "INACTIVE": only active accounts can place orders.'
    return order_input(s), message


def _inactive_buyer(centra: CentraClient, s: Setup) -> tuple[dict, str]:
    centra.graphql(UPDATE_BUYER, {"id": s.buyer, "input": {"status": "INACTIVE"}}).ok("updateBuyer")
    return order_input(s), f'Buyer {s.buyer} is "INACTIVE": only active buyers can place orders.'


def _account_without_buyers(centra: CentraClient, s: Setup) -> tuple[dict, str]:
    other = create_account(centra, name="Empty")["id"]
    data = order_input(s)
    del data["buyer"]
    message = f"Account {other} has no active buyer: create a buyer before placing orders."
    return {**data, "account": {"id": other}}, message


def _buyer_of_another_account(centra: CentraClient, s: Setup) -> tuple[dict, str]:
    other = create_account(centra, name="Other")["id"]
    message = f"Buyer {s.buyer} does not belong to account {other}."
    return {**order_input(s), "account": {"id": other}}, message


def _variant_not_in_window(centra: CentraClient, s: Setup) -> tuple[dict, str]:
    centra.graphql(
        UNSET_VARIANTS,
        {
            "input": {
                "deliveryWindow": {"id": s.window},
                "productVariants": [{"id": s.item.variant_id}],
            }
        },
    ).ok("unsetDeliveryWindowVariants")
    message = f"Product variant {s.item.variant_id} is not sold in delivery window {s.window}."
    return order_input(s), message


def _inactive_window(centra: CentraClient, s: Setup) -> tuple[dict, str]:
    centra.graphql(UPDATE_WINDOW, {"id": s.window, "input": {"status": "INACTIVE"}}).ok(
        "updateDeliveryWindow"
    )
    return order_input(s), f'Delivery window {s.window} is "INACTIVE" and takes no orders.'


def _closed_preorder_window(centra: CentraClient, s: Setup) -> tuple[dict, str]:
    window = create_window(centra, name="Closed", atOnce=None, preorder=PREORDER)
    set_variants(centra, window, [{"productVariant": {"id": s.item.variant_id}}])
    message = (
        f"Delivery window {window} takes orders from 2022-08-01 to 2022-10-31, not on 2031-03-01."
    )
    return {**order_input(s), "deliveryWindow": {"id": window}}, message


def _over_the_limit(centra: CentraClient, s: Setup) -> tuple[dict, str]:
    set_variants(
        centra, s.window, [{"productVariant": {"id": s.item.variant_id}, "limit": {"value": 1}}]
    )
    message = (
        f"Only 1 more units of product variant {s.item.variant_id} can be ordered in delivery "
        f"window {s.window} (limit 1)."
    )
    return order_input(s, quantity=2), message


def _over_the_size_limit(centra: CentraClient, s: Setup) -> tuple[dict, str]:
    limit = {"value": 3, "on": "ProductSize", "type": "HIGH"}
    set_variants(centra, s.window, [{"productVariant": {"id": s.item.variant_id}, "limit": limit}])
    data = order_input(s, quantity=2)
    data["lines"] = data["lines"] * 2  # 2 + 2 of the same size in one order
    message = (
        f"Only 1 more units of product size {s.item.product_size_id} can be ordered in delivery "
        f"window {s.window} (limit 3)."
    )
    return data, message


def _over_the_credit_limit(centra: CentraClient, s: Setup) -> tuple[dict, str]:
    centra.graphql(
        UPDATE_ACCOUNT,
        {
            "id": s.account,
            "input": {
                "applyCreditLimit": True,
                "creditLimit": {"value": float(s.item.price), "currencyIsoCode": "EUR"},
            },
        },
    ).ok("updateAccount")
    message = (
        f"The order total {s.item.price * 2:.2f} EUR exceeds the credit limit of account "
        f"{s.account}: {s.item.price:.2f} EUR with 0.00 EUR outstanding."
    )
    return order_input(s, quantity=2), message


def _no_window(centra: CentraClient, s: Setup) -> tuple[dict, str]:
    data = order_input(s)
    del data["deliveryWindow"]
    return data, "A delivery window is required."


def _zero_quantity(centra: CentraClient, s: Setup) -> tuple[dict, str]:
    return order_input(s, quantity=0), "Quantity must be at least 1."


def _unknown_country(centra: CentraClient, s: Setup) -> tuple[dict, str]:
    data = {**order_input(s), "shippingAddress": {"country": {"code": "ZZ"}}}
    return data, "Could not find Country with code ZZ."


REFUSALS = [
    (_inactive_account, ["input", "account"]),
    (_inactive_buyer, ["input", "buyer"]),
    (_account_without_buyers, ["input", "account"]),
    (_buyer_of_another_account, ["input", "buyer"]),
    (_variant_not_in_window, ["input", "lines", "0", "productSize"]),
    (_inactive_window, ["input", "deliveryWindow"]),
    (_closed_preorder_window, ["input", "deliveryWindow"]),
    (_over_the_limit, ["input", "lines", "0", "quantity"]),
    (_over_the_size_limit, ["input", "lines", "1", "quantity"]),
    (_over_the_credit_limit, ["input"]),
    (_no_window, ["input", "deliveryWindow"]),
    (_zero_quantity, ["input", "lines", "0", "quantity"]),
    (_unknown_country, ["input", "shippingAddress", "country"]),
]


@pytest.mark.parametrize(("arrange", "path"), REFUSALS, ids=[a.__name__ for a, _ in REFUSALS])
def test_wholesale_order_refusals_change_nothing(
    centra: CentraClient, centra_factories: Factories, arrange: Any, path: list[str]
) -> None:
    centra.post("/_mock/clock", json={"freeze": "2031-03-01T10:00:00+00:00"})
    s = wholesale_setup(centra, centra_factories, discount=None)
    data, message = arrange(centra, s)
    before = stock_of(centra, s.item.product_size_id)

    result = centra.graphql(CREATE_ORDER, {"input": data}).payload("createWholesaleOrder")

    assert result == {
        "userErrors": [{"message": message, "path": path}],
        "userWarnings": [],
        "order": None,
    }
    assert wholesale_orders(centra) == []
    assert stock_of(centra, s.item.product_size_id) == before


def test_unknown_references_in_a_wholesale_order(
    centra: CentraClient, centra_factories: Factories
) -> None:
    s = wholesale_setup(centra, centra_factories)

    buyer = centra.graphql(CREATE_ORDER, {"input": {**order_input(s), "buyer": {"id": 999}}})
    window = centra.graphql(
        CREATE_ORDER, {"input": {**order_input(s), "deliveryWindow": {"externalId": "DW-9"}}}
    )
    size = centra.graphql(
        CREATE_ORDER,
        {"input": {**order_input(s), "lines": [{"productSize": {"id": 99999}, "quantity": 1}]}},
    )

    assert buyer.payload("createWholesaleOrder")["userErrors"] == [
        {"message": "Could not find Buyer with ID 999.", "path": ["input", "buyer"]}
    ]
    assert window.payload("createWholesaleOrder")["userErrors"] == [
        {
            "message": "Could not find DeliveryWindow with external ID DW-9.",
            "path": ["input", "deliveryWindow"],
        }
    ]
    assert size.payload("createWholesaleOrder")["userErrors"] == [
        {
            "message": "Could not find ProductSize with ID 99999.",
            "path": ["input", "lines", "0", "productSize"],
        }
    ]
    assert wholesale_orders(centra) == []


def test_references_by_external_id_place_the_order(
    centra: CentraClient, centra_factories: Factories
) -> None:
    s = wholesale_setup(centra, centra_factories)
    centra.graphql(
        """mutation($b: Int!, $w: Int!) { setIdConversions(input: [
             {objectType: Buyer, internalId: $b, externalId: "ERP-B-1"},
             {objectType: DeliveryWindow, internalId: $w, externalId: "SS31"}]) {
             userErrors { message } } }""",
        {"b": s.buyer, "w": s.window},
    ).ok("setIdConversions")
    data = {
        **order_input(s),
        "buyer": {"externalId": "ERP-B-1"},
        "deliveryWindow": {"externalId": "SS31"},
    }

    order = centra.graphql(CREATE_ORDER, {"input": data}).ok("createWholesaleOrder")["order"]

    assert (order["buyer"]["id"], order["deliveryWindows"][0]["id"]) == (s.buyer, s.window)


def test_preorder_lines_are_placed_as_demand(
    centra: CentraClient, centra_factories: Factories
) -> None:
    centra.post("/_mock/clock", json={"freeze": "2022-09-01T10:00:00+00:00"})
    s = wholesale_setup(centra, centra_factories)
    window = create_window(centra, name="Preorder", atOnce=None, preorder=PREORDER)
    set_variants(
        centra, window, [{"productVariant": {"id": s.item.variant_id}, "type": "PREORDER"}]
    )
    before = stock_of(centra, s.item.product_size_id)

    order = centra.graphql(
        CREATE_ORDER, {"input": {**order_input(s, 3), "deliveryWindow": {"id": window}}}
    ).ok("createWholesaleOrder")["order"]

    assert stock_of(centra, s.item.product_size_id) == before
    assert order["deliveryWindows"] == [
        {
            "id": window,
            "name": "Preorder",
            "deliveryStartDate": "2022-08-01T00:00:00+02:00",
            "deliveryEndDate": "2022-10-31T00:00:00+01:00",
        }
    ]


def test_the_credit_limit_counts_unpaid_open_orders(
    centra: CentraClient, centra_factories: Factories
) -> None:
    s = wholesale_setup(centra, centra_factories, discount=None)
    limit = s.item.price * 3
    centra.graphql(
        UPDATE_ACCOUNT,
        {
            "id": s.account,
            "input": {
                "applyCreditLimit": True,
                "creditLimit": {"value": float(limit), "currencyIsoCode": "EUR"},
            },
        },
    ).ok("updateAccount")
    centra.graphql(CREATE_ORDER, {"input": order_input(s, 2)}).ok("createWholesaleOrder")

    second = centra.graphql(CREATE_ORDER, {"input": order_input(s, 2)}).payload(
        "createWholesaleOrder"
    )
    third = centra.graphql(CREATE_ORDER, {"input": order_input(s, 1)})
    owed = centra.graphql(
        "query($id: Int!) { account(id: $id) { outstandingAmount { value } } }", {"id": s.account}
    ).payload("account")

    assert second["userErrors"] == [
        {
            "message": f"The order total {s.item.price * 2:.2f} EUR exceeds the credit limit of "
            f"account {s.account}: {limit:.2f} EUR with {s.item.price * 2:.2f} EUR outstanding.",
            "path": ["input"],
        }
    ]
    third.ok("createWholesaleOrder")
    assert owed == {"outstandingAmount": {"value": float(limit)}}


def test_brand_restriction_limits_what_an_account_can_order(
    centra: CentraClient, centra_factories: Factories
) -> None:
    s = wholesale_setup(centra, centra_factories, hasBrandsRestriction=True)

    result = centra.graphql(CREATE_ORDER, {"input": order_input(s, 1)}).payload(
        "createWholesaleOrder"
    )
    centra.graphql(UPDATE_ACCOUNT, {"id": s.account, "input": {"addBrands": [{"id": 1}]}}).ok(
        "updateAccount"
    )
    allowed = centra.graphql(CREATE_ORDER, {"input": order_input(s, 1)})

    assert result["userErrors"] == [
        {
            "message": f"Product {s.item.product_id} is not available to account {s.account}: "
            "its brand is not among the account's brands.",
            "path": ["input", "lines", "0", "productSize"],
        }
    ]
    allowed.ok("createWholesaleOrder")


# --- after placement: the same flow as direct to consumer orders ---------------------------

CONFIRM = (
    "mutation($n:Int!){confirmOrder(input:{order:{number:$n}}){order{status} userErrors{message}}}"
)
CREATE_SHIPMENT = """mutation($n:Int!,$line:Int!,$q:Int!,$capture:Boolean,$paid:Boolean){
  createShipment(input:{order:{number:$n}, lines:[{orderLine:{id:$line}, quantity:$q}],
    isGoodToGo:true, isPaid:$paid, capture:$capture}) {
    shipment { id isPaid isCaptured lines { id } } userErrors { message path }
    userWarnings { message path } } }"""
CAPTURE_SHIPMENT = """mutation($id:Int!){ captureShipment(id:$id) {
  paymentHistoryEntry { entryType } shipment { isCaptured } userErrors { message path } } }"""
CAPTURE_ORDER = """mutation($n:Int!){ captureOrder(order:{number:$n}) {
  paymentHistoryEntry { entryType } userErrors { message path } } }"""
MARK_PAID = """mutation($id:Int!){ updateShipment(id:$id, input:{isPaid:true}) {
  shipment { isPaid paidAt } userErrors { message } } }"""
COMPLETE = """mutation($id:Int!){ completeShipment(id:$id, input:{shippedAt:"now"}) {
  shipment { isShipped } userErrors { message } } }"""


def _capture_refusal(number: int) -> str:
    return (
        f'Cannot capture order {number}: its paymentType "invoice" has no authorized payment. '
        "Mark the shipment as paid instead (isPaid: true)."
    )


def test_a_wholesale_order_ships_when_marked_paid_and_is_never_captured(
    centra: CentraClient, centra_factories: Factories
) -> None:
    s = wholesale_setup(centra, centra_factories)
    order = centra.graphql(CREATE_ORDER, {"input": order_input(s, 2)}).ok("createWholesaleOrder")
    number, line = order["order"]["number"], order["order"]["lines"][0]["id"]
    centra.graphql(CONFIRM, {"n": number}).ok("confirmOrder")

    capture_order = centra.graphql(CAPTURE_ORDER, {"n": number}).payload("captureOrder")
    created = centra.graphql(
        CREATE_SHIPMENT, {"n": number, "line": line, "q": 2, "capture": True, "paid": False}
    ).ok("createShipment")
    shipment = created["shipment"]["id"]
    capture = centra.graphql(CAPTURE_SHIPMENT, {"id": shipment}).payload("captureShipment")
    paid = centra.graphql(MARK_PAID, {"id": shipment}).ok("updateShipment")
    done = centra.graphql(COMPLETE, {"id": shipment}).ok("completeShipment")

    refusal = _capture_refusal(number)
    assert capture_order["userErrors"] == [{"message": refusal, "path": None}]
    assert created["shipment"]["isCaptured"] is False
    assert created["userWarnings"] == [{"message": refusal, "path": ["input", "capture"]}]
    assert capture["userErrors"] == [{"message": refusal, "path": None}]
    for fragment in ("paymenttype", "capture", "authorized"):
        assert fragment in refusal.lower()
    assert paid["shipment"]["isPaid"] is True
    assert done["shipment"]["isShipped"] is True
    after = order_of(centra, number)
    assert after["status"] == "SHIPPED"
    assert after["paymentHistory"] == []


def test_update_wholesale_order_adds_lines_without_authorization(
    centra: CentraClient, centra_factories: Factories
) -> None:
    s = wholesale_setup(centra, centra_factories, discount=None)
    order = centra.graphql(CREATE_ORDER, {"input": order_input(s, 1)}).ok("createWholesaleOrder")
    number = order["order"]["number"]

    added = centra.graphql(
        """mutation($n:Int!,$d:Int!,$size:Int!,$price:Float!){ updateWholesaleOrder(
             order:{number:$n}, input:{addLines:[{display:{id:$d}, productSize:{id:$size},
             quantity:3, unitPrice:{value:$price, currencyIsoCode:"EUR"}}]}) {
             order { lines { quantity } grandTotal { value } } userErrors { message path } } }""",
        {
            "n": number,
            "d": _display_of(centra, s.item.product_id),
            "size": s.item.product_size_id,
            "price": float(s.item.price),
        },
    ).ok("updateWholesaleOrder")

    assert sum(ln["quantity"] for ln in added["order"]["lines"]) == 4
    assert added["order"]["grandTotal"]["value"] == float(s.item.price * 4)


def _display_of(centra: CentraClient, product_id: int) -> int:
    displays = centra.graphql(
        "query($p: [Int!]) { displays(where: {productId: $p}) { id } }", {"p": [product_id]}
    ).payload("displays")
    return displays[0]["id"]


def test_a_wholesale_shipment_can_be_returned(
    centra: CentraClient, centra_factories: Factories
) -> None:
    s = wholesale_setup(centra, centra_factories)
    order = centra.graphql(CREATE_ORDER, {"input": order_input(s, 2)}).ok("createWholesaleOrder")
    number, line = order["order"]["number"], order["order"]["lines"][0]["id"]
    centra.graphql(CONFIRM, {"n": number}).ok("confirmOrder")
    shipment = centra.graphql(
        CREATE_SHIPMENT, {"n": number, "line": line, "q": 2, "capture": False, "paid": True}
    ).ok("createShipment")["shipment"]
    centra.graphql(COMPLETE, {"id": shipment["id"]}).ok("completeShipment")
    before = stock_of(centra, s.item.product_size_id)

    created = centra.graphql(
        """mutation($s:Int!,$l:Int!){ createReturn(input:{shipment:{id:$s},
             lines:[{shipmentLine:{id:$l}, quantity:1}],
             returnStockActionPolicy:{releaseItemsBackToWarehouse:true}}) {
             return { id status } userErrors { message } } }""",
        {"s": shipment["id"], "l": shipment["lines"][0]["id"]},
    ).ok("createReturn")

    assert created["return"]["status"] == "PENDING"
    assert stock_of(centra, s.item.product_size_id)[0] == before[0] + 1
