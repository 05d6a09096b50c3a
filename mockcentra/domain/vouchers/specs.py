"""What an input asks of a voucher, transport-neutral: the GraphQL and seeding layers build these
and `actions` checks and stores them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from mockcentra.domain.vouchers.status import (
    ApplyOn,
    ContinueStrategy,
    CriteriaType,
    EntryPointStrategy,
    ResultType,
    VoucherMethod,
    VoucherStatus,
    VoucherType,
)

# ---------------------------------------------------------------- specs (transport-neutral)


@dataclass
class CriterionSpec:
    """One `addCriteria` entry: `given` lists the input fields that were set (exactly one)."""

    given: list[str]
    type: CriteriaType | None = None
    variants: list[Any] = field(default_factory=list)
    shipping_options: list[Any] = field(default_factory=list)


@dataclass
class PriceOffSpec:
    pricelist: Any
    value: Decimal
    currency_code: str


@dataclass
class ResultSpec:
    """The action's `result`: `given` lists the result kinds that were set (exactly one)."""

    given: list[str]
    type: ResultType | None = None
    apply_on: ApplyOn | None = None
    discounts_given: list[str] = field(default_factory=list)
    percent_off: Decimal | None = None
    price_off: list[PriceOffSpec] = field(default_factory=list)
    shipping_options: list[Any] | None = None


@dataclass
class ActionSpec:
    #: None: an entry point. Otherwise the id the input gave (see `_entry_point_of`).
    entry_point_id: int | None
    continue_strategy: ContinueStrategy
    criteria: list[CriterionSpec]
    result: ResultSpec


@dataclass
class VoucherSpec:
    name: str
    status: VoucherStatus
    start_at: str
    stop_at: str
    method: VoucherMethod
    priority: int
    max_usages: int
    reuse: bool
    type: VoucherType
    entry_point_strategy: EntryPointStrategy
    store: Any
    code: str | None = None
    url: str | None = None
    combine_with_other_vouchers: bool | None = None
    is_external: bool | None = None
    conversion_html: str | None = None
    add_markets: list[Any] = field(default_factory=list)
    actions: list[ActionSpec] = field(default_factory=list)
    external_id: str | None = None


@dataclass
class VoucherChanges:
    """`updateVoucher`: only the fields given change."""

    name: str | None = None
    status: VoucherStatus | None = None
    start_at: str | None = None
    stop_at: str | None = None
    method: VoucherMethod | None = None
    code: str | None = None
    url: str | None = None
    priority: int | None = None
    max_usages: int | None = None
    combine_with_other_vouchers: bool | None = None
    reuse: bool | None = None
    type: VoucherType | None = None
    entry_point_strategy: EntryPointStrategy | None = None
    conversion_html: str | None = None
    add_markets: list[Any] = field(default_factory=list)
    remove_markets: list[Any] = field(default_factory=list)
    external_id: str | None = None
