"""Voucher operations: create, update, read and list; usage counting; promotions redeemed.

Usage: one `VoucherUsageRow` per placed order that used the voucher, written in the payment
transaction (see `record_usage`); `successfulUsages` counts them. A cancelled order keeps its
usage (gap: Centra's exact rule is not documented).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from mockcentra.domain import idconversion
from mockcentra.domain.errors import DomainError, ErrorCode, invalid, not_found
from mockcentra.domain.listing import page
from mockcentra.domain.money import round_money
from mockcentra.domain.orders.totals import payment_balance
from mockcentra.domain.refs import resolve
from mockcentra.domain.vouchers import engine
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
from mockcentra.runtime.ids import token_hash
from mockcentra.runtime.moments import parse_moment
from mockcentra.storage.tables import (
    CurrencyRow,
    MarketRow,
    OrderRow,
    PricelistRow,
    ShipmentRow,
    ShippingOptionRow,
    StoreRow,
    VariantRow,
    VoucherActionRow,
    VoucherCriterionRow,
    VoucherMarketRow,
    VoucherRow,
    VoucherUsageRow,
)
from mockcentra.storage.uow import PendingEvent, UnitOfWork

Path = Sequence[str | int]

#: Criteria and results an input may name but mockcentra does not evaluate.
UNSUPPORTED = "is not supported by mockcentra"


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


# ---------------------------------------------------------------- reading


def find_voucher(session: Any, voucher_id: int) -> VoucherRow | None:
    """A voucher by id (for the REST Order API's `GET vouchers/<id>` too)."""
    return session.get(VoucherRow, voucher_id)


def market_ids(session: Any, voucher_id: int) -> list[int]:
    return list(
        session.exec(
            select(VoucherMarketRow.market_id)
            .where(VoucherMarketRow.voucher_id == voucher_id)
            .order_by(VoucherMarketRow.market_id)
        )
    )


def markets_of(session: Any, voucher_id: int) -> list[MarketRow]:
    return list(
        session.exec(
            select(MarketRow)
            .join(VoucherMarketRow, VoucherMarketRow.market_id == MarketRow.id)
            .where(VoucherMarketRow.voucher_id == voucher_id)
            .order_by(MarketRow.id)
        )
    )


def actions_of(session: Any, voucher_id: int) -> list[VoucherActionRow]:
    return list(
        session.exec(
            select(VoucherActionRow)
            .where(VoucherActionRow.voucher_id == voucher_id)
            .order_by(VoucherActionRow.position, VoucherActionRow.id)
        )
    )


def criteria_of(session: Any, action_ids: Sequence[int]) -> dict[int, list[VoucherCriterionRow]]:
    """Criteria of many actions in one query."""
    out: dict[int, list[VoucherCriterionRow]] = {i: [] for i in action_ids}
    if not action_ids:
        return out
    for row in session.exec(
        select(VoucherCriterionRow)
        .where(col(VoucherCriterionRow.action_id).in_(list(action_ids)))
        .order_by(VoucherCriterionRow.id)
    ):
        out[row.action_id].append(row)
    return out


def usage_counts(session: Any, voucher_ids: Iterable[int]) -> dict[int, int]:
    """Successful usages (orders placed with the voucher) of many vouchers in one query."""
    ids = list(voucher_ids)
    counts = {i: 0 for i in ids}
    if not ids:
        return counts
    rows = session.exec(
        select(VoucherUsageRow.voucher_id, func.count())
        .where(col(VoucherUsageRow.voucher_id).in_(ids))
        .group_by(VoucherUsageRow.voucher_id)
    )
    for voucher_id, n in rows:
        counts[voucher_id] = int(n)
    return counts


def used_by_email(session: Any, voucher_ids: Iterable[int], email: str | None) -> set[int]:
    """Which of these vouchers the shopper with this email has used on an earlier order."""
    ids = list(voucher_ids)
    if not ids or not email:
        return set()
    return set(
        session.exec(
            select(VoucherUsageRow.voucher_id).where(
                col(VoucherUsageRow.voucher_id).in_(ids),
                VoucherUsageRow.email == email.strip().lower(),
            )
        )
    )


def voucher_by_code(session: Any, store_id: int, code: str) -> VoucherRow | None:
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
    session: Any, store_id: int, market_id: int, now: datetime
) -> list[VoucherRow]:
    """Active AUTO vouchers of the store and market that run now and are not used up."""
    rows = list(
        session.exec(
            select(VoucherRow)
            .join(VoucherMarketRow, VoucherMarketRow.voucher_id == VoucherRow.id)
            .where(
                VoucherRow.store_id == store_id,
                VoucherRow.method == VoucherMethod.AUTO.value,
                VoucherRow.status == VoucherStatus.ACTIVE.value,
                VoucherMarketRow.market_id == market_id,
                VoucherRow.start_at <= now,
                VoucherRow.stop_at >= now,
            )
            .order_by(VoucherRow.id)
        )
    )
    counts = usage_counts(session, [v.id for v in rows])
    return [v for v in rows if not (v.max_usages > 0 and counts[v.id] >= v.max_usages)]


