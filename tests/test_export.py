"""Exports of the graph: edges(), Edge.inverse and export(path=...)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

import aitaxonomy as ai

if TYPE_CHECKING:
    from pathlib import Path

BASE = ai.default_taxonomy()
EDGES = list(ai.edges(BASE, organizations=True))


def test_every_relation_has_its_own_inverse() -> None:
    relations = {e.relation for e in EDGES}
    assert relations == {
        "is a",
        "part of",
        "favours",
        "uses",
        "suits",
        "powered by",
        "made by",
    }
    inverses = {e.relation: e.inverse for e in EDGES}
    assert len(set(inverses.values())) == len(relations), "no two read alike"
    assert not set(inverses.values()) & relations


def test_edges_are_the_json_export_and_point_at_entities() -> None:
    graph = json.loads(ai.export(BASE, "json"))
    assert graph["edges"] == [
        {"source": e.source, "target": e.target, "relation": e.relation} for e in EDGES
    ]
    assert all(e.source in BASE and e.target in BASE for e in EDGES)
    assert [e for e in EDGES if e.relation != "made by"] == list(ai.edges(BASE))


@pytest.mark.parametrize("fmt", ["mermaid", "dot", "json", "jsonld", "markdown"])
def test_export_to_a_path_writes_what_it_returns(fmt: str, tmp_path: Path) -> None:
    target = tmp_path / "new" / f"graph.{fmt}"
    text = ai.export(BASE, fmt, path=target)  # type: ignore[arg-type]
    assert text == ai.export(BASE, fmt)  # type: ignore[arg-type]
    assert target.read_text("utf-8") == text
    assert [p.name for p in target.parent.iterdir()] == [target.name]
