"""What a GraphQL document may cost: complexity and depth counted with fragments expanded where
they are spread, a size limit checked before parsing, caches bounded by bytes, and long steps
that never stop the server answering its health check."""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest

from mockcentra import APP_VERSION
from mockcentra.app import create_app
from mockcentra.graphql import analysis
from mockcentra.graphql.caches import CACHE_BYTES, cache_usage
from mockcentra.seeding.templates import ScenarioTemplates
from mockcentra.settings import Settings
from mockcentra.testing import CentraClient

ALIASES = " ".join(f"a{n}: id" for n in range(1000))
#: products(limit: 200) costs 1, each of the 1000 fields under it 200: 200001 whatever the form.
SAME_FIELDS = {
    "inline": f"{{ products(limit: 200) {{ {ALIASES} }} }}",
    "fragment spread": f"{{ products(limit: 200) {{ ...Many }} }} "
    f"fragment Many on Product {{ {ALIASES} }}",
    "inline fragment": f"{{ products(limit: 200) {{ ... on Product {{ {ALIASES} }} }} }}",
    "spread in a spread": f"{{ products(limit: 200) {{ ...Outer }} }} "
    f"fragment Outer on Product {{ ...Many }} fragment Many on Product {{ {ALIASES} }}",
}


def refusal(message: str, category: str, **extensions: object) -> dict[str, object]:
    return {
        "errors": [{"message": message, "extensions": {"category": category}}],
        "extensions": {"appVersion": APP_VERSION, **extensions},
    }


@pytest.mark.parametrize("form", SAME_FIELDS)
def test_fields_moved_into_fragments_cost_the_same_and_are_refused(
    centra: CentraClient, form: str
) -> None:
    # when: a thousand aliases under a list of 200 are asked for, written in any form
    response = centra.post(
        "/graphql",
        json={"query": SAME_FIELDS[form]},
        headers={"Authorization": "Bearer dev-integration-token"},
    )

    # then: each form costs 200001 and is refused before it runs
    assert response.status_code == 400
    assert response.json() == refusal(
        "The query's complexity is 200001; the limit is 150000. Ask for fewer fields or "
        "smaller `limit`s.",
        "complexity",
        complexity=200001,
    )


def test_a_fragment_spread_several_times_costs_each_time(centra: CentraClient) -> None:
    # given: one fragment of 3 fields, spread under two lists of 5 and once at the top
    query = (
        "{ a: products(limit: 5) { ...F } b: products(limit: 5) { ...F } "
        "product(id: 1) { ...F } } fragment F on Product { id name status }"
    )

    result = centra.graphql(query)

    # then: 1 + 15, twice, and 1 + 3
    assert result.body["extensions"]["complexity"] == 36


def deep_through_fragments(levels: int) -> str:
    """`products { variants { product { variants ... { id } } } }`, one fragment per level."""
    fragments = []
    for n in range(1, levels + 1):
        kind, inner = ("Product", "variants") if n % 2 else ("ProductVariant", "product")
        body = "id" if n == levels else f"{inner} {{ ...F{n + 1} }}"
        fragments.append(f"fragment F{n} on {kind} {{ {body} }}")
    return "{ products(limit: 1) { ...F1 } } " + " ".join(fragments)


def test_depth_is_counted_through_fragments(centra: CentraClient) -> None:
    # when: 21 fragments nest fields 22 deep
    response = centra.post(
        "/graphql",
        json={"query": deep_through_fragments(21)},
        headers={"Authorization": "Bearer dev-integration-token"},
    )

    # then: refused on the depth limit, before anything runs
    assert response.status_code == 400
    assert response.json() == refusal(
        "The query is nested 22 fields deep; the limit is 15.", "complexity", complexity=16222
    )


def test_depth_within_the_limit_through_fragments_runs(centra: CentraClient) -> None:
    result = centra.graphql(deep_through_fragments(14))

    assert not result.errors
    assert len(result.payload("products")) == 1


