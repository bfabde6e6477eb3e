"""Helpers that word error messages: quoting a value, suggesting a spelling.

The error classes themselves are in :mod:`aitaxonomy.errors`.
"""

from __future__ import annotations

import difflib
import reprlib
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Location", "article", "did_you_mean", "shown", "suggest"]


@attrs.frozen
class Location:
    """Where an entity came from: a file (or a call) and its JSON path in it.

    Kept as parts, never as a worded path to parse back: a problem's path is
    worded once, when its :class:`~aitaxonomy.Problem` is made.
    """

    file: str | None
    path: str


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


def suggest(word: object, known: Iterable[str], *, limit: int = 3) -> tuple[str, ...]:
    """Return up to *limit* entries of *known* spelled like *word*, best first.

    Only a string is spelled like anything: for another value, nothing.
    """
    if not isinstance(word, str):
        return ()
    return tuple(difflib.get_close_matches(word, list(known), n=limit, cutoff=0.6))


def did_you_mean(suggestions: tuple[str, ...]) -> str:
    """Format suggestions as a message suffix, or nothing when there are none."""
    if not suggestions:
        return ""
    return " (did you mean " + " or ".join(map(repr, suggestions)) + "?)"


def article(noun: str) -> str:
    """The noun with its indefinite article, for the nouns messages use.

    Example:
        >>> article("model"), article("organisation"), article("use case")
        ('a model', 'an organisation', 'a use case')
    """
    return f"{'an' if noun[:1] in 'aeio' else 'a'} {noun}"
