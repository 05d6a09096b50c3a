"""The control plane: journal, faults, clock, snapshots and scenarios, through HTTP."""

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.support import order_of

STORES = "query listStores { stores { id } }"


def test_journal_records_api_requests_with_operation_names(centra: CentraClient) -> None:
    centra.graphql(STORES)
    centra.checkout("selection", method="GET")

    by_name = centra.control.journal(operationName="listStores")
    by_path = centra.control.journal(path="/api/checkout/*")

    assert [(e["method"], e["path"], e["status"]) for e in by_name] == [("POST", "/graphql", 200)]
    assert [(e["method"], e["path"]) for e in by_path] == [("GET", "/api/checkout/selection")]
    assert centra.control.journal(path="/_mock/journal") == []


def test_route_fault_answers_with_the_injected_status_a_number_of_times(
    centra: CentraClient,
) -> None:
    centra.control.fault("/graphql", status=503, body={"errors": [{"message": "down"}]}, times=1)

    failed = centra.graphql(STORES)
    recovered = centra.graphql(STORES)

    assert (failed.status_code, failed.body) == (503, {"errors": [{"message": "down"}]})
    assert recovered.status_code == 200
    assert [e["status"] for e in centra.control.journal(path="/graphql")] == [503, 200]


def test_fault_by_operation_name_leaves_other_operations_alone(centra: CentraClient) -> None:
    centra.control.fault("/graphql", operationName="listStores", status=500)

    assert centra.graphql(STORES).status_code == 500
    assert centra.graphql("query other { stores { id } }").status_code == 200


def test_fault_by_operation_name_matches_the_root_field_of_an_anonymous_operation(
    centra: CentraClient,
) -> None:
    centra.control.fault("/graphql", operationName="stores", status=503, times=1)

    faulted = centra.graphql("{ stores { id } }")
    other = centra.graphql("{ markets { id } }")
    after = centra.graphql("{ stores { id } }")

    assert [faulted.status_code, other.status_code, after.status_code] == [503, 200, 200]
    assert [e["status"] for e in centra.control.journal(operationName="stores")] == [503, 200]


def test_dropped_connection(centra: CentraClient) -> None:
    centra.control.fault("/api/checkout/*", drop=True)

    with pytest.raises(ConnectionAbortedError):
        centra.checkout("selection", method="GET")


def test_invalid_fault_is_refused(centra: CentraClient) -> None:
    response = centra.post("/_mock/faults", json={"path": "graphql", "status": 500})

    assert response.status_code == 400
    assert response.json() == {
        "error": "Give 'path' starting with '/' (a trailing '*' matches a prefix)."
    }
    assert centra.get("/_mock/faults").json() == {"routes": [], "domain": {}}


def test_domain_fault_declines_captures_until_removed(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item(min_free=2)
    placed = centra_factories.place_order([(item, 1)])
    centra.control.domain_fault("psp.capture", "decline")
    capture = "mutation($id:String!){captureOrder(order:{id:$id}){userErrors{message}}}"

    refused = centra.graphql(capture, {"id": placed.id}).payload("captureOrder")
    centra.control.domain_fault("psp.capture", None)
    accepted = centra.graphql(capture, {"id": placed.id}).payload("captureOrder")

    assert refused["userErrors"] == [
        {"message": "Capture failed: the payment provider declined it."}
    ]
    assert accepted["userErrors"] == []
    history = order_of(centra, placed.number)["paymentHistory"]
    assert [(e["entryType"], e["status"]) for e in history] == [
        ("AUTHORIZATION", "SUCCESS"),
        ("CAPTURE", "FAILED"),
        ("CAPTURE", "SUCCESS"),
    ]


def test_unknown_domain_fault(centra: CentraClient) -> None:
    response = centra.put("/_mock/faults/domain/psp.teleport", json={"outcome": "decline"})

    assert response.status_code == 400
    assert response.json()["error"].startswith("Unknown domain fault 'psp.teleport'.")


def test_frozen_clock_dates_orders_and_reset_unfreezes(
    centra: CentraClient, centra_factories: Factories
) -> None:
    centra.control.freeze("2030-05-01T12:00:00+00:00")
    placed = centra_factories.place_order()
    centra.control.advance(3600)
    query = "query($n:[Int!]){orders(where:{number:$n}){createdAt}}"

    created = centra.graphql(query, {"n": [placed.number]}).payload("orders")[0]["createdAt"]

    assert created == "2030-05-01T14:00:00+02:00"
    assert centra.get("/_mock/clock").json() == {"now": "2030-05-01T13:00:00+00:00", "frozen": True}
    centra.control.reset()
    assert centra.get("/_mock/clock").json()["frozen"] is False


def test_snapshot_and_restore(centra: CentraClient, centra_factories: Factories) -> None:
    centra.control.snapshot("before-order")
    centra_factories.place_order()
    assert len(centra.graphql("{ orders { number } }").payload("orders")) == 1

    centra.control.restore("before-order")

    assert centra.graphql("{ orders { number } }").payload("orders") == []
    missing = centra.post("/_mock/snapshots/nope/restore")
    assert (missing.status_code, missing.json()) == (404, {"error": "No snapshot named 'nope'."})


@pytest.mark.centra_scenario("empty")
def test_scenario_marker_starts_from_that_scenario(centra: CentraClient) -> None:
    assert centra.graphql("{ products { id } }").payload("products") == []
    assert centra.get("/_mock/health").json()["scenario"] == "empty"


def test_next_test_is_back_on_the_demo_scenario(centra: CentraClient) -> None:
    assert len(centra.graphql("{ products { id } }").payload("products")) > 0


def test_loading_an_unknown_scenario_is_404(centra: CentraClient) -> None:
    response = centra.post("/_mock/scenarios/nope/load")

    assert response.status_code == 404
    assert response.json()["error"].startswith("Unknown scenario 'nope'.")
