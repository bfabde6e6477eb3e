"""Exports of the taxonomy graph: Mermaid, Graphviz DOT, JSON, JSON-LD, Markdown."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._entities import AIModel, Category, Entity, Organization, Technique, UseCase
from ._errors import did_you_mean, shown, suggest
from ._fields import Link, links
from ._kinds import default_kinds
from ._taxonomy import Taxonomy
from .errors import ArgumentTypeError, InvalidArgumentError

if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Iterator


__all__ = ["EXPORT_FORMATS", "Edge", "edges", "export"]

ExportFormat = Literal["mermaid", "dot", "json", "jsonld", "markdown"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    "mermaid",
    "dot",
    "json",
    "jsonld",
    "markdown",
)
_GRAPH_KINDS = (Category, AIModel, Technique, UseCase)
_ORGANIZATION = Organization.KIND


@attrs.frozen
class Edge:
    """A link between two entities, named by its relation (``"is a"``...).

    Attributes:
        source: The id of the entity that makes the link.
        target: The id of the entity it points at.
        relation: How the link reads from the source, as its field declares
            it (see :class:`~aitaxonomy.Link`): for the built-in kinds ``"is
            a"`` (a model or category to its category), ``"part of"`` (a
            technique to the technique it belongs to), ``"favours"`` (a use
            case to its category), ``"uses"`` (a model to a technique),
            ``"suits"`` (a model to a use case), ``"powered by"`` (a product
            to the model behind it) or ``"made by"`` (a model to its
            organisation).
    """

    source: str
    target: str
    relation: str

    @property
    def inverse(self) -> str:
        """The relation seen from the target: what its sources are to it.

        Raises:
            InvalidArgumentError: No link of a registered kind reads as
                :attr:`relation`.

        Example:
            >>> import aitaxonomy as ai
            >>> ai.Edge("chatgpt", "gpt-4", "powered by").inverse
            'powers'
        """
        inverses = default_kinds().relations()
        found = inverses.get(self.relation)
        if found is None:
            raise InvalidArgumentError(
                f"no link reads {shown(self.relation)}"
                f"{did_you_mean(suggest(self.relation, inverses))}"
            )
        return found


def _edge_links(cls: type[Entity], organizations: bool) -> tuple[Link, ...]:
    """The links of *cls* that :func:`edges` draws: links to organisations last."""
    drawn = [k for k in links(cls) if k.edge]
    made = [k for k in drawn if _ORGANIZATION in k.to]
    rest = [k for k in drawn if _ORGANIZATION not in k.to]
    return (*rest, *made) if organizations else tuple(rest)


def edges(taxonomy: Taxonomy, *, organizations: bool = False) -> Iterator[Edge]:
    """Every link of the taxonomy graph, in a stable order.

    The links are the fields declared with :func:`~aitaxonomy.link` and
    ``edge=True``, so a custom kind's links appear here too.

    Args:
        taxonomy: Whose links.
        organizations: Also yield each model's ``"made by"`` link.

    Raises:
        ArgumentTypeError: *taxonomy* is not a :class:`~aitaxonomy.Taxonomy`.

    Example:
        >>> import aitaxonomy as ai
        >>> next(e for e in ai.edges(ai.default_taxonomy()) if e.source == "chatgpt")
        Edge(source='chatgpt', target='genai', relation='is a')
    """
    if not isinstance(taxonomy, Taxonomy):
        raise ArgumentTypeError(
            f"edges() takes a Taxonomy, not {type(taxonomy).__name__} {shown(taxonomy)}"
        )
    return _edges(taxonomy, organizations=organizations)


def _edges(taxonomy: Taxonomy, *, organizations: bool) -> Iterator[Edge]:
    drawn: dict[type[Entity], tuple[Link, ...]] = {}
    for entity in taxonomy:
        cls = type(entity)
        found = drawn.get(cls)
        if found is None:
            found = drawn[cls] = _edge_links(cls, organizations)
        for declared in found:
            for target in declared.ids(entity):
                yield Edge(entity.id, target, declared.relation)


def _nodes(taxonomy: Taxonomy, kinds: tuple[type[Entity], ...]) -> list[Entity]:
    return [e for e in taxonomy if isinstance(e, kinds)]


def _mermaid(taxonomy: Taxonomy) -> str:
    nodes = _nodes(taxonomy, _GRAPH_KINDS)
    key = {e.id: f"n{i}" for i, e in enumerate(nodes)}
    shapes = {
        Category: ('(["', '"])'),
        Technique: ('[/"', '"/]'),
        UseCase: ('{{"', '"}}'),
    }
    lines = ["flowchart LR"]
    for entity in nodes:
        left, right = next(
            (shape for cls, shape in shapes.items() if isinstance(entity, cls)),
            ('["', '"]'),
        )
        label = entity.name.replace('"', "#quot;")
        lines.append(f"  {key[entity.id]}{left}{label}{right}")
    lines.extend(
        f"  {key[edge.source]} -->|{edge.relation}| {key[edge.target]}"
        for edge in edges(taxonomy)
        if edge.source in key and edge.target in key
    )
    lines += [
        "  classDef category fill:#fde68a,stroke:#92400e",
        "  classDef technique fill:#bfdbfe,stroke:#1e3a8a",
        "  classDef usecase fill:#bbf7d0,stroke:#14532d",
        "  classDef model fill:#f3f4f6,stroke:#374151",
    ]
    for cls, style in (
        (Category, "category"),
        (Technique, "technique"),
        (UseCase, "usecase"),
        (AIModel, "model"),
    ):
        members = [key[e.id] for e in nodes if isinstance(e, cls)]
        if members:
            lines.append(f"  class {','.join(members)} {style}")
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    """A DOT string: JSON's quoting is valid DOT; keep non-ASCII as UTF-8."""
    return json.dumps(text, ensure_ascii=False)


