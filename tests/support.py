"""Shared reads for tests: stock figures of one product size, through GraphQL."""

from mockcentra.testing import CentraClient

STOCK = """query($id:Int!){ productSize(id:$id){ stockTotals {
  physicalQuantity allocatedQuantity freeToAllocateQuantity } } }"""


def stock_of(centra: CentraClient, product_size_id: int) -> tuple[int, int, int]:
    """(physical, allocated, free to allocate) summed over warehouses."""
    totals = centra.graphql(STOCK, {"id": product_size_id}).payload("productSize")["stockTotals"]
    return (
        totals["physicalQuantity"],
        totals["allocatedQuantity"],
        totals["freeToAllocateQuantity"],
    )


ORDER = """query($n:[Int!]){ orders(where:{number:$n}) {
  id number status isOnHold isLocked
  lines { id quantity cancelledQuantity shippedQuantity unitPrice { value } lineValue { value } }
  grandTotal { value currency { code } }
  paymentHistory { entryType status value { value } }
  shipments { id number isPaid isCaptured isShipped }
} }"""


def order_of(centra: CentraClient, number: int) -> dict:
    rows = centra.graphql(ORDER, {"n": [number]}).payload("orders")
    assert len(rows) == 1, rows
    return rows[0]
