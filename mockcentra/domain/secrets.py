"""Tokens that grant access to someone's data (checkout sessions, Integration API tokens) are
keyed by the instance's random secret, stored in the database: a stranger who knows the seed
and the counters still cannot derive them, and a reset (which restores the secret with the rest
of the data) repeats the same tokens for the same steps."""

from __future__ import annotations

from sqlmodel import Session

from mockcentra.runtime.ids import keyed_token, new_secret
from mockcentra.storage.records import records_of
from mockcentra.storage.tables import InstanceSecretRow
from mockcentra.storage.uow import UnitOfWork, memo


def instance_secret(session: Session) -> str | None:
    """The instance's secret (None in a scenario being seeded, before the server keys it),
    read once per unit of work as a plain record."""

    def load() -> str | None:
        found = records_of(InstanceSecretRow).all(session)
        return found[0].secret if found else None

    secret: str | None = memo(session, ((InstanceSecretRow,), "secret"), load)
    return secret


def ensure_instance_secret(session: Session) -> None:
    """Give the database its random secret unless it has one (the caller commits)."""
    if instance_secret(session) is None:
        session.add(InstanceSecretRow(secret=new_secret()))


def access_token(uow: UnitOfWork, kind: str, n: int) -> str:
    """The `n`th token of a kind, unguessable once the instance has its secret."""
    return keyed_token(instance_secret(uow.session), uow.seed, kind, n)
