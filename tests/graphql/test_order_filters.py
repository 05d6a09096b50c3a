"""The orders(...) filters return the same orders in the same order whichever index serves them.

Orders are placed with the clock moved backwards on purpose: then id order and placement
order differ, and a list that should be in id order cannot pass by being in time order.
"""

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories

LIST = "query($w: OrderFilter, $s: [OrderSort!], $l: Int, $p: Int) { orders(where: $w, sort: $s, limit: $l, page: $p) { number } }"
UPDATE = """mutation($n: Int!, $input: OrderUpdateInput!) {
  updateDirectToConsumerOrder(order: {number: $n}, input: $input) { userErrors { message } } }"""
LOCK = """mutation($n: Int!) { setOrdersLock(input: {orders: [{number: $n}], isLocked: true}) {
  userErrors { message } } }"""


def numbers(centra: CentraClient, where=None, sort=None, limit=None, page=None) -> list[int]:
    variables = {"w": where, "s": sort, "l": limit, "p": page}
    return [o["number"] for o in centra.graphql(LIST, variables).payload("orders")]


def place_at(centra: CentraClient, centra_factories: Factories, moments: list[str]) -> list[int]:
    """One order per moment, placed in the list's order (ids rise along the list)."""
    placed = []
    for moment in moments:
        assert centra.post("/_mock/clock", json={"freeze": moment}).status_code == 200
        placed.append(centra_factories.place_order().number)
    return placed


def test_a_placement_range_lists_in_id_order_unless_sorted_by_time(
    centra: CentraClient, centra_factories: Factories
) -> None:
    a, b, c, d = place_at(
        centra,
        centra_factories,
        [
            "2031-03-02T10:00:00+00:00",
            "2031-03-01T10:00:00+00:00",
            "2031-03-03T10:00:00+00:00",
            "2031-03-01T12:00:00+00:00",
        ],
    )
    march_1_to_2 = {"createdAt": {"from": "2031-03-01T00:00:00Z", "to": "2031-03-02T23:00:00Z"}}

    assert numbers(centra, march_1_to_2) == [a, b, d]
    assert numbers(centra, march_1_to_2, ["id_DESC"]) == [d, b, a]
    assert numbers(centra, march_1_to_2, ["createdAt_ASC"]) == [b, d, a]
    assert numbers(centra, march_1_to_2, limit=2, page=2) == [d]
    assert numbers(centra, march_1_to_2, ["id_DESC"], limit=2, page=1) == [d, b]
    since = {"orderDate": {"from": "2031-03-01T11:00:00Z"}}
    assert numbers(centra, since) == [a, c, d]
    before = {"createdAt": {"to": "2031-03-01T11:00:00Z"}}
    assert numbers(centra, before, ["id_DESC"]) == [b]


def test_an_update_range_lists_in_id_order(
    centra: CentraClient, centra_factories: Factories
) -> None:
    a, b, c = place_at(
        centra,
        centra_factories,
        [
            "2031-03-01T10:00:00+00:00",
            "2031-03-01T11:00:00+00:00",
            "2031-03-01T12:00:00+00:00",
        ],
    )
    assert (
        centra.post("/_mock/clock", json={"freeze": "2031-03-05T10:00:00+00:00"}).status_code == 200
    )
    centra.graphql(UPDATE, {"n": c, "input": {"internalComment": "late"}}).ok(
        "updateDirectToConsumerOrder"
    )
    assert (
        centra.post("/_mock/clock", json={"freeze": "2031-03-04T10:00:00+00:00"}).status_code == 200
    )
    centra.graphql(UPDATE, {"n": a, "input": {"internalComment": "early"}}).ok(
        "updateDirectToConsumerOrder"
    )
    changed = {"updatedAt": {"from": "2031-03-04T00:00:00Z"}}

    assert numbers(centra, changed) == [a, c]
    assert numbers(centra, changed, ["id_DESC"]) == [c, a]
    assert numbers(centra, changed, ["updatedAt_ASC"]) == [a, c]
    assert numbers(centra, {"updatedAt": {"to": "2031-03-02T00:00:00Z"}}) == [b]


