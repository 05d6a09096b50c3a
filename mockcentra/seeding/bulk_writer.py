"""Writing bulk orders one after another (`BulkOrderWriter`), each with its customer, lines,
payments and shipment, from seeded generators (mockcentra/seeding/bulk.py drives it; the
events and shipment lines are counted here and written by bulk_derived.py)."""

from __future__ import annotations

import json
import random
from bisect import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlmodel import Session

from mockcentra.domain.money import round_money
from mockcentra.domain.payments import psp
from mockcentra.domain.pricing.prices import pick_price, pricelist_prices
from mockcentra.domain.stock.allocation import warehouses_for_market
from mockcentra.runtime.ids import order_hash
from mockcentra.seeding.bulk_derived import DerivedRows
from mockcentra.seeding.bulk_rows import BulkRows, add_payment, cents, stamp
from mockcentra.seeding.bulk_sources import (
    COUNTRY_WEIGHTS,
    Item,
    People,
    Place,
    order_places,
    orderable_items,
)
from mockcentra.seeding.demo import shared_faker
from mockcentra.storage.tables import (
    CustomerRow,
    OrderLineRow,
    OrderRow,
    ShipmentRow,
)

if TYPE_CHECKING:
    from mockcentra.seeding.bulk import BulkSpec

#: The last bulk order is placed just before this moment (the domain scenarios' epoch).
END = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
#: The status each bulk order state leaves an order in.
STATUS = {
    "pending": "PENDING",
    "confirmed": "CONFIRMED",
    "processing": "PROCESSING",
    "shipped": "SHIPPED",
    "cancelled": "CANCELLED",
}


def below(getrandbits: Callable[[int], int], n: int) -> int:
    """`rng.randrange(n)` for n > 0, drawn as CPython's `Random` draws it (`_randbelow`), in one
    call instead of three: `randint(a, b)` is `a + below(bits, b - a + 1)`, `choice(seq)` is
    `seq[below(bits, len(seq))]`."""
    k = n.bit_length()
    r = getrandbits(k)
    while r >= n:
        r = getrandbits(k)
    return r


@dataclass
class Shopper:
    """A customer as its orders repeat it: id, where they order from, and the address and
    customer info already as JSON."""

    customer_id: int
    place: Place
    address_json: str
    info_json: str


@dataclass
class BulkOrder:
    """One order being written: what its rows, payments and events share (money in cents)."""

    number: int
    order_id: int
    hash: str
    state: str
    status: str
    place: Place
    at0: str
    at1: str
    shipping: int
    lines: list[tuple[int, int]] = field(default_factory=list)  # (line id, quantity)
    grand_total: int = 0