def _dot(taxonomy: Taxonomy) -> str:
    nodes = _nodes(taxonomy, _GRAPH_KINDS)
    shapes = {Category: "box3d", Technique: "parallelogram", UseCase: "hexagon"}
    lines = ["digraph aitaxonomy {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
    for entity in nodes:
        shape = next((s for cls, s in shapes.items() if isinstance(entity, cls)), "box")
        lines.append(
            f"  {_quote(entity.id)} [label={_quote(entity.name)}, shape={shape}];"
        )
    ids = {e.id for e in nodes}
    lines.extend(
        f"  {_quote(e.source)} -> {_quote(e.target)} [label={_quote(e.relation)}];"
        for e in edges(taxonomy)
        if e.source in ids and e.target in ids
    )
    lines.append("}")
    return "\n".join(lines) + "\n"


def _graph_json(taxonomy: Taxonomy) -> str:
    graph = {
        "nodes": [{"id": e.id, "kind": type(e).KIND, "name": e.name} for e in taxonomy],
        "edges": [attrs.asdict(e) for e in edges(taxonomy, organizations=True)],
    }
    return json.dumps(graph, indent=2, ensure_ascii=False) + "\n"


def _jsonld(taxonomy: Taxonomy) -> str:
    from ._linked_data import jsonld  # noqa: PLC0415  # it loads cattrs

    return jsonld(taxonomy)


def _cell(value: object) -> str:
    text = (
        ", ".join(sorted(map(str, value)))
        if isinstance(value, frozenset)
        else (", ".join(value) if isinstance(value, tuple) else str(value or ""))
    )
    return text.replace("|", "\\|")


def _markdown(taxonomy: Taxonomy) -> str:
    sections: list[
        tuple[str, type[Entity], list[tuple[str, Callable[[Any], object]]]]
    ] = [
        (
            "Categories",
            Category,
            [
                ("id", lambda e: e.id),
                ("name", lambda e: e.name),
                ("parent", lambda e: e.parent),
            ],
        ),
        (
            "Models",
            AIModel,
            [
                ("id", lambda e: e.id),
                ("name", lambda e: e.name),
                ("category", lambda e: e.category_id),
                ("organization", lambda e: e.organization),
                ("inputs", lambda e: e.input_modalities),
                ("outputs", lambda e: e.output_modalities),
                ("techniques", lambda e: e.techniques),
            ],
        ),
        (
            "Techniques",
            Technique,
            [
                ("id", lambda e: e.id),
                ("name", lambda e: e.name),
                ("part of", lambda e: e.part_of),
            ],
        ),
        (
            "Use cases",
            UseCase,
            [
                ("id", lambda e: e.id),
                ("name", lambda e: e.name),
                ("category", lambda e: e.category),
                ("produces", lambda e: e.produces),
            ],
        ),
        (
            "Organizations",
            Organization,
            [("id", lambda e: e.id), ("name", lambda e: e.name)],
        ),
    ]
    out = ["# aitaxonomy", ""]
    for title, cls, columns in sections:
        members = taxonomy.of_type(cls)
        if not members:
            continue
        out += [
            f"## {title}",
            "",
            "| " + " | ".join(c for c, _ in columns) + " |",
            "|" + "|".join(" --- " for _ in columns) + "|",
        ]
        out += [
            "| " + " | ".join(_cell(get(m)) for _, get in columns) + " |"
            for m in members
        ]
        out.append("")
    return "\n".join(out)


_WRITERS: dict[str, Callable[[Taxonomy], str]] = {
    "mermaid": _mermaid,
    "dot": _dot,
    "json": _graph_json,
    "jsonld": _jsonld,
    "markdown": _markdown,
}


def export(
    taxonomy: Taxonomy,
    format: ExportFormat,  # noqa: A002
    *,
    path: str | os.PathLike[str] | None = None,
) -> str:
    """The taxonomy graph as text in *format*, also written to *path* if given.

    ``mermaid`` and ``dot`` draw categories, models, techniques and use cases
    with their links; ``json`` lists every node and edge; ``jsonld`` is
    linked data with an inline context: entities as IRIs under
    ``https://aitaxonomy.github.io/id/``, each typed with its kind's class and
    every class above it, categories as SKOS concepts, dates and numbers
    typed, schema.org terms where one fits (see ``docs/linked-data.md``);
    ``markdown`` is tables per kind. A file is
    written as :func:`dump` writes one: through a temporary file moved into
    place, with the mode ``open(path, "w")`` would give it.

    Raises:
        InvalidArgumentError: *format* is not one of those.
        ArgumentTypeError: *taxonomy* is not a :class:`~aitaxonomy.Taxonomy`.

    Example:
        >>> import aitaxonomy as ai
        >>> print(ai.export(ai.default_taxonomy(), "mermaid").splitlines()[0])
        flowchart LR
        >>> import pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     target = pathlib.Path(folder, "taxonomy.dot")
        ...     text = ai.export(ai.default_taxonomy(), "dot", path=target)
        ...     target.read_text("utf-8") == text
        True
    """
    if not isinstance(taxonomy, Taxonomy):
        raise ArgumentTypeError(
            f"export() takes a Taxonomy, not {type(taxonomy).__name__} "
            f"{shown(taxonomy)}"
        )
    name: object = format  # untyped callers may pass anything, even unhashable
    writer = _WRITERS.get(name) if isinstance(name, str) else None
    if writer is None:
        hint = did_you_mean(suggest(format, _WRITERS))
        raise InvalidArgumentError(
            f"unknown export format {shown(format)}{hint}; use one of "
            f"{', '.join(EXPORT_FORMATS)}"
        )
    text = writer(taxonomy)
    if path is not None:
        from ._files import _write  # noqa: PLC0415  # files load cattrs and more

        _write(Path(path), text)
    return text
