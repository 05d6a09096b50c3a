"""The Order API's requests as typed models: every body, query and path parameter of every
endpoint of the endpoint table (order_endpoints), read as Centra reads them (integers and
amounts also as text, flags as true/false, 1/0 and their text) and refused in the words the API
always used (`limit must be an integer`, `order is required`). The document's request parts are
generated from these models (order_openapi.py).

One module per resource (orders, shipments, returns, customers, vouchers, products), on the
readers (readers.py) and the field types built on them (fields.py).
"""
