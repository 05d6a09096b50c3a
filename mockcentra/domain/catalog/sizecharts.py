"""Size charts: labels in one or two dimensions produce the chart's sizes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import select

from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.listing import ids_filter, page, sorted_by
from mockcentra.storage.tables import SizeChartRow, SizeRow
from mockcentra.storage.uow import PendingEvent, UnitOfWork


def size_names(horizontal: list[str], vertical: list[str] | None, divider: str) -> list[str]:
    """`["24","25"] x ["26","28"]` gives `24x26, 24x28, 25x26, 25x28` (horizontal first)."""
    if not vertical:
        return list(horizontal)
    return [f"{h}{divider}{v}" for h in horizontal for v in vertical]


def create_size_chart(
    uow: UnitOfWork,
    *,
    name: str,
    horizontal_labels: list[str],
    vertical_labels: list[str] | None = None,
    divider_symbol: str | None = None,
) -> SizeChartRow:
    name = name.strip()
    if not name:
        raise invalid("Size chart name cannot be empty.", ["input", "name"])
    if not horizontal_labels:
        raise invalid("At least one horizontal label is required.", ["input", "horizontalLabels"])
    for key, labels in (
        ("horizontalLabels", horizontal_labels),
        ("verticalLabels", vertical_labels),
    ):
        if labels is not None and len(set(labels)) != len(labels):
            raise invalid("Size chart labels must be unique.", ["input", key])
        if labels is not None and any(not label.strip() for label in labels):
            raise invalid("Size chart labels cannot be empty.", ["input", key])
    if uow.session.exec(select(SizeChartRow.id).where(SizeChartRow.name == name)).first():
        raise DomainError(
            ErrorCode.DUPLICATE, f"Size chart with name {name} already exists.", ["input", "name"]
        )
    chart = SizeChartRow(
        name=name,
        horizontal_labels=list(horizontal_labels),
        vertical_labels=list(vertical_labels) if vertical_labels else None,
        divider_symbol=divider_symbol or "x",
    )
    uow.session.add(chart)
    uow.session.flush()
    names = size_names(chart.horizontal_labels, chart.vertical_labels, chart.divider_symbol)
    uow.session.add_all(
        SizeRow(size_chart_id=chart.id, name=n, position=i) for i, n in enumerate(names)
    )
    uow.session.flush()
    uow.emit(PendingEvent("SizeChart", "CREATED", str(chart.id)))
    return chart


def sizes_of(uow_or_session, chart_id: int) -> list[SizeRow]:
    session = getattr(uow_or_session, "session", uow_or_session)
    return list(
        session.exec(
            select(SizeRow).where(SizeRow.size_chart_id == chart_id).order_by(SizeRow.position)
        ).all()
    )


def size_charts(
    session: Any, *, ids=None, name=None, sort=None, limit=None, page_number=None
) -> Sequence[SizeChartRow]:
    stmt = select(SizeChartRow)
    if ids_filter(ids):
        stmt = stmt.where(SizeChartRow.id.in_(ids_filter(ids)))
    if name is not None and name.equals is not None:
        stmt = stmt.where(SizeChartRow.name == name.equals)
    if name is not None and name.contains is not None:
        stmt = stmt.where(SizeChartRow.name.contains(name.contains))
    columns = {"id": SizeChartRow.id, "name": SizeChartRow.name}
    return page(session, sorted_by(stmt, sort, columns, SizeChartRow.id), limit, page_number)
