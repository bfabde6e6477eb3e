"""The one load pipeline: documents -> (entity, location) -> validated taxonomy.

The packaged data (:mod:`aitaxonomy._catalog`), catalog files
(:mod:`aitaxonomy._files`) and plugins (:mod:`aitaxonomy._plugins`) all hand
:func:`build` a list of :class:`Document`: parsed catalog data still to be
structured, or entities made already (by a quick read of a file, or by a
plugin's code). ``build`` structures what needs it, holds the load to its
:class:`~aitaxonomy.Limits`, validates the whole once, and points every
problem at the file and the JSON path of the entity at fault.

Where each entity sits is kept as its document's :data:`Shape`, a few
``(path, count)`` pairs read off the top level, and becomes one
:class:`~aitaxonomy._errors.Location` per entity only when there are
problems to point at: a load of 100,000 valid models makes none.
"""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING, NamedTuple

from ._errors import Location
from ._gc import gc_paused
from ._kinds import default_kinds
from ._taxonomy import Taxonomy, assemble
from .errors import LimitError, Problem, TaxonomyError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from ._entities import Entity
    from ._files import Limits
    from ._kinds import KindRegistry

__all__ = ["Document", "Shape", "build", "check_depth", "limit_error", "shape_of"]

Shape = tuple[tuple[str, int | None], ...]
"""Where a document's entities sit, in order: runs of ``(path, count)``.

``("$.models", 3)`` is ``$.models[0]`` to ``$.models[2]``; a count of
``None`` is one entity at the path itself (a one-entity file, ``$``).
"""


class Document(NamedTuple):
    """One source of entities for :func:`build`, and where they come from.

    *file* names it in problems (a file name, or ``plugin acme``). It holds
    either *data*, a parsed catalog document still to be structured, or
    *entities* made already, with the *shape* of the document they were
    read from; without one, they sit at ``$[0]``, ``$[1]``... as given.
    """

    file: str | None
    data: object = None
    entities: Sequence[Entity] | None = None
    shape: Shape | None = None


def shape_of(document: object) -> Shape:
    """Where the entities of a parsed catalog *document* sit, in structuring order.

    Only the top level is read (one entity, or the length of each group):
    the entities themselves are not walked again.
    """
    if not isinstance(document, dict):
        return ()
    if "kind" in document:  # one entity per file, models.dev style
        return (("$", None),)
    return tuple(
        (f"$.{key}", len(value))
        for key, value in document.items()
        if key != "format" and isinstance(value, list)
    )


def _count(shape: Shape) -> int:
    return sum(1 if count is None else count for _, count in shape)


def _locations(file: str | None, shape: Shape) -> Iterator[Location]:
    for path, count in shape:
        if count is None:
            yield Location(file, path)
        else:
            yield from (Location(file, f"{path}[{i}]") for i in range(count))


def limit_error(what: str, size: str, field: str, file: str | None) -> LimitError:
    """The error for input past a limit, saying which keyword raises it."""
    return LimitError(
        [
            Problem(
                f"{what} is over the limit of {size}; pass "
                f"limits=aitaxonomy.Limits({field}=...) to raise it",
                "$",
                file,
            )
        ]
    )


def _depth(document: object) -> int:
    """The nesting depth of parsed data, without recursion.

    Only containers are visited; the scalars that make up most of a catalog
    never enter the stack.
    """
    if not isinstance(document, dict | list):
        return 0
    deepest = 0
    stack: list[tuple[dict[object, object] | list[object], int]] = [(document, 1)]
    while stack:
        value, level = stack.pop()
        deepest = max(deepest, level)
        children = value.values() if isinstance(value, dict) else value
        stack.extend(
            (child, level + 1) for child in children if isinstance(child, dict | list)
        )
    return deepest


def check_depth(document: object, limits: Limits, file: str | None) -> None:
    """Refuse *document* if it nests deeper than *limits* allow."""
    if _depth(document) > limits.max_depth:
        raise limit_error(
            "the nesting", f"{limits.max_depth} levels", "max_depth", file
        )


