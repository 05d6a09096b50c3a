"""Many orders at once: rows computed in Python and inserted in bulk (the `large` scenario).

Placing 100k orders through the checkout and order actions takes many minutes; this writes the
same rows the actions would leave, with the same arithmetic (`order_totals`, `tax_in_gross`,
`pick_price`, the rule `price_for` applies), ids, hashes and events, in one pass of
`executemany` inserts, with the tables' secondary indexes built once after the load.
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
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, bindparam, func, select
from sqlmodel import Session

from mockcentra.domain.catalog import skus
from mockcentra.domain.money import ZERO, round_money, times
from mockcentra.domain.payments import psp
from mockcentra.domain.pricing import location
from mockcentra.domain.pricing.prices import pick_price, pricelist_prices
from mockcentra.domain.stock.allocation import warehouses_for_market
from mockcentra.runtime.ids import order_hash
from mockcentra.seeding.demo import shared_faker
from mockcentra.storage.bulk import indexes_built_after
from mockcentra.storage.tables import (
    CountryRow,
    CurrencyRow,
    CustomerRow,
    DisplayRow,
    DisplayVariantRow,
    EventRow,
    OrderLineRow,
    OrderRow,
    PaymentEntryRow,
    ProductRow,
    ProductSizeRow,
    ShipmentLineRow,
    ShipmentRow,
    ShippingOptionRow,
    SizeRow,
    VariantRow,
)
from mockcentra.storage.types import AwareDateTime, JsonDict, JsonList, Money

#: The last bulk order is placed just before this moment (the domain scenarios' epoch).
END = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
STATES = ("pending", "confirmed", "processing", "shipped", "cancelled")
DEFAULT_STATES = {"pending": 8, "confirmed": 12, "processing": 10, "shipped": 65, "cancelled": 5}
COUNTRY_WEIGHTS = {"SE": 30, "DE": 14, "FI": 8, "NL": 8, "DK": 8, "US": 12, "GB": 12, "FR": 8}
STATUS = {
    "pending": "PENDING",
    "confirmed": "CONFIRMED",
    "processing": "PROCESSING",
    "shipped": "SHIPPED",
    "cancelled": "CANCELLED",
}
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


@dataclass(frozen=True)
class Item:
    """One orderable size of an active display, with what an order line copies from it."""

    display_id: int
    product_id: int
    variant_id: int
    product_size_id: int
    product_name: str
    variant_name: str
    size_name: str
    sku: str
    ean: str | None


@dataclass(frozen=True)
class Place:
    """Where an order is placed: what checkout derives from the shopper's country."""

    country: str
    market_id: int
    pricelist_id: int
    currency: str
    tax: int
    shipping_option_id: int | None
    shipping: Decimal


def _items_query() -> Any:
    """Orderable sizes of a store's active displays, with the full SKU `skus.sku_sql` builds."""
    return (
        select(
            DisplayRow.id,
            ProductRow.id,
            VariantRow.id,
            ProductSizeRow.id,
            ProductRow.name,
            VariantRow.name,
            SizeRow.name,
            skus.sku_sql(),
            ProductSizeRow.ean,
        )
        .join(DisplayVariantRow, DisplayVariantRow.display_id == DisplayRow.id)
        .join(VariantRow, VariantRow.id == DisplayVariantRow.variant_id)
        .join(ProductRow, ProductRow.id == VariantRow.product_id)
        .join(ProductSizeRow, ProductSizeRow.variant_id == VariantRow.id)
        .join(SizeRow, SizeRow.id == ProductSizeRow.size_id)
        .where(
            DisplayRow.store_id == bindparam("store"),
            DisplayRow.status == "ACTIVE",
            VariantRow.status == "ACTIVE",
        )
        .order_by(DisplayRow.id, ProductSizeRow.id)
    )


def _items(conn: Connection, store_id: int) -> list[Item]:
    return [Item(*row) for row in conn.execute(_items_query(), {"store": store_id})]


