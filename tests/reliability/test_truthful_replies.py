"""A mutation's reply is the truth about what it wrote (docs/compatibility.md, "Integration API
protocol"): what the reply shows is kept, what it does not show was not written.

- The reply has `data`: each root field wrote what its payload says (nothing when it carries
  `userErrors`), and an error while reading a payload (a `limit` out of range, a field the
  token may not read) nulls the field it happened in without undoing anything.
- The reply has no `data` (an error reached the root through the non-null fields): nothing of
  the request was written, earlier root fields that succeeded included.

Every root field of `Mutation` is checked against that rule, with exact values for `setStock`.
"""

from __future__ import annotations

from typing import Any

import pytest
from graphql import GraphQLNonNull, GraphQLObjectType, Undefined, get_named_type

from mockcentra.graphql.catalog import types as catalog_types
from mockcentra.graphql.schema import shared_schema
from mockcentra.testing import CentraClient
from tests.graphql._catalog_setup import Variant, create_variant
from tests.reliability.test_atomicity import database_dump
from tests.support import literal_of

SCHEMA = shared_schema()._schema
MUTATIONS = sorted(SCHEMA.mutation_type.fields)
TOKEN = "dev-integration-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

#: A payload read that fails in a nullable field: the stock change's warehouse is null, the
#: stock change itself is shown.
FAILING_READ = "stockChanges { id warehouse { stock(limit: 0) { physicalQuantity } } }"
LIMIT_ERROR = "limit must be between 1 and 1000."
LEVELS = """query($v:[Int!]){ stock(where:{productVariantId:$v}, limit: 100) {
  warehouse { id } productSize { size { name } } physicalQuantity } }"""
CHANGES = """{ stockChangeConnection(first: 100) { edges { node {
  id type comment lines { deliveredQuantity productSize { size { name } } warehouse { id } } } } } }"""


def set_stock(variant: Variant, quantities: dict[str, int], comment: str) -> dict[str, Any]:
    """setStock's input: physical stock of `variant`'s sizes in warehouse 1."""
    return {
        "warehouse": {"id": 1},
        "description": comment,
        "stockQuantityType": "PHYSICAL",
        "productVariants": [
            {
                "productVariant": {"id": variant.id},
                "sizeStockLevels": [
                    {"size": {"name": name}, "quantity": q} for name, q in quantities.items()
                ],
            }
        ],
    }


