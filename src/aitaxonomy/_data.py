"""Packaged data files, read once, lazily, and handed out read-only.

Every non-catalog file under ``aitaxonomy/data`` (the rules, the reading cues,
the adapters' vocabulary) is read here, on first use, under a lock, and frozen:
tables become :class:`types.MappingProxyType` and arrays tuples, so no caller
can change what every later call sees.
"""

from __future__ import annotations

import threading
from types import MappingProxyType
from typing import Any

__all__ = ["freeze", "packaged"]

_lock = threading.Lock()
_cache: dict[str, Any] = {}


def packaged(name: str) -> Any:
    """The parsed, frozen contents of the packaged TOML file *name*.

    Example:
        >>> packaged("rules.toml")["format"]
        2
        >>> packaged("rules.toml") is packaged("rules.toml")
        True
    """
    found = _cache.get(name)
    if found is None:
        with _lock:
            found = _cache.get(name)
            if found is None:
                import tomllib  # noqa: PLC0415  # parsers load on first use
                from importlib import resources  # noqa: PLC0415

                path = resources.files("aitaxonomy.data").joinpath(name)
                with path.open("rb") as handle:
                    found = _cache[name] = freeze(tomllib.load(handle))
    return found


def freeze(value: Any) -> Any:
    """*value* with every dict made a read-only mapping and every list a tuple.

    Example:
        >>> frozen = freeze({"a": [1, {"b": 2}]})
        >>> frozen["a"]
        (1, mappingproxy({'b': 2}))
    """
    if isinstance(value, dict):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(freeze(v) for v in value)
    return value
