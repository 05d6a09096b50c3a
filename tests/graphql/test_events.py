"""The events system: listeners per integration, the queue, confirming, the live `object`."""

from typing import Any

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.graphql.test_wholesale import create_account, create_buyer, create_window
from tests.vouchers_support import create_voucher

EVENT_FIELDS = "id objectType changeType objectReference createdAt store { id } market { id }"

SET_DOC_EXAMPLE = """mutation setEventListeners {
  setEventListeners(input: [
    # No "changeTypes" means all types
    {objectType: Product}
    {objectType: Order}
    {objectType: Return, changeTypes: [CREATED, COMPLETED]}
    {objectType: AdminUser, changeTypes: [DELETED]}
    {objectType: ProductVariant, changeTypes: [DELETED, DEPENDENT_DATA_CHANGED]}
  ]) {
    eventListeners {
      objectType
      changeTypes
      createdAt
      updatedAt
    }
    userErrors {
      message
      path
    }
    userWarnings {
      message
      path
    }
  }
}"""

LISTENERS = """query eventListeners {
  eventListeners {
    integrationName
    objectType
    changeTypes
    createdAt
    updatedAt
  }
}"""

SET = """mutation($input:[EventListenerInput!]!){ setEventListeners(input:$input) {
  eventListeners { objectType changeTypes } userErrors { message path } userWarnings { message path } } }"""
UNSET = """mutation($input:[EventListenerInput!]!){ unsetEventListeners(input:$input) {
  eventListeners { objectType changeTypes } userErrors { message path } userWarnings { message path } } }"""
EVENTS = (
    "query($where:EventFilter,$limit:Int){ events(where:$where, limit:$limit) { "
    + EVENT_FIELDS
    + """ object { __typename ... on Order { number status } ... on Shipment { id isShipped }
  ... on Brand { id name } } } }"""
)
CONFIRM = """mutation($ids:[Int!]!){ confirmEvents(input:{eventsIds:$ids}) {
  userErrors { message path } userWarnings { message path } } }"""
BRAND = """mutation($name:String!){ createBrand(input:{name:$name}) {
  brand { id } userErrors { message path } } }"""
ALL_CHANGES = ["CREATED", "UPDATED", "DELETED", "COMPLETED", "DEPENDENT_DATA_CHANGED"]


def listen(centra: CentraClient, *specs: dict[str, Any], token: Any = None) -> dict[str, Any]:
    kwargs = {} if token is None else {"token": token}
    return centra.graphql(SET, {"input": list(specs)}, **kwargs).ok("setEventListeners")


def events(centra: CentraClient, token: Any = None, **variables: Any) -> list[dict[str, Any]]:
    kwargs = {} if token is None else {"token": token}
    return centra.graphql(EVENTS, variables, **kwargs).payload("events")


def kinds(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(e["objectType"], e["changeType"]) for e in rows]


def brand(centra: CentraClient, name: str) -> int:
    return centra.graphql(BRAND, {"name": name}).ok("createBrand")["brand"]["id"]


def token(centra: CentraClient, name: str, permissions: list[str], **extra: Any) -> str:
    body = {"token": name, "permissions": permissions, **extra}
    response = centra.post("/_mock/tokens", json=body)
    assert response.status_code == 201, response.text
    return name


def test_set_event_listeners_guide_example_and_additive_calls(centra: CentraClient) -> None:
    first = centra.graphql(SET_DOC_EXAMPLE)
    again = centra.graphql(
        SET, {"input": [{"objectType": "AdminUser", "changeTypes": ["CREATED"]}]}
    )
    listed = centra.graphql(LISTENERS)

    result = first.payload("setEventListeners")
    assert result["userErrors"] == [] and result["userWarnings"] == []
    assert [(x["objectType"], x["changeTypes"]) for x in result["eventListeners"]] == [
        ("Product", ALL_CHANGES),
        ("Order", ALL_CHANGES),
        ("Return", ["CREATED", "COMPLETED"]),
        ("AdminUser", ["DELETED"]),
        ("ProductVariant", ["DELETED", "DEPENDENT_DATA_CHANGED"]),
    ]
    assert first.extensions["permissionsUsed"] == ["Event:write", "Event:read"]
    assert again.ok("setEventListeners")["eventListeners"] == [
        {"objectType": "AdminUser", "changeTypes": ["CREATED", "DELETED"]}
    ]
    rows = listed.payload("eventListeners")
    assert [(x["integrationName"], x["objectType"]) for x in rows] == [
        ("default", "Product"),
        ("default", "Order"),
        ("default", "Return"),
        ("default", "AdminUser"),
        ("default", "ProductVariant"),
    ]
    assert rows[3]["changeTypes"] == ["CREATED", "DELETED"]
    assert listed.extensions["permissionsUsed"] == ["Event:read"]


