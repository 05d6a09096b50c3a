"""Voucher queries and mutations: `vouchers`, `voucher`, `createVoucher`, `updateVoucher`."""

from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.errors import invalid
from mockcentra.domain.listing import as_list
from mockcentra.domain.vouchers import actions as vouchers
from mockcentra.domain.vouchers import queries as voucher_queries
from mockcentra.domain.vouchers import specs as voucher_specs
from mockcentra.domain.vouchers import status as st
from mockcentra.graphql.common import (
    DateRange,
    IntRange,
    MarketInput,
    Payload,
    StoreInput,
    StringMatch,
)
from mockcentra.graphql.errors import reading, run_mutation
from mockcentra.graphql.permissions import mutation
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.vouchers.action_inputs import VoucherActionOnVoucherCreateInput
from mockcentra.graphql.vouchers.types import (
    Voucher,
    VoucherEntryPointStrategy,
    VoucherMethod,
    VoucherStatus,
    VoucherType,
    announce_usages,
)
from mockcentra.runtime.moments import parse_moment
from mockcentra.storage.tables import VoucherRow
from mockcentra.storage.tables.base import key

# ---------------------------------------------------------------- voucher inputs


@strawberry.input
class VoucherCreateInput:
    """`combineWithOtherVouchers` defaults to true (Centra's guide leaves it out)."""

    name: str
    status: VoucherStatus
    start_at: DateTimeTz
    stop_at: DateTimeTz
    method: VoucherMethod
    priority: int
    max_usages: int
    reuse: bool
    type: VoucherType
    entry_point_strategy: VoucherEntryPointStrategy
    store: StoreInput
    code: str | None = None
    url: str | None = None
    combine_with_other_vouchers: bool | None = None
    is_external: bool | None = None
    conversion_html: str | None = strawberry.field(name="conversionHTML", default=None)
    add_markets: list[MarketInput] | None = None
    actions: list[VoucherActionOnVoucherCreateInput] | None = None
    external_id: str | None = strawberry.field(
        default=None, description="Also the id of the external promotion this voucher gives."
    )

    def to_spec(self) -> voucher_specs.VoucherSpec:
        return voucher_specs.VoucherSpec(
            name=self.name,
            status=st.VoucherStatus(_value(self.status)),
            start_at=str(self.start_at),
            stop_at=str(self.stop_at),
            method=st.VoucherMethod(_value(self.method)),
            priority=self.priority,
            max_usages=self.max_usages,
            reuse=self.reuse,
            type=st.VoucherType(_value(self.type)),
            entry_point_strategy=st.EntryPointStrategy(_value(self.entry_point_strategy)),
            store=self.store,
            code=self.code,
            url=self.url,
            combine_with_other_vouchers=self.combine_with_other_vouchers,
            is_external=self.is_external,
            conversion_html=self.conversion_html,
            add_markets=list(self.add_markets or []),
            actions=[a.to_spec() for a in self.actions or []],
            external_id=self.external_id,
        )


@strawberry.input
class VoucherUpdateInput:
    name: str | None = None
    status: VoucherStatus | None = None
    start_at: DateTimeTz | None = None
    stop_at: DateTimeTz | None = None
    method: VoucherMethod | None = None
    code: str | None = None
    url: str | None = None
    priority: int | None = None
    max_usages: int | None = None
    combine_with_other_vouchers: bool | None = None
    reuse: bool | None = None
    type: VoucherType | None = None
    entry_point_strategy: VoucherEntryPointStrategy | None = None
    conversion_html: str | None = strawberry.field(name="conversionHTML", default=None)
    add_markets: list[MarketInput] | None = None
    remove_markets: list[MarketInput] | None = None
    external_id: str | None = None

    def to_changes(self) -> voucher_specs.VoucherChanges:
        return voucher_specs.VoucherChanges(
            name=self.name,
            status=st.VoucherStatus(_value(self.status)) if self.status else None,
            start_at=None if self.start_at is None else str(self.start_at),
            stop_at=None if self.stop_at is None else str(self.stop_at),
            method=st.VoucherMethod(_value(self.method)) if self.method else None,
            code=self.code,
            url=self.url,
            priority=self.priority,
            max_usages=self.max_usages,
            combine_with_other_vouchers=self.combine_with_other_vouchers,
            reuse=self.reuse,
            type=st.VoucherType(_value(self.type)) if self.type else None,
            entry_point_strategy=st.EntryPointStrategy(_value(self.entry_point_strategy))
            if self.entry_point_strategy
            else None,
            conversion_html=self.conversion_html,
            add_markets=list(self.add_markets or []),
            remove_markets=list(self.remove_markets or []),
            external_id=self.external_id,
        )


