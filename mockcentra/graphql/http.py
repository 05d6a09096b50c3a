"""POST /graphql: authenticate, run the operation in one transaction, add `extensions`.

GET /graphql is GraphiQL for browsers; any other GET is answered 400 with a GraphQL error.

Missing or unknown token: HTTP 401 with a GraphQL `errors` body and category
"authentication" (Centra's exact reply is not documented). Syntax and validation errors: 400.
"""

from __future__ import annotations

import json
import logging
import math
from datetime import UTC, timedelta
from email.utils import format_datetime
from functools import lru_cache
from importlib import resources
from typing import Any

from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from mockcentra import APP_VERSION
from mockcentra.graphql.analysis import Analysis, Analyzer
from mockcentra.graphql.context import Context
from mockcentra.graphql.errors import error_body, errors_body, formatted
from mockcentra.graphql.scalars import OUTPUT_ZONE
from mockcentra.graphql.schema import shared_schema
from mockcentra.runtime import heap
from mockcentra.runtime.threads import off_loop, on_loop
from mockcentra.runtime.wire import NOT_JSON, UnreadableInput, read_json
from mockcentra.state.runtime import Runtime

log = logging.getLogger("mockcentra.graphql")


#: A GET that is not a browser's (no `text/html` in `Accept`): operations are POSTed as JSON.
NO_QUERY = (
    "No GraphQL query found in the request: POST it as JSON, "
    '{"query": "...", "variables": {...}}. GraphiQL is served to browsers (Accept: text/html).'
)


class BadRequest(ValueError):
    """A POST body that is no GraphQL request (400, category "request")."""


#: A body up to this size without variables is read once: clients send the same few again.
KEPT_BODY_BYTES = 4096


async def read_operation(request: Request) -> tuple[str, dict[str, Any], str | None]:
    """The Integration API's one body reader: the query, its variables and operation name.

    The body is read by the one JSON reader of every surface (runtime/wire.py), so variables
    with integers past 64 bits, lone surrogates or absurd nesting are refused here, before the
    document is parsed."""
    raw = await request.body() or b"null"
    if len(raw) <= KEPT_BODY_BYTES:
        kept = _kept_operation(raw)
        if kept is not None:
            return kept[0], {}, kept[1]
    return _operation_of(raw)


@lru_cache(maxsize=256)
def _kept_operation(raw: bytes) -> tuple[str, str | None] | None:
    """The query and operation name of a body without variables; None when it has some."""
    query, variables, operation_name = _operation_of(raw)
    return None if variables else (query, operation_name)


def _operation_of(raw: bytes) -> tuple[str, dict[str, Any], str | None]:
    try:
        body = read_json(raw)
    except UnreadableInput as refused:
        if refused.message == NOT_JSON:
            raise BadRequest("Request body is not valid JSON.") from None
        raise BadRequest(f"Request body is unreadable: {refused.message}.") from None
    if not isinstance(body, dict) or not isinstance(body.get("query"), str):
        raise BadRequest("Request must contain a 'query' string.")
    variables = body.get("variables") or {}
    if not isinstance(variables, dict):
        raise BadRequest("'variables' must be an object.")
    operation_name = body.get("operationName")
    if operation_name is not None and not isinstance(operation_name, str):
        raise BadRequest("'operationName' must be a string.")
    return body["query"], variables, operation_name or None


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return request.cookies.get("graphql-access")


#: The well-known development token: the only one the page may show to whoever opens it.
DEVELOPMENT_TOKEN = "dev-integration-token"


def graphiql_page(configured_token: str) -> HTMLResponse:
    """GraphiQL from the package. It is pre-filled with the development token when the server
    uses it; a configured token is never embedded (anyone can open the page), so the token field
    starts empty and takes the token by hand or from `?token=`."""
    html = resources.files("mockcentra.ui").joinpath("graphiql.html").read_text()
    shown = configured_token if configured_token == DEVELOPMENT_TOKEN else ""
    html = html.replace(json.dumps(DEVELOPMENT_TOKEN), json.dumps(shown), 1)
    return HTMLResponse(html)


#: A read scored at most this (`{ stores { id name } }` is 21; `orders(limit: 10)` with lines
#: and shipments about 2,400) runs on the event loop on a server too.
SMALL_READ_COMPLEXITY = 100


def _unauthenticated(token_value: str | None) -> JSONResponse:
    """401 for a request without a token, or with one that grants nothing."""
    message = (
        "Authorization required: send 'Authorization: Bearer <token>'."
        if not token_value
        else "The access token is invalid or expired."
    )
    return JSONResponse(error_body(message, "authentication"), status_code=401)


