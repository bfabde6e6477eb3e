"""The JSON-LD export as linked data: loaded by rdflib and queried with SPARQL."""

from __future__ import annotations

import json
import socket
from typing import Any

import attrs
import pytest
import rdflib
from rdflib.namespace import RDF, RDFS, SKOS, XSD
from rdflib.query import ResultRow

import aitaxonomy as ai

TAX = ai.default_taxonomy()
# The documented IRIs (docs/linked-data.md): pinned, as they are stable.
AITX = rdflib.Namespace("https://aitaxonomy.github.io/ns#")
ID = rdflib.Namespace("https://aitaxonomy.github.io/id/")
SCHEMA = rdflib.Namespace("https://schema.org/")
SCHEME = rdflib.URIRef("https://aitaxonomy.github.io/categories")
PREFIXES = {"aitx": AITX, "schema": SCHEMA, "skos": SKOS, "rdfs": RDFS}


def _load(taxonomy: ai.Taxonomy) -> rdflib.Graph:
    return rdflib.Graph().parse(data=ai.export(taxonomy, "jsonld"), format="json-ld")


GRAPH = _load(TAX)


def _select(graph: rdflib.Graph, query: str) -> set[str]:
    """The first column of *query*'s answers, entity IRIs made ids again."""
    return {
        str(row[0]).removeprefix(str(ID))
        for row in graph.query(query, initNs=PREFIXES)
        if isinstance(row, ResultRow)
    }


def test_sparql_finds_the_generative_models_by_openai_since_2025_that_read_images() -> (
    None
):
    """``?m a aitx:genai`` finds LLMs, with no inference: the issue's example query."""
    found = _select(
        GRAPH,
        """
        SELECT ?model WHERE {
          ?model a aitx:genai ;
                 schema:creator <https://aitaxonomy.github.io/id/openai> ;
                 aitx:input_modalities "image" ;
                 schema:datePublished ?released .
          FILTER (STR(?released) >= "2025")
        }
        """,
    )
    expected = {
        m.id
        for m in TAX.models(category="genai", organization="openai", input="image")
        if m.released is not None and m.released >= "2025"
    }
    assert found == expected
    assert any(isinstance(TAX[i], ai.LLM) for i in found), "an LLM is among them"


def test_every_model_has_every_class_above_its_kind() -> None:
    """Asked by class, or through rdfs:subClassOf, the answers are the Python API's."""
    for kind, cls in (("ai-model", ai.AIModel), ("genai", ai.GenAI), ("llm", ai.LLM)):
        expected = {m.id for m in TAX.of_type(cls)}
        assert _select(GRAPH, f"SELECT ?m WHERE {{ ?m a aitx:{kind} }}") == expected
        inferred = f"SELECT ?m WHERE {{ ?m a/rdfs:subClassOf* aitx:{kind} }}"
        assert _select(GRAPH, inferred) == expected
    assert (AITX.llm, RDFS.subClassOf, AITX.genai) in GRAPH
    assert (AITX.genai, RDFS.subClassOf, AITX["ai-model"]) in GRAPH
    assert (AITX["ai-model"], RDFS.subClassOf, SCHEMA.SoftwareApplication) in GRAPH
    openai = TAX["openai"]
    assert isinstance(openai, ai.Organization)
    assert (ID.openai, RDF.type, SCHEMA.Organization) in GRAPH
    assert (ID.openai, SCHEMA.url, rdflib.URIRef(str(openai.url))) in GRAPH


def test_no_iri_is_both_a_class_and_a_property() -> None:
    classes = set(GRAPH.objects(None, RDF.type))
    assert classes
    assert not classes & set(GRAPH.predicates())


def test_categories_are_skos_concepts_in_one_scheme() -> None:
    categories = TAX.of_type(ai.Category)
    assert (SCHEME, RDF.type, SKOS.ConceptScheme) in GRAPH
    in_scheme = "SELECT ?c WHERE { ?c a skos:Concept ; skos:inScheme ?s }"
    assert _select(GRAPH, in_scheme) == {c.id for c in categories}
    assert GRAPH.query(
        "ASK { <https://aitaxonomy.github.io/id/llm> skos:broader+ "
        "<https://aitaxonomy.github.io/id/ai-model> }",
        initNs=PREFIXES,
    ).askAnswer
    for category in categories:
        node = ID[category.id]
        assert set(GRAPH.objects(node, SKOS.prefLabel)) == {
            rdflib.Literal(category.name)
        }
        assert set(GRAPH.objects(node, SKOS.altLabel)) == set(
            map(rdflib.Literal, category.aliases)
        )
        parents = {ID[category.parent]} if category.parent else set()
        assert set(GRAPH.objects(node, SKOS.broader)) == parents
        assert ((node, SKOS.topConceptOf, SCHEME) in GRAPH) is (not parents)


