"""How an order ships: the carrier, the admin user and store plugin a shipment names, and
the shipping price group of the order's shipping option."""

import strawberry
from strawberry import Parent

from mockcentra.domain.orders.shipping import ShippingPriceGroup as PriceGroup
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.reference.types import Country, ShippingOption


@read_permission("AdminUser:read")
@strawberry.type
class AdminUser:
    id: int
    name: str


@read_permission("StorePlugin:read")
@strawberry.type
class StorePlugin:
    id: int
    name: str
    status: str


@strawberry.type
class CarrierInformation:
    """The carrier and service; accounts also keep their customer number and tax id there."""

    carrier_name: str | None
    service_name: str | None
    account_identifier: str | None = None
    tax_id: str | None = None


@strawberry.type
class ShippingPriceGroup:
    """The prices of a shipping option for a group of countries.

    mockcentra prices an option once per currency, so each option has one group (its `id` is
    the option's) covering the countries of the order's pricelist. It resolves from the
    domain's price group (domain/orders/shipping.py).
    """

    id: int

    @field(permission="")
    @staticmethod
    def shipping_option(root: Parent[PriceGroup]) -> ShippingOption:
        return root.option  # type: ignore[return-value]

    @field(permission="")
    @staticmethod
    def countries(root: Parent[PriceGroup]) -> list[Country]:
        return root.countries  # type: ignore[return-value]
