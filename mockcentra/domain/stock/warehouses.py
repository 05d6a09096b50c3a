"""Warehouses: creation, settings, location and their place in the allocation order.

`priority` orders warehouses (lower allocates first). `beforeWarehouse` inserts a warehouse
just before another and shifts the rest; without it a warehouse goes last. Centra's schema says
a warehouse created without `beforeWarehouse` gets "priority 0"; mockcentra reads that as "no
preference" and places it after the existing ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, update
from sqlmodel import select

from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.refs import Ref, resolve
from mockcentra.domain.stock.status import (
    WarehouseAllocationPolicy,
    WarehouseStatus,
    WarehouseStockMaster,
    WarehouseStockOwnership,
)
from mockcentra.storage.tables import (
    AllocationRuleRow,
    AllocationRuleWarehouseRow,
    CountryRow,
    StateRow,
    WarehouseRow,
)
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import PendingEvent, UnitOfWork

#: The allocation rule every instance starts with; new warehouses join it so orders reach them.
DEFAULT_ALLOCATION_RULE_ID = 1


@dataclass(frozen=True)
class WarehouseLocation:
    """`warehouseLocation`: a country by id or code, a state by name or code, a zip code."""

    country: Any = None
    state_or_province: str | None = None
    zip_code: str | None = None


@dataclass(frozen=True)
class WarehouseSettings:
    """The fields of WarehouseCreateInput / WarehouseUpdateInput; None leaves a value as it is."""

    name: str | None = None
    before_warehouse: Any = None
    hide_from_stock_view: bool | None = None
    threshold: int | None = None
    stock_master: WarehouseStockMaster | None = None
    stock_ownership: WarehouseStockOwnership | None = None
    allocation_policy: WarehouseAllocationPolicy | None = None
    location: WarehouseLocation | None = None
    status: WarehouseStatus | None = None


def find_warehouse(
    uow: UnitOfWork, ref: Any, path: list[str | int] | tuple, *, only_read: bool = False
) -> WarehouseRow:
    """A warehouse by `{id}` or `{externalId}` ("Could not find Warehouse with ID 9.");
    `only_read`: see `resolve`."""
    return resolve(
        uow,
        WarehouseRow,
        ref,
        list(path),
        kind="Warehouse",
        object_type="Warehouse",
        only_read=only_read,
    )


def create_warehouse(uow: UnitOfWork, settings: WarehouseSettings) -> WarehouseRow:
    """Create a warehouse and add it (last) to the default allocation rule.

    mockcentra joins new warehouses to allocation rule 1 so that orders can allocate from them
    at once; in Centra an admin adds them to a rule's geo-priorities.
    """
    name = _checked_name(uow, settings.name, None)
    row = WarehouseRow(name=name)
    _apply(uow, row, settings)
    before = _before(uow, settings.before_warehouse, None)
    row.priority = _insert_priority(uow, before)
    uow.session.add(row)
    uow.session.flush()
    _join_default_rule(uow, row)
    uow.emit(PendingEvent("Warehouse", "CREATED", str(row.id)))
    return row


def warehouse_to_change(uow: UnitOfWork, warehouse_id: int) -> WarehouseRow:
    """The warehouse `updateWarehouse` changes (errors point at the id)."""
    return find_warehouse(uow, Ref(id=warehouse_id), [])


def update_warehouse(
    uow: UnitOfWork, row: WarehouseRow, settings: WarehouseSettings
) -> WarehouseRow:
    """Change a warehouse's settings; `beforeWarehouse` moves it in the allocation order."""
    if settings.name is not None:
        row.name = _checked_name(uow, settings.name, row.id)
    _apply(uow, row, settings)
    before = _before(uow, settings.before_warehouse, row)
    if before is not None:
        _close_gap(uow, row)
        row.priority = _insert_priority(uow, before)
    uow.session.add(row)
    uow.session.flush()
    uow.emit(PendingEvent("Warehouse", "UPDATED", str(row.id)))
    return row


def _checked_name(uow: UnitOfWork, name: str | None, own_id: int | None) -> str:
    name = (name or "").strip()
    if not name:
        raise invalid("Warehouse name cannot be empty.", ["name"])
    clash = uow.session.exec(select(WarehouseRow.id).where(WarehouseRow.name == name)).first()
    if clash is not None and clash != own_id:
        raise DomainError(
            ErrorCode.DUPLICATE, f"Warehouse with name {name} already exists.", ["name"]
        )
    return name


