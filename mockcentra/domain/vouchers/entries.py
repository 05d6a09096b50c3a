"""The order's record of its vouchers (`order.vouchers`): one typed entry per voucher.

Every API reads an order's vouchers through `read` and every writer stores them through
`write`, so the stored JSON has one shape. Amounts are text in storage, exact to the cent:
`value` (items and shipping), `itemsValue`, `shippingValue`, and `lines` (item id -> amount
off that line). An entry stored as a bare code (older data) reads as that code, worth nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from mockcentra.domain.money import ZERO
from mockcentra.domain.vouchers.status import VoucherMethod
from mockcentra.storage.tables import VoucherRow

#: What the Order API's `voucherValue` (an amount given without a voucher) is recorded as.
VOUCHER_VALUE_LABEL = "voucherValue"


@dataclass(frozen=True)
class VoucherEntry:
    """One voucher that applied to an order (or, all zero, one that was on its selection)."""

    #: What identifies it to the shopper: the code or URL they used, or a label.
    voucher: str
    name: str
    currency: str | None = None
    items_value: Decimal = ZERO
    shipping_value: Decimal = ZERO
    #: Item id (`<display>-<size>`) -> amount taken off that line.
    lines: dict[str, Decimal] = field(default_factory=dict)
    #: None for an amount given without a voucher (the Order API's `voucherValue`).
    voucher_id: int | None = None
    code: str | None = None
    url: str | None = None
    method: str | None = None
    type: str = "DISCOUNT"
    automatic: bool = False
    free_shipping_for: list[int] | None = None
    expiry: datetime | None = None
    external_id: str | None = None

    @property
    def value(self) -> Decimal:
        """What it took off in all: items and shipping."""
        return self.items_value + self.shipping_value

    @property
    def label(self) -> str:
        """The code when it has one, else what the shopper gave (a URL, or a label)."""
        return self.code or self.voucher

    def to_json(self) -> dict[str, Any]:
        return {
            "voucherId": self.voucher_id,
            "voucher": self.voucher,
            "code": self.code,
            "url": self.url,
            "name": self.name,
            "method": self.method,
            "type": self.type,
            "automatic": self.automatic,
            "value": str(self.value),
            "itemsValue": str(self.items_value),
            "shippingValue": str(self.shipping_value),
            "freeShippingFor": self.free_shipping_for,
            "lines": {k: str(v) for k, v in self.lines.items()},
            "currency": self.currency,
            "expiryDate": self.expiry.isoformat() if self.expiry else None,
            "externalId": self.external_id,
        }

    @classmethod
    def from_json(cls, raw: Any) -> VoucherEntry | None:
        """The entry `to_json` stored; a bare code reads as that code, worth nothing."""
        if isinstance(raw, str | int) and not isinstance(raw, bool):
            text = str(raw)
            return cls(voucher=text, name=text, code=text) if text else None
        if not isinstance(raw, dict):
            return None
        voucher = str(raw.get("voucher") or raw.get("code") or "")
        if not voucher:
            return None
        items = _amount(raw.get("itemsValue", raw.get("value", raw.get("priceOff"))))
        shipping = _amount(raw.get("shippingValue")) if "itemsValue" in raw else ZERO
        expiry = raw.get("expiryDate")
        return cls(
            voucher=voucher,
            name=str(raw.get("name") or raw.get("code") or voucher),
            currency=raw.get("currency"),
            items_value=items,
            shipping_value=shipping,
            lines={str(k): _amount(v) for k, v in (raw.get("lines") or {}).items()},
            voucher_id=raw.get("voucherId"),
            code=raw.get("code"),
            url=raw.get("url"),
            method=raw.get("method"),
            type=raw.get("type") or "DISCOUNT",
            automatic=bool(raw.get("automatic")),
            free_shipping_for=raw.get("freeShippingFor"),
            expiry=datetime.fromisoformat(expiry) if expiry else None,
            external_id=raw.get("externalId"),
        )


def _amount(raw: Any) -> Decimal:
    try:
        return abs(Decimal(str(raw))) if raw not in (None, "") else ZERO
    except InvalidOperation:
        return ZERO


def read(stored: Iterable[Any] | None) -> list[VoucherEntry]:
    """The entries of an order's stored `vouchers`, in order."""
    entries = (VoucherEntry.from_json(raw) for raw in stored or [])
    return [e for e in entries if e is not None]


def write(entries: Iterable[VoucherEntry]) -> list[dict[str, Any]]:
    """What an order stores for these entries."""
    return [e.to_json() for e in entries]


def codes(stored: Iterable[Any] | None) -> list[str]:
    """The codes of the vouchers used on an order (entries without a code are left out)."""
    return [e.code for e in read(stored) if e.code]


def order_entry(
    *,
    voucher: str,
    name: str,
    currency: str,
    items_value: Decimal = ZERO,
    shipping_value: Decimal = ZERO,
    lines: dict[str, Decimal] | None = None,
    row: VoucherRow | None = None,
    automatic: bool = False,
    free_shipping_for: list[int] | None = None,
) -> VoucherEntry:
    """The order's record of one voucher (`entries.VoucherEntry`); `row` is None for an amount
    given without a voucher (the Order API's `voucherValue`)."""
    return VoucherEntry(
        voucher=voucher,
        name=name,
        currency=currency,
        items_value=items_value,
        shipping_value=shipping_value,
        lines=dict(lines or {}),
        voucher_id=row.id if row else None,
        code=row.code if row and row.method == VoucherMethod.CODE else None,
        url=row.url if row and row.method == VoucherMethod.URL else None,
        method=row.method if row else None,
        type=row.type if row else "DISCOUNT",
        automatic=automatic,
        free_shipping_for=free_shipping_for,
        expiry=row.stop_at if row else None,
        external_id=row.external_id if row else None,
    )


@dataclass(frozen=True)
class AppliedDiscount:
    """A discount an order shows: a voucher's entry, or (entry None) the order's whole
    discount."""

    value: Decimal
    entry: VoucherEntry | None = None


def applied_discounts(
    stored: Iterable[Any] | None, whole: Callable[[], Decimal]
) -> list[AppliedDiscount]:
    """The discounts an order shows: one per voucher that applied; an order without vouchers
    shows one, its `whole()` discount (what its items' prices are below their original
    prices), as Centra's guide does."""
    entries = [e for e in read(stored) if e.value or e.voucher_id is not None]
    if entries:
        return [AppliedDiscount(e.value, e) for e in entries]
    return [AppliedDiscount(whole())]