def _places(session: Session, conn: Connection, store_id: int) -> list[Place]:
    places = []
    for code in COUNTRY_WEIGHTS:
        country = conn.execute(select(CountryRow).where(CountryRow.code == code)).first()
        if country is None:
            continue
        market = conn.execute(location.market_query(store_id, country.id)).first()
        market_id = market.id if market is not None else None
        pricelist = conn.execute(location.pricelist_query(store_id, country.id)).first()
        if market_id is None or pricelist is None:
            continue
        currency = conn.execute(
            select(CurrencyRow.code).where(CurrencyRow.id == pricelist.currency_id)
        ).scalar()
        option_id = (
            pricelist.default_shipping_option_id
            or conn.execute(
                select(ShippingOptionRow.id).where(ShippingOptionRow.currency_code == currency)
            ).scalar()
        )
        option = session.get(ShippingOptionRow, option_id) if option_id else None
        places.append(
            Place(
                code,
                market_id,
                pricelist.id,
                currency,
                country.tax_percent_hundredths,
                option_id,
                option.price if option else ZERO,
            )
        )
    return places


class _People:
    """Shoppers from faker pools, combined by a seeded RNG (faker per row would dominate)."""

    def __init__(self, fake: Any, rng: random.Random, pool: int = 600) -> None:
        self.rng = rng
        self.first = [fake.first_name() for _ in range(pool)]
        self.last = [fake.last_name() for _ in range(pool)]
        self.streets = [fake.street_address() for _ in range(pool)]
        self.cities = [fake.city() for _ in range(pool // 2)]
        self.zips = [fake.postcode() for _ in range(pool)]
        self.phones = [fake.phone_number() for _ in range(pool)]

    def person(self, n: int, country: str) -> dict[str, Any]:
        pick = self.rng.choice
        first, last = pick(self.first), pick(self.last)
        return {
            "firstName": first,
            "lastName": last,
            "companyName": None,
            "attention": None,
            "address1": pick(self.streets),
            "address2": None,
            "city": pick(self.cities),
            "zipCode": pick(self.zips),
            "stateOrProvince": None,
            "email": f"{first}.{last}.{n}@example.com".lower().replace(" ", ""),
            "phoneNumber": pick(self.phones),
            "cellPhoneNumber": None,
            "faxNumber": None,
            "vatNumber": None,
            "country": country,
        }


def _cents(value: Any) -> int | None:
    return None if value is None else int((Decimal(value) * 100).to_integral_value())


def _stamp(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    # the AwareDateTime text ("%Y-%m-%dT%H:%M:%S.%f+00:00"), spelled the faster way
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def _json(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, default=str)


def _converter(column: Any) -> Callable[[Any], Any] | None:
    """The storage form of one column's values, as its SQLModel type would write them."""
    kind = type(column.type)
    if kind is Money:
        return _cents
    if kind is AwareDateTime:
        return _stamp
    if kind in (JsonDict, JsonList):
        return _json
    return None  # sqlite3 binds int, str, bool and None as they are


class _Rows:
    """Row dicts per table, written with one plain `executemany` per table and batch.

    Values go through the same conversions as the column types (cents, UTC text, JSON); doing
    it here rather than through SQLAlchemy's per-row parameter processing is ~4x faster.
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
        values["id"] = self.next_id[table]
        self.next_id[table] += 1
        self.rows[table].append(values)
        return values["id"]

    def flush(self) -> None:
        for table in self.ORDER:
            batch = self.rows[table]
            if not batch:
                continue
            columns = list(batch[0])
            convert = [_converter(table.__table__.c[name]) for name in columns]
            sql = (
                f"INSERT INTO {table.__tablename__} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})"
            )
            for name, f in zip(columns, convert, strict=True):
                if f is not None:
                    for row in batch:
                        row[name] = f(row[name])
            self.conn.exec_driver_sql(sql, [tuple(row.values()) for row in batch])
            self.rows[table] = []


_TRIGGERS = {
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


def _order_data(number: int, status: str) -> str:
    """`json.dumps({"number": n, "status": s})`, spelled out: half a million of them."""
    return f'{{"number": {number}, "status": "{status}"}}'


def _event(
    rows: _Rows,
    object_type: str,
    change: str,
    ref: str,
    at: str,
    data: dict[str, Any] | str,
    triggers: list[str],
    market_id: int | None = 1,
) -> None:
    rows.add(
        EventRow,
        object_type=object_type,
        change_type=change,
        object_ref=ref,
        store_id=1,
        market_id=market_id,
        data=data,
        triggers=_TRIGGERS.get(tuple(triggers)) or json.dumps(triggers),
        created_at=at,
    )


def _pick_state(rng: random.Random, states: dict[str, int]) -> str:
    return rng.choices(list(states), weights=list(states.values()))[0]


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
    conn = session.connection()
    fake = shared_faker()
    fake.seed_instance(seed + 7919)
    rng = random.Random(seed)
    holds = random.Random(seed + 104729)  # its own sequence: holds change no other order's data
    people = _People(fake, rng)
    items = _items(conn, store_id)
    places = _places(session, conn, store_id)
    if not items or not places:
        raise RuntimeError("The catalogue has no active displays or priced countries to order.")
    weights = [COUNTRY_WEIGHTS[p.country] for p in places]
    prices: dict[tuple[int, int], Decimal | None] = {}
    # each pricelist's rows are read once (not one statement per variant and pricelist)
    by_pricelist = {pid: pricelist_prices(session, pid) for pid in {p.pricelist_id for p in places}}

    def price(place: Place, item: Item) -> Decimal | None:
        key = (place.pricelist_id, item.variant_id)
        if key not in prices:
            rows = by_pricelist[place.pricelist_id].get(item.product_id, ())
            found = pick_price(rows, item.variant_id)
            prices[key] = None if found is None else round_money(found.price)
        return prices[key]

    warehouse = warehouses_for_market(session, places[0].market_id)[0]
    held: dict[int, int] = {}  # product size -> units open orders hold

    rows = _Rows(conn)
    first_number = (conn.execute(select(func.max(OrderRow.number))).scalar() or 0) + 1
    customer_count = max(1, int(spec.count * spec.customers_per_order))
    customers: dict[int, tuple[int, dict[str, Any], Place]] = {}
    start = END - timedelta(days=spec.days)
    step = timedelta(days=spec.days) / max(1, spec.count)
    state_names = {s: w for s, w in spec.states.items() if w > 0}

    with indexes_built_after(conn, _Rows.ORDER):
        for i in range(spec.count):
            number = first_number + i
            placed = start + step * i + timedelta(seconds=rng.randint(0, 59))
            placed = placed.replace(microsecond=0)
            state = _pick_state(rng, state_names)
            status = STATUS[state]
            later = placed + timedelta(hours=rng.randint(2, 48))
            at0, at1 = _stamp(placed), _stamp(later)

            # the shopper: a new customer for the first orders, then more and more repeat ones
            who = rng.randrange(customer_count) if i >= customer_count // 2 else i
            if who not in customers:
                place = rng.choices(places, weights=weights)[0]
                address = people.person(len(customers) + 1, place.country)
                customer_id = rows.add(
                    CustomerRow,
                    email=address["email"],
                    first_name=address["firstName"],
                    last_name=address["lastName"],
                    registered=False,
                    newsletter=False,
                    store_id=store_id,
                    created_at=at0,
                    updated_at=at0,
                )
                customers[who] = (
                    customer_id,
                    address,
                    place,
                    json.dumps(address),
                    json.dumps(
                        {
                            "firstName": address["firstName"],
                            "lastName": address["lastName"],
                            "email": address["email"],
                        }
                    ),
                )
                _event(
                    rows,
                    "Customer",
                    "CREATED",
                    str(customer_id),
                    at0,
                    {},
                    ["CustomerCreated"],
                    market_id=None,
                )
            customer_id, address, place, address_json, info_json = customers[who]

            chosen = rng.sample(items, k=min(len(items), rng.randint(*spec.lines)))
            chosen = [it for it in chosen if price(place, it) is not None]
            if not chosen:
                chosen = [next(it for it in items if price(place, it) is not None)]
            order_id = rows.next_id[OrderRow]
            lines = []
            for item in chosen:
                quantity = rng.randint(*spec.quantity)
                unit = price(place, item)
                assert unit is not None
                open_units = quantity if state in ("pending", "confirmed") else 0
                shipped = quantity if state in ("processing", "shipped") else 0
                line_id = rows.add(
                    OrderLineRow,
                    order_id=order_id,
                    display_id=item.display_id,
                    product_id=item.product_id,
                    variant_id=item.variant_id,
                    product_size_id=item.product_size_id,
                    product_name=item.product_name,
                    variant_name=item.variant_name,
                    size_name=item.size_name,
                    sku=item.sku,
                    ean=item.ean,
                    quantity=quantity,
                    cancelled_quantity=0,
                    shipped_quantity=shipped,
                    returned_quantity=0,
                    unit_price=unit,
                    unit_original_price=unit,
                    tax_percent_hundredths=place.tax,
                    comment=None,
                    delivery_window_id=None,
                    allocations=f'{{"{warehouse}": {open_units}}}' if open_units else "{}",
                )
                if state in ("pending", "confirmed", "processing"):
                    held[item.product_size_id] = held.get(item.product_size_id, 0) + quantity
                lines.append((line_id, item, quantity, unit))

            # the same arithmetic as order_totals: tax-inclusive line values plus shipping
            items_total = sum((times(u, q) for _, _, q, u in lines), ZERO)
            grand_total = items_total + place.shipping
            hash_ = order_hash(seed, number)
            on_hold = state in ("pending", "confirmed") and holds.random() < spec.on_hold
            updated = at0 if state == "pending" and not on_hold else at1
            rows.add(
                OrderRow,
                hash=hash_,
                number=number,
                store_id=store_id,
                store_type="DIRECT_TO_CONSUMER",
                market_id=place.market_id,
                pricelist_id=place.pricelist_id,
                allocation_rule_id=None,
                currency_code=place.currency,
                status=status,
                is_on_hold=on_hold,
                is_locked=False,
                locked_by=None,
                is_internal=False,
                customer_id=customer_id,
                customer_info=info_json,
                shipping_address=address_json,
                billing_address=address_json,
                country_code=place.country,
                payment_method="dummy",
                payment_outcome="{}",
                shipping_option_id=place.shipping_option_id,
                shipping_value=place.shipping,
                handling_value=ZERO,
                tax_percent_hundredths=place.tax,
                vouchers="[]",
                external_promotions="[]",
                internal_comment=None,
                other_comment=None,
                cancellation_comment="Customer changed their mind"
                if state == "cancelled"
                else None,
                created_at=at0,
                updated_at=updated,
            )
            _payment(
                rows,
                order_id,
                None,
                "AUTHORIZATION",
                grand_total,
                psp.reference(seed, order_id, 0),
                '{"success": true, "isRequest": false}',
                at0,
            )
            _event(
                rows,
                "Order",
                "CREATED",
                hash_,
                at0,
                _order_data(number, "PENDING"),
                ["OrderPlaced"],
                place.market_id,
            )

            updates: list[tuple[str, list[str]]] = []  # the order's UPDATED events, in order
            if state == "cancelled":
                updates.append(("CANCELLED", ["OrderCancelled"]))
            if state in ("confirmed", "processing", "shipped"):
                updates.append(("CONFIRMED", ["OrderConfirmed"]))
            if on_hold:  # put on hold after placing (and confirming), as updateOrder does
                updates.append((status, []))
            for new_status, triggers in updates:
                data = _order_data(number, new_status)
                _event(rows, "Order", "UPDATED", hash_, at1, data, triggers, place.market_id)
            if state in ("processing", "shipped"):
                done = state == "shipped"
                shipment_id = rows.add(
                    ShipmentRow,
                    order_id=order_id,
                    sequence=1,
                    number=f"{number}-1",
                    is_good_to_go=True,
                    is_paid=done,
                    paid_at=at1 if done else None,
                    is_captured=done,
                    captured_at=at1 if done else None,
                    shipped_at=at1 if done else None,
                    additional_message=None,
                    carrier="PostNord" if done else None,
                    service="MyPack Home" if done else None,
                    packages=1 if done else 0,
                    tracking_number=f"PN{number:08d}SE" if done else None,
                    return_tracking_number=f"RPN{number:08d}" if done else None,
                    internal_shipping_cost=ZERO,
                    shipping_value=place.shipping,
                    handling_value=ZERO,
                    send_email=False,
                    created_at=at1,
                    updated_at=at1,
                )
                for line_id, _, quantity, _ in lines:
                    rows.add(
                        ShipmentLineRow,
                        shipment_id=shipment_id,
                        order_line_id=line_id,
                        quantity=quantity,
                        returned_quantity=0,
                        allocations=f'{{"{warehouse}": {quantity}}}',
                    )
                if done:
                    _payment(
                        rows,
                        order_id,
                        shipment_id,
                        "CAPTURE",
                        grand_total,
                        psp.reference(seed, order_id, 1),
                        '{"success": true, "isRequest": false, "raw": null}',
                        at1,
                    )
                # json.dumps of {number, order, isGoodToGo, isPaid, isShipped}, spelled out
                flag = "true" if done else "false"
                facts = (
                    f'{{"number": "{number}-1", "order": {number}, "isGoodToGo": true, '
                    f'"isPaid": {flag}, "isShipped": {flag}}}'
                )
                _event(
                    rows,
                    "Shipment",
                    "CREATED",
                    str(shipment_id),
                    at1,
                    facts,
                    ["ShipmentGoodToGo"],
                    place.market_id,
                )
                _event(
                    rows,
                    "Order",
                    "UPDATED",
                    hash_,
                    at1,
                    _order_data(number, "PROCESSING"),
                    [],
                    place.market_id,
                )
                if done:
                    _event(
                        rows,
                        "Shipment",
                        "COMPLETED",
                        str(shipment_id),
                        at1,
                        facts,
                        ["OrderShipped"],
                        place.market_id,
                    )
                    _event(
                        rows,
                        "Order",
                        "COMPLETED",
                        hash_,
                        at1,
                        _order_data(number, "SHIPPED"),
                        ["OrderCompleted"],
                        place.market_id,
                    )
            if (i + 1) % BATCH == 0 or i + 1 == spec.count:
                rows.flush()
                if progress:
                    progress(i + 1, spec.count)

    _hold_stock(conn, warehouse, held)
    return spec.count


def _payment(
    rows: Any,
    order_id: int,
    shipment_id: int | None,
    entry_type: str,
    value: Any,
    reference: str,
    params: str,
    at: Any,
) -> None:
    """A successful payment history entry of the dummy PSP."""
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


def _hold_stock(conn: Connection, warehouse: int, held: dict[int, int]) -> None:
    """Open orders hold their units: allocated rises and so does physical (free is unchanged)."""
    conn.exec_driver_sql(
        "UPDATE stock SET physical = physical + ?, allocated = allocated + ? "
        "WHERE warehouse_id = ? AND product_size_id = ?",
        [(units, units, warehouse, size) for size, units in sorted(held.items())],
    )
