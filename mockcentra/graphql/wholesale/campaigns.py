"""Campaigns, which delivery windows and markets name; not modelled (no campaign exists)."""

import strawberry

from mockcentra.graphql.permissions import read_permission


@read_permission("Campaign:read")
@strawberry.type
class Campaign:
    """Campaigns are not modelled: delivery windows list none."""

    id: int
    name: str
