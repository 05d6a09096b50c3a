"""Size charts and measurement charts: their inputs, queries and mutations."""

from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.catalog import measurements, sizecharts
from mockcentra.graphql.catalog.chart_types import MeasurementChart, SizeChart
from mockcentra.graphql.catalog.enums import SizeChartSort
from mockcentra.graphql.common import Payload, StringMatch
from mockcentra.graphql.errors import run_mutation
from mockcentra.graphql.permissions import field, mutation
from mockcentra.storage.tables import MeasurementChartRow, SizeChartRow


@strawberry.input
class SizeChartCreateInput:
    name: str
    horizontal_labels: list[str]
    vertical_labels: list[str] | None = None
    divider_symbol: str | None = None
    display_unit: str | None = strawberry.field(
        default=None, description='The unit sizes are shown in, e.g. "cm"; "" for none.'
    )
    display_divided_by: int | None = strawberry.field(
        default=None, description="Shown values are the labels divided by this; 0 for none."
    )
    external_id: str | None = strawberry.field(
        default=None,
        description="Your own id for the new object (an ID conversion entry of this "
        "integration); refused when it already names another one.",
    )


@strawberry.type
class SizeChartPayload(Payload):
    size_chart: SizeChart | None = None


@strawberry.type
class SizeChartDeletePayload(Payload):
    pass


@strawberry.input
class MeasurementChartValueInput:
    horizontal_label: str
    vertical_label: str
    value: str


@strawberry.input
class MeasurementChartCreateInput:
    name: str
    horizontal_labels: list[str]
    vertical_labels: list[str]
    display_unit: str | None = None
    values: list[MeasurementChartValueInput] | None = None


@strawberry.type
class MeasurementChartPayload(Payload):
    measurement_chart: MeasurementChart | None = None


@strawberry.type
class MeasurementChartDeletePayload(Payload):
    pass


@strawberry.input
class MeasurementChartFilter:
    id: list[int] | None = None
    name: StringMatch | None = None


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
        sort: list[SizeChartSort] | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[SizeChart]:
        w = where or SizeChartFilter()
        rows = list(
            sizecharts.size_charts(
                info.context.session,
                ids=w.id,
                name=w.name,
                sort=sort,
                limit=limit,
                page_number=page,
            )
        )
        return rows  # type: ignore[return-value]

    @strawberry.field
    def size_chart(self, info: Info, id: int) -> SizeChart | None:
        return info.context.session.get(SizeChartRow, id)

    @field(permission="MeasurementChart:read")
    def measurement_charts(
        self,
        info: Info,
        where: MeasurementChartFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[MeasurementChart]:
        w = where or MeasurementChartFilter()
        rows = list(
            measurements.measurement_charts(
                info.context.session, ids=w.id, name=w.name, limit=limit, page_number=page
            )
        )
        return rows  # type: ignore[return-value]

    @field(permission="MeasurementChart:read")
    def measurement_chart(self, info: Info, id: int) -> MeasurementChart | None:
        return info.context.session.get(MeasurementChartRow, id)


def _delete_measurement_chart(info: Info, chart_id: int) -> MeasurementChartDeletePayload:
    def action() -> dict[str, Any]:
        measurements.delete_measurement_chart(info.context.uow, chart_id)
        return {}

    return run_mutation(info, MeasurementChartDeletePayload, action, reads="id")


def _delete_size_chart(info: Info, chart_id: int) -> SizeChartDeletePayload:
    def action() -> dict[str, Any]:
        sizecharts.delete_size_chart(info.context.uow, chart_id)
        return {}

    return run_mutation(info, SizeChartDeletePayload, action, reads="id")


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
                    display_unit=input.display_unit,
                    display_divided_by=input.display_divided_by,
                    external_id=input.external_id,
                )
            },
            reads="input",
        )

    @mutation(permission="MeasurementChart:write")
    def create_measurement_chart(
        self, info: Info, input: MeasurementChartCreateInput
    ) -> MeasurementChartPayload:
        return run_mutation(
            info,
            MeasurementChartPayload,
            lambda: {
                "measurement_chart": measurements.create_measurement_chart(
                    info.context.uow,
                    name=input.name,
                    horizontal_labels=input.horizontal_labels,
                    vertical_labels=input.vertical_labels,
                    display_unit=input.display_unit,
                    values=[
                        measurements.CellValue(v.horizontal_label, v.vertical_label, v.value)
                        for v in input.values or []
                    ],
                )
            },
            reads="input",
        )

    @mutation(permission="MeasurementChart:write")
    def delete_measurement_chart(self, info: Info, id: int) -> MeasurementChartDeletePayload:
        return _delete_measurement_chart(info, id)

    @mutation(permission="MeasurementChart:write", deprecation_reason="Use deleteMeasurementChart.")
    def remove_measurement_chart(self, info: Info, id: int) -> MeasurementChartDeletePayload:
        return _delete_measurement_chart(info, id)

    @mutation(permission="SizeChart:write")
    def delete_size_chart(self, info: Info, id: int) -> SizeChartDeletePayload:
        return _delete_size_chart(info, id)

    @mutation(permission="SizeChart:write", deprecation_reason="Use deleteSizeChart.")
    def remove_size_chart(self, info: Info, id: int) -> SizeChartDeletePayload:
        return _delete_size_chart(info, id)
