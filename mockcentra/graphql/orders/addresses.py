"""An address on an order or shipment: what it reads (`Address`) and what sets one
(`AddressInput`)."""

from typing import Any

import strawberry
from sqlmodel import select
from strawberry.types import Info

from mockcentra.domain.addresses import ADDRESS_KEYS
from mockcentra.graphql.common import CountryInput
from mockcentra.graphql.permissions import field
from mockcentra.graphql.reference.types import Country, State
from mockcentra.storage.tables import CountryRow, StateRow


def _country(info: Info, code: str | None) -> CountryRow | None:
    if not code:
        return None
    key = ("country", code)
    if key not in info.context.cache:
        info.context.cache[key] = info.context.session.exec(
            select(CountryRow).where(CountryRow.code == code)
        ).first()
    return info.context.cache[key]


@strawberry.type
class Address:
    """An address held on an order or shipment (a JSON document in storage)."""

    first_name: str | None = None
    last_name: str | None = None
    company_name: str | None = None
    attention: str | None = None
    address1: str | None = None
    address2: str | None = None
    city: str | None = None
    zip_code: str | None = None
    state_or_province: str | None = None
    email: str | None = None
    phone_number: str | None = None
    cell_phone_number: str | None = None
    fax_number: str | None = None
    vat_number: str | None = None
    country_code: strawberry.Private[str | None] = None

    @field(permission="")
    def country(self, info: Info) -> Country | None:
        return _country(info, self.country_code)  # type: ignore[return-value]

    @field(permission="")
    def state(self, info: Info) -> State | None:
        country = _country(info, self.country_code)
        if country is None or not self.state_or_province:
            return None
        wanted = self.state_or_province.lower()
        for row in info.context.session.exec(
            select(StateRow).where(StateRow.country_id == country.id)
        ):
            if wanted in (row.name.lower(), row.code.lower()):
                return row
        return None

    @classmethod
    def of(cls, data: dict[str, Any] | None) -> "Address | None":
        if not data:
            return None
        values = {py: data.get(key) for py, key in ADDRESS_KEYS.items()}
        return cls(**values, country_code=data.get("country"))


@strawberry.input
class AddressInput:
    first_name: str | None = None
    last_name: str | None = None
    company_name: str | None = None
    attention: str | None = None
    address1: str | None = None
    address2: str | None = None
    city: str | None = None
    zip_code: str | None = None
    state_or_province: str | None = None
    email: str | None = None
    phone_number: str | None = None
    cell_phone_number: str | None = None
    fax_number: str | None = None
    vat_number: str | None = None
    country: CountryInput | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {
            key: getattr(self, py)
            for py, key in ADDRESS_KEYS.items()
            if getattr(self, py) is not None
        }
        if self.country is not None and self.country.code:
            out["country"] = self.country.code.upper()
        return out
