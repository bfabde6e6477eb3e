"""Structuring well-formed catalog data fast: column by column, then built once per row.

A catalog is mostly well-formed, and most of it repeats: thousands of models
with the same organisation, modalities and techniques. So the tables of one
kind are read a field at a time: each field's values are pulled out in one
pass and checked together, with the rule its attrs validator applies (ids
are slugs, dates are dates, lists hold strings...), mostly by built-in
functions over the whole column (the set of types in it, the distinct
values), so that a value repeated a thousand times is matched once. Then a
function generated once per class sets each instance's fields.

This path only *accepts*: on anything unusual (a wrong type, a forgiving
spelling, an unknown key, a broken rule, a repeated key) it returns
``None``, and the caller structures the document again the detailed way,
which reports every problem with its path (:mod:`aitaxonomy._convert`). It
never accepts what the classes' own ``__init__`` would reject, and it builds
the values their converters would, so both paths give equal entities;
``tests/test_convert.py`` holds them to that.

Tables may be dicts, or tuples of ``(key, value)`` pairs as ``json.loads``
gives them with ``object_pairs_hook=tuple``: that costs the parser almost
nothing, keeps every key, and a table whose dict is shorter than its pairs
named a key twice (:mod:`aitaxonomy._files` relies on it). Tables of pairs
that name the same keys in the same order, as a program writes them, are
turned into columns with no dict made at all.
"""

from __future__ import annotations

import math
import threading
from itertools import chain, compress, islice, repeat
from operator import attrgetter, is_, is_not, itemgetter, not_
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from ._convert import _FAST_CLASSES, FORMAT_VERSION, GROUPS
from ._entities import LLM, Citation, Entity, GenAI, _citations
from ._fields import (
    _DATE,
    _ID,
    CAPABILITIES,
    MAX_ID_LENGTH,
    MAX_PARAMETERS,
    SourceIds,
    _source_ids,
    _strings,
    _valid_bool,
    _valid_capabilities,
    _valid_count,
    _valid_date,
    _valid_flag,
    _valid_id,
    _valid_ids,
    _valid_name,
    _valid_number,
    _valid_optional_id,
    _valid_optional_text,
    _valid_price,
    _valid_text,
    _valid_texts,
)
from ._modality import _BY_VALUE, Modality, to_modalities
from .errors import AITaxonomyError

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

    from ._kinds import KindRegistry

__all__ = ["Seen", "fast_document"]


class Seen:
    """Strings one load has already found to be valid slugs, and valid dates."""

    __slots__ = ("dates", "slugs")

    def __init__(self) -> None:
        self.slugs: set[str] = set()
        self.dates: set[str] = set()


# Values a lookup gives for an absent key, where the key's default would not do.
_EMPTY: list[Any] = []  # list fields: converts to their default, ()
_ABSENT = object()  # modality fields, whose default may be non-empty (LLM)
_NONE = type(None)


def _types(column: Sequence[Any]) -> set[type]:
    return set(map(type, column))


def _slugs(values: Iterable[object], seen: Seen) -> bool:
    known = seen.slugs
    for value in values:
        if value in known:
            continue
        if (
            type(value) is not str
            or len(value) > MAX_ID_LENGTH
            or not _ID.fullmatch(value)
        ):
            return False
        known.add(value)
    return True


def _own_ids(column: Sequence[Any], _: Field, _seen: Seen) -> Sequence[Any] | None:
    # Unique per entity: matched one by one, not remembered.
    if _types(column) != {str}:
        return None
    if max(map(len, column)) > MAX_ID_LENGTH or not all(map(_ID.fullmatch, column)):
        return None
    return column


def _ids(column: Sequence[Any], _: Field, seen: Seen) -> Sequence[Any] | None:
    if _types(column) != {str} or not _slugs(set(column), seen):
        return None
    return column


def _optional_ids(column: Sequence[Any], _: Field, seen: Seen) -> Sequence[Any] | None:
    if not _types(column) <= {str, _NONE}:
        return None
    values = set(column)
    values.discard(None)
    return column if _slugs(values, seen) else None


def _id_lists(column: Sequence[Any], _: Field, seen: Seen) -> Sequence[Any] | None:
    if _types(column) != {list}:
        return None
    shared, distinct = _shared(column)  # TypeError: an unhashable item
    if not _slugs(set(chain.from_iterable(distinct)), seen):
        return None
    if any(len(set(ids)) != len(ids) for ids in distinct):
        return None  # an id listed twice
    return shared


