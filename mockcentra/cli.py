"""The `mockcentra` command: serve | seed | scenarios | export-schema.

Every flag overrides its MOCKCENTRA_<NAME> environment variable, which overrides the default.
"""

from __future__ import annotations

import argparse
import ipaddress
import socket
import sqlite3
import sys
import time
from pathlib import Path
from typing import TextIO

from mockcentra import __version__
from mockcentra.settings import MEMORY, Settings
from mockcentra.state.ratelimits import PLAN_NAMES
from mockcentra.webhooks.cli import add_webhooks_command, listen

# Each command imports what it runs inside its function (the app, uvicorn, the seeders, the
# schema): `mockcentra --help`, `reset` or `webhooks listen` start without them (startup speed).

DEFAULT_SCHEMA_PATH = "schema/integration-api.graphql"
DEFAULT_OPENAPI_PATH = "schema/order-api.openapi.json"
DEFAULT_CHECKOUT_OPENAPI_PATH = "schema/checkout-api.openapi.json"

DESCRIPTION = """\
mockcentra: a local, stateful stand-in for Centra's Integration API (GraphQL), REST APIs
and webhooks, on one port, backed by SQLite.

Settings come from flags, then MOCKCENTRA_* environment variables (MOCKCENTRA_DB,
MOCKCENTRA_SCENARIO, MOCKCENTRA_SEED, MOCKCENTRA_HOST, MOCKCENTRA_PORT, ...), then defaults.
"""

EPILOG = """\
examples:
  mockcentra serve                          # http://127.0.0.1:8080, ./mockcentra.db seeded with 'demo'
  mockcentra serve --db :memory: --port 0   # throw-away database on a free port
  mockcentra seed --scenario empty --db /tmp/empty.db --force
  mockcentra seed --scenario large --db /tmp/large.db --orders 10000   # bulk orders
  mockcentra scenarios
  mockcentra export-schema --check          # exit 1 when a file in schema/ is stale
"""


class CliError(Exception):
    """A problem the user can fix; printed as one line (plus a hint), exit code `code`."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def _settings(args: argparse.Namespace, *names: str) -> Settings:
    overrides = {name: getattr(args, name, None) for name in names}
    try:
        return Settings.from_env(**overrides)
    except ValueError as exc:
        raise CliError(
            f"Invalid MOCKCENTRA_* environment variable: {exc}. Fix or unset it.", 2
        ) from exc


def _check_scenario(name: str) -> None:
    from mockcentra.seeding.scenarios import SCENARIOS

    if name not in SCENARIOS:
        known = ", ".join(sorted(SCENARIOS))
        raise CliError(
            f"Unknown scenario '{name}'. Known scenarios: {known} "
            "(`mockcentra scenarios` describes them).",
            2,
        )


def _check_db_path(path: str) -> None:
    if path == MEMORY:
        return
    parent = Path(path).expanduser().resolve().parent
    if not parent.is_dir():
        raise CliError(
            f"Cannot create database {path}: directory {parent} does not exist. "
            "Create it or choose another --db."
        )


def has_data(path: str) -> bool:
    """True when `path` is a SQLite file whose store table has rows (a seeded database)."""
    if path == MEMORY or not Path(path).is_file() or Path(path).stat().st_size == 0:
        return False
    try:
        conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    except sqlite3.Error:
        return True
    try:
        found = conn.execute("SELECT count(*) FROM sqlite_master WHERE name='store'").fetchone()[0]
        return bool(found) and conn.execute("SELECT count(*) FROM store").fetchone()[0] > 0
    except sqlite3.DatabaseError:
        return True  # not a database we can read: never overwrite it silently
    finally:
        conn.close()


def _remove_database(path: str) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(path + suffix).unlink(missing_ok=True)


def _display_host(host: str) -> str:
    if host in ("0.0.0.0", "", "::"):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve anywhere


def exposure_warning(settings: Settings) -> str | None:
    """The warning printed at start when others may reach an open control plane: serving beyond
    loopback with /_mock on and no control token lets anyone reset the data, mint tokens with
    every permission and point webhooks anywhere."""
    if _loopback(settings.host) or not settings.control or settings.control_token:
        return None
    return (
        f"Warning: serving on {settings.host} with an open control plane: anyone who can reach "
        "this port can reset the data, mint tokens with every permission and subscribe "
        "webhooks to any URL. Set MOCKCENTRA_CONTROL_TOKEN (--control-token) or "
        "MOCKCENTRA_CONTROL=off (--control off), or serve on 127.0.0.1."
    )


def _bind(host: str, port: int) -> socket.socket:
    """Bind before seeding, so a busy port fails fast with advice instead of a traceback."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            raise CliError(
                f"Port {port} on {host} is already in use. Stop the other server or pick "
                "another port with --port (or MOCKCENTRA_PORT); --port 0 picks a free one."
            ) from exc
        raise CliError(f"Cannot listen on {host}:{port}: {exc.strerror or exc}.") from exc
    sock.set_inheritable(True)
    return sock


