"""What a wholesale order shows of its buyer, account and delivery windows: the rows that
`WholesaleOrder`'s fields resolve to (as wholesale types, declared lazily there)."""

from __future__ import annotations

from typing import Any

from strawberry.types import Info

from mockcentra.domain.wholesale import queries
from mockcentra.storage.tables import AccountRow, BuyerRow, DeliveryWindowRow


def _info_of(info: Info, order: Any) -> Any:
    key = ("wholesale-order", order.id)
    cache = info.context.cache
    if key not in cache:
        cache[key] = queries.wholesale_info(info.context.session, [order.id]).get(order.id)
    return cache[key]


def order_buyer(info: Info, order: Any) -> BuyerRow | None:
    row = _info_of(info, order)
    return (
        None
        if row is None or row.buyer_id is None
        else info.context.session.get(BuyerRow, row.buyer_id)
    )


def order_account(info: Info, order: Any) -> AccountRow | None:
    row = _info_of(info, order)
    return (
        None
        if row is None or row.account_id is None
        else info.context.session.get(AccountRow, row.account_id)
    )


def order_windows(info: Info, order: Any) -> list[DeliveryWindowRow]:
    return queries.windows_of_orders(info.context.session, [order.id]).get(order.id, [])
