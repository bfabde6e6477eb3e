"""Every error aitaxonomy raises, and the warning it gives.

One base class, :class:`AITaxonomyError`, so ``except AITaxonomyError``
catches anything the library raises on purpose. Every leaf also subclasses
the builtin that fits (``ValueError``, ``TypeError``, ``LookupError`` or
``RuntimeError``), so code that already catches those keeps working.

Every error survives :mod:`pickle` (and :mod:`copy`) with its type, its
message and its attributes, so it crosses process boundaries intact
(:mod:`multiprocessing`, :mod:`concurrent.futures`, logging handlers).

The leaves most code meets are also importable from :mod:`aitaxonomy`
itself; ``aitaxonomy.TaxonomyError is aitaxonomy.errors.TaxonomyError``.

Example:
    >>> import pickle
    >>> import aitaxonomy as ai
    >>> from aitaxonomy.errors import AITaxonomyError, UnknownIdError
    >>> try:
    ...     ai.default_taxonomy().model("openai")
    ... except AITaxonomyError as exc:
    ...     error = exc
    >>> print(error)
    'openai' is an organisation, not a model (did you mean 'openai-o1' or ...?)
    >>> isinstance(error, UnknownIdError), isinstance(error, LookupError)
    (True, True)
    >>> again = pickle.loads(pickle.dumps(error))
    >>> str(again) == str(error), again.id, again.actual
    (True, 'openai', 'organisation')
"""

from __future__ import annotations

import copyreg
from typing import TYPE_CHECKING, Any

import attrs

# Aliased: the helpers that word messages are not part of this public module.
from ._errors import article as _article
from ._errors import did_you_mean as _did_you_mean

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = [
    "AITaxonomyError",
    "AdapterError",
    "ArgumentTypeError",
    "InvalidArgumentError",
    "InvalidEntityError",
    "InvalidKindError",
    "InvalidModalityError",
    "LimitError",
    "NoMatchError",
    "PluginError",
    "PluginWarning",
    "Problem",
    "TaxonomyError",
    "UnknownIdError",
    "UnknownKindError",
]


# ``cls.__new__(cls, *args)``, which pickle writes as its NEWOBJ opcode (from
# protocol 2; as a call of this function before), so no name of ours is stored.
_NEWOBJ: Callable[..., Any] = copyreg.__newobj__  # type: ignore[attr-defined]


class AITaxonomyError(Exception):
    """Base class of every error aitaxonomy raises on purpose."""

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...], Any]:
        """Rebuild as this type, with the same ``args`` and attributes."""
        # The default rebuilds an error as ``cls(*self.args)``, but ``args``
        # holds the finished message, not what ``__init__`` takes: the message
        # would be built twice, or the call would fail. Rebuild it without
        # ``__init__`` instead (packaging's InvalidMetadata re-calls it with
        # its fields; this does the same for every subclass at once): the
        # message is kept exactly as it was, and the attributes come back
        # from ``__dict__``, ``__notes__`` included.
        return _NEWOBJ, (type(self), *self.args), self.__dict__ or None


# -- arguments ---------------------------------------------------------------------


class InvalidArgumentError(AITaxonomyError, ValueError):
    """An argument has a value the function cannot use.

    Example: ``choose(limit=0)``, ``export(taxonomy, "svg")`` or
    ``dumps(taxonomy, format="yaml")``. The message names the argument and
    quotes the value.
    """


class ArgumentTypeError(AITaxonomyError, TypeError):
    """An argument has the wrong type (``Taxonomy.merge([])``)."""


class NoMatchError(InvalidArgumentError):
    """The task names no job that can be recognised, and no outputs were given."""


# -- entities, modalities and kinds ---------------------------------------------------


class InvalidModalityError(AITaxonomyError, ValueError):
    """A value is not a modality aitaxonomy knows.

    Example:
        >>> import aitaxonomy as ai
        >>> ai.Modality.parse("imgae")
        Traceback (most recent call last):
        ...
        aitaxonomy.errors.InvalidModalityError: unknown modality 'imgae' (did you mean 'image'?); ...
    """  # noqa: E501


class _WrongTypeError(InvalidModalityError, TypeError):
    """A modality was given as something other than a string."""


