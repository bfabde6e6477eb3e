"""The taxonomy: an immutable, validated, indexed set of entities."""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections import defaultdict
from itertools import chain, compress, repeat
from operator import attrgetter, is_
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, cast, overload

import attrs

from ._entities import (
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
    link_path,
    linked,
    price_of,
)
from ._errors import Location, article, shown, suggest
from ._fields import _DATE, Link, links
from ._jobs import JobLinker, can_do
from ._kinds import KindRegistry, default_kinds
from ._modality import Modality, ModalityInput, modalities_argument
from .errors import (
    ArgumentTypeError,
    InvalidArgumentError,
    Problem,
    TaxonomyError,
    UnknownIdError,
)

if TYPE_CHECKING:
    from collections.abc import (
        Callable,
        Container,
        Iterable,
        Iterator,
        Mapping,
        Sequence,
    )

    Locations = Sequence[Location | None]


__all__ = ["Comparison", "Taxonomy", "check"]

E = TypeVar("E", bound=Entity)

# The comparison table's rows, in the article's order: (label, Category field).
COMPARISON_ROWS: tuple[tuple[str, str], ...] = (
    ("Primary function", "primary_function"),
    ("Output formats", "output_formats"),
    ("Training data", "training_data"),
    ("Use cases", "typical_uses"),
    ("Examples", "examples"),
)


@attrs.frozen
class Comparison:
    """Categories side by side, row by row, as the article's comparison table.

    Attributes:
        categories: The categories compared, in column order.
        rows: ``(feature, values)`` pairs, one value per category.

    Example:
        >>> import aitaxonomy as ai
        >>> table = ai.default_taxonomy().comparison("genai", "llm")
        >>> [label for label, _ in table.rows][:2]
        ['Primary function', 'Output formats']
    """

    categories: tuple[Category, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]

    def to_dict(self) -> dict[str, Any]:
        """The table as JSON-ready data: category ids, then one row per feature.

        Example:
            >>> import aitaxonomy as ai
            >>> table = ai.default_taxonomy().comparison().to_dict()
            >>> table["categories"], table["rows"][0]["feature"]
            (['genai', 'llm'], 'Primary function')
        """
        return {
            "categories": [c.id for c in self.categories],
            "rows": [
                {"feature": label, "values": list(values)}
                for label, values in self.rows
            ],
        }

    def __str__(self) -> str:
        header = ("Feature", *(c.name for c in self.categories))
        lines = [header, *((label, *values) for label, values in self.rows)]
        widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
        out = [
            " | ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True))
            for line in lines
        ]
        out.insert(1, "-+-".join("-" * w for w in widths))
        return "\n".join(s.rstrip() for s in out)


class _Index(NamedTuple):
    """Lookups built once per taxonomy, on the first query that needs them.

    A NamedTuple, not an attrs class: it is private, and cheaper to define at
    import.
    """

    names: Mapping[str, str]
    by_kind: Mapping[type[Entity], tuple[Entity, ...]]
    category_ancestors: Mapping[str, tuple[str, ...]]
    models: tuple[AIModel, ...]
    model_positions: Mapping[str, int]
    models_by: Mapping[tuple[str, str], frozenset[int]]
    recency: tuple[int, ...]
    """Each model position's place when sorted newest first (undated last), then
    by id: the tie-break of rankings."""
    by_recency: tuple[int, ...]
    """Model positions in that order."""
    job_links: tuple[frozenset[str], ...]
    """Each model position's job types (see :mod:`aitaxonomy._jobs`)."""