def _result_response(result: Any, analysis: Analysis) -> JSONResponse:
    """The reply to an operation that ran: its errors, its data and the cost `extensions`.

    `data` is left out when it is null: refused before it ran (validation), or a field error
    that reached the root through non-null fields (`stock(limit: 0)`, a missing permission),
    as Centra's documented replies show. A failed nullable field is null in `data` beside the
    fields that did answer."""
    payload: dict[str, Any] = {}
    status = 200
    if result.errors:
        payload["errors"] = [formatted(e) for e in result.errors]
        if result.data is None and not any(e.path for e in result.errors):
            status = 400  # rejected before execution (validation)
        # a server failure is a 500 only when it left nothing to show: with `data`, the
        # reply says what was written and kept (GraphQL over HTTP: 200 whenever data is sent)
        if result.data is None and any(
            (e.get("extensions") or {}).get("category") == "internal" for e in payload["errors"]
        ):
            status = 500
    if result.data is not None:
        payload["data"] = result.data
    payload["extensions"] = {**analysis.extensions(), "appVersion": APP_VERSION}
    return JSONResponse(payload, status_code=status)


class GraphQLEndpoint:
    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.schema = shared_schema()
        self.analyze = Analyzer(self.schema._schema)
        # the schema is the bulk of what lives as long as the process: out of full collections
        heap.settle()

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001
        request = Request(scope, receive)
        if request.method == "GET" and "text/html" in request.headers.get("accept", ""):
            response: Response = graphiql_page(self.runtime.settings.integration_token)
        elif request.method == "GET":
            response = JSONResponse(error_body(NO_QUERY, "request"), status_code=400)
        elif request.method == "POST":
            response = await self.post(request)
        else:
            response = JSONResponse(error_body("Method not allowed.", "request"), status_code=405)
        await response(scope, receive, send)

    async def post(self, request: Request) -> JSONResponse:
        rt = self.runtime
        try:
            query, variables, operation_name = await read_operation(request)
        except BadRequest as refused:
            return JSONResponse(error_body(str(refused), "request"), 400)
        too_large = self._too_large(query)
        if too_large is not None:
            return too_large

        token_value = _bearer(request)
        token = rt.tokens.grant(token_value)
        if token is None or not token_value:
            return _unauthenticated(token_value)

        try:
            # a document seen before was analysed then; parsing and scoring a new one (it may
            # be big) takes a while: off the event loop
            analysis = self.analyze.known(query, operation_name)
            if analysis is None:
                analysis = await off_loop(self.analyze, query, operation_name)
        except GraphQLError as error:
            return JSONResponse(errors_body([formatted(error)]), 400)
        refusal = self._too_costly(analysis) or self._rate_limited(token_value, analysis)
        if refusal is not None:
            return refusal

        # on a server, one long operation must not stop it answering others (health, REST...)
        work = (query, variables, operation_name, analysis, token, token_value, request)
        if self._on_loop(analysis):
            outcome = on_loop(self._execute, *work)
        else:
            outcome = await off_loop(self._execute, *work)
        if isinstance(outcome, JSONResponse):
            return outcome
        return _result_response(outcome, analysis)

    def _execute(
        self,
        query: str,
        variables: dict[str, Any],
        operation_name: str | None,
        analysis: Analysis,
        token: Any,
        token_value: str | None,
        request: Request,
    ) -> Any:
        """Run the operation in one transaction, on a worker thread: the unit of work is opened,
        committed and closed on this thread. The result, or a 500 reply.

        What is kept is what the reply shows, the one rule of what a mutation writes:

        - `data` is sent: every root field's payload is in it (all are non-null), and each field
          wrote exactly what its payload says: nothing with `userErrors` (`run_mutation` rolled
          its savepoint back), its change otherwise. An error while reading a payload nulls
          the nullable field it happened in (a `stock(limit: 0)` under the stock change, a
          field the token may not read) and undoes nothing: the transaction commits.
        - `data` is null (left out of the reply): an error reached the root, so the reply shows
          no field's outcome, earlier successful fields included. Nothing is kept: the whole
          transaction rolls back, whichever field or payload the error came from.
        """
        rt = self.runtime
        OUTPUT_ZONE.set(rt.clock.zone)
        uow = rt.unit_of_work(write=analysis.is_mutation, integration_name=token.integration_name)
        context = Context(
            uow=uow,
            permissions=token.permissions,
            runtime=rt,
            integration_name=token.integration_name,
            store_id=token.store_id,
            token=token_value,
            request=request,
        )
        try:
            result = self.schema.run(query, variables, context, operation_name)
            if result.data is None:
                uow.rollback()
            else:
                uow.commit()
        except Exception:
            uow.rollback()
            log.exception("GraphQL request failed")
            return JSONResponse(error_body("Internal error.", "internal"), status_code=500)
        finally:
            uow.close()
        return result

    def _on_loop(self, analysis: Analysis) -> bool:
        """Whether to run the operation on the event loop's thread: always for the in-process
        client (its loop serves one request at a time), and on a server for a small read,
        which takes less time than handing it to a worker thread would (about 0.4 ms)."""
        return self.runtime.work_on_loop or (
            not analysis.is_mutation and analysis.complexity <= SMALL_READ_COMPLEXITY
        )

    def _too_large(self, query: str) -> JSONResponse | None:
        """A document over MOCKCENTRA_GRAPHQL_MAX_QUERY_BYTES is refused before it is parsed
        (parsing megabytes takes seconds)."""
        limit = self.runtime.settings.graphql_max_query_bytes
        if not limit or len(query) * 4 <= limit:  # UTF-8 takes at most 4 bytes a character
            return None
        size = len(query) if len(query) > limit else len(query.encode("utf-8", "surrogatepass"))
        if size <= limit:
            return None
        message = (
            f"The query document is {size} bytes; the limit is {limit} "
            "(MOCKCENTRA_GRAPHQL_MAX_QUERY_BYTES). Send values as variables, or split the "
            "operation."
        )
        return JSONResponse(error_body(message, "request"), status_code=413)

    def _too_costly(self, analysis: Analysis) -> JSONResponse | None:
        """Operations over the depth or complexity limits are refused before they run."""
        settings = self.runtime.settings
        if settings.graphql_max_depth and analysis.depth > settings.graphql_max_depth:
            message = (
                f"The query is nested {analysis.depth} fields deep; the limit is "
                f"{settings.graphql_max_depth}."
            )
        elif settings.graphql_max_complexity and analysis.complexity > (
            settings.graphql_max_complexity
        ):
            message = (
                f"The query's complexity is {analysis.complexity}; the limit is "
                f"{settings.graphql_max_complexity}. Ask for fewer fields or smaller `limit`s."
            )
        else:
            return None
        body = error_body(message, "complexity", extensions={"complexity": analysis.complexity})
        return JSONResponse(body, status_code=400)

    def _rate_limited(self, token: str, analysis: Analysis) -> JSONResponse | None:
        """Charge the token's buckets, or refuse with 429 before anything runs or is written.

        `Retry-After` is an HTTP-date on the mock clock: Centra's docs call it the timestamp
        from which a retry is not blocked."""
        rt = self.runtime
        if not rt.rate_limits.enabled:
            return None
        now = rt.clock.now()
        costs = {
            "REQUEST_COUNT": 1,
            "QUERY_COMPLEXITY": analysis.complexity,
            "MUTATION_COUNT": 1 if analysis.is_mutation else 0,
        }
        refusal = rt.rate_limits.take(token, costs, now)
        if refusal is None:
            return None
        limit = (
            f"{refusal.type} per {refusal.interval} (quota {refusal.quota}, "
            f"{refusal.remaining} remaining, this request costs {refusal.cost})"
        )
        details: dict[str, Any] = {
            "type": refusal.type,
            "intervalSeconds": refusal.interval,
            "quota": refusal.quota,
            "remainingQuota": refusal.remaining,
            "cost": refusal.cost,
        }
        headers: dict[str, str] = {}
        if refusal.wait is None:
            message = f"Rate limit exceeded: {limit}. The request can never fit this quota."
            details["retryAfterSeconds"] = None
        else:
            seconds = max(1, math.ceil(refusal.wait - 1e-9))
            retry_at = (now + timedelta(seconds=refusal.wait)).astimezone(UTC)
            if retry_at.microsecond:  # an HTTP-date has whole seconds: the next one
                retry_at = retry_at.replace(microsecond=0) + timedelta(seconds=1)
            headers["Retry-After"] = format_datetime(retry_at, usegmt=True)
            message = f"Rate limit exceeded: {limit}. Retry after {headers['Retry-After']}."
            details["retryAfterSeconds"] = seconds
        body = error_body(
            message, "rateLimit", details=details, extensions={"complexity": analysis.complexity}
        )
        return JSONResponse(body, status_code=429, headers=headers)
