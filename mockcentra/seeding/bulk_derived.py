"""The events and shipment lines of bulk orders, computed by SQLite from the order rows
already inserted.

Over half of a bulk order's rows are its events and shipment lines, and every one of them
follows from the order, its lines, its customer and its shipment. Python keeps one small row
per order (`bulk_order_events`: the order, the id of its first event, whether it made its
customer, its shipment) and an `INSERT ... SELECT` per table and batch writes them, with the
same ids, in the same order and with the same text as writing each one from Python would.

Per order, in id order: the customer's CREATED (a new customer only), the order's CREATED,
its UPDATED when cancelled or confirmed, its UPDATED when put on hold, then for a shipment
its CREATED and the order's PROCESSING, and when shipped both COMPLETED. A shipment has a
line per order line, holding its units in the warehouse; shipment lines follow the order
lines' order.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from mockcentra.storage.tables import EventRow, ShipmentLineRow

#: The order states whose orders were cancelled or confirmed after placing (one UPDATED each).
_DECIDED = "o.status <> 'PENDING'"
#: CROSS JOIN: the batch's orders drive the loop (their rows found by id), never a scan of
#: all orders, whatever the filter on them
_FROM = "FROM bulk_order_events b CROSS JOIN orders o ON o.id = b.order_id"
_NUMBER = "'{\"number\": ' || o.number"
#: json.dumps of {number, order, isGoodToGo, isPaid, isShipped} of the order's shipment
_FACTS = (
    '\'{"number": "\' || o.number || \'-1", "order": \' || o.number || '
    "', \"isGoodToGo\": true, \"isPaid\": ' || done || ', \"isShipped\": ' || done || '}'"
)
_SHIPPED = (
    "(SELECT b.*, o.*, CASE o.status WHEN 'SHIPPED' THEN 'true' ELSE 'false' END AS done "
    f"{_FROM} WHERE b.shipment_id IS NOT NULL)"
)

INSERT_EVENTS = f"""
INSERT INTO event
    (id, object_type, change_type, object_ref, store_id, market_id, data, triggers, created_at)
SELECT * FROM (
    SELECT b.first_event, 'Customer', 'CREATED', CAST(o.customer_id AS TEXT), 1, NULL, '{{}}',
        '["CustomerCreated"]', o.created_at
    {_FROM} WHERE b.new_customer
    UNION ALL
    SELECT b.first_event + b.new_customer, 'Order', 'CREATED', o.hash, 1, o.market_id,
        {_NUMBER} || ', "status": "PENDING"}}', '["OrderPlaced"]', o.created_at
    {_FROM}
    UNION ALL
    SELECT b.first_event + b.new_customer + 1, 'Order', 'UPDATED', o.hash, 1, o.market_id,
        {_NUMBER} || ', "status": "'
            || CASE o.status WHEN 'CANCELLED' THEN 'CANCELLED' ELSE 'CONFIRMED' END || '"}}',
        CASE o.status WHEN 'CANCELLED' THEN '["OrderCancelled"]' ELSE '["OrderConfirmed"]' END,
        o.updated_at
    {_FROM} WHERE {_DECIDED}
    UNION ALL
    SELECT b.first_event + b.new_customer + 1 + ({_DECIDED}), 'Order', 'UPDATED', o.hash, 1,
        o.market_id, {_NUMBER} || ', "status": "' || o.status || '"}}', '[]', o.updated_at
    {_FROM} WHERE o.is_on_hold
    UNION ALL
    SELECT first_event + new_customer + 2, 'Shipment', 'CREATED', CAST(shipment_id AS TEXT), 1,
        market_id, {_FACTS}, '["ShipmentGoodToGo"]', updated_at
    FROM {_SHIPPED} AS o
    UNION ALL
    SELECT first_event + new_customer + 3, 'Order', 'UPDATED', hash, 1, market_id,
        {_NUMBER} || ', "status": "PROCESSING"}}', '[]', updated_at
    FROM {_SHIPPED} AS o
    UNION ALL
    SELECT first_event + new_customer + 4, 'Shipment', 'COMPLETED', CAST(shipment_id AS TEXT),
        1, market_id, {_FACTS}, '["OrderShipped"]', updated_at
    FROM {_SHIPPED} AS o WHERE status = 'SHIPPED'
    UNION ALL
    SELECT first_event + new_customer + 5, 'Order', 'COMPLETED', hash, 1, market_id,
        {_NUMBER} || ', "status": "SHIPPED"}}', '["OrderCompleted"]', updated_at
    FROM {_SHIPPED} AS o WHERE status = 'SHIPPED'
) ORDER BY 1
"""


INSERT_SHIPMENT_LINES = """
INSERT INTO shipment_line (id, shipment_id, order_line_id, quantity, returned_quantity, allocations)
SELECT ?1 + ROW_NUMBER() OVER (ORDER BY l.id) - 1, b.shipment_id, l.id, l.quantity, 0,
    '{"' || ?2 || '": ' || l.quantity || '}'
FROM order_line l CROSS JOIN bulk_order_events b ON b.order_id = l.order_id
WHERE l.id >= ?3 AND b.shipment_id IS NOT NULL
ORDER BY l.id
"""


def event_count(new_customer: bool, state: str, on_hold: bool) -> int:
    """How many events an order in `state` records (with its customer's, when new)."""
    decided = state != "pending"
    shipment = {"processing": 2, "shipped": 4}.get(state, 0)
    return new_customer + 1 + decided + on_hold + shipment


class DerivedRows:
    """Per order, what its events and shipment lines follow from, kept until its batch's rows
    are inserted (`warehouse`: where shipments take their units from)."""

    def __init__(self, conn: Connection, warehouse: int) -> None:
        self.conn, self.warehouse = conn, warehouse
        self.orders: list[tuple[int, int, bool, int | None]] = []
        self.next_id = (conn.execute(select(func.max(EventRow.id))).scalar() or 0) + 1
        line = (conn.execute(select(func.max(ShipmentLineRow.id))).scalar() or 0) + 1
        self.next_line = self.flushed_line = line
        conn.exec_driver_sql(
            "CREATE TEMP TABLE bulk_order_events (order_id INTEGER PRIMARY KEY, "
            "first_event INTEGER, new_customer INTEGER, shipment_id INTEGER)"
        )

    def add(
        self,
        order_id: int,
        new_customer: bool,
        state: str,
        on_hold: bool,
        shipment: int | None,
        lines: int,
    ) -> None:
        """Count an order's events and, with a `shipment`, its `lines` shipment lines (they are
        written at `flush`)."""
        if shipment is not None:
            self.next_line += lines
        first = self.next_id
        self.next_id = first + event_count(new_customer, state, on_hold)
        self.orders.append((order_id, first, new_customer, shipment))

    def flush(self, first_order_line: int) -> None:
        """Write the events and shipment lines of the orders added since the last flush (their
        rows are in; their order lines from `first_order_line` on)."""
        if not self.orders:
            return
        self.conn.exec_driver_sql("INSERT INTO bulk_order_events VALUES (?, ?, ?, ?)", self.orders)
        self.conn.exec_driver_sql(INSERT_EVENTS)
        self.conn.exec_driver_sql(
            INSERT_SHIPMENT_LINES, (self.flushed_line, self.warehouse, first_order_line)
        )
        self.flushed_line = self.next_line
        self.conn.exec_driver_sql("DELETE FROM bulk_order_events")
        self.orders = []

    def close(self) -> None:
        self.conn.exec_driver_sql("DROP TABLE temp.bulk_order_events")
