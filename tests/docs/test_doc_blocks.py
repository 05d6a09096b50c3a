"""Docs are tests: every code block of README.md and docs/*.md runs as written.

Each block runs on a freshly reset mockcentra (the `centra` fixture): Python snippets are
executed and their `test_*` functions called with the plugin's fixtures, GraphQL operations
are sent with the default token, HTTP requests and `json` request bodies are sent to their
path, shell blocks run in bash against a real server (`centra_server`, its URL written where the
docs say `http://127.0.0.1:8080`). A block the suite cannot run says why in an
`<!-- illustrative: ... -->` comment above its fence; see tests/docs/blocks.py for the markers.
"""

from __future__ import annotations

import inspect
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.docs.blocks import (
    KNOWN_MARKERS,
    REQUEST_LINE,
    ROOT,
    Block,
    all_blocks,
    blocks_of,
    graphql_operations,
)

BLOCKS = all_blocks()
RUNNABLE = [b for b in BLOCKS if b.kind != "illustrative"]
ILLUSTRATIVE = [b for b in BLOCKS if b.kind == "illustrative"]


def _set_stage(centra: CentraClient, block: Block) -> None:
    if "scenario" in block.markers:
        centra.control.load_scenario(block.markers["scenario"])
    if "clock" in block.markers:
        centra.control.freeze(block.markers["clock"])


def _assert_no_refusal(where: str, body: Any) -> None:
    """A GraphQL or REST answer that reports no error: no `errors`, no `userErrors`, and no
    Order API `"status": "no"`."""
    assert isinstance(body, dict), (where, body)
    assert not body.get("errors"), (where, body.get("errors"))
    assert body.get("status") != "no", (where, body)
    for name, value in (body.get("data") or {}).items():
        if isinstance(value, dict):
            assert not value.get("userErrors"), (where, name, value["userErrors"])


def _send(centra: CentraClient, method: str, path: str, headers: dict, body: str | None):
    if path.startswith(centra.runtime.settings.order_api_base):
        headers.setdefault("API-Authorization", centra.runtime.settings.order_api_secret)
    if path.startswith("/graphql"):
        headers.setdefault("Authorization", f"Bearer {centra.token}")
    if body:
        headers.setdefault("Content-Type", "application/json")
    return centra.request(method, path, headers=headers, content=body or None)


def run_python(block: Block, centra: CentraClient, request: pytest.FixtureRequest) -> None:
    namespace: dict[str, Any] = {"__name__": f"docblock_{block.line}"}
    exec(compile(block.text, block.where, "exec"), namespace)  # noqa: S102 (the docs' own code)
    tests = [v for k, v in namespace.items() if k.startswith("test_") and callable(v)]
    webhook_users = [t for t in tests if "centra_webhooks" in inspect.signature(t).parameters]
    assert len(webhook_users) <= 1, f"{block.where}: one test per block may use centra_webhooks"
    for index, test in enumerate(tests):
        if index:  # each test of the block starts from the stage, as under pytest
            centra.control.reset()
            _set_stage(centra, block)
        for mark in getattr(test, "pytestmark", []):
            if mark.name == "centra_scenario":
                centra.control.load_scenario(mark.args[0])
        names = inspect.signature(test).parameters
        test(**{name: request.getfixturevalue(name) for name in names})


def run_graphql(block: Block, centra: CentraClient) -> None:
    operations = graphql_operations(block.text)
    assert operations, f"{block.where}: no GraphQL operation in the block"
    for operation in operations:
        assert operation.startswith(("query", "mutation", "{")), (
            f"{block.where}: `{operation[:40]}...` is not an operation; make it one or mark the "
            "block <!-- illustrative: why -->"
        )
        result = centra.graphql(operation)
        assert result.status_code == 200, (block.where, result.body)
        _assert_no_refusal(block.where, result.body)


def run_http(block: Block, centra: CentraClient) -> None:
    head, _, body = block.text.strip().partition("\n\n")
    request_line, *header_lines = head.splitlines()
    method, path = REQUEST_LINE.match(request_line).groups()  # type: ignore[union-attr]
    headers = dict(line.split(": ", 1) for line in header_lines)
    response = _send(centra, method, path, headers, body.strip() or None)
    assert response.status_code < 400, (block.where, response.status_code, response.text)
    _assert_no_refusal(block.where, response.json())


def run_request(block: Block, centra: CentraClient) -> None:
    method, path = block.markers["request"].split()
    response = _send(centra, method, path, {}, block.text)
    assert response.status_code < 400, (block.where, response.status_code, response.text)
    _assert_no_refusal(block.where, response.json())


def run_output(block: Block) -> None:
    """The block shows what a command prints, from its first line up to a `...` line."""
    from mockcentra.cli.banner import banner
    from mockcentra.settings import Settings

    command = block.markers["output"]
    assert command == "mockcentra serve", f"{block.where}: no known output for `{command}`"
    printed = io.StringIO()
    banner(Settings(), 8080, "demo", printed)
    lines = block.text.splitlines()
    shown = lines[: [ln.strip() for ln in lines].index("...")] if "..." in block.text else lines

    assert printed.getvalue().splitlines()[: len(shown)] == shown, block.where


