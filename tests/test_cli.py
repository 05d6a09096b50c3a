"""The `mockcentra` command line: serve, seed, scenarios, export-schema."""

from __future__ import annotations

import re
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from mockcentra.cli import main
from mockcentra.cli.common import has_data
from mockcentra.graphql.schema import print_sdl
from mockcentra.rest.checkout_openapi import checkout_api_openapi_text
from mockcentra.rest.order_openapi import order_api_openapi_text
from mockcentra.seeding.scenarios import SCENARIOS


def _product_names(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM product ORDER BY id")]


def test_scenarios_lists_every_scenario_with_a_description(capsys: pytest.CaptureFixture) -> None:
    assert main(["scenarios"]) == 0

    lines = capsys.readouterr().out.splitlines()
    names = [line.split()[0] for line in lines]
    assert names == sorted(SCENARIOS) and {"demo", "empty", "fulfillment", "returns"} <= set(names)
    assert all(len(line.split(None, 1)) == 2 for line in lines)
    assert lines[names.index("demo")].endswith("(default)")


def test_no_command_prints_help_and_fails(capsys: pytest.CaptureFixture) -> None:
    assert main([]) == 2

    assert "Choose a command" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["serve", "seed", "scenarios", "export-schema"])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])

    assert exit_info.value.code == 0
    assert f"usage: mockcentra {command}" in capsys.readouterr().out


def test_export_schema_writes_the_live_sdl(tmp_path: Path) -> None:
    out = tmp_path / "nested" / "schema.graphql"
    openapi = tmp_path / "nested" / "order-api.json"
    checkout = tmp_path / "nested" / "checkout-api.json"
    files = ["--out", str(out), "--openapi", str(openapi), "--checkout-openapi", str(checkout)]

    assert main(["export-schema", *files]) == 0

    assert out.read_text() == print_sdl()
    assert openapi.read_text() == order_api_openapi_text()
    assert checkout.read_text() == checkout_api_openapi_text()


def test_export_schema_check_reports_a_stale_or_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "schema.graphql"
    out.write_text("type Query { old: Int }\n")
    openapi = tmp_path / "order-api.json"
    checkout = tmp_path / "checkout-api.json"
    files = ["--out", str(out), "--openapi", str(openapi), "--checkout-openapi", str(checkout)]

    assert main(["export-schema", *files, "--check"]) == 1
    err = capsys.readouterr().err
    assert f"{out} is stale: it differs from the live schema." in err
    assert f"{openapi} is missing. Run `mockcentra export-schema`" in err
    assert f"{checkout} is missing." in err
    assert out.read_text() == "type Query { old: Int }\n"  # --check writes nothing
    assert not openapi.exists()

    main(["export-schema", *files])
    assert main(["export-schema", *files, "--check"]) == 0


def test_seed_creates_a_database_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "demo.db"

    assert main(["seed", "--scenario", "demo", "--db", str(db)]) == 0

    assert "Seeded scenario 'demo' (seed 1)" in capsys.readouterr().out
    assert len(_product_names(db)) == 20
    assert has_data(str(db))


def test_seed_refuses_a_database_with_data_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    db = tmp_path / "demo.db"
    main(["seed", "--db", str(db), "--seed", "1"])
    before = _product_names(db)
    capsys.readouterr()

    assert main(["seed", "--db", str(db), "--seed", "2"]) == 1
    assert "already has data. Add --force" in capsys.readouterr().err
    assert _product_names(db) == before

    assert main(["seed", "--db", str(db), "--seed", "2", "--force"]) == 0
    assert _product_names(db) != before