def _apply(uow: UnitOfWork, row: WarehouseRow, s: WarehouseSettings) -> None:
    if s.status is not None:
        row.status = WarehouseStatus(s.status)
    if s.threshold is not None:
        if s.threshold < 0:
            raise invalid("Threshold must be greater or equal to 0.", ["threshold"])
        row.threshold = s.threshold
    if s.hide_from_stock_view is not None:
        row.is_hidden_from_stock_view = s.hide_from_stock_view
    if s.stock_master is not None:
        row.stock_master = WarehouseStockMaster(s.stock_master).value
    if s.stock_ownership is not None:
        row.stock_ownership = WarehouseStockOwnership(s.stock_ownership).value
    if s.allocation_policy is not None:
        row.allocation_policy = WarehouseAllocationPolicy(s.allocation_policy).value
    if s.location is not None:
        _apply_location(uow, row, s.location)


def _apply_location(uow: UnitOfWork, row: WarehouseRow, loc: WarehouseLocation) -> None:
    path = ["warehouseLocation"]
    if loc.country is not None:
        country = resolve(
            uow, CountryRow, loc.country, [*path, "country"], kind="Country", object_type="Country"
        )
        if country.id != row.country_id:
            row.country_id = country.id
            row.state_id = None  # a state of the old country cannot stay
    if loc.state_or_province is not None:
        text = loc.state_or_province.strip()
        if not text:
            row.state_id = None
        else:
            row.state_id = find_state(uow, row.country_id, text, [*path, "stateOrProvince"]).id
    if loc.zip_code is not None:
        row.zip_code = loc.zip_code.strip() or None


def find_state(uow: UnitOfWork, country_id: int | None, text: str, path: list) -> StateRow:
    """A state of the country by code or name, case-insensitive ("nevada" finds Nevada)."""
    if country_id is None:
        raise DomainError(ErrorCode.REQUIRED, "A country is required to set stateOrProvince.", path)
    wanted = text.lower()
    matches = uow.session.exec(
        select(StateRow).where(
            (func.lower(StateRow.code) == wanted) | (func.lower(StateRow.name) == wanted)
        )
    ).all()
    for state in matches:
        if state.country_id == country_id:
            return state
    country = stored(uow.session, CountryRow, country_id)
    if matches:
        raise DomainError(
            ErrorCode.CONFLICT,
            f"State or province {matches[0].name} does not belong to {country.name}.",
            path,
        )
    raise DomainError(
        ErrorCode.NOT_FOUND, f"Could not find state or province {text} in {country.name}.", path
    )


def _before(uow: UnitOfWork, ref: Any, row: WarehouseRow | None) -> WarehouseRow | None:
    if ref is None:
        return None
    path: list[str | int] = ["beforeWarehouse"]
    before = find_warehouse(uow, ref, path)
    if row is not None and before.id == row.id:
        raise invalid("A warehouse cannot be placed before itself.", path)
    return before


def _insert_priority(uow: UnitOfWork, before: WarehouseRow | None) -> int:
    """The priority a warehouse gets: the place of `before` (the rest shift down) or last."""
    if before is None:
        last = uow.session.exec(select(func.max(WarehouseRow.priority))).one()
        return 0 if last is None else int(last) + 1
    place = before.priority
    uow.session.exec(
        update(WarehouseRow)
        .where(WarehouseRow.priority >= place)
        .values(priority=WarehouseRow.priority + 1)
        .execution_options(synchronize_session="evaluate")
    )
    return place


def _close_gap(uow: UnitOfWork, row: WarehouseRow) -> None:
    """Take a warehouse out of the order before it is inserted elsewhere."""
    uow.session.exec(
        update(WarehouseRow)
        .where(WarehouseRow.priority > row.priority, WarehouseRow.id != row.id)
        .values(priority=WarehouseRow.priority - 1)
        .execution_options(synchronize_session="evaluate")
    )
    row.priority = -1


def _join_default_rule(uow: UnitOfWork, row: WarehouseRow) -> None:
    if uow.session.get(AllocationRuleRow, DEFAULT_ALLOCATION_RULE_ID) is None:
        return
    last = uow.session.exec(
        select(func.max(AllocationRuleWarehouseRow.priority)).where(
            AllocationRuleWarehouseRow.allocation_rule_id == DEFAULT_ALLOCATION_RULE_ID
        )
    ).one()
    uow.session.add(
        AllocationRuleWarehouseRow(
            allocation_rule_id=DEFAULT_ALLOCATION_RULE_ID,
            warehouse_id=key(row),
            priority=0 if last is None else int(last) + 1,
        )
    )
    uow.session.flush()
