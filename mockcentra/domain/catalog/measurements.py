"""Measurement charts: the measurements (chest, sleeve ...) of each size, in one unit.

A chart has horizontal labels (usually the sizes), vertical labels (the measurements) and a
value per cell. A product shows one chart as its measurement table. A chart a product uses
cannot be deleted.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from mockcentra.domain.errors import DomainError, ErrorCode, invalid, not_found
from mockcentra.domain.listing import ids_filter, page, text_filtered
from mockcentra.domain.refs import Ref, resolve
from mockcentra.storage.tables import MeasurementChartRow, ProductRow
from mockcentra.storage.uow import UnitOfWork


@dataclass(frozen=True)
class CellValue:
    horizontal_label: str
    vertical_label: str
    value: str


@dataclass(frozen=True)
class MeasurementTableSpec:
    """`measurementTable` of a product input: a chart reference (`{id: null}` unassigns)."""

    chart: Any
    inherited: bool = False


def content_json(chart: MeasurementChartRow) -> str:
    """The chart's values as Centra's `contentJSON`: vertical label -> horizontal label -> value,
    in label order, compact."""
    ordered = {
        v: {
            h: chart.content[v][h] for h in chart.horizontal_labels if h in chart.content.get(v, {})
        }
        for v in chart.vertical_labels
        if chart.content.get(v)
    }
    return json.dumps(ordered, separators=(",", ":"), ensure_ascii=False)


def _labels(values: Sequence[str] | None, key: str) -> list[str]:
    labels = [(v or "").strip() for v in values or []]
    if not labels:
        raise invalid("At least one label is required.", [key])
    if any(not label for label in labels):
        raise invalid("Measurement chart labels cannot be empty.", [key])
    if len(set(labels)) != len(labels):
        raise invalid("Measurement chart labels must be unique.", [key])
    return labels


def create_measurement_chart(
    uow: UnitOfWork,
    *,
    name: str,
    horizontal_labels: Sequence[str],
    vertical_labels: Sequence[str],
    display_unit: str | None,
    values: Sequence[CellValue],
) -> MeasurementChartRow:
    name = (name or "").strip()
    if not name:
        raise DomainError(ErrorCode.REQUIRED, "Measurement chart name cannot be empty.", ["name"])
    if uow.session.exec(
        select(MeasurementChartRow.id).where(MeasurementChartRow.name == name)
    ).first():
        raise DomainError(
            ErrorCode.DUPLICATE,
            f"Measurement chart with name {name} already exists.",
            ["name"],
        )
    horizontal = _labels(horizontal_labels, "horizontalLabels")
    vertical = _labels(vertical_labels, "verticalLabels")
    content: dict[str, dict[str, str]] = {}
    for i, cell in enumerate(values):
        path: list[str | int] = ["values", i]
        if cell.horizontal_label not in horizontal:
            raise invalid(
                f"{cell.horizontal_label} is not a horizontal label of the chart.",
                [*path, "horizontalLabel"],
            )
        if cell.vertical_label not in vertical:
            raise invalid(
                f"{cell.vertical_label} is not a vertical label of the chart.",
                [*path, "verticalLabel"],
            )
        row = content.setdefault(cell.vertical_label, {})
        if cell.horizontal_label in row:
            raise invalid(
                f"A value for {cell.horizontal_label} / {cell.vertical_label} is given twice.",
                path,
            )
        row[cell.horizontal_label] = cell.value
    chart = MeasurementChartRow(
        name=name,
        horizontal_labels=horizontal,
        vertical_labels=vertical,
        display_unit=(display_unit or "").strip() or None,
        content=content,
    )
    uow.session.add(chart)
    uow.session.flush()
    return chart


def delete_measurement_chart(uow: UnitOfWork, chart_id: int) -> None:
    """Delete a chart no product shows (Centra: "only when it's not in use")."""
    chart = uow.session.get(MeasurementChartRow, chart_id)
    if chart is None:
        raise not_found("MeasurementChart", chart_id, [])
    users = uow.session.exec(
        select(ProductRow.id)
        .where(ProductRow.measurement_chart_id == chart.id)
        .order_by(ProductRow.id)
    ).all()
    if users:
        shown = ", ".join(str(i) for i in users[:5]) + (" ..." if len(users) > 5 else "")
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Measurement chart {chart.name} is used by products ({shown}) and cannot be deleted.",
            [],
        )
    uow.session.delete(chart)
    uow.session.flush()


def measurement_table(uow: UnitOfWork, product: ProductRow, spec: MeasurementTableSpec, path):
    """Show a chart on a product, or none when the reference has no id (`{id: null}`)."""
    ref = Ref.of(spec.chart)
    if ref is None or (ref.id is None and ref.external_id is None):
        product.measurement_chart_id = None
        product.measurement_inherited = False
        return
    chart = resolve(
        uow, MeasurementChartRow, ref, [*path, "measurementChart"], kind="MeasurementChart"
    )
    product.measurement_chart_id = chart.id
    product.measurement_inherited = bool(spec.inherited)


def measurement_charts(
    session: Session, *, ids=None, name=None, limit=None, page_number=None
) -> Sequence[MeasurementChartRow]:
    stmt = select(MeasurementChartRow).order_by(MeasurementChartRow.id)
    if wanted_ids := ids_filter(ids):
        stmt = stmt.where(MeasurementChartRow.id.in_(wanted_ids))
    stmt = text_filtered(stmt, MeasurementChartRow.name, name)
    return page(session, stmt, limit, page_number)
