"""What an Order API endpoint is: the request as read (`Call`), the handler that answers it,
and the declaration the routes (order_api.py) and the document (order_openapi.py) are built
from (`Endpoint`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mockcentra.rest.models import NoInput, RestModel
from mockcentra.rest.order_serializers.shapes import Shapes
from mockcentra.state.runtime import Runtime
from mockcentra.storage.uow import UnitOfWork


@dataclass
class Call:
    """One request, read: its query, body and path as the endpoint's models
    (rest/order_models), and the runtime."""

    query: Any
    body: Any
    path: Any
    runtime: Runtime


#: A handler gets the request already read and valid, calls one domain action and shapes the
#: answer (rest/order_serializers).
Handler = Callable[[UnitOfWork, Call, Shapes], dict[str, Any]]


@dataclass(frozen=True)
class Endpoint:
    """One documented endpoint: its handler, the models its body, query and path parameters
    are read into (the document is generated from them), and `echo`, the request ids repeated
    in error bodies (taken from the body and path as sent)."""

    method: str
    path: str
    operation: str
    handler: Handler
    write: bool = False
    echo: Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]] | None = None
    body: type[RestModel] = NoInput
    query: type[RestModel] = NoInput
    params: type[RestModel] = NoInput
    summary: str = ""
    description: str | None = None
    response: str = ""
