"""Reading vouchers: by id or code, their markets, actions, criteria and usages, the automatic
ones of a market, the engine's view of them, lists, and the REST Order API's facts.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, func
from sqlmodel import Session, select

from mockcentra.domain.emails import normalize_email
from mockcentra.domain.listing import page
from mockcentra.domain.vouchers import engine
from mockcentra.domain.vouchers.status import (
    ContinueStrategy,
    CriteriaType,
    EntryPointStrategy,
    ResultType,
    VoucherMethod,
    VoucherStatus,
)
from mockcentra.storage.records import memo_records
from mockcentra.storage.tables import (
    MarketRow,
    VoucherActionRow,
    VoucherCriterionRow,
    VoucherMarketRow,
    VoucherRow,
    VoucherUsageRow,
)
from mockcentra.storage.tables.base import key

# ---------------------------------------------------------------- reading


def find_voucher(session: Session, voucher_id: int) -> VoucherRow | None:
    """A voucher by id (for the REST Order API's `GET vouchers/<id>` too)."""
    return session.get(VoucherRow, voucher_id)


def market_ids(session: Session, voucher_id: int) -> list[int]:
    return list(
        session.exec(
            select(VoucherMarketRow.market_id)
            .where(VoucherMarketRow.voucher_id == voucher_id)
            .order_by(VoucherMarketRow.market_id)
        )
    )


def markets_of(session: Session, voucher_id: int) -> list[MarketRow]:
    return list(
        session.exec(
            select(MarketRow)
            .join(VoucherMarketRow, VoucherMarketRow.market_id == MarketRow.id)
            .where(VoucherMarketRow.voucher_id == voucher_id)
            .order_by(MarketRow.id)
        )
    )


def actions_of(session: Session, voucher_id: int) -> list[VoucherActionRow]:
    return list(
        session.exec(
            select(VoucherActionRow)
            .where(VoucherActionRow.voucher_id == voucher_id)
            .order_by(VoucherActionRow.position, VoucherActionRow.id)
        )
    )


def criteria_of(
    session: Session, action_ids: Sequence[int]
) -> dict[int, list[VoucherCriterionRow]]:
    """Criteria of many actions in one query."""
    out: dict[int, list[VoucherCriterionRow]] = {i: [] for i in action_ids}
    if not action_ids:
        return out
    for row in session.exec(
        select(VoucherCriterionRow)
        .where(VoucherCriterionRow.action_id.in_(list(action_ids)))
        .order_by(VoucherCriterionRow.id)
    ):
        out[row.action_id].append(row)
    return out


def usage_counts(session: Session, voucher_ids: Iterable[int]) -> dict[int, int]:
    """Successful usages (orders placed with the voucher) of many vouchers in one query."""
    ids = list(voucher_ids)
    counts = {i: 0 for i in ids}
    if not ids:
        return counts
    rows = session.exec(
        select(VoucherUsageRow.voucher_id, func.count())
        .where(VoucherUsageRow.voucher_id.in_(ids))
        .group_by(VoucherUsageRow.voucher_id)
    )
    for voucher_id, n in rows:
        counts[voucher_id] = int(n)
    return counts


def used_by_email(session: Session, voucher_ids: Iterable[int], email: str | None) -> set[int]:
    """Which of these vouchers the shopper with this email has used on an earlier order."""
    ids = list(voucher_ids)
    if not ids or not email:
        return set()
    return set(
        session.exec(
            select(VoucherUsageRow.voucher_id).where(
                VoucherUsageRow.voucher_id.in_(ids),
                VoucherUsageRow.email == normalize_email(email),
            )
        )
    )


def voucher_by_code(session: Session, store_id: int, code: str) -> VoucherRow | None:
    """A CODE voucher by code, or a URL voucher by URL, in a store (codes ignore case)."""
    wanted = code.strip().lower()
    return session.exec(
        select(VoucherRow)
        .where(
            VoucherRow.store_id == store_id,
            VoucherRow.method.in_([VoucherMethod.CODE.value, VoucherMethod.URL.value]),
            (func.lower(VoucherRow.code) == wanted) | (func.lower(VoucherRow.url) == wanted),
        )
        .order_by(VoucherRow.id)
    ).first()


def automatic_vouchers(
    session: Session, store_id: int, market_id: int, now: datetime
) -> list[VoucherRow]:
    """Active AUTO vouchers of the store and market that run now and are not used up (plain
    records: checkout only reads them)."""
    params = {"store": store_id, "market": market_id, "now": now}
    rows = memo_records(session, (VoucherRow, VoucherMarketRow), _automatic_vouchers(), params)
    counts = usage_counts(session, [key(v) for v in rows])
    return [v for v in rows if not (v.max_usages > 0 and counts[key(v)] >= v.max_usages)]


@functools.cache
def _automatic_vouchers() -> Any:
    """Built once, the store, market and moment as parameters."""
    return (
        select(VoucherRow)
        .join(VoucherMarketRow, VoucherMarketRow.voucher_id == VoucherRow.id)
        .where(
            VoucherRow.store_id == bindparam("store"),
            VoucherRow.method == VoucherMethod.AUTO.value,
            VoucherRow.status == VoucherStatus.ACTIVE.value,
            VoucherMarketRow.market_id == bindparam("market"),
            VoucherRow.start_at <= bindparam("now"),
            VoucherRow.stop_at >= bindparam("now"),
        )
        .order_by(VoucherRow.id)
    )


def has_once_per_customer(session: Session, voucher_id: int) -> bool:
    return (
        session.exec(
            select(VoucherCriterionRow.id)
            .join(VoucherActionRow, VoucherActionRow.id == VoucherCriterionRow.action_id)
            .where(
                VoucherActionRow.voucher_id == voucher_id,
                VoucherCriterionRow.type == CriteriaType.ONCE_PER_CUSTOMER.value,
            )
        ).first()
        is not None
    )


def to_engine(session: Session, vouchers: Sequence[VoucherRow]) -> dict[int, engine.Voucher]:
    """The engine's view of these vouchers (three queries whatever their number)."""
    ids = [key(v) for v in vouchers]
    actions: dict[int, list[VoucherActionRow]] = {i: [] for i in ids}
    if ids:
        for a in session.exec(
            select(VoucherActionRow)
            .where(VoucherActionRow.voucher_id.in_(ids))
            .order_by(VoucherActionRow.position, VoucherActionRow.id)
        ):
            actions[a.voucher_id].append(a)
    criteria = criteria_of(session, [key(a) for acts in actions.values() for a in acts])
    out = {}
    for v in vouchers:
        out[key(v)] = engine.Voucher(
            id=key(v),
            name=v.name,
            priority=v.priority,
            combinable=v.combine_with_other_vouchers,
            strategy=EntryPointStrategy(v.entry_point_strategy),
            actions=tuple(_engine_action(a, criteria[key(a)]) for a in actions[key(v)]),
        )
    return out


def _engine_action(a: VoucherActionRow, criteria: list[VoucherCriterionRow]) -> engine.Action:
    r = a.result or {}
    percent = r.get("percentOff")
    options = r.get("shippingOptionIds")
    return engine.Action(
        id=key(a),
        entry_point_id=a.entry_point_id,
        continue_strategy=ContinueStrategy(a.continue_strategy),
        criteria=tuple(
            engine.Criterion(
                CriteriaType(c.type),
                variant_ids=frozenset(c.params.get("variantIds", [])),
                shipping_option_ids=frozenset(c.params.get("shippingOptionIds", [])),
            )
            for c in criteria
        ),
        result_type=ResultType(a.result_type),
        percent_off=Decimal(str(percent)) if percent is not None else None,
        price_off={int(k): Decimal(v) for k, v in (r.get("priceOff") or {}).items()},
        shipping_option_ids=frozenset(options) if options is not None else None,
    )


# ---------------------------------------------------------------- listing


@dataclass
class VoucherQuery:
    ids: list[int] | None = None
    statuses: list[str] | None = None
    name_equals: str | None = None
    name_contains: str | None = None
    methods: list[str] | None = None
    types: list[str] | None = None
    code_equals: str | None = None
    code_contains: str | None = None
    start_at: tuple[datetime | None, datetime | None] | None = None
    stop_at: tuple[datetime | None, datetime | None] | None = None
    created_at: tuple[datetime | None, datetime | None] | None = None
    updated_at: tuple[datetime | None, datetime | None] | None = None
    max_usages: tuple[int | None, int | None] | None = None
    successful_usages: tuple[int | None, int | None] | None = None
    combine_with_other_vouchers: bool | None = None
    reuse: bool | None = None
    market_ids: list[int] | None = None
    store_ids: list[int] | None = None
    external_ids: list[str] | None = None
    search: str | None = None


def list_vouchers(
    session: Session, q: VoucherQuery, limit: int | None, page_number: int | None
) -> Sequence[VoucherRow]:
    """Vouchers matching every given filter, oldest first, paged with limit/page."""
    stmt = _by_dates_usage_and_place(_by_fields(q), q)
    return page(session, stmt.order_by(VoucherRow.id), limit, page_number)


def _by_fields(q: VoucherQuery) -> Any:
    """The filters on the voucher's own fields: ids, statuses, names, methods, types, codes."""
    stmt = select(VoucherRow)
    if q.ids is not None:
        stmt = stmt.where(VoucherRow.id.in_(q.ids))
    if q.statuses:
        stmt = stmt.where(VoucherRow.status.in_(q.statuses))
    if q.name_equals is not None:
        stmt = stmt.where(VoucherRow.name == q.name_equals)
    if q.name_contains is not None:
        stmt = stmt.where(VoucherRow.name.contains(q.name_contains))
    if q.methods:
        stmt = stmt.where(VoucherRow.method.in_(q.methods))
    if q.types:
        stmt = stmt.where(VoucherRow.type.in_(q.types))
    if q.code_equals is not None:
        stmt = stmt.where(VoucherRow.code == q.code_equals)
    if q.code_contains is not None:
        stmt = stmt.where(VoucherRow.code.contains(q.code_contains))
    return stmt


def _by_dates_usage_and_place(stmt: Any, q: VoucherQuery) -> Any:
    """The range filters (dates, maxUsages, successfulUsages), flags, markets, stores, search."""
    for column, bounds in (
        (VoucherRow.start_at, q.start_at),
        (VoucherRow.stop_at, q.stop_at),
        (VoucherRow.created_at, q.created_at),
        (VoucherRow.updated_at, q.updated_at),
        (VoucherRow.max_usages, q.max_usages),
    ):
        stmt = _between(stmt, column, bounds)
    if q.successful_usages is not None:
        used = (
            select(func.count())
            .where(VoucherUsageRow.voucher_id == VoucherRow.id)
            .correlate(VoucherRow)
            .scalar_subquery()
        )
        stmt = _between(stmt, used, q.successful_usages)
    if q.combine_with_other_vouchers is not None:
        stmt = stmt.where(VoucherRow.combine_with_other_vouchers == q.combine_with_other_vouchers)
    if q.reuse is not None:
        stmt = stmt.where(VoucherRow.reuse == q.reuse)
    if q.market_ids:
        stmt = stmt.where(
            VoucherRow.id.in_(
                select(VoucherMarketRow.voucher_id).where(
                    VoucherMarketRow.market_id.in_(q.market_ids)
                )
            )
        )
    if q.store_ids:
        stmt = stmt.where(VoucherRow.store_id.in_(q.store_ids))
    if q.external_ids:
        stmt = stmt.where(VoucherRow.external_id.in_(q.external_ids))
    if q.search:
        text = q.search.strip()
        stmt = stmt.where(
            VoucherRow.name.contains(text)
            | VoucherRow.code.contains(text)
            | VoucherRow.url.contains(text)
        )
    return stmt


def _between(stmt, column, bounds):
    if bounds is None:
        return stmt
    low, high = bounds
    if low is not None:
        stmt = stmt.where(column >= low)
    if high is not None:
        stmt = stmt.where(column <= high)
    return stmt


# ---------------------------------------------------------------- REST Order API support


@dataclass
class VoucherFacts:
    """What the REST Order API's `GET vouchers/<id>` shows, worked out from the actions.

    `kind` is "percentoff" (with `percent`) or "priceoff" (with `value_by_pricelist`) after the
    first action that takes money off; None for a voucher that only gives free shipping.
    """

    voucher: VoucherRow
    kind: str | None
    percent: Decimal | None
    value_by_pricelist: dict[int, Decimal]
    market_ids: list[int]
    successful_usages: int


def voucher_facts(session: Session, voucher: VoucherRow) -> VoucherFacts:
    kind: str | None = None
    percent: Decimal | None = None
    by_pricelist: dict[int, Decimal] = {}
    for action in actions_of(session, key(voucher)):
        result = action.result or {}
        if result.get("percentOff") is not None:
            kind, percent = "percentoff", Decimal(str(result["percentOff"]))
            break
        if result.get("priceOff"):
            kind = "priceoff"
            by_pricelist = {int(k): Decimal(v) for k, v in result["priceOff"].items()}
            break
    return VoucherFacts(
        voucher=voucher,
        kind=kind,
        percent=percent,
        value_by_pricelist=by_pricelist,
        market_ids=market_ids(session, key(voucher)),
        successful_usages=usage_counts(session, [key(voucher)])[key(voucher)],
    )
