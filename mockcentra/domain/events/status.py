"""Event object and change types (Integration API names), the lifecycle triggers, and where
a webhook delivery is."""

from __future__ import annotations

from enum import StrEnum


class EventChangeType(StrEnum):
    CREATED = "CREATED"  # the object was created
    UPDATED = "UPDATED"  # the object itself changed
    DELETED = "DELETED"  # the object is gone; `object` is null
    COMPLETED = "COMPLETED"  # Order, Shipment, Return, PurchaseOrder, PurchaseDelivery completed
    DEPENDENT_DATA_CHANGED = "DEPENDENT_DATA_CHANGED"  # something it depends on changed (stock)


class EventObjectType(StrEnum):
    """The object types an integration can listen to.

    Centra's full list was not published; these are the documented examples plus every type
    mockcentra emits. `Newsletter` and `Refund` are mockcentra additions (lifecycle moments that
    marketing integrations key on; Centra reports refunds as Return updates).
    """

    AdminUser = "AdminUser"  # documented example; never emitted by mockcentra
    Account = "Account"  # wholesale account
    Brand = "Brand"
    Buyer = "Buyer"  # wholesale buyer
    Bundle = "Bundle"
    Category = "Category"
    Collection = "Collection"
    Customer = "Customer"  # created at checkout (guest or registered)
    DeliveryWindow = "DeliveryWindow"  # wholesale delivery window
    Display = "Display"
    Folder = "Folder"
    Market = "Market"
    Newsletter = "Newsletter"  # mockcentra: a newsletter sign-up; reference is the e-mail
    Order = "Order"  # reference is the 32-hex order id
    Pricelist = "Pricelist"
    Product = "Product"
    Promotion = "Promotion"  # mockcentra: an external promotion redeemed; reference is its id
    ProductSize = "ProductSize"
    ProductVariant = "ProductVariant"  # DEPENDENT_DATA_CHANGED on stock changes
    PurchaseDelivery = "PurchaseDelivery"  # documented; never emitted by mockcentra
    PurchaseOrder = "PurchaseOrder"  # documented; never emitted by mockcentra
    Refund = "Refund"  # mockcentra: a refund paid; reference is the payment history entry id
    Return = "Return"
    Shipment = "Shipment"
    SizeChart = "SizeChart"
    Store = "Store"
    Voucher = "Voucher"
    Warehouse = "Warehouse"


#: Only these object types reach COMPLETED (Centra's events documentation).
COMPLETABLE = frozenset({"Order", "Shipment", "Return", "PurchaseOrder", "PurchaseDelivery"})

#: Change types in the order listeners report them.
CHANGE_ORDER = [c.value for c in EventChangeType]


class Trigger(StrEnum):
    """Lifecycle moments derived from events: the ones e-mail and CRM plugins react to.

    See docs/events-and-webhooks.md for the mapping to Rule tags and Voyado e-mails.
    """

    OrderPlaced = "OrderPlaced"  # Order CREATED (checkout paid, or order imported)
    OrderConfirmed = "OrderConfirmed"  # PENDING -> CONFIRMED (or placed already confirmed)
    OrderShipped = "OrderShipped"  # a shipment completed (Shipment COMPLETED)
    OrderCompleted = "OrderCompleted"  # every line shipped: status SHIPPED (Order COMPLETED)
    OrderCancelled = "OrderCancelled"  # status CANCELLED
    ShipmentGoodToGo = "ShipmentGoodToGo"  # a shipment became good to go
    ReturnCompleted = "ReturnCompleted"  # Return COMPLETED
    RefundCompleted = "RefundCompleted"  # money refunded for a return (Refund COMPLETED)
    Newsletter = "Newsletter"  # newsletter sign-up (Newsletter CREATED)
    PromotionRedeemed = "PromotionRedeemed"  # an external promotion redeemed as the order shipped
    CustomerCreated = "CustomerCreated"  # Customer CREATED


class DeliveryStatus(StrEnum):
    """Where a webhook delivery in the outbox is."""

    PENDING = "PENDING"  # waiting for its (next) attempt at next_attempt_at
    SENDING = "SENDING"  # claimed by a worker; back to PENDING if the server stops meanwhile
    DELIVERED = "DELIVERED"  # the receiver answered 2xx
    FAILED = "FAILED"  # every attempt failed; the queue moved on
    SKIPPED = "SKIPPED"  # nothing to send (e.g. products not shown in the plugin's store)
    CANCELLED = "CANCELLED"  # the subscription was deleted before it was sent
