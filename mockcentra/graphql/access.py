"""The admin token API as Centra last documented it: `generateToken`, `revokeAccess` and
`permissionNames`, for the admin token (permissions `GraphQLAccess:write` / `:read`).

The answers are the token objects themselves, not payloads with `userErrors`; a refused call is
a GraphQL error and changes nothing. The names of the types and input are ours where Centra's
documentation shows only the operation (`GraphQLUserInput` is Centra's).
"""

from typing import Annotated

import strawberry
from strawberry.types import Info

from mockcentra.domain import access
from mockcentra.graphql.permissions import field, mutation, permission_names
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.storage.tables import ApiTokenRow


@strawberry.input
class GraphQLUserInput:
    """Who the token is for: the integration's name and the permissions it gets."""

    name: str
    permissions: list[str]


@strawberry.type
class GraphQLUser:
    name: str
    permissions: list[str]


@strawberry.type
class GraphQLAccess:
    """An Integration API access token."""

    token: str
    is_valid: bool
    expires_at: DateTimeTz | None
    user: GraphQLUser

    @classmethod
    def of(cls, row: ApiTokenRow, info: Info) -> "GraphQLAccess":
        return cls(
            token=row.token,
            is_valid=access.is_valid(row, info.context.runtime.clock.now()),
            expires_at=row.expires_at,  # type: ignore[arg-type]
            user=GraphQLUser(name=row.description, permissions=list(row.permissions)),
        )


def _known(info: Info) -> tuple[str, ...]:
    schema = info.schema  # graphql-core's schema here (root resolvers run unwrapped)
    return permission_names(getattr(schema, "_schema", schema))


@strawberry.type
class Query:
    @field(permission=access.LIST_PERMISSION)
    def permission_names(self, info: Info) -> list[str]:
        """Every permission a token can be given."""
        return list(_known(info))


@strawberry.type
class Mutation:
    @mutation(permission=access.ADMIN_PERMISSION)
    def generate_token(
        self,
        info: Info,
        user: GraphQLUserInput,
        ttl: Annotated[
            int | None,
            strawberry.argument(description="Seconds the token is valid; 30 days when left out."),
        ] = None,
    ) -> GraphQLAccess:
        row = access.generate_token(
            info.context.uow,
            name=user.name,
            permissions=user.permissions,
            ttl=ttl,
            known=_known(info),
        )
        return GraphQLAccess.of(row, info)

    @mutation(permission=access.ADMIN_PERMISSION)
    def revoke_access(self, info: Info, token: str) -> GraphQLAccess:
        row = access.revoke_token(info.context.uow, token)
        info.context.runtime.tokens.forget()
        return GraphQLAccess.of(row, info)
