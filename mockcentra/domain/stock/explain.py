"""What a stock refusal compared: each warehouse's level of the size and the orders holding it.

Refusals attach this to their DomainError (`explain`), so the request journal can answer "0 free
of size M in warehouse Main: 3 allocated to orders 12, 14" without anyone re-reading the state.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

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

#: Which orders hold allocated units of a size in a warehouse: open lines and unshipped
#: shipments (a shipment keeps the units it took until it is completed).
_HOLDERS = """
SELECT o.number, SUM(held) FROM (
    SELECT ol.order_id AS order_id, CAST(a.value AS INTEGER) AS held
    FROM order_line ol, json_each(ol.allocations) a
    WHERE ol.product_size_id = :size AND CAST(a.key AS INTEGER) = :warehouse
    UNION ALL
    SELECT ol.order_id, CAST(a.value AS INTEGER)
    FROM shipment_line sl
    JOIN shipment sh ON sh.id = sl.shipment_id AND sh.shipped_at IS NULL
    JOIN order_line ol ON ol.id = sl.order_line_id, json_each(sl.allocations) a
    WHERE ol.product_size_id = :size AND CAST(a.key AS INTEGER) = :warehouse
) JOIN orders o ON o.id = order_id
GROUP BY o.number HAVING SUM(held) > 0 ORDER BY o.number
"""


def stock_levels(
    session: Any, product_size_id: int, warehouse_ids: Iterable[int] | None = None
) -> list[dict[str, Any]]:
    """The size's level in each warehouse (all, or those given) with the orders holding it."""
    conn = getattr(session, "session", session).connection()
    wanted = set(warehouse_ids) if warehouse_ids is not None else None
    rows = []
    for wid, wname, sid, product, variant, size, physical, allocated in conn.exec_driver_sql(
        _LEVELS, (product_size_id,)
    ).fetchall():
        if wanted is not None and wid not in wanted:
            continue
        holders = conn.exec_driver_sql(_HOLDERS, {"size": sid, "warehouse": wid}).fetchall()
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
    session: Any,
    rule: str,
    product_size_id: int,
    warehouse_ids: Iterable[int] | None = None,
    **values: Any,
) -> Explain:
    """An Explain for a refusal over one size's stock: the compared values and each level."""
    rows = stock_levels(session, product_size_id, warehouse_ids)
    free = sum(r["freeToAllocate"] for r in rows)
    return Explain(rule, {"productSize": product_size_id, "freeToAllocate": free, **values}, rows)
