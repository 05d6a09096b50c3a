"""Buyers: who places a wholesale account's orders."""

from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.wholesale import buyers
from mockcentra.graphql.common import Payload, StoreInput, StringMatch
from mockcentra.graphql.errors import reading, run_mutation
from mockcentra.graphql.orders.addresses import AddressInput
from mockcentra.graphql.permissions import mutation
from mockcentra.graphql.wholesale.references import AccountInput, address_of
from mockcentra.graphql.wholesale.types import Buyer, BuyerStatus
from mockcentra.storage.tables import BuyerRow


@strawberry.input
class BuyerCreateInput:
    account: AccountInput
    store: StoreInput | None = None
    status: BuyerStatus | None = None
    website_url: str | None = None
    receive_auto_emails: bool | None = None
    receive_newsletters: bool | None = None
    billing_address: AddressInput | None = strawberry.field(
        default=None, description="Its email is the buyer's login and must be unique."
    )


@strawberry.input
class BuyerUpdateInput:
    account: AccountInput | None = None
    store: StoreInput | None = None
    status: BuyerStatus | None = None
    website_url: str | None = None
    receive_auto_emails: bool | None = None
    receive_newsletters: bool | None = None
    billing_address: AddressInput | None = None


@strawberry.input
class BuyerFilter:
    id: list[int] | None = None
    account_id: list[int] | None = None
    email: StringMatch | None = None
    status: list[BuyerStatus] | None = None
    store_id: list[int] | None = None


@strawberry.type
class BuyerPayload(Payload):
    buyer: Buyer | None = None


def _buyer_spec(info: Info, input: Any) -> buyers.BuyerSpec:
    return buyers.BuyerSpec(
        account=input.account,
        store=input.store,
        status=input.status,
        website_url=input.website_url,
        receive_auto_emails=input.receive_auto_emails,
        receive_newsletters=input.receive_newsletters,
        billing_address=address_of(info, input.billing_address),
    )


@strawberry.type
class Query:
    @strawberry.field
    def buyers(
        self,
        info: Info,
        where: BuyerFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Buyer]:
        w = where or BuyerFilter()
        rows = list(
            buyers.list_buyers(
                info.context.session,
                ids=w.id,
                account_ids=w.account_id,
                email=w.email,
                statuses=w.status,
                store_ids=w.store_id,
                limit=limit,
                page_number=page,
            )
        )
        return rows  # type: ignore[return-value]

    @strawberry.field
    def buyer(self, info: Info, id: int) -> Buyer | None:
        return info.context.session.get(BuyerRow, id)


@strawberry.type
class Mutation:
    @mutation(permission="Buyer:write")
    def create_buyer(self, info: Info, input: BuyerCreateInput) -> BuyerPayload:
        return run_mutation(
            info,
            BuyerPayload,
            lambda: {"buyer": buyers.create_buyer(info.context.uow, _buyer_spec(info, input))},
            reads="input",
        )

    @mutation(permission="Buyer:write")
    def update_buyer(self, info: Info, id: int, input: BuyerUpdateInput) -> BuyerPayload:
        def action() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                buyer = buyers.buyer_to_change(uow, id)
            with reading("input"):
                return {"buyer": buyers.update_buyer(uow, buyer, _buyer_spec(info, input))}

        return run_mutation(info, BuyerPayload, action)
