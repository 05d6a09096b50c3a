"""Many orders at once: rows computed in Python and inserted in bulk (the `large` scenario).

Placing 100k orders through the checkout and order actions takes many minutes; this writes the
same rows the actions would leave, with the same arithmetic (`order_totals`, `tax_in_gross`,
`pick_price`, the rule `price_for` applies), ids, hashes and events, in one pass of
`executemany` inserts (events and shipment lines by `INSERT ... SELECT`), with the tables'
secondary indexes built once after the load.
`tests/seeding/test_bulk_orders.py` reads bulk orders back next to orders placed through the
APIs and compares them.

What the actions would also write and this leaves out: one checkout selection per order, the
stock-change history lines of each allocation and shipment, and the per-variant
`DEPENDENT_DATA_CHANGED` events of those stock movements. Stock levels themselves are exact:
the catalogue's free stock stays as seeded, `allocated` is what open orders hold and
`physical` is free plus allocated (shipped units have left the warehouse).

Spec (the `bulk_orders` key of a scenario file):
  count: 100000                 # orders; `mockcentra seed --orders N` overrides it
  states: {pending: 8, confirmed: 12, processing: 10, shipped: 65, cancelled: 5}  # weights
  lines: [1, 4]                 # lines per order, inclusive range
  quantity: [1, 3]              # units per line, inclusive range
  customers_per_order: 0.4      # repeat shoppers: 100k orders from 40k customers
  days: 365                     # orders spread over this many days before 2026-01-05
  on_hold: 0.02                 # share of pending and confirmed orders on hold (fraud review)

Each order is written by bulk_writer.py, from what bulk_sources.py reads, through bulk_rows.py;
its events and shipment lines by bulk_derived.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection
from sqlmodel import Session

from mockcentra.seeding.bulk_rows import BulkRows
from mockcentra.seeding.bulk_writer import BulkOrderWriter
from mockcentra.storage.bulk import indexes_built_after
from mockcentra.storage.tables import EventRow, ShipmentLineRow

STATES = ("pending", "confirmed", "processing", "shipped", "cancelled")
DEFAULT_STATES = {"pending": 8, "confirmed": 12, "processing": 10, "shipped": 65, "cancelled": 5}
BATCH = 2000  # orders per insert round (progress granularity, bounded memory)


@dataclass(frozen=True)
class BulkSpec:
    count: int
    states: dict[str, int]
    lines: tuple[int, int] = (1, 4)
    quantity: tuple[int, int] = (1, 3)
    customers_per_order: float = 0.4
    days: int = 365
    on_hold: float = 0.0

    @classmethod
    def parse(cls, raw: dict[str, Any], count: int | None = None) -> BulkSpec:
        states = dict(raw.get("states") or DEFAULT_STATES)
        unknown = set(states) - set(STATES)
        if unknown:
            raise ValueError(f"Unknown bulk order states {sorted(unknown)}; use {STATES}.")
        spec = cls(
            count=int(raw.get("count", 1000) if count is None else count),
            states=states,
            lines=tuple(raw.get("lines", (1, 4))),  # type: ignore[arg-type]
            quantity=tuple(raw.get("quantity", (1, 3))),  # type: ignore[arg-type]
            customers_per_order=float(raw.get("customers_per_order", 0.4)),
            days=int(raw.get("days", 365)),
            on_hold=float(raw.get("on_hold", 0.0)),
        )
        if spec.count < 0:
            raise ValueError("The order count cannot be negative.")
        if not 0 <= spec.on_hold <= 1:
            raise ValueError("on_hold is a share of the open orders, from 0 to 1.")
        return spec


def seed_bulk_orders(
    session: Session,
    seed: int,
    spec: BulkSpec,
    *,
    store_id: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Insert `spec.count` retail orders with lines, shipments, payments, customers, events."""
    if spec.count == 0:
        return 0
    writer = BulkOrderWriter(session, seed, spec, store_id)
    with indexes_built_after(writer.rows.conn, (*BulkRows.ORDER, ShipmentLineRow, EventRow)):
        for i in range(spec.count):
            writer.write(i)
            if (i + 1) % BATCH == 0 or i + 1 == spec.count:
                writer.flush()
                if progress:
                    progress(i + 1, spec.count)
        writer.derived.close()
    _hold_stock(writer.rows.conn, writer.warehouse, writer.held)
    return spec.count


def _hold_stock(conn: Connection, warehouse: int, held: dict[int, int]) -> None:
    """Open orders hold their units: allocated rises and so does physical (free is unchanged)."""
    conn.exec_driver_sql(
        "UPDATE stock SET physical = physical + ?, allocated = allocated + ? "
        "WHERE warehouse_id = ? AND product_size_id = ?",
        [(units, units, warehouse, size) for size, units in sorted(held.items())],
    )