def banner(
    settings: Settings, port: int, scenario: str, out: TextIO, seed: int | None = None
) -> None:
    """What a person needs to start: where things are and which tokens to send.

    `seed` is the one the database was seeded with, when it differs from the settings'."""
    base = f"http://{_display_host(settings.host)}:{port}"
    seeded = (
        f"scenario '{scenario}' (seed {settings.seed if seed is None else seed})"
        if scenario != "existing"
        else "existing data (kept as it was)"
    )
    lines = [
        f"mockcentra {__version__}: database {settings.db}, {seeded}",
        "",
        f"  GraphQL API  POST {base}/graphql",
        f"  GraphiQL     {base}/graphql  (open in a browser)",
        f"  Health       {base}/_mock/health",
        f"  Control      {base}/_mock/  (reset, snapshots, clock, tokens)",
        "",
        "  Integration API token  " + settings.integration_token,
        "  Admin token            " + settings.admin_token + "  (generateToken, revokeAccess)",
        "  Checkout API secret    " + settings.checkout_secret,
        "  Order API secret       " + settings.order_api_secret,
        "",
        f"  curl -s {base}/graphql -H 'Authorization: Bearer {settings.integration_token}' \\",
        "       -H 'Content-Type: application/json' -d '{\"query\": \"{ stores { id name } }\"}'",
        "",
        "Press Ctrl+C to stop.",
    ]
    print("\n".join(lines), file=out, flush=True)


#: Settings `serve` takes as flags besides where to listen and what to seed.
GUARD_FLAGS = (
    "control",
    "control_token",
    "max_body_bytes",
    "rate_limit",
    "rate_limit_window",
    "rate_limits",
    "graphql_max_depth",
    "graphql_max_complexity",
    "graphql_max_query_bytes",
)


def _on_off(value: str) -> bool:
    text = value.strip().lower()
    if text in ("on", "true", "yes", "1"):
        return True
    if text in ("off", "false", "no", "0"):
        return False
    raise argparse.ArgumentTypeError(f"'{value}' is not on or off")


