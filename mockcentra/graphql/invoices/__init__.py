"""The Integration API's invoices: the `invoices` query and the `Invoice` interface."""
