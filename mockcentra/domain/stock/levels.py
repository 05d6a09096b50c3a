"""Reading stock levels. Physical = free to allocate + allocated (GraphQL ignores thresholds)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import select

from mockcentra.storage.tables import StockRow


@dataclass(frozen=True)
class StockTotals:
    """Stock of one product size summed over warehouses, named as Centra's `stockTotals`."""

    physical: int
    allocated: int
    demand: int = 0

    @property
    def free_to_allocate(self) -> int:
        return self.physical - self.allocated

    @property
    def available(self) -> int:
        """Available now: free to allocate minus demand (no incoming stock is modelled)."""
        return self.free_to_allocate - self.demand


def totals_for_size(session, product_size_id: int, demand: int = 0) -> StockTotals:
    physical, allocated = session.exec(
        select(
            func.coalesce(func.sum(StockRow.physical), 0),
            func.coalesce(func.sum(StockRow.allocated), 0),
        ).where(StockRow.product_size_id == product_size_id)
    ).one()
    return StockTotals(physical=int(physical), allocated=int(allocated), demand=demand)
