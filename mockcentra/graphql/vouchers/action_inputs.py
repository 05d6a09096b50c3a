"""The inputs of a voucher's actions: when it applies (criteria) and what it gives (results),
as createVoucher and updateVoucher take them."""

from typing import Any

import strawberry

from mockcentra.domain.vouchers import specs as voucher_specs
from mockcentra.domain.vouchers import status as st
from mockcentra.graphql.common import (
    CategoryInput,
    FolderInput,
    MonetaryValueInput,
    PricelistInput,
    ProductVariantInput,
    ShippingOptionInput,
)
from mockcentra.graphql.vouchers.types import (
    VoucherActionContinueStrategy,
    VoucherActionResultApplyOn,
)


def given_fields(obj: Any, names: dict[str, str]) -> list[str]:
    """The camelCase names of the fields an input object set (not null)."""
    return [camel for py, camel in names.items() if getattr(obj, py) is not None]


@strawberry.input(description="Pass null as ID to make the action an entry point.")
class VoucherActionInput:
    id: int | None = None


@strawberry.input
class VoucherActionCriteriaShippingListInput:
    shipping_options: list[ShippingOptionInput]


_CRITERIA_FIELDS = {
    "always": "always",
    "once_per_customer": "oncePerCustomer",
    "logged_in_customer": "loggedInCustomer",
    "product_variants": "productVariants",
    "exclude_product_variants": "excludeProductVariants",
    "categories": "categories",
    "exclude_categories": "excludeCategories",
    "folders": "folders",
    "exclude_folders": "excludeFolders",
    "product_in_sale": "productInSale",
    "product_in_news": "productInNews",
    "cheapest_products": "cheapestProducts",
    "costliest_products": "costliestProducts",
    "shipping_list": "shippingList",
}


@strawberry.input(
    description="Exactly one field. mockcentra evaluates always, productVariants, "
    "excludeProductVariants, oncePerCustomer and shippingList; the others are refused."
)
class VoucherActionCriteriaCreateInput:
    always: bool | None = None
    once_per_customer: bool | None = None
    logged_in_customer: bool | None = None
    product_variants: list[ProductVariantInput] | None = None
    exclude_product_variants: list[ProductVariantInput] | None = None
    categories: list[CategoryInput] | None = None
    exclude_categories: list[CategoryInput] | None = None
    folders: list[FolderInput] | None = None
    exclude_folders: list[FolderInput] | None = None
    product_in_sale: bool | None = None
    product_in_news: bool | None = None
    cheapest_products: int | None = None
    costliest_products: int | None = None
    shipping_list: VoucherActionCriteriaShippingListInput | None = None

    def to_spec(self) -> voucher_specs.CriterionSpec:
        return voucher_specs.CriterionSpec(
            given=given_fields(self, _CRITERIA_FIELDS),
            variants=list(self.product_variants or self.exclude_product_variants or []),
            shipping_options=list(self.shipping_list.shipping_options)
            if self.shipping_list
            else [],
        )


@strawberry.input
class VoucherActionPricelistValueInput:
    pricelist: PricelistInput
    value: MonetaryValueInput


_DISCOUNT_FIELDS = {
    "price_off": "priceOff",
    "percent_off": "percentOff",
    "original_percent_off": "originalPercentOff",
    "original_percent_off_excluding_campaigns": "originalPercentOffExcludingCampaigns",
}


@strawberry.input(description="Exactly one field; mockcentra supports priceOff and percentOff.")
class VoucherActionResultPriceDiscountInput:
    price_off: list[VoucherActionPricelistValueInput] | None = None
    percent_off: float | None = None
    original_percent_off: float | None = None
    original_percent_off_excluding_campaigns: float | None = None


@strawberry.input
class VoucherActionResultDiscountInput:
    apply_on: VoucherActionResultApplyOn
    discount: VoucherActionResultPriceDiscountInput


@strawberry.input(description="Without shippingOptions every shipping option becomes free.")
class VoucherActionResultShippingOptionsInput:
    shipping_options: list[ShippingOptionInput] | None = None


_RESULT_FIELDS = {
    "continue_": "continue",
    "selected_products": "selectedProducts",
    "product_total": "productTotal",
    "order_total": "orderTotal",
    "free_shipping": "freeShipping",
}


@strawberry.input(description="Exactly one field.")
class VoucherActionResultInput:
    continue_: bool | None = strawberry.field(name="continue", default=None)
    selected_products: VoucherActionResultDiscountInput | None = None
    product_total: VoucherActionResultDiscountInput | None = None
    order_total: VoucherActionResultDiscountInput | None = None
    free_shipping: VoucherActionResultShippingOptionsInput | None = None

    def to_spec(self) -> voucher_specs.ResultSpec:
        spec = voucher_specs.ResultSpec(given=given_fields(self, _RESULT_FIELDS))
        discount = self.selected_products or self.product_total or self.order_total
        if discount is not None:
            spec.apply_on = st.ApplyOn(discount.apply_on.value)
            d = discount.discount
            spec.discounts_given = given_fields(d, _DISCOUNT_FIELDS)
            if d.percent_off is not None:
                spec.percent_off = MonetaryValueInput(
                    value=d.percent_off, currency_iso_code=""
                ).to_decimal()
            spec.price_off = [
                voucher_specs.PriceOffSpec(
                    v.pricelist, v.value.to_decimal(), v.value.currency_iso_code
                )
                for v in d.price_off or []
            ]
        if self.free_shipping is not None:
            options = self.free_shipping.shipping_options
            spec.shipping_options = None if options is None else list(options)
        return spec


@strawberry.input
class VoucherActionOnVoucherCreateInput:
    entrypoint_action: VoucherActionInput
    continue_strategy: VoucherActionContinueStrategy
    add_criteria: list[VoucherActionCriteriaCreateInput]
    result: VoucherActionResultInput

    def to_spec(self) -> voucher_specs.ActionSpec:
        return voucher_specs.ActionSpec(
            entry_point_id=self.entrypoint_action.id,
            continue_strategy=st.ContinueStrategy(self.continue_strategy.value),
            criteria=[c.to_spec() for c in self.add_criteria],
            result=self.result.to_spec(),
        )