def build(
    documents: Iterable[Document],
    *,
    base: Taxonomy | None = None,
    kinds: KindRegistry | None = None,
    limits: Limits | None = None,
) -> Taxonomy:
    """Structure *documents*, check them with *base* once, and make one taxonomy.

    Args:
        documents: What to load, in order; their entities follow *base*'s.
        base: A taxonomy the documents extend and may refer to.
        kinds: The kinds that data may name, and that bind categories to
            classes; the default registry when omitted.
        limits: How many entities the whole may hold, and how deep a
            document with problems may nest; no limit when omitted (the
            packaged data, entities made in code).

    Raises:
        TaxonomyError: Every problem, in structure and then in the
            invariants, each with the file and the path of the entity at
            fault (an entity of *base* by its id). :class:`LimitError` when
            a limit was passed.
    """
    items = list(documents)
    entities: list[Entity] = [] if base is None else list(base)
    known = len(entities)
    with gc_paused():  # loading makes many small, acyclic objects
        shapes = _structure(items, entities, kinds, limits)

        def locations() -> list[Location | None]:
            # Only needed to point at problems: worked out when there are some.
            where: list[Location | None] = [None] * known
            for document, shape in zip(items, shapes, strict=True):
                where.extend(_locations(document.file, shape))
            return where

        return assemble(entities, locations, kinds=kinds, trusted=known)


def _structure(
    documents: Sequence[Document],
    entities: list[Entity],
    kinds: KindRegistry | None,
    limits: Limits | None,
) -> list[Shape]:
    """Add each document's entities to *entities*; return each one's shape.

    Raises:
        TaxonomyError: Every problem of structure, once all are structured.
    """
    shapes = [
        shape_of(d.data)
        if d.entities is None
        else (("$", len(d.entities)),)
        if d.shape is None
        else d.shape
        for d in documents
    ]
    pending = [
        (d.data, s)
        for d, s in zip(documents, shapes, strict=True)
        if d.entities is None
    ]
    known = len(entities)
    made = _fast(pending, kinds)
    if made is not None:
        if len(pending) == len(documents):
            entities.extend(made)
        else:  # each document's share of them, by its shape
            fast = iter(made)
            for document, shape in zip(documents, shapes, strict=True):
                given = document.entities
                entities.extend(islice(fast, _count(shape)) if given is None else given)
        if limits is not None and len(entities) > limits.max_entities:
            # the document that went past the limit, as a load one by one finds
            total = known
            for document, shape in zip(documents, shapes, strict=True):
                total += _count(shape)
                if total > limits.max_entities:
                    _check_count(total, limits, document.file)
        return shapes
    problems: list[Problem] = []
    for document in documents:
        # One document alone failed the fast path already: no second try.
        found, trouble = _entities_of(document, kinds, retry=len(pending) > 1)
        problems.extend(trouble)
        entities.extend(found)
        _check_count(len(entities), limits, document.file)
    if problems:
        if limits is not None:  # an over-deep document is reported as that
            for document in documents:
                check_depth(document.data, limits, document.file)
        raise TaxonomyError(problems)
    return shapes


def _fast(
    pending: list[tuple[object, Shape]], kinds: KindRegistry | None
) -> list[Entity] | None:
    """The entities of all well-formed data in one go; ``None`` if any is unusual.

    Together, so that a directory of one-entity files is read a column at a
    time like one long list, not file by file.
    """
    from ._structure import fast_document, fast_documents  # noqa: PLC0415

    registry = kinds or default_kinds()
    if not pending:
        return []
    if len(pending) == 1:  # alone, a document needs no placing among others
        one = fast_document(pending[0][0], registry)
        return None if one is None else one[1]
    found = fast_documents([data for data, _ in pending], registry)
    places = (1 if n is None else n for _, shape in pending for _, n in shape)
    if found is not None and len(found) != sum(places):
        return None  # the shapes would not place them: let each be read alone
    return found


def _entities_of(
    document: Document, kinds: KindRegistry | None, *, retry: bool
) -> tuple[Sequence[Entity], list[Problem]]:
    """One document's entities, with every problem of structure in it."""
    if document.entities is not None:
        return document.entities, []
    from ._structure import fast_document  # noqa: PLC0415

    fast = fast_document(document.data, kinds or default_kinds()) if retry else None
    if fast is not None:
        return fast[1], []
    from ._convert import document_to_entities  # noqa: PLC0415

    return document_to_entities(document.data, file=document.file, kinds=kinds)


def _check_count(count: int, limits: Limits | None, file: str | None) -> None:
    if limits is not None and count > limits.max_entities:
        raise limit_error(
            f"the number of entities ({count:,})",
            f"{limits.max_entities:,}",
            "max_entities",
            file,
        )
