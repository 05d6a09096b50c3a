"""A voucher as `GET vouchers/<id>` shows it."""

from __future__ import annotations

from typing import Any

from mockcentra.domain.vouchers.queries import VoucherFacts
from mockcentra.domain.vouchers.status import VoucherStatus
from mockcentra.rest.order_serializers.shapes import Shapes
from mockcentra.rest.serializers import number


def shape_voucher(shapes: Shapes, facts: VoucherFacts) -> dict[str, Any]:
    """A free-shipping-only voucher is "priceoff" with no value (Centra documents only the two
    types); an amount voucher shows its value in each pricelist."""
    v = facts.voucher
    shown: dict[str, Any] = {
        "id": v.id,
        "name": v.name,
        "code": v.code or "",
        "conversionHtml": v.conversion_html or "",
        "startDate": v.start_at.astimezone(shapes.zone).strftime("%Y-%m-%d"),
        "stopDate": v.stop_at.astimezone(shapes.zone).strftime("%Y-%m-%d"),
        "type": facts.kind or "priceoff",
        "value": None if facts.percent is None else format(facts.percent.normalize(), "f"),
    }
    if facts.kind != "percentoff":
        shown["valueByPricelist"] = {
            str(pricelist): number(amount)
            for pricelist, amount in sorted(facts.value_by_pricelist.items())
        }
    shown.update(
        store=v.store_id,
        markets=facts.market_ids,
        limit=v.max_usages,
        status="active" if v.status == VoucherStatus.ACTIVE else "inactive",
        priority=v.priority,
        createdAt=shapes.date(v.created_at),
    )
    return shown