@pytest.mark.parametrize(
    ("length", "datatype"), [(4, XSD.gYear), (7, XSD.gYearMonth), (10, XSD.date)]
)
def test_release_dates_are_typed_by_their_precision(
    length: int, datatype: rdflib.URIRef
) -> None:
    model = next(m for m in TAX.models() if m.released and len(m.released) == length)
    (released,) = GRAPH.objects(ID[model.id], SCHEMA.datePublished)
    assert released == rdflib.Literal(model.released, datatype=datatype)


def test_numbers_and_flags_are_typed() -> None:
    model = next(m for m in TAX.models() if m.parameters and m.open_weights)
    (parameters,) = GRAPH.objects(ID[model.id], AITX.parameters)
    assert isinstance(parameters, rdflib.Literal)
    assert parameters.datatype == XSD.integer
    assert parameters.toPython() == model.parameters
    (open_weights,) = GRAPH.objects(ID[model.id], AITX.open_weights)
    assert isinstance(open_weights, rdflib.Literal)
    assert open_weights.datatype == XSD.boolean
    assert open_weights.toPython() is True


def test_what_a_kind_implies_is_stated() -> None:
    """An LLM that leaves its modalities and category at the default still has them."""
    model = next(m for m in TAX.of_type(ai.LLM) if m.category is None)
    node = ID[model.id]
    assert (node, AITX.output_modalities, rdflib.Literal("text")) in GRAPH
    assert (node, SCHEMA.category, ID.llm) in GRAPH
    assert (node, AITX.product, rdflib.Literal(False)) in GRAPH  # noqa: FBT003


def _predicate(context: dict[str, Any], field: str) -> rdflib.URIRef:
    """The IRI the document's context gives *field*."""
    term = context.get(field)
    if term is None:
        return AITX[field]
    prefix, _, name = term.partition(":")
    return rdflib.URIRef(context[prefix] + name)


def test_every_link_is_an_iri_to_the_entity() -> None:
    """Links are read from ai.links(), so every one, of every kind, points at a node."""
    context = json.loads(ai.export(TAX, "jsonld"))["@context"]
    count = 0
    for entity in TAX:
        for declared in ai.links(type(entity)):
            predicate = _predicate(context, declared.field)
            for target in declared.ids(entity):
                assert (ID[entity.id], predicate, ID[target]) in GRAPH
                count += 1
    assert count > len(TAX)


@ai.register_kind("sketch-genai")
@attrs.frozen(kw_only=True)
class Sketcher(ai.GenAI):
    """A custom kind under GenAI, with a link of its own."""

    inspired_by: tuple[str, ...] = ai.link(
        "ai-model", relation="inspired by", inverse="inspires", many=True
    )


def test_a_custom_kind_is_a_class_under_its_parent_with_its_links() -> None:
    tax = TAX.extend(
        Sketcher(
            id="acme/doodle",
            name="Doodle",
            input_modalities="text",
            output_modalities="image",
            organization="openai",
            inspired_by=("dall-e",),
        )
    )
    graph = _load(tax)
    assert (AITX["sketch-genai"], RDFS.subClassOf, AITX.genai) in graph
    node = ID["acme/doodle"]  # a namespaced id is a path under the namespace
    assert {AITX["sketch-genai"], AITX.genai, AITX["ai-model"]} <= set(
        graph.objects(node, RDF.type)
    )
    assert (node, AITX.inspired_by, ID["dall-e"]) in graph
    assert "acme/doodle" in _select(graph, "SELECT ?m WHERE { ?m a aitx:genai }")


def test_the_context_is_inline_and_parsing_needs_no_network(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("JSON-LD parsing went to the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    text = ai.export(TAX, "jsonld")
    assert isinstance(json.loads(text)["@context"], dict)
    assert len(rdflib.Graph().parse(data=text, format="json-ld")) == len(GRAPH)
