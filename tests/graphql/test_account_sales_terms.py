"""What a wholesale account carries for fulfilment and invoicing: its sales representative,
payment and shipping terms, and carrier information (wholesale scenario)."""

from typing import Any

import pytest

from mockcentra.testing import CentraClient

pytestmark = pytest.mark.centra_scenario("wholesale")

ACCOUNT = """salesRepresentative { id name email commissionPercent }
  paymentTerms { id description } shippingTerms { id description }
  carrierInformation { carrierName serviceName accountIdentifier taxId }"""

UPDATE = f"""mutation($id: Int!, $input: AccountUpdateInput!) {{
  updateAccount(id: $id, input: $input) {{
    userErrors {{ message path }} account {{ id {ACCOUNT} }} }} }}"""

NORDIC = {
    "salesRepresentative": {
        "id": 1,
        "name": "Anna Berg",
        "email": "anna.berg@example.com",
        "commissionPercent": 5.0,
    },
    "paymentTerms": {"id": 1, "description": "Net 30 days"},
    "shippingTerms": {"id": 2, "description": "DAP"},
    "carrierInformation": {
        "carrierName": "DHL",
        "serviceName": "Freight",
        "accountIdentifier": "123456789",
        "taxId": "SE556677889901",
    },
}


def account(centra: CentraClient, account_id: int) -> dict[str, Any]:
    return centra.graphql(
        f"query($id:Int!){{ account(id:$id) {{ id {ACCOUNT} }} }}", {"id": account_id}
    ).payload("account")


def test_a_wholesale_order_shows_its_accounts_sales_terms_and_carrier(
    centra: CentraClient,
) -> None:
    # Given the scenario's first order, placed for Nordic Boutique AB
    # When an ERP reads the order's account as the docs' order export does
    response = centra.graphql(
        f"""{{ orders(where:{{number:[1]}}) {{
          ... on WholesaleOrder {{ account {{ id name {ACCOUNT} }} }} }} }}"""
    )

    # Then it gets the sales representative, the terms' descriptions and the carrier
    assert response.errors == []
    assert response.data == {
        "orders": [{"account": {"id": 1, "name": "Nordic Boutique AB", **NORDIC}}]
    }
    assert response.extensions["permissionsUsed"] == [
        "Order:read",
        "Account:read",
        "SalesRepresentative:read",
        "PaymentTerms:read",
        "ShippingTerms:read",
    ]


def test_sales_representatives_list_their_accounts(centra: CentraClient) -> None:
    reps = centra.graphql(
        "{ salesRepresentatives { id name status commissionPercent accounts { name } } }"
    ).payload("salesRepresentatives")

    assert reps == [
        {
            "id": 1,
            "name": "Anna Berg",
            "status": "ACTIVE",
            "commissionPercent": 5.0,
            "accounts": [{"name": "Nordic Boutique AB"}],
        },
        {
            "id": 2,
            "name": "Lukas Meyer",
            "status": "ACTIVE",
            "commissionPercent": 7.5,
            "accounts": [{"name": "Berlin Concept Store GmbH"}],
        },
        {
            "id": 3,
            "name": "Sara Holm",
            "status": "INACTIVE",
            "commissionPercent": 5.0,
            "accounts": [],
        },
    ]


def test_update_account_assigns_a_sales_representative_and_carrier_details(
    centra: CentraClient,
) -> None:
    # Given Maison Paris SARL, with no sales representative and no carrier
    assert account(centra, 3)["salesRepresentative"] is None
    assert account(centra, 3)["carrierInformation"] is None

    # When it is given Lukas Meyer and a carrier with its customer number and tax id
    result = centra.graphql(
        UPDATE,
        {
            "id": 3,
            "input": {
                "salesRepresentative": {"id": 2},
                "carrierInformation": {
                    "carrierName": "UPS",
                    "serviceName": "Standard",
                    "accountIdentifier": "A-7781",
                    "taxId": "FR40303265045",
                },
            },
        },
    ).payload("updateAccount")

    # Then the account shows both, and Lukas Meyer lists it
    assert result["userErrors"] == []
    assert result["account"]["salesRepresentative"]["name"] == "Lukas Meyer"
    assert result["account"]["carrierInformation"] == {
        "carrierName": "UPS",
        "serviceName": "Standard",
        "accountIdentifier": "A-7781",
        "taxId": "FR40303265045",
    }
    reps = centra.graphql("{ salesRepresentatives { id accounts { id } } }").payload(
        "salesRepresentatives"
    )
    assert reps[1] == {"id": 2, "accounts": [{"id": 2}, {"id": 3}]}


def test_create_account_takes_a_sales_representative(centra: CentraClient) -> None:
    created = centra.graphql(
        f"""mutation {{ createAccount(input: {{
          name: "Oslo Works AS", market: {{id: 2}}, pricelist: {{id: 5}},
          salesRepresentative: {{id: 1}}, paymentTerms: {{id: 2}}, shippingTerms: {{id: 1}},
          carrierInformation: {{carrierName: "Bring", accountIdentifier: "B-1"}}
        }}) {{ userErrors {{ message path }} account {{ name {ACCOUNT} }} }} }}"""
    ).payload("createAccount")

    assert created == {
        "userErrors": [],
        "account": {
            "name": "Oslo Works AS",
            "salesRepresentative": NORDIC["salesRepresentative"],
            "paymentTerms": {"id": 2, "description": "Prepaid"},
            "shippingTerms": {"id": 1, "description": "EXW"},
            "carrierInformation": {
                "carrierName": "Bring",
                "serviceName": None,
                "accountIdentifier": "B-1",
                "taxId": None,
            },
        },
    }


@pytest.mark.parametrize(
    ("rep", "message"),
    [
        ({"id": 9}, "Could not find SalesRepresentative with ID 9."),
        ({"id": 3}, "Sales representative 3 is inactive and cannot be given accounts."),
        ({"externalId": "agent-7"}, "Could not find SalesRepresentative with external ID agent-7."),
    ],
)
def test_a_missing_or_inactive_sales_representative_is_refused_and_changes_nothing(
    centra: CentraClient, rep: dict[str, Any], message: str
) -> None:
    before = account(centra, 1)

    result = centra.graphql(
        UPDATE,
        {
            "id": 1,
            "input": {"salesRepresentative": rep, "carrierInformation": {"taxId": "changed"}},
        },
    ).payload("updateAccount")

    assert result == {
        "userErrors": [{"message": message, "path": ["input", "salesRepresentative"]}],
        "account": None,
    }
    assert account(centra, 1) == before == {"id": 1, **NORDIC}
