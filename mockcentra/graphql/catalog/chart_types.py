"""Size charts (the sizes a variant comes in) and measurement charts (what a product measures)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from mockcentra.domain.catalog.measurements import content_json
from mockcentra.domain.catalog.sizecharts import sizes_of
from mockcentra.graphql.permissions import read_permission


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
    def sizes(self, info: Info) -> list[Size]:
        return sizes_of(info.context.session, self.id)

    @strawberry.field(deprecation_reason="Always true.")
    def is_enabled(self) -> bool:
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
    def content_json(self) -> str:
        return content_json(self)  # type: ignore[arg-type]


@strawberry.type
class MeasurementTable:
    """The measurement chart a product shows."""

    chart: MeasurementChart
    inherited: bool

    @strawberry.field(name="contentJSON")
    def content_json(self) -> str:
        return content_json(self.chart)  # type: ignore[arg-type]
