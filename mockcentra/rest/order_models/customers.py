"""Requests of the Order API's customer endpoints: the customer id path and the customers
query."""

from __future__ import annotations

from pydantic import Field

from mockcentra.rest.models import RestModel
from mockcentra.rest.order_models.fields import Date, Int, RequiredInt, Text, date_filter, optional


class CustomerIdPath(RestModel):
    customerId: RequiredInt = Field(description="Customer id.")


class CustomersQuery(RestModel):
    email: Text = optional(
        description="Customers with this email (a guest and a registered one may share it)."
    )
    created: Date = date_filter("Created at or after.")
    modified: Date = date_filter("Modified at or after.")
    limit: Int = optional(description="How many to return.")
    offset: Int = optional(description="How many to skip.")
