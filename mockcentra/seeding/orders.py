"""Orders for scenarios, built through the real checkout and order actions.

Each order is placed by a seeded fake shopper and then taken to its named state; the seeding
clock is frozen at a fixed epoch and moves a few minutes per order, so one seed gives one result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import text

from mockcentra.domain.checkout import actions as checkout
from mockcentra.domain.checkout import payment
from mockcentra.domain.checkout.codes import apply_code
from mockcentra.domain.ordering import actions as orders
from mockcentra.domain.returns import actions as returns
from mockcentra.domain.returns.status import ReturnStockPolicy
from mockcentra.domain.shipments import actions as shipments
from mockcentra.domain.shipments.actions import ShipLine
from mockcentra.domain.shipments.queries import shipment_lines
from mockcentra.runtime.clock import Clock
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import UnitOfWork

EPOCH = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
COUNTRIES = ("SE", "SE", "DE", "FI", "NL", "US", "GB", "DK")

_ITEMS = text(
    """
    SELECT d.id || '-' || ps.id AS item, SUM(s.physical - s.allocated) AS free
    FROM display d
    JOIN display_variant dv ON dv.display_id = d.id
    JOIN product_size ps ON ps.variant_id = dv.variant_id
    JOIN stock s ON s.product_size_id = ps.id
    WHERE d.store_id = 1 AND d.status = 'ACTIVE'
    GROUP BY d.id, ps.id HAVING free >= :need ORDER BY d.id, ps.id
    """
)


class Ref:
    """An order reference as the domain actions take it."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.id = None


def _shopper(fake: Any, country: str) -> dict[str, Any]:
    first, last = fake.first_name(), fake.last_name()
    return {
        "email": f"{first}.{last}.{fake.random_int(1, 9999)}@example.com".lower(),
        "firstName": first,
        "lastName": last,
        "address1": fake.street_address(),
        "city": fake.city(),
        "zipCode": fake.postcode(),
        "country": country,
        "phoneNumber": fake.phone_number(),
    }


def _place(
    uow: UnitOfWork, fake: Any, *, lines: int, quantity: int, voucher: str | None = None
) -> Any:
    country = COUNTRIES[fake.random_int(0, len(COUNTRIES) - 1)]
    sel = checkout.start_selection(uow, 1, country)
    items = [row[0] for row in uow.session.execute(_ITEMS, {"need": quantity + 1})]
    if not items:
        raise RuntimeError("The catalogue has no stock left for more scenario orders.")
    for _ in range(lines):
        checkout.add_item(uow, sel, items[fake.random_int(0, len(items) - 1)], quantity)
    if voucher:
        apply_code(uow, sel, voucher)
    order, _ = payment.pay(
        uow,
        sel,
        address=_shopper(fake, country),
        shipping_address=None,
        payment_method="dummy",
        outcome={},
    )
    return order


def _ship_all(
    uow: UnitOfWork, order: Any, *, capture: bool = True, complete: bool = True, part: bool = False
) -> Any:
    lines = orders.lines_of(uow.session, key(order))
    wanted = [ShipLine(key(ln), max(1, ln.quantity // 2) if part else ln.quantity) for ln in lines]
    shipment, _ = shipments.create_shipment(
        uow,
        Ref(order.number),
        wanted[:1] if part else wanted,
        is_good_to_go=True,
        capture_now=capture,
    )
    if complete:
        shipments.complete_shipment(
            uow,
            key(shipment),
            shipped_at=None,
            info=shipments.ShipmentInfo(
                carrier="PostNord",
                service="MyPack Home",
                packages=1,
                tracking_number=f"PN{order.number:08d}SE",
                return_tracking_number=f"RPN{order.number:08d}",
            ),
        )
    return shipment


def _return(uow: UnitOfWork, shipment: Any, *, complete: bool, refund: bool) -> None:
    line = shipment_lines(uow.session, key(shipment))[0]
    ret = returns.create_return(
        uow,
        key(shipment),
        [returns.ReturnLine(key(line), 1)],
        policy=ReturnStockPolicy.RELEASE_BACK_TO_WAREHOUSE,
        comment="Did not fit",
    )
    if complete:
        returns.complete_return(uow, key(ret))
    if refund:
        returns.refund_return(uow, key(ret))


def _confirm(uow: UnitOfWork, order: Any) -> None:
    orders.confirm_order(uow, Ref(order.number))


def _keep_pending(uow: UnitOfWork, order: Any) -> None:
    """A pending order is one that was only placed."""


def _process(uow: UnitOfWork, order: Any) -> None:
    _confirm(uow, order)
    _ship_all(uow, order, capture=False, complete=False)


def _ship_part(uow: UnitOfWork, order: Any) -> None:
    _confirm(uow, order)
    _ship_all(uow, order, part=True)


def _ship(uow: UnitOfWork, order: Any) -> None:
    _confirm(uow, order)
    _ship_all(uow, order)


def _cancel(uow: UnitOfWork, order: Any) -> None:
    orders.cancel_order(uow, order, comment="Customer changed their mind")


def _hold(uow: UnitOfWork, order: Any) -> None:
    orders.update_order(uow, Ref(order.number), orders.OrderUpdate(is_on_hold=True), dtc=True)


def _returned(*, complete: bool, refund: bool) -> Callable[[UnitOfWork, Any], None]:
    def reach(uow: UnitOfWork, order: Any) -> None:
        _confirm(uow, order)
        _return(uow, _ship_all(uow, order), complete=complete, refund=refund)

    return reach


STATES: dict[str, Callable[[UnitOfWork, Any], None]] = {
    "pending": _keep_pending,
    "confirmed": _confirm,
    "processing": _process,
    "partially_shipped": _ship_part,
    "shipped": _ship,
    "cancelled": _cancel,
    "on_hold": _hold,
    "return_pending": _returned(complete=False, refund=False),
    "return_completed": _returned(complete=True, refund=False),
    "refunded": _returned(complete=True, refund=True),
}


def build_orders(
    uow: UnitOfWork,
    fake: Any,
    specs: Iterable[dict[str, Any]],
    clock: Clock,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Place and progress orders as the specs say: [{state, count, lines?, quantity?, voucher?}]."""
    made = 0
    for spec in specs:
        state = spec["state"]
        if state not in STATES:
            raise ValueError(f"Unknown order state '{state}'. Known: {', '.join(STATES)}.")
        for _ in range(int(spec.get("count", 1))):
            clock.freeze(EPOCH + timedelta(minutes=37 * made))
            order = _place(
                uow,
                fake,
                lines=int(spec.get("lines", 2)),
                quantity=int(spec.get("quantity", 2)),
                voucher=spec.get("voucher"),
            )
            clock.advance(timedelta(hours=20))
            STATES[state](uow, order)
            uow.session.flush()
            made += 1
            if progress:
                progress(made)
    return made