def _shared(
    lists: Sequence[list[Any]],
) -> tuple[list[tuple[Any, ...]], Collection[tuple[Any, ...]]]:
    """*lists* as tuples, and the distinct ones, which are all there is to check.

    Equal tuples are one object: less memory, and less for the collector to walk.
    """
    tuples = list(map(tuple, lists))
    first: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    return list(map(first.setdefault, tuples, tuples)), first.keys()


def _writable(texts: Iterable[str]) -> bool:
    """Whether no text holds a lone surrogate, which no UTF-8 file can hold.

    The close look words the problem (:func:`~aitaxonomy._fields._check_writable`).
    All the texts are joined: ASCII, nearly all text, is cleared by one flag,
    and UTF-8 refuses every surrogate, so two halves side by side do not pass.
    """
    joined = "".join(texts)
    if joined.isascii():
        return True
    try:
        joined.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _texts(column: Sequence[Any], _: Field, _seen: Seen) -> Sequence[Any] | None:
    if _types(column) != {list}:
        return None
    shared, distinct = _shared(column)  # TypeError: an unhashable item
    items = set(chain.from_iterable(distinct))
    for item in items:
        if type(item) is not str or not item.strip():
            return None
    return shared if _writable(items) else None


def _text(column: Sequence[Any], _: Field, _seen: Seen) -> Sequence[Any] | None:
    return column if _types(column) == {str} and _writable(column) else None


def _optional_text(
    column: Sequence[Any], _: Field, _seen: Seen
) -> Sequence[Any] | None:
    if not _types(column) <= {str, _NONE}:
        return None
    return column if _writable(filter(None, column)) else None


def _name(column: Sequence[Any], _: Field, _seen: Seen) -> Sequence[Any] | None:
    if _types(column) != {str} or not all(map(str.strip, column)):
        return None
    return column if _writable(column) else None


def _dates(column: Sequence[Any], _: Field, seen: Seen) -> Sequence[Any] | None:
    if not _types(column) <= {str, _NONE}:
        return None
    known = seen.dates
    for value in set(column):
        if value is None or value in known:
            continue
        if not _DATE.fullmatch(value):
            return None
        known.add(value)
    return column


def _flags(column: Sequence[Any], _: Field, _seen: Seen) -> Sequence[Any] | None:
    return column if _types(column) <= {bool, _NONE} else None


def _bools(column: Sequence[Any], _: Field, _seen: Seen) -> Sequence[Any] | None:
    return column if _types(column) == {bool} else None


def _counts(column: Sequence[Any], _: Field, _seen: Seen) -> Sequence[Any] | None:
    if not _types(column) <= {int, _NONE} or 0 in column:
        return None
    given = list(filter(None, column))
    if given and (min(given) <= 0 or max(given) > MAX_PARAMETERS):
        return None
    return column


def _numbers(column: Sequence[Any], _: Field, _seen: Seen) -> Sequence[Any] | None:
    return column if _types(column) == {int} else None


def _modalities(
    column: Sequence[Any], field: Field, _seen: Seen
) -> Sequence[Any] | None:
    types = _types(column)
    if not types <= {list, object}:
        return None
    if object in types:  # an absent key, which reads as the field's default
        keys = [value if value is _ABSENT else tuple(value) for value in column]
    else:
        keys = list(map(tuple, column))
    made: dict[object, frozenset[Modality]] = {}
    for key in set(keys):  # TypeError: an unhashable item
        if key is _ABSENT:
            made[key] = field.default
        else:
            try:
                made[key] = frozenset([_BY_VALUE[item] for item in key])  # type: ignore[attr-defined]
            except KeyError:
                return None  # a forgiving spelling: the detailed path parses it
    return list(map(made.__getitem__, keys))


def _prices(column: Sequence[Any], _: Field, _seen: Seen) -> Sequence[Any] | None:
    if not _types(column) <= {int, float, _NONE}:
        return None
    given = [v for v in column if v is not None]
    if given and (min(given) < 0 or not all(map(math.isfinite, given))):
        return None
    return column


def _capability_lists(
    column: Sequence[Any], _: Field, _seen: Seen
) -> Sequence[Any] | None:
    if _types(column) != {list}:
        return None
    shared, distinct = _shared(column)  # TypeError: an unhashable item
    if not set(chain.from_iterable(distinct)) <= _CAPABILITIES:
        return None
    if any(len(set(names)) != len(names) for names in distinct):
        return None  # a capability listed twice
    return shared


