"""The GraphQL operations more than one benchmark sends (bench/ is a folder of scripts, not a
package: each script puts this folder on sys.path)."""

ORDERS = (
    "query benchOrders { orders(limit: 10) { id number status createdAt "
    "lines { id quantity SKU productName unitPrice { value } lineValue { value } } "
    "shipments { id number isShipped isPaid lines { quantity } } "
    "grandTotal { value currency { code } } } }"
)
