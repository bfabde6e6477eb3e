"""One configured cattrs converter between entities and plain data.

Plain data is what TOML and JSON hold: dicts, lists, strings, numbers and
booleans. Structuring is strict (unknown keys, wrong types and strings where
lists belong are errors, never coerced) and every failure becomes a
:class:`~aitaxonomy.Problem` with the path inside the document.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, get_args, get_origin

import attrs

from ._entities import (
    AIModel,
    Category,
    Citation,
    Entity,
    JobType,
    Organization,
    Section,
    Technique,
    Trend,
    UseCase,
)
from ._errors import did_you_mean, shown, suggest
from ._fields import SourceIds, _source_ids
from ._kinds import KindRegistry, default_kinds
from ._modality import Modality, to_modalities
from .errors import (
    AITaxonomyError,
    InvalidEntityError,
    Problem,
    UnknownKindError,
    _EntityTypeError,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    import cattrs

__all__ = [
    "FORMAT_VERSION",
    "GROUPS",
    "document_to_entities",
    "entities_to_document",
]

FORMAT_VERSION: Final = 1
"""The catalog format version this release reads and writes."""

GROUPS: Final[Mapping[str, type[Entity]]] = {
    "sections": Section,
    "organizations": Organization,
    "techniques": Technique,
    "categories": Category,
    "use_cases": UseCase,
    "job_types": JobType,
    "trends": Trend,
    "models": AIModel,
}
"""Top-level keys of a catalog document and the base class of their entries."""


def _name(value: object) -> str:
    return type(value).__name__


def _strict_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _EntityTypeError(f"expected a string, got {_name(value)} {shown(value)}")
    return value


def _strict_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _EntityTypeError(
            f"expected true or false, got {_name(value)} {shown(value)}"
        )
    return value


def _strict_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _EntityTypeError(
            f"expected an integer, got {_name(value)} {shown(value)}"
        )
    return value


def _strict_float(value: object, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _EntityTypeError(f"expected a number, got {_name(value)} {shown(value)}")
    return float(value)


def _modalities(value: object, _: type) -> frozenset[Modality]:
    from cattrs.errors import IterableValidationError, IterableValidationNote  # noqa: PLC0415

    if not isinstance(value, list | tuple):
        raise _EntityTypeError(f"expected a list of modalities, got {_name(value)}")
    errors: list[Exception] = []
    found: list[Modality] = []
    for index, item in enumerate(value):
        try:
            found.append(Modality.parse(item))
        except AITaxonomyError as exc:
            exc.__notes__ = [IterableValidationNote(f"index {index}", index, Modality)]
            errors.append(exc)
    if errors:
        raise IterableValidationError("modalities", errors, frozenset)
    return to_modalities(found)


def _tuple_hook(converter: cattrs.Converter) -> Callable[[type], Any]:
    from cattrs.errors import IterableValidationError, IterableValidationNote  # noqa: PLC0415

    def factory(cls: type) -> Callable[[object, type], tuple[Any, ...]]:
        item_type = get_args(cls)[0]
        structure_item = converter.get_structure_hook(item_type)

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise _EntityTypeError(
                    f"expected a list, got {_name(value)} {shown(value)}"
                )
            errors: list[Exception] = []
            items = []
            for index, item in enumerate(value):
                try:
                    items.append(structure_item(item, item_type))
                except Exception as exc:  # noqa: BLE001  # collected, then re-raised
                    exc.__notes__ = [
                        IterableValidationNote(f"index {index}", index, item_type)
                    ]
                    errors.append(exc)
            if errors:
                raise IterableValidationError("list items", errors, cls)
            return tuple(items)

        return structure

    return factory


def _is_homogeneous_tuple(cls: type) -> bool:
    args = get_args(cls)
    return getattr(cls, "__origin__", None) is tuple and args[1:] == (...,)


@functools.cache
def converter() -> cattrs.Converter:
    """The converter, configured once on first use (not at import).

    cattrs itself loads only here: well-formed data takes the fast path and
    never needs it.
    """
    import cattrs  # noqa: PLC0415
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn  # noqa: PLC0415

    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _strict_str)
    conv.register_structure_hook(bool, _strict_bool)
    conv.register_structure_hook(int, _strict_int)
    conv.register_structure_hook(float, _strict_float)
    conv.register_structure_hook_func(lambda t: t == frozenset[Modality], _modalities)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook(conv))
    conv.register_structure_hook_func(
        lambda t: t == Mapping[str, str], _structure_sources
    )
    conv.register_unstructure_hook(SourceIds, dict)
    conv.register_unstructure_hook_func(
        lambda t: t == frozenset[Modality], lambda value: sorted(m.value for m in value)
    )
    conv.register_unstructure_hook_factory(
        lambda cls: attrs.has(cls) and issubclass(cls, Entity | Citation),
        lambda cls: make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True),
    )
    conv.register_structure_hook_factory(
        lambda cls: attrs.has(cls) and issubclass(cls, Entity | Citation),
        lambda cls: make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
        ),
    )
    return conv


def entity_to_data(entity: Entity, kinds: KindRegistry | None = None) -> dict[str, Any]:
    """Plain data for *entity*: its kind, then every field not at its default."""
    registry = kinds or default_kinds()
    data: dict[str, Any] = {"kind": registry.name_of(type(entity))}
    data.update(converter().unstructure(entity, type(entity)))
    return data


def data_to_entity(
    data: object,
    path: str,
    *,
    base: type[Entity] = Entity,
    kinds: KindRegistry | None = None,
    file: str | None = None,
) -> Entity | list[Problem]:
    """Structure one entity, or return every problem with its path."""
    registry = kinds or default_kinds()
    if not isinstance(data, dict):
        return [Problem(f"expected a table (mapping), got {_name(data)}", path, file)]
    kind = data.get("kind")
    if kind is None:
        known = ", ".join(
            n for n in registry.names() if issubclass(registry.cls(n), base)
        )
        return [Problem(f"missing 'kind' (one of: {known})", f"{path}.kind", file)]
    if not isinstance(kind, str):
        return [Problem(f"kind must be a string, got {kind!r}", f"{path}.kind", file)]
    try:
        cls = registry.cls(kind)
    except UnknownKindError as exc:
        return [Problem(str(exc), f"{path}.kind", file)]
    if not issubclass(cls, base):
        return [
            Problem(
                f"a {kind!r} does not belong in this list "
                f"(it holds {base.KIND} entities)",
                f"{path}.kind",
                file,
            )
        ]
    fast = _fast_entity(cls, data)
    if fast is not None:
        return fast
    fields = {k: v for k, v in data.items() if k != "kind"}
    structure = converter().structure
    try:
        return structure(fields, cls)
    except Exception as exc:  # noqa: BLE001  # every failure becomes a Problem
        return [Problem(message, where, file) for message, where in _explain(exc, path)]


# The fast path: built-in entity classes validate every field themselves
# (types, slugs, dates, modalities), so well-formed data is built straight
# through their __init__; only lists must be checked to be lists (the
# classes accept a lone string). Anything unusual falls back to the detailed
# cattrs path, which reports every problem with its path.
_FAST_CLASSES = (
    AIModel,
    Category,
    JobType,
    Organization,
    Section,
    Technique,
    Trend,
    UseCase,
)
_CITATION_FIELDS = frozenset(f.name for f in attrs.fields(Citation))


_FAST_SPECS: dict[type, tuple[frozenset[str], frozenset[str]]] = {}


def _fast_spec(cls: type[Entity]) -> tuple[frozenset[str], frozenset[str]]:
    """The field names of *cls*, and those that hold lists; computed once."""
    found = _FAST_SPECS.get(cls)
    if found is None:
        fields = attrs.fields(cls)
        names = frozenset(f.name for f in fields)
        lists = frozenset(
            f.name for f in fields if str(f.type).startswith(("tuple[", "frozenset["))
        )
        found = _FAST_SPECS[cls] = (names, lists)
    return found


def _fast_entity(cls: type[Entity], data: dict[str, Any]) -> Entity | None:
    if cls.__module__ != _BUILTIN_MODULE or not issubclass(cls, _FAST_CLASSES):
        return None  # user classes may have fields nothing validates
    names, lists = _fast_spec(cls)
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key == "kind":
            continue
        if key not in names or (key in lists and type(value) is not list):
            return None
        if key == "provenance":
            citations = _fast_citations(value)
            if citations is None:
                return None
            kwargs[key] = citations
        else:
            kwargs[key] = value
    try:
        return cls(**kwargs)
    except (AITaxonomyError, TypeError, ValueError):
        return None


def _fast_citations(items: list[Any]) -> tuple[Citation, ...] | None:
    citations = []
    for item in items:
        if type(item) is not dict or not _CITATION_FIELDS.issuperset(item):
            return None
        covers = item.get("covers")
        if covers is not None and type(covers) is not list:
            return None
        try:
            citations.append(Citation(**item))
        except (AITaxonomyError, TypeError, ValueError):
            return None
    return tuple(citations)


_BUILTIN_MODULE = AIModel.__module__


def _structure_sources(value: Any, _: object) -> SourceIds:
    """A model's sources, checked and worded by the entity's own converter."""
    try:
        return _source_ids(value)
    except InvalidEntityError as exc:
        # cattrs' path already ends at the field: the message alone is wanted
        raise InvalidEntityError(str(exc)) from None


def _explain(
    exc: BaseException, path: str, cls: object = None
) -> Iterator[tuple[str, str]]:
    """Walk cattrs' exception groups, yielding ``(message, path)`` pairs.

    *cls* is the type the value at *path* was to become, when cattrs' note
    names one.
    """
    from cattrs.errors import (  # noqa: PLC0415
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
        IterableValidationNote,
    )

    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            if isinstance(note, IterableValidationNote):
                where = f"{path}[{note.index!r}]"
            else:
                where = f"{path}.{note.name}"
            yield from _explain(sub, where, getattr(note, "type", None))
        # an error with no note was raised while building the instance (the
        # class's own validators), not while reading a field: no type to name
        for sub in without:
            yield from _explain(sub, path)
        return
    if isinstance(exc, InvalidEntityError) and exc.field is not None:
        yield str(exc), f"{path}.{exc.field}"
    elif isinstance(exc, AITaxonomyError):
        yield str(exc), path
    elif isinstance(exc, ForbiddenExtraKeysError):
        known = [f.name for f in attrs.fields(exc.cl)] if attrs.has(exc.cl) else []
        for key in sorted(exc.extra_fields):
            yield (
                f"unknown key {key!r}{did_you_mean(suggest(key, known))}",
                f"{path}.{key}",
            )
    elif isinstance(exc, KeyError):
        yield "required field missing", path
    elif isinstance(exc, AttributeError | TypeError) and _is_table(cls):
        yield f"expected a table (mapping) for {_type_name(cls)}", path
    else:
        yield f"invalid value ({exc})", path


def _is_table(cls: object) -> bool:
    """Whether *cls* is read from a table: an attrs class or a mapping type."""
    if isinstance(cls, type) and attrs.has(cls):
        return True
    origin = get_origin(cls)
    return isinstance(origin, type) and issubclass(origin, Mapping)


def _type_name(cls: object) -> str:
    return cls.__name__ if isinstance(cls, type) else str(cls)


def document_to_entities(
    document: object,
    *,
    file: str | None = None,
    kinds: KindRegistry | None = None,
) -> tuple[list[Entity], list[Problem]]:
    """Structure a whole catalog document; return the entities and every problem."""
    if not isinstance(document, dict):
        return [], [
            Problem(f"expected a table at the top, got {_name(document)}", "$", file)
        ]
    problems = _check_version(document.get("format"), file)
    if "kind" in document:  # one entity per file, models.dev style
        single = {k: v for k, v in document.items() if k != "format"}
        result = data_to_entity(single, "$", kinds=kinds, file=file)
        if isinstance(result, list):
            return [], [*problems, *result]
        return [result], problems
    entities: list[Entity] = []
    for key, value in document.items():
        if key == "format":
            continue
        base = GROUPS.get(key)
        if base is None:
            hint = did_you_mean(suggest(key, [*GROUPS, "format"]))
            problems.append(Problem(f"unknown key {key!r}{hint}", f"$.{key}", file))
            continue
        if not isinstance(value, list):
            problems.append(
                Problem(
                    f"expected a list of tables, got {_name(value)}", f"$.{key}", file
                )
            )
            continue
        for index, item in enumerate(value):
            result = data_to_entity(
                item, f"$.{key}[{index}]", base=base, kinds=kinds, file=file
            )
            if isinstance(result, list):
                problems.extend(result)
            else:
                entities.append(result)
    return entities, problems


def _check_version(version: object, file: str | None) -> list[Problem]:
    if version is None:
        return [
            Problem(
                f"missing 'format' (this release reads format {FORMAT_VERSION})",
                "$.format",
                file,
            )
        ]
    if isinstance(version, bool) or not isinstance(version, int):
        return [
            Problem(f"format must be an integer, got {version!r}", "$.format", file)
        ]
    if version > FORMAT_VERSION:
        return [
            Problem(
                f"format {version} is newer than this release reads "
                f"({FORMAT_VERSION}); upgrade aitaxonomy",
                "$.format",
                file,
            )
        ]
    if version < 1:
        return [Problem(f"unknown format {version}", "$.format", file)]
    return []


def entities_to_document(
    entities: Iterator[Entity] | list[Entity], kinds: KindRegistry | None = None
) -> dict[str, Any]:
    """A catalog document for *entities*, grouped and sorted by id for stable diffs."""
    grouped: dict[str, list[Entity]] = {key: [] for key in GROUPS}
    for entity in entities:
        for key, base in GROUPS.items():
            if isinstance(entity, base):
                grouped[key].append(entity)
                break
    document: dict[str, Any] = {"format": FORMAT_VERSION}
    for key, members in grouped.items():
        if members:
            document[key] = [
                entity_to_data(e, kinds) for e in sorted(members, key=lambda e: e.id)
            ]
    return document