_CAPABILITIES = frozenset(CAPABILITIES)


def _source_id_maps(
    column: Sequence[Any], field: Field, _seen: Seen
) -> Sequence[Any] | None:
    """Tables of catalog name to id (JSON read with pairs kept: tuples of pairs)."""
    made: list[Any] = []
    for value in column:
        if value is field.default:
            made.append(value)
            continue
        kind = type(value)
        table = dict(value) if kind is tuple else value if kind is dict else None
        if table is None or (kind is tuple and len(table) != len(value)):
            return None  # not a table, or a name given twice
        try:
            made.append(SourceIds(table) if table else field.default)
        except AITaxonomyError:
            return None  # the detailed path words the problem
    return made


def _citation_lists(
    column: Sequence[Any], _: Field, seen: Seen
) -> Sequence[Any] | None:
    if _types(column) != {list}:
        return None
    built = _tables(list(chain.from_iterable(column)), Citation, seen)
    if built is None:
        return None
    sizes = list(map(len, column))
    if set(sizes) == {1}:  # the common case: one citation each
        return list(zip(built))
    items = iter(built)
    return [tuple(islice(items, size)) if size else () for size in sizes]


class Field(NamedTuple):
    """How one field is read: its name, the value an absent key gives, its check."""

    name: str
    absent: object
    check: Callable[[Sequence[Any], Field, Seen], Sequence[Any] | None]
    required: bool
    default: Any


# Each rule, by the field's (converter, validator): what an absent key reads
# as (None means the key is required, or the default is None), and the check.
_RULES: dict[tuple[object, object], tuple[str, Callable[..., Sequence[Any] | None]]] = {
    (None, _valid_id): ("none", _ids),
    (None, _valid_optional_id): ("none", _optional_ids),
    (_strings, _valid_ids): ("empty", _id_lists),
    (None, _valid_text): ("default", _text),
    (None, _valid_optional_text): ("none", _optional_text),
    (None, _valid_name): ("none", _name),
    (_strings, _valid_texts): ("empty", _texts),
    (None, _valid_date): ("none", _dates),
    (None, _valid_flag): ("none", _flags),
    (None, _valid_bool): ("default", _bools),
    (None, _valid_count): ("none", _counts),
    (None, _valid_number): ("default", _numbers),
    (to_modalities, None): ("absent", _modalities),
    (_citations, None): ("empty", _citation_lists),
    (None, _valid_price): ("none", _prices),
    (_strings, _valid_capabilities): ("empty", _capability_lists),
    (_source_ids, None): ("default", _source_id_maps),
}


class Spec(NamedTuple):
    """A class's fields as read from tables, and the function that builds one."""

    allowed: frozenset[str]
    fields: tuple[Field, ...]
    build: Callable[..., Any]
    post_init: Callable[[Any], None] | None


def _field(field: attrs.Attribute[Any]) -> Field | None:
    rule = _RULES.get((field.converter, field.validator))
    if rule is None or not field.init or field.alias != field.name:
        return None
    absent_as, check = rule
    default = field.default
    required = default is attrs.NOTHING
    if not required:
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            return None
        # attrs converts defaults too; a default must be its own conversion.
        if field.converter is not None and field.converter(default) != default:  # type: ignore[operator]
            return None
    if field.name == "id" and check is _ids:
        check = _own_ids
    # A required field reads an absent key as None, which its check rejects.
    absent = (
        None
        if required
        else {
            "none": None,
            "empty": _EMPTY,
            "default": default,
            "absent": _ABSENT,
        }[absent_as]
    )
    if absent is None and not required and default is not None:
        return None
    return Field(field.name, absent, check, required, default)


def _spec(cls: type) -> Spec | None:
    fields = []
    for attribute in attrs.fields(cls):
        field = _field(attribute)
        if field is None:
            return None
        fields.append(field)
    names = [f.name for f in fields]
    args = ", ".join(f"f{i}" for i in range(len(names)))
    lines = [f"def build({args}):", "    o = _Building()"]
    lines.extend(f"    o.{name} = f{i}" for i, name in enumerate(names))
    lines.extend(["    o.__class__ = _cls", "    return o"])
    namespace: dict[str, Any] = {"_Building": _building(cls), "_cls": cls}
    source = "\n".join(lines) + "\n"
    exec(compile(source, f"<aitaxonomy build {cls.__qualname__}>", "exec"), namespace)  # noqa: S102
    allowed = frozenset(names) if cls is Citation else frozenset([*names, "kind"])
    post_init = getattr(cls, "__attrs_post_init__", None)
    return Spec(allowed, tuple(fields), namespace["build"], post_init)


