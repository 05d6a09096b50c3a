"""Seed the `large` scenario into a database file and report time and peak memory.

    python bench/seed_large.py --db PATH [--orders 100000] [--products 10000] [--json]

Runs in its own interpreter so the peak RSS (resource.getrusage) is the seeding's alone.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path


def seed(db: str, orders: int, products: int | None = None) -> dict[str, float]:
    from mockcentra.runtime.clock import Clock
    from mockcentra.seeding.scenarios import seed_scenario
    from mockcentra.storage.engine import Database

    path = Path(db)
    for leftover in (path, Path(f"{db}-wal"), Path(f"{db}-shm")):
        leftover.unlink(missing_ok=True)
    started = time.perf_counter()
    cpu_started = time.process_time()
    database = Database(db)
    database.create_all()
    seed_scenario(database, Clock(), "large", 1, orders=orders, products=products)
    database.dispose()
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    rss_mb = rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024
    return {
        "orders": orders,
        "products": products,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "orders_per_second": orders / seconds if seconds else 0.0,
        "peak_rss_mb": rss_mb,
        "db_mb": path.stat().st_size / 1e6,
    }


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--products", type=int, help="catalogue size (default: the scenario's)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = seed(args.db, args.orders, args.products)
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"seeded {args.orders} orders in {result['seconds']:.1f} s "
            f"(CPU {result['cpu_seconds']:.1f} s) "
            f"({result['orders_per_second']:.0f}/s), peak RSS {result['peak_rss_mb']:.0f} MB, "
            f"database {result['db_mb']:.0f} MB"
        )
    return result


if __name__ == "__main__":
    main()
