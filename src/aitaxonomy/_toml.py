"""A small TOML writer for catalog documents (the standard library only reads TOML).

It writes what catalogs hold: a top-level table of scalars and arrays, and
arrays of tables (``[[models]]``) whose values are scalars, arrays, or inline
tables. That covers every document :func:`aitaxonomy.dumps` makes; anything
else raises ``TypeError`` rather than writing something ``tomllib`` would
read back differently.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence

__all__ = ["dumps_toml"]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_WIDTH = 88


def _key(key: object) -> str:
    if not isinstance(key, str):
        raise TypeError(f"TOML keys are strings, not {type(key).__name__}")
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _string(value: str) -> str:
    # JSON's escapes are a subset of TOML's basic-string escapes; TOML also
    # forbids a raw DEL, which JSON leaves alone.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(value: object, *, inline: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Mapping):
        # TOML 1.0 forbids line breaks inside inline tables.
        inner = ", ".join(
            f"{_key(k)} = {_value(v, inline=True)}" for k, v in value.items()
        )
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, Sequence):
        items = [_value(v, inline=inline) for v in value]
        flat = "[" + ", ".join(items) + "]"
        tables = any(isinstance(v, Mapping) for v in value)
        if inline or (len(flat) <= _WIDTH and not tables):
            return flat
        return "[\n" + "".join(f"  {item},\n" for item in items) + "]"
    raise TypeError(f"cannot write {type(value).__name__} {value!r} as TOML")


def _float(value: float) -> str:
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return repr(value)


def _is_table_array(value: object) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, Mapping) for v in value)
    )


def dumps_toml(document: Mapping[str, object]) -> str:
    """Write *document* as TOML: plain keys first, then arrays of tables.

    Example:
        >>> print(dumps_toml({"format": 1, "models": [{"id": "x", "tags": ["a"]}]}))
        format = 1
        <BLANKLINE>
        [[models]]
        id = "x"
        tags = ["a"]
        <BLANKLINE>
    """
    lines = [
        f"{_key(k)} = {_value(v)}"
        for k, v in document.items()
        if not _is_table_array(v)
    ]
    for key, value in document.items():
        if _is_table_array(value):
            assert isinstance(value, list)  # noqa: S101  # _is_table_array said so
            for table in value:
                lines.append(f"\n[[{_key(key)}]]")
                lines.extend(f"{_key(k)} = {_value(v)}" for k, v in table.items())
    return "\n".join(lines) + "\n"