def test_setting_the_same_listeners_again_changes_nothing(centra: CentraClient) -> None:
    centra.control.freeze("2026-03-02T09:00:00+00:00")
    listen(centra, {"objectType": "Brand"})
    centra.control.advance(60)
    listen(centra, {"objectType": "Brand", "changeTypes": ["CREATED"]})

    [row] = centra.graphql(LISTENERS).payload("eventListeners")
    assert row["changeTypes"] == ALL_CHANGES
    assert row["createdAt"] == row["updatedAt"] == "2026-03-02T10:00:00+01:00"


def test_completed_on_a_type_that_never_completes_is_a_warning(centra: CentraClient) -> None:
    result = centra.graphql(
        SET, {"input": [{"objectType": "Product", "changeTypes": ["COMPLETED", "UPDATED"]}]}
    ).payload("setEventListeners")

    assert result["userErrors"] == []
    assert result["userWarnings"] == [
        {
            "message": "Product events never have change type COMPLETED.",
            "path": ["input", "0", "changeTypes"],
        }
    ]
    assert result["eventListeners"] == [
        {"objectType": "Product", "changeTypes": ["UPDATED", "COMPLETED"]}
    ]


def test_an_empty_change_type_list_is_refused(centra: CentraClient) -> None:
    result = centra.graphql(
        SET, {"input": [{"objectType": "Order"}, {"objectType": "Brand", "changeTypes": []}]}
    ).payload("setEventListeners")

    assert result["userErrors"] == [
        {
            "message": "Give at least one change type, or leave changeTypes out for all of them.",
            "path": ["input", "1", "changeTypes"],
        }
    ]
    assert result["eventListeners"] is None
    assert centra.graphql(LISTENERS).payload("eventListeners") == []


def test_only_events_after_listening_are_queued(centra: CentraClient) -> None:
    brand(centra, "Before")
    listen(centra, {"objectType": "Brand", "changeTypes": ["CREATED"]})
    later = brand(centra, "After")

    rows = events(centra)

    assert [(e["objectType"], e["changeType"], e["objectReference"]) for e in rows] == [
        ("Brand", "CREATED", str(later))
    ]
    assert rows[0]["object"] == {"__typename": "Brand", "id": later, "name": "After"}
    assert rows[0]["store"] is None and rows[0]["market"] is None


def test_events_are_the_oldest_unconfirmed_until_confirmed(centra: CentraClient) -> None:
    listen(centra, {"objectType": "Brand"})
    for name in ("A", "B", "C"):
        brand(centra, name)

    first = events(centra, limit=2)
    same = events(centra, limit=2)
    confirmed = centra.graphql(CONFIRM, {"ids": [e["id"] for e in first]})
    rest = events(centra, limit=2)

    assert [e["object"]["name"] for e in first] == ["A", "B"]
    assert same == first
    assert confirmed.ok("confirmEvents") == {"userErrors": [], "userWarnings": []}
    assert confirmed.extensions["permissionsUsed"] == ["Event:write"]
    assert [e["object"]["name"] for e in rest] == ["C"]
    centra.graphql(CONFIRM, {"ids": [rest[0]["id"], rest[0]["id"]]}).ok("confirmEvents")
    assert events(centra) == []


def test_confirming_an_unknown_event_warns_and_confirms_the_rest(centra: CentraClient) -> None:
    listen(centra, {"objectType": "Brand"})
    brand(centra, "A")
    [row] = events(centra)

    result = centra.graphql(CONFIRM, {"ids": [999999, row["id"]]}).payload("confirmEvents")

    assert result == {
        "userErrors": [],
        "userWarnings": [
            {"message": "Could not find event with ID 999999.", "path": ["input", "eventsIds", "0"]}
        ],
    }
    assert events(centra) == []


