"""Delivery windows: when a wholesale order's lines are delivered, which variants each
window sells (and how many), and in which markets."""

from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.wholesale import delivery_windows, queries, window_variants
from mockcentra.graphql.common import (
    AllocationRuleInput,
    MarketInput,
    Payload,
    PriceAlterationInput,
    ProductVariantInput,
)
from mockcentra.graphql.errors import reading, run_mutation
from mockcentra.graphql.permissions import mutation
from mockcentra.graphql.wholesale.references import DeliveryWindowInput
from mockcentra.graphql.wholesale.window_types import (
    DeliveryWindow,
    DeliveryWindowLimitOn,
    DeliveryWindowLimitType,
    DeliveryWindowStatus,
    PreorderAllocationOrder,
    VariantDeliveryType,
    announce_windows,
)
from mockcentra.storage.tables import DeliveryWindowRow


@strawberry.input
class DateRangeInput:
    from_: str | None = strawberry.field(name="from", default=None)
    to: str | None = None


@strawberry.input
class PreorderDeliveryWindowInput:
    delivery_date_range: DateRangeInput | None = None
    sales_date_range: DateRangeInput | None = None
    allocation_order: PreorderAllocationOrder | None = None


@strawberry.input
class AtOnceDeliveryWindowInput:
    days_from_now: int | None = None
    selectable_date: bool | None = None


@strawberry.input
class DeliveryWindowCreateInput:
    name: str
    markets: list[MarketInput]
    status: DeliveryWindowStatus | None = None
    delivery_dates_visible: bool | None = None
    selectable_by_buyers: bool | None = None
    selected_by_default: bool | None = None
    default_variant_delivery_type: VariantDeliveryType | None = None
    allocation_rule: AllocationRuleInput | None = None
    price_alteration: PriceAlterationInput | None = None
    preorder: PreorderDeliveryWindowInput | None = None
    at_once: AtOnceDeliveryWindowInput | None = None


@strawberry.input
class DeliveryWindowUpdateInput:
    name: str | None = None
    markets: list[MarketInput] | None = strawberry.field(
        default=None, description="Replaces the window's markets."
    )
    status: DeliveryWindowStatus | None = None
    delivery_dates_visible: bool | None = None
    selectable_by_buyers: bool | None = None
    selected_by_default: bool | None = None
    default_variant_delivery_type: VariantDeliveryType | None = None
    allocation_rule: AllocationRuleInput | None = None
    price_alteration: PriceAlterationInput | None = None
    preorder: PreorderDeliveryWindowInput | None = None
    at_once: AtOnceDeliveryWindowInput | None = None


@strawberry.input
class DeliveryWindowVariantLimitInput:
    value: int | None = strawberry.field(default=None, description="null removes the limit.")
    type: DeliveryWindowLimitType | None = None
    on: DeliveryWindowLimitOn | None = None


@strawberry.input
class DeliveryWindowVariantInput:
    product_variant: ProductVariantInput
    type: VariantDeliveryType | None = None
    limit: DeliveryWindowVariantLimitInput | None = None


@strawberry.input
class SetDeliveryWindowVariantsInput:
    delivery_window: DeliveryWindowInput
    variants: list[DeliveryWindowVariantInput] = strawberry.field(
        description="At most 100 per call."
    )


@strawberry.input
class UnsetDeliveryWindowVariantsInput:
    delivery_window: DeliveryWindowInput
    product_variants: list[ProductVariantInput]


@strawberry.input
class DeliveryWindowFilter:
    id: list[int] | None = None
    status: list[DeliveryWindowStatus] | None = None
    market_id: list[int] | None = None
    store_id: list[int] | None = None


@strawberry.type
class DeliveryWindowPayload(Payload):
    delivery_window: DeliveryWindow | None = None


def _range(value: DateRangeInput | None) -> delivery_windows.DateRangeSpec | None:
    return None if value is None else delivery_windows.DateRangeSpec(value.from_, value.to)


