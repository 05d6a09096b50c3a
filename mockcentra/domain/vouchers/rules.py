"""Pure guards on vouchers: may this voucher be used here, now, by this shopper?"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime
from typing import Any

from mockcentra.domain.vouchers.status import VoucherStatus

NOT_FOUND = "voucher not found"
NOT_STARTED = "voucher is not valid yet"
EXPIRED = "voucher has expired"
WRONG_MARKET = "voucher is not valid in this market"
USED_UP = "voucher has been used the maximum number of times"
USED_BY_CUSTOMER = "voucher has already been used by this customer"
NOT_COMBINABLE = "voucher cannot be combined with other vouchers"
ALREADY_APPLIED = "voucher is already applied"
NOT_APPLICABLE = "voucher conditions are not met"


def is_active(voucher: Any) -> bool:
    return voucher.status == VoucherStatus.ACTIVE


def is_used_up(voucher: Any, used: int) -> bool:
    """`maxUsages` 0 is unlimited; otherwise the voucher runs out at that many orders."""
    return voucher.max_usages > 0 and used >= voucher.max_usages


def refusal(
    voucher: Any,
    *,
    now: datetime,
    market_id: int,
    market_ids: Collection[int],
    used: int,
    used_by_customer: bool = False,
    once_per_customer: bool = False,
) -> str | None:
    """Why the voucher may not be used (None when it may), checked in this order.

    `used_by_customer`: the shopper's email is on an earlier order with this voucher; that
    refuses it when `reuse` is false or an action has a ONCE_PER_CUSTOMER criterion.
    """
    if not is_active(voucher):
        return NOT_FOUND
    if now < voucher.start_at:
        return NOT_STARTED
    if now > voucher.stop_at:
        return EXPIRED
    if market_id not in market_ids:
        return WRONG_MARKET
    if is_used_up(voucher, used):
        return USED_UP
    if used_by_customer and (not voucher.reuse or once_per_customer):
        return USED_BY_CUSTOMER
    return None


def combinable(new: Any, applied: Iterable[Any]) -> bool:
    """A voucher that cannot be combined is only ever applied alone (either side may say so)."""
    others = list(applied)
    if not others:
        return True
    return bool(new.combine_with_other_vouchers) and all(
        o.combine_with_other_vouchers for o in others
    )
