"""Vouchers: their markets, actions (criteria and results), and one usage row per placed order."""

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from mockcentra.storage.tables.base import Row, empty_dict
from mockcentra.storage.types import AwareDateTime, JsonDict

__all__ = [
    "VoucherRow",
    "VoucherMarketRow",
    "VoucherActionRow",
    "VoucherCriterionRow",
    "VoucherUsageRow",
]


class VoucherRow(Row):
    """A code, URL or automatic voucher of one store; `max_usages` 0 means unlimited."""

    __tablename__ = "voucher"
    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"), index=True)
    name: Mapped[str]
    status: Mapped[str] = mapped_column(default="ACTIVE")  # VoucherStatus
    method: Mapped[str] = mapped_column(default="CODE")  # VoucherMethod
    type: Mapped[str] = mapped_column(default="DISCOUNT")  # VoucherType
    code: Mapped[str | None] = mapped_column(index=True)
    url: Mapped[str | None]
    start_at: Mapped[datetime] = mapped_column(AwareDateTime)
    stop_at: Mapped[datetime] = mapped_column(AwareDateTime)
    priority: Mapped[int] = mapped_column(default=0)
    max_usages: Mapped[int] = mapped_column(default=0)
    reuse: Mapped[bool] = mapped_column(default=True)
    combine_with_other_vouchers: Mapped[bool] = mapped_column(default=True)
    is_external: Mapped[bool] = mapped_column(default=False)
    entry_point_strategy: Mapped[str] = mapped_column(
        default="APPLY_ALL_IF_ALL_APPLY"
    )  # EntryPointStrategy
    conversion_html: Mapped[str | None]
    external_id: Mapped[str | None] = mapped_column(index=True)  # promotion id (seed 002)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime)


class VoucherMarketRow(Row):
    __tablename__ = "voucher_market"
    voucher_id: Mapped[int] = mapped_column(ForeignKey("voucher.id"), primary_key=True)
    market_id: Mapped[int] = mapped_column(ForeignKey("market.id"), primary_key=True, index=True)


class VoucherActionRow(Row):
    """One action: criteria pick products, the result changes prices or shipping.

    `entry_point_id` is None for an entry point, else the entry point this sub-action follows.
    `result` holds the result's parameters: applyOn, percentOff or priceOff (pricelist id ->
    amount text), shippingOptionIds.
    """

    __tablename__ = "voucher_action"
    id: Mapped[int] = mapped_column(primary_key=True)
    voucher_id: Mapped[int] = mapped_column(ForeignKey("voucher.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    entry_point_id: Mapped[int | None] = mapped_column(ForeignKey("voucher_action.id"))
    continue_strategy: Mapped[str] = mapped_column(default="ALL_PRODUCTS")  # ContinueStrategy
    result_type: Mapped[str] = mapped_column(default="CONTINUE")  # ResultType
    result: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=empty_dict)


class VoucherCriterionRow(Row):
    """A condition of an action; `params` e.g. {"variantIds": [..]} or {"shippingOptionIds": [..]}."""

    __tablename__ = "voucher_criterion"
    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("voucher_action.id"), index=True)
    type: Mapped[str]  # CriteriaType
    params: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=empty_dict)


class VoucherUsageRow(Row):
    """One use of a voucher: written in the payment transaction of the order that used it."""

    __tablename__ = "voucher_usage"
    id: Mapped[int] = mapped_column(primary_key=True)
    voucher_id: Mapped[int] = mapped_column(ForeignKey("voucher.id"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id"), index=True)
    email: Mapped[str] = mapped_column(index=True)  # lower-cased
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
