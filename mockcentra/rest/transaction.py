"""Running one REST request as one transaction, with the refusal trace kept (see DomainError)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from mockcentra.domain.errors import DomainError
from mockcentra.state.runtime import Runtime
from mockcentra.storage.uow import UnitOfWork

T = TypeVar("T")


def run(runtime: Runtime, action: Callable[[UnitOfWork], T], *, write: bool = True) -> T:
    """Commit what `action` did, or roll it all back; a DomainError's `record` is then kept."""
    uow = runtime.unit_of_work(write=write)
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
