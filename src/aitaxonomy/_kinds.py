"""The registry of entity kinds: the name each class is written as in files."""

from __future__ import annotations

import functools
import re
import threading
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar, overload

from ._entities import (
    LLM,
    AIModel,
    Category,
    Citation,
    Entity,
    GenAI,
    JobType,
    Organization,
    Section,
    Technique,
    Trend,
    UseCase,
)
from ._errors import did_you_mean, suggest
from ._fields import links
from .errors import InvalidKindError, UnknownKindError

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = ["KindRegistry", "default_kinds", "register_kind"]

_BUILTIN: tuple[type[Entity], ...] = (
    AIModel,
    GenAI,
    LLM,
    Category,
    Technique,
    UseCase,
    JobType,
    Organization,
    Trend,
    Section,
)


class KindRegistry:
    """Maps kind names (``"llm"``) to entity classes and back."""

    __slots__ = ("_bound", "_by_name", "_relations")

    def __init__(self, classes: Mapping[str, type[Entity]]) -> None:
        self._by_name: dict[str, type[Entity]] = {}
        self._bound: frozenset[str] = frozenset()
        self._relations: dict[str, str] | None = None
        self._reset(classes)

    def _reset(self, classes: Mapping[str, type[Entity]]) -> None:
        """Hold exactly *classes*, in their order (tests restore a snapshot)."""
        self._by_name = dict(classes)
        self._bound = self._bound_categories()
        self._relations = None

    def _bound_categories(self) -> frozenset[str]:
        return frozenset(
            cls.CATEGORY for cls in self._by_name.values() if issubclass(cls, AIModel)
        )

    def add(self, name: str, cls: type[Entity]) -> None:
        """Register *cls* as *name* (see :func:`register_kind` for the checks)."""
        self._reset({**self._by_name, name: cls})

    def relations(self) -> Mapping[str, str]:
        """Each relation the registered kinds' links read as, with its inverse.

        Worked out once per set of kinds: every ``Edge.inverse`` reads it.
        """
        found = self._relations
        if found is None:
            found = self._relations = {
                declared.relation: declared.inverse
                for cls in (*self._by_name.values(), Citation)
                for declared in links(cls)
            }
        return MappingProxyType(found)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def names(self) -> tuple[str, ...]:
        """Every kind name, in registration order."""
        return tuple(self._by_name)

    def builtin_names(self) -> tuple[str, ...]:
        """The kind names aitaxonomy itself defines."""
        return tuple(cls.KIND for cls in _BUILTIN)

    def cls(self, name: str) -> type[Entity]:
        """The class registered as *name*.

        Raises:
            UnknownIdError: No class is registered under *name*.
        """
        try:
            return self._by_name[name]
        except KeyError:
            raise UnknownKindError(name, suggest(name, self._by_name)) from None

    def name_of(self, cls: type[Entity]) -> str:
        """The kind name *cls* is written as."""
        for name, registered in self._by_name.items():
            if registered is cls:
                return name
        raise UnknownKindError(cls.__qualname__, ())

    def bound_category(
        self, category_id: str, categories: Mapping[str, Category]
    ) -> str | None:
        """The nearest category at or above *category_id* that a class stands for."""
        bound = self._bound
        seen: set[str] = set()
        current: str | None = category_id
        while current is not None and current not in seen:
            if current in bound:
                return current
            seen.add(current)
            found = categories.get(current)
            current = found.parent if found is not None else None
        return None


_REGISTRY = KindRegistry({cls.KIND: cls for cls in _BUILTIN})
_REGISTRY_LOCK = threading.Lock()


def default_kinds() -> KindRegistry:
    """The registry every loader and validator uses: built-ins plus registrations."""
    return _REGISTRY


C = TypeVar("C", bound=type[Entity])
"""An entity class, kept as its own type through the decorator."""


@overload
def register_kind(name: str) -> Callable[[C], C]: ...
@overload
def register_kind(name: str, cls: C) -> C: ...
def register_kind(name: str, cls: C | None = None) -> C | Callable[[C], C]:
    """Register an entity class under a kind name, for files and validation.

    The class must be an attrs subclass of a built-in entity (usually
    :class:`~aitaxonomy.GenAI` or :class:`~aitaxonomy.LLM`); it keeps its
    parent's invariants (a subclass of LLM still outputs text only) and its
    entities are written with ``kind = name``. Usable as a decorator.
    Registering the same class under the same name again does nothing.

    Raises:
        InvalidKindError: *name* is not a slug, is taken by another class,
            or *cls* is not an attrs entity class or is registered already
            under another name.

    Example:
        >>> import attrs
        >>> import aitaxonomy as ai
        >>> @ai.register_kind("veterinary-llm")
        ... @attrs.frozen(kw_only=True)
        ... class VeterinaryLLM(ai.LLM):
        ...     species: tuple[str, ...] = ()
        >>> VeterinaryLLM.KIND
        'veterinary-llm'
    """
    if cls is None:
        return functools.partial(_register, name)
    return _register(name, cls)


def _register(name: object, cls: C) -> C:
    if not isinstance(name, str) or _KIND_NAME.fullmatch(name) is None:
        raise InvalidKindError(
            f"kind name {name!r} is not a lowercase slug (letters, digits, '-')"
        )
    if not _is_entity_class(cls):
        raise InvalidKindError(
            f"register_kind({name!r}) takes an attrs class derived from an "
            f"aitaxonomy entity, not {cls!r}"
        )
    with _REGISTRY_LOCK:
        current = _REGISTRY._by_name.get(name)  # noqa: SLF001
        if current is cls:
            return cls
        if current is not None:
            raise InvalidKindError(
                f"kind {name!r} is already registered to {current.__qualname__}"
            )
        for other, registered in _REGISTRY._by_name.items():  # noqa: SLF001
            if registered is cls:
                raise InvalidKindError(
                    f"{cls.__qualname__} is already registered as kind {other!r}"
                )
        _check_links(name, cls)
        if "KIND" not in vars(cls):
            cls.KIND = name
        _REGISTRY.add(name, cls)
    return cls


def _check_links(name: str, cls: type[Entity]) -> None:
    """Refuse a link to no registered kind, or a relation read two ways."""
    known = {*_REGISTRY.names(), name}
    inverses = dict(_REGISTRY.relations())
    for declared in links(cls):
        where = f"{cls.__qualname__}.{declared.field}"
        for target in declared.to:
            if target not in known:
                raise InvalidKindError(
                    f"{where} links to kind {target!r}, which is not registered"
                    f"{did_you_mean(suggest(target, known))}; register it first"
                )
        other = inverses.setdefault(declared.relation, declared.inverse)
        if other != declared.inverse:
            raise InvalidKindError(
                f"{where} reads {declared.relation!r} backwards as "
                f"{declared.inverse!r}, but another link reads it as {other!r}; "
                "use that inverse or another relation"
            )


def _is_entity_class(value: object) -> bool:
    # The class itself must be decorated: an undecorated subclass inherits
    # __attrs_attrs__ but its own fields would be ignored.
    return (
        isinstance(value, type)
        and issubclass(value, Entity)
        and "__attrs_attrs__" in vars(value)
    )


_KIND_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
