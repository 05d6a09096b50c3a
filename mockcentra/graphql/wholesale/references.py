"""The wholesale inputs that name an object (account, buyer, delivery window, payment and
shipping terms, product size), and the address reader the wholesale mutations share."""

from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.graphql.orders.addresses import AddressInput
from mockcentra.storage.tables import (
    CountryRow,
)


@strawberry.input
class AccountInput:
    id: int | None = None
    external_id: str | None = None


@strawberry.input
class BuyerInput:
    id: int | None = None
    external_id: str | None = None


@strawberry.input
class DeliveryWindowInput:
    id: int | None = None
    external_id: str | None = None


@strawberry.input
class PaymentTermsInput:
    id: int | None = None
    external_id: str | None = None


@strawberry.input
class ShippingTermsInput:
    id: int | None = None
    external_id: str | None = None


@strawberry.input
class ProductSizeInput:
    id: int | None = None
    external_id: str | None = None


def address_of(info: Info, value: AddressInput | None) -> dict[str, Any] | None:
    """An address input as stored; a country given by id is stored by its code."""
    if value is None:
        return None
    data = value.to_dict()
    country = value.country
    if country is not None and not country.code and country.id is not None:
        row = info.context.session.get(CountryRow, country.id)
        data["country"] = row.code if row else f"#{country.id}"
    return data