def has_once_per_customer(session: Any, voucher_id: int) -> bool:
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


def to_engine(session: Any, vouchers: Sequence[VoucherRow]) -> dict[int, engine.Voucher]:
    """The engine's view of these vouchers (three queries whatever their number)."""
    ids = [v.id for v in vouchers]
    actions: dict[int, list[VoucherActionRow]] = {i: [] for i in ids}
    if ids:
        for a in session.exec(
            select(VoucherActionRow)
            .where(col(VoucherActionRow.voucher_id).in_(ids))
            .order_by(VoucherActionRow.position, VoucherActionRow.id)
        ):
            actions[a.voucher_id].append(a)
    criteria = criteria_of(session, [a.id for acts in actions.values() for a in acts])
    out = {}
    for v in vouchers:
        out[v.id] = engine.Voucher(
            id=v.id,
            name=v.name,
            priority=v.priority,
            combinable=v.combine_with_other_vouchers,
            strategy=EntryPointStrategy(v.entry_point_strategy),
            actions=tuple(_engine_action(a, criteria[a.id]) for a in actions[v.id]),
        )
    return out


def _engine_action(a: VoucherActionRow, criteria: list[VoucherCriterionRow]) -> engine.Action:
    r = a.result or {}
    percent = r.get("percentOff")
    options = r.get("shippingOptionIds")
    return engine.Action(
        id=a.id,
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
    session: Any, q: VoucherQuery, limit: int | None, page_number: int | None
) -> Sequence[VoucherRow]:
    """Vouchers matching every given filter, oldest first, paged with limit/page."""
    stmt = select(VoucherRow)
    if q.ids is not None:
        stmt = stmt.where(col(VoucherRow.id).in_(q.ids))
    if q.statuses:
        stmt = stmt.where(col(VoucherRow.status).in_(q.statuses))
    if q.name_equals is not None:
        stmt = stmt.where(VoucherRow.name == q.name_equals)
    if q.name_contains is not None:
        stmt = stmt.where(col(VoucherRow.name).contains(q.name_contains))
    if q.methods:
        stmt = stmt.where(col(VoucherRow.method).in_(q.methods))
    if q.types:
        stmt = stmt.where(col(VoucherRow.type).in_(q.types))
    if q.code_equals is not None:
        stmt = stmt.where(VoucherRow.code == q.code_equals)
    if q.code_contains is not None:
        stmt = stmt.where(col(VoucherRow.code).contains(q.code_contains))
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
            col(VoucherRow.id).in_(
                select(VoucherMarketRow.voucher_id).where(
                    col(VoucherMarketRow.market_id).in_(q.market_ids)
                )
            )
        )
    if q.store_ids:
        stmt = stmt.where(col(VoucherRow.store_id).in_(q.store_ids))
    if q.external_ids:
        stmt = stmt.where(col(VoucherRow.external_id).in_(q.external_ids))
    if q.search:
        text = q.search.strip()
        stmt = stmt.where(
            col(VoucherRow.name).contains(text)
            | col(VoucherRow.code).contains(text)
            | col(VoucherRow.url).contains(text)
        )
    return page(session, stmt.order_by(VoucherRow.id), limit, page_number)


def _between(stmt, column, bounds):
    if bounds is None:
        return stmt
    low, high = bounds
    if low is not None:
        stmt = stmt.where(column >= low)
    if high is not None:
        stmt = stmt.where(column <= high)
    return stmt


# ---------------------------------------------------------------- creating and updating


def _moment(uow: UnitOfWork, text: str, path: Path) -> datetime:
    try:
        return parse_moment(str(text), uow.clock)
    except ValueError as exc:
        raise invalid(str(exc), path) from None


