"""A JSON Schema of the catalog format, generated from the entity classes."""

from __future__ import annotations

import types
import typing
from typing import Any

import attrs

from ._convert import FORMAT_VERSION, GROUPS
from ._entities import Citation
from ._fields import (
    _DATE,
    _ID,
    Link,
    _valid_date,
    _valid_id,
    _valid_ids,
    _valid_optional_id,
    links,
)
from ._kinds import default_kinds
from ._modality import Modality

__all__ = ["json_schema"]

_SLUG = f"^{_ID.pattern}$"
_DATE_PATTERN = f"^{_DATE.pattern}$"
# A field's validator says what its strings are: one declaration, read here.
_SLUG_VALIDATORS = (_valid_id, _valid_optional_id, _valid_ids)

_SCALARS: dict[object, dict[str, Any]] = {
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
}


def _string_schema(field: attrs.Attribute[Any]) -> dict[str, Any]:
    if field.validator in _SLUG_VALIDATORS:
        return {"type": "string", "pattern": _SLUG}
    if field.validator is _valid_date:
        return {"type": "string", "pattern": _DATE_PATTERN}
    return {"type": "string"}


def _type_schema(field: attrs.Attribute[Any], hint: object) -> dict[str, Any]:
    """The schema of a field's type; ``{}`` (anything) for types it cannot name."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    found: dict[str, Any] = {}
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        found = (
            _type_schema(field, options[0])
            if len(options) == 1
            else {"anyOf": [_type_schema(field, a) for a in options]}
        )
    elif hint is str:
        found = _string_schema(field)
    elif hint in _SCALARS:
        found = dict(_SCALARS[hint])
    elif origin is frozenset and args == (Modality,):
        found = {
            "type": "array",
            "items": {"enum": [m.value for m in Modality]},
            "uniqueItems": True,
        }
    elif origin is tuple and args[1:] == (Ellipsis,):
        items = (
            {"$ref": "#/$defs/citation"}
            if args[0] is Citation
            else _type_schema(field, args[0])
        )
        found = {"type": "array", "items": items}
    return found


def _described(declared: Link) -> str:
    """What a link field holds, for editors that show a schema's descriptions."""
    kinds = " or ".join(declared.to)
    what = (
        f"ids of {kinds} entities" if declared.many else f"the id of one {kinds} entity"
    )
    return f"{what} ({declared.relation})"


def _class_schema(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    declared = {k.field: k for k in links(cls)}
    for field in attrs.fields(cls):
        properties[field.name] = _type_schema(field, hints[field.name])
        if field.name in declared:
            properties[field.name]["description"] = _described(declared[field.name])
        if field.default is attrs.NOTHING:
            required.append(field.name)
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def json_schema(*, builtin_only: bool = False) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) describing catalog documents.

    Editors can validate users' TOML and JSON catalogs with it. It covers
    every registered kind, so a custom kind appears once registered (pass
    ``builtin_only=True`` for the built-in kinds alone, as the published
    ``docs/catalog.schema.json`` is). Values
    are shown in their canonical spelling; the loader also accepts forgiving
    modality spellings ("Images").

    Example:
        >>> import aitaxonomy as ai
        >>> schema = ai.json_schema()
        >>> schema["$defs"]["catalog"]["properties"]["format"]
        {'const': 1}
        >>> "llm" in schema["$defs"]
        True
    """
    registry = default_kinds()
    names = registry.builtin_names() if builtin_only else registry.names()
    definitions: dict[str, Any] = {"citation": _class_schema(Citation)}
    for name in names:
        cls = registry.cls(name)
        entity = _class_schema(cls)
        entity["properties"] = {"kind": {"const": name}, **entity["properties"]}
        entity["required"] = ["kind", *entity["required"]]
        definitions[name] = entity
    groups = {
        group: {
            "type": "array",
            "items": {
                "oneOf": [
                    {"$ref": f"#/$defs/{name}"}
                    for name in names
                    if issubclass(registry.cls(name), base)
                ]
            },
        }
        for group, base in GROUPS.items()
    }
    catalog = {
        "type": "object",
        "properties": {"format": {"const": FORMAT_VERSION}, **groups},
        "required": ["format"],
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://aitaxonomy.invalid/schema/catalog-1.json",
        "title": "aitaxonomy catalog",
        "description": (
            "A catalog of AI entities: lists grouped by kind (models, "
            "techniques...), or one entity per file with its kind."
        ),
        "oneOf": [
            {"$ref": "#/$defs/catalog"},
            *(_with_format(definitions[name]) for name in names),
        ],
        "$defs": {"catalog": catalog, **definitions},
    }


def _with_format(entity: dict[str, Any]) -> dict[str, Any]:
    return {
        **entity,
        "properties": {"format": {"const": FORMAT_VERSION}, **entity["properties"]},
    }
