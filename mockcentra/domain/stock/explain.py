"""What a stock refusal compared: each warehouse's level of the size and the orders holding it.

Refusals attach this to their DomainError (`explain`), so the request journal can answer "0 free
of size M in warehouse Main: 3 allocated to orders 12, 14" without anyone re-reading the state.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlmodel import Session

from mockcentra.domain.errors import Explain

_LEVELS = """
SELECT s.warehouse_id, w.name, s.product_size_id, p.name, v.name, z.name,
       s.physical, s.allocated
FROM stock s
JOIN warehouse w ON w.id = s.warehouse_id
JOIN product_size ps ON ps.id = s.product_size_id
JOIN size z ON z.id = ps.size_id
JOIN product_variant v ON v.id = ps.variant_id
JOIN product p ON p.id = v.product_id
WHERE s.product_size_id = ?
ORDER BY w.priority, w.id
"""

#: The allocations of a size's open lines and unshipped shipments (a shipment keeps the units
#: it took until it is completed), read as JSON text and summed here.
_HOLDERS = """
SELECT o.number, ol.allocations FROM order_line ol JOIN orders o ON o.id = ol.order_id
WHERE ol.product_size_id = ? AND ol.allocations != '{}'
UNION ALL
SELECT o.number, sl.allocations FROM shipment_line sl
JOIN shipment sh ON sh.id = sl.shipment_id AND sh.shipped_at IS NULL
JOIN order_line ol ON ol.id = sl.order_line_id JOIN orders o ON o.id = ol.order_id
WHERE ol.product_size_id = ?
"""


def _holders(conn: Any, size_id: int) -> dict[int, dict[int, int]]:
    """warehouse id -> order number -> units held."""
    held: dict[int, dict[int, int]] = {}
    for number, text in conn.exec_driver_sql(_HOLDERS, (size_id, size_id)).fetchall():
        for key, units in (json.loads(text or "{}") or {}).items():
            if units:
                per_order = held.setdefault(int(key), {})
                per_order[number] = per_order.get(number, 0) + int(units)
    return held


def stock_levels(
    session: Session, product_size_id: int, warehouse_ids: Iterable[int] | None = None
) -> list[dict[str, Any]]:
    """The size's level in each warehouse (all, or those given) with the orders holding it."""
    conn = getattr(session, "session", session).connection()
    wanted = set(warehouse_ids) if warehouse_ids is not None else None
    rows = []
    held = _holders(conn, product_size_id)
    for wid, wname, sid, product, variant, size, physical, allocated in conn.exec_driver_sql(
        _LEVELS, (product_size_id,)
    ).fetchall():
        if wanted is not None and wid not in wanted:
            continue
        holders = sorted(held.get(wid, {}).items())
        rows.append(
            {
                "warehouse": wid,
                "warehouseName": wname,
                "productSize": sid,
                "size": f"{product} {variant} {size}",
                "physical": physical,
                "allocated": allocated,
                "freeToAllocate": physical - allocated,
                "allocatedTo": [{"order": n, "units": int(u)} for n, u in holders],
            }
        )
    return rows


def explain_stock(
    session: Session,
    rule: str,
    product_size_id: int,
    warehouse_ids: Iterable[int] | None = None,
    **values: Any,
) -> Explain:
    """An Explain for a refusal over one size's stock: the compared values and each level."""
    rows = stock_levels(session, product_size_id, warehouse_ids)
    free = sum(r["freeToAllocate"] for r in rows)
    return Explain(rule, {"productSize": product_size_id, "freeToAllocate": free, **values}, rows)