def guard_flags(p: argparse.ArgumentParser) -> None:
    """Flags mirroring MOCKCENTRA_CONTROL, _CONTROL_TOKEN, _MAX_BODY_BYTES, _RATE_LIMIT, ..."""
    p.add_argument(
        "--control",
        type=_on_off,
        metavar="on|off",
        help="serve the control plane /_mock (env MOCKCENTRA_CONTROL; default on)",
    )
    p.add_argument(
        "--control-token",
        metavar="TOKEN",
        help="require 'Authorization: Bearer TOKEN' on /_mock (env MOCKCENTRA_CONTROL_TOKEN)",
    )
    p.add_argument(
        "--max-body-bytes",
        type=int,
        metavar="N",
        help="largest request body, 413 above it; 0 = no limit "
        "(env MOCKCENTRA_MAX_BODY_BYTES; default 5242880)",
    )
    p.add_argument(
        "--rate-limit",
        type=int,
        metavar="N",
        help="requests per credential per window, 429 above it; 0 = off "
        "(env MOCKCENTRA_RATE_LIMIT; default 0)",
    )
    p.add_argument(
        "--rate-limit-window",
        type=int,
        metavar="SECONDS",
        help="the rate limit's window (env MOCKCENTRA_RATE_LIMIT_WINDOW; default 10)",
    )
    p.add_argument(
        "--rate-limits",
        choices=PLAN_NAMES,
        metavar="PLAN",
        help="Centra's token-bucket rate limits on /graphql: off, centra (the default plan, "
        f"growth) or one of {', '.join(PLAN_NAMES[2:])} (env MOCKCENTRA_RATE_LIMITS; default off)",
    )
    p.add_argument(
        "--graphql-max-depth",
        type=int,
        metavar="N",
        help="deepest GraphQL selection allowed; 0 = no limit "
        "(env MOCKCENTRA_GRAPHQL_MAX_DEPTH; default 15)",
    )
    p.add_argument(
        "--graphql-max-complexity",
        type=int,
        metavar="N",
        help="largest GraphQL complexity allowed; 0 = no limit "
        "(env MOCKCENTRA_GRAPHQL_MAX_COMPLEXITY; default 150000)",
    )
    p.add_argument(
        "--graphql-max-query-bytes",
        type=int,
        metavar="N",
        help="largest GraphQL document in bytes, refused before parsing; 0 = no limit "
        "(env MOCKCENTRA_GRAPHQL_MAX_QUERY_BYTES; default 262144)",
    )


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from mockcentra.app import create_app

    settings = _settings(args, "host", "port", "db", "scenario", "seed", "workers", *GUARD_FLAGS)
    _check_scenario(settings.scenario)
    _check_db_path(settings.db)
    _check_workers(settings)
    if has_data(settings.db) and args.scenario is not None:
        print(
            f"Note: {settings.db} already has data, so --scenario is ignored. Start over with "
            f"`mockcentra seed --force --db {settings.db} --scenario {settings.scenario}` "
            "or use another --db.",
            file=sys.stderr,
        )
    sock = _bind(settings.host, settings.port)
    port = sock.getsockname()[1]
    if settings.db != MEMORY and not has_data(settings.db):
        try:
            seed_file(settings)  # with its progress on the terminal (`large` takes a while)
        except BaseException:
            sock.close()
            raise
    if settings.workers > 1:
        return _serve_workers(settings.with_(port=port), sock, args.log_level)
    try:
        app = create_app(settings.with_(port=port))
    except Exception:
        sock.close()
        raise
    from mockcentra.seeding.scenarios import seeded_info

    seed = seeded_info(app.state.runtime.db).get("seed")
    banner(
        settings,
        port,
        app.state.runtime.scenario,
        sys.stdout,
        int(seed) if seed and seed.isdigit() else None,
    )
    warning = exposure_warning(settings)
    if warning:
        print(warning, file=sys.stderr, flush=True)
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=port,
        log_level=args.log_level,
        access_log=args.log_level in ("info", "debug", "trace"),
    )
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
        app.state.runtime.db.dispose()
    return 0


def seed_file(settings: Settings, orders: int | None = None, products: int | None = None) -> None:
    """Seed the configured scenario into the file database `settings.db` (when it is empty),
    showing the progress on stderr: `seed` does this, and so does `serve` before it starts."""
    from mockcentra.runtime.clock import Clock
    from mockcentra.seeding.scenarios import ensure_seeded
    from mockcentra.storage.engine import Database

    bar = _ProgressBar(sys.stderr, f"Seeding '{settings.scenario}'", time.perf_counter())
    db = Database(settings.db)
    try:
        db.create_all()
        ensure_seeded(
            db, Clock(settings.timezone), settings, bar.update, orders=orders, products=products
        )
    finally:
        bar.close()
        db.dispose()


