"""Size charts (the sizes a variant comes in) and measurement charts (what a product measures)."""

import strawberry
from strawberry import Parent
from strawberry.types import Info

from mockcentra.domain.catalog.measurements import content_json
from mockcentra.domain.catalog.sizecharts import sizes_of
from mockcentra.graphql.permissions import read_permission
from mockcentra.storage.tables import MeasurementChartRow, SizeChartRow
from mockcentra.storage.tables.base import key


@strawberry.type
class Size:
    id: int
    name: str


@read_permission("SizeChart:read")
@strawberry.type
class SizeChart:
    id: int
    name: str
    horizontal_labels: list[str]
    vertical_labels: list[str] | None
    divider_symbol: str
    display_unit: str | None
    display_divided_by: int

    @strawberry.field
    @staticmethod
    def sizes(root: Parent[SizeChartRow], info: Info) -> list[Size]:
        return sizes_of(info.context.session, key(root))  # type: ignore[return-value]

    @strawberry.field(deprecation_reason="Always true.")
    @staticmethod
    def is_enabled(root: Parent[SizeChartRow]) -> bool:
        return True


@strawberry.type
class MeasurementChart:
    id: int
    name: str
    horizontal_labels: list[str]
    vertical_labels: list[str]
    display_unit: str | None

    @strawberry.field(
        name="contentJSON",
        description="The values as JSON: vertical label -> horizontal label -> value.",
    )
    @staticmethod
    def content_json(root: Parent[MeasurementChartRow]) -> str:
        return content_json(root)


def _table_chart(root: "Parent[MeasurementTable]") -> MeasurementChart:
    return root.row  # type: ignore[return-value]


@strawberry.type
class MeasurementTable:
    """The measurement chart a product shows."""

    row: strawberry.Private[MeasurementChartRow]
    chart: MeasurementChart = strawberry.field(resolver=_table_chart)
    inherited: bool

    @strawberry.field(name="contentJSON")
    def content_json(self) -> str:
        return content_json(self.row)