def test_seed_empty_scenario(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"

    assert main(["seed", "--scenario", "empty", "--db", str(db)]) == 0

    assert _product_names(db) == []
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM store").fetchone() == (2,)
        assert conn.execute("SELECT token FROM api_token ORDER BY id").fetchall() == [
            ("dev-integration-token",),
            ("dev-admin-token",),
        ]


def test_a_seeded_file_served_later_reports_its_own_scenario_and_seed(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    from mockcentra.app import create_app
    from mockcentra.cli.banner import banner
    from mockcentra.seeding.scenarios import seeded_info
    from mockcentra.settings import Settings
    from mockcentra.testing import CentraClient

    db = tmp_path / "empty.db"
    main(["seed", "--scenario", "empty", "--seed", "7", "--db", str(db)])

    app = create_app(Settings(db=str(db), scenario="demo"))
    client = CentraClient(app)
    try:
        health = client.get("/_mock/health").json()
        info = seeded_info(app.state.runtime.db)
    finally:
        client.close()
        app.state.runtime.db.dispose()

    assert health["scenario"] == "empty"
    assert info == {"scenario": "empty", "seed": "7"}
    capsys.readouterr()
    banner(Settings(db=str(db)), 8080, health["scenario"], sys.stdout, int(info["seed"]))
    assert "scenario 'empty' (seed 7)" in capsys.readouterr().out


def test_seed_large_with_an_order_count_shows_progress_and_time(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    db = tmp_path / "large.db"

    size = ["--orders", "40", "--products", "30"]
    assert main(["seed", "--scenario", "large", *size, "--db", str(db)]) == 0

    out, err = capsys.readouterr()
    assert re.search(r"Seeded scenario 'large' \(seed 1\) into .* in \d+\.\d\d s", out)
    assert "Seeding 'large' [" in err and "100% 40/40 orders" in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM orders").fetchone() == (40,)
        assert conn.execute("SELECT count(*) FROM product").fetchone() == (30,)


def test_seed_refuses_a_product_count_for_a_fixed_catalogue(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    db = tmp_path / "demo.db"

    assert main(["seed", "--scenario", "demo", "--products", "5", "--db", str(db)]) == 2
    assert main(["seed", "--scenario", "large", "--products", "0", "--db", str(db)]) == 2

    err = capsys.readouterr().err
    assert "--products applies to scenarios with a sized catalogue (large)" in err
    assert "--products must be between 1 and 20000." in err
    assert not db.exists()


def test_seed_refuses_an_order_count_for_a_fixed_scenario(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    db = tmp_path / "demo.db"

    assert main(["seed", "--scenario", "fulfillment", "--orders", "5", "--db", str(db)]) == 2

    assert "--orders applies to scenarios with bulk orders (large)" in capsys.readouterr().err
    assert not db.exists()


def test_seed_reads_the_database_path_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("MOCKCENTRA_DB", str(db))
    monkeypatch.setenv("MOCKCENTRA_SCENARIO", "empty")

    assert main(["seed"]) == 0

    assert has_data(str(db)) and _product_names(db) == []


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["seed", "--scenario", "nope", "--db", "x.db"], 2, "Unknown scenario 'nope'. Known"),
        (["seed", "--db", ":memory:"], 2, "Seeding ':memory:' keeps nothing"),
        (["serve", "--scenario", "nope", "--db", ":memory:"], 2, "Unknown scenario 'nope'"),
        (["serve", "--db", "/no/such/dir/x.db"], 1, "directory /no/such/dir does not exist"),
    ],
)
def test_mistakes_say_what_to_do(
    argv: list[str], code: int, message: str, capsys: pytest.CaptureFixture
) -> None:
    assert main(argv) == code

    assert message in capsys.readouterr().err


def test_serve_on_a_busy_port_says_how_to_pick_another(capsys: pytest.CaptureFixture) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]

        assert main(["serve", "--db", ":memory:", "--port", str(port)]) == 1

    assert f"Port {port} on 127.0.0.1 is already in use" in capsys.readouterr().err


def _serve_in_a_process(cwd: Path, *args: str) -> tuple[subprocess.Popen[str], str, httpx.Response]:
    """`python -m mockcentra serve ARGS --port 0`, once it answers: the process, its base URL
    and its first health answer."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "mockcentra", "serve", *args, "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=cwd,
    )
    assert proc.stdout is not None
    base = None
    deadline = time.monotonic() + 30
    while base is None and time.monotonic() < deadline:
        line = proc.stdout.readline()
        assert line, "server exited before printing its URLs"
        found = re.search(r"Health\s+(http://[\d.]+:\d+)/_mock/health", line)
        base = found.group(1) if found else None
    assert base is not None
    for _ in range(200):
        try:
            return proc, base, httpx.get(f"{base}/_mock/health")
        except httpx.TransportError:
            time.sleep(0.05)
    proc.kill()
    raise AssertionError("the server never answered /_mock/health")


@pytest.mark.slow  # starts a server process
def test_python_dash_m_serves_graphql_and_health(tmp_path: Path) -> None:
    """The real thing: a server process on a free port, seeded, answering with the default token."""
    proc, base, health = _serve_in_a_process(tmp_path, "--db", ":memory:")
    try:
        assert health.json()["scenario"] == "demo"
        stores = httpx.post(
            f"{base}/graphql",
            json={"query": "{ stores { id name } }"},
            headers={"Authorization": "Bearer dev-integration-token"},
        )
        assert stores.json()["data"]["stores"] == [
            {"id": 1, "name": "Retail"},
            {"id": 2, "name": "Wholesale"},
        ]
    finally:
        proc.terminate()
        rest, _ = proc.communicate(timeout=10)
    assert "Application shutdown complete" in rest  # SIGTERM stops it gracefully


def test_reset_snapshot_restore_against_a_running_server(
    centra_server, centra, capsys: pytest.CaptureFixture
) -> None:
    url = ["--url", centra_server.url]

    assert main(["snapshot", "clean", *url]) == 0
    assert main(["snapshot", *url]) == 0
    assert "clean" in capsys.readouterr().out.splitlines()
    centra.graphql(
        'mutation { createSizeChart(input: {name: "Cli", horizontalLabels: ["A"]}) { userErrors { message } } }'
    )
    assert main(["restore", "clean", *url]) == 0
    charts = centra.graphql("{ sizeCharts(limit: 100) { name } }").payload("sizeCharts")
    assert "Cli" not in [c["name"] for c in charts]
    assert main(["reset", *url]) == 0
    assert "Reset to the 'demo' scenario." in capsys.readouterr().out


def test_restore_of_an_unknown_snapshot_says_so(
    centra_server, capsys: pytest.CaptureFixture
) -> None:
    assert main(["restore", "nope", "--url", centra_server.url]) == 1
    assert "answered 404: No snapshot named 'nope'." in capsys.readouterr().err


def test_control_commands_without_a_server_say_what_to_do(capsys: pytest.CaptureFixture) -> None:
    assert main(["reset", "--url", "http://127.0.0.1:9"]) == 1
    assert "Start one with `mockcentra serve`, or pass --url." in capsys.readouterr().err


@pytest.mark.parametrize(
    ("settings", "warns"),
    [
        ({"host": "0.0.0.0"}, True),
        ({"host": "192.0.2.10"}, True),
        ({"host": "::"}, True),
        ({"host": "0.0.0.0", "control_token": "team-control-token"}, False),
        ({"host": "0.0.0.0", "control": False}, False),
        ({"host": "127.0.0.1"}, False),
        ({"host": "127.0.0.2"}, False),
        ({"host": "::1"}, False),
        ({"host": "localhost"}, False),
    ],
)
def test_serving_beyond_loopback_with_an_open_control_plane_warns(
    settings: dict[str, object], warns: bool
) -> None:
    from mockcentra.cli.banner import exposure_warning
    from mockcentra.settings import Settings

    warning = exposure_warning(Settings(**settings))  # type: ignore[arg-type]

    if warns:
        assert warning == (
            f"Warning: serving on {settings['host']} with an open control plane: anyone who can "
            "reach this port can reset the data, mint tokens with every permission and "
            "subscribe webhooks to any URL. Set MOCKCENTRA_CONTROL_TOKEN (--control-token) or "
            "MOCKCENTRA_CONTROL=off (--control off), or serve on 127.0.0.1."
        )
    else:
        assert warning is None


@pytest.mark.parametrize(
    ("flags", "reason"),
    [
        (["--db", ":memory:"], "--workers needs a file database"),
        (["--rate-limit", "5"], "Rate limits (--rate-limit, --rate-limits) are counted in each"),
        (["--rate-limits", "centra"], "every client would get 2 times the limit"),
        (["--workers", "0"], "--workers must be 1 or more."),
    ],
    ids=["in-memory database", "request limit", "rate-limit plan", "no worker"],
)
def test_serve_refuses_workers_with_what_they_cannot_share(
    tmp_path: Path, capsys: pytest.CaptureFixture, flags: list[str], reason: str
) -> None:
    db = tmp_path / "never.db"

    code = main(["serve", "--db", str(db), "--port", "0", "--workers", "2", *flags])

    assert code == 2
    assert reason in capsys.readouterr().err
    assert not db.exists()


@pytest.mark.slow  # starts a server process
def test_a_file_database_served_and_stopped_with_sigterm_leaves_only_its_file(
    tmp_path: Path,
) -> None:
    """uvicorn raises the caught SIGTERM again after its shutdown; the database is closed by the
    app's shutdown before that, so no snapshot folder and no WAL stay beside the file."""
    # given: a server on a file database with a snapshot taken
    db = tmp_path / "store.db"
    proc, base, _ = _serve_in_a_process(tmp_path, "--db", str(db), "--scenario", "empty")
    try:
        taken = httpx.post(f"{base}/_mock/snapshots", json={"name": "before"})
        assert taken.status_code == 201
        assert len(list(tmp_path.glob("store.db.snapshots-*"))) == 1
    finally:
        # when: it is stopped with SIGTERM
        proc.terminate()
        rest, _ = proc.communicate(timeout=10)

    # then: it shut down gracefully and only the database file is left
    assert "Application shutdown complete" in rest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.db"]
