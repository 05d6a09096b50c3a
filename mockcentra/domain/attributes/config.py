"""Dynamic attribute definitions, as a Centra instance's attribute configuration has them.

Centra configures dynamic attributes per instance (a PHP array); mockcentra reads the same
shape from YAML: attribute type name -> `desc`, `group` (which objects it is for: `customer`,
`product`, `variant`, `account`, `order`), `readonly`, and `elements` (key -> `desc`, `type`:
`input`, `textarea` or `select`; a select has `options` (value -> name) and may be `multi`).

The file is `fixtures/attributes.yaml` unless `Settings.extra["attributes"]` or the
`MOCKCENTRA_ATTRIBUTES` environment variable names another. Each file is read once per process.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ENV_VAR = "MOCKCENTRA_ATTRIBUTES"
SETTINGS_KEY = "attributes"


class ElementKind(StrEnum):
    """Centra's `AttributeElementKind` (the values mockcentra can configure and set)."""

    INPUT = "INPUT"  # one line of text
    TEXTAREA = "TEXTAREA"  # text over several lines
    SELECT = "SELECT"  # one (or, if multi, several) of the configured options
    IMAGE = "IMAGE"  # an uploaded image (not configurable in mockcentra)
    FILE = "FILE"  # an uploaded file (not configurable in mockcentra)


#: config `group` -> the object type whose objects carry the attribute.
GROUPS = {
    "customer": "Customer",
    "product": "Product",
    "variant": "ProductVariant",
    "account": "Account",
    "order": "Order",
}
_KINDS = {
    "input": ElementKind.INPUT,
    "textarea": ElementKind.TEXTAREA,
    "select": ElementKind.SELECT,
}


@dataclass(frozen=True)
class ElementDef:
    key: str
    description: str
    kind: ElementKind
    options: Mapping[str, str] = field(default_factory=dict)
    multi: bool = False


@dataclass(frozen=True)
class AttributeTypeDef:
    name: str
    description: str
    object_type: str
    readonly: bool
    elements: tuple[ElementDef, ...]

    def element(self, key: str) -> ElementDef | None:
        return next((e for e in self.elements if e.key == key), None)


@dataclass(frozen=True)
class AttributeConfig:
    types: tuple[AttributeTypeDef, ...] = ()

    def type(self, name: str) -> AttributeTypeDef | None:
        return next((t for t in self.types if t.name == name), None)

    def for_object(self, object_type: str) -> tuple[AttributeTypeDef, ...]:
        return tuple(t for t in self.types if t.object_type == object_type)


def default_path() -> Path:
    """`fixtures/attributes.yaml`: inside the installed package, or in the source checkout."""
    here = Path(__file__).resolve()
    packaged = here.parents[2] / "_fixtures" / "attributes.yaml"
    if packaged.is_file():
        return packaged
    return here.parents[3] / "fixtures" / "attributes.yaml"


def config_path(extra: Mapping[str, Any] | None = None) -> Path:
    """Settings first (`extra["attributes"]`), then the environment, then the bundled file."""
    chosen = (extra or {}).get(SETTINGS_KEY) or os.environ.get(ENV_VAR)
    return Path(chosen) if chosen else default_path()


def config_for(extra: Mapping[str, Any] | None = None) -> AttributeConfig:
    return load_config(str(config_path(extra)))


@lru_cache(maxsize=8)
def load_config(path: str) -> AttributeConfig:
    """Read and check one definitions file (cached: once per process and path)."""
    file = Path(path)
    if not file.is_file():
        raise ValueError(f"Attribute definitions file {path} does not exist.")
    raw = yaml.safe_load(file.read_text()) or {}
    return parse_config(raw, source=path)


def parse_config(raw: Mapping[str, Any], source: str = "<config>") -> AttributeConfig:
    if not isinstance(raw, Mapping):
        raise ValueError(f"{source}: expected attribute types by name at the top level.")
    types = []
    for name, spec in raw.items():
        where = f"{source}: attribute type {name}"
        if not isinstance(spec, Mapping):
            raise ValueError(f"{where}: expected a mapping.")
        group = str(spec.get("group", ""))
        if group not in GROUPS:
            raise ValueError(f"{where}: group must be one of {', '.join(GROUPS)}, not {group!r}.")
        elements = []
        for key, element in (spec.get("elements") or {}).items():
            kind = _KINDS.get(str((element or {}).get("type", "")))
            if kind is None:
                raise ValueError(
                    f"{where}, element {key}: type must be one of {', '.join(_KINDS)}."
                )
            options = {str(k): str(v) for k, v in (element.get("options") or {}).items()}
            if kind == ElementKind.SELECT and not options:
                raise ValueError(f"{where}, element {key}: a select needs options.")
            elements.append(
                ElementDef(
                    key=str(key),
                    description=str(element.get("desc", key)),
                    kind=kind,
                    options=options,
                    multi=bool(element.get("multi", False)),
                )
            )
        if not elements:
            raise ValueError(f"{where}: needs at least one element.")
        types.append(
            AttributeTypeDef(
                name=str(name),
                description=str(spec.get("desc", name)),
                object_type=GROUPS[group],
                readonly=bool(spec.get("readonly", False)),
                elements=tuple(elements),
            )
        )
    return AttributeConfig(tuple(types))
