"""The registry of entity kinds: the name each class is written as in files."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ._entities import (
    LLM,
    AIModel,
    Category,
    Entity,
    GenAI,
    Organization,
    Section,
    Technique,
    Trend,
    UseCase,
)
from ._errors import UnknownIdError, suggest

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["KindRegistry", "default_kinds"]

_BUILTIN: tuple[type[Entity], ...] = (
    AIModel,
    GenAI,
    LLM,
    Category,
    Technique,
    UseCase,
    Organization,
    Trend,
    Section,
)


class KindRegistry:
    """Maps kind names (``"llm"``) to entity classes and back."""

    __slots__ = ("_bound", "_by_name")

    def __init__(self, classes: Mapping[str, type[Entity]]) -> None:
        self._by_name = dict(classes)
        self._bound = frozenset(
            cls.CATEGORY for cls in self._by_name.values() if issubclass(cls, AIModel)
        )

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def names(self) -> tuple[str, ...]:
        """Every kind name, in registration order."""
        return tuple(self._by_name)

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


class UnknownKindError(UnknownIdError):
    """No entity class is registered under a kind name."""

    def __init__(self, kind: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(kind, suggestions, label="unknown kind")


@functools.cache
def default_kinds() -> KindRegistry:
    """The registry with the built-in kinds."""
    return KindRegistry({cls.KIND: cls for cls in _BUILTIN})