def _check_workers(settings: Settings) -> None:
    """Several workers are processes: they share a file database and the control plane's state
    (mockcentra/state/shared.py), but not what each keeps in memory for rate limiting."""
    if settings.workers < 1:
        raise CliError("--workers must be 1 or more.", 2)
    if settings.workers == 1:
        return
    if settings.db == MEMORY:
        raise CliError(
            "--workers needs a file database: each worker is a process, and processes share "
            "only a file. Give --db PATH, or serve ':memory:' with one worker.",
            2,
        )
    if settings.rate_limit > 0 or settings.rate_limits != "off":
        raise CliError(
            "Rate limits (--rate-limit, --rate-limits) are counted in each server process; with "
            f"--workers {settings.workers} every client would get {settings.workers} times the "
            "limit. Serve with one worker to test rate limiting.",
            2,
        )


def _worker_environment(settings: Settings, shared_folder: str) -> dict[str, str]:
    """The MOCKCENTRA_* variables that give each worker process these settings."""
    from dataclasses import fields

    from mockcentra.state.shared import SHARED_ENV

    env = {SHARED_ENV: shared_folder}
    for f in fields(settings):
        if f.name == "extra":
            continue
        value = getattr(settings, f.name)
        env[f"MOCKCENTRA_{f.name.upper()}"] = (
            ("on" if value else "off") if isinstance(value, bool) else str(value)
        )
    return env


def _serve_workers(settings: Settings, sock: socket.socket, log_level: str) -> int:
    """`serve --workers N`: this process prepares the database and the shared state once
    (tables, seeding, tokens, the snapshot reset returns to), prints the banner, then uvicorn
    runs N worker processes on the bound socket, each calling `create_worker_app`."""
    import os

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from mockcentra.runtime.clock import Clock
    from mockcentra.seeding.scenarios import ensure_seeded, seeded_info
    from mockcentra.state.runtime import INITIAL_SNAPSHOT
    from mockcentra.state.shared import SharedState
    from mockcentra.storage.engine import Database

    shared = SharedState.create(settings.db)
    try:
        db = Database(settings.db, shared.folder)
        try:
            db.create_all()
            scenario = ensure_seeded(db, Clock(settings.timezone), settings)
            db.snapshot(INITIAL_SNAPSHOT)
            seed = seeded_info(db).get("seed")
            shared.publish(
                {
                    "clock": {"frozenAt": None, "offsetSeconds": 0.0},
                    "scenario": scenario,
                    "snapshots": db.snapshot_names(),
                }
            )
        finally:
            db.dispose()
        os.environ.update(_worker_environment(settings, str(shared.folder)))
        banner(
            settings,
            settings.port,
            scenario,
            sys.stdout,
            int(seed) if seed and seed.isdigit() else None,
        )
        print(f"  {settings.workers} worker processes share {settings.db}.", flush=True)
        warning = exposure_warning(settings)
        if warning:
            print(warning, file=sys.stderr, flush=True)
        config = uvicorn.Config(
            "mockcentra.app:create_worker_app",
            factory=True,
            host=settings.host,
            port=settings.port,
            workers=settings.workers,
            log_level=log_level,
            access_log=log_level in ("info", "debug", "trace"),
        )
        Multiprocess(config, sockets=[sock]).run()
    finally:
        sock.close()
        shared.remove()
    return 0