def test_an_oversized_document_is_refused_before_it_is_parsed(
    centra: CentraClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given: a 4.2 MB document (under the 5 MB body limit), and the parser watched
    query = "{ " + "a: __typename " * 300_000 + "}"
    assert len(query) == 4_200_003
    parsed: list[int] = []
    monkeypatch.setattr(analysis, "parse", lambda source, **_: parsed.append(len(source)))

    # when: it is sent
    response = centra.post(
        "/graphql",
        json={"query": query},
        headers={"Authorization": "Bearer dev-integration-token"},
    )

    # then: 413 with a GraphQL error, and the document was never parsed (that takes seconds)
    assert response.status_code == 413
    assert response.json() == refusal(
        "The query document is 4200003 bytes; the limit is 262144 "
        "(MOCKCENTRA_GRAPHQL_MAX_QUERY_BYTES). Send values as variables, or split the "
        "operation.",
        "request",
    )
    assert parsed == []


def test_a_document_at_the_limit_in_multibyte_characters_is_counted_in_bytes(
    centra: CentraClient,
) -> None:
    # given: a comment of 100,000 three-byte characters: 100 kB of text, 300 kB of UTF-8
    query = "{ __typename } # " + "€" * 100_000

    response = centra.post(
        "/graphql",
        json={"query": query},
        headers={"Authorization": "Bearer dev-integration-token"},
    )

    assert response.status_code == 413
    assert response.json()["errors"][0]["message"].startswith(
        "The query document is 300017 bytes; the limit is 262144"
    )


def test_many_distinct_documents_keep_the_caches_within_their_budget(
    centra: CentraClient,
) -> None:
    # given: 120 distinct 60 kB documents, 7 MB of text in all (a comment makes each distinct)
    for n in range(120):
        query = f"{{ __typename }} # {n:04d} " + "x" * 60_000

        # when: each is run
        assert not centra.graphql(query).errors

    # then: no cache keeps more text than its budget
    usage = cache_usage()
    assert set(usage) == {"analyses", "documents", "plans", "validations"}
    assert all(0 < used <= CACHE_BYTES for used in usage.values()), usage


class HeldTemplates(ScenarioTemplates):
    """Scenarios whose preparation waits until the test lets it go on, as `large` takes a
    minute to seed: `started` is set when a preparation begins."""

    def __init__(self) -> None:
        super().__init__()
        self.started = threading.Event()
        self.go_on = threading.Event()

    def template(self, name: str, seed: int, timezone: str, progress: object = None) -> bytes:
        if name != "empty":
            self.started.set()
            self.go_on.wait(timeout=30)
        return super().template(name, seed, timezone)


@pytest.mark.slow
def test_health_answers_while_a_scenario_is_seeded_and_loaded() -> None:
    """Preparing a scenario may take long (`large`: a minute); meanwhile /_mock/health answers."""
    templates = HeldTemplates()

    async def scenario() -> tuple[list[int], bool, dict[str, object]]:
        app = create_app(Settings(db=":memory:", scenario="empty"), templates=templates)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
            # given: a scenario load under way, its preparation held
            load = asyncio.create_task(client.post("/_mock/scenarios/demo/load"))
            await asyncio.to_thread(templates.started.wait, 30)

            # when: health is asked three times meanwhile
            answers = [
                (await asyncio.wait_for(client.get("/_mock/health"), 30)).status_code
                for _ in range(3)
            ]
            loading = not load.done()

            # and: the preparation goes on
            templates.go_on.set()
            loaded = await asyncio.wait_for(load, 30)
            return answers, loading, loaded.json()

    answers, loading, loaded = asyncio.run(scenario())

    # then: each was answered while the load was still running, and the load then finished
    assert answers == [200, 200, 200]
    assert loading
    assert loaded == {"status": "ok", "scenario": "demo"}
