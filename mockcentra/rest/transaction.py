"""Running one REST request as one transaction, with the refusal trace kept (see DomainError)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from mockcentra.domain.errors import DomainError
from mockcentra.runtime.threads import off_loop
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


async def run_request(
    runtime: Runtime, action: Callable[[UnitOfWork], T], *, write: bool = True
) -> T:
    """`run` for a request handler: on a server, a write waits for the writers' turn and runs
    on a worker thread, so the event loop goes on reading and answering other requests (a
    write held up behind another would otherwise stop them all)."""
    if write and not runtime.work_on_loop:
        return await off_loop(run, runtime, action, write=write)
    return run(runtime, action, write=write)