def _building(cls: type) -> type:
    """A mutable twin of the frozen *cls*, with the same memory layout.

    A field of a frozen slotted class can only be set by calling
    ``object.__setattr__``, a slow generic call, once per field. The twin
    is a subclass that adds no slots and restores plain attribute setting
    (both ``__setattr__`` and ``__delattr__``, or Python would still route
    stores through a Python-level hook), so the builder sets each slot with
    a plain store, then makes the instance a *cls* by assigning
    ``__class__``: Python allows that between classes of one layout, and
    the result is an ordinary, frozen *cls* instance.
    """
    return type(
        f"_Building{cls.__name__}",
        (cls,),
        {
            "__slots__": (),
            "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__,
            "__init__": object.__init__,
            "__module__": __name__,
        },
    )


_lock = threading.Lock()
_specs: dict[type, Spec | None] = {}


def _spec_of(cls: type) -> Spec | None:
    found = _specs.get(cls, _ABSENT)
    if found is _ABSENT:
        with _lock:
            eligible = cls is Citation or (
                cls.__module__ == Entity.__module__ and issubclass(cls, _FAST_CLASSES)
            )
            found = _specs[cls] = _spec(cls) if eligible else None
    return found  # type: ignore[return-value]


def _as_dicts(tables: list[Any]) -> list[dict[str, Any]] | None:
    """Tables (dicts or tuples of pairs) as dicts.

    ``None`` if one is not a table, or names a key twice.
    """
    types = _types(tables)
    if types == {dict}:
        return tables
    if not types <= {dict, tuple}:
        return None
    dicts = list(map(dict, tables))
    if sum(map(len, dicts)) != sum(map(len, tables)):
        return None
    return dicts


def _tables(tables: list[Any], cls: type, seen: Seen) -> list[Any] | None:
    """Instances of *cls* for *tables*, in order; ``None`` when any is unusual."""
    if not tables:
        return []
    spec = _spec_of(cls)
    table = _columns(tables) if spec is not None else None
    if spec is None or table is None:
        return None
    return _rows(table, spec, seen)


class Table(NamedTuple):
    """Tables of one list read a key at a time: each key named, and its values.

    A key that some tables leave out is in *gaps*, and its column holds
    :data:`_MISSING` there. The columns of the keys in *checked* hold values
    checked and converted already.
    """

    columns: dict[str, Sequence[Any]]
    size: int
    gaps: frozenset[str]
    checked: frozenset[str] = frozenset()


_MISSING = object()


def _columns(tables: list[Any]) -> Table | None:
    """*tables* (dicts or tuples of pairs) as columns, by key.

    ``None`` if one is not a table, or names a key twice.
    """
    size = len(tables)
    if _types(tables) == {tuple}:
        uniform = _uniform(tables)
        if uniform is not None:
            return Table(uniform, size, frozenset())
    rows = _as_dicts(tables)
    if rows is None:
        return None
    keys: set[str] = set()
    keys.update(*rows)
    columns: dict[str, Sequence[Any]] = {
        key: list(map(dict.get, rows, repeat(key, size), repeat(_MISSING, size)))
        for key in keys
    }
    if sum(map(len, rows)) == size * len(keys):
        return Table(columns, size, frozenset())
    return Table(columns, size, _gaps(columns, keys))


def _gaps(columns: dict[str, Sequence[Any]], keys: Iterable[str]) -> frozenset[str]:
    return frozenset(
        key for key in keys if any(map(is_, columns[key], repeat(_MISSING)))
    )


def _uniform(tables: list[tuple[Any, ...]]) -> dict[str, Sequence[Any]] | None:
    """Tuples of pairs that all name the same keys in the same order, as columns.

    Data written by a program nearly always is: one transposition then gives
    every column, with no dict made per table. ``None`` if they differ.
    """
    if len(set(map(len, tables))) != 1:
        return None
    columns: dict[str, Sequence[Any]] = {}
    try:
        for pairs in zip(*tables, strict=True):
            keys, values = zip(*pairs, strict=True)
            names = set(keys)
            if len(names) != 1:
                return None
            (key,) = names
            if key in columns:
                return None  # named twice: the detailed path reports it
            columns[key] = values
    except (TypeError, ValueError):  # not pairs
        return None
    return columns