def cmd_seed(args: argparse.Namespace) -> int:
    settings = _settings(args, "db", "scenario", "seed")
    _check_scenario(settings.scenario)
    if settings.db == MEMORY:
        raise CliError(
            "Seeding ':memory:' keeps nothing. Give a file with --db PATH "
            "(`mockcentra serve --db :memory:` seeds a throw-away database by itself).",
            2,
        )
    _check_db_path(settings.db)
    if has_data(settings.db):
        if not args.force:
            raise CliError(
                f"{settings.db} already has data. Add --force to delete it and seed it anew, "
                "or choose another --db."
            )
        _remove_database(settings.db)
    orders = getattr(args, "orders", None)
    if orders is not None:
        from mockcentra.seeding.scenarios import BULK_SPECS

        if settings.scenario not in BULK_SPECS:
            bulk = ", ".join(sorted(BULK_SPECS)) or "none"
            raise CliError(
                f"--orders applies to scenarios with bulk orders ({bulk}); "
                f"'{settings.scenario}' has a fixed set of orders.",
                2,
            )
        if orders < 0:
            raise CliError("--orders cannot be negative.", 2)
    products = getattr(args, "products", None)
    if products is not None:
        from mockcentra.seeding.demo import MAX_PRODUCTS
        from mockcentra.seeding.scenarios import SIZED

        if settings.scenario not in SIZED:
            sized = ", ".join(sorted(SIZED)) or "none"
            raise CliError(
                f"--products applies to scenarios with a sized catalogue ({sized}); "
                f"'{settings.scenario}' has a fixed catalogue.",
                2,
            )
        if not 1 <= products <= MAX_PRODUCTS:
            raise CliError(f"--products must be between 1 and {MAX_PRODUCTS}.", 2)
    started = time.perf_counter()
    seed_file(settings, orders=orders, products=products)
    elapsed = time.perf_counter() - started
    print(
        f"Seeded scenario '{settings.scenario}' (seed {settings.seed}) into {settings.db} "
        f"in {elapsed:.2f} s. Serve it with `mockcentra serve --db {settings.db}`."
    )
    return 0


class _ProgressBar:
    """Orders seeded so far, on stderr: a redrawn bar on a terminal, a line per 10% otherwise."""

    WIDTH = 30

    def __init__(self, out: TextIO, label: str, started: float) -> None:
        self.out = out
        self.label = label
        self.started = started
        self.tty = out.isatty()
        self.shown = -1
        self.drawn = False

    def update(self, done: int, total: int) -> None:
        percent = 100 * done // max(1, total)
        if not self.tty and percent // 10 == self.shown // 10 and done != total:
            return
        if self.tty and percent == self.shown and done != total:
            return
        self.shown = percent
        filled = self.WIDTH * done // max(1, total)
        elapsed = time.perf_counter() - self.started
        text = (
            f"{self.label} [{'#' * filled}{'.' * (self.WIDTH - filled)}] {percent:3d}% "
            f"{done}/{total} orders, {elapsed:.1f} s"
        )
        if self.tty:
            self.out.write("\r" + text)
            self.drawn = True
        else:
            self.out.write(text + "\n")
        self.out.flush()

    def close(self) -> None:
        if self.drawn:
            self.out.write("\n")
            self.out.flush()


def cmd_scenarios(args: argparse.Namespace) -> int:
    from mockcentra.seeding.scenarios import SCENARIOS

    default = Settings().scenario
    width = max(len(name) for name in SCENARIOS)
    for name, (description, _) in SCENARIOS.items():
        mark = "  (default)" if name == default else ""
        print(f"{name.ljust(width)}  {description}{mark}")
    return 0


def cmd_export_schema(args: argparse.Namespace) -> int:
    """Write (or with --check, compare) the Integration API SDL and the Order API OpenAPI."""
    from mockcentra.graphql.schema import print_sdl
    from mockcentra.rest.checkout_openapi import checkout_api_openapi_text
    from mockcentra.rest.order_openapi import order_api_openapi_text

    sdl = print_sdl()
    if args.out == "-":
        sys.stdout.write(sdl)
        return 0
    documents = [
        (Path(args.out), sdl),
        (Path(args.openapi), order_api_openapi_text()),
        (Path(args.checkout_openapi), checkout_api_openapi_text()),
    ]
    if args.check:
        stale = [out for out, text in documents if not _file_holds(out, text)]
        for out in stale:
            state = "stale: it differs from the live schema" if out.is_file() else "missing"
            print(
                f"{out} is {state}. Run `mockcentra export-schema` and commit the result.",
                file=sys.stderr,
            )
        if not stale:
            print(", ".join(str(out) for out, _ in documents) + " are up to date.")
        return 1 if stale else 0
    for out, text in documents:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text)
        print(f"Wrote {out} ({text.count(chr(10))} lines).")
    return 0


