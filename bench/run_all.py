"""Run every benchmark and print one table.

    python bench/run_all.py [--runs 5] [-n 500]

Numbers vary with the machine and its load; read them as sizes, compare runs on one machine.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _run(script: str, *args: str) -> dict:
    done = subprocess.run(
        [sys.executable, str(HERE / script), "--json", *args], capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"bench/{script} failed:\n{(done.stderr or done.stdout)[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="start-up runs (median)")
    parser.add_argument("-n", type=int, default=500, help="HTTP requests per endpoint")
    args = parser.parse_args(argv)

    startup = _run("startup.py", "--runs", str(args.runs))
    http = _run("products_query.py", "-n", str(args.n))
    rows = [
        (
            "cold start: python -c 'create_app()' (wall, median)",
            f"{startup['cold_wall_ms']:.0f} ms",
        ),
        ("  import mockcentra.app", f"{startup['cold_import_ms']:.0f} ms"),
        (
            "  create_app (schema, tables, demo seed, snapshot)",
            f"{startup['cold_create_app_ms']:.0f} ms",
        ),
        ("another runtime in a warm process", f"{startup['warm_build_runtime_ms']:.1f} ms"),
        ("seed base + demo", f"{startup['seed_base_and_demo_ms']:.1f} ms"),
        ("reset to the seeded snapshot", f"{startup['reset_ms']:.2f} ms"),
    ]
    for name, key in (
        (f"POST /graphql {http['query']}", "graphql"),
        ("GET /_mock/health", "health"),
    ):
        r = http[key]
        rows.append(
            (
                name,
                f"{r['median_ms']:.2f} ms median, {r['p95_ms']:.2f} ms p95, {r['rps']:.0f} req/s",
            )
        )
    rows.append(("GraphQL / health (median latency)", f"{http['ratio_median']:.1f}x"))

    print(f"mockcentra benchmarks: Python {platform.python_version()}, {platform.machine()}")
    width = max(len(name) for name, _ in rows)
    print(f"| {'measure'.ljust(width)} | result |")
    print(f"| {'-' * width} | ------ |")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")


if __name__ == "__main__":
    main()
