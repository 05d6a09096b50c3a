"""The demo store (filled in below the base data)."""

from __future__ import annotations

from sqlmodel import Session

from mockcentra.runtime.clock import Clock


def seed_demo(session: Session, clock: Clock, seed: int) -> None:
    return None
