"""The library's errors: one base class, leaves that also subclass a builtin.

Every leaf subclasses the builtin that fits (``ValueError``, ``TypeError`` or
``LookupError``) so that code which already catches those keeps working.
"""

from __future__ import annotations

import difflib
import reprlib
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "AITaxonomyError",
    "InvalidEntityError",
    "InvalidModalityError",
    "Problem",
    "TaxonomyError",
    "UnknownIdError",
    "shown",
    "suggest",
]


class AITaxonomyError(Exception):
    """Base class of every error aitaxonomy raises on purpose."""


class InvalidModalityError(AITaxonomyError, ValueError):
    """A value is not a modality aitaxonomy knows.

    Example:
        >>> import aitaxonomy as ai
        >>> ai.Modality.parse("imgae")
        Traceback (most recent call last):
        ...
        aitaxonomy._errors.InvalidModalityError: unknown modality 'imgae' (did you mean 'image'?); ...
    """  # noqa: E501


class InvalidEntityError(AITaxonomyError, ValueError):
    """An entity was built with a value that breaks its own rules.

    Example: an LLM asked to output images.

    Attributes:
        field: The field at fault, when one is (``"output_modalities"``).
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class UnknownIdError(AITaxonomyError, LookupError):
    """No entity in a taxonomy has the requested id.

    Attributes:
        id: The id that was looked up.
        suggestions: Known ids that are spelled like it, closest first.
    """

    def __init__(
        self,
        id: str,  # noqa: A002
        suggestions: tuple[str, ...] = (),
        *,
        label: str = "no entity with id",
    ) -> None:
        self.id = id
        self.suggestions = suggestions
        super().__init__(f"{label} {id!r}{did_you_mean(suggestions)}")


@attrs.frozen
class Problem:
    """One thing wrong with a taxonomy or a catalog file.

    Attributes:
        message: What is wrong, quoting the offending value.
        path: Where inside the data, as a JSONPath-like string (``$.models[2].id``).
        file: The file it came from, when it came from one.
    """

    message: str
    path: str = "$"
    file: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.file else self.path
        return f"{self.message} @ {where}"


class TaxonomyError(AITaxonomyError, ValueError):
    """A taxonomy, or the data it was loaded from, breaks one or more rules.

    Every problem found is reported at once, in :attr:`problems`.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the taxonomy"
        super().__init__("\n  ".join([head + ":", *map(str, self.problems)]))


_SHORT = reprlib.Repr()
_SHORT.maxstring = 80
_SHORT.maxother = 80
_SHORT.maxlevel = 2
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxdict = _SHORT.maxset = 4


def shown(value: object) -> str:
    """``repr(value)``, cut short: a message quotes the value, never all of it.

    Example:
        >>> shown("x" * 1000)[:12], len(shown("x" * 1000)) < 100
        ("'xxxxxxxxxxx", True)
    """
    return _SHORT.repr(value)


def suggest(word: str, known: Iterable[str], *, limit: int = 3) -> tuple[str, ...]:
    """Return up to *limit* entries of *known* spelled like *word*, best first."""
    return tuple(difflib.get_close_matches(word, list(known), n=limit, cutoff=0.6))


def did_you_mean(suggestions: tuple[str, ...]) -> str:
    """Format suggestions as a message suffix, or nothing when there are none."""
    if not suggestions:
        return ""
    return " (did you mean " + " or ".join(map(repr, suggestions)) + "?)"
