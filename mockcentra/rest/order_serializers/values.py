"""How the Order API writes values its resources share: unset text and dates, 0/1 flags,
percentages, the tax breakdown of orders and shipments."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from mockcentra.rest.serializers import number

UNSET_DATE = "0000-00-00 00:00:00"


def text(value: Any) -> str:
    """Unset text is ""."""
    return "" if value is None else str(value)


def flag(value: bool) -> int:
    """Orders and shipments write flags as 0/1."""
    return 1 if value else 0


def percent(hundredths: int) -> float | int:
    """A percentage kept in hundredths, as a whole number when it is one."""
    value = hundredths / 100
    return int(value) if value == int(value) else value


def tax_breakdown(tax_percent_hundredths: int, tax: Decimal) -> list[dict[str, Any]]:
    """The VAT line of an order or shipment; none without tax."""
    if not tax:
        return []
    return [
        {
            "description": "VAT",
            "taxPercent": percent(tax_percent_hundredths),
            "value": number(tax),
        }
    ]