def test_unset_purges_queued_events_of_the_removed_types(
    centra: CentraClient, centra_factories: Factories
) -> None:
    listen(centra, {"objectType": "Order"}, {"objectType": "Brand"})
    placed = centra_factories.place_order()
    centra_factories.confirm(placed.number)
    brand(centra, "Kept")

    partly = centra.graphql(
        UNSET, {"input": [{"objectType": "Order", "changeTypes": ["UPDATED"]}]}
    ).ok("unsetEventListeners")
    after_partly = kinds(events(centra))
    whole = centra.graphql(UNSET, {"input": [{"objectType": "Order"}]}).ok("unsetEventListeners")

    assert partly["eventListeners"] == [
        {
            "objectType": "Order",
            "changeTypes": ["CREATED", "DELETED", "COMPLETED", "DEPENDENT_DATA_CHANGED"],
        }
    ]
    assert after_partly == [("Order", "CREATED"), ("Brand", "CREATED")]
    assert whole["eventListeners"] == []
    assert kinds(events(centra)) == [("Brand", "CREATED")]
    assert [x["objectType"] for x in centra.graphql(LISTENERS).payload("eventListeners")] == [
        "Brand"
    ]


def test_object_is_the_current_order_not_a_snapshot(
    centra: CentraClient, centra_factories: Factories
) -> None:
    listen(centra, {"objectType": "Order"})
    placed = centra_factories.place_order()
    centra_factories.confirm(placed.number)

    rows = events(centra)

    assert kinds(rows) == [("Order", "CREATED"), ("Order", "UPDATED")]
    assert {e["objectReference"] for e in rows} == {placed.id}
    assert [e["object"] for e in rows] == [
        {"__typename": "DirectToConsumerOrder", "number": placed.number, "status": "CONFIRMED"}
    ] * 2
    assert [(e["store"], e["market"]) for e in rows] == [({"id": 1}, {"id": 1})] * 2


def test_last_shipment_completed_completes_the_order(
    centra: CentraClient, centra_factories: Factories
) -> None:
    listen(
        centra,
        {"objectType": "Order", "changeTypes": ["COMPLETED"]},
        {"objectType": "Shipment", "changeTypes": ["CREATED", "COMPLETED"]},
    )
    placed = centra_factories.place_order()
    shipment = centra_factories.ship(placed.number)

    rows = events(centra)

    assert kinds(rows) == [
        ("Shipment", "CREATED"),
        ("Shipment", "COMPLETED"),
        ("Order", "COMPLETED"),
    ]
    assert rows[0]["object"] == {
        "__typename": "DirectToConsumerShipment",
        "id": shipment["id"],
        "isShipped": True,
    }
    assert rows[2]["object"]["status"] == "SHIPPED"


def test_deleted_objects_resolve_to_null(centra: CentraClient, centra_factories: Factories) -> None:
    listen(centra, {"objectType": "Shipment"})
    placed = centra_factories.place_order()
    centra_factories.confirm(placed.number)
    shipment = centra_factories.ship(placed.number, capture=False, complete=False)
    centra.graphql(
        "mutation($id:Int!){ deleteShipment(id:$id) { userErrors { message } } }",
        {"id": shipment["id"]},
    ).ok("deleteShipment")

    rows = events(centra)

    assert kinds(rows) == [("Shipment", "CREATED"), ("Shipment", "DELETED")]
    assert [e["objectReference"] for e in rows] == [str(shipment["id"])] * 2
    assert [e["object"] for e in rows] == [None, None]


def test_queues_belong_to_the_integration_name(centra: CentraClient) -> None:
    perms = ["Event:read", "Event:write", "Brand:read"]
    erp1 = token(centra, "erp-1", perms, integrationName="erp")
    erp2 = token(centra, "erp-2", perms, integrationName="erp")
    crm = token(centra, "crm", perms, integrationName="crm")
    listen(centra, {"objectType": "Brand"}, token=erp1)
    brand(centra, "Shared")

    seen_by_erp2 = events(centra, token=erp2)
    assert kinds(seen_by_erp2) == [("Brand", "CREATED")]
    assert events(centra, token=crm) == []
    assert events(centra) == []  # the default token's integration did not listen
    centra.graphql(CONFIRM, {"ids": [seen_by_erp2[0]["id"]]}, token=erp1).ok("confirmEvents")
    assert events(centra, token=erp2) == []
    listed = centra.graphql(LISTENERS, token=erp2).payload("eventListeners")
    assert [(x["integrationName"], x["objectType"]) for x in listed] == [("erp", "Brand")]


