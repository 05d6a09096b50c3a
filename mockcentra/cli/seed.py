"""`mockcentra seed` and `mockcentra scenarios`: seed a database file with a scenario (with a
progress bar), list the scenarios."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TextIO

from mockcentra.cli.common import (
    AddCommand,
    CliError,
    add_database_flags,
    check_db_path,
    check_scenario,
    has_data,
    remove_database,
    settings_from,
)
from mockcentra.settings import MEMORY, Settings

# Each command imports what it runs inside its function (the app, uvicorn, the seeders, the
# schema): `mockcentra --help`, `reset` or `webhooks listen` start without them (startup speed).


def seed_file(settings: Settings, orders: int | None = None, products: int | None = None) -> None:
    """Seed the configured scenario into the file database `settings.db` (when it is empty),
    showing the progress on stderr: `seed` does this, and so does `serve` before it starts."""
    from mockcentra.runtime.clock import Clock
    from mockcentra.seeding.scenarios import ensure_seeded
    from mockcentra.storage.engine import Database

    bar = ProgressBar(sys.stderr, f"Seeding '{settings.scenario}'", time.perf_counter())
    db = Database(settings.db)
    try:
        db.create_all()
        ensure_seeded(
            db, Clock(settings.timezone), settings, bar.update, orders=orders, products=products
        )
    finally:
        bar.close()
        db.dispose()


def cmd_seed(args: argparse.Namespace) -> int:
    """`mockcentra seed`: refuse what cannot work before touching the file, then seed it."""
    settings = settings_from(args, "db", "scenario", "seed")
    check_scenario(settings.scenario)
    if settings.db == MEMORY:
        raise CliError(
            "Seeding ':memory:' keeps nothing. Give a file with --db PATH "
            "(`mockcentra serve --db :memory:` seeds a throw-away database by itself).",
            2,
        )
    check_db_path(settings.db)
    if has_data(settings.db):
        if not args.force:
            raise CliError(
                f"{settings.db} already has data. Add --force to delete it and seed it anew, "
                "or choose another --db."
            )
        remove_database(settings.db)
    orders = _bulk_order_count(args, settings.scenario)
    products = _catalogue_size(args, settings.scenario)
    started = time.perf_counter()
    seed_file(settings, orders=orders, products=products)
    elapsed = time.perf_counter() - started
    print(
        f"Seeded scenario '{settings.scenario}' (seed {settings.seed}) into {settings.db} "
        f"in {elapsed:.2f} s. Serve it with `mockcentra serve --db {settings.db}`."
    )
    return 0


def _bulk_order_count(args: argparse.Namespace, scenario: str) -> int | None:
    """`seed --orders N`, checked: only scenarios with bulk orders take it."""
    orders = getattr(args, "orders", None)
    if orders is not None:
        from mockcentra.seeding.scenarios import BULK_SPECS

        if scenario not in BULK_SPECS:
            bulk = ", ".join(sorted(BULK_SPECS)) or "none"
            raise CliError(
                f"--orders applies to scenarios with bulk orders ({bulk}); "
                f"'{scenario}' has a fixed set of orders.",
                2,
            )
        if orders < 0:
            raise CliError("--orders cannot be negative.", 2)
    return orders


def _catalogue_size(args: argparse.Namespace, scenario: str) -> int | None:
    """`seed --products N`, checked: only scenarios with a sized catalogue take it."""
    products = getattr(args, "products", None)
    if products is not None:
        from mockcentra.seeding.demo import MAX_PRODUCTS
        from mockcentra.seeding.scenarios import SIZED

        if scenario not in SIZED:
            sized = ", ".join(sorted(SIZED)) or "none"
            raise CliError(
                f"--products applies to scenarios with a sized catalogue ({sized}); "
                f"'{scenario}' has a fixed catalogue.",
                2,
            )
        if not 1 <= products <= MAX_PRODUCTS:
            raise CliError(f"--products must be between 1 and {MAX_PRODUCTS}.", 2)
    return products


class ProgressBar:
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


def add_seed_commands(add: AddCommand) -> None:
    """`seed` and its flags, and `scenarios`."""
    seed = add(
        "seed",
        "seed a database file with a scenario",
        "Create a database file and seed it with a scenario, ready for `mockcentra serve --db`.\n"
        "A file that already has data is left alone unless --force is given.",
    )
    add_database_flags(seed)
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
