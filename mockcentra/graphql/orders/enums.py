"""The order enums. Most are the domain's enums registered with strawberry under their GraphQL
name: fields are annotated with the domain class (mypy takes no `strawberry.enum(...)` call
as a type), and resolvers return domain values."""

from enum import Enum
from typing import TypeAlias

import strawberry

from mockcentra.domain.orders import status as st

OrderStatus: TypeAlias = st.OrderStatus
PaymentHistoryEntryType: TypeAlias = st.PaymentEntryType
PaymentHistoryEntryStatus: TypeAlias = st.PaymentEntryStatus
StockAction: TypeAlias = st.StockAction

strawberry.enum(OrderStatus, name="OrderStatus")
strawberry.enum(PaymentHistoryEntryType, name="PaymentHistoryEntryType")
strawberry.enum(PaymentHistoryEntryStatus, name="PaymentHistoryEntryStatus")
strawberry.enum(StockAction, name="StockAction")


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