def test_store_restricted_token_sees_its_store_and_storeless_events(
    centra: CentraClient, centra_factories: Factories
) -> None:
    wholesale = token(centra, "wholesale", ["Event:read", "Event:write", "Brand:read"], storeId=2)
    listen(centra, {"objectType": "Order"}, {"objectType": "Brand"}, token=wholesale)
    centra_factories.place_order()  # store 1
    brand(centra, "Everywhere")

    assert kinds(events(centra, token=wholesale, where={"objectType": ["Order", "Brand"]})) == [
        ("Brand", "CREATED")
    ]


def test_where_filters_object_change_store_and_market(
    centra: CentraClient, centra_factories: Factories
) -> None:
    listen(centra, {"objectType": "Order"}, {"objectType": "Brand"})
    placed = centra_factories.place_order()
    centra_factories.confirm(placed.number)
    brand(centra, "B")

    assert kinds(events(centra, where={"objectType": ["Brand"]})) == [("Brand", "CREATED")]
    assert kinds(events(centra, where={"changeType": ["UPDATED"]})) == [("Order", "UPDATED")]
    assert kinds(events(centra, where={"storeId": 1, "marketId": 1})) == [
        ("Order", "CREATED"),
        ("Order", "UPDATED"),
    ]
    assert events(centra, where={"storeId": 2}) == []


def test_a_refused_mutation_queues_nothing(
    centra: CentraClient, centra_factories: Factories
) -> None:
    listen(centra, {"objectType": "Order"}, {"objectType": "Brand"})
    brand(centra, "Taken")
    placed = centra_factories.place_order()
    centra_factories.confirm(placed.number)
    before = events(centra)

    again = centra.graphql(
        "mutation($n:Int!){confirmOrder(input:{order:{number:$n}}){userErrors{message}}}",
        {"n": placed.number},
    ).payload("confirmOrder")
    duplicate = centra.graphql(BRAND, {"name": "Taken"}).payload("createBrand")

    assert again["userErrors"] and duplicate["userErrors"]
    assert events(centra) == before
    assert kinds(before) == [("Brand", "CREATED"), ("Order", "CREATED"), ("Order", "UPDATED")]


def test_events_need_event_permissions_and_object_needs_its_own(
    centra: CentraClient, centra_factories: Factories
) -> None:
    no_events = token(centra, "no-events", ["Order:read"])
    no_orders = token(centra, "no-orders", ["Event:read", "Event:write"])
    listen(centra, {"objectType": "Order"}, token=no_orders)
    centra_factories.place_order()

    denied = centra.graphql(EVENTS, token=no_events)
    objectless = centra.graphql(EVENTS, token=no_orders)
    unset = centra.graphql(UNSET, {"input": [{"objectType": "Order"}]}, token=no_events)

    assert denied.errors[0]["message"] == "You need Event:read permission to access events."
    assert denied.errors[0]["extensions"] == {"category": "authorization"}
    assert [e["message"] for e in objectless.errors] == [
        "You need Order:read permission to access object."
    ]
    assert objectless.data["events"][0]["object"] is None
    assert objectless.data["events"][0]["objectType"] == "Order"
    assert unset.errors[0]["message"] == (
        "You need Event:write permission to access unsetEventListeners."
    )


WHOLESALE_AND_VOUCHER_OBJECTS = """query { events { objectType changeType object { __typename
  ... on Account { id name } ... on Buyer { id email } ... on Voucher { id code }
  ... on DeliveryWindow { id name } } } }"""


def test_wholesale_and_voucher_objects_can_be_listened_to(centra: CentraClient) -> None:
    listen(
        centra,
        *(
            {"objectType": kind, "changeTypes": ["CREATED"]}
            for kind in ("Account", "Buyer", "DeliveryWindow", "Voucher")
        ),
    )
    account = create_account(centra)
    buyer = create_buyer(centra, account["id"])
    window = create_window(centra)
    voucher = create_voucher(centra)

    rows = centra.graphql(WHOLESALE_AND_VOUCHER_OBJECTS).payload("events")

    assert [(e["objectType"], e["changeType"], e["object"]["__typename"]) for e in rows] == [
        ("Account", "CREATED", "Account"),
        ("Buyer", "CREATED", "Buyer"),
        ("DeliveryWindow", "CREATED", "AtOnceDeliveryWindow"),
        ("Voucher", "CREATED", "Voucher"),
    ]
    assert [e["object"]["id"] for e in rows] == [account["id"], buyer, window, voucher["id"]]
