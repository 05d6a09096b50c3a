"""Running one REST request as one transaction, with the refusal trace kept (see DomainError)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from mockcentra.domain.errors import DomainError
from mockcentra.storage.uow import UnitOfWork

if TYPE_CHECKING:
    from mockcentra.app import Runtime

T = TypeVar("T")


def run(runtime: Runtime, action: Callable[[UnitOfWork], T], *, write: bool = True) -> T:
    """Commit what `action` did, or roll it all back; a DomainError's `record` is then kept."""
    uow = UnitOfWork(runtime.db, runtime.clock, write=write, seed=runtime.settings.seed)
    uow.faults = runtime.domain_faults()
    try:
        result = action(uow)
        uow.commit()
        return result
    except DomainError as error:
        uow.rollback()
        if error.record is not None:
            error.record()
            uow.commit()
        raise
    except BaseException:
        uow.rollback()
        raise
    finally:
        uow.close()
