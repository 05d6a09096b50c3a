"""Writing bulk orders one after another (`BulkOrderWriter`), each with its customer, lines,
payments, shipment and events, from seeded generators (mockcentra/seeding/bulk.py drives it)."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from itertools import accumulate
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlmodel import Session

from mockcentra.domain.money import ZERO, round_money, times
from mockcentra.domain.payments import psp
from mockcentra.domain.pricing.prices import pick_price, pricelist_prices
from mockcentra.domain.stock.allocation import warehouses_for_market
from mockcentra.runtime.ids import order_hash
from mockcentra.seeding.bulk_rows import (
    BulkRows,
    add_event,
    add_payment,
    cents,
    order_data,
    stamp,
)
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
    ShipmentLineRow,
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
    lines: list[tuple[int, Item, int, Decimal]] = field(default_factory=list)
    grand_total: int = 0


class BulkOrderWriter:
    """Writes one order after another, drawing every choice from the seeded generators in a
    fixed order (so the same seed gives the same orders): shopper, lines, order row, payment
    and events, then the shipment of a processing or shipped order."""

    def __init__(self, session: Session, seed: int, spec: BulkSpec, store_id: int) -> None:
        conn = session.connection()
        self.seed, self.spec, self.store_id = seed, spec, store_id
        fake = shared_faker()
        fake.seed_instance(seed + 7919)
        self.rng = random.Random(seed)
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
        self.prices: dict[tuple[int, int], tuple[Decimal, int] | None] = {}
        # each pricelist's rows are read once (not one statement per variant and pricelist)
        pricelists = {p.pricelist_id for p in self.places}
        self.by_pricelist = {pid: pricelist_prices(session, pid) for pid in pricelists}
        self.warehouse = warehouses_for_market(session, self.places[0].market_id)[0]
        self.held: dict[int, int] = {}  # product size -> units open orders hold
        self.rows = BulkRows(conn)
        self.first_number = (conn.execute(select(func.max(OrderRow.number))).scalar() or 0) + 1
        self.customer_count = max(1, int(spec.count * spec.customers_per_order))
        self.customers: dict[int, Shopper] = {}
        self.start = END - timedelta(days=spec.days)
        self.step = timedelta(days=spec.days) / max(1, spec.count)
        weighted = {s: w for s, w in spec.states.items() if w > 0}
        self.state_names = list(weighted)
        self.state_weights = list(accumulate(weighted.values()))

    def price(self, place: Place, item: Item) -> tuple[Decimal, int] | None:
        """The item's price in the place's price list and in cents (None: not sold there),
        read once."""
        key = (place.pricelist_id, item.variant_id)
        if key not in self.prices:
            rows = self.by_pricelist[place.pricelist_id].get(item.product_id, ())
            found = pick_price(rows, item.variant_id)
            unit = None if found is None else round_money(found.price)
            self.prices[key] = None if unit is None else (unit, cents(unit))
        return self.prices[key]

    def write(self, i: int) -> None:
        """The `i`th order with everything that belongs to it."""
        rng = self.rng
        placed = self.start + self.step * i + timedelta(seconds=rng.randint(0, 59))
        placed = placed.replace(microsecond=0)
        state = rng.choices(self.state_names, cum_weights=self.state_weights)[0]
        later = placed + timedelta(hours=rng.randint(2, 48))
        at0 = stamp(placed)
        shopper = self.shopper(i, at0)
        number = self.first_number + i
        order = BulkOrder(
            number=number,
            order_id=self.rows.next_id[OrderRow],
            hash=order_hash(self.seed, number),
            state=state,
            status=STATUS[state],
            place=shopper.place,
            at0=at0,
            at1=stamp(later),
            shipping=self.shipping[shopper.place.country],
        )
        self.add_lines(order)
        # the same arithmetic as order_totals: tax-inclusive line values plus shipping
        items_total = sum((times(u, q) for _, _, q, u in order.lines), ZERO)
        order.grand_total = cents(items_total + order.place.shipping)
        on_hold = state in ("pending", "confirmed") and self.holds.random() < self.spec.on_hold
        self.add_order(order, shopper, on_hold)
        self.add_placing(order, on_hold)
        if state in ("processing", "shipped"):
            self.add_shipment(order)

    def shopper(self, i: int, at0: str) -> Shopper:
        """A new customer for the first orders, then more and more repeat ones."""
        rng = self.rng
        who = rng.randrange(self.customer_count) if i >= self.customer_count // 2 else i
        if who not in self.customers:
            place = rng.choices(self.places, cum_weights=self.place_weights)[0]
            address = self.people.person(len(self.customers) + 1, place.country)
            customer_id = self.rows.add(
                CustomerRow,
                email=address["email"],
                first_name=address["firstName"],
                last_name=address["lastName"],
                registered=False,
                newsletter=False,
                store_id=self.store_id,
                created_at=at0,
                updated_at=at0,
            )
            info = {
                "firstName": address["firstName"],
                "lastName": address["lastName"],
                "email": address["email"],
            }
            self.customers[who] = Shopper(customer_id, place, json.dumps(address), json.dumps(info))
            add_event(
                self.rows,
                "Customer",
                "CREATED",
                str(customer_id),
                at0,
                "{}",
                ["CustomerCreated"],
                market_id=None,
            )
        return self.customers[who]

    def add_lines(self, order: BulkOrder) -> None:
        """One to a few priced sizes, each in a few units; open orders hold their stock."""
        rng, items, place, state = self.rng, self.items, order.place, order.state
        chosen = rng.sample(items, k=min(len(items), rng.randint(*self.spec.lines)))
        priced = [(it, price) for it in chosen if (price := self.price(place, it)) is not None]
        if not priced:
            priced = [next((it, p) for it in items if (p := self.price(place, it)) is not None)]
        for item, (unit, unit_cents) in priced:
            quantity = rng.randint(*self.spec.quantity)
            open_units = quantity if state in ("pending", "confirmed") else 0
            shipped = quantity if state in ("processing", "shipped") else 0
            line_id = self.rows.add(
                OrderLineRow,
                order_id=order.order_id,
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
                unit_price=unit_cents,
                unit_original_price=unit_cents,
                tax_percent_hundredths=place.tax,
                comment=None,
                delivery_window_id=None,
                allocations=f'{{"{self.warehouse}": {open_units}}}' if open_units else "{}",
            )
            if state in ("pending", "confirmed", "processing"):
                held = self.held
                held[item.product_size_id] = held.get(item.product_size_id, 0) + quantity
            order.lines.append((line_id, item, quantity, unit))

    def add_order(self, order: BulkOrder, shopper: Shopper, on_hold: bool) -> None:
        """The order row itself."""
        place, state = order.place, order.state
        self.rows.add(
            OrderRow,
            hash=order.hash,
            number=order.number,
            store_id=self.store_id,
            store_type="DIRECT_TO_CONSUMER",
            market_id=place.market_id,
            pricelist_id=place.pricelist_id,
            allocation_rule_id=None,
            currency_code=place.currency,
            status=order.status,
            is_on_hold=on_hold,
            is_locked=False,
            locked_by=None,
            is_internal=False,
            customer_id=shopper.customer_id,
            customer_info=shopper.info_json,
            shipping_address=shopper.address_json,
            billing_address=shopper.address_json,
            country_code=place.country,
            payment_method="dummy",
            payment_outcome="{}",
            shipping_option_id=place.shipping_option_id,
            shipping_value=order.shipping,
            handling_value=0,
            tax_percent_hundredths=place.tax,
            vouchers="[]",
            external_promotions="[]",
            internal_comment=None,
            other_comment=None,
            cancellation_comment="Customer changed their mind" if state == "cancelled" else None,
            created_at=order.at0,
            updated_at=order.at0 if state == "pending" and not on_hold else order.at1,
        )

    def add_placing(self, order: BulkOrder, on_hold: bool) -> None:
        """The authorization, the CREATED event and the UPDATED events of what followed
        (cancelled, confirmed, put on hold), in the order they happened."""
        rows, number, hash_, place = self.rows, order.number, order.hash, order.place
        add_payment(
            rows,
            order.order_id,
            None,
            "AUTHORIZATION",
            order.grand_total,
            psp.reference(self.seed, order.order_id, 0),
            '{"success": true, "isRequest": false}',
            order.at0,
        )
        created = order_data(number, "PENDING")
        add_event(
            rows, "Order", "CREATED", hash_, order.at0, created, ["OrderPlaced"], place.market_id
        )
        updates: list[tuple[str, list[str]]] = []  # the order's UPDATED events, in order
        if order.state == "cancelled":
            updates.append(("CANCELLED", ["OrderCancelled"]))
        if order.state in ("confirmed", "processing", "shipped"):
            updates.append(("CONFIRMED", ["OrderConfirmed"]))
        if on_hold:  # put on hold after placing (and confirming), as updateOrder does
            updates.append((order.status, []))
        for new_status, triggers in updates:
            data = order_data(number, new_status)
            add_event(rows, "Order", "UPDATED", hash_, order.at1, data, triggers, place.market_id)

    def add_shipment(self, order: BulkOrder) -> None:
        """The shipment of every line: good to go when processing; paid, captured and shipped
        (by PostNord) when shipped."""
        done = order.state == "shipped"
        number, at1 = order.number, order.at1
        shipment_id = self.rows.add(
            ShipmentRow,
            order_id=order.order_id,
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
            internal_shipping_cost=0,
            shipping_value=order.shipping,
            handling_value=0,
            send_email=False,
            created_at=at1,
            updated_at=at1,
        )
        for line_id, _, quantity, _ in order.lines:
            self.rows.add(
                ShipmentLineRow,
                shipment_id=shipment_id,
                order_line_id=line_id,
                quantity=quantity,
                returned_quantity=0,
                allocations=f'{{"{self.warehouse}": {quantity}}}',
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
        self.add_shipment_events(order, shipment_id)

    def add_shipment_events(self, order: BulkOrder, shipment_id: int) -> None:
        """Shipment CREATED and the order PROCESSING; when shipped, both COMPLETED."""
        rows, number, hash_, at1 = self.rows, order.number, order.hash, order.at1
        market_id, done = order.place.market_id, order.state == "shipped"
        # json.dumps of {number, order, isGoodToGo, isPaid, isShipped}, spelled out
        flag = "true" if done else "false"
        facts = (
            f'{{"number": "{number}-1", "order": {number}, "isGoodToGo": true, '
            f'"isPaid": {flag}, "isShipped": {flag}}}'
        )
        shipment = str(shipment_id)
        add_event(
            rows, "Shipment", "CREATED", shipment, at1, facts, ["ShipmentGoodToGo"], market_id
        )
        processing = order_data(number, "PROCESSING")
        add_event(rows, "Order", "UPDATED", hash_, at1, processing, [], market_id)
        if done:
            add_event(
                rows, "Shipment", "COMPLETED", shipment, at1, facts, ["OrderShipped"], market_id
            )
            shipped = order_data(number, "SHIPPED")
            add_event(
                rows, "Order", "COMPLETED", hash_, at1, shipped, ["OrderCompleted"], market_id
            )
