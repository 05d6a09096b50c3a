"""Voucher operations: create, update and clone. Reading and lists are in `queries`, the
actions' criteria and results in `terms`, usage and promotions in `usage`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import select

from mockcentra.domain import idconversion
from mockcentra.domain.errors import DomainError, ErrorCode, invalid, not_found
from mockcentra.domain.refs import resolve
from mockcentra.domain.vouchers.queries import actions_of, criteria_of, market_ids, voucher_by_code
from mockcentra.domain.vouchers.specs import VoucherChanges, VoucherSpec
from mockcentra.domain.vouchers.status import VoucherMethod
from mockcentra.domain.vouchers.terms import add_actions
from mockcentra.runtime.ids import token_hash
from mockcentra.runtime.moments import parse_moment
from mockcentra.storage.tables import (
    MarketRow,
    StoreRow,
    VoucherActionRow,
    VoucherCriterionRow,
    VoucherMarketRow,
    VoucherRow,
)
from mockcentra.storage.tables.base import column_names, key
from mockcentra.storage.uow import PendingEvent, UnitOfWork

Path = Sequence[str | int]  # where in the input an error points


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
    have = set(market_ids(uow.session, key(voucher)))
    for i, ref in enumerate(refs):
        path = [*base, i]
        market = resolve(uow, MarketRow, ref, path, kind="market", object_type="Market")
        if market.store_id != voucher.store_id:
            raise invalid(f"Market {market.id} does not belong to store {voucher.store_id}.", path)
        if market.id not in have:
            uow.session.add(VoucherMarketRow(voucher_id=key(voucher), market_id=key(market)))
            have.add(key(market))
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
    idconversion.assign(uow, "Voucher", key(voucher), text, path)


def create_voucher(uow: UnitOfWork, spec: VoucherSpec) -> VoucherRow:
    """`createVoucher`: the voucher, its markets and its actions in one go."""
    base: list[str | int] = []
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
            _check_code_free(uow, key(store), code, [*base, "code"], None)
        else:
            code = _new_code(uow, key(store))
    now = uow.clock.now()
    voucher = VoucherRow(
        store_id=key(store),
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
    add_actions(uow, voucher, spec.actions, [*base, "actions"])
    if spec.external_id is not None:
        _assign_external_id(uow, voucher, spec.external_id, [*base, "externalId"])
    uow.session.add(voucher)
    uow.session.flush()
    uow.emit(PendingEvent("Voucher", "CREATED", str(voucher.id), store_id=store.id))
    return voucher


def voucher_to_change(uow: UnitOfWork, voucher_id: int) -> VoucherRow:
    """The voucher with this id, or `Could not find voucher with ID …` (path: the id)."""
    voucher = uow.session.get(VoucherRow, voucher_id)
    if voucher is None:
        raise not_found("voucher", voucher_id, [])
    return voucher


def update_voucher(uow: UnitOfWork, voucher: VoucherRow, change: VoucherChanges) -> VoucherRow:
    """`updateVoucher`: fields given change; markets are added or removed."""
    base: list[str | int] = []
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
    if change.method is not None or change.code is not None or change.url is not None:
        _change_method(uow, voucher, change, base)
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
            for k in column_names(VoucherRow)
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
    _copy_markets_and_actions(uow, source, clone)
    uow.session.flush()
    uow.emit(PendingEvent("Voucher", "CREATED", str(clone.id), store_id=clone.store_id))
    return clone


def _copy_markets_and_actions(uow: UnitOfWork, source: VoucherRow, clone: VoucherRow) -> None:
    """The clone gets the source's markets and its actions with their criteria, sub-actions
    pointing at the clone's own entry points."""
    for market_id in market_ids(uow.session, key(source)):
        uow.session.add(VoucherMarketRow(voucher_id=key(clone), market_id=market_id))
    old_actions = actions_of(uow.session, key(source))
    criteria = criteria_of(uow.session, [key(a) for a in old_actions])
    new_ids: dict[int, int] = {}
    for a in old_actions:
        row = VoucherActionRow(
            voucher_id=key(clone),
            position=a.position,
            entry_point_id=new_ids.get(a.entry_point_id) if a.entry_point_id else None,
            continue_strategy=a.continue_strategy,
            result_type=a.result_type,
            result=dict(a.result or {}),
        )
        uow.session.add(row)
        uow.session.flush()
        new_ids[key(a)] = key(row)
        for c in criteria[key(a)]:
            uow.session.add(
                VoucherCriterionRow(action_id=key(row), type=c.type, params=dict(c.params))
            )


def _change_method(
    uow: UnitOfWork, voucher: VoucherRow, change: VoucherChanges, base: list[str | int]
) -> None:
    """A new method, code or url: the fields of other methods are cleared, a code voucher
    without a code gets a generated one."""
    method = change.method or VoucherMethod(voucher.method)
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
