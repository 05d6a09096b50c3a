"""A generated sweep of hostile input over every operation: each Order API and Checkout API
operation of the published OpenAPI documents, each control-plane route, and the variables of
each Integration API root field that takes arguments. Values are what careless or hostile
clients send: integers past 64 bits, lone surrogates, absurd numbers and dates, wrong JSON
types, JSON nested past any sense, bytes that are no JSON.

Whatever is sent: no 5xx; the keep-alive connection it came on answers the next request; and
a refusal changes nothing in the database. The default run takes a few examples per operation;
the `slow` run many more. Examples are derandomized, so a run is the same every time."""

from __future__ import annotations

import http.client
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import pytest
from graphql import (
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLUnionType,
    build_schema,
    get_named_type,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.routing import Mount, Route

from mockcentra.testing import CentraClient

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "dev-integration-token"
ORDER_SECRET = "dev-order-api-secret"
SNAPSHOT = "bad-input-sweep"

# ---------------------------------------------------------------- hostile values

HOSTILE_SCALARS: list[Any] = [
    2**63,
    2**64,
    -(2**63) - 1,
    10**30,
    2**63 - 1,
    2**62,
    -1,
    0,
    1,
    1e308,
    -1e308,
    1e17,
    3e11,
    1e-300,
    0.005,
    True,
    False,
    None,
    "",
    " ",
    "\ud800",
    "a\udfffb",
    "18446744073709551616",
    "9223372036854775808",
    "-1",
    "1e400",
    "NaN",
    "Infinity",
    "0001-01-01",
    "9999-12-31 23:59:59",
    "9999-12-31T23:59:59+00:00",
    "-99999999999 weeks",
    "abc",
    "x" * 300,
]
#: Text with any code point, lone surrogates included (hypothesis leaves them out by default).
ANY_TEXT = st.text(max_size=12) | st.text(
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=2
)
SCALARS = st.one_of(
    st.sampled_from(HOSTILE_SCALARS),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    ANY_TEXT,
)
#: Bodies that are no usable JSON object at all.
RAW_BODIES = [
    b"{",
    b"[]",
    b"null",
    b'"text"',
    b"\xff\xfe{}",
    b'{"a": NaN}',
    b'{"a": Infinity}',
    b'{"a": 1e400}',
    b'{"a": "\\ud800"}',
    b'{"a": ' + b"[" * 3000 + b"]" * 3000 + b"}",
    b'{"a": ' + b'{"b": ' * 100 + b"1" + b"}" * 100 + b"}",
]
#: Path segments and query values (URL text).
PARAMS = st.one_of(
    st.sampled_from(
        [
            "18446744073709551616",
            "9223372036854775808",
            "9223372036854775807",
            "-1",
            "0",
            "1",
            "abc",
            "1e5",
            "0001-01-01",
            "9999-12-31 23:59:59",
            "1-18446744073709551616",
            "\ud800",
        ]
    ),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    ANY_TEXT,
)


def values(keys: list[str]) -> st.SearchStrategy[Any]:
    """Hostile JSON values: scalars, and lists and objects of them (keys from `keys`)."""
    key = st.sampled_from(keys) if keys else ANY_TEXT
    return st.recursive(
        SCALARS,
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(key | ANY_TEXT, inner, max_size=3)
        ),
        max_leaves=6,
    )


def encoded(value: Any) -> bytes:
    """JSON as a client sends it: lone surrogates as `\\ud800` escapes."""
    return json.dumps(value, ensure_ascii=True).encode()


def url_text(value: str) -> str:
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


# ---------------------------------------------------------------- the operations


def _resolve(doc: dict[str, Any], schema: dict[str, Any] | None) -> dict[str, Any]:
    while schema and "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema or {}


def _property_names(doc: dict[str, Any], schema: dict[str, Any], depth: int = 0) -> list[str]:
    """Every property name of a request body schema, nested ones included."""
    schema = _resolve(doc, schema)
    names = list(schema.get("properties", {}))
    if depth < 3:
        for part in schema.get("allOf", []) + schema.get("anyOf", []) + schema.get("oneOf", []):
            names += _property_names(doc, part, depth + 1)
        for prop in schema.get("properties", {}).values():
            names += _property_names(doc, prop, depth + 1)
            names += _property_names(doc, prop.get("items", {}), depth + 1)
    return sorted(set(names))


def rest_operations() -> list[tuple[str, str, str, list[str], list[str]]]:
    """(API, method, path, query parameter names, body property names) of each documented
    operation of the Order and Checkout APIs."""
    out = []
    for api, base, file in (
        ("order", "/api/order", "order-api.openapi.json"),
        ("checkout", "/api/checkout", "checkout-api.openapi.json"),
    ):
        doc = json.loads((ROOT / "schema" / file).read_text())
        for path, item in doc["paths"].items():
            for method, op in item.items():
                if method == "parameters":
                    continue
                params = [
                    _resolve(doc, p) for p in op.get("parameters", []) + item.get("parameters", [])
                ]
                query = sorted({p["name"] for p in params if p.get("in") == "query"})
                body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
                keys = _property_names(doc, body.get("schema", {}))
                out.append((api, method.upper(), base + path, query, keys))
    return out