def _check_code_free(uow: UnitOfWork, store_id: int, code: str, path: Path, own: int | None):
    clash = uow.session.exec(
        select(VoucherRow.id).where(
            VoucherRow.store_id == store_id,
            func.lower(VoucherRow.code) == code.lower(),
            VoucherRow.id != (own or 0),
        )
    ).first()
    if clash is not None:
        raise DomainError(
            ErrorCode.DUPLICATE, f"Voucher code {code} is already used in this store.", path
        )


def _new_code(uow: UnitOfWork, store_id: int) -> str:
    n = uow.session.exec(select(func.count()).select_from(VoucherRow)).one()
    while True:
        n += 1
        code = token_hash(uow.seed, "voucher-code", int(n))[:10].upper()
        if voucher_by_code(uow.session, store_id, code) is None:
            return code


def _check_method_fields(
    method: VoucherMethod, code: str | None, url: str | None, base: Path
) -> None:
    if code is not None and method != VoucherMethod.CODE:
        raise invalid("code is accepted only for the CODE method.", [*base, "code"])
    if method == VoucherMethod.URL and not (url or "").strip():
        raise DomainError(ErrorCode.REQUIRED, "url is required for the URL method.", [*base, "url"])
    if url is not None and method != VoucherMethod.URL:
        raise invalid("url is accepted only for the URL method.", [*base, "url"])


def _add_markets(uow: UnitOfWork, voucher: VoucherRow, refs: list[Any], base: Path) -> None:
    have = set(market_ids(uow.session, voucher.id))
    for i, ref in enumerate(refs):
        path = [*base, i]
        market = resolve(uow, MarketRow, ref, path, kind="market", object_type="Market")
        if market.store_id != voucher.store_id:
            raise invalid(f"Market {market.id} does not belong to store {voucher.store_id}.", path)
        if market.id not in have:
            uow.session.add(VoucherMarketRow(voucher_id=voucher.id, market_id=market.id))
            have.add(market.id)
    uow.session.flush()


def _remove_markets(uow: UnitOfWork, voucher: VoucherRow, refs: list[Any], base: Path) -> None:
    for i, ref in enumerate(refs):
        market = resolve(uow, MarketRow, ref, [*base, i], kind="market", object_type="Market")
        row = uow.session.get(VoucherMarketRow, (voucher.id, market.id))
        if row is None:
            raise invalid(
                f"Market {market.id} is not a market of voucher {voucher.id}.", [*base, i]
            )
        uow.session.delete(row)
    uow.session.flush()


def _check_dates(start: datetime, stop: datetime, base: Path) -> None:
    if stop <= start:
        raise invalid("stopAt must be later than startAt.", [*base, "stopAt"])


def _assign_external_id(uow: UnitOfWork, voucher: VoucherRow, external_id: str, path: Path):
    text = external_id.strip()
    if not text:
        raise invalid("externalId cannot be empty.", path)
    taken = uow.session.exec(
        select(VoucherRow.id).where(VoucherRow.external_id == text, VoucherRow.id != voucher.id)
    ).first()
    if taken is not None:
        raise DomainError(
            ErrorCode.DUPLICATE, f"External ID {text} is already used by voucher {taken}.", path
        )
    voucher.external_id = text
    idconversion.assign(uow, "Voucher", voucher.id, text, path)


