"""Tokens that open someone's data (a checkout session with its receipt, an Integration API
token) cannot be derived from the seed and a counter: they are keyed by a random secret each
instance keeps in its database. The rest of what a seed produces stays the same, and a reset
repeats the same tokens for the same steps."""

from __future__ import annotations

from starlette.applications import Starlette

from mockcentra.app import create_app
from mockcentra.runtime.ids import token_hash
from mockcentra.settings import Settings
from mockcentra.testing import CentraClient

GENERATE = """mutation { generateToken(user: {name: "ERP", permissions: ["Product:read"]}) {
  token } }"""
#: Far more sessions than a test or a demo ever opens.
COUNTERS = range(1, 20_001)


def new_session(centra: CentraClient) -> str:
    response = centra.get("/api/checkout/selection")
    assert response.status_code == 200, response.text
    return response.json()["token"]


def test_a_checkout_token_is_not_the_seed_and_a_counter(centra: CentraClient) -> None:
    # given: the seed (the default, known to anyone) and any number of sessions before
    seed = centra.runtime.settings.seed
    derivable = {token_hash(seed, "selection", n) for n in COUNTERS}

    # when: a shopper opens a session
    token = new_session(centra)

    # then: no guess from the seed finds it, and it is as long as before
    assert token not in derivable
    assert len(token) == 40 and int(token, 16) >= 0


def test_a_generated_integration_token_is_not_the_seed_and_a_counter(
    centra: CentraClient,
) -> None:
    seed = centra.runtime.settings.seed
    derivable = {token_hash(seed, "graphql-access", n)[:32] for n in COUNTERS}

    token = centra.graphql(GENERATE, token="dev-admin-token").payload("generateToken")["token"]

    assert token not in derivable
    assert len(token) == 32


def test_two_instances_with_the_same_seed_hand_out_different_tokens(
    centra_app: Starlette,
) -> None:
    # given: two servers started alike, from the same seeded scenario
    templates = centra_app.state.runtime.templates
    first, second = (
        CentraClient(create_app(Settings(db=":memory:"), templates=templates)) for _ in range(2)
    )
    try:
        # when: each opens its first session
        tokens = new_session(first), new_session(second)
    finally:
        first.close()
        second.close()

    # then: one instance's token says nothing about the other's
    assert tokens[0] != tokens[1]


def test_a_reset_repeats_the_same_tokens_for_the_same_steps(centra: CentraClient) -> None:
    # given: a session opened after the scenario's start
    first = new_session(centra)

    # when: the state is reset and the same step is taken again
    assert centra.post("/_mock/reset").status_code == 200
    again = new_session(centra)

    # then: the test is reproducible: the same token, which is no longer a different session
    assert again == first
