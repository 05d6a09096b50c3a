"""Size charts: labels in one or two dimensions produce the chart's sizes."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, select

from mockcentra.domain import idconversion
from mockcentra.domain.errors import DomainError, ErrorCode, invalid, not_found
from mockcentra.domain.listing import ids_filter, page, sorted_by, text_filtered
from mockcentra.storage.tables import ProductSizeRow, SizeChartRow, SizeRow, VariantRow
from mockcentra.storage.tables.base import key
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
    display_unit: str | None = None,
    display_divided_by: int | None = None,
    external_id: str | None = None,
) -> SizeChartRow:
    """A size chart with a size for each label (or each pair of labels); `external_id` names
    it for this integration (see `idconversion.assign_new`)."""
    name = name.strip()
    if display_divided_by is not None and display_divided_by < 0:
        raise invalid("displayDividedBy cannot be negative.", ["displayDividedBy"])
    if not name:
        raise invalid("Size chart name cannot be empty.", ["name"])
    if not horizontal_labels:
        raise invalid("At least one horizontal label is required.", ["horizontalLabels"])
    for argument, labels in (
        ("horizontalLabels", horizontal_labels),
        ("verticalLabels", vertical_labels),
    ):
        if labels is not None and len(set(labels)) != len(labels):
            raise invalid("Size chart labels must be unique.", [argument])
        if labels is not None and any(not label.strip() for label in labels):
            raise invalid("Size chart labels cannot be empty.", [argument])
    if uow.session.exec(select(SizeChartRow.id).where(SizeChartRow.name == name)).first():
        raise DomainError(
            ErrorCode.DUPLICATE, f"Size chart with name {name} already exists.", ["name"]
        )
    chart = SizeChartRow(
        name=name,
        horizontal_labels=list(horizontal_labels),
        vertical_labels=list(vertical_labels) if vertical_labels else None,
        divider_symbol=divider_symbol or "x",
        display_unit=(display_unit or "").strip() or None,
        display_divided_by=display_divided_by or 0,
    )
    uow.session.add(chart)
    uow.session.flush()
    names = size_names(chart.horizontal_labels, chart.vertical_labels, chart.divider_symbol)
    uow.session.add_all(
        SizeRow(size_chart_id=key(chart), name=n, position=i) for i, n in enumerate(names)
    )
    uow.session.flush()
    idconversion.assign_new(uow, "SizeChart", key(chart), external_id, [])
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
    session: Session, *, ids=None, name=None, sort=None, limit=None, page_number=None
) -> Sequence[SizeChartRow]:
    stmt = select(SizeChartRow)
    if wanted_ids := ids_filter(ids):
        stmt = stmt.where(SizeChartRow.id.in_(wanted_ids))
    stmt = text_filtered(stmt, SizeChartRow.name, name)
    columns = {"id": SizeChartRow.id, "name": SizeChartRow.name}
    return page(session, sorted_by(stmt, sort, columns, SizeChartRow.id), limit, page_number)


def delete_size_chart(uow: UnitOfWork, chart_id: int) -> None:
    """Delete a size chart no variant uses, with its sizes (and their ID conversions).

    Sizes of a chart in use carry stock and order history, so such a chart stays.
    """
    chart = uow.session.get(SizeChartRow, chart_id)
    if chart is None:
        raise not_found("SizeChart", chart_id, [])
    users = uow.session.exec(
        select(VariantRow.id).where(VariantRow.size_chart_id == chart.id).order_by(VariantRow.id)
    ).all()
    if users:
        shown = ", ".join(str(i) for i in users[:5]) + (" ..." if len(users) > 5 else "")
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Size chart {chart.name} is used by product variants ({shown}) and cannot be deleted.",
            [],
        )
    sizes = sizes_of(uow.session, key(chart))
    size_ids = [key(s) for s in sizes]
    if (
        size_ids
        and uow.session.exec(
            select(ProductSizeRow.id).where(ProductSizeRow.size_id.in_(size_ids))
        ).first()
    ):
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Size chart {chart.name} has sizes in use and cannot be deleted.",
            [],
        )
    for size in sizes:
        uow.session.delete(size)
    uow.session.flush()
    uow.session.delete(chart)
    uow.session.flush()
    idconversion.forget(uow, "Size", size_ids)
    idconversion.forget(uow, "SizeChart", [chart_id])
    uow.emit(PendingEvent("SizeChart", "DELETED", str(chart_id)))
