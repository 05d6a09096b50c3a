"""The REST APIs' typed requests: one pydantic model per body, query and path of each endpoint
(Order API: order_models/, Checkout API: checkout_models.py), read the way the control plane
reads its own (control/http.py): the body through the one JSON reader (rest/body.py), then the
model, the first problem found refused before any domain code runs. The OpenAPI documents'
request parts (parameters, request bodies) are generated from the same models here.

A field's type is an `Annotated` reader (a function from the wire value to the domain value)
with the JSON Schema the documents show for it. A reader refuses with `refusal(message)`:
`{name}` in the message is the field's name (`qty`), `{where}` its whole place in the body
(`products[0].qty`); the refusal becomes a DomainError on the field's path, which each API
answers in its own envelope (rest/errors.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic.json_schema import models_json_schema
from pydantic_core import PydanticCustomError

from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.runtime.wire import where

M = TypeVar("M", bound=BaseModel)

#: Where a refusal's message names its field (`qty`) and the field's place (`products[0].qty`).
NAME = "{name}"
WHERE = "{where}"
#: A property the document lists as required although the model reads its absence itself
#: (to refuse it in the API's own words).
REQUIRED_MARK = "x-required"


class RestModel(BaseModel):
    """A REST request model: unknown keys ignored (Centra's APIs ignore what they do not
    read), wire names as field names, immutable once read. Each model's validator is built
    when it first reads a request, not at import: a process pays only for the endpoints it
    calls (a GraphQL test suite, for none).

    `message_names` renames a field in refusals (a path parameter `orderId` is refused as
    `order must be an integer`, as the API always worded it)."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True, frozen=True, defer_build=True)

    message_names: ClassVar[Mapping[str, str]] = {}


class NoInput(RestModel):
    """An endpoint part that takes nothing (no query parameters, no body, no path)."""


def refusal(
    message: str,
    code: ErrorCode = ErrorCode.INVALID,
    path: Sequence[str | int] | None = None,
) -> PydanticCustomError:
    """A reader's refusal: `message` (with `{name}`, `{where}`), its DomainError code, and the
    DomainError path when it is not the field's own place."""
    context: dict[str, Any] = {"code": code.value}
    if path is not None:
        context["path"] = list(path)
    return PydanticCustomError("refused", message, context)


def read(model: type[M], data: Mapping[str, Any], context: dict[str, Any] | None = None) -> M:
    """`data` (a JSON object, query or path parameters) as `model`, or the DomainError of the
    first field that is wrong (fields are read in the model's order)."""
    try:
        return model.model_validate(data, context=context)
    except ValidationError as invalid:
        raise domain_error(model, invalid.errors(include_url=False)[0]) from None


def domain_error(model: type[RestModel] | type[BaseModel], problem: Any) -> DomainError:
    """One pydantic problem as the DomainError the APIs answer."""
    loc = list(problem["loc"])
    if loc and isinstance(loc[0], str):
        loc[0] = getattr(model, "message_names", {}).get(loc[0], loc[0])
    names = [part for part in loc if isinstance(part, str)]
    name = names[-1] if names else "body"
    context = problem.get("ctx") or {}
    if problem["type"] == "refused":
        code = ErrorCode(context["code"])
        message = problem["msg"]
    else:  # a reader left to pydantic (none is, so far): its own words
        code = ErrorCode.INVALID
        message = f"{WHERE}: {problem['msg']}"
    message = message.replace(NAME, name).replace(WHERE, where(loc))
    return DomainError(code, message, context.get("path", loc))


# ---------------------------------------------------------------- OpenAPI from the models


def _tidy(schema: Any) -> Any:
    """Pydantic's JSON Schema as the documents write it: no titles, no `null` defaults, and the
    properties marked `x-required` listed in `required`."""
    if isinstance(schema, list):
        return [_tidy(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "title" and isinstance(value, str):
            continue
        if key == "default" and value is None:
            continue
        if key == "properties":
            out[key] = {name: _tidy(prop) for name, prop in value.items()}
            continue
        out[key] = _tidy(value)
    marked = [
        name
        for name, prop in (schema.get("properties") or {}).items()
        if isinstance(prop, dict) and prop.get(REQUIRED_MARK)
    ]
    if marked:
        for name in marked:
            out["properties"][name].pop(REQUIRED_MARK)
        required = list(out.get("required", []))
        out["required"] = [name for name in out["properties"] if name in required or name in marked]
    return out


def component_schemas(models: Sequence[type[BaseModel]]) -> dict[str, Any]:
    """The models (and every model they hold) as `components.schemas` entries, named after
    their classes and referring to each other as `#/components/schemas/<name>`."""
    _, top = models_json_schema(
        [(model, "validation") for model in models],
        ref_template="#/components/schemas/{model}",
    )
    return {name: _tidy(schema) for name, schema in top.get("$defs", {}).items()}


def parameters(model: type[BaseModel], place: Literal["query", "path"]) -> list[dict[str, Any]]:
    """The model's fields as OpenAPI parameters `in` the query or the path, in field order."""
    schema = _tidy(model.model_json_schema(mode="validation"))
    required = set(schema.get("required", []))
    out: list[dict[str, Any]] = []
    for name, prop in schema.get("properties", {}).items():
        prop = dict(prop)
        description = prop.pop("description", None)
        param: dict[str, Any] = {
            "name": name,
            "in": place,
            "required": place == "path" or name in required,
            "schema": prop,
        }
        if description:
            param["description"] = description
        out.append(param)
    return out


def is_empty(model: type[BaseModel] | None) -> bool:
    """True for no model or one without fields."""
    return model is None or not model.model_fields