def _file_holds(path: Path, text: str) -> bool:
    return path.is_file() and path.read_text() == text


def _server_url(args: argparse.Namespace) -> str:
    if args.url:
        return args.url.rstrip("/")
    settings = Settings.from_env()
    return f"http://{settings.host}:{settings.port}"


def cmd_listen(args: argparse.Namespace) -> int:
    """`mockcentra webhooks listen` (see mockcentra/webhooks/cli.py)."""
    listen(
        _server_url(args),
        args.forward_to,
        host=args.host,
        port=args.port,
        version=args.webhook_version,
        events=[e.strip() for e in args.events.split(",") if e.strip()] if args.events else None,
        secret=args.secret,
        max_events=args.max_events,
        print_json=args.json,
        fail=CliError,
        control_token=Settings.from_env().control_token,
    )
    return 0


def _control(args: argparse.Namespace, method: str, path: str, body: dict | None = None) -> dict:
    """Call a running server's control plane; errors say what to do."""
    import httpx

    url = _server_url(args)
    headers = {}
    token = Settings.from_env().control_token
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        response = httpx.request(
            method, f"{url}/_mock/{path}", json=body, headers=headers, timeout=30
        )
    except httpx.HTTPError as exc:
        raise CliError(
            f"cannot reach a mockcentra server at {url} ({exc.__class__.__name__}). Start one "
            "with `mockcentra serve`, or pass --url."
        ) from None
    data = response.json() if response.content else {}
    if response.status_code >= 300:
        raise CliError(
            f"{url}/_mock/{path} answered {response.status_code}: {data.get('error', data)}"
        )
    return data


def cmd_reset(args: argparse.Namespace) -> int:
    data = _control(args, "POST", "reset")
    print(f"Reset to the '{data.get('scenario')}' scenario.")
    return 0


