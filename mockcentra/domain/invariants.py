"""What must hold of any state the domain's actions can reach, checked with a few aggregates.

`GET /_mock/invariants` and the pytest plugin (after every test) run `check`: a test or an
integration that drives the mock into an impossible state sees each broken rule with the rows
involved. Each check reads the rule from the domain module that owns it (stock levels from
`stock.rules`, the payment balance from `orders.totals.BALANCE_PARTS`, who holds allocated
units from `stock.explain`), so the checks and the actions cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from mockcentra.domain.orders.totals import BALANCE_PARTS

#: Units held per (warehouse, size): each open line's allocations plus the allocations of
#: shipments not yet completed (shipping moves a line's units into its shipment).
_HELD = """
SELECT warehouse_id, product_size_id, SUM(units) AS units FROM (
    SELECT CAST(a.key AS INTEGER) AS warehouse_id, ol.product_size_id,
           CAST(a.value AS INTEGER) AS units
    FROM order_line ol, json_each(ol.allocations) a
    UNION ALL
    SELECT CAST(a.key AS INTEGER), ol.product_size_id, CAST(a.value AS INTEGER)
    FROM shipment_line sl
    JOIN shipment sh ON sh.id = sl.shipment_id AND sh.shipped_at IS NULL
    JOIN order_line ol ON ol.id = sl.order_line_id, json_each(sl.allocations) a
) GROUP BY warehouse_id, product_size_id
"""


@dataclass
class Violation:
    rule: str
    message: str
    rows: list[dict[str, Any]] = field(default_factory=list)

    def described(self) -> dict[str, Any]:
        return {"rule": self.rule, "message": self.message, "rows": self.rows}


def _rows(conn: Any, sql: str, names: tuple[str, ...]) -> list[dict[str, Any]]:
    return [dict(zip(names, row, strict=True)) for row in conn.execute(sql).fetchall()]


def _money(hundredths: int | None) -> str:
    return str((Decimal(hundredths or 0) / 100).quantize(Decimal("0.01")))


def stock_never_negative(conn: Any) -> list[Violation]:
    """Physical and allocated are never negative and free to allocate (physical - allocated)
    never below zero (stock.rules.free_to_allocate)."""
    rows = _rows(
        conn,
        "SELECT warehouse_id, product_size_id, physical, allocated, physical - allocated"
        " FROM stock WHERE physical < 0 OR allocated < 0 OR physical < allocated",
        ("warehouse", "productSize", "physical", "allocated", "freeToAllocate"),
    )
    return [
        Violation(
            "stock.free_never_negative",
            f"Warehouse {r['warehouse']}, product size {r['productSize']}: physical "
            f"{r['physical']}, allocated {r['allocated']}, free {r['freeToAllocate']}.",
            [r],
        )
        for r in rows
    ]


def allocated_matches_orders(conn: Any) -> list[Violation]:
    """A level's allocated units are exactly those its orders hold (open lines and unshipped
    shipments)."""
    sql = f"""
        WITH held AS ({_HELD})
        SELECT s.warehouse_id, s.product_size_id, s.allocated, COALESCE(h.units, 0)
        FROM stock s LEFT JOIN held h
          ON h.warehouse_id = s.warehouse_id AND h.product_size_id = s.product_size_id
        WHERE s.allocated != COALESCE(h.units, 0)
        UNION ALL
        SELECT h.warehouse_id, h.product_size_id, 0, h.units
        FROM held h LEFT JOIN stock s
          ON h.warehouse_id = s.warehouse_id AND h.product_size_id = s.product_size_id
        WHERE s.warehouse_id IS NULL AND h.units != 0
    """
    rows = _rows(conn, sql, ("warehouse", "productSize", "allocated", "heldByOrders"))
    return [
        Violation(
            "stock.allocated_equals_open_order_lines",
            f"Warehouse {r['warehouse']}, product size {r['productSize']}: {r['allocated']} "
            f"allocated, but orders hold {r['heldByOrders']}.",
            [r],
        )
        for r in rows
    ]


def _balances_sql() -> str:
    """Each order's authorized, captured and refunded sums (hundredths), by BALANCE_PARTS."""

    def part(name: str) -> str:
        cases = " OR ".join(
            f"(e.entry_type = '{t}' AND e.status = '{s}')"
            for (t, s), p in BALANCE_PARTS.items()
            if p == name
        )
        return f"COALESCE(SUM(CASE WHEN {cases} THEN e.value END), 0)"

    return (
        f"SELECT o.number, o.currency_code, {part('authorized')} AS authorized,"
        f" {part('captured')} AS captured, {part('refunded')} AS refunded"
        " FROM payment_entry e JOIN orders o ON o.id = e.order_id GROUP BY e.order_id"
        " HAVING captured > authorized OR refunded > captured"
    )


