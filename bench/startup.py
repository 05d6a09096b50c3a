"""Start-up cost: a cold `create_app` in a fresh interpreter, and where the time goes.

    python bench/startup.py [--runs 5] [--json]

Prints numbers only; nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

# Runs in a fresh interpreter; prints one JSON line with the split of the in-process time.
# "Fixture ready" is what the pytest `centra` fixture costs before the first test body runs:
# import, create_app (schema, tables, demo seed, snapshot), the test client and one reset.
CHILD = r"""
import json, time
t0 = time.perf_counter()
from mockcentra.app import build_runtime, create_app
from mockcentra.settings import Settings
from mockcentra.testing.client import CentraClient
t1 = time.perf_counter()
app = create_app(Settings(db=":memory:", scenario="demo"))
t2 = time.perf_counter()
client = CentraClient(app)
app.state.runtime.reset()
t3 = time.perf_counter()
print(json.dumps({"import_ms": (t1 - t0) * 1e3, "create_app_ms": (t2 - t1) * 1e3,
                  "fixture_ready_ms": (t3 - t0) * 1e3}))
client.close()
"""


# The floor under "fixture ready": importing only the libraries the app is built on.
STACK = r"""
import json, time
t0 = time.perf_counter()
import faker, graphql, httpx, sqlalchemy.orm, sqlmodel, starlette.applications, strawberry, yaml
print(json.dumps({"stack_import_ms": (time.perf_counter() - t0) * 1e3}))
"""


def _child_env() -> dict[str, str]:
    """Children may write and read .pyc files, as an installed package does (pip compiles its
    files on install); PYTHONDONTWRITEBYTECODE in the caller's environment would otherwise
    make every child compile mockcentra from source."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _child(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_child_env()
    )
    if done.returncode:
        raise SystemExit(f"a fresh interpreter failed:\n{done.stderr[-3000:]}")
    return done.stdout


def stack_floor(runs: int) -> dict[str, float]:
    """Median time to import the libraries alone in a fresh interpreter."""
    _child(STACK)  # compiles what is not compiled yet
    runs_ms = [json.loads(_child(STACK).splitlines()[-1])["stack_import_ms"] for _ in range(runs)]
    return {"stack_import_ms": statistics.median(runs_ms)}


def cold_start(runs: int) -> dict[str, float]:
    """Wall time of `python -c <import + create_app>` (interpreter start included), median."""
    walls, imports, creates, readies = [], [], [], []
    _child(CHILD)  # compiles what is not compiled yet and caches the seeded template on disk
    for _ in range(runs):
        started = time.perf_counter()
        out = _child(CHILD)
        walls.append((time.perf_counter() - started) * 1e3)
        split = json.loads(out.strip().splitlines()[-1])
        imports.append(split["import_ms"])
        creates.append(split["create_app_ms"])
        readies.append(split["fixture_ready_ms"])
    return {
        "fixture_ready_ms": statistics.median(readies),
        "cold_wall_ms": statistics.median(walls),
        "cold_import_ms": statistics.median(imports),
        "cold_create_app_ms": statistics.median(creates),
    }


def warm(runs: int) -> dict[str, float]:
    """In this process after a first app: what each further app (e.g. per xdist worker) costs."""
    from sqlmodel import Session

    from mockcentra.app import build_runtime, create_app
    from mockcentra.runtime.clock import Clock
    from mockcentra.seeding.base import seed_base
    from mockcentra.seeding.demo import seed_demo
    from mockcentra.seeding.templates import ScenarioTemplates
    from mockcentra.settings import Settings
    from mockcentra.storage.engine import Database

    settings = Settings(db=":memory:", scenario="demo")
    templates = ScenarioTemplates()  # shared, as the pytest plugin shares them in a session
    create_app(settings, templates=templates)  # builds the schema, faker and the demo once
    runtimes, seeds, resets = [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        runtime = build_runtime(settings, templates)
        runtimes.append((time.perf_counter() - started) * 1e3)

        db = Database(":memory:")
        db.create_all()
        with Session(db.engine) as session:
            started = time.perf_counter()
            seed_base(session)
            seed_demo(session, Clock(), 1)
            session.commit()
            seeds.append((time.perf_counter() - started) * 1e3)
        db.dispose()

        for _ in range(50):
            started = time.perf_counter()
            runtime.reset()
            # the test's first statement is part of the reset: a restore that made SQLite
            # re-read the schema (the backup API did) would show there
            with runtime.db.raw() as conn:
                conn.execute("SELECT 1 FROM store LIMIT 1").fetchall()
            resets.append((time.perf_counter() - started) * 1e3)
        runtime.db.dispose()
    return {
        "warm_build_runtime_ms": statistics.median(runtimes),
        "seed_base_and_demo_ms": statistics.median(seeds),
        "reset_ms": statistics.median(resets),
    }


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    results = {**stack_floor(args.runs), **cold_start(args.runs), **warm(args.runs)}
    if args.json:
        print(json.dumps(results))
    else:
        labels = {
            "stack_import_ms": "floor: import the libraries alone, fresh interpreter",
            "fixture_ready_ms": "fixture ready, fresh interpreter (import to first test)",
            "cold_wall_ms": "cold start, fresh interpreter (wall)",
            "cold_import_ms": "  of which: import mockcentra.app",
            "cold_create_app_ms": "  of which: create_app (schema, tables, seed demo, snapshot)",
            "warm_build_runtime_ms": "another runtime in a warm process",
            "seed_base_and_demo_ms": "seed base + demo into a new in-memory database",
            "reset_ms": "per-test reset (restore the snapshot, then the first statement)",
        }
        print(f"start-up, median of {args.runs} runs")
        for key, label in labels.items():
            print(f"  {label:<62} {results[key]:8.1f} ms")
    return results


if __name__ == "__main__":
    main()
