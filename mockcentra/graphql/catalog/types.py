"""Catalogue types: size charts and sizes (products, variants, bundles follow the same shape)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

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

    @strawberry.field
    def sizes(self, info: Info) -> list[Size]:
        return sizes_of(info.context.session, self.id)

    @strawberry.field(deprecation_reason="Always true.")
    def is_enabled(self) -> bool:
        return True
