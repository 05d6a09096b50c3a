"""Instance-wide reference data: stores, markets, countries, currencies, tokens, id conversion."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mockcentra.storage.tables.base import Row, empty_list
from mockcentra.storage.types import AwareDateTime, JsonList, Money

__all__ = [
    "StoreRow",
    "CurrencyRow",
    "CountryRow",
    "StateRow",
    "MarketRow",
    "MarketCountryRow",
    "ShippingOptionRow",
    "AllocationRuleRow",
    "AllocationRuleWarehouseRow",
    "ApiTokenRow",
    "IdConversionRow",
    "InstanceInfoRow",
    "InstanceSecretRow",
]


class StoreRow(Row):
    __tablename__ = "store"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    type: Mapped[str] = mapped_column(default="DIRECT_TO_CONSUMER")  # StoreType
    autoconfirm: Mapped[bool] = mapped_column(default=False)


class CurrencyRow(Row):
    __tablename__ = "currency"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(unique=True, index=True)
    name: Mapped[str]
    decimals: Mapped[int] = mapped_column(default=2)
    is_base: Mapped[bool] = mapped_column(default=False)


class CountryRow(Row):
    __tablename__ = "country"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(unique=True, index=True)
    name: Mapped[str]
    is_eu: Mapped[bool] = mapped_column(default=False)
    continent: Mapped[str] = mapped_column(default="")  # Continent, e.g. "Europe"
    tax_percent_hundredths: Mapped[int] = mapped_column(
        default=0
    )  # default VAT on goods, in 1/100 percent


class StateRow(Row):
    __tablename__ = "country_state"
    id: Mapped[int] = mapped_column(primary_key=True)
    country_id: Mapped[int] = mapped_column(ForeignKey("country.id"), index=True)
    code: Mapped[str]
    name: Mapped[str]


class MarketRow(Row):
    __tablename__ = "market"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"), index=True)
    allocation_rule_id: Mapped[int | None] = mapped_column(ForeignKey("allocation_rule.id"))
    comment: Mapped[str | None]


class MarketCountryRow(Row):
    __tablename__ = "market_country"
    market_id: Mapped[int] = mapped_column(ForeignKey("market.id"), primary_key=True)
    country_id: Mapped[int] = mapped_column(ForeignKey("country.id"), primary_key=True)


class ShippingOptionRow(Row):
    __tablename__ = "shipping_option"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    store_id: Mapped[int | None] = mapped_column(ForeignKey("store.id"))
    currency_code: Mapped[str | None]
    price: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))


class AllocationRuleRow(Row):
    __tablename__ = "allocation_rule"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class AllocationRuleWarehouseRow(Row):
    __tablename__ = "allocation_rule_warehouse"
    allocation_rule_id: Mapped[int] = mapped_column(
        ForeignKey("allocation_rule.id"), primary_key=True
    )
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id"), primary_key=True)
    priority: Mapped[int] = mapped_column(default=0)


class ApiTokenRow(Row):
    """An Integration API token: its permissions and the integration name its queues belong to."""

    __tablename__ = "api_token"
    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(unique=True, index=True)
    description: Mapped[str] = mapped_column(default="")
    integration_name: Mapped[str] = mapped_column(default="default")
    permissions: Mapped[list[str]] = mapped_column(JsonList, default=empty_list)
    store_id: Mapped[int | None] = mapped_column(ForeignKey("store.id"))
    expires_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(AwareDateTime)


class InstanceSecretRow(Row):
    """The random key that session and access tokens are derived with (one row): tokens stay
    unguessable while everything else a seed produces stays the same."""

    __tablename__ = "instance_secret"
    id: Mapped[int] = mapped_column(primary_key=True)
    secret: Mapped[str]


class IdConversionRow(Row):
    """An integration's own id for a Centra object, unique in both directions."""

    __tablename__ = "id_conversion"
    __table_args__ = (
        UniqueConstraint("integration_name", "object_type", "external_id"),
        UniqueConstraint("integration_name", "object_type", "internal_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    integration_name: Mapped[str] = mapped_column(default="default")
    object_type: Mapped[str]
    internal_id: Mapped[int]
    external_id: Mapped[str]


class InstanceInfoRow(Row):
    """Facts about the data itself: `scenario` is the scenario a database was seeded with."""

    __tablename__ = "instance_info"
    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str]
