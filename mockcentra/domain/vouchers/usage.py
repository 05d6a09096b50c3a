"""Usage and promotions: one `VoucherUsageRow` per placed order that used a voucher, written in
the payment transaction (`record_usage`); `successfulUsages` counts them. A cancelled order
keeps its usage (gap: Centra's exact rule is not documented). External promotions (seed 002)
are reported redeemed once their order has shipped and been paid.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mockcentra.domain.emails import normalize_email
from mockcentra.domain.orders.totals import payment_balance, shipments_of
from mockcentra.storage.tables import (
    OrderRow,
    VoucherRow,
    VoucherUsageRow,
)
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import PendingEvent, UnitOfWork

# ---------------------------------------------------------------- usage and promotions


def record_usage(uow: UnitOfWork, order: OrderRow, voucher_ids: Iterable[int], email: str) -> None:
    """Count one usage per voucher for a placed order (inside the payment transaction)."""
    now = uow.clock.now()
    for voucher_id in sorted(set(voucher_ids)):
        uow.session.add(
            VoucherUsageRow(
                voucher_id=voucher_id,
                order_id=key(order),
                customer_id=order.customer_id,
                email=normalize_email(email),
                created_at=now,
            )
        )
    uow.session.flush()


def promotion_entries(given: Iterable[str], vouchers: Iterable[VoucherRow]) -> list[dict[str, Any]]:
    """The external promotions an order carries: ids sent at payment, then the vouchers' ids."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for promotion in given:
        if promotion not in seen:
            seen.add(promotion)
            out.append({"id": promotion, "voucherId": None, "redeemedAt": None})
    for v in vouchers:
        if v.external_id and v.external_id not in seen:
            seen.add(v.external_id)
            out.append({"id": v.external_id, "voucherId": v.id, "redeemedAt": None})
    return out


def _payment_succeeded(uow: UnitOfWork, order: OrderRow) -> bool:
    if payment_balance(uow.session, key(order)).captured > 0:
        return True
    shipments = shipments_of(uow.session, key(order))
    return bool(shipments) and all(s.is_paid for s in shipments)


def promotions_redeemed(uow: UnitOfWork, order: OrderRow) -> list[str]:
    """Report the order's external promotions as redeemed, once, when it is shipped and paid.

    Call it when the order becomes SHIPPED. Emits `Promotion COMPLETED <promotion id>` with the
    order number per promotion not yet redeemed; returns the ids reported.
    """
    if order.status != "SHIPPED" or not order.external_promotions:
        return []
    if not _payment_succeeded(uow, order):
        return []
    now = uow.clock.now()
    reported: list[str] = []
    entries = []
    for entry in order.external_promotions:
        entry = dict(entry) if isinstance(entry, dict) else {"id": str(entry), "voucherId": None}
        if not entry.get("redeemedAt"):
            entry["redeemedAt"] = now.isoformat()
            reported.append(entry["id"])
            uow.emit(
                PendingEvent(
                    "Promotion",
                    "COMPLETED",
                    str(entry["id"]),
                    store_id=order.store_id,
                    market_id=order.market_id,
                    data={
                        "order": order.number,
                        "orderId": order.hash,
                        "customerId": order.customer_id,
                        "email": (order.customer_info or {}).get("email"),
                        "voucherId": entry.get("voucherId"),
                    },
                )
            )
        entries.append(entry)
    order.external_promotions = entries
    uow.session.add(order)
    return reported
