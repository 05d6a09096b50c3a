"""Status vocabulary of displays."""

from enum import StrEnum


class DisplayStatus(StrEnum):
    """Centra's plain `Status` on displays."""

    ACTIVE = "ACTIVE"  # shown and sellable in its markets
    INACTIVE = "INACTIVE"  # kept, hidden from shoppers
