"""Custom attribute definitions, as a Centra instance's attribute configuration has them.

Centra configures attribute types per instance (a PHP array); mockcentra reads the same shape
from YAML: attribute type name -> `desc`, `group` (which objects it is for: `customer`,
`product`, `variation` (or `variant`), `account`, `order`), `readonly`, `multi` and
`elements` (key -> `desc`, `type`: `input`, `textarea`, `select`, `boolean`, `readonly`,
`image` or `file`; a select has `options` (value -> name) and may be `multi`).

As in Centra, a `readonly: true` type is *mapped*: its values are predefined attributes (in
Centra's admin under Catalog -> Attributes; here the type's `attributes` list, each with an
`id`, a `name` and a value per element) and objects select them; `multi: true` lets an object
select several. Other types are *dynamic*: each object has its own element values. Image and
file elements belong to mapped types; their values are `{url, width, height, mimeType}`.

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

#: libyaml's safe loader when PyYAML was built with it: the same values, parsed faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

ENV_VAR = "MOCKCENTRA_ATTRIBUTES"
SETTINGS_KEY = "attributes"


class ElementKind(StrEnum):
    """Centra's `AttributeElementKind`."""

    INPUT = "INPUT"  # one line of text
    TEXTAREA = "TEXTAREA"  # text over several lines
    READONLY = "READONLY"  # text the admin shows but does not edit (ids); the API sets it
    SELECT = "SELECT"  # one (or, if multi, several) of the configured options
    BOOLEAN = "BOOLEAN"  # "0" or "1" (options name them, by default No / Yes)
    IMAGE = "IMAGE"  # an uploaded image (mapped types only)
    FILE = "FILE"  # an uploaded file (mapped types only)


#: Element kinds read back as choices (`AttributeChoiceElement`).
CHOICES = frozenset({ElementKind.SELECT, ElementKind.BOOLEAN})
#: Element kinds whose values are uploads (`{url, width, height, mimeType}`).
UPLOADS = frozenset({ElementKind.IMAGE, ElementKind.FILE})

#: config `group` -> the object type whose objects carry the attribute.
GROUPS = {
    "customer": "Customer",
    "product": "Product",
    "variation": "ProductVariant",
    "variant": "ProductVariant",
    "account": "Account",
    "order": "Order",
}
_KINDS = {
    "input": ElementKind.INPUT,
    "textarea": ElementKind.TEXTAREA,
    "readonly": ElementKind.READONLY,
    "select": ElementKind.SELECT,
    "boolean": ElementKind.BOOLEAN,
    "image": ElementKind.IMAGE,
    "file": ElementKind.FILE,
}
BOOLEAN_OPTIONS = {"0": "No", "1": "Yes"}


@dataclass(frozen=True)
class ElementDef:
    key: str
    description: str
    kind: ElementKind
    options: Mapping[str, str] = field(default_factory=dict)
    multi: bool = False


@dataclass(frozen=True)
class Upload:
    """An image or file value of a mapped attribute."""

    url: str
    width: int | None = None
    height: int | None = None
    mime_type: str | None = None


@dataclass(frozen=True)
class MappedAttributeDef:
    """A predefined value of a mapped type: objects select it by `id`."""

    id: int
    name: str
    type_name: str
    values: Mapping[str, str | Upload] = field(default_factory=dict)


@dataclass(frozen=True)
class AttributeTypeDef:
    name: str
    description: str
    object_type: str
    readonly: bool
    elements: tuple[ElementDef, ...]
    multi: bool = False
    attributes: tuple[MappedAttributeDef, ...] = ()

    @property
    def is_mapped(self) -> bool:
        """Centra: a `readonly` type is mapped (objects select predefined attributes)."""
        return self.readonly

    def element(self, key: str) -> ElementDef | None:
        return next((e for e in self.elements if e.key == key), None)

    def attribute(self, attribute_id: int) -> MappedAttributeDef | None:
        return next((a for a in self.attributes if a.id == attribute_id), None)


