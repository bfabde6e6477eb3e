"""Exports of the taxonomy graph: Mermaid, Graphviz DOT, JSON, JSON-LD, Markdown."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._entities import AIModel, Category, Entity, Organization, Technique, UseCase
from ._errors import did_you_mean, shown, suggest
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
_VOCABULARY = "https://aitaxonomy.invalid/vocab#"


_INVERSES = {
    "is a": "members",
    "part of": "concepts",
    "favours": "use cases",
    "uses": "used by",
    "suits": "suited models",
    "powered by": "powers",
    "made by": "models",
}
"""Each relation :func:`edges` yields, read from its target's side."""


@attrs.frozen
class Edge:
    """A link between two entities, named by its relation (``"is a"``...).

    Attributes:
        source: The id of the entity that makes the link.
        target: The id of the entity it points at.
        relation: ``"is a"`` (a model or category to its category),
            ``"part of"`` (a technique to the technique it belongs to),
            ``"favours"`` (a use case to its category), ``"uses"`` (a model
            to a technique), ``"suits"`` (a model to a use case),
            ``"powered by"`` (a product to the model behind it) or
            ``"made by"`` (a model to its organisation).
    """

    source: str
    target: str
    relation: str

    @property
    def inverse(self) -> str:
        """The relation seen from the target: what its sources are to it.

        Example:
            >>> import aitaxonomy as ai
            >>> ai.Edge("chatgpt", "gpt-4", "powered by").inverse
            'powers'
        """
        return _INVERSES[self.relation]


def edges(taxonomy: Taxonomy, *, organizations: bool = False) -> Iterator[Edge]:
    """Every link of the taxonomy graph, in a stable order.

    Args:
        taxonomy: Whose links.
        organizations: Also yield each model's ``"made by"`` link.

    Example:
        >>> import aitaxonomy as ai
        >>> next(e for e in ai.edges(ai.default_taxonomy()) if e.source == "chatgpt")
        Edge(source='chatgpt', target='genai', relation='is a')
    """
    for entity in taxonomy:
        if isinstance(entity, Category) and entity.parent:
            yield Edge(entity.id, entity.parent, "is a")
        elif isinstance(entity, Technique) and entity.part_of:
            yield Edge(entity.id, entity.part_of, "part of")
        elif isinstance(entity, UseCase):
            yield Edge(entity.id, entity.category, "favours")
        elif isinstance(entity, AIModel):
            yield Edge(entity.id, entity.category_id, "is a")
            yield from (Edge(entity.id, t, "uses") for t in entity.techniques)
            yield from (Edge(entity.id, u, "suits") for u in entity.use_cases)
            yield from (Edge(entity.id, p, "powered by") for p in entity.powered_by)
            if organizations and entity.organization:
                yield Edge(entity.id, entity.organization, "made by")


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
    from ._convert import entity_to_data  # noqa: PLC0415

    links = (
        "organization",
        "category",
        "parent",
        "part_of",
        "techniques",
        "use_cases",
        "powered_by",
        "examples",
        "feature_examples",
    )
    graph = []
    for entity in taxonomy:
        data: dict[str, Any] = entity_to_data(entity)
        node: dict[str, Any] = {"@id": f"aitx:{entity.id}", "@type": data.pop("kind")}
        data.pop("id")
        if isinstance(entity, AIModel):
            data["category"] = entity.category_id
        for name, value in data.items():
            if name in links:
                node[name] = (
                    [{"@id": f"aitx:{v}"} for v in value]
                    if isinstance(value, list)
                    else {"@id": f"aitx:{value}"}
                )
            else:
                node[name] = value
        graph.append(node)
    document = {
        "@context": {"@vocab": _VOCABULARY, "aitx": "https://aitaxonomy.invalid/id/"},
        "@graph": graph,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


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
    linked data with ids as IRIs; ``markdown`` is tables per kind. A file is
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
