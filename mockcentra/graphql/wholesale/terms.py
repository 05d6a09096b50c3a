"""Payment terms and shipping terms: what a wholesale account buys on."""

import strawberry
from strawberry import Parent

from mockcentra.graphql.permissions import read_permission
from mockcentra.storage.tables import PaymentTermsRow, ShippingTermsRow


@read_permission("PaymentTerms:read")
@strawberry.type
class PaymentTerms:
    id: int
    name: str
    days: int

    @strawberry.field(description="The terms as shown to buyers (the name in mockcentra).")
    @staticmethod
    def description(root: Parent[PaymentTermsRow]) -> str:
        return root.name


@read_permission("ShippingTerms:read")
@strawberry.type
class ShippingTerms:
    id: int
    name: str

    @strawberry.field(description="The terms as shown to buyers (the name in mockcentra).")
    @staticmethod
    def description(root: Parent[ShippingTermsRow]) -> str:
        return root.name