def payments_within_balance(conn: Any) -> list[Violation]:
    """Captured never exceeds authorized, refunded never exceeds captured."""
    out = []
    for number, currency, authorized, captured, refunded in conn.execute(_balances_sql()):
        row = {
            "order": number,
            "currency": currency,
            "authorized": _money(authorized),
            "captured": _money(captured),
            "refunded": _money(refunded),
        }
        if captured > authorized:
            out.append(
                Violation(
                    "payments.captured_within_authorized",
                    f"Order {number}: {row['captured']} {currency} captured, only "
                    f"{row['authorized']} {currency} authorized.",
                    [row],
                )
            )
        if refunded > captured:
            out.append(
                Violation(
                    "payments.refunded_within_captured",
                    f"Order {number}: {row['refunded']} {currency} refunded, only "
                    f"{row['captured']} {currency} captured.",
                    [row],
                )
            )
    return out


def returns_within_shipped(conn: Any) -> list[Violation]:
    """No line returns more units than were shipped (per order line and per shipment line)."""
    lines = _rows(
        conn,
        "SELECT o.number, ol.id, ol.shipped_quantity, ol.returned_quantity FROM order_line ol"
        " JOIN orders o ON o.id = ol.order_id WHERE ol.returned_quantity > ol.shipped_quantity",
        ("order", "orderLine", "shipped", "returned"),
    )
    shipped = _rows(
        conn,
        "SELECT sh.number, sl.id, sl.quantity, sl.returned_quantity FROM shipment_line sl"
        " JOIN shipment sh ON sh.id = sl.shipment_id WHERE sl.returned_quantity > sl.quantity",
        ("shipment", "shipmentLine", "shipped", "returned"),
    )
    return [
        Violation(
            "returns.returned_within_shipped",
            f"Order {r['order']}, line {r['orderLine']}: {r['returned']} returned of "
            f"{r['shipped']} shipped.",
            [r],
        )
        for r in lines
    ] + [
        Violation(
            "returns.returned_within_shipped",
            f"Shipment {r['shipment']}, line {r['shipmentLine']}: {r['returned']} returned of "
            f"{r['shipped']} shipped.",
            [r],
        )
        for r in shipped
    ]


def events_gap_free(conn: Any) -> list[Violation]:
    """Event ids run 1, 2, 3 ... with no gap (integrations page through them by id)."""
    count, first, last = conn.execute("SELECT count(*), min(id), max(id) FROM event").fetchone()
    if not count or last - first + 1 == count:
        return []
    gaps = conn.execute(
        "SELECT e.id + 1 FROM event e WHERE e.id < ? AND NOT EXISTS"
        " (SELECT 1 FROM event n WHERE n.id = e.id + 1) ORDER BY e.id LIMIT 20",
        (last,),
    ).fetchall()
    return [
        Violation(
            "events.sequence_gap_free",
            f"{last - first + 1 - count} event ids are missing between {first} and {last}.",
            [{"missingFrom": g[0]} for g in gaps],
        )
    ]


def vouchers_within_limits(conn: Any) -> list[Violation]:
    """A voucher with a usage limit (max_usages > 0) is never used more often."""
    rows = _rows(
        conn,
        "SELECT v.id, v.name, v.max_usages, count(u.id) FROM voucher v"
        " JOIN voucher_usage u ON u.voucher_id = v.id WHERE v.max_usages > 0"
        " GROUP BY v.id HAVING count(u.id) > v.max_usages",
        ("voucher", "name", "maxUsages", "uses"),
    )
    return [
        Violation(
            "vouchers.uses_within_limit",
            f"Voucher {r['voucher']} ({r['name']}) is used {r['uses']} times, its limit is "
            f"{r['maxUsages']}.",
            [r],
        )
        for r in rows
    ]


CHECKS: tuple[Callable[[Any], list[Violation]], ...] = (
    stock_never_negative,
    allocated_matches_orders,
    payments_within_balance,
    returns_within_shipped,
    events_gap_free,
    vouchers_within_limits,
)

#: The rules the checks enforce, as violations name them.
RULES = (
    "stock.free_never_negative",
    "stock.allocated_equals_open_order_lines",
    "payments.captured_within_authorized",
    "payments.refunded_within_captured",
    "returns.returned_within_shipped",
    "events.sequence_gap_free",
    "vouchers.uses_within_limit",
)


def check(conn: Any) -> list[Violation]:
    """Every violation in the database behind `conn` (a sqlite3 connection); [] when sound."""
    return [v for run in CHECKS for v in run(conn)]
