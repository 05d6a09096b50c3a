"""An INACTIVE warehouse keeps its stock but is left out when orders allocate."""

from __future__ import annotations

from sqlalchemy import event

from mockcentra.domain.stock.allocation import warehouses_for_market
from mockcentra.storage.tables import WarehouseRow
from mockcentra.testing import CentraClient

NEW = """mutation($name: String!) { createWarehouse(input: {name: $name, beforeWarehouse: {id: 1}})
  { warehouse { id } userErrors { message } } }"""
SET_STATUS = """mutation($id: Int!, $status: Status!) { updateWarehouse(id: $id,
  input: {status: $status}) { warehouse { status } userErrors { message } } }"""


def allocation_order(centra: CentraClient) -> list[int]:
    with centra.runtime.unit_of_work(write=False) as uow:
        return warehouses_for_market(uow.session, 1)


def test_an_inactive_warehouse_takes_no_new_allocations(centra: CentraClient):
    # Given a second warehouse placed first in the allocation order
    second = centra.graphql(NEW, {"name": "Outlet"}).ok("createWarehouse")["warehouse"]["id"]
    assert allocation_order(centra) == [second, 1]
    # When it is made inactive
    result = centra.graphql(SET_STATUS, {"id": second, "status": "INACTIVE"})
    assert result.ok("updateWarehouse")["warehouse"] == {"status": "INACTIVE"}
    # Then orders allocate from the active warehouse only, until it is active again
    assert allocation_order(centra) == [1]
    centra.graphql(SET_STATUS, {"id": second, "status": "ACTIVE"}).ok("updateWarehouse")
    assert allocation_order(centra) == [second, 1]


def test_one_unit_of_work_reads_the_allocation_order_once_and_sees_its_own_changes(
    centra: CentraClient,
):
    # Given a second warehouse placed first in the allocation order
    second = centra.graphql(NEW, {"name": "Outlet"}).ok("createWarehouse")["warehouse"]["id"]
    statements: list[str] = []

    def count(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    engine = centra.runtime.db.engine
    with centra.runtime.unit_of_work() as uow:
        assert warehouses_for_market(uow.session, 1) == [second, 1]
        event.listen(engine, "before_cursor_execute", count)
        try:
            # When the same unit of work asks again, then after making the warehouse inactive
            again = warehouses_for_market(uow.session, 1)
            reads = len(statements)
            uow.session.get(WarehouseRow, second).status = "INACTIVE"
            after_change = warehouses_for_market(uow.session, 1)
        finally:
            event.remove(engine, "before_cursor_execute", count)
        uow.rollback()
    # Then the second ask reads nothing, and the change is seen before it is committed
    assert (again, reads) == ([second, 1], 0)
    assert after_change == [1]
    assert allocation_order(centra) == [second, 1]  # rolled back