def run_shell(block: Block, server_url: str, tmp_path: Path) -> None:
    script = block.text.replace("http://127.0.0.1:8080", server_url)
    script = script.replace("http://localhost:8080", server_url)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, (block.where, done.stdout[-2000:], done.stderr[-2000:])
    for line in done.stdout.splitlines():
        try:
            answer = json.loads(line)
        except ValueError:
            continue
        if isinstance(answer, dict):
            _assert_no_refusal(block.where, answer)


@pytest.mark.parametrize("block", RUNNABLE, ids=[b.where for b in RUNNABLE])
def test_doc_block_runs_as_written(
    block: Block, centra: CentraClient, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    unknown = set(block.markers) - KNOWN_MARKERS
    assert not unknown, f"{block.where}: unknown marker(s) {sorted(unknown)}"
    assert block.kind != "unknown", (
        f"{block.where}: a `{block.lang or 'plain'}` block the suite cannot run. Make it a "
        "command, GraphQL operation, HTTP request (`GET /path`), `json` body with "
        "<!-- request: METHOD /path -->, or Python snippet, or mark it "
        "<!-- illustrative: why -->."
    )
    _set_stage(centra, block)
    if block.kind == "python":
        run_python(block, centra, request)
    elif block.kind == "graphql":
        run_graphql(block, centra)
    elif block.kind == "http":
        run_http(block, centra)
    elif block.kind == "request":
        run_request(block, centra)
    elif block.kind == "output":
        run_output(block)
    elif block.kind == "shell":
        run_shell(block, request.getfixturevalue("centra_server").url, tmp_path)


def test_markers_set_the_scenario_and_the_clock_first(centra: CentraClient) -> None:
    block = Block(
        ROOT / "README.md",
        1,
        "graphql",
        "{ products { id } }",
        {"scenario": "empty", "clock": "2030-05-01T12:00:00+00:00"},
    )

    _set_stage(centra, block)

    assert centra.get("/_mock/health").json()["scenario"] == "empty"
    assert centra.get("/_mock/clock").json() == {"now": "2030-05-01T12:00:00+00:00", "frozen": True}
    assert centra.graphql(block.text).payload("products") == []


def test_every_illustrative_block_says_why() -> None:
    unexplained = [b.where for b in ILLUSTRATIVE if not b.markers["illustrative"].strip()]

    assert unexplained == []


def test_the_collector_finds_indented_fences_and_markers(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "Intro\n\n<!-- scenario: wholesale -->\n```graphql\n{ accounts { id } }\n```\n\n"
        '- a list item:\n\n  ```json\n  {"a": 1}\n  ```\n\n'
        "<!-- illustrative: the wire format -->\n```\nPOST <url>\n```\n"
    )

    found = blocks_of(page)

    assert [(b.line, b.lang, b.text, b.markers, b.kind) for b in found] == [
        (4, "graphql", "{ accounts { id } }", {"scenario": "wholesale"}, "graphql"),
        (10, "json", '{"a": 1}', {}, "unknown"),
        (15, "", "POST <url>", {"illustrative": "the wire format"}, "illustrative"),
    ]


def test_graphql_blocks_split_into_operations() -> None:
    document = '# first\nmutation { a(x: "}#") { b } }\n\nquery { c { d } }  # done\n'

    assert graphql_operations(document) == [
        '# first\nmutation { a(x: "}#") { b } }',
        "query { c { d } }",
    ]


def test_the_order_api_example_order_is_authorized_for_what_it_ships(
    centra: CentraClient,
) -> None:
    """The `POST order` example authorizes its whole total, so shipping it captures."""
    [example] = [b for b in blocks_of(ROOT / "docs" / "order-api.md") if b.markers.get("request")]
    placed = run_and_return(centra, example)
    number = placed["orders"][0]
    order = centra.order_api(f"orders?order={number}").json()["orders"][0]
    centra.graphql(
        "mutation($n:Int!){confirmOrder(input:{order:{number:$n}}){userErrors{message}}}",
        {"n": number},
    ).ok("confirmOrder")

    shipped = centra.order_api(
        "shipments",
        json={"order": number, "products": {p["lineId"]: p["qty"] for p in order["products"]}},
    ).json()

    assert order["grandTotalValue"] == json.loads(example.text)["payment"]["auth"]["amount"]
    assert shipped == {"status": "ok", "order": number, "shipment": f"{number}-1"}


def run_and_return(centra: CentraClient, block: Block) -> dict[str, Any]:
    method, path = block.markers["request"].split()
    response = _send(centra, method, path, {}, block.text)
    assert response.status_code == 200, response.text
    return response.json()


def test_the_voucher_example_code_applies_at_checkout_today(
    centra: CentraClient, centra_factories: Factories
) -> None:
    """The example's dates hold on the mock clock, so a shopper can use its code now."""
    [example] = [b for b in blocks_of(ROOT / "docs" / "vouchers.md") if "createVoucher" in b.text]
    run_graphql(example, centra)
    item = centra_factories.sellable_item()
    token = centra.checkout(f"items/{item.item}", "POST").json()["token"]

    applied = centra.checkout("vouchers", token=token, json={"voucher": "uniqueCode"})

    assert applied.status_code == 200, applied.json()
    vouchers = applied.json()["selection"]["discounts"]["vouchers"]
    assert [v["voucher"] for v in vouchers] == ["uniqueCode"]