def cmd_snapshot(args: argparse.Namespace) -> int:
    if args.name is None:
        names = _control(args, "GET", "snapshots")["snapshots"]
        print("\n".join(names) if names else "No snapshots yet.")
        return 0
    _control(args, "POST", "snapshots", {"name": args.name})
    print(f"Saved snapshot '{args.name}'. Restore it with `mockcentra restore {args.name}`.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    _control(args, "POST", f"snapshots/{args.name}/restore")
    print(f"Restored snapshot '{args.name}'.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mockcentra",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"mockcentra {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help_text: str, description: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            help=help_text,
            description=description,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    def db_scenario_seed(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--db",
            metavar="PATH",
            help="SQLite file, or :memory: for a throw-away database "
            "(env MOCKCENTRA_DB; default ./mockcentra.db)",
        )
        p.add_argument(
            "--scenario",
            metavar="NAME",
            help="starting state seeded into an empty database; see `mockcentra scenarios` "
            "(env MOCKCENTRA_SCENARIO; default demo)",
        )
        p.add_argument(
            "--seed",
            type=int,
            metavar="N",
            help="random seed: the same seed gives the same data (env MOCKCENTRA_SEED; default 1)",
        )

    serve = add(
        "serve",
        "run the server",
        "Run mockcentra on one port: GraphQL and GraphiQL at /graphql, control plane at /_mock.\n"
        "An empty database is seeded with the scenario first; a database with data is kept.",
    )
    serve.add_argument(
        "--host", help="interface to listen on (env MOCKCENTRA_HOST; default 127.0.0.1)"
    )
    serve.add_argument(
        "--port",
        type=int,
        help="TCP port, 0 for a free one (env MOCKCENTRA_PORT; default 8080)",
    )
    db_scenario_seed(serve)
    guard_flags(serve)
    serve.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="server processes sharing the port and the file database (env MOCKCENTRA_WORKERS; "
        "default 1); needs a file --db, and refuses the per-process rate limits",
    )
    serve.add_argument(
        "--log-level",
        default="info",
        choices=["critical", "error", "warning", "info", "debug"],
        help="server log level; 'info' and 'debug' also log each request (default info)",
    )
    serve.set_defaults(func=cmd_serve)

    seed = add(
        "seed",
        "seed a database file with a scenario",
        "Create a database file and seed it with a scenario, ready for `mockcentra serve --db`.\n"
        "A file that already has data is left alone unless --force is given.",
    )
    db_scenario_seed(seed)
    seed.add_argument(
        "--force", action="store_true", help="delete an existing database and seed it anew"
    )
    seed.add_argument(
        "--orders",
        type=int,
        metavar="N",
        help="number of orders for scenarios that insert them in bulk, e.g. "
        "`--scenario large --orders 1000` (default: the scenario's own count)",
    )
    seed.add_argument(
        "--products",
        type=int,
        metavar="N",
        help="catalogue size for scenarios with a sized catalogue, e.g. "
        "`--scenario large --products 500` (default: the scenario's own size)",
    )
    seed.set_defaults(func=cmd_seed)

    scenarios = add(
        "scenarios", "list the scenarios", "List the scenarios a database can be seeded with."
    )
    scenarios.set_defaults(func=cmd_scenarios)

    export = add(
        "export-schema",
        "write the Integration API SDL and the REST APIs' OpenAPI documents",
        "Write the GraphQL schema mockcentra serves as SDL, and the OpenAPI documents of the "
        "REST Order API and Checkout API, to files (or the SDL to stdout).",
    )
    export.add_argument(
        "--out",
        default=DEFAULT_SCHEMA_PATH,
        metavar="PATH",
        help=f"file to write, '-' for stdout (default {DEFAULT_SCHEMA_PATH})",
    )
    export.add_argument(
        "--openapi",
        default=DEFAULT_OPENAPI_PATH,
        metavar="PATH",
        help=f"Order API OpenAPI file to write (default {DEFAULT_OPENAPI_PATH})",
    )
    export.add_argument(
        "--checkout-openapi",
        default=DEFAULT_CHECKOUT_OPENAPI_PATH,
        metavar="PATH",
        help=f"Checkout API OpenAPI file to write (default {DEFAULT_CHECKOUT_OPENAPI_PATH})",
    )
    export.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if the file differs from the live schema",
    )
    export.set_defaults(func=cmd_export_schema)

    def server_url(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--url",
            metavar="URL",
            help="the running server (default http://MOCKCENTRA_HOST:MOCKCENTRA_PORT)",
        )

    reset = add("reset", "reset a running server", "Put a running server back to its scenario.")
    server_url(reset)
    reset.set_defaults(func=cmd_reset)
    snapshot = add(
        "snapshot",
        "save (or list) snapshots of a running server",
        "Save the running server's whole state under NAME; without NAME, list the snapshots.",
    )
    snapshot.add_argument("name", nargs="?", help="snapshot name")
    server_url(snapshot)
    snapshot.set_defaults(func=cmd_snapshot)
    restore = add("restore", "restore a snapshot on a running server", "Restore snapshot NAME.")
    restore.add_argument("name", help="snapshot name")
    server_url(restore)
    restore.set_defaults(func=cmd_restore)
    add_webhooks_command(add, cmd_listen)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `mockcentra` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:
        parser.print_help(sys.stderr)
        print("\nChoose a command, e.g. `mockcentra serve`.", file=sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except CliError as exc:
        print(f"mockcentra: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
