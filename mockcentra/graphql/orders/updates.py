"""What the order update, confirm, lock and cancel mutations take."""

from typing import Any

import strawberry

from mockcentra.domain.ordering import actions as orders
from mockcentra.graphql.common import DisplayInput, MonetaryValueInput, TaxGroupInput
from mockcentra.graphql.orders.addresses import AddressInput
from mockcentra.graphql.orders.enums import StockAction
from mockcentra.graphql.orders.inputs import NO_EMAILS, OrderInput, OrderLineInput


@strawberry.input
class CustomerRefInput:
    id: int


@strawberry.input
class CustomerInfoInput:
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None


@strawberry.input
class CancelLineInput:
    line: OrderLineInput
    quantity: int
    stock_action: StockAction = StockAction.RELEASE_BACK_TO_WAREHOUSE


@strawberry.input
class ProductSizeRefInput:
    id: int


@strawberry.input
class AddLineInput:
    display: DisplayInput
    product_size: ProductSizeRefInput
    quantity: int
    unit_price: MonetaryValueInput
    tax_group: TaxGroupInput | None = strawberry.field(
        default=None,
        description="Accepted and ignored: an added line is taxed at the order's tax rate.",
    )
    comment: str | None = None


@strawberry.input
class OrderUpdateInput:
    shipping_address: AddressInput | None = None
    billing_address: AddressInput | None = None
    customer: CustomerRefInput | None = None
    customer_info: CustomerInfoInput | None = None
    is_internal: bool | None = None
    is_on_hold: bool | None = None
    hold_status_change_reason: str | None = strawberry.field(
        default=None,
        description=(
            "Accepted and ignored: the order's history records the change of isOnHold, not "
            "its reason."
        ),
    )
    cancel_lines: list[CancelLineInput] | None = None
    cancellation_comment: str | None = None
    add_lines: list[AddLineInput] | None = None
    internal_comment: str | None = None
    shipping_cost: MonetaryValueInput | None = strawberry.field(
        default=None, description="A lower shipping cost (or 0) for a CONFIRMED order."
    )

    def to_domain(self) -> orders.OrderUpdate:
        info = self.customer_info
        cost = self.shipping_cost
        return _order_update(
            self,
            shipping_cost=cost.to_decimal() if cost else None,
            shipping_cost_currency=cost.currency_iso_code if cost else None,
            customer_id=self.customer.id if self.customer else None,
            customer_info=(
                {"firstName": info.first_name, "lastName": info.last_name, "email": info.email}
                if info
                else None
            ),
        )


@strawberry.input
class BuyerInfoInput:
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None


@strawberry.input
class WholesaleOrderUpdateInput:
    shipping_address: AddressInput | None = None
    billing_address: AddressInput | None = None
    add_lines: list[AddLineInput] | None = None
    cancel_lines: list[CancelLineInput] | None = None
    cancellation_comment: str | None = None
    is_internal: bool | None = None
    is_on_hold: bool | None = None
    hold_status_change_reason: str | None = strawberry.field(
        default=None,
        description=(
            "Accepted and ignored: the order's history records the change of isOnHold, not "
            "its reason."
        ),
    )
    buyer_info: BuyerInfoInput | None = strawberry.field(
        default=None, description="Who ordered, as kept on the order (the buyer is unchanged)."
    )
    internal_comment: str | None = None

    def to_domain(self) -> orders.OrderUpdate:
        info = self.buyer_info
        return _order_update(
            self,
            buyer_info=(
                {"firstName": info.first_name, "lastName": info.last_name, "email": info.email}
                if info
                else None
            ),
        )


def _order_update(
    input: OrderUpdateInput | WholesaleOrderUpdateInput, **who: Any
) -> orders.OrderUpdate:
    """The changes both order update inputs share, plus who ordered (`who`)."""
    return orders.OrderUpdate(
        shipping_address=input.shipping_address.to_dict() if input.shipping_address else None,
        billing_address=input.billing_address.to_dict() if input.billing_address else None,
        is_internal=input.is_internal,
        is_on_hold=input.is_on_hold,
        cancel_lines=[
            orders.CancelLine(
                c.line.id,
                c.quantity,
                StockAction(c.stock_action),
            )
            for c in input.cancel_lines or []
        ],
        cancellation_comment=input.cancellation_comment,
        add_lines=[
            orders.AddLine(
                a.display.id or 0,
                a.product_size.id,
                a.quantity,
                a.unit_price.to_decimal(),
                a.unit_price.currency_iso_code,
                a.comment,
            )
            for a in input.add_lines or []
        ],
        internal_comment=input.internal_comment,
        **who,
    )


@strawberry.input
class ConfirmOrderInput:
    order: OrderInput
    send_email: bool | None = strawberry.field(default=None, description=NO_EMAILS)


@strawberry.input
class SetOrdersLockInput:
    orders: list[OrderInput]
    is_locked: bool


@strawberry.input
class EmailOptionsInput:
    send_email: bool = strawberry.field(default=False, description=NO_EMAILS)


@strawberry.input
class CancelStockActionInput:
    remove_items_from_stock: bool = False


@strawberry.input
class CancelOrderInput:
    comment: str | None = None
    email_options: EmailOptionsInput | None = None
    stock_action: CancelStockActionInput | None = None
    cancel_authorization: bool = False
