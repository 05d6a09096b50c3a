"""Pricing queries and mutations: pricelists, prices, price alterations."""

from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.pricing import alterations, price_changes, pricelists, queries
from mockcentra.graphql.errors import reading, run_mutation
from mockcentra.graphql.permissions import mutation
from mockcentra.graphql.pricing.inputs import (
    PriceAlterationCreateInput,
    PriceAlterationFilter,
    PriceAlterationPayload,
    PriceAlterationUpdateInput,
    PricelistCreateInput,
    PricelistDeletePayload,
    PricelistFilter,
    PricelistPayload,
    PricelistSort,
    PricelistUpdateInput,
    SetAlteredPricesBatchPayload,
    SetAlteredPricesInput,
    SetAlteredPricesPayload,
    SetPricesBatchPayload,
    SetPricesInput,
    SetPricesPayload,
    alteration_spec,
    pricelist_spec,
    product_prices,
)
from mockcentra.graphql.pricing.types import (
    PriceAlteration,
    Pricelist,
    announce,
)
from mockcentra.storage.tables import PriceAlterationRow, PricelistRow

# --- schema --------------------------------------------------------------------------------


@strawberry.type
class Query:
    @strawberry.field
    def pricelists(
        self,
        info: Info,
        where: PricelistFilter | None = None,
        sort: list[PricelistSort] | None = None,
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
                "pricelist": pricelists.create_pricelist(info.context.uow, pricelist_spec(input))
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
                    "pricelist": pricelists.update_pricelist(uow, pricelist, pricelist_spec(input))
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
            spec = price_changes.PricesSpec(input.pricelist, product_prices(input.product_prices))
            result = price_changes.set_prices(info.context.uow, [spec], batch=False)
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
                price_changes.PricesSpec(item.pricelist, product_prices(item.product_prices))
                for item in input
            ]
            result = price_changes.set_prices(info.context.uow, specs, batch=True)
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
                    info.context.uow, alteration_spec(input)
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
                    uow, alteration, alteration_spec(input)
                )
            return {"price_alteration": changed}

        return run_mutation(info, PriceAlterationPayload, action)

    @mutation(permission="Price:write")
    def set_altered_prices(
        self, info: Info, input: SetAlteredPricesInput
    ) -> SetAlteredPricesPayload:
        def action() -> dict[str, Any]:
            spec = price_changes.PricesSpec(
                input.pricelist, product_prices(input.product_prices), input.price_alteration
            )
            result = price_changes.set_altered_prices(info.context.uow, [spec], batch=False)
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
                price_changes.PricesSpec(
                    item.pricelist, product_prices(item.product_prices), item.price_alteration
                )
                for item in input
            ]
            result = price_changes.set_altered_prices(info.context.uow, specs, batch=True)
            return {
                "price_alterations": result.price_alterations,
                "pricelists": result.pricelists,
                "products": result.products,
                "warnings": result.warnings,
            }

        return run_mutation(info, SetAlteredPricesBatchPayload, action, reads="input")
