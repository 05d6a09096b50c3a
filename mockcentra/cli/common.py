"""What the commands share: the error a user can fix, settings from flags, checks of the
scenario and the database file, and the flags that choose them."""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Callable
from pathlib import Path

from mockcentra.settings import MEMORY, Settings

# Each command imports what it runs inside its function (the app, uvicorn, the seeders, the
# schema): `mockcentra --help`, `reset` or `webhooks listen` start without them (startup speed).


class CliError(Exception):
    """A problem the user can fix; printed as one line (plus a hint), exit code `code`."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def settings_from(args: argparse.Namespace, *names: str) -> Settings:
    overrides = {name: getattr(args, name, None) for name in names}
    try:
        return Settings.from_env(**overrides)
    except ValueError as exc:
        raise CliError(
            f"Invalid MOCKCENTRA_* environment variable: {exc}. Fix or unset it.", 2
        ) from exc


def check_scenario(name: str) -> None:
    from mockcentra.seeding.scenarios import SCENARIOS

    if name not in SCENARIOS:
        known = ", ".join(sorted(SCENARIOS))
        raise CliError(
            f"Unknown scenario '{name}'. Known scenarios: {known} "
            "(`mockcentra scenarios` describes them).",
            2,
        )


def check_db_path(path: str) -> None:
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


def remove_database(path: str) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(path + suffix).unlink(missing_ok=True)


#: What `build_parser` hands each command group to add a command: name, help, description.
AddCommand = Callable[[str, str, str], argparse.ArgumentParser]


def add_database_flags(p: argparse.ArgumentParser) -> None:
    """--db, --scenario and --seed, which `serve` and `seed` both take."""
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