def post(centra: CentraClient, query: str, variables: Any = None, token: str = TOKEN) -> Any:
    r = centra.post(
        "/graphql",
        json={"query": query, "variables": variables or {}},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert r.status_code == 200, r.text
    return r.json()


def levels(centra: CentraClient, variant: Variant) -> dict[str, int]:
    """Physical stock of each size of `variant` in warehouse 1."""
    rows = post(centra, LEVELS, {"v": [variant.id]})["data"]["stock"]
    return {r["productSize"]["size"]["name"]: r["physicalQuantity"] for r in rows}


def stock_changes(centra: CentraClient) -> list[dict[str, Any]]:
    """Every stock change, oldest first."""
    edges = post(centra, CHANGES)["data"]["stockChangeConnection"]["edges"]
    return [e["node"] for e in edges]


@pytest.fixture
def tee(centra: CentraClient) -> Variant:
    made = create_variant(centra, sizes=("S", "M"))
    centra.control.freeze("2026-03-02T10:00:00+00:00")  # equal dumps need equal event times
    return made


# --- setStock, exact ----------------------------------------------------------------------------


SET_STOCK = """mutation($input: StockSetInput!) { setStock(input: $input) {
  %s userErrors { message } } }"""


def test_an_error_reading_the_payload_keeps_the_stock_change_it_shows(
    centra: CentraClient, tee: Variant
) -> None:
    before = levels(centra, tee)

    body = post(centra, SET_STOCK % FAILING_READ, {"input": set_stock(tee, {"S": 7}, "Count")})

    assert body["data"] == {
        "setStock": {"stockChanges": [{"id": 1, "warehouse": None}], "userErrors": []}
    }
    assert [(e["message"], e["path"]) for e in body["errors"]] == [
        (LIMIT_ERROR, ["setStock", "stockChanges", 0, "warehouse", "stock"])
    ]
    assert before == {"S": 0, "M": 0}
    assert levels(centra, tee) == {"S": 7, "M": 0}
    assert stock_changes(centra) == [
        {
            "id": 1,
            "type": "SET",
            "comment": "Count",
            "lines": [
                {
                    "deliveredQuantity": 7,
                    "productSize": {"size": {"name": "S"}},
                    "warehouse": {"id": 1},
                }
            ],
        }
    ]


def test_a_token_that_cannot_read_the_payload_writes_nothing(
    centra: CentraClient, tee: Variant
) -> None:
    """The permission error nulls `stockChanges` (non-null) and so the whole reply: no `data`,
    so nothing is written, the same rule as any other error that reaches the root."""
    made = centra.post(
        "/_mock/tokens", json={"token": "stock-writer", "permissions": ["StockChange:write"]}
    )
    assert made.status_code == 201, made.text
    before = database_dump(centra)

    body = post(
        centra,
        SET_STOCK % "stockChanges { id }",
        {"input": set_stock(tee, {"S": 7}, "Count")},
        token="stock-writer",
    )

    assert "data" not in body
    assert [(e["message"], e["path"]) for e in body["errors"]] == [
        (
            "You need StockChange:read permission to access stockChanges.",
            ["setStock", "stockChanges"],
        )
    ]
    assert database_dump(centra) == before


def test_a_token_that_reads_only_user_errors_writes(centra: CentraClient, tee: Variant) -> None:
    made = centra.post(
        "/_mock/tokens", json={"token": "stock-writer", "permissions": ["StockChange:write"]}
    )
    assert made.status_code == 201, made.text

    body = post(
        centra, SET_STOCK % "", {"input": set_stock(tee, {"S": 7}, "Count")}, token="stock-writer"
    )

    assert body["data"] == {"setStock": {"userErrors": []}}
    assert "errors" not in body
    assert levels(centra, tee) == {"S": 7, "M": 0}


TWO_FIELDS = """mutation($first: StockSetInput!, $second: StockSetInput!) {
  first: setStock(input: $first) { %s userErrors { message } }
  second: setStock(input: $second) { %s userErrors { message } } }"""


def test_each_field_of_a_two_field_document_keeps_what_it_shows(
    centra: CentraClient, tee: Variant
) -> None:
    body = post(
        centra,
        TWO_FIELDS % (FAILING_READ, FAILING_READ),
        {
            "first": set_stock(tee, {"S": 7}, "First count"),
            "second": set_stock(tee, {"M": 3}, "Second count"),
        },
    )
    later = post(
        centra, SET_STOCK % "stockChanges { id }", {"input": set_stock(tee, {"S": 5}, "Later")}
    )

    assert body["data"] == {
        "first": {"stockChanges": [{"id": 1, "warehouse": None}], "userErrors": []},
        "second": {"stockChanges": [{"id": 2, "warehouse": None}], "userErrors": []},
    }
    assert [e["path"] for e in body["errors"]] == [
        ["first", "stockChanges", 0, "warehouse", "stock"],
        ["second", "stockChanges", 0, "warehouse", "stock"],
    ]
    assert later["data"] == {"setStock": {"stockChanges": [{"id": 3}], "userErrors": []}}
    assert [(c["id"], c["comment"]) for c in stock_changes(centra)] == [
        (1, "First count"),
        (2, "Second count"),
        (3, "Later"),
    ]
    assert levels(centra, tee) == {"S": 5, "M": 3}


IN_A_FRAGMENT = """mutation($first: StockSetInput!, $second: StockSetInput!) { ...counts }
fragment counts on Mutation {
  first: setStock(input: $first) { userErrors { message } }
  second: setStock(input: $second) { userErrors { message } } }"""


def test_a_refused_field_spread_from_a_fragment_keeps_the_field_before_it(
    centra: CentraClient, tee: Variant
) -> None:
    """One fragment at the root holds two mutations: the second's refusal undoes only itself."""
    body = post(
        centra,
        IN_A_FRAGMENT,
        {
            "first": set_stock(tee, {"S": 7}, "First count"),
            "second": set_stock(tee, {"XXL": 3}, "Second count"),
        },
    )

    assert body["data"]["first"] == {"userErrors": []}
    assert body["data"]["second"] == {
        "userErrors": [{"message": "Could not find Size with name XXL."}]
    }
    assert [c["comment"] for c in stock_changes(centra)] == ["First count"]
    assert levels(centra, tee) == {"S": 7, "M": 0}


def test_an_error_that_reaches_the_root_undoes_the_fields_before_it(
    centra: CentraClient, tee: Variant
) -> None:
    """The second field's payload cannot be read by this token, which nulls the whole reply:
    the first field's change is not shown, so it is not kept either."""
    made = centra.post(
        "/_mock/tokens",
        json={"token": "stock-writer", "permissions": ["StockChange:write", "Warehouse:read"]},
    )
    assert made.status_code == 201, made.text
    before = database_dump(centra)

    body = post(
        centra,
        TWO_FIELDS % ("", "stockChanges { id }"),
        {
            "first": set_stock(tee, {"S": 7}, "First count"),
            "second": set_stock(tee, {"M": 3}, "Second count"),
        },
        token="stock-writer",
    )

    assert "data" not in body
    assert [(e["message"], e["path"]) for e in body["errors"]] == [
        ("You need StockChange:read permission to access stockChanges.", ["second", "stockChanges"])
    ]
    assert database_dump(centra) == before


# --- every mutation ------------------------------------------------------------------------------


def minimal_call(name: str) -> str:
    """`name` with only its required arguments, each given the simplest value of its type (most
    calls are refused; some succeed), selecting `userErrors` where the payload has them."""
    f = SCHEMA.mutation_type.fields[name]
    args = [
        f"{arg}: {literal_of(a.type)}"
        for arg, a in f.args.items()
        if isinstance(a.type, GraphQLNonNull) and a.default_value is Undefined
    ]
    payload = get_named_type(f.type)
    assert isinstance(payload, GraphQLObjectType)
    selection = (
        "__typename userErrors { message }" if "userErrors" in payload.fields else "__typename"
    )
    return f"{name}({', '.join(args)}) {{ {selection} }}" if args else f"{name} {{ {selection} }}"


def rows(centra: CentraClient) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, with the request that wrote each event left out: one document and
    two requests doing the same work write the same rows but name different requests."""
    with centra.runtime.db.raw() as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        found = {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
        columns = [c[1] for c in conn.execute('PRAGMA table_info("event")')]
    at = columns.index("request_id")
    found["event"] = [(*r[:at], None, *r[at + 1 :]) for r in found["event"]]
    return found


def changed(before: dict[str, list[Any]], after: dict[str, list[Any]]) -> list[str]:
    return sorted(t for t in before.keys() | after.keys() if before.get(t) != after.get(t))


def send(centra: CentraClient, query: str, variables: Any = None) -> tuple[int, Any]:
    r = centra.post(
        "/graphql",
        json={"query": query, "variables": variables or {}},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    return r.status_code, r.json()


def test_every_mutation_field_is_non_null() -> None:
    """The rule reads each field's outcome from `data`: a root field that could be null on its
    own would leave a reply with `data` that does not show what that field wrote."""
    nullable = [
        n for n in MUTATIONS if not isinstance(SCHEMA.mutation_type.fields[n].type, GraphQLNonNull)
    ]
    assert nullable == []


@pytest.mark.parametrize("name", MUTATIONS)
def test_every_mutation_keeps_exactly_what_its_reply_shows(
    centra: CentraClient, tee: Variant, name: str
) -> None:
    """`name` alone, then after a setStock whose payload read fails in the same document: the
    setStock is kept (it is shown), `name` answers the same as alone, and the database ends up
    as after the two sent one by one. A reply without `data`, or with `userErrors`, wrote
    nothing."""
    call = minimal_call(name)
    probe = {"input": set_stock(tee, {"S": 7}, "Probe")}
    centra.control.snapshot("start")
    start = rows(centra)

    status, alone = send(centra, f"mutation {{ {call} }}")
    after_alone = rows(centra)
    centra.control.restore("start")
    send(centra, SET_STOCK % "stockChanges { id }", probe)
    send(centra, f"mutation {{ {call} }}")
    one_by_one = rows(centra)
    centra.control.restore("start")
    _, together = send(
        centra,
        "mutation($input: StockSetInput!) { probe: setStock(input: $input) { "
        f"{FAILING_READ} userErrors {{ message }} }} {call} }}",
        probe,
    )
    after_together = rows(centra)

    assert status < 500, alone
    if "data" not in alone or alone["data"][name].get("userErrors"):
        assert changed(start, after_alone) == [], alone
    if "data" in alone:
        assert together["data"]["probe"]["stockChanges"][0]["warehouse"] is None
        assert together["data"][name] == alone["data"][name]
        assert changed(one_by_one, after_together) == []
    else:
        assert "data" not in together
        assert changed(start, after_together) == []


# --- where `data` is -----------------------------------------------------------------------------


def test_an_error_that_reaches_the_root_leaves_data_out(centra: CentraClient) -> None:
    """`stock` is non-null, so its refused `limit` nulls the whole result: no `data`, as in
    Centra's documented permission error (the GraphQL specification would send null)."""
    body = post(centra, "{ stock(limit: 0) { physicalQuantity } }")

    assert body["errors"] == [
        {
            "message": LIMIT_ERROR,
            "locations": [{"line": 1, "column": 3}],
            "path": ["stock"],
            "extensions": {"category": "request"},
        }
    ]
    assert "data" not in body


def test_an_error_in_a_nullable_field_leaves_the_rest_of_data(centra: CentraClient) -> None:
    body = post(
        centra, "{ warehouse(id: 1) { stock(limit: 0) { physicalQuantity } } stores { id } }"
    )

    assert body["data"] == {"warehouse": None, "stores": [{"id": 1}, {"id": 2}]}
    assert [e["path"] for e in body["errors"]] == [["warehouse", "stock"]]


# --- a failure of the server while reading a payload ---------------------------------------------

CREATE_PRODUCT = """mutation { createProduct(input: {name: "Kept", status: ACTIVE,
  productNumber: "KEPT-1"}) { product { id name weight { value } } userErrors { message } } }"""
KEPT = '{ products(where: {productNumber: {equals: "KEPT-1"}}) { name } }'


def test_a_server_failure_in_a_nullable_payload_field_answers_200_and_keeps_the_write(
    centra: CentraClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reply has `data`, so it tells the truth with 200: the product field is null because
    reading it failed, the product was created and is there afterwards."""

    def broken(cls: Any, product: Any) -> Any:
        raise RuntimeError("the weight could not be read")

    # given: reading a product's weight fails inside the server
    monkeypatch.setattr(catalog_types.Weight, "of", classmethod(broken))

    # when: a product is created and its payload reads the weight
    r = centra.post("/graphql", json={"query": CREATE_PRODUCT}, headers=AUTH)

    # then: 200, the payload shows the failure where it happened, and the product was kept
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["data"] == {"createProduct": {"product": None, "userErrors": []}}
    assert [(e["message"], e["path"], e["extensions"]["category"]) for e in body["errors"]] == [
        ("Internal server error.", ["createProduct", "product", "weight"], "internal")
    ]
    monkeypatch.undo()
    assert post(centra, KEPT)["data"]["products"] == [{"name": "Kept"}]
