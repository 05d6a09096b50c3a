"""Integration API tokens: the default all-permission token and tokens made for tests."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlmodel import Session, select

from mockcentra.graphql.permissions import ALL
from mockcentra.storage.tables import ApiTokenRow

if TYPE_CHECKING:
    from mockcentra.app import Runtime
    from mockcentra.storage.engine import Database


def ensure_default_token(db: Database, token: str) -> None:
    """The configured default token always exists and holds every permission ('*')."""
    with Session(db.engine) as session:
        row = session.exec(select(ApiTokenRow).where(ApiTokenRow.token == token)).first()
        if row is None:
            session.add(
                ApiTokenRow(
                    token=token, description="Default token (every permission)", permissions=[ALL]
                )
            )
            session.commit()


def create_token(rt: Runtime, body: dict[str, Any]) -> dict[str, Any]:
    token = body.get("token")
    permissions = body.get("permissions")
    if not isinstance(token, str) or not token:
        raise ValueError("Give 'token' (the bearer value) as a non-empty string.")
    if not isinstance(permissions, list) or not all(isinstance(p, str) for p in permissions):
        raise ValueError("Give 'permissions' as a list of strings such as 'Order:read'.")
    with Session(rt.db.engine) as session:
        if session.exec(select(ApiTokenRow).where(ApiTokenRow.token == token)).first():
            raise ValueError(f"A token '{token}' already exists.")
        row = ApiTokenRow(
            token=token,
            description=str(body.get("description") or ""),
            integration_name=str(body.get("integrationName") or "default"),
            permissions=permissions,
            store_id=body.get("storeId"),
        )
        session.add(row)
        session.commit()
        rt.token_cache.clear()
        return {
            "id": row.id,
            "token": row.token,
            "permissions": row.permissions,
            "integrationName": row.integration_name,
        }