@dataclass(frozen=True)
class AttributeConfig:
    types: tuple[AttributeTypeDef, ...] = ()

    def type(self, name: str) -> AttributeTypeDef | None:
        return next((t for t in self.types if t.name == name), None)

    def for_object(self, object_type: str) -> tuple[AttributeTypeDef, ...]:
        return tuple(t for t in self.types if t.object_type == object_type)

    def mapped_attributes(self) -> tuple[MappedAttributeDef, ...]:
        return tuple(a for t in self.types for a in t.attributes)


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
    raw = yaml.load(file.read_text(), Loader=_LOADER) or {}
    return parse_config(raw, source=path)


def parse_config(raw: Mapping[str, Any], source: str = "<config>") -> AttributeConfig:
    if not isinstance(raw, Mapping):
        raise ValueError(f"{source}: expected attribute types by name at the top level.")
    types = []
    seen_ids: set[int] = set()
    for name, spec in raw.items():
        where = f"{source}: attribute type {name}"
        if not isinstance(spec, Mapping):
            raise ValueError(f"{where}: expected a mapping.")
        group = str(spec.get("group", ""))
        if group not in GROUPS:
            raise ValueError(f"{where}: group must be one of {', '.join(GROUPS)}, not {group!r}.")
        readonly = bool(spec.get("readonly", False))
        elements = [
            _element(str(key), element or {}, readonly, where)
            for key, element in (spec.get("elements") or {}).items()
        ]
        if not elements:
            raise ValueError(f"{where}: needs at least one element.")
        mapped = []
        for item in spec.get("attributes") or []:
            attribute_id = int(item.get("id", max(seen_ids, default=0) + 1))
            if attribute_id in seen_ids:
                raise ValueError(f"{where}: attribute id {attribute_id} is used twice.")
            seen_ids.add(attribute_id)
            mapped.append(_mapped(item, attribute_id, str(name), elements, where))
        if mapped and not readonly:
            raise ValueError(f"{where}: only mapped (readonly) types have attributes.")
        types.append(
            AttributeTypeDef(
                name=str(name),
                description=str(spec.get("desc", name)),
                object_type=GROUPS[group],
                readonly=readonly,
                elements=tuple(elements),
                multi=bool(spec.get("multi", False)),
                attributes=tuple(mapped),
            )
        )
    return AttributeConfig(tuple(types))


def _element(key: str, element: Mapping[str, Any], readonly: bool, where: str) -> ElementDef:
    """One element of a type: its kind, and options for selects and booleans; files and
    images only in mapped types, since their values are uploaded, not typed in."""
    kind = _KINDS.get(str(element.get("type", "")))
    if kind is None:
        raise ValueError(f"{where}, element {key}: type must be one of {', '.join(_KINDS)}.")
    options = {str(k): str(v) for k, v in (element.get("options") or {}).items()}
    if kind == ElementKind.SELECT and not options:
        raise ValueError(f"{where}, element {key}: a select needs options.")
    if kind == ElementKind.BOOLEAN:
        options = options or dict(BOOLEAN_OPTIONS)
    if kind in UPLOADS and not readonly:
        raise ValueError(
            f"{where}, element {key}: {kind.lower()} elements need a mapped (readonly) type."
        )
    return ElementDef(
        key=key,
        description=str(element.get("desc", key)),
        kind=kind,
        options=options,
        multi=bool(element.get("multi", False)),
    )


def _mapped(
    item: Mapping[str, Any],
    attribute_id: int,
    type_name: str,
    elements: list[ElementDef],
    where: str,
) -> MappedAttributeDef:
    keys = {e.key: e for e in elements}
    values: dict[str, str | Upload] = {}
    for key, value in (item.get("elements") or {}).items():
        element = keys.get(str(key))
        if element is None:
            raise ValueError(f"{where}, attribute {attribute_id}: no element {key}.")
        if element.kind in UPLOADS:
            if not isinstance(value, Mapping) or not value.get("url"):
                raise ValueError(f"{where}, attribute {attribute_id}: {key} needs a url.")
            values[element.key] = Upload(
                url=str(value["url"]),
                width=value.get("width"),
                height=value.get("height"),
                mime_type=value.get("mimeType"),
            )
        else:
            values[element.key] = str(value)
    return MappedAttributeDef(
        id=attribute_id,
        name=str(item.get("name", attribute_id)),
        type_name=type_name,
        values=values,
    )