def _part(table: Table, start: int, end: int) -> Table:
    """Tables *start* to *end*, as columns; a key they all leave out is dropped."""
    columns = {key: column[start:end] for key, column in table.columns.items()}
    size = end - start
    for key in table.gaps:
        if columns[key].count(_MISSING) == size:
            del columns[key]
    gaps = _gaps(columns, table.gaps & columns.keys())
    return Table(columns, size, gaps, table.checked)


def _checked_once(table: Table, specs: Iterable[Spec], seen: Seen) -> Table | None:
    """*table* with each column that all *specs* check alike checked once, for all.

    A check accepts a column when it accepts each value (the distinct ones,
    mostly), and converts each value alone, reading its field only for an
    absent key: so a column with no gap passes for every class exactly when
    each class's share of it does, into the same values. A list of several
    kinds is then checked as one, not once per kind.
    """
    named = [{field.name: field for field in spec.fields} for spec in specs]
    columns = dict(table.columns)
    checked = set(table.checked)
    try:
        for key, column in table.columns.items():
            fields = [by_name.get(key) for by_name in named]
            checks = {None if field is None else field.check for field in fields}
            if key in table.gaps or key in checked or len(checks) != 1:
                continue
            field = fields[0]
            if field is None:
                continue
            found = field.check(column, field, seen)
            if found is None:
                return None
            columns[key] = found
            checked.add(key)
    except TypeError:  # an unhashable value where a hashable one belongs
        return None
    return Table(columns, table.size, table.gaps, frozenset(checked))


def _rows(table: Table, spec: Spec, seen: Seen) -> list[Any] | None:
    columns, size, gaps, done = table
    if not columns.keys() <= spec.allowed:
        return None
    built_columns: list[Sequence[Any]] = []
    try:
        for field in spec.fields:
            column = columns.get(field.name)
            if column is None:
                if field.required:
                    return None
                built_columns.append([field.default] * size)
                continue
            if field.name in done:
                built_columns.append(column)
                continue
            if field.name in gaps:
                column = [field.absent if v is _MISSING else v for v in column]
            checked = field.check(column, field, seen)
            if checked is None:
                return None
            built_columns.append(checked)
    except TypeError:  # an unhashable value where a hashable one belongs
        return None
    built = list(map(spec.build, *built_columns))
    post_init = spec.post_init
    if post_init is _CITATION_RULES:
        names = (field.name for field in spec.fields)
        if _citations_pass(dict(zip(names, built_columns, strict=True))):
            post_init = None
    if post_init is not None:
        sample: Iterable[Any] = built
        if post_init in _BY_MODALITIES:
            pairs = map(_MODALITIES_OF, built)
            sample = dict(zip(pairs, built, strict=True)).values()
        try:
            for entity in sample:
                post_init(entity)
        except (AITaxonomyError, TypeError, ValueError):
            return None
    return built


# Post-init checks that read nothing but the model's modalities (and its id,
# to name it in the message): one model of each pair of modalities answers
# for all. A test holds each of them to that.
_BY_MODALITIES = (GenAI.__attrs_post_init__, LLM.__attrs_post_init__)
_MODALITIES_OF = attrgetter("input_modalities", "output_modalities")

# A citation's own rules read three of its fields: proved for a whole list
# at once, they need no Python call per citation.
_CITATION_RULES = Citation.__attrs_post_init__


def _citations_pass(columns: Mapping[str, Sequence[Any]]) -> bool:
    """Whether citations of these *columns* keep their class's rules, proved at once.

    ``True`` is a proof (a test holds it to the class's own check); ``False``
    leaves each citation to that check, which words the problem.
    """
    urls = columns["url"]
    cited = list(map(is_not, urls, repeat(None)))
    if not all(map(str.startswith, compress(urls, cited), repeat("https://"))):
        return False
    dates = compress(columns["as_of"], cited)
    sections = compress(columns["section"], map(not_, cited))
    return None not in dates and None not in sections


