"""A product's weight: a value with three decimals in kilograms or pounds.

Centra keeps the weight on the product and shows the same weight on each of its sizes. An
update may change the unit (a warning says so) and rounds the value to three decimals (a
warning says so too). The value is not converted when only the unit changes: the integration
sends the value in the unit it names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from mockcentra.domain.catalog.status import WeightUnit
from mockcentra.domain.errors import DomainWarning, invalid

MILLI = Decimal("0.001")
SYMBOLS = {WeightUnit.KILOGRAMS: "kg", WeightUnit.POUNDS: "lb"}


@dataclass(frozen=True)
class Weight:
    value: Decimal
    unit: WeightUnit

    @property
    def formatted(self) -> str:
        """`1.000 kg`: three decimals and the unit's symbol, as Centra prints it."""
        return f"{self.value.quantize(MILLI)} {SYMBOLS[self.unit]}"


def weight_of(value: Decimal | None, unit: str) -> Weight:
    """A product's stored weight (no weight reads as 0 in the product's unit)."""
    return Weight(value if value is not None else Decimal("0.000"), WeightUnit(unit))


def checked_weight(
    amount: Decimal, new_unit: WeightUnit, current_unit: str, path: Sequence[str | int]
) -> tuple[Weight, list[DomainWarning]]:
    """A new weight from input; refuses negative or non-finite values, warns on rounding and
    on a change of unit."""
    if not amount.is_finite():
        raise invalid(f"Weight {amount} is not a number.", [*path, "value"])
    if amount < 0:
        raise invalid("Weight cannot be negative.", [*path, "value"])
    warnings = []
    rounded = amount.quantize(MILLI, rounding=ROUND_HALF_UP)
    if rounded != amount:
        warnings.append(DomainWarning("Weight has been rounded to 3 decimal places", [*path]))
    if new_unit != current_unit:
        warnings.append(
            DomainWarning(
                f"Weight unit has been changed from {current_unit} to {new_unit}", [*path]
            )
        )
    return Weight(rounded, new_unit), warnings
