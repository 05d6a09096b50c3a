"""Pricing queries and mutations: pricelists, prices, price alterations."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.pricing import alterations, pricelists, prices, queries
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
    simple_sort,
)
from mockcentra.graphql.errors import reading, run_mutation
from mockcentra.graphql.permissions import mutation
from mockcentra.graphql.pricing.types import (
    PriceAlteration,
    Pricelist,
    announce,
)
from mockcentra.graphql.scalars import Date
from mockcentra.storage.tables import PriceAlterationRow, PricelistRow

# --- inputs --------------------------------------------------------------------------------


@strawberry.input
class PricelistCreateInput:
    name: str
    status: Status
    currency_iso_code: str
    store: StoreInput  # type: ignore[valid-type]
    default_shipping_option: ShippingOptionInput | None = None  # type: ignore[valid-type]
    add_countries: list[CountryInput] | None = strawberry.field(  # type: ignore[valid-type]
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
    default_shipping_option: ShippingOptionInput | None = None  # type: ignore[valid-type]
    add_countries: list[CountryInput] | None = None  # type: ignore[valid-type]
    remove_countries: list[CountryInput] | None = None  # type: ignore[valid-type]
    external_id: str | None = None


@strawberry.input
class ProductVariantPriceInput:
    product_variant: ProductVariantInput  # type: ignore[valid-type]
    price: MonetaryValueInput | None = strawberry.field(
        default=None, description="Leave out to remove the variant's individual price."
    )
    recommended_retail_price: MonetaryValueInput | None = None


@strawberry.input
class ProductPriceInput:
    product: ProductInput  # type: ignore[valid-type]
    price: MonetaryValueInput | None = None
    recommended_retail_price: MonetaryValueInput | None = None
    override_individual_variant_prices: bool = strawberry.field(
        default=False,
        description="true removes the product's individual variant prices in the pricelist.",
    )
    individual_variant_prices: list[ProductVariantPriceInput] | None = None


@strawberry.input
class SetPricesInput:
    pricelist: PricelistInput  # type: ignore[valid-type]
    product_prices: list[ProductPriceInput]


@strawberry.input
class SetAlteredPricesInput:
    price_alteration: PriceAlterationInput  # type: ignore[valid-type]
    pricelist: PricelistInput  # type: ignore[valid-type]
    product_prices: list[ProductPriceInput]


@strawberry.input
class PriceAlterationCreateInput:
    name: str
    status: Status
    store: StoreInput  # type: ignore[valid-type]
    start_date: Date
    end_date: Date | None = None


@strawberry.input
class PriceAlterationUpdateInput:
    name: str | None = None
    status: Status | None = None
    store: StoreInput | None = None  # type: ignore[valid-type]
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


PricelistSort = simple_sort("PricelistSort")


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


def _amount(value: MonetaryValueInput | None) -> Amount | None:
    if value is None:
        return None
    return Amount(value=value.to_decimal(), currency=value.currency_iso_code)


def _product_prices(items: list[ProductPriceInput]) -> list[prices.ProductPriceSpec]:
    return [
        prices.ProductPriceSpec(
            product=item.product,
            price=_amount(item.price),
            recommended_retail_price=_amount(item.recommended_retail_price),
            override_individual_variant_prices=item.override_individual_variant_prices,
            individual_variant_prices=[
                prices.VariantPriceSpec(
                    product_variant=v.product_variant,
                    price=_amount(v.price),
                    recommended_retail_price=_amount(v.recommended_retail_price),
                )
                for v in item.individual_variant_prices or []
            ],
        )
        for item in items
    ]


def _pricelist_spec(input: Any) -> pricelists.PricelistSpec:
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


def _alteration_spec(input: Any) -> alterations.PriceAlterationSpec:
    return alterations.PriceAlterationSpec(
        name=input.name,
        status=input.status,
        store=input.store,
        start_date=input.start_date,
        end_date=input.end_date,
    )


# --- schema --------------------------------------------------------------------------------


@strawberry.type
class Query:
    @strawberry.field
    def pricelists(
        self,
        info: Info,
        where: PricelistFilter | None = None,
        sort: list[PricelistSort] | None = None,  # type: ignore[valid-type]
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Pricelist]:
        rows = queries.pricelists(
            info.context.session,
            ids=where.id if where else None,
            store_ids=where.store_id if where else None,
            statuses=where.status if where else None,
            name=where.name if where else None,
            sort=sort,
            limit=limit,
            page_number=page,
        )
        announce(info, "pricelist_countries", (r.id for r in rows))
        return rows  # type: ignore[return-value]

    @strawberry.field
    def pricelist(self, info: Info, id: int) -> Pricelist | None:
        return info.context.session.get(PricelistRow, id)

    @strawberry.field
    def price_alterations(
        self,
        info: Info,
        where: PriceAlterationFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[PriceAlteration]:
        return queries.price_alterations(  # type: ignore[return-value]
            info.context.session,
            ids=where.id if where else None,
            store_ids=where.store_id if where else None,
            statuses=where.status if where else None,
            limit=limit,
            page_number=page,
        )

    @strawberry.field
    def price_alteration(self, info: Info, id: int) -> PriceAlteration | None:
        return info.context.session.get(PriceAlterationRow, id)


@strawberry.type
class Mutation:
    @mutation(permission="Pricelist:write")
    def create_pricelist(self, info: Info, input: PricelistCreateInput) -> PricelistPayload:
        return run_mutation(
            info,
            PricelistPayload,
            lambda: {
                "pricelist": pricelists.create_pricelist(info.context.uow, _pricelist_spec(input))
            },
            reads="input",
        )

    @mutation(permission="Pricelist:write")
    def update_pricelist(
        self, info: Info, id: int, input: PricelistUpdateInput
    ) -> PricelistPayload:
        def action() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                pricelist = pricelists.pricelist_to_change(uow, id)
            with reading("input"):
                return {
                    "pricelist": pricelists.update_pricelist(uow, pricelist, _pricelist_spec(input))
                }

        return run_mutation(info, PricelistPayload, action)

    @mutation(permission="Pricelist:write")
    def delete_pricelist(self, info: Info, id: int) -> PricelistDeletePayload:
        def action() -> dict[str, Any]:
            pricelists.delete_pricelist(info.context.uow, id)
            return {}

        return run_mutation(info, PricelistDeletePayload, action, reads="id")

    @mutation(permission="Price:write")
    def set_prices(self, info: Info, input: SetPricesInput) -> SetPricesPayload:
        def action() -> dict[str, Any]:
            spec = prices.PricesSpec(input.pricelist, _product_prices(input.product_prices))
            result = prices.set_prices(info.context.uow, [spec], batch=False)
            return {
                "pricelist": result.pricelists[0],
                "products": result.products,
                "warnings": result.warnings,
            }

        return run_mutation(info, SetPricesPayload, action, reads="input")

    @mutation(permission="Price:write")
    def set_prices_batch(self, info: Info, input: list[SetPricesInput]) -> SetPricesBatchPayload:
        def action() -> dict[str, Any]:
            specs = [
                prices.PricesSpec(item.pricelist, _product_prices(item.product_prices))
                for item in input
            ]
            result = prices.set_prices(info.context.uow, specs, batch=True)
            return {
                "pricelists": result.pricelists,
                "products": result.products,
                "warnings": result.warnings,
            }

        return run_mutation(info, SetPricesBatchPayload, action, reads="input")

    @mutation(permission="Price:write")
    def create_price_alteration(
        self, info: Info, input: PriceAlterationCreateInput
    ) -> PriceAlterationPayload:
        return run_mutation(
            info,
            PriceAlterationPayload,
            lambda: {
                "price_alteration": alterations.create_price_alteration(
                    info.context.uow, _alteration_spec(input)
                )
            },
            reads="input",
        )

    @mutation(permission="Price:write")
    def update_price_alteration(
        self, info: Info, id: int, input: PriceAlterationUpdateInput
    ) -> PriceAlterationPayload:
        def action() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                alteration = alterations.alteration_to_change(uow, id)
            with reading("input"):
                changed = alterations.update_price_alteration(
                    uow, alteration, _alteration_spec(input)
                )
            return {"price_alteration": changed}

        return run_mutation(info, PriceAlterationPayload, action)

    @mutation(permission="Price:write")
    def set_altered_prices(
        self, info: Info, input: SetAlteredPricesInput
    ) -> SetAlteredPricesPayload:
        def action() -> dict[str, Any]:
            spec = prices.PricesSpec(
                input.pricelist, _product_prices(input.product_prices), input.price_alteration
            )
            result = prices.set_altered_prices(info.context.uow, [spec], batch=False)
            return {
                "price_alteration": result.price_alterations[0],
                "pricelist": result.pricelists[0],
                "products": result.products,
                "warnings": result.warnings,
            }

        return run_mutation(info, SetAlteredPricesPayload, action, reads="input")

    @mutation(permission="Price:write")
    def set_altered_prices_batch(
        self, info: Info, input: list[SetAlteredPricesInput]
    ) -> SetAlteredPricesBatchPayload:
        def action() -> dict[str, Any]:
            specs = [
                prices.PricesSpec(
                    item.pricelist, _product_prices(item.product_prices), item.price_alteration
                )
                for item in input
            ]
            result = prices.set_altered_prices(info.context.uow, specs, batch=True)
            return {
                "price_alterations": result.price_alterations,
                "pricelists": result.pricelists,
                "products": result.products,
                "warnings": result.warnings,
            }

        return run_mutation(info, SetAlteredPricesBatchPayload, action, reads="input")
