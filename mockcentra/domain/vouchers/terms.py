"""A voucher's actions as rows: each criterion and result of an input checked and stored."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.money import round_money
from mockcentra.domain.refs import resolve
from mockcentra.domain.vouchers.queries import actions_of
from mockcentra.domain.vouchers.specs import ActionSpec, CriterionSpec, ResultSpec
from mockcentra.domain.vouchers.status import (
    ApplyOn,
    CriteriaType,
    ResultType,
)
from mockcentra.storage.tables import (
    CurrencyRow,
    PricelistRow,
    ShippingOptionRow,
    VariantRow,
    VoucherActionRow,
    VoucherCriterionRow,
    VoucherRow,
)
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import UnitOfWork

Path = Sequence[str | int]  # where in the input an error points

#: Criteria and results an input may name but mockcentra does not evaluate.
UNSUPPORTED = "is not supported by mockcentra"


def add_actions(uow: UnitOfWork, voucher: VoucherRow, specs: list[ActionSpec], base: Path) -> None:
    """Actions in input order; a non-null `entrypointAction.id` makes a sub-action.

    On a flat list a sub-action belongs to the nearest entry point above it, as Centra's schema
    describes. mockcentra reads `{id: <n>}` that way when n is not an action of this voucher
    yet (ids do not exist before the call), and as that action when it is.
    """
    existing = {key(a): a for a in actions_of(uow.session, key(voucher))}
    position = max((a.position for a in existing.values()), default=-1) + 1
    last_entry: int | None = max(
        (key(a) for a in existing.values() if a.entry_point_id is None), default=None
    )
    for i, spec in enumerate(specs):
        path = [*base, i]
        if spec.entry_point_id is None:
            entry_point = None
        elif spec.entry_point_id in existing:
            target = existing[spec.entry_point_id]
            entry_point = target.entry_point_id or target.id
        elif last_entry is not None:
            entry_point = last_entry
        else:
            raise invalid(
                "The first action must be an entry point (entrypointAction: {id: null}).",
                [*path, "entrypointAction"],
            )
        result_type, result = _result(uow, voucher, spec.result, [*path, "result"])
        if not spec.criteria:
            raise DomainError(
                ErrorCode.REQUIRED,
                "An action needs at least one criterion.",
                [*path, "addCriteria"],
            )
        criteria = [
            _criterion(uow, c, [*path, "addCriteria", j]) for j, c in enumerate(spec.criteria)
        ]
        row = VoucherActionRow(
            voucher_id=key(voucher),
            position=position,
            entry_point_id=entry_point,
            continue_strategy=spec.continue_strategy.value,
            result_type=result_type.value,
            result=result,
        )
        position += 1
        uow.session.add(row)
        uow.session.flush()
        existing[key(row)] = row
        if entry_point is None:
            last_entry = key(row)
        for kind, params in criteria:
            uow.session.add(VoucherCriterionRow(action_id=key(row), type=kind.value, params=params))
    uow.session.flush()


_CRITERIA = {
    "always": CriteriaType.ALWAYS,
    "productVariants": CriteriaType.PRODUCTS,
    "excludeProductVariants": CriteriaType.EXCLUDE_PRODUCTS,
    "oncePerCustomer": CriteriaType.ONCE_PER_CUSTOMER,
    "shippingList": CriteriaType.SHIPPING_LIST,
}


def _criterion(uow: UnitOfWork, spec: CriterionSpec, path: Path) -> tuple[CriteriaType, dict]:
    if len(spec.given) != 1:
        raise invalid("Exactly one criterion field must be given.", path)
    name = spec.given[0]
    if name not in _CRITERIA:
        raise invalid(f"Criterion {name} {UNSUPPORTED}.", [*path, name])
    kind = _CRITERIA[name]
    if kind == CriteriaType.PRODUCTS or kind == CriteriaType.EXCLUDE_PRODUCTS:
        if not spec.variants:
            raise DomainError(
                ErrorCode.REQUIRED, f"{name} needs at least one product variant.", [*path, name]
            )
        ids = [
            resolve(
                uow,
                VariantRow,
                ref,
                [*path, name, i],
                kind="product variant",
                object_type="ProductVariant",
            ).id
            for i, ref in enumerate(spec.variants)
        ]
        return kind, {"variantIds": sorted(set(ids))}
    if kind == CriteriaType.SHIPPING_LIST:
        if not spec.shipping_options:
            raise DomainError(
                ErrorCode.REQUIRED,
                "shippingList needs at least one shipping option.",
                [*path, name, "shippingOptions"],
            )
        ids = [
            resolve(
                uow,
                ShippingOptionRow,
                ref,
                [*path, name, "shippingOptions", i],
                kind="shipping option",
                object_type="ShippingOption",
            ).id
            for i, ref in enumerate(spec.shipping_options)
        ]
        return kind, {"shippingOptionIds": sorted(set(ids))}
    return kind, {}


_RESULTS = {
    "continue": ResultType.CONTINUE,
    "selectedProducts": ResultType.CHANGE_SELECTED_PRODUCTS_PRICE,
    "productTotal": ResultType.CHANGE_PRODUCT_TOTAL,
    "orderTotal": ResultType.CHANGE_ORDER_TOTAL,
    "freeShipping": ResultType.SET_FREE_SHIPPING,
    "freeProducts": ResultType.ADD_FREE_PRODUCTS,
}


def _result(
    uow: UnitOfWork, voucher: VoucherRow, spec: ResultSpec, path: Path
) -> tuple[ResultType, dict[str, Any]]:
    if len(spec.given) != 1:
        raise invalid("Exactly one result field must be given.", path)
    name = spec.given[0]
    kind = _RESULTS[name]
    if kind == ResultType.ADD_FREE_PRODUCTS:
        raise invalid(f"Result freeProducts {UNSUPPORTED}.", [*path, name])
    if kind == ResultType.CONTINUE:
        return kind, {}
    if kind == ResultType.SET_FREE_SHIPPING:
        if spec.shipping_options is None:
            return kind, {"shippingOptionIds": None}
        ids = _shipping_options(uow, voucher, spec.shipping_options, [*path, name])
        return kind, {"shippingOptionIds": ids}
    discount_path = [*path, name, "discount"]
    out: dict[str, Any] = {"applyOn": (spec.apply_on or ApplyOn.ORDER).value}
    if len(spec.discounts_given) != 1:
        raise invalid("Exactly one discount field must be given.", discount_path)
    how = spec.discounts_given[0]
    if how == "percentOff":
        percent = spec.percent_off
        if percent is None or percent <= 0 or percent > 100:
            raise invalid("percentOff must be more than 0 and at most 100.", [*discount_path, how])
        out["percentOff"] = format(percent.normalize(), "f")
        return kind, out
    if how != "priceOff":
        raise invalid(f"Discount {how} {UNSUPPORTED}.", [*discount_path, how])
    if not spec.price_off:
        raise DomainError(
            ErrorCode.REQUIRED,
            "priceOff needs a value for at least one pricelist.",
            [*discount_path, how],
        )
    out["priceOff"] = _price_off(uow, voucher, spec.price_off, [*discount_path, how])
    return kind, out


def _shipping_options(
    uow: UnitOfWork, voucher: VoucherRow, refs: list[Any], path: Path
) -> list[int]:
    """The shipping options a free-shipping result names, all of the voucher's store."""
    ids = []
    for i, ref in enumerate(refs):
        option = resolve(
            uow,
            ShippingOptionRow,
            ref,
            [*path, "shippingOptions", i],
            kind="shipping option",
            object_type="ShippingOption",
        )
        if option.store_id not in (None, voucher.store_id):
            raise invalid(
                f"Shipping option {option.id} does not belong to store {voucher.store_id}.",
                [*path, "shippingOptions", i],
            )
        ids.append(key(option))
    return sorted(set(ids))


def _price_off(
    uow: UnitOfWork, voucher: VoucherRow, values: list[Any], path: Path
) -> dict[str, str]:
    """A priceOff result's amount per pricelist of the voucher's store, in its currency."""
    out: dict[str, str] = {}
    for i, value in enumerate(values):
        where = [*path, i]
        pricelist = resolve(
            uow,
            PricelistRow,
            value.pricelist,
            [*where, "pricelist"],
            kind="pricelist",
            object_type="Pricelist",
        )
        if pricelist.store_id != voucher.store_id:
            raise invalid(
                f"Pricelist {pricelist.id} does not belong to store {voucher.store_id}.",
                [*where, "pricelist"],
            )
        currency = stored(uow.session, CurrencyRow, pricelist.currency_id).code
        if value.currency_code.upper() != currency:
            raise invalid(
                f"Currency {value.currency_code} does not match the currency {currency} of "
                f"pricelist {pricelist.id}.",
                [*where, "value", "currencyIsoCode"],
            )
        if value.value <= 0:
            raise invalid("priceOff values must be more than 0.", [*where, "value", "value"])
        out[str(pricelist.id)] = str(round_money(value.value))
    return out