def create_voucher(uow: UnitOfWork, spec: VoucherSpec) -> VoucherRow:
    """`createVoucher`: the voucher, its markets and its actions in one go."""
    base: list[str | int] = ["input"]
    name = (spec.name or "").strip()
    if not name:
        raise invalid("Voucher name cannot be empty.", [*base, "name"])
    store = resolve(uow, StoreRow, spec.store, [*base, "store"], kind="store", object_type="Store")
    start = _moment(uow, spec.start_at, [*base, "startAt"])
    stop = _moment(uow, spec.stop_at, [*base, "stopAt"])
    _check_dates(start, stop, base)
    if spec.max_usages < 0:
        raise invalid("maxUsages must be 0 (unlimited) or more.", [*base, "maxUsages"])
    _check_method_fields(spec.method, spec.code, spec.url, base)
    code = spec.code.strip() if spec.code is not None else None
    if spec.method == VoucherMethod.CODE:
        if code == "":
            raise invalid("code cannot be empty.", [*base, "code"])
        if code is not None:
            _check_code_free(uow, store.id, code, [*base, "code"], None)
        else:
            code = _new_code(uow, store.id)
    now = uow.clock.now()
    voucher = VoucherRow(
        store_id=store.id,
        name=name,
        status=spec.status.value,
        method=spec.method.value,
        type=spec.type.value,
        code=code,
        url=spec.url.strip() if spec.url else None,
        start_at=start,
        stop_at=stop,
        priority=spec.priority,
        max_usages=spec.max_usages,
        reuse=spec.reuse,
        combine_with_other_vouchers=(
            True if spec.combine_with_other_vouchers is None else spec.combine_with_other_vouchers
        ),
        is_external=bool(spec.is_external),
        entry_point_strategy=spec.entry_point_strategy.value,
        conversion_html=spec.conversion_html,
        created_at=now,
        updated_at=now,
    )
    uow.session.add(voucher)
    uow.session.flush()
    _add_markets(uow, voucher, spec.add_markets, [*base, "addMarkets"])
    _add_actions(uow, voucher, spec.actions, [*base, "actions"])
    if spec.external_id is not None:
        _assign_external_id(uow, voucher, spec.external_id, [*base, "externalId"])
    uow.session.add(voucher)
    uow.session.flush()
    uow.emit(PendingEvent("Voucher", "CREATED", str(voucher.id), store_id=store.id))
    return voucher


def update_voucher(uow: UnitOfWork, voucher_id: int, change: VoucherChanges) -> VoucherRow:
    """`updateVoucher`: fields given change; markets are added or removed."""
    base: list[str | int] = ["input"]
    voucher = uow.session.get(VoucherRow, voucher_id)
    if voucher is None:
        raise not_found("voucher", voucher_id, ["id"])
    if change.name is not None:
        if not change.name.strip():
            raise invalid("Voucher name cannot be empty.", [*base, "name"])
        voucher.name = change.name.strip()
    if change.status is not None:
        voucher.status = change.status.value
    start = voucher.start_at
    stop = voucher.stop_at
    if change.start_at is not None:
        start = _moment(uow, change.start_at, [*base, "startAt"])
    if change.stop_at is not None:
        stop = _moment(uow, change.stop_at, [*base, "stopAt"])
    _check_dates(start, stop, base)
    voucher.start_at, voucher.stop_at = start, stop
    method = change.method or VoucherMethod(voucher.method)
    if change.method is not None or change.code is not None or change.url is not None:
        _check_method_fields(method, change.code, change.url, base)
        voucher.method = method.value
        if method != VoucherMethod.CODE:
            voucher.code = None
        if method != VoucherMethod.URL:
            voucher.url = None
        if change.url is not None:
            voucher.url = change.url.strip()
        if method == VoucherMethod.CODE:
            if change.code is not None:
                code = change.code.strip()
                if not code:
                    raise invalid("code cannot be empty.", [*base, "code"])
                _check_code_free(uow, voucher.store_id, code, [*base, "code"], voucher.id)
                voucher.code = code
            elif voucher.code is None:
                voucher.code = _new_code(uow, voucher.store_id)
    if change.priority is not None:
        voucher.priority = change.priority
    if change.max_usages is not None:
        if change.max_usages < 0:
            raise invalid("maxUsages must be 0 (unlimited) or more.", [*base, "maxUsages"])
        voucher.max_usages = change.max_usages
    if change.combine_with_other_vouchers is not None:
        voucher.combine_with_other_vouchers = change.combine_with_other_vouchers
    if change.reuse is not None:
        voucher.reuse = change.reuse
    if change.type is not None:
        voucher.type = change.type.value
    if change.entry_point_strategy is not None:
        voucher.entry_point_strategy = change.entry_point_strategy.value
    if change.conversion_html is not None:
        voucher.conversion_html = change.conversion_html
    _add_markets(uow, voucher, change.add_markets, [*base, "addMarkets"])
    _remove_markets(uow, voucher, change.remove_markets, [*base, "removeMarkets"])
    if change.external_id is not None:
        _assign_external_id(uow, voucher, change.external_id, [*base, "externalId"])
    voucher.updated_at = uow.clock.now()
    uow.session.add(voucher)
    uow.session.flush()
    uow.emit(PendingEvent("Voucher", "UPDATED", str(voucher.id), store_id=voucher.store_id))
    return voucher