class BulkOrderWriter:
    """Writes one order after another, drawing every choice from the seeded generators in a
    fixed order (so the same seed gives the same orders): shopper, lines, order row and
    payment, then the shipment of a processing or shipped order."""

    def __init__(self, session: Session, seed: int, spec: BulkSpec, store_id: int) -> None:
        conn = session.connection()
        self.seed, self.spec, self.store_id = seed, spec, store_id
        fake = shared_faker()
        fake.seed_instance(seed + 7919)
        self.rng = random.Random(seed)
        self.bits = self.rng.getrandbits
        # its own sequence: holds change no other order's data
        self.holds = random.Random(seed + 104729)
        self.people = People(fake, self.rng)
        self.items = orderable_items(conn, store_id)
        self.places = order_places(session, conn, store_id)
        if not self.items or not self.places:
            raise RuntimeError("The catalogue has no active displays or priced countries to order.")
        # choices() with the cumulative weights draws exactly as with the weights, once summed
        self.place_weights = list(accumulate(COUNTRY_WEIGHTS[p.country] for p in self.places))
        self.shipping = {p.country: cents(p.shipping) for p in self.places}
        # per pricelist: variant -> unit price in cents (None: not sold there), read once
        self.prices: dict[int, dict[int, int | None]] = {p.pricelist_id: {} for p in self.places}
        # each pricelist's rows are read once (not one statement per variant and pricelist)
        self.by_pricelist = {pid: pricelist_prices(session, pid) for pid in self.prices}
        self.warehouse = warehouses_for_market(session, self.places[0].market_id)[0]
        self.held: dict[int, int] = {}  # product size -> units open orders hold
        self.rows = BulkRows(conn)
        self.derived = DerivedRows(conn, self.warehouse)
        self.flushed_line = self.rows.next_id[OrderLineRow]  # the first line not yet inserted
        self.first_number = (conn.execute(select(func.max(OrderRow.number))).scalar() or 0) + 1
        self.customer_count = max(1, int(spec.count * spec.customers_per_order))
        self.customers: dict[int, Shopper] = {}
        start = END - timedelta(days=spec.days)
        self.start = int(start.timestamp())
        # timedelta's division: the step rounded to the microsecond
        self.step_us = (timedelta(days=spec.days) / max(1, spec.count)) // timedelta(microseconds=1)
        weighted = {s: w for s, w in spec.states.items() if w > 0}
        self.state_names = list(weighted)
        self.state_weights = list(accumulate(weighted.values()))

    def price(self, place: Place, item: Item) -> int | None:
        """The item's unit price in the place's price list, in cents (None: not sold there)."""
        prices = self.prices[place.pricelist_id]
        if item.variant_id not in prices:
            rows = self.by_pricelist[place.pricelist_id].get(item.product_id, ())
            found = pick_price(rows, item.variant_id)
            prices[item.variant_id] = None if found is None else cents(round_money(found.price))
        return prices[item.variant_id]

    def write(self, i: int) -> None:
        """The `i`th order with everything that belongs to it."""
        rng, bits = self.rng, self.bits
        # whole seconds: start + step * i, truncated, plus up to a minute; then 2-48 hours
        placed = self.start + self.step_us * i // 1_000_000 + below(bits, 60)
        cum = self.state_weights
        state = self.state_names[bisect(cum, rng.random() * (cum[-1] + 0.0), 0, len(cum) - 1)]
        at0 = stamp(placed)
        at1 = stamp(placed + 3600 * (2 + below(bits, 47)))
        shopper, new_customer = self.shopper(i, at0)
        number = self.first_number + i
        order = BulkOrder(
            number,
            self.rows.next_id[OrderRow],
            order_hash(self.seed, number),
            state,
            STATUS[state],
            shopper.place,
            at0,
            at1,
            self.shipping[shopper.place.country],
        )
        self.add_lines(order)
        # the same arithmetic as order_totals: tax-inclusive line values plus shipping, in cents
        order.grand_total += order.shipping
        on_hold = state in ("pending", "confirmed") and self.holds.random() < self.spec.on_hold
        self.add_order(order, shopper, on_hold)
        self.add_authorization(order)
        shipment = self.add_shipment(order) if state in ("processing", "shipped") else None
        self.derived.add(order.order_id, new_customer, state, on_hold, shipment, len(order.lines))

    def flush(self) -> None:
        """Insert the rows of the orders written since the last flush, then their events and
        shipment lines."""
        self.rows.flush()
        self.derived.flush(self.flushed_line)
        self.flushed_line = self.rows.next_id[OrderLineRow]

    def shopper(self, i: int, at0: str) -> tuple[Shopper, bool]:
        """A new customer for the first orders, then more and more repeat ones (True: new)."""
        who = below(self.bits, self.customer_count) if i >= self.customer_count // 2 else i
        if who not in self.customers:
            cum = self.place_weights
            place = self.places[bisect(cum, self.rng.random() * (cum[-1] + 0.0), 0, len(cum) - 1)]
            address = self.people.person(len(self.customers) + 1, place.country)
            first, last, email = address["firstName"], address["lastName"], address["email"]
            customer_id = self.rows.add(
                CustomerRow, (email, first, last, False, False, self.store_id, at0, at0)
            )
            info = {"firstName": first, "lastName": last, "email": email}
            self.customers[who] = Shopper(customer_id, place, json.dumps(address), json.dumps(info))
            return self.customers[who], True
        return self.customers[who], False

    def add_lines(self, order: BulkOrder) -> None:
        """One to a few priced sizes, each in a few units; open orders hold their stock."""
        rng, bits, items, place, state = self.rng, self.bits, self.items, order.place, order.state
        low, high = self.spec.lines
        chosen = rng.sample(items, k=min(len(items), low + below(bits, high - low + 1)))
        priced = [(it, price) for it in chosen if (price := self.price(place, it)) is not None]
        if not priced:
            priced = [next((it, p) for it in items if (p := self.price(place, it)) is not None)]
        least, most = self.spec.quantity
        is_open = state in ("pending", "confirmed")
        is_sent = state in ("processing", "shipped")
        holds = state in ("pending", "confirmed", "processing")
        add, held, order_id, tax = self.rows.add, self.held, order.order_id, place.tax
        for item, unit in priced:
            quantity = least + below(bits, most - least + 1)
            allocations = f'{{"{self.warehouse}": {quantity}}}' if is_open and quantity else "{}"
            line_id = add(
                OrderLineRow,
                (order_id, *item, quantity, 0, quantity if is_sent else 0, 0, unit, unit, tax)
                + (None, None, allocations),
            )
            if holds:
                held[item.product_size_id] = held.get(item.product_size_id, 0) + quantity
            order.lines.append((line_id, quantity))
            order.grand_total += unit * quantity

    def add_order(self, order: BulkOrder, shopper: Shopper, on_hold: bool) -> None:
        """The order row itself."""
        place, state = order.place, order.state
        cancellation = "Customer changed their mind" if state == "cancelled" else None
        updated = order.at0 if state == "pending" and not on_hold else order.at1
        self.rows.add(
            OrderRow,
            (order.hash, order.number, self.store_id, "DIRECT_TO_CONSUMER", place.market_id)
            + (place.pricelist_id, None, place.currency, order.status, on_hold, False, None)
            + (False, shopper.customer_id, shopper.info_json, shopper.address_json)
            + (shopper.address_json, place.country, "dummy", "{}", place.shipping_option_id)
            + (order.shipping, 0, place.tax, "[]", "[]", None, None, cancellation)
            + (order.at0, updated),
        )

    def add_authorization(self, order: BulkOrder) -> None:
        """The authorization of the order's grand total when it was placed."""
        add_payment(
            self.rows,
            order.order_id,
            None,
            "AUTHORIZATION",
            order.grand_total,
            psp.reference(self.seed, order.order_id, 0),
            '{"success": true, "isRequest": false}',
            order.at0,
        )

    def add_shipment(self, order: BulkOrder) -> int:
        """The shipment of every line (its lines are written by bulk_derived.py): good to go
        when processing; paid, captured and shipped (by PostNord) when shipped."""
        done = order.state == "shipped"
        number, at1 = order.number, order.at1
        sent = (
            (True, at1, True, at1, at1, None, "PostNord", "MyPack Home", 1)
            + (f"PN{number:08d}SE", f"RPN{number:08d}")
            if done
            else (False, None, False, None, None, None, None, None, 0, None, None)
        )
        shipment_id = self.rows.add(
            ShipmentRow,
            (order.order_id, 1, f"{number}-1", True, *sent, 0, order.shipping, 0, False, at1, at1),
        )
        if done:
            add_payment(
                self.rows,
                order.order_id,
                shipment_id,
                "CAPTURE",
                order.grand_total,
                psp.reference(self.seed, order.order_id, 1),
                '{"success": true, "isRequest": false, "raw": null}',
                at1,
            )
        return shipment_id
