"""Integration API access tokens issued and revoked through the API itself.

Centra documented (until 2022) an admin token, taken from the admin panel, that never expires
and is meant only for making other tokens: `generateToken` issues a token with a name, a set of
permissions and a time to live, `revokeAccess` invalidates one. The tokens are the same rows
the control plane makes (`ApiTokenRow`), so a generated token works on the next request and a
revoked one is refused from then on.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta

from sqlmodel import Session, func, select

from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.listing import count
from mockcentra.domain.secrets import access_token
from mockcentra.storage.tables import ApiTokenRow
from mockcentra.storage.uow import UnitOfWork

#: The permission the admin token holds; nothing else may issue or revoke tokens.
ADMIN_PERMISSION = "GraphQLAccess:write"
#: The permission listing every permission name needs.
LIST_PERMISSION = "GraphQLAccess:read"
#: Every permission at once (the default development token holds it).
ALL = "*"
#: A token's life when no `ttl` is given (Centra's admin panel: 30 days).
DEFAULT_TTL = timedelta(days=30)
#: The longest life a token can be given (ten years), so an expiry is always a real date.
MAX_TTL_SECONDS = 10 * 365 * 24 * 60 * 60


def is_valid(row: ApiTokenRow, now: datetime) -> bool:
    """A token authorizes requests until it is revoked or its expiry time has come."""
    return row.revoked_at is None and (row.expires_at is None or row.expires_at > now)


def count_access_tokens(session: Session, now: datetime) -> int:
    """`counters { graphQLAccess }`: the tokens that still grant access (neither expired nor
    revoked)."""
    stmt = select(ApiTokenRow.id).where(
        ApiTokenRow.revoked_at.is_(None),
        ApiTokenRow.expires_at.is_(None) | (ApiTokenRow.expires_at > now),
    )
    return count(session, stmt)


def generate_token(
    uow: UnitOfWork,
    *,
    name: str,
    permissions: Sequence[str],
    ttl: int | None,
    known: Collection[str],
) -> ApiTokenRow:
    """A new token for an integration called `name`, valid for `ttl` seconds.

    The name is the token's description and its integration name (event queues and id
    conversions are kept per integration name). It needs at least one permission, each one the
    API knows (`permissionNames`) or `*` for all of them.
    """
    name = (name or "").strip()
    if not name:
        raise DomainError(ErrorCode.REQUIRED, "A token needs a name.", ["user", "name"])
    if not permissions:
        raise DomainError(
            ErrorCode.REQUIRED, "A token needs at least one permission.", ["user", "permissions"]
        )
    for i, permission in enumerate(permissions):
        if permission != ALL and permission not in known:
            raise invalid(f"Unknown permission {permission}.", ["user", "permissions", i])
    if ttl is not None and not 0 < ttl <= MAX_TTL_SECONDS:
        raise invalid(
            f"ttl must be between 1 and {MAX_TTL_SECONDS} seconds; {ttl} was given.", ["ttl"]
        )
    now = uow.clock.now()
    issued = uow.session.exec(select(func.max(ApiTokenRow.id))).one() or 0
    row = ApiTokenRow(
        token=access_token(uow, "graphql-access", issued + 1)[:32],
        description=name,
        integration_name=name,
        permissions=list(dict.fromkeys(permissions)),
        expires_at=now + (DEFAULT_TTL if ttl is None else timedelta(seconds=ttl)),
    )
    uow.session.add(row)
    uow.session.flush()
    return row


def revoke_token(uow: UnitOfWork, token: str) -> ApiTokenRow:
    """Invalidate a token from now on; revoking it again changes nothing.

    The admin token cannot be revoked through the API (Centra's never expires)."""
    row = uow.session.exec(select(ApiTokenRow).where(ApiTokenRow.token == token)).first()
    if row is None:
        raise DomainError(ErrorCode.NOT_FOUND, "Could not find this token.", ["token"])
    if ADMIN_PERMISSION in row.permissions:
        raise DomainError(
            ErrorCode.NOT_ALLOWED, "An admin token cannot be revoked through the API.", ["token"]
        )
    if row.revoked_at is None:
        row.revoked_at = uow.clock.now()
        uow.session.add(row)
        uow.session.flush()
    return row
