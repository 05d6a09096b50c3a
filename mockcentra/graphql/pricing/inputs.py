"""Price list, price and price alteration inputs and payloads, and how the inputs become the
domain's specs."""

from enum import StrEnum
from typing import Any

import strawberry

from mockcentra.domain.pricing import alterations, price_changes, pricelists
from mockcentra.domain.pricing.rules import Amount
from mockcentra.graphql.catalog.enums import Status
from mockcentra.graphql.catalog.types import Product
from mockcentra.graphql.common import (
    CountryInput,
    MonetaryValueInput,
    Payload,
    PriceAlterationInput,
    PricelistInput,
    ProductInput,
    ProductVariantInput,
    ShippingOptionInput,
    StoreInput,
    StringMatch,
)
from mockcentra.graphql.pricing.types import (
    PriceAlteration,
    Pricelist,
)
from mockcentra.graphql.scalars import Date

# --- inputs --------------------------------------------------------------------------------


@strawberry.input
class PricelistCreateInput:
    name: str
    status: Status
    currency_iso_code: str
    store: StoreInput
    default_shipping_option: ShippingOptionInput | None = None
    add_countries: list[CountryInput] | None = strawberry.field(
        default=None, description="Countries are accepted only for DIRECT_TO_CONSUMER pricelists."
    )
    external_id: str | None = strawberry.field(
        default=None, description="Assign an external ID to reference this object by it later."
    )


@strawberry.input
class PricelistUpdateInput:
    name: str | None = None
    status: Status | None = None
    currency_iso_code: str | None = strawberry.field(
        default=None, description="Must be the pricelist's own currency: it cannot change."
    )
    default_shipping_option: ShippingOptionInput | None = None
    add_countries: list[CountryInput] | None = None
    remove_countries: list[CountryInput] | None = None
    external_id: str | None = None


@strawberry.input
class ProductVariantPriceInput:
    product_variant: ProductVariantInput
    price: MonetaryValueInput | None = strawberry.field(
        default=None, description="Leave out to remove the variant's individual price."
    )
    recommended_retail_price: MonetaryValueInput | None = None


@strawberry.input
class ProductPriceInput:
    product: ProductInput
    price: MonetaryValueInput | None = None
    recommended_retail_price: MonetaryValueInput | None = None
    override_individual_variant_prices: bool = strawberry.field(
        default=False,
        description="true removes the product's individual variant prices in the pricelist.",
    )
    individual_variant_prices: list[ProductVariantPriceInput] | None = None


@strawberry.input
class SetPricesInput:
    pricelist: PricelistInput
    product_prices: list[ProductPriceInput]


@strawberry.input
class SetAlteredPricesInput:
    price_alteration: PriceAlterationInput
    pricelist: PricelistInput
    product_prices: list[ProductPriceInput]


@strawberry.input
class PriceAlterationCreateInput:
    name: str
    status: Status
    store: StoreInput
    start_date: Date
    end_date: Date | None = None


@strawberry.input
class PriceAlterationUpdateInput:
    name: str | None = None
    status: Status | None = None
    store: StoreInput | None = None
    start_date: Date | None = None
    end_date: str | None = strawberry.field(
        default=None, description='A date, or "" to clear the end date.'
    )


@strawberry.input
class PricelistFilter:
    id: list[int] | None = None
    store_id: list[int] | None = None
    status: list[Status] | None = None
    name: StringMatch | None = None


@strawberry.enum
class PricelistSort(StrEnum):
    id_ASC = "id_ASC"
    id_DESC = "id_DESC"
    name_ASC = "name_ASC"
    name_DESC = "name_DESC"


@strawberry.input
class PriceAlterationFilter:
    id: list[int] | None = None
    store_id: list[int] | None = None
    status: list[Status] | None = None


# --- payloads ------------------------------------------------------------------------------


@strawberry.type
class PricelistPayload(Payload):
    pricelist: Pricelist | None = None


@strawberry.type
class PricelistDeletePayload(Payload):
    pass


@strawberry.type
class SetPricesPayload(Payload):
    pricelist: Pricelist | None = None
    products: list[Product] | None = None


@strawberry.type
class SetPricesBatchPayload(Payload):
    pricelists: list[Pricelist] | None = None
    products: list[Product] | None = None


@strawberry.type
class PriceAlterationPayload(Payload):
    price_alteration: PriceAlteration | None = None


@strawberry.type
class SetAlteredPricesPayload(Payload):
    price_alteration: PriceAlteration | None = None
    pricelist: Pricelist | None = None
    products: list[Product] | None = None


@strawberry.type
class SetAlteredPricesBatchPayload(Payload):
    price_alterations: list[PriceAlteration] | None = None
    pricelists: list[Pricelist] | None = None
    products: list[Product] | None = None


# --- converting inputs ---------------------------------------------------------------------


def amount(value: MonetaryValueInput | None) -> Amount | None:
    if value is None:
        return None
    return Amount(value=value.to_decimal(), currency=value.currency_iso_code)


def product_prices(items: list[ProductPriceInput]) -> list[price_changes.ProductPriceSpec]:
    return [
        price_changes.ProductPriceSpec(
            product=item.product,
            price=amount(item.price),
            recommended_retail_price=amount(item.recommended_retail_price),
            override_individual_variant_prices=item.override_individual_variant_prices,
            individual_variant_prices=[
                price_changes.VariantPriceSpec(
                    product_variant=v.product_variant,
                    price=amount(v.price),
                    recommended_retail_price=amount(v.recommended_retail_price),
                )
                for v in item.individual_variant_prices or []
            ],
        )
        for item in items
    ]


def pricelist_spec(input: Any) -> pricelists.PricelistSpec:
    return pricelists.PricelistSpec(
        name=input.name,
        status=input.status,
        store=getattr(input, "store", None),
        currency_iso_code=input.currency_iso_code,
        default_shipping_option=input.default_shipping_option,
        add_countries=input.add_countries,
        remove_countries=getattr(input, "remove_countries", None),
        external_id=input.external_id,
    )


def alteration_spec(input: Any) -> alterations.PriceAlterationSpec:
    return alterations.PriceAlterationSpec(
        name=input.name,
        status=input.status,
        store=input.store,
        start_date=input.start_date,
        end_date=input.end_date,
    )
