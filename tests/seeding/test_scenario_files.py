"""Scenario files: orders in every named state, built the way the platform builds them."""

from collections import Counter

import pytest

from mockcentra.runtime.clock import Clock
from mockcentra.seeding.scenarios import SCENARIOS, seed_scenario
from mockcentra.storage.engine import Database
from mockcentra.testing import CentraClient


def dump(name: str, seed: int) -> str:
    db = Database(":memory:")
    db.create_all()
    seed_scenario(db, Clock(), name, seed)
    with db.raw() as conn:
        text = "\n".join(conn.iterdump())
    db.dispose()
    return text


def test_file_scenarios_are_listed_with_descriptions() -> None:
    assert {"fulfillment", "returns"} <= set(SCENARIOS)
    assert SCENARIOS["fulfillment"][0].startswith("The demo store with orders in every status")


@pytest.mark.slow  # seeds a scenario from scratch three times
def test_same_seed_gives_identical_data() -> None:
    assert dump("returns", 7) == dump("returns", 7)
    assert dump("returns", 7) != dump("returns", 8)


@pytest.mark.centra_scenario("fulfillment")
def test_fulfillment_has_orders_in_every_status(centra: CentraClient) -> None:
    listed = centra.graphql("{ orders(limit: 100) { status } }").payload("orders")
    held = centra.graphql("{ orders(where: {isOnHold: true}) { status } }").payload("orders")

    assert Counter(o["status"] for o in listed) == {
        "PENDING": 4,
        "CONFIRMED": 4,
        "PROCESSING": 4,
        "SHIPPED": 4,
        "CANCELLED": 2,
    }
    assert len(held) == 1


@pytest.mark.centra_scenario("returns")
def test_returns_scenario_has_returns_in_each_state(centra: CentraClient) -> None:
    returns = centra.graphql("{ returns(limit: 100) { status refundedValue { value } } }").payload(
        "returns"
    )

    assert Counter(r["status"] for r in returns) == {"PENDING": 2, "COMPLETED": 4}
    assert sum(1 for r in returns if r["refundedValue"]["value"] > 0) == 2