#: Every key a control-plane body reads (the routes' models and the faults and subscription
#: settings), so generated bodies reach past "unknown key" into each field's checks.
CONTROL_KEYS = [
    "name", "freeze", "advanceSeconds", "unfreeze", "token", "permissions", "description",
    "integrationName", "storeId", "plan", "quotas", "outcome", "path", "method", "status",
    "body", "latencyMs", "drop", "times", "operationName", "rootField", "url", "secret",
    "version", "events", "batchSize", "timeoutSeconds", "retries", "retryDelaySeconds",
    "validateSsl", "active",
]  # fmt: skip
#: Query parameters the control plane's GET routes read.
CONTROL_QUERY = [
    "limit", "after", "subscription", "status", "trigger", "objectType", "since", "method",
    "path", "operationName", "store", "country", "minFree",
]  # fmt: skip
#: Routes that take no input a client can get wrong and would undo the sweep's baseline.
CONTROL_SKIPPED = {("POST", "/_mock/reset")}


def control_operations(app: Any) -> list[tuple[str, str, str, list[str], list[str]]]:
    """(`control`, method, path, query names, body keys) of every /_mock route."""
    out = []
    for mount in app.routes:
        if isinstance(mount, Mount) and mount.path == "/_mock":
            for route in mount.routes:
                if not isinstance(route, Route):
                    continue
                for method in sorted((route.methods or set()) - {"HEAD"}):
                    path = "/_mock" + route.path
                    if (method, path) in CONTROL_SKIPPED:
                        continue
                    body = CONTROL_KEYS if method in ("POST", "PUT") else []
                    out.append(("control", method, path, CONTROL_QUERY, body))
    return out


def graphql_fields() -> list[tuple[str, str, dict[str, str], str]]:
    """(operation type, root field, {argument: type}, selection) of each root field with
    arguments in the published schema."""
    schema = build_schema((ROOT / "schema" / "integration-api.graphql").read_text())
    out = []
    for kind, root in (("query", schema.query_type), ("mutation", schema.mutation_type)):
        assert root is not None
        for name, field in root.fields.items():
            if not field.args:
                continue
            named = get_named_type(field.type)
            composite = (GraphQLObjectType, GraphQLInterfaceType, GraphQLUnionType)
            selection = " { __typename }" if isinstance(named, composite) else ""
            args = {arg: str(spec.type) for arg, spec in field.args.items()}
            out.append((kind, name, args, selection))
    return out


GRAPHQL_FIELDS = graphql_fields()
REST_OPERATIONS = rest_operations()

# ---------------------------------------------------------------- the checks


