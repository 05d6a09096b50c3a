"""`mockcentra serve`: bind the port, seed an empty database, print the banner, run one or
more server processes."""

from __future__ import annotations

import argparse
import socket
import sys
from typing import Any

from mockcentra.cli.banner import banner, seed_number, warn_if_exposed
from mockcentra.cli.common import (
    AddCommand,
    CliError,
    add_database_flags,
    check_db_path,
    check_scenario,
    has_data,
    settings_from,
)
from mockcentra.cli.seed import seed_file
from mockcentra.cli.workers import check_workers, serve_workers
from mockcentra.settings import MEMORY, Settings
from mockcentra.state.ratelimits import PLAN_NAMES

# Each command imports what it runs inside its function (the app, uvicorn, the seeders, the
# schema): `mockcentra --help`, `reset` or `webhooks listen` start without them (startup speed).


def bind(host: str, port: int) -> socket.socket:
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


def control_flags(p: argparse.ArgumentParser) -> None:
    """Flags mirroring MOCKCENTRA_CONTROL and _CONTROL_TOKEN: whether /_mock is served, and its token."""
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


def request_limit_flags(p: argparse.ArgumentParser) -> None:
    """Flags mirroring MOCKCENTRA_MAX_BODY_BYTES, _RATE_LIMIT, _RATE_LIMIT_WINDOW and _RATE_LIMITS."""
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


def graphql_limit_flags(p: argparse.ArgumentParser) -> None:
    """Flags mirroring MOCKCENTRA_GRAPHQL_MAX_DEPTH, _MAX_COMPLEXITY and _MAX_QUERY_BYTES."""
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


def guard_flags(p: argparse.ArgumentParser) -> None:
    """The flags of the request guards and the control plane (`GUARD_FLAGS`)."""
    control_flags(p)
    request_limit_flags(p)
    graphql_limit_flags(p)


def _note_scenario_ignored(settings: Settings) -> None:
    """--scenario names what an empty database is seeded with; say so when it is not empty."""
    print(
        f"Note: {settings.db} already has data, so --scenario is ignored. Start over with "
        f"`mockcentra seed --force --db {settings.db} --scenario {settings.scenario}` "
        "or use another --db.",
        file=sys.stderr,
    )


def cmd_serve(args: argparse.Namespace) -> int:
    """`mockcentra serve`: check the settings, bind, seed an empty file, then serve."""
    import uvicorn

    from mockcentra.app import create_app

    settings = settings_from(
        args, "host", "port", "db", "scenario", "seed", "workers", *GUARD_FLAGS
    )
    check_scenario(settings.scenario)
    check_db_path(settings.db)
    check_workers(settings)
    if has_data(settings.db) and args.scenario is not None:
        _note_scenario_ignored(settings)
    sock = bind(settings.host, settings.port)
    port = sock.getsockname()[1]
    if settings.db != MEMORY and not has_data(settings.db):
        try:
            seed_file(settings)  # with its progress on the terminal (`large` takes a while)
        except BaseException:
            sock.close()
            raise
    if settings.workers > 1:
        return serve_workers(settings.with_(port=port), sock, args.log_level)
    try:
        app = create_app(settings.with_(port=port))
    except Exception:
        sock.close()
        raise
    from mockcentra.seeding.scenarios import seeded_info

    seed = seeded_info(app.state.runtime.db).get("seed")
    banner(settings, port, app.state.runtime.scenario, sys.stdout, seed_number(seed))
    warn_if_exposed(settings)
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=port,
        log_level=args.log_level,
        access_log=args.log_level in ("info", "debug", "trace"),
    )
    close_database_at_shutdown(app)
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
        app.state.runtime.db.dispose()
    return 0


def close_database_at_shutdown(app: Any) -> None:
    """uvicorn raises the SIGTERM or SIGINT it caught again once it has shut down, which ends
    the process before any `finally` after `server.run`: so the database is closed (WAL
    checkpointed, the snapshot folder removed) by the app's own shutdown."""
    from contextlib import asynccontextmanager

    inner = app.router.lifespan_context
    db = app.state.runtime.db

    @asynccontextmanager
    async def lifespan(served: Any) -> Any:
        try:
            async with inner(served):
                yield
        finally:
            db.dispose()

    app.router.lifespan_context = lifespan


def add_serve_command(add: AddCommand) -> None:
    """`serve` and its flags."""
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
    add_database_flags(serve)
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
