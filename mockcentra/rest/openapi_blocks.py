"""JSON Schema building blocks of the REST APIs' OpenAPI documents (Order API, Checkout API)."""

from __future__ import annotations

from typing import Any

STR: dict[str, Any] = {"type": "string"}
NSTR: dict[str, Any] = {"type": ["string", "null"]}
INT: dict[str, Any] = {"type": "integer"}
NINT: dict[str, Any] = {"type": ["integer", "null"]}
NUM: dict[str, Any] = {"type": "number"}
BOOL: dict[str, Any] = {"type": "boolean"}
FLAG: dict[str, Any] = {"type": "integer", "enum": [0, 1], "description": "0 or 1"}
DATE: dict[str, Any] = {
    "type": "string",
    "pattern": r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$",
    "description": "YYYY-MM-DD HH:MM:SS in the store's time zone; 0000-00-00 00:00:00 when unset",
}


def d(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {**schema, "description": description}


def ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


def arr(items: dict[str, Any], description: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "array", "items": items}
    if description:
        out["description"] = description
    return out


def obj(
    props: dict[str, Any],
    *,
    optional: tuple[str, ...] = (),
    description: str | None = None,
    closed: bool = True,
) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": props}
    required = [k for k in props if k not in optional]
    if required:
        out["required"] = required
    if closed:
        out["additionalProperties"] = False
    if description:
        out["description"] = description
    return out
