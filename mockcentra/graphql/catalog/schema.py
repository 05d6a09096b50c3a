"""Catalogue queries and mutations."""

from __future__ import annotations

import strawberry
from sqlmodel import select
from strawberry.types import Info

from mockcentra.domain.catalog import sizecharts
from mockcentra.domain.listing import page
from mockcentra.graphql.catalog.types import SizeChart
from mockcentra.graphql.common import Payload, StringMatch
from mockcentra.graphql.errors import run_mutation
from mockcentra.graphql.permissions import mutation
from mockcentra.storage.tables import SizeChartRow


@strawberry.input
class SizeChartCreateInput:
    name: str
    horizontal_labels: list[str]
    vertical_labels: list[str] | None = None
    divider_symbol: str | None = None


@strawberry.type
class SizeChartPayload(Payload):
    size_chart: SizeChart | None = None


@strawberry.input
class SizeChartFilter:
    id: list[int] | None = None
    name: StringMatch | None = None


@strawberry.type
class Query:
    @strawberry.field
    def size_charts(
        self,
        info: Info,
        where: SizeChartFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[SizeChart]:
        stmt = select(SizeChartRow).order_by(SizeChartRow.id)
        if where and where.id:
            stmt = stmt.where(SizeChartRow.id.in_(where.id))
        if where and where.name and where.name.equals is not None:
            stmt = stmt.where(SizeChartRow.name == where.name.equals)
        if where and where.name and where.name.contains is not None:
            stmt = stmt.where(SizeChartRow.name.contains(where.name.contains))
        return list(_page(info, stmt, limit, page))

    @strawberry.field
    def size_chart(self, info: Info, id: int) -> SizeChart | None:
        return info.context.session.get(SizeChartRow, id)


def _page(info: Info, stmt, limit, page_number):
    return page(info.context.session, stmt, limit, page_number)


@strawberry.type
class Mutation:
    @mutation(permission="SizeChart:write")
    def create_size_chart(self, info: Info, input: SizeChartCreateInput) -> SizeChartPayload:
        return run_mutation(
            info,
            SizeChartPayload,
            lambda: {
                "size_chart": sizecharts.create_size_chart(
                    info.context.uow,
                    name=input.name,
                    horizontal_labels=input.horizontal_labels,
                    vertical_labels=input.vertical_labels,
                    divider_symbol=input.divider_symbol,
                )
            },
        )
