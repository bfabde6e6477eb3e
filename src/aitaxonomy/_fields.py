"""Field helpers for the entity classes: validators, converters and links.

Every entity field is declared with one of these, so the fast structuring
path (``_structure``), the JSON Schema (``_schema``) and the validator
(``_taxonomy``) can tell what a field holds from its declaration alone. A
field that holds ids of other entities is declared with :func:`link`, which
records the kinds it may point at and how the link reads; nothing else in
the package lists link fields.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from ._errors import did_you_mean, shown, suggest
from .errors import (
    ArgumentTypeError,
    InvalidArgumentError,
    InvalidEntityError,
    _EntityTypeError,
)

_ID = re.compile(r"[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*")
_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")


def normalise_id(value: str) -> str:
    """Return the slug an id would be if it followed the rules.

    Ids are lowercase ASCII letters and digits, with ``-``, ``_`` or ``.``
    between them and ``/`` between namespace segments.

    Example:
        >>> normalise_id("GPT 4")
        'gpt-4'
    """
    lowered = re.sub(r"[^a-z0-9._/-]+", "-", value.strip().lower())
    segments = (re.sub(r"[._-]{2,}", "-", s).strip("._-") for s in lowered.split("/"))
    return "/".join(s for s in segments if s)


@functools.lru_cache(maxsize=65536)
def _is_slug(value: str) -> bool:
    # Ids repeat across a catalog (organisations, techniques, use cases), so
    # the regular expression runs once per distinct id.
    return _ID.fullmatch(value) is not None


MAX_ID_LENGTH = 200
"""The longest id accepted, in characters."""
MAX_PARAMETERS = 10**15
"""The largest parameter count accepted (a thousand trillion)."""


def _check_id(value: object, what: str, field: str | None = None) -> None:
    if not isinstance(value, str):
        raise _EntityTypeError(
            f"{what} must be a string, not {type(value).__name__}", field=field
        )
    if len(value) > MAX_ID_LENGTH:
        raise InvalidEntityError(
            f"{what} {shown(value)} is {len(value):,} characters; ids are at most "
            f"{MAX_ID_LENGTH}",
            field=field,
        )
    if not _is_slug(value):
        fixed = normalise_id(value)
        hint = f" (did you mean {fixed!r}?)" if fixed and _ID.fullmatch(fixed) else ""
        raise InvalidEntityError(
            f"{what} {shown(value)} is not a lowercase slug{hint}; ids use a-z, 0-9 "
            "and '-', '_' or '.' between them ('/' between namespaces)",
            field=field,
        )


def _valid_id(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_id(value, attribute.name, attribute.name)


def _valid_optional_id(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        _check_id(value, attribute.name, attribute.name)


def _valid_ids(
    _: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    _check_strings(value, attribute.name)
    for item in value:
        _check_id(item, f"{attribute.name} entry", attribute.name)
    if len(set(value)) == len(value):
        return
    duplicates = sorted({item for item in value if value.count(item) > 1})
    if duplicates:
        raise InvalidEntityError(
            f"{attribute.name} lists {', '.join(map(repr, duplicates))} more than once",
            field=attribute.name,
        )


def _valid_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise _EntityTypeError(
            f"{attribute.name} must be a string, not {type(value).__name__}",
            field=attribute.name,
        )
    _check_writable(value, attribute.name)


def _check_writable(value: str, field: str) -> None:
    r"""Refuse a lone surrogate: no UTF-8 file can hold it, so dump() would fail.

    JSON's ``"\ud800"`` escape and text decoded with ``surrogateescape``
    make them; ASCII text (nearly all of it) is checked by one flag.
    """
    if value.isascii():
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidEntityError(
            f"{field} {shown(value)} holds a lone surrogate "
            f"(U+{ord(value[exc.start]):04X}), which no UTF-8 file can hold",
            field=field,
        ) from None


def _valid_optional_text(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        _valid_text(instance, attribute, value)


def _valid_name(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    _valid_text(instance, attribute, value)
    if not str(value).strip():
        raise InvalidEntityError(
            f"{attribute.name} must not be empty", field=attribute.name
        )


def _valid_texts(
    _: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]
) -> None:
    _check_strings(value, attribute.name)
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise _EntityTypeError(
                f"{attribute.name} entries must be non-empty strings, "
                f"got {shown(item)}",
                field=attribute.name,
            )
        _check_writable(item, attribute.name)


def _valid_date(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str) or _DATE.fullmatch(value) is None:
        raise InvalidEntityError(
            f"{attribute.name} {shown(value)} is not a date written YYYY, YYYY-MM or "
            "YYYY-MM-DD",
            field=attribute.name,
        )


def _valid_flag(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, bool):
        raise _EntityTypeError(
            f"{attribute.name} must be true, false or unset, not {shown(value)}",
            field=attribute.name,
        )


def _valid_bool(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise _EntityTypeError(
            f"{attribute.name} must be true or false, not {shown(value)}",
            field=attribute.name,
        )


def _valid_count(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise _EntityTypeError(
            f"{attribute.name} must be a positive whole number, not {shown(value)}",
            field=attribute.name,
        )
    if value > MAX_PARAMETERS:
        raise InvalidEntityError(
            f"{attribute.name} {shown(value)} is more than {MAX_PARAMETERS:,}; "
            "is it a typo?",
            field=attribute.name,
        )


def _valid_number(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _EntityTypeError(
            f"{attribute.name} must be a whole number, not {shown(value)}",
            field=attribute.name,
        )


def _strings(value: str | Iterable[str]) -> tuple[str, ...]:
    """Accept one string or an iterable of them; a string is never split."""
    kind = type(value)
    if kind is tuple:
        return value  # type: ignore[return-value]  # checked by the validators
    if kind is list:
        return tuple(value)
    if isinstance(value, str):
        return (value,)
    given: object = value  # as given: callers may not be type-checked
    if not isinstance(given, Iterable):
        # Left for the field's validator, which knows the field's name.
        return given  # type: ignore[return-value]
    return tuple(value)


def _check_strings(value: object, field: str) -> None:
    """Refuse what :func:`_strings` could not make a tuple of (a number, None)."""
    if type(value) is not tuple:
        raise _EntityTypeError(
            f"{field} must be a string or a list of strings, not "
            f"{type(value).__name__} {shown(value)}",
            field=field,
        )


def _valid_price(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value < 0
    ):
        raise _EntityTypeError(
            f"{attribute.name} must be a price in US dollars (a number of at least "
            f"0), not {shown(value)}",
            field=attribute.name,
        )


CAPABILITIES = ("tools", "reasoning", "structured-output")
"""What a model can do besides its modalities, as catalogs state it: call
tools (functions), reason before answering, answer in a given structure
(a JSON schema). Reading images is an input modality, not a capability."""


def _valid_capabilities(
    _: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    _check_strings(value, attribute.name)
    for item in value:
        if item not in CAPABILITIES:
            raise InvalidEntityError(
                f"unknown capability {shown(item)}"
                f"{did_you_mean(suggest(str(item), CAPABILITIES))}; known: "
                f"{', '.join(CAPABILITIES)}",
                field=attribute.name,
            )
    if len(set(value)) != len(value):
        raise InvalidEntityError(
            f"{attribute.name} lists a capability more than once",
            field=attribute.name,
        )


class SourceIds(Mapping[str, str]):
    """The id each catalog's API takes for a model: read-only and hashable.

    Keys are catalog names (``"litellm"``, ``"openrouter"``, ``"models.dev"``),
    values the id to pass to that catalog's API or library.

    Example:
        >>> ids = SourceIds({"litellm": "gpt-4o", "openrouter": "openai/gpt-4o"})
        >>> ids["openrouter"], len(ids)
        ('openai/gpt-4o', 2)
    """

    __slots__ = ("_hash", "_items")

    def __init__(self, items: Mapping[str, str] | None = None) -> None:
        found = dict(items or {})
        given: dict[Any, object] = dict(found)  # callers may not be type-checked
        for source, key in given.items():
            if not isinstance(source, str) or not _is_slug(source):
                raise _EntityTypeError(
                    f"sources are named by catalog, as a lowercase slug "
                    f"('litellm'), not {shown(source)}",
                    field="sources",
                )
            if not isinstance(key, str) or not key.strip() or key != key.strip():
                raise _EntityTypeError(
                    f"the {source} id must be a non-empty string without "
                    f"surrounding spaces, not {shown(key)}",
                    field="sources",
                )
            _check_writable(key, "sources")
        self._items: dict[str, str] = found
        self._hash: int | None = None

    def __getitem__(self, source: str) -> str:
        return self._items[source]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._items.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SourceIds):
            return self._items == other._items
        return isinstance(other, Mapping) and self._items == dict(other.items())

    def __repr__(self) -> str:
        return f"SourceIds({self._items!r})"

    def __reduce__(self) -> tuple[type[SourceIds], tuple[dict[str, str]]]:
        return SourceIds, (self._items,)


_NO_SOURCES = SourceIds()


def _source_ids(value: Mapping[str, str] | None) -> SourceIds:
    """Accept a mapping (a TOML table, a dict) of catalog name to id."""
    if type(value) is SourceIds:
        return value
    given: object = value  # as given: callers may not be type-checked
    if not isinstance(given, Mapping):
        raise _EntityTypeError(
            "sources must be a table of catalog name to id "
            f'({{litellm = "gpt-4o"}}), not {type(given).__name__} {shown(given)}',
            field="sources",
        )
    return SourceIds(given) if given else _NO_SOURCES


def _text_field() -> Any:
    return attrs.field(default="", validator=_valid_text)


def _flag_field() -> Any:
    return attrs.field(default=None, validator=_valid_flag)


# -- links -------------------------------------------------------------------

_LINK = "aitaxonomy.link"
"""The attrs metadata key under which :func:`link` records a :class:`Link`."""


@attrs.frozen
class Link:
    """A field that holds ids of other entities, as :func:`link` declared it.

    Validation, the JSON Schema, :func:`~aitaxonomy.edges`, the graph
    exports and JSON-LD all read links from here, so a field declared with
    :func:`link` is checked and drawn without another edit anywhere.

    Attributes:
        field: The attribute that holds the ids.
        to: The kind names (``"technique"``) its ids may point at; an entity
            of a subclass counts (``"ai-model"`` takes an LLM).
        relation: How the link reads from the entity that makes it (``"uses"``).
        inverse: How it reads from the entity it points at (``"used by"``).
        many: Whether the field holds a list of ids rather than one.
        edge: Whether :func:`~aitaxonomy.edges` and the graph exports draw it.
        acyclic: Whether following it must never lead back where it started
            (a category's parent, a product's ``powered_by``).
        default_from: The attribute that supplies the id when the field is
            unset (a model that names no category is in the one its class
            stands for, ``CATEGORY``).

    Example:
        >>> import aitaxonomy as ai
        >>> [(k.field, k.to, k.relation) for k in ai.links(ai.UseCase)][0]
        ('category', ('category',), 'favours')
    """

    field: str
    to: tuple[str, ...]
    relation: str
    inverse: str
    many: bool = False
    edge: bool = True
    acyclic: bool = False
    default_from: str | None = None

    def ids(self, entity: object) -> tuple[str, ...]:
        """The ids *entity* links to through this field, in order.

        Example:
            >>> import aitaxonomy as ai
            >>> category = ai.links(ai.AIModel)[1]
            >>> category.ids(ai.LLM(id="m", name="M"))
            ('llm',)
        """
        value = getattr(entity, self.field)
        if value is None and self.default_from is not None:
            value = getattr(entity, self.default_from)
        if self.many:
            return value  # type: ignore[no-any-return]  # a tuple, by the converter
        return () if value is None else (value,)

    def path(self, index: int) -> str:
        """Where the *index*-th id sits, as a field path (``techniques[0]``)."""
        return f"{self.field}[{index}]" if self.many else self.field


def link(  # keyword-only, each one a fact about the link
    to: str | Iterable[str],
    *,
    relation: str,
    inverse: str,
    many: bool = False,
    required: bool = False,
    edge: bool = True,
    acyclic: bool = False,
    default_from: str | None = None,
) -> Any:
    """Declare an attrs field that holds ids of other entities.

    The field is validated like any id field; the taxonomy then checks that
    every id names an entity of one of the kinds in *to*, and the schema,
    :func:`~aitaxonomy.edges` and the exports show the link. Use it on your
    own kinds (see :func:`~aitaxonomy.register_kind`).

    Args:
        to: The kind name, or names, the ids may point at.
        relation: How the link reads from this entity (``"cites"``).
        inverse: How it reads from the entity it points at (``"cited by"``).
        many: A list of ids (default ``()``) rather than one.
        required: One id that must be given; otherwise one id defaults to
            ``None``. Ignored with *many*.
        edge: Draw it in :func:`~aitaxonomy.edges` and the graph exports.
        acyclic: Refuse cycles along it (a parent of a parent of itself).
        default_from: The attribute that supplies the id when the field is
            unset.

    Raises:
        InvalidArgumentError: *to* names no kind, or *relation* or *inverse*
            is empty.

    mypy's attrs plugin cannot see through a helper, so under mypy a list
    field declared here takes a tuple of ids; write ``attrs.field(default=(),
    converter=..., metadata=...)`` yourself if callers pass lists.

    Example:
        >>> import attrs
        >>> import aitaxonomy as ai
        >>> @attrs.frozen(kw_only=True)
        ... class Benchmark(ai.Entity):
        ...     measures: tuple[str, ...] = ai.link(
        ...         "ai-model", relation="measures", inverse="measured by", many=True)
        >>> ai.links(Benchmark)[0].to
        ('ai-model',)
    """
    metadata = _link(
        to,
        relation=relation,
        inverse=inverse,
        many=many,
        edge=edge,
        acyclic=acyclic,
        default_from=default_from,
    )
    if many:
        return attrs.field(
            default=(), converter=_strings, validator=_valid_ids, metadata=metadata
        )
    if required:
        return attrs.field(validator=_valid_id, metadata=metadata)
    return attrs.field(default=None, validator=_valid_optional_id, metadata=metadata)


def _link(  # as link(), whose arguments it checks
    to: str | Iterable[str],
    *,
    relation: str,
    inverse: str,
    many: bool = False,
    edge: bool = True,
    acyclic: bool = False,
    default_from: str | None = None,
) -> dict[str, Link]:
    """The metadata that makes an attrs field a link, for :func:`link` and built-ins.

    The built-in classes spell out ``attrs.field(converter=...)`` around it so
    that mypy's attrs plugin sees each converter (and lets callers pass a list
    of ids where a tuple is kept).
    """
    kinds = (to,) if isinstance(to, str) else tuple(to)
    named: tuple[object, ...] = kinds  # as given: callers may not be type-checked
    if not named or not all(isinstance(k, str) and _is_slug(k) for k in named):
        raise InvalidArgumentError(
            f"link() takes kind names such as 'technique', not {shown(to)}"
        )
    given: tuple[tuple[str, object], ...] = (
        ("relation", relation),
        ("inverse", inverse),
    )
    for name, value in given:
        if not isinstance(value, str) or not value.strip():
            raise InvalidArgumentError(
                f"link() needs {name} as a non-empty string, not {shown(value)}"
            )
    declared = Link(
        field="",
        to=kinds,
        relation=relation,
        inverse=inverse,
        many=many,
        edge=edge,
        acyclic=acyclic,
        default_from=default_from,
    )
    return {_LINK: declared}


def links(cls: type) -> tuple[Link, ...]:
    """The link fields of an entity class, in the order they are declared.

    Raises:
        ArgumentTypeError: *cls* is not an attrs class.

    Example:
        >>> import aitaxonomy as ai
        >>> [k.field for k in ai.links(ai.Category)]
        ['parent', 'examples', 'feature_examples']
    """
    given: object = cls  # as given: callers may not be type-checked
    if not (isinstance(given, type) and attrs.has(given)):
        raise ArgumentTypeError(
            f"links() takes an entity class such as aitaxonomy.LLM, not {shown(cls)}"
        )
    return _links_of(cls)


@functools.cache
def _links_of(cls: type) -> tuple[Link, ...]:
    # Read on every validation of every entity: worked out once per class.
    return tuple(
        attrs.evolve(field.metadata[_LINK], field=field.name)
        for field in attrs.fields(cls)
        if _LINK in field.metadata
    )