def _window_spec(input: Any) -> delivery_windows.WindowSpec:
    pre, now = input.preorder, input.at_once
    return delivery_windows.WindowSpec(
        name=input.name,
        status=input.status,
        delivery_dates_visible=input.delivery_dates_visible,
        selectable_by_buyers=input.selectable_by_buyers,
        selected_by_default=input.selected_by_default,
        default_variant_delivery_type=input.default_variant_delivery_type,
        allocation_rule=input.allocation_rule,
        markets=input.markets,
        price_alteration=input.price_alteration,
        preorder=None
        if pre is None
        else delivery_windows.PreorderSpec(
            _range(pre.delivery_date_range), _range(pre.sales_date_range), pre.allocation_order
        ),
        at_once=None
        if now is None
        else delivery_windows.AtOnceSpec(now.days_from_now, now.selectable_date),
    )


@strawberry.type
class Query:
    @strawberry.field
    def delivery_windows(
        self,
        info: Info,
        where: DeliveryWindowFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[DeliveryWindow]:
        w = where or DeliveryWindowFilter()
        rows = list(
            queries.list_windows(
                info.context.session,
                ids=w.id,
                statuses=w.status,
                market_ids=w.market_id,
                store_ids=w.store_id,
                limit=limit,
                page_number=page,
            )
        )
        announce_windows(info, [r.id for r in rows])
        return rows  # type: ignore[return-value]

    @strawberry.field
    def delivery_window(self, info: Info, id: int) -> DeliveryWindow | None:
        return info.context.session.get(DeliveryWindowRow, id)


@strawberry.type
class Mutation:
    @mutation(permission="DeliveryWindow:write")
    def create_delivery_window(
        self, info: Info, input: DeliveryWindowCreateInput
    ) -> DeliveryWindowPayload:
        return run_mutation(
            info,
            DeliveryWindowPayload,
            lambda: {
                "delivery_window": delivery_windows.create_window(
                    info.context.uow, _window_spec(input)
                )
            },
            reads="input",
        )

    @mutation(permission="DeliveryWindow:write")
    def update_delivery_window(
        self, info: Info, id: int, input: DeliveryWindowUpdateInput
    ) -> DeliveryWindowPayload:
        def action() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                window = delivery_windows.window_to_change(uow, id)
            with reading("input"):
                changed = delivery_windows.update_window(uow, window, _window_spec(input))
            return {"delivery_window": changed}

        return run_mutation(info, DeliveryWindowPayload, action)

    @mutation(
        permission=(
            "DeliveryWindow:write",
            "DeliveryWindow:read",
            "Market:read",
            "Campaign:read",
            "AllocationRule:read",
            "Product:read",
        )
    )
    def set_delivery_window_variants(
        self, info: Info, input: SetDeliveryWindowVariantsInput
    ) -> DeliveryWindowPayload:
        """Centra reports (and needs) the window's read permissions whatever is selected."""

        def action() -> dict[str, Any]:
            specs = [
                window_variants.WindowVariantSpec(
                    product_variant=v.product_variant,
                    type=v.type,
                    limit_value=v.limit.value if v.limit else None,
                    limit_type=v.limit.type if v.limit else None,
                    limit_on=v.limit.on if v.limit else None,
                    has_limit=v.limit is not None,
                )
                for v in input.variants
            ]
            result = window_variants.set_window_variants(
                info.context.uow, input.delivery_window, specs
            )
            return {"delivery_window": result.window, "warnings": result.warnings}

        return run_mutation(info, DeliveryWindowPayload, action, reads="input")

    @mutation(permission="DeliveryWindow:write")
    def unset_delivery_window_variants(
        self, info: Info, input: UnsetDeliveryWindowVariantsInput
    ) -> DeliveryWindowPayload:
        def action() -> dict[str, Any]:
            result = window_variants.unset_window_variants(
                info.context.uow, input.delivery_window, input.product_variants
            )
            return {"delivery_window": result.window, "warnings": result.warnings}

        return run_mutation(info, DeliveryWindowPayload, action, reads="input")
