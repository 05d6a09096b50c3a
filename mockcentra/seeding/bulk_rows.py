"""How bulk orders' rows reach the database: per table, in the form the column types store
(cents, UTC text, JSON text), with one `executemany` per table and batch; and the payment rows
every order has (its events and shipment lines are bulk_derived.py's)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Connection, func, select

from mockcentra.storage.tables import (
    CustomerRow,
    OrderLineRow,
    OrderRow,
    PaymentEntryRow,
    ShipmentRow,
)


def cents(value: Decimal) -> int:
    """Money as the Money column stores it: integer minor units."""
    return int((value * 100).to_integral_value())


@cache
def _day_text(day: int) -> str:
    return (datetime(1970, 1, 1, tzinfo=UTC) + timedelta(days=day)).date().isoformat()


def stamp(seconds: int) -> str:
    """A moment in whole seconds since 1970 as the AwareDateTime column stores it: UTC text
    ("%Y-%m-%dT%H:%M:%S.%f+00:00"), from integer arithmetic rather than a datetime."""
    day, rest = divmod(seconds, 86400)
    hour, rest = divmod(rest, 3600)
    minute, second = divmod(rest, 60)
    return f"{_day_text(day)}T{hour:02d}:{minute:02d}:{second:02d}.000000+00:00"


#: The columns each table's rows give, in the order of their tuples (the id first).
COLUMNS: dict[Any, tuple[str, ...]] = {
    CustomerRow: (
        "id", "email", "first_name", "last_name", "registered", "newsletter", "store_id",
        "created_at", "updated_at",
    ),
    OrderRow: (
        "id", "hash", "number", "store_id", "store_type", "market_id", "pricelist_id",
        "allocation_rule_id", "currency_code", "status", "is_on_hold", "is_locked", "locked_by",
        "is_internal", "customer_id", "customer_info", "shipping_address", "billing_address",
        "country_code", "payment_method", "payment_outcome", "shipping_option_id",
        "shipping_value", "handling_value", "tax_percent_hundredths", "vouchers",
        "external_promotions", "internal_comment", "other_comment", "cancellation_comment",
        "created_at", "updated_at",
    ),
    OrderLineRow: (
        "id", "order_id", "display_id", "product_id", "variant_id", "product_size_id",
        "product_name", "variant_name", "size_name", "sku", "ean", "quantity",
        "cancelled_quantity", "shipped_quantity", "returned_quantity", "unit_price",
        "unit_original_price", "tax_percent_hundredths", "comment", "delivery_window_id",
        "allocations",
    ),
    ShipmentRow: (
        "id", "order_id", "sequence", "number", "is_good_to_go", "is_paid", "paid_at",
        "is_captured", "captured_at", "shipped_at", "additional_message", "carrier", "service",
        "packages", "tracking_number", "return_tracking_number", "internal_shipping_cost",
        "shipping_value", "handling_value", "send_email", "created_at", "updated_at",
    ),
    PaymentEntryRow: (
        "id", "order_id", "shipment_id", "return_id", "entry_type", "status", "value",
        "external_reference", "payment_method", "params", "created_at",
    ),
}  # fmt: skip


class BulkRows:
    """Row tuples per table, written with one plain `executemany` per table and batch.

    Values come in the form their column stores (`cents`, `stamp`, JSON text) and in the order
    of `COLUMNS`: converting them where they are made, once per order or price, rather than per
    row and column here, or through SQLAlchemy's per-row parameter processing, is several times
    faster, and a tuple is cheaper to build than a dict of keywords.
    """

    ORDER = tuple(COLUMNS)

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.rows: dict[Any, list[tuple[Any, ...]]] = {t: [] for t in self.ORDER}
        self.next_id = {
            t: (conn.execute(select(func.max(t.id))).scalar() or 0) + 1 for t in self.ORDER
        }
        self.sql = {
            t: f"INSERT INTO {t.__tablename__} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})"
            for t, columns in COLUMNS.items()
        }

    def add(self, table: Any, values: tuple[Any, ...]) -> int:
        """Add a row of `table` with the next id, from its values after the id."""
        row_id = self.next_id[table]
        self.next_id[table] = row_id + 1
        self.rows[table].append((row_id, *values))
        return row_id

    def flush(self) -> None:
        for table in self.ORDER:
            batch = self.rows[table]
            if batch:
                self.conn.exec_driver_sql(self.sql[table], batch)
                self.rows[table] = []


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
        (order_id, shipment_id, None, entry_type, "SUCCESS", value, reference, "dummy", params, at),
    )
