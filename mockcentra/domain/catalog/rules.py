"""Pure catalogue rules: no database, so they are tested and reused without a unit of work."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from enum import StrEnum
from typing import Any

from mockcentra.domain.catalog.status import BundleType
from mockcentra.domain.errors import DomainError, ErrorCode, invalid

#: Where in the input a value was given (for error paths).
Path = Sequence[str | int]


def required_text(value: str | None, message: str, path: Sequence[str | int]) -> str:
    """A name or number that must not be blank; surrounding spaces are dropped."""
    text = (value or "").strip()
    if not text:
        raise DomainError(ErrorCode.REQUIRED, message, path)
    return text


def optional_text(value: str | None) -> str | None:
    """Optional text: blank means none (Centra: "pass empty to unset")."""
    if value is None:
        return None
    text = value.strip()
    return text or None


#: An EAN/GTIN/UPC barcode: real ones are 8 to 14 digits, and Centra's own guides store
#: placeholders such as "EAN000111", so letters, digits, "-" and "." are taken, at most 64.
GTIN_MAX = 64
_GTIN = re.compile(r"[A-Za-z0-9.-]+")


def status_text(enum: type[StrEnum], value: Any, path: Path) -> str:
    """A status value of the given vocabulary, stored as its text."""
    try:
        return str(enum(value))
    except ValueError:
        raise DomainError(ErrorCode.INVALID, f"Invalid status {value}.", [*path]) from None


def gtin(value: str | None, name: str, path: Sequence[str | int]) -> str | None:
    """A size's EAN (`name` is the input field it came in): blank means none; spaces inside,
    other characters or more than GTIN_MAX are refused."""
    text = optional_text(value)
    if text is None:
        return None
    if len(text) > GTIN_MAX or not _GTIN.fullmatch(text):
        raise invalid(
            f'{name} "{text}" is not valid: use digits, letters, "-" or "." '
            f"(at most {GTIN_MAX} characters).",
            path,
        )
    return text


def ean_or_gtin(
    ean: str | None, old_gtin: str | None, path: Sequence[str | int]
) -> tuple[str | None, str]:
    """`gtin` is the old name of `EAN` on size inputs: either may be given, both only alike.

    Answers the value and the input name it came by (for error messages and paths)."""
    if old_gtin is None:
        return ean, "EAN"
    if ean is not None and optional_text(ean) != optional_text(old_gtin):
        raise invalid("Give EAN or gtin (its old name), not both with different values.", path)
    return old_gtin, "gtin"


def unit_cost(amount: Decimal | None, path: Sequence[str | int]) -> Decimal | None:
    if amount is not None and amount < 0:
        raise invalid("Unit cost cannot be negative.", [*path, "value"])
    return amount


def can_change_size_chart(current_chart_id: int, new_chart_id: int, has_sizes: bool) -> bool:
    """A variant keeps its size chart once any of its sizes is activated (stock lives on them)."""
    return current_chart_id == new_chart_id or not has_sizes


def check_section_quantity(quantity: int, path: Sequence[str | int]) -> None:
    if quantity < 1:
        raise invalid("Bundle section quantity must be at least 1.", [*path, "quantity"])


def check_section_variant_count(
    bundle_type: BundleType, count: int, path: Sequence[str | int]
) -> None:
    """A fixed bundle section holds one variant; a flexible one offers a choice of one or more."""
    if count == 0:
        raise DomainError(
            ErrorCode.REQUIRED,
            "A bundle section needs at least one product variant.",
            [*path, "productVariants"],
        )
    if bundle_type == BundleType.FIXED and count != 1:
        raise invalid(
            "A section of a fixed bundle must have exactly one product variant.",
            [*path, "productVariants"],
        )


def bundle_availability(sections: Iterable[tuple[int, int]]) -> int:
    """How many bundles the sections' stock makes up: min over (quantity, free stock) of free // quantity.

    Each section contributes the free-to-allocate stock of all its variants' sizes; a bundle
    needs `quantity` of them. Simplification: sizes are pooled per section and a flexible
    section's choices are pooled too (Centra works per bundle size and shopper choice).
    """
    counts = [max(free, 0) // quantity for quantity, free in sections if quantity > 0]
    return min(counts) if counts else 0