def _value(enum_member: Any) -> str:
    return getattr(enum_member, "value", enum_member)


@strawberry.type
class VoucherCreatePayload(Payload):
    voucher: Voucher | None = None


@strawberry.type
class VoucherUpdatePayload(Payload):
    voucher: Voucher | None = None


@strawberry.input
class VoucherFilter:
    id: list[int] | None = None
    status: list[VoucherStatus] | None = None
    name: StringMatch | None = None
    method: list[VoucherMethod] | None = None
    type: list[VoucherType] | None = None
    code: StringMatch | None = None
    start_at: DateRange | None = None
    stop_at: DateRange | None = None
    max_usages: IntRange | None = None
    successful_usages: IntRange | None = None
    created_at: DateRange | None = None
    updated_at: DateRange | None = None
    combine_with_other_vouchers: bool | None = None
    reuse: bool | None = None
    market_id: list[int] | None = None
    store_id: list[int] | None = None
    external_id: list[str] | None = None
    search: str | None = None


def _dates(info: Info, r: DateRange | None, name: str):
    if r is None:
        return None
    clock = info.context.uow.clock
    try:
        return (
            None if r.from_ is None else parse_moment(str(r.from_), clock),
            None if r.to is None else parse_moment(str(r.to), clock),
        )
    except ValueError as exc:
        raise invalid(str(exc), ["where", name]) from None


def _ints(r: IntRange | None):
    return None if r is None else (r.from_, r.to)


def _query(info: Info, w: VoucherFilter) -> voucher_queries.VoucherQuery:
    return voucher_queries.VoucherQuery(
        ids=as_list(w.id) if w.id is not None else None,
        statuses=[_value(s) for s in as_list(w.status)] or None,
        name_equals=w.name.equals if w.name else None,
        name_contains=w.name.contains if w.name else None,
        methods=[_value(m) for m in as_list(w.method)] or None,
        types=[_value(t) for t in as_list(w.type)] or None,
        code_equals=w.code.equals if w.code else None,
        code_contains=w.code.contains if w.code else None,
        start_at=_dates(info, w.start_at, "startAt"),
        stop_at=_dates(info, w.stop_at, "stopAt"),
        created_at=_dates(info, w.created_at, "createdAt"),
        updated_at=_dates(info, w.updated_at, "updatedAt"),
        max_usages=_ints(w.max_usages),
        successful_usages=_ints(w.successful_usages),
        combine_with_other_vouchers=w.combine_with_other_vouchers,
        reuse=w.reuse,
        market_ids=as_list(w.market_id) or None,
        store_ids=as_list(w.store_id) or None,
        external_ids=as_list(w.external_id) or None,
        search=w.search,
    )


@strawberry.type
class Query:
    @strawberry.field
    def vouchers(
        self,
        info: Info,
        where: VoucherFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Voucher]:
        rows = list(
            voucher_queries.list_vouchers(
                info.context.session, _query(info, where or VoucherFilter()), limit, page
            )
        )
        announce_usages(info, [key(r) for r in rows])
        return rows  # type: ignore[return-value]

    @strawberry.field
    def voucher(self, info: Info, id: int) -> Voucher | None:
        return info.context.session.get(VoucherRow, id)


@strawberry.type
class Mutation:
    @mutation(permission="Voucher:write")
    def create_voucher(self, info: Info, input: VoucherCreateInput) -> VoucherCreatePayload:
        return run_mutation(
            info,
            VoucherCreatePayload,
            lambda: {"voucher": vouchers.create_voucher(info.context.uow, input.to_spec())},
            reads="input",
        )

    @mutation(permission="Voucher:write")
    def update_voucher(
        self, info: Info, id: int, input: VoucherUpdateInput
    ) -> VoucherUpdatePayload:
        def action() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                voucher = vouchers.voucher_to_change(uow, id)
            with reading("input"):
                return {"voucher": vouchers.update_voucher(uow, voucher, input.to_changes())}

        return run_mutation(info, VoucherUpdatePayload, action)