def _group(
    tables: list[Any], base: type[Entity], kinds: KindRegistry, seen: Seen
) -> list[Entity] | None:
    """The entities of one group's list, in order, or ``None``."""
    if not tables:
        return []
    table = _columns(tables)
    names = None if table is None else table.columns.get("kind")
    if table is None or names is None:
        return None
    try:
        distinct = set(names)
    except TypeError:
        return None
    specs = {}
    for name in distinct:
        if type(name) is not str or name not in kinds:
            return None
        cls = kinds.cls(name)
        spec = _spec_of(cls) if issubclass(cls, base) else None
        if spec is None:
            return None
        specs[name] = spec
    if len(specs) == 1:
        (spec,) = specs.values()
        return _rows(table, spec, seen)
    return _mixed(table, names, specs, seen)


def _mixed(
    table: Table, names: Sequence[Any], specs: dict[str, Spec], seen: Seen
) -> list[Any] | None:
    """The entities of a list naming several kinds (*names*), in order, or ``None``."""
    shared = _checked_once(table, specs.values(), seen)
    if shared is None:
        return None
    # Each kind's tables side by side, in their order (the sort is stable),
    # so that each kind's share of a column is one slice. Two kinds at
    # least: the picker gives tuples.
    order = sorted(range(table.size), key=names.__getitem__)
    pick = itemgetter(*order)
    grouped = Table(
        {key: pick(column) for key, column in shared.columns.items()},
        table.size,
        shared.gaps,
        shared.checked,
    )
    grouped_names = pick(names)
    entities: list[Any] = [None] * table.size
    start = 0
    for name in sorted(specs):  # the order of the sort
        end = start + grouped_names.count(name)
        built = _rows(_part(grouped, start, end), specs[name], seen)
        if built is None:
            return None
        for position, entity in zip(order[start:end], built, strict=True):
            entities[position] = entity
        start = end
    return entities


def fast_document(
    document: object, kinds: KindRegistry
) -> tuple[dict[str, Any], list[Entity]] | None:
    """A well-formed *document* as a dict, and its entities; ``None`` if unusual.

    The caller then structures it the detailed way (and, for JSON, parses it
    again with the duplicate-key hook, so that errors come out as before).
    """
    if attrs.validators.get_disabled():
        return None  # the classes check nothing then; neither may this path
    tables = _as_dicts([document])
    if tables is None:
        return None
    top = tables[0]
    version = top.get("format")
    if type(version) is not int or not 1 <= version <= FORMAT_VERSION:
        return None
    seen = Seen()
    if "kind" in top:  # one entity per file
        single = {k: v for k, v in top.items() if k != "format"}
        found = _group([single], Entity, kinds, seen)
        return None if found is None else (top, found)
    entities: list[Entity] = []
    for key, value in top.items():
        if key == "format":
            continue
        base = GROUPS.get(key)
        if base is None or type(value) is not list:
            return None
        found = _group(value, base, kinds, seen)
        if found is None:
            return None
        entities.extend(found)
    return top, entities


def fast_documents(documents: list[object], kinds: KindRegistry) -> list[Entity] | None:
    """The entities of several well-formed documents, in order; ``None`` if unusual.

    One call for all, so that a directory of one-entity files (the packaged
    catalog) is read a column at a time like one long list, not file by file.
    """
    if attrs.validators.get_disabled():
        return None
    tables: dict[type[Entity], list[Any]] = {}
    places: dict[type[Entity], list[int]] = {}
    count = 0
    for document in documents:
        top = _as_dicts([document])
        if top is None:
            return None
        version = top[0].get("format")
        if type(version) is not int or not 1 <= version <= FORMAT_VERSION:
            return None
        if "kind" in top[0]:
            groups: Iterable[tuple[type[Entity], list[Any]]] = [
                (Entity, [{k: v for k, v in top[0].items() if k != "format"}])
            ]
        else:
            groups = []
            for key, value in top[0].items():
                if key == "format":
                    continue
                base = GROUPS.get(key)
                if base is None or type(value) is not list:
                    return None
                groups.append((base, value))
        for base, value in groups:
            tables.setdefault(base, []).extend(value)
            places.setdefault(base, []).extend(range(count, count + len(value)))
            count += len(value)
    entities: list[Any] = [None] * count
    seen = Seen()
    for base, members in tables.items():
        found = _group(members, base, kinds, seen)
        if found is None:
            return None
        for position, entity in zip(places[base], found, strict=True):
            entities[position] = entity
    return entities
