"""Scenarios: named, seeded starting states. `ensure_seeded` runs once per empty database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlmodel import Session, select

from mockcentra.domain.work import unit_of_work
from mockcentra.runtime.clock import Clock
from mockcentra.seeding.base import seed_base
from mockcentra.seeding.bulk import BulkSpec, seed_bulk_orders
from mockcentra.seeding.demo import seed_demo
from mockcentra.seeding.extras import seed_vouchers, seed_wholesale
from mockcentra.seeding.files import scenario_files
from mockcentra.seeding.orders import EPOCH, build_orders
from mockcentra.settings import Settings
from mockcentra.state.tokens import ensure_default_token
from mockcentra.storage.engine import Database
from mockcentra.storage.tables import InstanceInfoRow

Seeder = Callable[[Session, Clock, int], None]


def _empty(session: Session, clock: Clock, seed: int) -> None:
    """The instance as Centra delivers it: reference data only."""


def _demo(session: Session, clock: Clock, seed: int) -> None:
    """An apparel brand on top of the base instance (shape in mockcentra/seeding/demo.py)."""
    seed_demo(session, clock, seed)


CATALOGS: dict[str, Seeder] = {"empty": _empty, "demo": _demo}

SCENARIOS: dict[str, tuple[str, Seeder]] = {
    "demo": (
        "An apparel brand: 20 products in 1-3 colours and sizes, stock, SEK/EUR/USD/GBP "
        "and wholesale prices, displays and categories.",
        _demo,
    ),
    "empty": ("The bare instance: stores, markets, currencies, countries, one warehouse.", _empty),
}
#: Orders each file-defined scenario builds on top of its catalogue.
ORDER_SPECS: dict[str, list[dict[str, Any]]] = {}
#: Orders a file-defined scenario inserts in bulk (`bulk_orders`, see seeding/bulk.py).
BULK_SPECS: dict[str, dict[str, Any]] = {}
#: Vouchers and wholesale set-ups of file-defined scenarios (see seeding/extras.py).
EXTRA_SPECS: dict[str, dict[str, Any]] = {}
#: Scenarios with a sized demo catalogue (`products:`), whose size a caller may override.
SIZED: set[str] = set()


def _sized_demo(products: int) -> Seeder:
    def seeder(session: Session, clock: Clock, seed: int) -> None:
        seed_demo(session, clock, seed, product_count=products)

    return seeder


def _register_files() -> None:
    for name, data in scenario_files().items():
        catalog = data.get("catalog", "demo")
        if catalog not in CATALOGS:
            raise ValueError(f"Scenario {name}: unknown catalog '{catalog}' (use empty or demo).")
        seeder = CATALOGS[catalog]
        if data.get("products") is not None:
            if catalog != "demo":
                raise ValueError(f"Scenario {name}: 'products' needs the demo catalog.")
            seeder = _sized_demo(int(data["products"]))
            SIZED.add(name)
        SCENARIOS[name] = (str(data["description"]).strip(), seeder)
        ORDER_SPECS[name] = list(data.get("orders") or [])
        if data.get("bulk_orders"):
            BULK_SPECS[name] = dict(data["bulk_orders"])
        extras = {k: data[k] for k in ("vouchers", "wholesale") if data.get(k)}
        if extras:
            EXTRA_SPECS[name] = extras


_register_files()


def seed_scenario(
    db: Database,
    clock: Clock,
    name: str,
    seed: int,
    progress: Callable[[int, int], None] | None = None,
    orders: int | None = None,
    products: int | None = None,
) -> None:
    """Seed a scenario into an empty database: base data, catalogue, then its orders.

    `orders` overrides the order count of a scenario with bulk orders and `products` the
    catalogue size of a sized one (`large` with 600 orders on 400 products in tests).
    """
    if name not in SCENARIOS:
        known = ", ".join(sorted(SCENARIOS))
        raise ValueError(f"Unknown scenario '{name}'. Known scenarios: {known}.")
    if orders is not None and name not in BULK_SPECS:
        raise ValueError(f"Scenario '{name}' has no bulk orders; its order count is fixed.")
    if products is not None and name not in SIZED:
        raise ValueError(f"Scenario '{name}' has a fixed catalogue; its product count is fixed.")
    catalogue = SCENARIOS[name][1] if products is None else _sized_demo(products)
    with db.bulk_load() as conn, Session(bind=conn) as session:
        seed_base(session)
        session.add(InstanceInfoRow(key="scenario", value=name))
        session.add(InstanceInfoRow(key="seed", value=str(seed)))
        catalogue(session, clock, seed)
        if name in BULK_SPECS:
            spec = BulkSpec.parse(BULK_SPECS[name], orders)
            seed_bulk_orders(session, seed, spec, progress=progress)
        session.commit()
    extras = EXTRA_SPECS.get(name)
    if extras:
        _seed_extras(db, clock, seed, extras)
    specs = ORDER_SPECS.get(name)
    if specs:
        from faker import Faker  # lazy: Faker costs half a second to import (startup speed)

        total = sum(int(s.get("count", 1)) for s in specs)
        seeding_clock = Clock(clock.zone.key)
        fake = Faker(use_weighting=False)
        fake.seed_instance(seed)
        with unit_of_work(db, seeding_clock, seed=seed) as uow:
            build_orders(
                uow,
                fake,
                specs,
                seeding_clock,
                progress=(lambda n: progress(n, total)) if progress else None,
            )


def _seed_extras(db: Database, clock: Clock, seed: int, extras: dict[str, Any]) -> None:
    """Vouchers and wholesale through the domain actions, on the frozen seeding clock."""
    from faker import Faker  # lazy: Faker costs half a second to import (startup speed)

    seeding_clock = Clock(clock.zone.key)
    seeding_clock.freeze(EPOCH)
    fake = Faker(use_weighting=False)
    fake.seed_instance(seed + 104729)
    with unit_of_work(db, seeding_clock, seed=seed) as uow:
        if extras.get("vouchers"):
            seed_vouchers(uow, list(extras["vouchers"]))
        if extras.get("wholesale"):
            seed_wholesale(uow, fake, dict(extras["wholesale"]))


def seeded_info(db: Database) -> dict[str, str]:
    """What a database was seeded with (`scenario`, `seed`); empty for files seeded before
    mockcentra kept it."""
    with Session(db.engine) as session:
        return {row.key: row.value for row in session.exec(select(InstanceInfoRow))}


def ensure_seeded(
    db: Database,
    clock: Clock,
    settings: Settings,
    progress: Callable[[int, int], None] | None = None,
    orders: int | None = None,
    products: int | None = None,
) -> str:
    """Seed the configured scenario into an empty database; a used database is kept as it is."""
    if db.is_empty():
        seed_scenario(db, clock, settings.scenario, settings.seed, progress, orders, products)
        scenario = settings.scenario
    else:
        scenario = seeded_info(db).get("scenario", "existing")
    ensure_default_token(db, settings.integration_token, settings.admin_token)
    return scenario