class Taxonomy:
    """An immutable, validated set of entities with one shared id space.

    Building one checks every invariant (:func:`check`) and raises
    :class:`~aitaxonomy.TaxonomyError` listing every problem at once. Indices
    for lookups and queries are built on first use, once, under a lock, so a
    taxonomy can be shared freely between threads.

    Args:
        entities: The entities, in the order iteration should give them.

    Raises:
        TaxonomyError: An invariant does not hold.

    Example:
        >>> import aitaxonomy as ai
        >>> tax = ai.article_taxonomy()
        >>> tax["gpt-4"].name
        'GPT-4'
        >>> tax.get("no-such-model") is None
        True
        >>> [m.id for m in tax.models(output="video")]
        ['midjourney', 'sora']
    """

    __slots__ = ("__weakref__", "_by_id", "_hash", "_index", "_lock", "_memo_store")

    _by_id: dict[str, Entity]
    _hash: int | None
    _index: _Index | None
    _lock: threading.Lock
    _memo_store: dict[object, object]

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        try:
            items = tuple(entities)
        except TypeError:
            raise ArgumentTypeError(
                "Taxonomy() takes an iterable of entities, not "
                f"{type(entities).__name__} {shown(entities)}"
            ) from None
        problems = check(items)
        if problems:
            raise TaxonomyError(problems)
        self._set_up(items)

    @classmethod
    def _checked(cls, entities: Sequence[Entity]) -> Taxonomy:
        """A taxonomy of entities that :func:`check` has already passed."""
        new = cls.__new__(cls)
        new._set_up(entities)  # noqa: SLF001
        return new

    def _set_up(self, items: Sequence[Entity]) -> None:
        object.__setattr__(self, "_by_id", {e.id: e for e in items})
        object.__setattr__(self, "_index", None)
        object.__setattr__(self, "_lock", threading.Lock())
        object.__setattr__(self, "_memo_store", {})
        object.__setattr__(self, "_hash", None)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Taxonomy is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Taxonomy is immutable; cannot delete {name!r}")

    # -- container protocol ------------------------------------------------

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._by_id.values())

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Entity):
            return self._by_id.get(item.id) == item
        return isinstance(item, str) and item in self._by_id

    def __getitem__(self, key: str) -> Entity:
        found = self.get(key)
        if found is None:
            if not isinstance(key, str):  # untyped callers; as model(1) says
                raise ArgumentTypeError(
                    f"ids are strings, not {type(key).__name__} {shown(key)}"
                )
            raise UnknownIdError(key, self._suggest(key))
        return found

    def __eq__(self, other: object) -> bool:
        if other is self:  # weak-keyed caches compare a taxonomy with itself
            return True
        if not isinstance(other, Taxonomy):
            return NotImplemented
        return self._by_id == other._by_id

    def __hash__(self) -> int:
        # Immutable, so hashed once: caches keyed by taxonomy look it up often.
        found = self._hash
        if found is None:
            found = hash(frozenset(self._by_id.items()))
            object.__setattr__(self, "_hash", found)
        return found

    def __repr__(self) -> str:
        counts: dict[str, int] = defaultdict(int)
        for entity in self:
            counts[type(entity).KIND] += 1
        inner = ", ".join(f"{kind}={n}" for kind, n in sorted(counts.items()))
        return f"<Taxonomy {len(self)} entities: {inner}>"

    # -- lookups -----------------------------------------------------------

    def get(self, key: str) -> Entity | None:
        """Return the entity with id *key*, or by name or alias; else ``None``.

        Ids match exactly; names and aliases match case-insensitively.

        Example:
            >>> import aitaxonomy as ai
            >>> ai.default_taxonomy().get("DALL·E").id
            'dall-e'
        """
        if not isinstance(key, str):  # untyped callers may pass anything
            return None  # type: ignore[unreachable]
        found = self._by_id.get(key)
        if found is not None:
            return found
        entity_id = self._names_index().get(_fold(key))
        return None if entity_id is None else self._by_id[entity_id]

    def model(self, key: str) -> AIModel:
        """The model with id (or name, or alias) *key*, typed as a model.

        Raises:
            UnknownIdError: No model has that id, name or alias; the message
                says what the id names when it names something else.

        Example:
            >>> import aitaxonomy as ai
            >>> tax = ai.default_taxonomy()
            >>> tax.model("gpt-4").released
            '2023-03-14'
            >>> tax.model("openai")
            Traceback (most recent call last):
            ...
            aitaxonomy.errors.UnknownIdError: 'openai' is an organisation, not a ...
        """
        return self._model(key)

    @overload
    def of_type(self, cls: type[E]) -> tuple[E, ...]: ...
    @overload
    def of_type(self, cls: tuple[type[E], ...]) -> tuple[E, ...]: ...
    def of_type(self, cls: type[E] | tuple[type[E], ...]) -> tuple[E, ...]:
        """Every entity that is an instance of *cls* (subclasses included).

        Raises:
            ArgumentTypeError: *cls* is not a class or a tuple of classes.
        """
        classes = cls if isinstance(cls, tuple) else (cls,)
        given: tuple[object, ...] = classes  # untyped callers may pass anything
        strangers = [c for c in given if not isinstance(c, type)]
        if strangers:
            raise ArgumentTypeError(
                "of_type() takes a class or a tuple of classes, not "
                f"{type(strangers[0]).__name__} {shown(strangers[0])}"
            )
        by_kind = self._get_index().by_kind
        return tuple(
            entity  # type: ignore[misc]  # isinstance holds by construction
            for kind, members in by_kind.items()
            if issubclass(kind, classes)
            for entity in members
        )

    def categories(self) -> tuple[Category, ...]:
        """Every category, root first."""
        ancestors = self._get_index().category_ancestors
        return tuple(sorted(self.of_type(Category), key=lambda c: len(ancestors[c.id])))

    def techniques(self) -> tuple[Technique, ...]:
        """Every technique and concept."""
        return self.of_type(Technique)

    def use_cases(self) -> tuple[UseCase, ...]:
        """Every use case."""
        return self.of_type(UseCase)

    def job_types(self) -> tuple[JobType, ...]:
        """Every job type."""
        return self.of_type(JobType)

    def job_types_of(self, model: AIModel | str) -> tuple[JobType, ...]:
        """The job types a model is linked to, in taxonomy order.

        A model is linked to the job types its data states, to those its use
        cases are instances of (where its modalities fit), and, when it
        states none, to every inferable job type its modalities fit, as a
        generator or not (see :mod:`aitaxonomy._jobs`). An imported
        speech-to-text model is a speech recogniser without saying so.

        Raises:
            UnknownIdError: No model has that id, name or alias.

        Example:
            >>> import aitaxonomy as ai
            >>> tax = ai.default_taxonomy()
            >>> [j.id for j in tax.job_types_of("whisper")]
            ['speech-recognition']
        """
        found = self._model(model)
        index = self._get_index()
        if self._by_id.get(found.id) is found:
            position = index.model_positions[found.id]
            ids = index.job_links[position]
        else:
            ids = JobLinker(
                self.job_types(), {u.id: u for u in self.use_cases()}
            ).links(found)
        return tuple(j for j in self.job_types() if j.id in ids)

    def organizations(self) -> tuple[Organization, ...]:
        """Every organisation."""
        return self.of_type(Organization)

    def trends(self) -> tuple[Trend, ...]:
        """Every trend."""
        return self.of_type(Trend)

    def sections(self) -> tuple[Section, ...]:
        """Every article section, in article order."""
        return tuple(sorted(self.of_type(Section), key=lambda s: s.number))

    def category_of(self, model: AIModel | str) -> Category:
        """The category a model belongs to.

        Raises:
            UnknownIdError: No model has that id, name or alias.
        """
        found = self._model(model)
        category = self[found.category_id]
        assert isinstance(category, Category)  # noqa: S101  # check() guarantees it
        return category

    def category_path(self, category: Category | str) -> tuple[Category, ...]:
        """The category and its ancestors, from the root down to it.

        Raises:
            UnknownIdError: No category has that id, name or alias.

        Example:
            >>> import aitaxonomy as ai
            >>> [c.id for c in ai.default_taxonomy().category_path("llm")]
            ['ai-model', 'genai', 'llm']
        """
        index = self._get_index().category_ancestors
        key = category.id if isinstance(category, Category) else category
        typed = isinstance(key, str)  # untyped callers may pass anything
        ancestors = index.get(key) if typed else None
        if ancestors is None:  # a name, an alias, or an error
            key = self._category(category).id
            ancestors = index.get(key)
            if ancestors is None:  # a category from elsewhere
                raise self._wrong_kind(key, None, Category)
        return tuple(self[c] for c in (*reversed(ancestors), key))  # type: ignore[misc]

    def models(
        self,
        *,
        category: Category | str | None = None,
        output: ModalityInput | None = None,
        input: ModalityInput | None = None,  # noqa: A002
        technique: Technique | str | None = None,
        use_case: UseCase | str | None = None,
        organization: Organization | str | None = None,
        domain: str | None = None,
        job_type: JobType | str | None = None,
    ) -> tuple[AIModel, ...]:
        """Models matching every filter given, in taxonomy order.

        Args:
            category: In this category or one below it (``"genai"`` includes
                LLMs).
            output: Produces each of these modalities (or a kind of it:
                ``"audio"`` matches a music generator).
            input: Accepts each of these modalities.
            technique: Built with this technique or a concept inside it.
            use_case: Suited to this use case.
            organization: Made by this organisation.
            domain: Specialised for this domain.
            job_type: Linked to this job type (see :meth:`job_types_of`).

        Raises:
            UnknownIdError: A filter names an id the taxonomy lacks, or the
                id of another kind of entity (``technique="openai"``).
            ArgumentTypeError: A filter is neither an id nor an entity, or
                *output* or *input* not modalities.
            InvalidArgumentError: *output* or *input* names an unknown
                modality.

        Example:
            >>> import aitaxonomy as ai
            >>> tax = ai.article_taxonomy()
            >>> [m.id for m in tax.models(output="image", technique="diffusion")]
            ['dall-e', 'stable-diffusion']
        """
        index = self._get_index()
        wanted: list[frozenset[int]] = []
        for facet, value, kind in (
            ("category", category, Category),
            ("technique", technique, Technique),
            ("use_case", use_case, UseCase),
            ("organization", organization, Organization),
            ("job_type", job_type, JobType),
        ):
            if value is not None:
                key = self._id_of(value, kind, facet)
                wanted.append(index.models_by.get((facet, key), frozenset()))
        if domain is not None:
            if not isinstance(domain, str):
                raise ArgumentTypeError(
                    f"domain must be a string, not {type(domain).__name__} "
                    f"{shown(domain)}"
                )
            wanted.append(index.models_by.get(("domain", domain), frozenset()))
        for facet, modalities in (("output", output), ("input", input)):
            if modalities is not None:
                wanted.extend(
                    index.models_by.get((facet, m.value), frozenset())
                    for m in modalities_argument(modalities, facet)
                )
        if not wanted:
            return index.models
        models = index.models
        return tuple(models[i] for i in sorted(frozenset.intersection(*wanted)))

    def comparison(self, *categories: Category | str) -> Comparison:
        """The article's comparison table for *categories* (default: GenAI, LLM).

        Raises:
            UnknownIdError: No category has one of the ids, names or aliases.
        """
        chosen = tuple(
            c if isinstance(c, Category) else self._category(c)
            for c in (categories or ("genai", "llm"))
        )
        rows = []
        for label, field in COMPARISON_ROWS:
            values = []
            for category in chosen:
                value = getattr(category, field)
                if field == "examples":
                    value = ", ".join(self[e].name for e in value)
                values.append(value)
            rows.append((label, tuple(values)))
        return Comparison(chosen, tuple(rows))

    def article_examples(self) -> tuple[AIModel, ...]:
        """Models named as examples by a category, use case or technique.

        In the packaged taxonomy these are the article's own examples.
        """
        named: set[str] = set()
        for category in self.of_type(Category):
            named.update(category.examples, category.feature_examples)
        for entity in self.of_type(UseCase):
            named.update(entity.examples)
        for technique in self.of_type(Technique):
            named.update(technique.examples)
        return tuple(m for m in self.of_type(AIModel) if m.id in named)

    def by_source(self, source: str, key: str) -> AIModel:
        """The model a catalog's API knows as *key*: how to call it, reversed.

        Each model's :attr:`~aitaxonomy.AIModel.sources` maps a catalog to
        the id that catalog takes; no two models claim the same one, so the
        answer is never ambiguous (an imported model's original key is also
        an alias, but aliases may repeat across sources: this does not).

        Raises:
            UnknownIdError: No model has *key* as its *source* id; the
                message suggests that source's ids, or its sources.

        Example:
            >>> import aitaxonomy as ai
            >>> ai.default_taxonomy().by_source("openrouter", "openai/gpt-4o").id
            'gpt-4o'
        """
        found = self._memo().get(_SOURCES_INDEX)
        index = (
            self._source_index()
            if found is None
            else cast("dict[str, dict[str, AIModel]]", found)
        )
        given: tuple[object, object] = (source, key)  # callers may not be typed
        ids = index.get(source) if isinstance(given[0], str) else None
        if ids is None:
            raise UnknownIdError(
                str(source), suggest(str(source), index), label="unknown source"
            )
        found = ids.get(key) if isinstance(given[1], str) else None
        if found is None:
            raise UnknownIdError(
                str(key), suggest(str(key), ids), label=f"no {source} id"
            )
        return found

    def _source_index(self) -> dict[str, dict[str, AIModel]]:
        index: dict[str, dict[str, AIModel]] = {}
        for model in self.of_type(AIModel):
            for source, key in model.sources.items():
                index.setdefault(source, {})[key] = model
        self._memo()[_SOURCES_INDEX] = index
        return index

    def checked_on(self, entity: Entity | str) -> str | None:
        """The day an entity's sourced facts were last read (``as_of``), if any.

        Example:
            >>> import aitaxonomy as ai
            >>> ai.default_taxonomy().checked_on("dall-e")
            '2026-11-28'
        """
        found = self._entity(entity, Entity, "entity")
        days = [c.as_of for c in found.provenance if c.url and c.as_of]
        return max(days) if days else None

    def stale(self, older_than: dt.date | str) -> tuple[Entity, ...]:
        """Entities whose sourced facts were last checked before *older_than*.

        Only entities citing dated sources count; facts the article states
        (cited by section) do not go stale. Oldest first, then by id.

        Args:
            older_than: A day, as a date or ``YYYY-MM-DD`` (``YYYY-MM`` and
                ``YYYY`` mean the start of that month or year).

        Example:
            >>> import aitaxonomy as ai
            >>> tax = ai.default_taxonomy()
            >>> tax.stale("2026-01-01")
            ()
            >>> "gpt-4" in {e.id for e in tax.stale("2027-01-01")}
            True
        """
        cutoff = _as_day(older_than)
        dated = [(day, e) for e in self if (day := self.checked_on(e)) is not None]
        return tuple(
            e for day, e in sorted(dated, key=lambda p: (p[0], p[1].id)) if day < cutoff
        )

    # -- growing -------------------------------------------------------------

    def extend(self, *entities: Entity, replace: bool = False) -> Taxonomy:
        """A new taxonomy with *entities* added; this one is unchanged.

        Args:
            entities: The entities to add.
            replace: Let an entity replace the one with its id; otherwise a
                duplicate id is an error.

        Raises:
            TaxonomyError: The result would break an invariant (a duplicate
                id, a reference to an unknown id, a cycle...). Every problem
                is listed, with paths like ``extend(): $[1].organization``
                that count the arguments from 0. Nothing is half-applied.

        Example:
            >>> import aitaxonomy as ai
            >>> base = ai.default_taxonomy()
            >>> acme = ai.Organization(id="acme", name="Acme")
            >>> model = ai.LLM(id="acme-7b", name="Acme 7B", organization="acme")
            >>> tax = base.extend(acme, model)
            >>> tax["acme-7b"].organization, base.get("acme-7b")
            ('acme', None)
        """
        return self._grow(entities, replace=replace, label="extend()")

    def merge(self, other: Taxonomy, *, replace: bool = False) -> Taxonomy:
        """A new taxonomy with every entity of *other* added.

        Entities present, equal, in both are kept once, so two extensions of
        the same base merge cleanly; a conflicting one is an error unless
        *replace* is true, in which case *other* wins.

        Raises:
            TaxonomyError: As for :meth:`extend`, with paths ``merge(): $[i]``
                counting *other*'s entities in its order.

        Example:
            >>> import aitaxonomy as ai
            >>> base = ai.default_taxonomy()
            >>> a = base.extend(ai.Organization(id="acme", name="Acme"))
            >>> b = base.extend(ai.Organization(id="zeta", name="Zeta"))
            >>> len(a.merge(b)) == len(base) + 2
            True
        """
        if not isinstance(other, Taxonomy):
            raise ArgumentTypeError(
                f"merge() takes a Taxonomy, not {type(other).__name__} {shown(other)}"
            )
        new = [e for e in other if self._by_id.get(e.id) != e]
        return self._grow(new, replace=replace, label="merge()")

    def _grow(
        self, entities: Sequence[object], *, replace: bool, label: str
    ) -> Taxonomy:
        strangers = [
            Problem(f"not an entity: {type(e).__name__} {e!r}", f"$[{i}]", label)
            for i, e in enumerate(entities)
            if not isinstance(e, Entity)
        ]
        if strangers:
            raise TaxonomyError(strangers)
        added = cast("Sequence[Entity]", entities)
        if replace:
            # Replacements keep their place; positions point back at the call.
            combined = dict(self._by_id)
            combined.update((e.id, e) for e in added)
            items = list(combined.values())
        else:
            items = [*self._by_id.values(), *added]

        def locations() -> list[Location | None]:
            # Only needed to point at problems: worked out when there are some.
            positions = {e.id: i for i, e in enumerate(added)}
            if replace:
                return [
                    Location(label, f"$[{positions[e.id]}]")
                    if e.id in positions
                    else None
                    for e in items
                ]
            return [None] * len(self._by_id) + [
                Location(label, f"$[{i}]") for i in range(len(added))
            ]

        return assemble(items, locations)

    # -- internals ---------------------------------------------------------

    def _model(self, model: AIModel | str) -> AIModel:
        return self._entity(model, AIModel, "model")

    def _category(self, category: Category | str) -> Category:
        return self._entity(category, Category, "category")

    def _entity(self, value: object, kind: type[E], argument: str) -> E:
        """The *kind* of entity *value* is, or whose id, name or alias it is.

        An entity of that kind is taken as it is, even from elsewhere; any
        other value is an error that says what it names instead.
        """
        if isinstance(value, kind):
            return value
        if isinstance(value, Entity):
            raise self._wrong_kind(value.id, value, kind)
        if not isinstance(value, str):
            raise ArgumentTypeError(
                f"{argument} must be {article(_noun(kind))} or the id of one, not "
                f"{type(value).__name__} {shown(value)}"
            )
        found = self.get(value)
        if isinstance(found, kind):
            return found
        raise self._wrong_kind(value, found, kind)

    def _id_of(self, value: object, kind: type[Entity], argument: str) -> str:
        """The id a query filter names: an id of *kind*, or an entity's id.

        Only ids count here, not names: the filters match on the index's keys.
        """
        if isinstance(value, Entity):
            key = value.id
        elif isinstance(value, str):
            key = value
        else:
            raise ArgumentTypeError(
                f"{argument} must be {article(_noun(kind))} or the id of one, not "
                f"{type(value).__name__} {shown(value)}"
            )
        found = self._by_id.get(key)
        if not isinstance(found, kind):
            raise self._wrong_kind(key, found, kind)
        return key

    def _wrong_kind(
        self, key: str, found: Entity | None, kind: type[Entity]
    ) -> UnknownIdError:
        """The error for *key*, which names *found* (or nothing), not a *kind*."""
        return UnknownIdError(
            key,
            self._suggest(key, kind),
            expected=_noun(kind),
            actual=None if found is None else _noun(type(found)),
        )

    def _suggest(self, key: str, kind: type[Entity] = Entity) -> tuple[str, ...]:
        """Ids of *kind* spelled like *key*, or whose names or aliases are."""
        if not isinstance(key, str):  # untyped callers may pass anything
            return ()  # type: ignore[unreachable]
        names = self._names_index()
        if kind is not Entity:
            by_id = self._by_id
            names = {k: v for k, v in names.items() if isinstance(by_id[v], kind)}
        close = suggest(_fold(key), names, limit=6)
        return tuple(dict.fromkeys(names[c] for c in close))[:3]

    def _memo(self) -> dict[object, object]:
        """A cache for values derived from this (immutable) taxonomy."""
        return self._memo_store

    def _names_index(self) -> Mapping[str, str]:
        return self._get_index().names

    def _get_index(self) -> _Index:
        index = self._index
        if index is None:
            with self._lock:
                index = self._index
                if index is None:
                    index = _build_index(self._by_id)
                    object.__setattr__(self, "_index", index)
        return index


