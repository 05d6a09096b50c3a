"""Whether the market's warehouses cover a selection at payment: the free units of each size,
the lines they cannot cover (earlier lines served first), and what the refusal records (the
unavailable units taken out of the selection) and explains."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, func
from sqlmodel import select

from mockcentra.domain.errors import Explain
from mockcentra.domain.stock.explain import stock_levels
from mockcentra.storage.tables import SelectionLineRow, StockRow
from mockcentra.storage.tables.base import built_once, key
from mockcentra.storage.uow import UnitOfWork

if TYPE_CHECKING:  # the selection's priced lines; actions.py builds them and calls in here
    from mockcentra.domain.checkout.summary import PricedLine, Summary


@dataclass(frozen=True)
class Unavailable:
    item: str
    product: int
    original_quantity: int
    unavailable: int
    available: int


def free_units(uow: UnitOfWork, lines: list[PricedLine], warehouses: list[int]) -> dict[int, int]:
    """Free units of each size the lines hold, across the warehouses."""
    wanted: dict[int, int] = {}
    for line in lines:
        wanted[key(line.size)] = wanted.get(key(line.size), 0) + line.row.quantity
    left: dict[int, int] = {}
    for size_id in wanted:
        free = uow.session.exec(
            _free_in_warehouses(), params={"size": size_id, "warehouses": warehouses}
        ).one()
        left[size_id] = max(0, int(free))
    return left


def _free_in_warehouses() -> Any:
    """The free units of a size (`size`) across warehouses (`warehouses`, a list of ids),
    built once."""
    return built_once(
        ("free units of a size in warehouses",),
        lambda: select(func.coalesce(func.sum(StockRow.physical - StockRow.allocated), 0)).where(
            StockRow.product_size_id == bindparam("size"),
            StockRow.warehouse_id.in_(bindparam("warehouses", expanding=True)),
        ),
    )


def shortfalls(lines: list[PricedLine], left: dict[int, int]) -> list[Unavailable]:
    """The lines free stock cannot cover, earlier lines served first."""
    missing: list[Unavailable] = []
    for line in lines:
        available = min(left[key(line.size)], line.row.quantity)
        left[key(line.size)] -= available
        if available < line.row.quantity:
            missing.append(
                Unavailable(
                    line.item,
                    key(line.product),
                    line.row.quantity,
                    line.row.quantity - available,
                    available,
                )
            )
    return missing


def removal_of(uow: UnitOfWork, summary: Summary, missing: list[Unavailable]) -> Callable[[], None]:
    """What the refusal records: the unavailable units taken out of the selection's lines."""
    sel_id = summary.selection.id
    cuts = {
        line.row.id: line.row.quantity - m.unavailable
        for line, m in ((ln, m) for ln in summary.lines for m in missing if m.item == ln.item)
    }

    def remove_unavailable() -> None:
        for line_id, keep in cuts.items():
            row = uow.session.get(SelectionLineRow, line_id)
            if row is None or row.selection_id != sel_id:
                continue
            if keep <= 0:
                uow.session.delete(row)
            else:
                row.quantity = keep
                uow.session.add(row)
        uow.session.flush()

    return remove_unavailable


def stock_explain(
    uow: UnitOfWork, summary: Summary, missing: list[Unavailable], warehouses: list[int]
) -> Explain:
    """Why: each unavailable item's ordered and available units, with the stock levels."""
    return Explain(
        "stock.free_to_allocate",
        {
            "items": [
                {"item": m.item, "ordered": m.original_quantity, "available": m.available}
                for m in missing
            ]
        },
        [
            level
            for size_id in dict.fromkeys(
                key(ln.size) for ln in summary.lines for m in missing if m.item == ln.item
            )
            for level in stock_levels(uow.session, size_id, warehouses)
        ],
    )