def test_a_status_lists_in_id_order_and_pages(
    centra: CentraClient, centra_factories: Factories
) -> None:
    a, b, c, d = place_at(
        centra,
        centra_factories,
        [
            "2031-03-04T10:00:00+00:00",
            "2031-03-03T10:00:00+00:00",
            "2031-03-02T10:00:00+00:00",
            "2031-03-01T10:00:00+00:00",
        ],
    )
    centra_factories.confirm(b)
    centra_factories.confirm(d)

    assert numbers(centra, {"status": ["PENDING"]}) == [a, c]
    assert numbers(centra, {"status": ["CONFIRMED"]}, ["id_DESC"]) == [d, b]
    assert numbers(centra, {"status": ["CONFIRMED", "PENDING"]}) == [a, b, c, d]
    assert numbers(centra, {"status": ["CONFIRMED", "PENDING"]}, limit=3, page=2) == [d]
    assert numbers(centra, {"status": ["CONFIRMED", "PENDING"]}, ["createdAt_DESC"]) == [a, b, c, d]
    assert numbers(centra, {"status": ["SHIPPED"]}) == []


def test_held_locked_and_internal_orders_are_listed_by_their_flag(
    centra: CentraClient, centra_factories: Factories
) -> None:
    a, b, c, d = place_at(
        centra,
        centra_factories,
        [
            "2031-03-01T10:00:00+00:00",
            "2031-03-01T11:00:00+00:00",
            "2031-03-01T12:00:00+00:00",
            "2031-03-01T13:00:00+00:00",
        ],
    )
    centra.graphql(UPDATE, {"n": b, "input": {"isOnHold": True}}).ok("updateDirectToConsumerOrder")
    centra.graphql(UPDATE, {"n": c, "input": {"isInternal": True}}).ok(
        "updateDirectToConsumerOrder"
    )
    centra.graphql(LOCK, {"n": d}).ok("setOrdersLock")

    assert numbers(centra) == [a, c, d]
    assert numbers(centra, {"isOnHold": True}) == [b]
    assert numbers(centra, {"isOnHold": False}) == [a, c, d]
    assert numbers(centra, {"isInternal": True}) == [c]
    assert numbers(centra, {"isInternal": False}) == [a, d]
    assert numbers(centra, {"isLocked": True}) == [d]
    assert numbers(centra, {"isLocked": False}, ["id_DESC"]) == [c, a]
    assert numbers(centra, {"isOnHold": True, "isLocked": True}) == []


def test_a_store_or_store_type_lists_its_orders_in_id_order_or_by_time(
    centra: CentraClient, centra_factories: Factories
) -> None:
    from tests.graphql.test_wholesale import CREATE_ORDER, order_input, wholesale_setup

    setup = wholesale_setup(centra, centra_factories)

    def wholesale_at(moment: str) -> int:
        assert centra.post("/_mock/clock", json={"freeze": moment}).status_code == 200
        result = centra.graphql(CREATE_ORDER, {"input": order_input(setup, 1)})
        return result.ok("createWholesaleOrder")["order"]["number"]

    r1 = place_at(centra, centra_factories, ["2031-03-03T10:00:00+00:00"])[0]
    w1 = wholesale_at("2031-03-04T10:00:00+00:00")
    r2 = place_at(centra, centra_factories, ["2031-03-01T10:00:00+00:00"])[0]
    w2 = wholesale_at("2031-03-02T10:00:00+00:00")
    w3 = wholesale_at("2031-03-05T10:00:00+00:00")
    r3 = place_at(centra, centra_factories, ["2031-03-06T10:00:00+00:00"])[0]
    centra_factories.confirm(r2)
    wholesale, retail = {"storeType": "WHOLESALE"}, {"storeType": "DIRECT_TO_CONSUMER"}

    assert numbers(centra, wholesale) == [w1, w2, w3]
    assert numbers(centra, wholesale, ["id_DESC"]) == [w3, w2, w1]
    assert numbers(centra, wholesale, limit=2, page=2) == [w3]
    assert numbers(centra, wholesale, ["createdAt_DESC"]) == [w3, w1, w2]
    assert numbers(centra, retail) == [r1, r2, r3]
    assert numbers(centra, retail, ["orderDate_ASC"]) == [r2, r1, r3]
    assert numbers(centra, {"storeId": [2]}) == [w1, w2, w3]
    assert numbers(centra, {"storeId": [1]}, ["createdAt_ASC"]) == [r2, r1, r3]
    assert numbers(centra, {"storeId": [2, 1, 2]}) == [r1, w1, r2, w2, w3, r3]
    assert numbers(centra, {"storeId": [1, 2]}, ["id_DESC"], limit=4, page=1) == [r3, w3, w2, r2]
    assert numbers(centra, {"storeId": [1, 2]}, ["id_DESC"], limit=4, page=2) == [w1, r1]
    assert numbers(centra, {"storeId": [1, 2]}, ["createdAt_DESC"]) == [r3, w3, w1, r1, w2, r2]
    march_2_to_4 = {"from": "2031-03-02T00:00:00Z", "to": "2031-03-04T23:00:00Z"}
    assert numbers(centra, {**wholesale, "createdAt": march_2_to_4}) == [w1, w2]
    assert numbers(centra, {"storeId": [1, 2], "createdAt": march_2_to_4}, ["id_DESC"]) == [
        w2,
        w1,
        r1,
    ]
    assert numbers(centra, {**retail, "status": ["CONFIRMED"]}) == [r2]
    assert numbers(centra, {**wholesale, "status": ["PENDING"]}, ["updatedAt_ASC"]) == [w2, w1, w3]
    assert numbers(centra, {"storeId": [2], "storeType": "WHOLESALE"}) == [w1, w2, w3]


