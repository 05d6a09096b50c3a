"""Instance-wide reference data: stores, markets, countries, currencies, tokens, id conversion."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

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


class StoreRow(Row, table=True):
    __tablename__ = "store"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    type: str = "DIRECT_TO_CONSUMER"  # StoreType
    autoconfirm: bool = False


class CurrencyRow(Row, table=True):
    __tablename__ = "currency"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, index=True)
    name: str
    decimals: int = 2
    is_base: bool = False


class CountryRow(Row, table=True):
    __tablename__ = "country"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, index=True)
    name: str
    is_eu: bool = False
    continent: str = ""  # Continent, e.g. "Europe"
    tax_percent_hundredths: int = 0  # default VAT on goods, in 1/100 percent


class StateRow(Row, table=True):
    __tablename__ = "country_state"
    id: int | None = Field(default=None, primary_key=True)
    country_id: int = Field(foreign_key="country.id", index=True)
    code: str
    name: str


class MarketRow(Row, table=True):
    __tablename__ = "market"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    store_id: int = Field(foreign_key="store.id", index=True)
    allocation_rule_id: int | None = Field(default=None, foreign_key="allocation_rule.id")
    comment: str | None = None


class MarketCountryRow(Row, table=True):
    __tablename__ = "market_country"
    market_id: int = Field(foreign_key="market.id", primary_key=True)
    country_id: int = Field(foreign_key="country.id", primary_key=True)


class ShippingOptionRow(Row, table=True):
    __tablename__ = "shipping_option"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    store_id: int | None = Field(default=None, foreign_key="store.id")
    currency_code: str | None = None
    price: Decimal = Field(default=Decimal(0), sa_type=Money)


class AllocationRuleRow(Row, table=True):
    __tablename__ = "allocation_rule"
    id: int | None = Field(default=None, primary_key=True)
    name: str


class AllocationRuleWarehouseRow(Row, table=True):
    __tablename__ = "allocation_rule_warehouse"
    allocation_rule_id: int = Field(foreign_key="allocation_rule.id", primary_key=True)
    warehouse_id: int = Field(foreign_key="warehouse.id", primary_key=True)
    priority: int = 0


class ApiTokenRow(Row, table=True):
    """An Integration API token: its permissions and the integration name its queues belong to."""

    __tablename__ = "api_token"
    id: int | None = Field(default=None, primary_key=True)
    token: str = Field(unique=True, index=True)
    description: str = ""
    integration_name: str = "default"
    permissions: list[str] = Field(default_factory=empty_list, sa_type=JsonList)
    store_id: int | None = Field(default=None, foreign_key="store.id")
    expires_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=AwareDateTime)


class InstanceSecretRow(Row, table=True):
    """The random key that session and access tokens are derived with (one row): tokens stay
    unguessable while everything else a seed produces stays the same."""

    __tablename__ = "instance_secret"
    id: int | None = Field(default=None, primary_key=True)
    secret: str


class IdConversionRow(Row, table=True):
    """An integration's own id for a Centra object, unique in both directions."""

    __tablename__ = "id_conversion"
    __table_args__ = (
        UniqueConstraint("integration_name", "object_type", "external_id"),
        UniqueConstraint("integration_name", "object_type", "internal_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    integration_name: str = "default"
    object_type: str
    internal_id: int
    external_id: str


class InstanceInfoRow(Row, table=True):
    """Facts about the data itself: `scenario` is the scenario a database was seeded with."""

    __tablename__ = "instance_info"
    key: str = Field(primary_key=True)
    value: str
