"""Every (from, to) pair of the order, shipment and return state machines, through each one's
`move` function: the allowed moves are written out here (the specification), so a change to a
TRANSITIONS table fails until this file agrees. A refused move raises NOT_ALLOWED with its exact
message and leaves the status as it was.

The moves the APIs can make are tried through GraphQL in tests/graphql/test_state_moves.py.
"""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import product
from types import SimpleNamespace

import pytest

from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.orders import status as orders
from mockcentra.domain.returns import status as returns
from mockcentra.domain.shipments import status as shipments

P, CF, PR, SH, AR, CA = (
    "PENDING",
    "CONFIRMED",
    "PROCESSING",
    "SHIPPED",
    "ARCHIVED",
    "CANCELLED",
)
ORDER_MOVES = {
    (P, CF),  # confirmOrder
    (P, CA),  # cancelOrder
    (CF, PR),  # the first shipment
    (CF, SH),  # allowed; createShipment with shippedAt passes through PROCESSING
    (CF, CA),
    (PR, SH),  # the last shipment completed
    (PR, CF),  # the only shipment deleted
    (PR, CA),  # unshipped shipments are dropped
    (SH, AR),  # allowed; no API archives an order
    (SH, PR),  # allowed; no API reopens a completed order
}


@pytest.mark.parametrize(("start", "to"), list(product(list(orders.OrderStatus), repeat=2)))
def test_order_moves(start: orders.OrderStatus, to: orders.OrderStatus) -> None:
    order = SimpleNamespace(number=42, status=start.value)

    if (start, to) in ORDER_MOVES or start == to:
        orders.move(order, to)
        assert order.status == to.value
    else:
        with pytest.raises(DomainError) as refused:
            orders.move(order, to)
        assert refused.value.code == ErrorCode.NOT_ALLOWED
        assert refused.value.message == f'Order 42 is "{start}" and cannot become "{to}".'
        assert order.status == start.value


def test_order_table_lists_every_status() -> None:
    assert set(orders.TRANSITIONS) == set(orders.OrderStatus)


IP, GG, CO = "inprogress", "goodtogo", "completed"
SHIPMENT_MOVES = {(IP, GG), (GG, IP), (GG, CO)}
NO_CHANGE = {(IP, IP), (GG, GG)}
SHIPPED = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def shipment_in(status: shipments.ShipmentStatus) -> SimpleNamespace:
    return SimpleNamespace(
        number="42-1",
        is_good_to_go=status != shipments.ShipmentStatus.IN_PROGRESS,
        shipped_at=SHIPPED if status == shipments.ShipmentStatus.COMPLETED else None,
    )


@pytest.mark.parametrize(("start", "to"), list(product(list(shipments.ShipmentStatus), repeat=2)))
def test_shipment_moves(start: shipments.ShipmentStatus, to: shipments.ShipmentStatus) -> None:
    shipment = shipment_in(start)
    before = dict(vars(shipment))
    at = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)

    if (start, to) in SHIPMENT_MOVES | NO_CHANGE:
        shipments.move(shipment, to, at=at)
        assert shipments.status_of(shipment) == to
        assert shipment.shipped_at == (at if start != to and to == CO else before["shipped_at"])
    else:
        with pytest.raises(DomainError) as refused:
            shipments.move(shipment, to, at=at, path=["id"])
        assert refused.value.code == ErrorCode.NOT_ALLOWED
        word = "already shipped" if start == CO else "not good to go"
        assert (refused.value.message, refused.value.path) == (f"Shipment 42-1 is {word}.", ["id"])
        assert vars(shipment) == before


def test_shipment_status_comes_from_its_flags() -> None:
    assert [shipments.status_of(shipment_in(s)) for s in shipments.ShipmentStatus] == [IP, GG, CO]
    assert set(shipments.TRANSITIONS) == set(shipments.ShipmentStatus)


RETURN_MOVES = {("PENDING", "COMPLETED"), ("COMPLETED", "PENDING")}


@pytest.mark.parametrize(("start", "to"), list(product(list(returns.ReturnStatus), repeat=2)))
def test_return_moves(start: returns.ReturnStatus, to: returns.ReturnStatus) -> None:
    ret = SimpleNamespace(id=7, status=start.value)

    if (start, to) in RETURN_MOVES:
        returns.move(ret, to)
        assert ret.status == to.value
    else:
        with pytest.raises(DomainError) as refused:
            returns.move(ret, to)
        assert refused.value.code == ErrorCode.NOT_ALLOWED
        word = "completed" if to == "COMPLETED" else "not completed"
        assert refused.value.message == f"Return 7 is already {word}."
        assert ret.status == start.value