def _as_day(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and _DATE.fullmatch(value):
        return value
    raise InvalidArgumentError(
        "older_than: expected a date or YYYY-MM-DD (or YYYY-MM, YYYY), not "
        f"{shown(value)}"
    )


# What each kind of entity is called in messages; a custom kind is called what
# the built-in kind it derives from is.
_NOUNS: tuple[tuple[type[Entity], str], ...] = (
    (AIModel, "model"),
    (Category, "category"),
    (Technique, "technique"),
    (UseCase, "use case"),
    (JobType, "job type"),
    (Organization, "organisation"),
    (Trend, "trend"),
    (Section, "article section"),
)


def _noun(kind: type[Entity]) -> str:
    return next((noun for cls, noun in _NOUNS if issubclass(kind, cls)), "entity")


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _ancestors(start: str, parent_of: Mapping[str, str | None]) -> tuple[str, ...]:
    """Ids above *start*, nearest first; stops at a cycle (check() reports it)."""
    seen = [start]
    current = parent_of.get(start)
    while current is not None and current not in seen:
        seen.append(current)
        current = parent_of.get(current)
    return tuple(seen[1:])


def _build_index(by_id: Mapping[str, Entity]) -> _Index:
    names: dict[str, str] = {}
    by_kind: dict[type[Entity], list[Entity]] = defaultdict(list)
    for entity in by_id.values():
        by_kind[type(entity)].append(entity)
        # Ids win over names and aliases: add names first, ids last.
        for spelling in (entity.name, *entity.aliases):
            names.setdefault(_fold(spelling), entity.id)
    for entity_id in by_id:
        names[_fold(entity_id)] = entity_id

    category_parent = {
        e.id: e.parent for e in by_id.values() if isinstance(e, Category)
    }
    technique_parent = {
        e.id: e.part_of for e in by_id.values() if isinstance(e, Technique)
    }
    category_ancestors = {c: _ancestors(c, category_parent) for c in category_parent}
    technique_ancestors = {t: _ancestors(t, technique_parent) for t in technique_parent}

    # Facets map to positions in `models` (query order), so intersections are
    # of small ints and results come out ordered by sorting them.
    models = tuple(
        m
        for kind, members in by_kind.items()
        if issubclass(kind, AIModel)
        for m in members
    )
    linker = JobLinker(
        (e for e in by_id.values() if isinstance(e, JobType)),
        {e.id: e for e in by_id.values() if isinstance(e, UseCase)},
    )
    job_links = [linker.links(m) for m in models]  # type: ignore[arg-type]
    models_by = _facet_index(
        models,  # type: ignore[arg-type]  # all AIModel
        job_links,
        category_ancestors,
        technique_ancestors,
    )
    order, places = _recency(models)  # type: ignore[arg-type]  # all AIModel
    return _Index(
        names=names,
        by_kind={kind: tuple(members) for kind, members in by_kind.items()},
        category_ancestors=category_ancestors,
        models=models,  # type: ignore[arg-type]  # all AIModel, selected by class
        model_positions={m.id: i for i, m in enumerate(models)},
        models_by=models_by,
        recency=places,
        by_recency=order,
        job_links=tuple(job_links),
    )


def _facet_index(
    models: Sequence[AIModel],
    job_links: Sequence[frozenset[str]],
    category_ancestors: Mapping[str, tuple[str, ...]],
    technique_ancestors: Mapping[str, tuple[str, ...]],
) -> dict[tuple[str, str], frozenset[int]]:
    """Each ``(facet, value)`` key and the positions of the models it holds.

    Catalogs repeat a few values many times (thousands of text-to-text models
    in one category), so models are grouped by each part that decides some
    keys, and every group's keys are worked out once.
    """
    parts: list[dict[object, list[int]]] = [defaultdict(list) for _ in _PARTS]
    for position, model in enumerate(models):
        values: tuple[object, ...] = (
            (model.input_modalities, model.output_modalities),
            model.category_id,
            model.techniques,
            job_links[position],
            (model.open_weights, model.on_device),
            model.use_cases,
            model.organization,
            model.domains,
        )
        for groups, value in zip(parts, values, strict=True):
            groups[value].append(position)
    found: dict[tuple[str, str], set[int]] = defaultdict(set)
    ancestors = (category_ancestors, technique_ancestors)
    for keys_of, groups in zip(_PARTS, parts, strict=True):
        for part, positions in groups.items():
            for key in keys_of(part, *ancestors):
                found[key].update(positions)
    # Frozen one at a time, each set let go as its copy is made: the index
    # never sits in memory twice.
    return {key: frozenset(found.pop(key)) for key in list(found)}


def _modality_keys(
    shape: tuple[frozenset[Modality], frozenset[Modality]], *_: object
) -> Iterator[tuple[str, str]]:
    inputs, outputs = shape
    yield "outputs", _outputs_key(outputs)
    yield from (("output_is", m.value) for m in outputs)
    yield from (("input_is", m.value) for m in inputs)
    for facet, modalities in (("output", outputs), ("input", inputs)):
        for modality in modalities:
            current: Modality | None = modality
            while current is not None:
                yield facet, current.value
                current = current.parent


def _category_keys(
    own: str, categories: Mapping[str, tuple[str, ...]], *_: object
) -> Iterator[tuple[str, str]]:
    yield "category_exact", own
    yield from (("category", c) for c in (own, *categories.get(own, ())))


def _technique_keys(
    techniques: tuple[str, ...],
    _categories: object,
    ancestors: Mapping[str, tuple[str, ...]],
) -> Iterator[tuple[str, str]]:
    for technique in techniques:
        yield from (
            ("technique", t) for t in (technique, *ancestors.get(technique, ()))
        )


def _job_keys(jobs: frozenset[str], *_: object) -> Iterator[tuple[str, str]]:
    yield from (("job_type", job) for job in jobs)


def _flag_keys(
    flags: tuple[bool | None, bool | None], *_: object
) -> Iterator[tuple[str, str]]:
    for flag, value in zip(("open_weights", "on_device"), flags, strict=True):
        if value is not None:
            yield flag, str(value).lower()


def _use_case_keys(use_cases: tuple[str, ...], *_: object) -> Iterator[tuple[str, str]]:
    yield from (("use_case", u) for u in use_cases)


def _organization_keys(
    organization: str | None, *_: object
) -> Iterator[tuple[str, str]]:
    if organization is not None:
        yield "organization", organization


def _domain_keys(domains: tuple[str, ...], *_: object) -> Iterator[tuple[str, str]]:
    yield from (("domain", d) for d in domains)


# The parts of a model that decide its index keys, in the order
# _facet_index reads them, each with the keys a value of it gives.
_PARTS: tuple[Callable[..., Iterator[tuple[str, str]]], ...] = (
    _modality_keys,
    _category_keys,
    _technique_keys,
    _job_keys,
    _flag_keys,
    _use_case_keys,
    _organization_keys,
    _domain_keys,
)


def newest_first(released: str | None) -> tuple[int, str]:
    """Sort key: dated models newest first, undated ones after them.

    A date known only to the year or month counts as its start: "2025" is
    older than "2025-07".

    Example:
        >>> sorted(["2025", None, "2025-07", "2024-12-31"], key=newest_first)
        ['2025-07', '2025', '2024-12-31', None]
    """
    if released is None:
        return (1, "")
    padded = (released + "-00-00")[:10]
    # Invert each digit so that a plain ascending sort puts later dates first.
    return (0, padded.translate(_INVERT))


_INVERT = str.maketrans("0123456789", "9876543210")


def _recency(models: Sequence[AIModel]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Positions in the order ties are broken, and each position's place in it.

    Models that fit a job equally well are told apart by the facts that
    matter, never by the alphabet: a model whose maker is known (the
    maker's own listing, not a reseller's copy) first, the newest first
    among those, then the more capable
    (more capabilities, then a longer context window), then the cheaper (by
    input price, or per image), then the taxonomy's own order (the catalog's,
    or the source's for an import).
    """

    def key(i: int) -> tuple[object, ...]:
        model = models[i]
        price = price_of(model)
        return (
            model.organization is None,
            newest_first(model.released),
            -len(model.capabilities),
            -(model.context_window or 0),
            price is None,
            price or 0.0,
            i,
        )

    order = sorted(range(len(models)), key=key)
    place = [0] * len(models)
    for rank, position in enumerate(order):
        place[position] = rank
    return tuple(order), tuple(place)


def _outputs_key(outputs: frozenset[Modality]) -> str:
    return ",".join(sorted(m.value for m in outputs))


# -- invariants ------------------------------------------------------------


@functools.lru_cache(maxsize=1024)
def _targets(registry: KindRegistry, declared: Link) -> tuple[type[Entity], ...]:
    """The classes a link may point at, from the kind names it declares."""
    return tuple(registry.cls(name) for name in declared.to)


def _bad_references(
    entity: Entity, by_id: Mapping[str, Entity], registry: KindRegistry
) -> Iterator[tuple[Link, str, int, int | None]]:
    """The links of *entity*, as :func:`linked` gives them, that miss their kinds."""
    for found in linked(entity):
        if not isinstance(by_id.get(found[1]), _targets(registry, found[0])):
            yield found


def _acyclic(registry: KindRegistry) -> list[tuple[type[Entity], Link]]:
    """Each link declared ``acyclic``, with the class that declares it."""
    found: list[tuple[type[Entity], Link]] = []
    for name in registry.names():
        cls = registry.cls(name)
        for declared in links(cls):
            if declared.acyclic and not any(
                issubclass(cls, owner) and other.field == declared.field
                for owner, other in found
            ):
                found.append((cls, declared))
    return found


def _any_cycles(
    by_id: Mapping[str, Entity],
    registry: KindRegistry,
    starts: Container[str] | None = None,
) -> Iterator[list[Finding]]:
    for owner, declared in _acyclic(registry):
        yield _cycles(by_id, owner, declared.ids, declared.field, starts)


_DEFAULT = default_kinds()
_SOURCES_INDEX = "sources"  # the memo key of by_source()'s index
_SOURCES = attrgetter("sources._items")  # a dict's truth is read in C


def check(
    entities: Sequence[object], *, kinds: KindRegistry | None = None
) -> list[Problem]:
    """Every way *entities* break the taxonomy's invariants, all at once.

    The invariants: ids are unique across kinds; every reference resolves to
    an entity of the right kind; ``powered_by``, category parents and
    technique ``part_of`` links have no cycles; a model sits in a category
    under the one its class stands for; and a model's outputs, and a
    category's, stay within what its category allows.

    Args:
        entities: The entities to check.
        kinds: The registry that binds categories to classes; the default
            one when omitted.

    Returns:
        The problems found, each with the entity's path (``$[id].field``).
    """
    return list(_worded(_findings(entities, kinds), entities, None))


class Finding(NamedTuple):
    """One broken invariant, kept in parts until it is worded as a problem."""

    message: str
    at: Entity | int
    """The entity at fault; or its position, when no id names it alone
    (not an entity, or a repeated id)."""
    field: str | None = None
    """The part of it at fault (``"techniques[2]"``); ``None`` for all of it."""


def _findings(
    entities: Sequence[object], kinds: KindRegistry | None, trusted: int = 0
) -> list[Finding]:
    """What :func:`check` finds, before any path is worded."""
    registry = kinds or default_kinds()
    if _sound(entities, registry, trusted if kinds in (None, _DEFAULT) else 0):
        return []
    return _problems(entities, registry)


def _worded(
    findings: Iterable[Finding],
    entities: Sequence[object],
    locations: Sequence[Location | None] | None,
) -> Iterator[Problem]:
    """Each finding as a :class:`Problem`, its path worded here and only here.

    An entity with a location is pointed at there (``file: $.models[3].id``);
    one without, by its id (``$['gpt-4'].category``), or by its position
    when that is all that names it (``$[3].id``).
    """
    places = locations or ()
    first: dict[str, int] = {}
    if places:  # where each id first appears: the entity the checks kept
        for position, entity in enumerate(entities):
            if isinstance(entity, Entity):
                first.setdefault(entity.id, position)
    for message, at, field in findings:
        where: Location | None = None
        index = at if isinstance(at, int) else first.get(at.id)
        if index is not None and index < len(places):
            where = places[index]
        if where is not None:
            file, path = where.file, where.path
        else:
            file, path = None, f"$[{at}]" if isinstance(at, int) else f"$[{at.id!r}]"
        yield Problem(message, path if field is None else f"{path}.{field}", file)


def _problems(entities: Sequence[object], registry: KindRegistry) -> list[Finding]:
    """:func:`check`'s close look: every problem, in order, entity by entity."""
    problems: list[Finding] = []
    by_id: dict[str, Entity] = {}
    for position, entity in enumerate(entities):
        if not isinstance(entity, Entity):
            problems.append(
                Finding(f"not an entity: {type(entity).__name__}", position)
            )
            continue
        if entity.id in by_id:
            other = _noun(type(by_id[entity.id]))
            problems.append(
                Finding(
                    f"duplicate id {entity.id!r} (already used by {article(other)})",
                    position,
                    "id",
                )
            )
            continue
        by_id[entity.id] = entity

    for entity in by_id.values():
        for declared, ref, index, citation in _bad_references(entity, by_id, registry):
            target = by_id.get(ref)
            allowed = _targets(registry, declared)
            noun = " or ".join(declared.to)
            field = link_path(declared, index, citation)
            if target is None:
                hint = suggest(
                    ref, [e.id for e in by_id.values() if isinstance(e, allowed)]
                )
                extra = (
                    f" (did you mean {' or '.join(map(repr, hint))}?)" if hint else ""
                )
                problems.append(
                    Finding(f"unknown {noun} {ref!r}{extra}", entity, field)
                )
            else:
                problems.append(
                    Finding(
                        f"{ref!r} is {article(type(target).KIND)}, "
                        f"not {' or '.join(map(article, declared.to))}",
                        entity,
                        field,
                    )
                )

    for cycles in _any_cycles(by_id, registry):
        problems.extend(cycles)
    problems.extend(_category_rules(by_id, registry))
    problems.extend(_job_rules(by_id))
    problems.extend(_source_claims(by_id.values()))
    return problems


def _source_claims(entities: Iterable[Entity]) -> list[Finding]:
    """No two models claim one catalog's id, so :meth:`Taxonomy.by_source` is sure."""
    problems: list[Finding] = []
    claimed: dict[tuple[str, str], str] = {}
    for model in entities:
        if not isinstance(model, AIModel) or not model.sources:
            continue
        for pair in model.sources.items():
            owner = claimed.setdefault(pair, model.id)
            if owner != model.id:
                problems.append(
                    Finding(
                        f"the {pair[0]} id {pair[1]!r} is {owner!r}'s already",
                        model,
                        "sources",
                    )
                )
    return problems


def _sound(entities: Sequence[object], kinds: KindRegistry, trusted: int = 0) -> bool:
    """Whether :func:`check` would find nothing, decided by a cheaper route.

    ``False`` is only a maybe: :func:`check` then looks closely, entity by
    entity, in order, and words each problem. ``True`` is a proof. Repeated
    values are checked once (a reference by its distinct ids, a model's
    category and modality rules by its distinct shape), and the close look
    runs on a stand-in taxonomy holding one model of each shape, every model
    with a ``powered_by`` link, and every other entity: each rule's outcome
    for a model depends on nothing else, so the stand-in breaks a rule if and
    only if the whole does.

    The first *trusted* entities are a taxonomy being extended, checked
    before. Their links resolve among themselves, and nothing added can
    change that (an addition only adds ids), so only the additions' links are
    checked. Their rules are checked again: a kind registered since may bind
    a category they use.
    """
    classes = set(map(type, entities))
    if not all(issubclass(cls, Entity) for cls in classes):
        return False
    items = cast("Sequence[Entity]", entities)
    by_id = dict(zip(map(_ID_OF, items), items, strict=True))
    if len(by_id) != len(items):
        return False  # a duplicate id
    by_class = _by_class(items)
    added = _by_class(items[trusted:]) if trusted else by_class
    sample: dict[str, Entity] = {}
    sourced: list[AIModel] = []
    for cls, members in by_class.items():
        unchecked = added.get(cls, [])
        if not issubclass(cls, AIModel):
            # Few entities: one at a time.
            for entity in unchecked:
                if next(_bad_references(entity, by_id, kinds), None) is not None:
                    return False
            sample.update((e.id, e) for e in members)
            continue
        models = cast("list[AIModel]", members)
        if unchecked and not _models_link_soundly(
            cls, cast("list[AIModel]", unchecked), by_id, kinds
        ):
            return False
        for declared in links(cls):
            if declared.acyclic:
                following = list(filter(attrgetter(declared.field), models))
                sample.update(zip(map(_ID_OF, following), following, strict=True))
        # The last model of each shape, as a dict of shapes keeps it.
        shapes = dict(zip(map(_SHAPE_OF, models), models, strict=True)).values()
        sample.update(zip(map(_ID_OF, shapes), shapes, strict=True))
        sourced.extend(filter(_SOURCES, models))
    # The close look, on the stand-in (in the original order, as check() runs).
    kept = {k: sample[k] for k in by_id if k in sample}
    # Cycles and job rules of the trusted entities alone cannot have changed:
    # they link only among themselves, and those rules read nothing else.
    new = {e.id for members in added.values() for e in members} if trusted else None
    fresh = None if new is None else [e for k, e in kept.items() if k in new]
    return not (
        any(_any_cycles(kept, kinds, new))
        or _category_rules(kept, kinds)
        or _job_rules(kept, fresh)
        or _source_claims(sourced)
    )


_ID_OF = attrgetter("id")
# What a model's rules read, besides its class.
_SHAPE_OF = attrgetter("category", "input_modalities", "output_modalities", "job_types")
_PROVENANCE_OF = attrgetter("provenance")


def _by_class(entities: Sequence[Entity]) -> dict[type[Entity], list[Entity]]:
    by_class: dict[type[Entity], list[Entity]] = defaultdict(list)
    for entity in entities:
        by_class[type(entity)].append(entity)
    return by_class


def _models_link_soundly(
    cls: type[AIModel],
    models: list[AIModel],
    by_id: Mapping[str, Entity],
    registry: KindRegistry,
) -> bool:
    """Whether every link of *models* (all of class *cls*) hits the right kind.

    Each link's distinct ids are checked once: a catalog names the same few
    organisations, techniques and categories thousands of times.
    """
    checks: list[tuple[Link, set[str | None]]] = []
    for declared in links(cls):
        read = attrgetter(declared.field)
        if declared.many:
            ids: set[str | None] = set(chain.from_iterable(map(read, models)))
        else:
            ids = set(map(read, models))
            if None in ids and declared.default_from is not None:
                fill = attrgetter(declared.default_from)
                unset = map(is_, map(read, models), repeat(None))
                ids.update(map(fill, compress(models, unset)))
        checks.append((declared, ids))
    for declared in links(Citation):
        read = attrgetter(declared.field)
        citations = chain.from_iterable(map(_PROVENANCE_OF, models))
        checks.append((declared, set(map(read, citations))))
    for declared, found in checks:
        found.discard(None)
        allowed = _targets(registry, declared)
        if not all(isinstance(by_id.get(i), allowed) for i in found):  # type: ignore[arg-type]
            return False
    return True


def assemble(
    entities: Sequence[Entity],
    locations: Locations | Callable[[], Locations] | None = None,
    *,
    kinds: KindRegistry | None = None,
    trusted: int = 0,
) -> Taxonomy:
    """Check *entities* once and build a taxonomy, or raise every problem.

    *locations* gives, for each entity, the file (or call) and path it came
    from, so that problems point there instead of at ``$['id']``; or it is a
    function giving them, called only when there are problems to point at.
    The first *trusted* entities are a taxonomy already checked with the
    default kinds (the base being extended): a valid load checks only what
    it adds.
    """
    findings = _findings(entities, kinds, trusted)
    if findings:
        where = locations() if callable(locations) else locations
        raise TaxonomyError(_worded(findings, entities, where))
    return Taxonomy._checked(entities)  # noqa: SLF001


def _cycles(
    by_id: Mapping[str, Entity],
    kind: type[E],
    follow: Callable[[E], Iterable[str]],
    field: str,
    starts: Container[str] | None = None,
) -> list[Finding]:
    """Report each cycle once, at the entity with the smallest id in it.

    With *starts*, only cycles through those ids are looked for (the others
    were ruled out before: see :func:`_sound`).
    """
    problems: list[Finding] = []
    reported: set[frozenset[str]] = set()
    for start in sorted(
        k
        for k, e in by_id.items()
        if isinstance(e, kind) and (starts is None or k in starts)
    ):
        stack: list[tuple[str, tuple[str, ...]]] = [(start, (start,))]
        while stack:
            node, trail = stack.pop()
            entity = by_id.get(node)
            if not isinstance(entity, kind):
                continue
            for nxt in follow(entity):
                if nxt == start:
                    members = frozenset(trail)
                    if members not in reported:
                        reported.add(members)
                        loop = " -> ".join((*trail, start))
                        problems.append(
                            Finding(f"{field} cycle: {loop}", by_id[start], field)
                        )
                elif nxt not in trail:
                    stack.append((nxt, (*trail, nxt)))
    return problems


def _allowed_outputs(
    category: Category, by_id: Mapping[str, Entity]
) -> frozenset[Modality] | None:
    """What a category lets its members produce; ``None`` for anything."""
    seen: set[str] = set()
    current: Category | None = category
    while current is not None and current.id not in seen:
        if current.output_modalities:
            return current.output_modalities
        seen.add(current.id)
        parent = by_id.get(current.parent) if current.parent else None
        current = parent if isinstance(parent, Category) else None
    return None


def _within(
    outputs: frozenset[Modality], allowed: frozenset[Modality] | None
) -> frozenset[Modality]:
    """The outputs an allowance leaves out (kinds count: audio allows music)."""
    if allowed is None:
        return frozenset()
    return outputs - _with_kinds(allowed)


@functools.lru_cache(maxsize=256)
def _with_kinds(modalities: frozenset[Modality]) -> frozenset[Modality]:
    return frozenset(kind for m in modalities for kind in m.kinds())


def _job_rules(
    by_id: Mapping[str, Entity], only: Iterable[Entity] | None = None
) -> list[Finding]:
    """Job types sit in a category that fits them; models can do what they state.

    *only* limits the check to those entities, looking the rest up in *by_id*.
    """
    problems: list[Finding] = []
    for entity in by_id.values() if only is None else only:
        if isinstance(entity, JobType):
            category = by_id.get(entity.category)
            if not isinstance(category, Category):
                continue  # reported as an unknown reference
            under_genai = _is_under(category, GenAI.CATEGORY, by_id)
            if entity.generative is not under_genai:
                problems.append(
                    Finding(
                        f"a {'generative' if entity.generative else 'non-generative'}"
                        f" job belongs {'under' if entity.generative else 'outside'} "
                        f"{GenAI.CATEGORY!r}, not in {category.id!r}",
                        entity,
                        "category",
                    )
                )
            outside = _within(entity.outputs, _allowed_outputs(category, by_id))
            if outside:
                problems.append(
                    Finding(
                        f"outputs {', '.join(sorted(outside))}, which category "
                        f"{category.id!r} does not allow",
                        entity,
                        "outputs",
                    )
                )
        elif isinstance(entity, AIModel):
            for index, job_id in enumerate(entity.job_types):
                job = by_id.get(job_id)
                if isinstance(job, JobType) and not can_do(entity, job):
                    problems.append(
                        Finding(
                            f"cannot do job type {job_id!r}: {_misfit(entity, job)}",
                            entity,
                            f"job_types[{index}]",
                        )
                    )
    return problems


def _is_under(category: Category, ancestor: str, by_id: Mapping[str, Entity]) -> bool:
    seen: set[str] = set()
    current: Category | None = category
    while current is not None and current.id not in seen:
        if current.id == ancestor:
            return True
        seen.add(current.id)
        parent = by_id.get(current.parent) if current.parent else None
        current = parent if isinstance(parent, Category) else None
    return False


def _misfit(model: AIModel, job: JobType) -> str:
    unread = sorted(m for m in job.inputs if not model.reads(m))
    if unread:
        return f"it does not read {', '.join(unread)}"
    unmade = sorted(m for m in job.outputs if not model.writes(m))
    return f"it does not produce {', '.join(unmade)}"


def _category_rules(by_id: Mapping[str, Entity], kinds: KindRegistry) -> list[Finding]:
    problems: list[Finding] = []
    categories = {k: e for k, e in by_id.items() if isinstance(e, Category)}
    for category in categories.values():
        parent = categories.get(category.parent) if category.parent else None
        if parent is None:
            continue
        outside = _within(category.output_modalities, _allowed_outputs(parent, by_id))
        if outside:
            problems.append(
                Finding(
                    f"category {category.id!r} allows {', '.join(sorted(outside))}, "
                    f"which its parent {parent.id!r} does not",
                    category,
                    "output_modalities",
                )
            )
    # Per category, once: the class-bound category above it and what it allows.
    bounds = {c: kinds.bound_category(c, categories) for c in categories}
    allowances = {c: _allowed_outputs(cat, by_id) for c, cat in categories.items()}
    for model in by_id.values():
        if not isinstance(model, AIModel):
            continue
        found = categories.get(model.category_id)
        if found is None:
            continue  # reported as an unknown reference
        category = found
        bound = bounds[category.id]
        if bound is not None and bound != type(model).CATEGORY:
            problems.append(
                Finding(
                    f"category {model.category_id!r} is under {bound!r}, but a model "
                    f"of kind {type(model).KIND!r} belongs under "
                    f"{type(model).CATEGORY!r}",
                    model,
                    "category",
                )
            )
        outside = _within(model.output_modalities, allowances[category.id])
        if outside:
            problems.append(
                Finding(
                    f"outputs {', '.join(sorted(outside))}, which category "
                    f"{category.id!r} does not allow",
                    model,
                    "output_modalities",
                )
            )
        if model.CATEGORY != AIModel.CATEGORY and not model.output_modalities:
            problems.append(
                Finding(
                    "a generative model must declare what it outputs",
                    model,
                    "output_modalities",
                )
            )
    return problems