class InvalidEntityError(AITaxonomyError, ValueError):
    """An entity was built with a value that breaks its own rules.

    Example: an LLM asked to output images.

    Attributes:
        field: The field at fault, when one is (``"output_modalities"``).
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        """Say what is wrong in *message*, and which *field* when one is."""
        super().__init__(message)
        self.field = field


class _EntityTypeError(InvalidEntityError, TypeError):
    """A field was given a value of the wrong type, in code or in plain data."""


class InvalidKindError(AITaxonomyError, ValueError):
    """A kind could not be registered: a bad name, class, or a clash."""


# -- lookups ------------------------------------------------------------------------


class UnknownIdError(AITaxonomyError, LookupError):
    """No entity of the kind asked for has the requested id.

    Either no entity at all has it, or the one that has it is of another
    kind: then the message says what it is (``'openai' is an organisation,
    not a model``).

    Attributes:
        id: The id that was looked up.
        suggestions: Ids of the kind asked for that are spelled like it,
            closest first.
        expected: The kind of entity the lookup wanted, in words
            (``"model"``), when it wanted one kind.
        actual: What the id names instead (``"organisation"``), when it
            names an entity of another kind.
    """

    def __init__(
        self,
        id: str,  # noqa: A002
        suggestions: tuple[str, ...] = (),
        *,
        label: str = "no entity with id",
        expected: str | None = None,
        actual: str | None = None,
    ) -> None:
        """Word the message from the id and, when given, the kinds involved."""
        self.id = id
        self.suggestions = tuple(suggestions)
        self.expected = expected
        self.actual = actual
        if actual is not None:
            head = f"{id!r} is {_article(actual)}, not {_article(expected or 'entity')}"
        elif expected is not None:
            head = f"no {expected} with id {id!r}"
        else:
            head = f"{label} {id!r}"
        super().__init__(head + _did_you_mean(self.suggestions))


class UnknownKindError(UnknownIdError):
    """No entity class is registered under a kind name (``kind = "lmm"``)."""

    def __init__(self, kind: str, suggestions: tuple[str, ...] = ()) -> None:
        """Name the unknown *kind*, with registered names spelled like it."""
        super().__init__(kind, suggestions, label="unknown kind")


# -- data -----------------------------------------------------------------------------


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
        """``message @ file: path``."""
        where = f"{self.file}: {self.path}" if self.file else self.path
        return f"{self.message} @ {where}"

    def to_dict(self) -> dict[str, str | None]:
        """This problem as JSON-ready data, as the CLI's ``validate --json`` prints it.

        Example:
            >>> Problem("unknown id 'acme'", "$.models[0].organization").to_dict()
            {'file': None, 'path': '$.models[0].organization', 'message': "unknown id 'acme'"}
        """  # noqa: E501
        return {"file": self.file, "path": self.path, "message": self.message}


class TaxonomyError(AITaxonomyError, ValueError):
    """A taxonomy, or the data it was loaded from, breaks one or more rules.

    Every problem found is reported at once, in :attr:`problems`.

    Attributes:
        problems: What is wrong, each with the file and path it is at.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        """Count and list every problem in the message."""
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the taxonomy"
        super().__init__("\n  ".join([head + ":", *map(str, self.problems)]))


class LimitError(TaxonomyError):
    """Input went past one of the :class:`~aitaxonomy.Limits`; the message says how to raise it."""  # noqa: E501


class _RuleError(AITaxonomyError, ValueError):
    """A packaged rule is malformed; :func:`~aitaxonomy.rules` reports it as a Problem."""  # noqa: E501

    def __init__(self, message: str, path: str | None = None) -> None:
        """Say what is wrong, and where in the rule when it is known."""
        super().__init__(message)
        self.path = path


# -- plugins and adapters ------------------------------------------------------------


class PluginError(AITaxonomyError, RuntimeError):
    """An installed catalog plugin could not be loaded.

    Attributes:
        plugin: The entry point's name and value (``"acme = acme.catalog:entities"``).
    """

    def __init__(self, plugin: str, message: str) -> None:
        """Name the *plugin* before the *message*."""
        super().__init__(f"catalog plugin {plugin}: {message}")
        self.plugin = plugin


class PluginWarning(UserWarning):
    """A broken catalog plugin was skipped (``on_error="warn"``)."""


class AdapterError(AITaxonomyError, TypeError):
    """The data handed to an adapter does not have the source's overall shape."""