def _add_actions(uow: UnitOfWork, voucher: VoucherRow, specs: list[ActionSpec], base: Path) -> None:
    """Actions in input order; a non-null `entrypointAction.id` makes a sub-action.

    On a flat list a sub-action belongs to the nearest entry point above it, as Centra's schema
    describes. mockcentra reads `{id: <n>}` that way when n is not an action of this voucher
    yet (ids do not exist before the call), and as that action when it is.
    """
    existing = {a.id: a for a in actions_of(uow.session, voucher.id)}
    position = max((a.position for a in existing.values()), default=-1) + 1
    last_entry: int | None = max(
        (a.id for a in existing.values() if a.entry_point_id is None), default=None
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
            voucher_id=voucher.id,
            position=position,
            entry_point_id=entry_point,
            continue_strategy=spec.continue_strategy.value,
            result_type=result_type.value,
            result=result,
        )
        position += 1
        uow.session.add(row)
        uow.session.flush()
        existing[row.id] = row
        if entry_point is None:
            last_entry = row.id
        for kind, params in criteria:
            uow.session.add(VoucherCriterionRow(action_id=row.id, type=kind.value, params=params))
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
        ids = []
        for i, ref in enumerate(spec.shipping_options):
            option = resolve(
                uow,
                ShippingOptionRow,
                ref,
                [*path, name, "shippingOptions", i],
                kind="shipping option",
                object_type="ShippingOption",
            )
            if option.store_id not in (None, voucher.store_id):
                raise invalid(
                    f"Shipping option {option.id} does not belong to store {voucher.store_id}.",
                    [*path, name, "shippingOptions", i],
                )
            ids.append(option.id)
        return kind, {"shippingOptionIds": sorted(set(ids))}
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
    values: dict[str, str] = {}
    for i, value in enumerate(spec.price_off):
        where = [*discount_path, how, i]
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
        currency = uow.session.get(CurrencyRow, pricelist.currency_id).code
        if value.currency_code.upper() != currency:
            raise invalid(
                f"Currency {value.currency_code} does not match the currency {currency} of "
                f"pricelist {pricelist.id}.",
                [*where, "value", "currencyIsoCode"],
            )
        if value.value <= 0:
            raise invalid("priceOff values must be more than 0.", [*where, "value", "value"])
        values[str(pricelist.id)] = str(round_money(value.value))
    out["priceOff"] = values
    return kind, out


# ---------------------------------------------------------------- usage and promotions


def record_usage(uow: UnitOfWork, order: OrderRow, voucher_ids: Iterable[int], email: str) -> None:
    """Count one usage per voucher for a placed order (inside the payment transaction)."""
    now = uow.clock.now()
    for voucher_id in sorted(set(voucher_ids)):
        uow.session.add(
            VoucherUsageRow(
                voucher_id=voucher_id,
                order_id=order.id,
                customer_id=order.customer_id,
                email=email.strip().lower(),
                created_at=now,
            )
        )
    uow.session.flush()


