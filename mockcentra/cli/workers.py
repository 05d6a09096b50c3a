"""`serve --workers N`: several server processes on one port, sharing a file database."""

from __future__ import annotations

import socket
import sys

from mockcentra.cli.banner import banner, seed_number, warn_if_exposed
from mockcentra.cli.common import CliError
from mockcentra.settings import MEMORY, Settings

# Each command imports what it runs inside its function (the app, uvicorn, the seeders, the
# schema): `mockcentra --help`, `reset` or `webhooks listen` start without them (startup speed).


def check_workers(settings: Settings) -> None:
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


def serve_workers(settings: Settings, sock: socket.socket, log_level: str) -> int:
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
        banner(settings, settings.port, scenario, sys.stdout, seed_number(seed))
        print(f"  {settings.workers} worker processes share {settings.db}.", flush=True)
        warn_if_exposed(settings)
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
