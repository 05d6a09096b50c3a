"""Scenarios: named, seeded starting states. `ensure_seeded` runs once per empty database."""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session

from mockcentra.runtime.clock import Clock
from mockcentra.seeding.base import seed_base
from mockcentra.settings import Settings
from mockcentra.storage.engine import Database

Seeder = Callable[[Session, Clock, int], None]


def _empty(session: Session, clock: Clock, seed: int) -> None:
    """The instance as Centra delivers it: reference data only."""


def _demo(session: Session, clock: Clock, seed: int) -> None:
    """An apparel brand on top of the base instance (shape in mockcentra/seeding/demo.py)."""
    from mockcentra.seeding.demo import seed_demo

    seed_demo(session, clock, seed)


SCENARIOS: dict[str, tuple[str, Seeder]] = {
    "demo": (
        "An apparel brand: 20 products in 1-3 colours and sizes, stock, SEK/EUR/USD/GBP "
        "and wholesale prices, displays and categories.",
        _demo,
    ),
    "empty": ("The bare instance: stores, markets, currencies, countries, one warehouse.", _empty),
}


def seed_scenario(db: Database, clock: Clock, name: str, seed: int) -> None:
    if name not in SCENARIOS:
        known = ", ".join(sorted(SCENARIOS))
        raise ValueError(f"Unknown scenario '{name}'. Known scenarios: {known}.")
    with Session(db.engine) as session:
        seed_base(session)
        SCENARIOS[name][1](session, clock, seed)
        session.commit()


def ensure_seeded(db: Database, clock: Clock, settings: Settings) -> str:
    """Seed the configured scenario into an empty database; a used database is kept as it is."""
    from mockcentra.control.tokens import ensure_default_token

    if db.is_empty():
        seed_scenario(db, clock, settings.scenario, settings.seed)
        scenario = settings.scenario
    else:
        scenario = "existing"
    ensure_default_token(db, settings.integration_token)
    return scenario
