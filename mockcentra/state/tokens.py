"""Integration API tokens: the default all-permission token, tokens made for tests, and the
grants of valid tokens, cached until tokens or the whole database change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam
from sqlmodel import Session, select

from mockcentra.domain import access
from mockcentra.domain.secrets import ensure_instance_secret
from mockcentra.runtime.clock import Clock
from mockcentra.storage.engine import Database
from mockcentra.storage.tables import ApiTokenRow, StoreRow
from mockcentra.storage.tables.base import built_once

#: The permission that stands for every permission.
ALL = "*"


@dataclass(frozen=True)
class TokenGrant:
    """What a valid token allows."""

    permissions: frozenset[str]
    integration_name: str
    store_id: int | None


def ensure_default_token(db: Database, token: str, admin_token: str | None = None) -> None:
    """The configured default token always exists and holds every permission ('*'); the admin
    token, when configured, holds only the permissions to issue and revoke tokens. The database
    also gets its random secret here, which new session and access tokens are keyed with."""
    wanted = [(token, "Default token (every permission)", [ALL])]
    if admin_token:
        wanted.append(
            (
                admin_token,
                "Admin token (GraphQL Access)",
                [access.LIST_PERMISSION, access.ADMIN_PERMISSION],
            )
        )
    with Session(db.engine) as session:
        for value, description, permissions in wanted:
            row = session.exec(_token_by_value(), params={"token": value}).first()
            if row is None:
                session.add(
                    ApiTokenRow(token=value, description=description, permissions=permissions)
                )
        ensure_instance_secret(session)
        session.commit()


def _token_by_value() -> Any:
    """The token row with a bearer value (`token`), built once."""
    return built_once(
        ("token by value",),
        lambda: select(ApiTokenRow).where(ApiTokenRow.token == bindparam("token")),
    )


class TokenStore:
    """The tokens of one database and the cache of their grants (expiry checked on the clock)."""

    def __init__(self, db: Database, clock: Clock, *, cache: bool = True) -> None:
        """`cache=False` reads the token on every request: with several worker processes a
        token revoked through one of them must stop working in all at once."""
        self._db = db
        self._clock = clock
        self._caching = cache
        self._cache: dict[str, tuple[TokenGrant, datetime | None]] = {}

    def grant(self, value: str | None) -> TokenGrant | None:
        """What the token `value` allows; None when it is missing, unknown or expired."""
        if not value:
            return None
        cached = self._cache.get(value)
        if cached is None:
            with Session(self._db.engine) as session:
                row = session.exec(_token_by_value(), params={"token": value}).first()
                if row is None:
                    return None
                grant = TokenGrant(
                    permissions=frozenset(row.permissions),
                    integration_name=row.integration_name,
                    store_id=row.store_id,
                )
                if row.revoked_at is not None:
                    return None
                cached = (grant, row.expires_at)
                if self._caching:
                    self._cache[value] = cached
        grant, expires_at = cached
        if expires_at is not None and expires_at <= self._clock.now():
            return None
        return grant

    def create(self, body: dict[str, Any]) -> dict[str, Any]:
        """A token from the control plane's JSON (`token`, `permissions`, ...); ValueError
        when the body is not one."""
        token = body.get("token")
        permissions = body.get("permissions")
        if not isinstance(token, str) or not token:
            raise ValueError("Give 'token' (the bearer value) as a non-empty string.")
        if not isinstance(permissions, list) or not all(isinstance(p, str) for p in permissions):
            raise ValueError("Give 'permissions' as a list of strings such as 'Order:read'.")
        store_id = body.get("storeId")
        with Session(self._db.engine) as session:
            if session.exec(_token_by_value(), params={"token": token}).first():
                raise ValueError(f"A token '{token}' already exists.")
            if store_id is not None and session.get(StoreRow, store_id) is None:
                raise ValueError(f"There is no store with ID {store_id}.")
            row = ApiTokenRow(
                token=token,
                description=str(body.get("description") or ""),
                integration_name=str(body.get("integrationName") or "default"),
                permissions=permissions,
                store_id=store_id,
            )
            session.add(row)
            session.commit()
            self.forget()
            return {
                "id": row.id,
                "token": row.token,
                "permissions": row.permissions,
                "integrationName": row.integration_name,
            }

    def forget(self) -> None:
        """Drop every cached grant (the tokens table changed or was replaced, or a token was
        revoked)."""
        self._cache.clear()
