"""Shipment plugins: the store's configured plugin a shipment is booked with."""

from __future__ import annotations

from collections.abc import Sequence

from mockcentra.domain.errors import DomainError, ErrorCode, not_found
from mockcentra.storage.tables import OrderRow, StorePluginRow
from mockcentra.storage.uow import UnitOfWork

SHIPMENT = "SHIPMENT"  # StorePluginRow.kind of shipment plugins
ACTIVE = "ACTIVE"


def shipment_plugin(
    uow: UnitOfWork, order: OrderRow, plugin_id: int, path: Sequence[str | int]
) -> StorePluginRow:
    """An active shipment plugin of the order's store."""
    plugin = uow.session.get(StorePluginRow, plugin_id)
    if plugin is None:
        raise not_found("StorePlugin", plugin_id, path)
    if plugin.kind != SHIPMENT:
        raise DomainError(ErrorCode.CONFLICT, f"Plugin {plugin.id} is not a shipment plugin.", path)
    if plugin.store_id != order.store_id:
        raise DomainError(
            ErrorCode.CONFLICT,
            f"Shipment plugin {plugin.id} belongs to another store than order {order.number}.",
            path,
        )
    if plugin.status != ACTIVE:
        raise DomainError(ErrorCode.NOT_ALLOWED, f"Shipment plugin {plugin.id} is inactive.", path)
    return plugin
