"""Vouchers: their markets, actions (criteria and results), and one usage row per placed order."""

from datetime import datetime
from typing import Any

from sqlmodel import Field

from mockcentra.storage.tables.base import Row, empty_dict
from mockcentra.storage.types import AwareDateTime, JsonDict

__all__ = [
    "VoucherRow",
    "VoucherMarketRow",
    "VoucherActionRow",
    "VoucherCriterionRow",
    "VoucherUsageRow",
]


class VoucherRow(Row, table=True):
    """A code, URL or automatic voucher of one store; `max_usages` 0 means unlimited."""

    __tablename__ = "voucher"
    id: int | None = Field(default=None, primary_key=True)
    store_id: int = Field(foreign_key="store.id", index=True)
    name: str
    status: str = "ACTIVE"  # VoucherStatus
    method: str = "CODE"  # VoucherMethod
    type: str = "DISCOUNT"  # VoucherType
    code: str | None = Field(default=None, index=True)
    url: str | None = None
    start_at: datetime = Field(sa_type=AwareDateTime)
    stop_at: datetime = Field(sa_type=AwareDateTime)
    priority: int = 0
    max_usages: int = 0
    reuse: bool = True
    combine_with_other_vouchers: bool = True
    is_external: bool = False
    entry_point_strategy: str = "APPLY_ALL_IF_ALL_APPLY"  # EntryPointStrategy
    conversion_html: str | None = None
    external_id: str | None = Field(default=None, index=True)  # promotion id (seed 002)
    created_at: datetime = Field(sa_type=AwareDateTime)
    updated_at: datetime = Field(sa_type=AwareDateTime)


class VoucherMarketRow(Row, table=True):
    __tablename__ = "voucher_market"
    voucher_id: int = Field(foreign_key="voucher.id", primary_key=True)
    market_id: int = Field(foreign_key="market.id", primary_key=True, index=True)


class VoucherActionRow(Row, table=True):
    """One action: criteria pick products, the result changes prices or shipping.

    `entry_point_id` is None for an entry point, else the entry point this sub-action follows.
    `result` holds the result's parameters: applyOn, percentOff or priceOff (pricelist id ->
    amount text), shippingOptionIds.
    """

    __tablename__ = "voucher_action"
    id: int | None = Field(default=None, primary_key=True)
    voucher_id: int = Field(foreign_key="voucher.id", index=True)
    position: int = 0
    entry_point_id: int | None = Field(default=None, foreign_key="voucher_action.id")
    continue_strategy: str = "ALL_PRODUCTS"  # ContinueStrategy
    result_type: str = "CONTINUE"  # ResultType
    result: dict[str, Any] = Field(default_factory=empty_dict, sa_type=JsonDict)


class VoucherCriterionRow(Row, table=True):
    """A condition of an action; `params` e.g. {"variantIds": [..]} or {"shippingOptionIds": [..]}."""

    __tablename__ = "voucher_criterion"
    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="voucher_action.id", index=True)
    type: str  # CriteriaType
    params: dict[str, Any] = Field(default_factory=empty_dict, sa_type=JsonDict)


class VoucherUsageRow(Row, table=True):
    """One use of a voucher: written in the payment transaction of the order that used it."""

    __tablename__ = "voucher_usage"
    id: int | None = Field(default=None, primary_key=True)
    voucher_id: int = Field(foreign_key="voucher.id", index=True)
    order_id: int = Field(foreign_key="orders.id", index=True)
    customer_id: int | None = Field(default=None, foreign_key="customer.id", index=True)
    email: str = Field(index=True)  # lower-cased
    created_at: datetime = Field(sa_type=AwareDateTime)