def promotion_entries(given: Iterable[str], vouchers: Iterable[VoucherRow]) -> list[dict[str, Any]]:
    """The external promotions an order carries: ids sent at payment, then the vouchers' ids."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for promotion in given:
        if promotion not in seen:
            seen.add(promotion)
            out.append({"id": promotion, "voucherId": None, "redeemedAt": None})
    for v in vouchers:
        if v.external_id and v.external_id not in seen:
            seen.add(v.external_id)
            out.append({"id": v.external_id, "voucherId": v.id, "redeemedAt": None})
    return out


def _payment_succeeded(uow: UnitOfWork, order: OrderRow) -> bool:
    if payment_balance(uow.session, order.id).captured > 0:
        return True
    shipments = uow.session.exec(select(ShipmentRow).where(ShipmentRow.order_id == order.id)).all()
    return bool(shipments) and all(s.is_paid for s in shipments)


def promotions_redeemed(uow: UnitOfWork, order: OrderRow) -> list[str]:
    """Report the order's external promotions as redeemed, once, when it is shipped and paid.

    Call it when the order becomes SHIPPED. Emits `Promotion COMPLETED <promotion id>` with the
    order number per promotion not yet redeemed; returns the ids reported.
    """
    if order.status != "SHIPPED" or not order.external_promotions:
        return []
    if not _payment_succeeded(uow, order):
        return []
    now = uow.clock.now()
    reported: list[str] = []
    entries = []
    for entry in order.external_promotions:
        entry = dict(entry) if isinstance(entry, dict) else {"id": str(entry), "voucherId": None}
        if not entry.get("redeemedAt"):
            entry["redeemedAt"] = now.isoformat()
            reported.append(entry["id"])
            uow.emit(
                PendingEvent(
                    "Promotion",
                    "COMPLETED",
                    str(entry["id"]),
                    store_id=order.store_id,
                    market_id=order.market_id,
                    data={
                        "order": order.number,
                        "orderId": order.hash,
                        "customerId": order.customer_id,
                        "email": (order.customer_info or {}).get("email"),
                        "voucherId": entry.get("voucherId"),
                    },
                )
            )
        entries.append(entry)
    order.external_promotions = entries
    uow.session.add(order)
    return reported


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


def voucher_facts(session: Any, voucher: VoucherRow) -> VoucherFacts:
    kind: str | None = None
    percent: Decimal | None = None
    by_pricelist: dict[int, Decimal] = {}
    for action in actions_of(session, voucher.id):
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
        market_ids=market_ids(session, voucher.id),
        successful_usages=usage_counts(session, [voucher.id])[voucher.id],
    )


def clone_voucher(
    uow: UnitOfWork,
    voucher_id: int,
    *,
    stop_date: str | None,
    name: str | None = None,
    code: str | None = None,
    conversion_html: str | None = None,
    store_id: int | None = None,
) -> VoucherRow:
    """REST `PUT voucher/<id>/clone`: a copy (markets and actions too) with a new code and stop.

    Errors in the Order API's words: `stopDate` "required" first, then "Voucher not found",
    "Auto vouchers not supported", "Voucher does not belong to this store".
    """
    if not (stop_date or "").strip():
        raise DomainError(ErrorCode.REQUIRED, "required", ["stopDate"])
    source = uow.session.get(VoucherRow, voucher_id)
    if source is None:
        raise DomainError(ErrorCode.NOT_FOUND, "Voucher not found", ["voucher"])
    if source.method == VoucherMethod.AUTO:
        raise DomainError(ErrorCode.NOT_ALLOWED, "Auto vouchers not supported", ["voucher"])
    if store_id is not None and source.store_id != store_id:
        raise DomainError(ErrorCode.CONFLICT, "Voucher does not belong to this store", ["voucher"])
    stop = _moment(uow, str(stop_date), ["stopDate"])
    _check_dates(source.start_at, stop, [])
    new_code = (code or "").strip() or None
    if source.method == VoucherMethod.CODE:
        if new_code is not None:
            _check_code_free(uow, source.store_id, new_code, ["code"], None)
        else:
            new_code = _new_code(uow, source.store_id)
    now = uow.clock.now()
    clone = VoucherRow(
        **{
            k: getattr(source, k)
            for k in VoucherRow.model_fields
            if k not in ("id", "code", "external_id", "created_at", "updated_at")
        },
        code=new_code if source.method == VoucherMethod.CODE else None,
        created_at=now,
        updated_at=now,
    )
    clone.stop_at = stop
    if name:
        clone.name = name
    if conversion_html is not None:
        clone.conversion_html = conversion_html
    uow.session.add(clone)
    uow.session.flush()
    for market_id in market_ids(uow.session, source.id):
        uow.session.add(VoucherMarketRow(voucher_id=clone.id, market_id=market_id))
    old_actions = actions_of(uow.session, source.id)
    criteria = criteria_of(uow.session, [a.id for a in old_actions])
    new_ids: dict[int, int] = {}
    for a in old_actions:
        row = VoucherActionRow(
            voucher_id=clone.id,
            position=a.position,
            entry_point_id=new_ids.get(a.entry_point_id) if a.entry_point_id else None,
            continue_strategy=a.continue_strategy,
            result_type=a.result_type,
            result=dict(a.result or {}),
        )
        uow.session.add(row)
        uow.session.flush()
        new_ids[a.id] = row.id
        for c in criteria[a.id]:
            uow.session.add(
                VoucherCriterionRow(action_id=row.id, type=c.type, params=dict(c.params))
            )
    uow.session.flush()
    uow.emit(PendingEvent("Voucher", "CREATED", str(clone.id), store_id=clone.store_id))
    return clone
