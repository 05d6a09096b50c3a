"""The variants a delivery window sells: each with its delivery type and an optional
quantity limit, set and unset at most 100 per call.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, select

from mockcentra.domain.errors import DomainWarning, invalid
from mockcentra.domain.refs import resolve
from mockcentra.domain.wholesale.delivery_windows import get_window
from mockcentra.domain.wholesale.status import (
    DeliveryWindowLimitOn,
    DeliveryWindowLimitType,
    VariantDeliveryType,
)
from mockcentra.storage.tables import DeliveryWindowRow, DeliveryWindowVariantRow, VariantRow
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import PendingEvent, UnitOfWork

MAX_VARIANTS_PER_CALL = 100


@dataclass
class WindowVariantSpec:
    product_variant: Any
    type: str | None = None
    limit_value: int | None = None
    limit_type: str | None = None
    limit_on: str | None = None
    has_limit: bool = False


@dataclass
class WindowVariantsResult:
    window: DeliveryWindowRow
    warnings: list[DomainWarning] = field(default_factory=list)


def set_window_variants(
    uow: UnitOfWork, window_ref: Any, variants: Sequence[WindowVariantSpec]
) -> WindowVariantsResult:
    """Add variants to a window or change their type and limit (at most 100 per call)."""
    window = get_window(uow, window_ref, ["deliveryWindow"])
    if len(variants) > MAX_VARIANTS_PER_CALL:
        raise invalid(
            f"At most {MAX_VARIANTS_PER_CALL} variants can be set in one call; "
            f"{len(variants)} were given.",
            ["variants"],
        )
    result = WindowVariantsResult(window)
    session = uow.session
    seen: set[int] = set()
    for i, spec in enumerate(variants):
        path: list[str | int] = ["variants", i]
        variant = resolve(
            uow,
            VariantRow,
            spec.product_variant,
            [*path, "productVariant"],
            kind="ProductVariant",
            object_type="ProductVariant",
        )
        if variant.id in seen:
            result.warnings.append(
                DomainWarning(f"Duplicate variant ID {variant.id} skipped", path)
            )
            continue
        seen.add(key(variant))
        row = window_variant(session, key(window), key(variant)) or DeliveryWindowVariantRow(
            delivery_window_id=key(window), product_id=variant.product_id, variant_id=key(variant)
        )
        row.type = VariantDeliveryType(spec.type or window.default_variant_delivery_type).value
        if spec.has_limit:
            if spec.limit_value is None:
                row.limit_value = row.limit_type = row.limit_on = None
            else:
                if spec.limit_value < 0:
                    raise invalid("A limit cannot be negative.", [*path, "limit", "value"])
                row.limit_value = spec.limit_value
                row.limit_type = DeliveryWindowLimitType(
                    spec.limit_type or DeliveryWindowLimitType.HIGH
                ).value
                row.limit_on = DeliveryWindowLimitOn(
                    spec.limit_on or DeliveryWindowLimitOn.ProductVariant
                ).value
        session.add(row)
        session.flush()
    _touch(uow, window)
    return result


def unset_window_variants(
    uow: UnitOfWork, window_ref: Any, variant_refs: Sequence[Any]
) -> WindowVariantsResult:
    """Take variants out of a window; one that is not in it is skipped with a warning."""
    window = get_window(uow, window_ref, ["deliveryWindow"])
    if len(variant_refs) > MAX_VARIANTS_PER_CALL:
        raise invalid(
            f"At most {MAX_VARIANTS_PER_CALL} variants can be unset in one call; "
            f"{len(variant_refs)} were given.",
            ["productVariants"],
        )
    result = WindowVariantsResult(window)
    for i, ref in enumerate(variant_refs):
        path: list[str | int] = ["productVariants", i]
        variant = resolve(
            uow, VariantRow, ref, path, kind="ProductVariant", object_type="ProductVariant"
        )
        row = window_variant(uow.session, key(window), key(variant))
        if row is None:
            result.warnings.append(
                DomainWarning(
                    f"Product variant {variant.id} is not in delivery window {window.id}, skipped.",
                    path,
                )
            )
            continue
        uow.session.delete(row)
        uow.session.flush()
    _touch(uow, window)
    return result


def _touch(uow: UnitOfWork, window: DeliveryWindowRow) -> None:
    window.updated_at = uow.clock.now()
    uow.session.add(window)
    uow.emit(PendingEvent("DeliveryWindow", "UPDATED", str(window.id), store_id=window.store_id))


def window_variant(
    session: Session, window_id: int, variant_id: int
) -> DeliveryWindowVariantRow | None:
    """How the delivery window sells the variant (None: it does not sell it)."""
    return session.exec(
        select(DeliveryWindowVariantRow).where(
            DeliveryWindowVariantRow.delivery_window_id == window_id,
            DeliveryWindowVariantRow.variant_id == variant_id,
        )
    ).first()
