"""Tokens that grant access to someone's data (checkout sessions, Integration API tokens) are
keyed by the instance's random secret, stored in the database: a stranger who knows the seed
and the counters still cannot derive them, and a reset (which restores the secret with the rest
of the data) repeats the same tokens for the same steps."""

from __future__ import annotations

from sqlmodel import Session, select

from mockcentra.runtime.ids import keyed_token, new_secret
from mockcentra.storage.tables import InstanceSecretRow
from mockcentra.storage.tables.base import built_once
from mockcentra.storage.uow import UnitOfWork


def instance_secret(session: Session) -> str | None:
    """The instance's secret (None in a scenario being seeded, before the server keys it)."""
    statement = built_once(("instance secret",), lambda: select(InstanceSecretRow.secret))
    secret: str | None = session.exec(statement).first()
    return secret


def ensure_instance_secret(session: Session) -> None:
    """Give the database its random secret unless it has one (the caller commits)."""
    if instance_secret(session) is None:
        session.add(InstanceSecretRow(secret=new_secret()))


def access_token(uow: UnitOfWork, kind: str, n: int) -> str:
    """The `n`th token of a kind, unguessable once the instance has its secret."""
    return keyed_token(instance_secret(uow.session), uow.seed, kind, n)
