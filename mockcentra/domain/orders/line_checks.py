"""The checks every request that names order or shipment lines runs, in one place.

Shipments name order lines, returns name shipment lines, allocations and cancellations name
order lines; each line named must belong to the order (or shipment), be named once, ask for at
least one unit, and ask for no more than is left of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from mockcentra.domain.errors import DomainError, ErrorCode, invalid

Path = Sequence[str | int]
Line = TypeVar("Line")
Asked = TypeVar("Asked")

AT_LEAST_ONE = "Quantity must be at least 1."


def asked_lines(
    asked: Iterable[Asked],
    owned: Mapping[Any, Line],
    *,
    line_of: Callable[[Asked], Any],
    quantity_of: Callable[[Asked], int],
    noun: str,
    owner: str,
    path: Path,
    field: str,
    once: bool = True,
    at_least_one: str = AT_LEAST_ONE,
) -> Iterator[tuple[Line, Asked, list[str | int]]]:
    """Each asked entry with its line and input path, checked as it comes (so a caller that
    acts on each in turn reports the first problem in input order).

    `noun` is "Order line" or "Shipment line", `owner` what they must belong to ("order 12"),
    `field` the entry's key naming the line; `once` refuses a line named twice.
    """
    seen: set[Any] = set()
    for i, entry in enumerate(asked):
        here: list[str | int] = [*path, i]
        wanted = line_of(entry)
        line = owned.get(wanted)
        if line is None:
            raise DomainError(
                ErrorCode.NOT_FOUND, f"{noun} {wanted} does not belong to {owner}.", [*here, field]
            )
        if once:
            if wanted in seen:
                raise invalid(f"{noun} {wanted} is listed twice.", [*here, field])
            seen.add(wanted)
        if quantity_of(entry) < 1:
            raise invalid(at_least_one, [*here, "quantity"])
        yield line, entry, here


def at_most_left(
    quantity: int, left: int, *, action: str, noun: str, line_id: Any, left_as: str, path: Path
) -> None:
    """Refuse asking for more units of a line than are left: "Cannot ship 3 of order line 7:
    only 2 left to ship." (`action` "ship", `noun` "order line", `left_as` "left to ship")."""
    if quantity > left:
        raise invalid(
            f"Cannot {action} {quantity} of {noun} {line_id}: only {left} {left_as}.",
            [*path, "quantity"],
        )
