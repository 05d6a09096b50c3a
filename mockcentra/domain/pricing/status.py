"""Status vocabulary of pricelists, price alterations and the stores they live in."""

from enum import StrEnum


class PricelistStatus(StrEnum):
    """Centra's plain `Status` on pricelists; either way is allowed at any time."""

    ACTIVE = "ACTIVE"  # used for selling in its countries
    INACTIVE = "INACTIVE"  # kept with its prices, not used


class PriceAlterationStatus(StrEnum):
    """Centra's plain `Status` on price alterations; one ACTIVE per wholesale store."""

    ACTIVE = "ACTIVE"  # its prices apply from its start date
    INACTIVE = "INACTIVE"  # prepared, not applied


class StoreType(StrEnum):
    DIRECT_TO_CONSUMER = "DIRECT_TO_CONSUMER"  # a webshop: pricelists by country
    WHOLESALE = "WHOLESALE"  # B2B: pricelists by account, RRPs, price alterations