def test_a_store_or_store_type_without_orders_lists_nothing(
    centra: CentraClient, centra_factories: Factories
) -> None:
    a, b = place_at(
        centra, centra_factories, ["2031-03-02T10:00:00+00:00", "2031-03-01T10:00:00+00:00"]
    )
    centra.graphql(LOCK, {"n": b}).ok("setOrdersLock")

    assert numbers(centra, {"storeType": "WHOLESALE"}) == []
    assert numbers(centra, {"storeType": "WHOLESALE"}, ["createdAt_DESC"]) == []
    assert numbers(centra, {"storeId": [2]}, ["id_DESC"]) == []
    assert numbers(centra, {"storeId": [999, 2]}) == []
    assert numbers(centra, {"storeId": [1], "storeType": "WHOLESALE"}) == []
    assert numbers(centra, {"storeId": [1], "isLocked": True}) == [b]
    assert numbers(centra, {"storeType": "DIRECT_TO_CONSUMER"}, ["createdAt_DESC"]) == [a, b]


def test_statuses_in_id_order_merge_across_statuses_and_check_the_other_filters(
    centra: CentraClient, centra_factories: Factories
) -> None:
    a, b, c, d, e = place_at(
        centra,
        centra_factories,
        [
            "2031-03-05T10:00:00+00:00",
            "2031-03-04T10:00:00+00:00",
            "2031-03-03T10:00:00+00:00",
            "2031-03-02T10:00:00+00:00",
            "2031-03-01T10:00:00+00:00",
        ],
    )
    centra_factories.confirm(a)
    centra_factories.confirm(d)
    centra.graphql(LOCK, {"n": c}).ok("setOrdersLock")
    pending_or_confirmed = {"status": ["PENDING", "CONFIRMED", "PENDING"]}

    assert numbers(centra, pending_or_confirmed, ["id_DESC"], limit=2, page=1) == [e, d]
    assert numbers(centra, pending_or_confirmed, ["id_DESC"], limit=2, page=2) == [c, b]
    assert numbers(centra, pending_or_confirmed, limit=2, page=3) == [e]
    assert numbers(centra, {**pending_or_confirmed, "isLocked": False}) == [a, b, d, e]
    assert numbers(centra, {"status": ["PENDING"], "isLocked": False}, ["id_DESC"]) == [e, b]
    assert numbers(centra, {"status": ["CONFIRMED"], "storeId": [1]}) == [a, d]
    assert numbers(centra, {"status": ["CONFIRMED"], "storeType": "WHOLESALE"}) == []
    assert numbers(centra, {"status": ["CONFIRMED"], "isLocked": True}) == []
