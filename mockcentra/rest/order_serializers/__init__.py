"""Wire shapes of Centra's REST Order API: orders, shipments, returns, customers, stock items.

Field names, types and quirks follow Centra's documented examples: order ids are strings in
orders and shipments but integers in returns; flags are 0/1 in orders and booleans in returns
and customers; money is a JSON number; unset dates are "0000-00-00 00:00:00"; unset text is "".
`sku` is the product SKU, with `variantSku` and `sizeSku` beside it (their concatenation is the
size's full SKU). A `Shapes` object (shapes.py) loads what a page of results needs in a few
queries; each resource is shaped by a module of its own (orders, lines, shipments, returns,
customers, vouchers, products), with the values they write alike in values.py.
"""
