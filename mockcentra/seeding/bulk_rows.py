"""How bulk orders' rows reach the database: per table, in the form the column types store
(cents, UTC text, JSON text), with one `executemany` per table and batch; and the event and
payment rows every order has."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, overload

from sqlalchemy import Connection, func, select

from mockcentra.storage.tables import (
    CustomerRow,
    EventRow,
    OrderLineRow,
    OrderRow,
    PaymentEntryRow,
    ShipmentLineRow,
    ShipmentRow,
)


def cents(value: Decimal) -> int:
    """Money as the Money column stores it: integer minor units."""
    return int((value * 100).to_integral_value())


@overload
def stamp(value: datetime) -> str: ...
@overload
def stamp(value: None) -> None: ...
def stamp(value: datetime | None) -> str | None:
    """A moment as the AwareDateTime column stores it: UTC text."""
    if value is None:
        return None
    # the AwareDateTime text ("%Y-%m-%dT%H:%M:%S.%f+00:00"), spelled the faster way
    return value.astimezone(UTC).isoformat(timespec="microseconds")


class BulkRows:
    """Row dicts per table, written with one plain `executemany` per table and batch.

    Values come in the form their column stores (`cents`, `stamp`, JSON text): converting them
    where they are made, once per order or price, rather than per row and column here, or
    through SQLAlchemy's per-row parameter processing, is several times faster. The rows of
    one table name the same columns in the same order (each table is added from one place).
    """

    ORDER = (
        CustomerRow,
        OrderRow,
        OrderLineRow,
        ShipmentRow,
        ShipmentLineRow,
        PaymentEntryRow,
        EventRow,
    )

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.rows: dict[Any, list[dict[str, Any]]] = {t: [] for t in self.ORDER}
        self.next_id = {
            t: (conn.execute(select(func.max(t.id))).scalar() or 0) + 1 for t in self.ORDER
        }

    def add(self, table: Any, **values: Any) -> int:
        values["id"] = row_id = self.next_id[table]
        self.next_id[table] = row_id + 1
        self.rows[table].append(values)
        return row_id

    def flush(self) -> None:
        for table in self.ORDER:
            batch = self.rows[table]
            if not batch:
                continue
            columns = list(batch[0])
            sql = (
                f"INSERT INTO {table.__tablename__} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})"
            )
            self.conn.exec_driver_sql(sql, [tuple(row.values()) for row in batch])
            self.rows[table] = []


TRIGGERS: dict[tuple[str, ...], str] = {
    (t,): json.dumps([t])
    for t in (
        "CustomerCreated",
        "OrderPlaced",
        "OrderConfirmed",
        "OrderCancelled",
        "OrderCompleted",
        "OrderShipped",
        "ShipmentGoodToGo",
    )
} | {(): "[]"}


def order_data(number: int, status: str) -> str:
    """`json.dumps({"number": n, "status": s})`, spelled out: half a million of them."""
    return f'{{"number": {number}, "status": "{status}"}}'


def add_event(
    rows: BulkRows,
    object_type: str,
    change: str,
    ref: str,
    at: str,
    data: str,
    triggers: list[str],
    market_id: int | None = 1,
) -> None:
    """An event row, as `record_events` writes it."""
    rows.add(
        EventRow,
        object_type=object_type,
        change_type=change,
        object_ref=ref,
        store_id=1,
        market_id=market_id,
        data=data,
        triggers=TRIGGERS.get(tuple(triggers)) or json.dumps(triggers),
        created_at=at,
    )


def add_payment(
    rows: BulkRows,
    order_id: int,
    shipment_id: int | None,
    entry_type: str,
    value: int,
    reference: str,
    params: str,
    at: str,
) -> None:
    """A successful payment history entry of the dummy PSP (`value` in cents)."""
    rows.add(
        PaymentEntryRow,
        order_id=order_id,
        shipment_id=shipment_id,
        return_id=None,
        entry_type=entry_type,
        status="SUCCESS",
        value=value,
        external_reference=reference,
        payment_method="dummy",
        params=params,
        created_at=at,
    )