class Sweep:
    """One keep-alive connection to the live server and the state to compare against."""

    def __init__(self, centra: CentraClient, url: str, token: str) -> None:
        self.centra = centra
        parts = urlsplit(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        self.checkout_token = token
        self.sent = 0

    def close(self) -> None:
        self.connection.close()
        self.centra.control.delete_snapshot(SNAPSHOT)

    def send(self, method: str, target: str, body: bytes | None, headers: dict[str, str]) -> None:
        """Send one request; check its status, the connection and what a refusal changed."""
        self.centra.control.snapshot(SNAPSHOT)
        self.connection.request(method, target, body=body, headers=headers)
        answer = self.connection.getresponse()
        raw = answer.read()
        self.sent += 1
        assert answer.status < 500, (method, target, body, answer.status, raw[:500])
        self.connection.request("GET", "/_mock/health")  # the same connection
        health = self.connection.getresponse()
        health.read()
        assert health.status == 200, (method, target, body)
        if refused(answer.status, raw):
            changed = self.centra.control.diff(SNAPSHOT)
            assert changed == {}, (method, target, body, raw[:500], changed)
        self.centra.delete("/_mock/faults")  # a fault a generated body made stays out of the way


def refused(status: int, raw: bytes) -> bool:
    """True when the answer says the request was not done, in any API's terms."""
    if status >= 400:
        return True
    try:
        body = json.loads(raw)
    except ValueError:
        return False
    if not isinstance(body, dict):
        return False
    if body.get("status") == "no" or (body.get("errors") and not body.get("data")):
        return True
    payloads = (body.get("data") or {}).values()
    return any(isinstance(p, dict) and p.get("userErrors") for p in payloads)


@pytest.fixture
def sweep(centra: CentraClient, centra_server: Any) -> Any:
    item = centra.sellable_items(1, "SE")[0]
    session = centra.checkout(f"items/{item.display_id}-{item.product_size_id}", json={})
    running = Sweep(centra, centra_server.url, session.json()["token"])
    yield running
    running.close()


def sweep_settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


# ---------------------------------------------------------------- REST and control plane


def _target(path: str, params: dict[str, str], query: dict[str, str]) -> str:
    for name, value in params.items():
        path = path.replace("{" + name + "}", url_text(value) or "x")
    if query:
        path += "?" + urlencode({k: v.encode("utf-8", "surrogatepass") for k, v in query.items()})
    return path


def _request(data: st.DataObject, sweep: Sweep, operation: tuple) -> None:
    api, method, path, query_names, body_keys = operation
    names = [p.strip("{}") for p in path.split("/") if p.startswith("{")]
    params = {n: data.draw(PARAMS, label=n) for n in names}
    query = data.draw(
        st.dictionaries(st.sampled_from(query_names), PARAMS, max_size=4)
        if query_names
        else st.just({}),
        label="query",
    )
    headers = {"Content-Type": "application/json"}
    if api == "order":
        headers["API-Authorization"] = ORDER_SECRET
    if api == "checkout" and data.draw(st.booleans(), label="in the session"):
        headers["API-Token"] = sweep.checkout_token
    body: bytes | None = None
    if method in ("POST", "PUT", "DELETE"):
        body = data.draw(
            st.one_of(
                st.dictionaries(
                    st.sampled_from(body_keys) if body_keys else ANY_TEXT,
                    values(body_keys),
                    max_size=5,
                ).map(encoded),
                values(body_keys).map(encoded),
                st.sampled_from(RAW_BODIES),
            ),
            label="body",
        )
    sweep.send(method, _target(path, params, query), body, headers)


def _operation_id(operation: tuple) -> str:
    return f"{operation[1]} {operation[2]}"


@pytest.mark.parametrize("operation", REST_OPERATIONS, ids=_operation_id)
@given(data=st.data())
@sweep_settings(4)
def test_rest_operations_refuse_hostile_input(sweep: Sweep, operation: tuple, data) -> None:
    _request(data, sweep, operation)


@pytest.mark.slow
@pytest.mark.parametrize("operation", REST_OPERATIONS, ids=_operation_id)
@given(data=st.data())
@sweep_settings(60)
def test_rest_operations_refuse_hostile_input_at_length(
    sweep: Sweep, operation: tuple, data
) -> None:
    _request(data, sweep, operation)


def test_the_sweep_covers_every_documented_rest_operation() -> None:
    assert len(REST_OPERATIONS) == 35
    assert len(GRAPHQL_FIELDS) == 144


def test_control_plane_routes_refuse_hostile_input(sweep: Sweep, centra_server: Any) -> None:
    operations = control_operations(centra_server.app)

    @given(data=st.data())
    @sweep_settings(4 * len(operations))
    def run(data) -> None:
        _request(data, sweep, data.draw(st.sampled_from(operations), label="route"))

    run()
    assert sweep.sent == 4 * len(operations)


@pytest.mark.slow
def test_control_plane_routes_refuse_hostile_input_at_length(
    sweep: Sweep, centra_server: Any
) -> None:
    for operation in control_operations(centra_server.app):
        _control_sweep(sweep, operation)()


def _control_sweep(sweep: Sweep, operation: tuple) -> Any:
    """60 examples of one control-plane route."""

    @given(data=st.data())
    @sweep_settings(60)
    def run(data) -> None:
        _request(data, sweep, operation)

    return run


# ---------------------------------------------------------------- GraphQL variables


def _graphql(data: st.DataObject, sweep: Sweep, field: tuple) -> None:
    kind, name, args, selection = field
    declared = ", ".join(f"${a}: {t}" for a, t in args.items())
    passed = ", ".join(f"{a}: ${a}" for a in args)
    document = f"{kind}({declared}) {{ {name}({passed}){selection} }}"
    variables = data.draw(
        st.fixed_dictionaries({}, optional={a: values([]) for a in args}), label="variables"
    )
    body = {"query": document, "variables": variables}
    if data.draw(st.booleans(), label="with operationName"):
        body["operationName"] = data.draw(ANY_TEXT, label="operationName")
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"}
    sweep.send("POST", "/graphql", encoded(body), headers)


def test_graphql_variables_are_refused_when_hostile(sweep: Sweep) -> None:
    @given(data=st.data())
    @sweep_settings(2 * len(GRAPHQL_FIELDS))
    def run(data) -> None:
        _graphql(data, sweep, data.draw(st.sampled_from(GRAPHQL_FIELDS), label="field"))

    run()


@pytest.mark.slow
@pytest.mark.parametrize("field", GRAPHQL_FIELDS, ids=lambda f: f"{f[0]} {f[1]}")
@given(data=st.data())
@sweep_settings(15)
def test_graphql_variables_are_refused_when_hostile_at_length(
    sweep: Sweep, field: tuple, data
) -> None:
    _graphql(data, sweep, field)
