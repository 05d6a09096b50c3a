"""The order enums; most register the domain's enum with strawberry, so resolvers return
domain values."""

from __future__ import annotations

from enum import Enum

import strawberry

from mockcentra.domain.orders import status as st
from mockcentra.domain.orders.status import StockAction as DomainStockAction

OrderStatus = strawberry.enum(st.OrderStatus, name="OrderStatus")
PaymentHistoryEntryType = strawberry.enum(st.PaymentEntryType, name="PaymentHistoryEntryType")
PaymentHistoryEntryStatus = strawberry.enum(st.PaymentEntryStatus, name="PaymentHistoryEntryStatus")


StockAction = strawberry.enum(DomainStockAction, name="StockAction")


@strawberry.enum
class OrderSort(Enum):
    id_ASC = "id_ASC"
    id_DESC = "id_DESC"
    number_ASC = "number_ASC"
    number_DESC = "number_DESC"
    createdAt_ASC = "createdAt_ASC"
    createdAt_DESC = "createdAt_DESC"
    orderDate_ASC = "orderDate_ASC"
    orderDate_DESC = "orderDate_DESC"
    updatedAt_ASC = "updatedAt_ASC"
    updatedAt_DESC = "updatedAt_DESC"
