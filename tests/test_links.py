"""Link fields: declared once with ``ai.link``, read by validation and exports."""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import aitaxonomy as ai
import strategies as sts
from aitaxonomy._fields import _valid_id, _valid_ids, _valid_optional_id

BASE = ai.default_taxonomy()

# The built-in links, as the article and the catalog format define them:
# (class, field, kinds it may point at, relation, drawn as an edge).
BUILTIN_LINKS = [
    (ai.AIModel, "organization", ("organization",), "made by", True),
    (ai.AIModel, "category", ("category",), "is a", True),
    (ai.AIModel, "techniques", ("technique",), "uses", True),
    (ai.AIModel, "use_cases", ("use-case",), "suits", True),
    (ai.AIModel, "powered_by", ("ai-model",), "powered by", True),
    (ai.AIModel, "job_types", ("job-type",), "does", False),
    (ai.Category, "parent", ("category",), "is a", True),
    (ai.Category, "examples", ("ai-model",), "example", False),
    (ai.Category, "feature_examples", ("ai-model",), "feature example", False),
    (ai.Technique, "part_of", ("technique",), "part of", True),
    (ai.Technique, "examples", ("ai-model",), "example", False),
    (ai.UseCase, "category", ("category",), "favours", True),
    (ai.UseCase, "examples", ("ai-model",), "example", False),
    (ai.UseCase, "job_types", ("job-type",), "instance of", False),
    (ai.JobType, "category", ("category",), "calls for", False),
    (ai.Citation, "section", ("section",), "cites", False),
]

# Slugs that name no entity: the only id-valued fields that are not links.
NOT_LINKS = {"id", "domains", "pipeline_tags"}


@pytest.mark.parametrize(
    ("cls", "field", "to", "relation", "edge"),
    BUILTIN_LINKS,
    ids=[f"{c.__name__}.{f}" for c, f, *_ in BUILTIN_LINKS],
)
def test_builtin_links_are_declared(
    cls: type, field: str, to: tuple[str, ...], relation: str, edge: bool
) -> None:
    declared = {k.field: k for k in ai.links(cls)}[field]
    assert (declared.to, declared.relation, declared.edge) == (to, relation, edge)


@pytest.mark.parametrize(
    "cls", [ai.AIModel, ai.Category, ai.Technique, ai.UseCase, ai.JobType, ai.Citation]
)
def test_every_id_field_is_a_link_or_named_otherwise(cls: type) -> None:
    """A new id field must be declared a link (or added to NOT_LINKS on purpose)."""
    id_fields = {
        f.name
        for f in attrs.fields(cls)
        if f.validator in (_valid_id, _valid_optional_id, _valid_ids)
    }
    assert id_fields - NOT_LINKS == {k.field for k in ai.links(cls)}
    validators = {f.name: f.validator for f in attrs.fields(cls)}
    for declared in ai.links(cls):
        assert declared.many is (validators[declared.field] is _valid_ids)


@pytest.mark.parametrize(
    ("field", "relation"),
    [("parent", "is a"), ("part_of", "part of"), ("powered_by", "powered by")],
)
def test_hierarchies_refuse_cycles(field: str, relation: str) -> None:
    owner = {"parent": ai.Category, "part_of": ai.Technique}.get(field, ai.AIModel)
    declared = {k.field: k for k in ai.links(owner)}[field]
    assert declared.acyclic
    assert declared.relation == relation


@ai.register_kind("distilled-llm")
@attrs.frozen(kw_only=True)
class Distilled(ai.LLM):
    """A custom kind with links of its own: one model, many techniques."""

    teacher: str | None = ai.link(
        "ai-model", relation="distilled from", inverse="teaches"
    )
    recipe: tuple[str, ...] = ai.link(
        ("technique", "use-case"),
        relation="follows",
        inverse="followed by",
        many=True,
        edge=False,
    )
    lineage: tuple[str, ...] = ai.link(
        "distilled-llm",
        relation="descends from",
        inverse="ancestor of",
        many=True,
        acyclic=True,
    )


def _grow(*models: ai.Entity) -> ai.Taxonomy:
    return BASE.extend(*models)


def test_a_custom_link_is_validated_with_a_suggestion() -> None:
    with pytest.raises(ai.TaxonomyError) as caught:
        _grow(Distilled(id="d", name="D", teacher="gpt-44"))
    assert [str(p) for p in caught.value.problems] == [
        "unknown ai-model 'gpt-44' (did you mean 'gpt-4' or 'gpt-4o' or 'gpt-4.1'?) "
        "@ extend(): $[0].teacher"
    ]


def test_a_custom_link_refuses_the_wrong_kind() -> None:
    with pytest.raises(ai.TaxonomyError) as caught:
        _grow(Distilled(id="d", name="D", recipe=("transformer", "openai")))
    assert [p.message for p in caught.value.problems] == [
        "'openai' is an organization, not a technique or a use-case"
    ]
    assert caught.value.problems[0].path == "$[0].recipe[1]"


def test_a_custom_acyclic_link_refuses_a_cycle() -> None:
    first = Distilled(id="d1", name="D1", lineage=("d2",))
    second = Distilled(id="d2", name="D2", lineage=("d1",))
    with pytest.raises(ai.TaxonomyError, match=r"lineage cycle: d1 -> d2 -> d1"):
        _grow(first, second)


def test_a_custom_link_reaches_edges_references_jsonld_and_the_schema() -> None:
    model = Distilled(
        id="d", name="D", teacher="llama", recipe=("transformer", "code_generation")
    )
    tax = _grow(model)
    drawn = [e for e in ai.edges(tax) if e.source == "d"]
    assert ai.Edge("d", "llama", "distilled from") in drawn
    assert not any(e.relation == "follows" for e in drawn)  # edge=False
    assert ai.Edge("d", "llama", "distilled from").inverse == "teaches"
    assert ("teacher", "llama") in list(model.references())
    assert ("recipe[1]", "code_generation") in list(model.references())
    node = next(
        n for n in json.loads(ai.export(tax, "jsonld"))["@graph"] if n["@id"] == "d"
    )
    assert node["teacher"] == {"@id": "llama"}
    assert node["recipe"] == [{"@id": "transformer"}, {"@id": "code_generation"}]
    schema = ai.json_schema()["$defs"]["distilled-llm"]["properties"]
    assert (
        schema["teacher"]["description"]
        == "the id of one ai-model entity (distilled from)"
    )
    assert "pattern" in schema["recipe"]["items"]


def test_the_fast_check_and_the_close_look_agree_on_custom_links() -> None:
    """Many models of one class go the set-based route; one bad id still shows."""
    models = [Distilled(id=f"d{i}", name=f"D{i}", teacher="llama") for i in range(50)]
    _grow(*models)  # valid
    models[37] = Distilled(id="d37", name="D37", teacher="lama")
    with pytest.raises(ai.TaxonomyError) as caught:
        _grow(*models)
    assert [p.path for p in caught.value.problems] == ["$[37].teacher"]


def test_register_kind_refuses_a_link_to_an_unregistered_kind() -> None:
    @attrs.frozen(kw_only=True)
    class Typo(ai.LLM):
        teacher: str | None = ai.link("ai-modle", relation="x", inverse="y")

    with pytest.raises(
        ai.errors.InvalidKindError,
        match=r"Typo.teacher links to kind 'ai-modle', which is not registered "
        r"\(did you mean 'ai-model'\?\)",
    ):
        ai.register_kind("typo-llm", Typo)
    assert "typo-llm" not in ai.json_schema()["$defs"]


def test_register_kind_refuses_a_relation_read_two_ways() -> None:
    @attrs.frozen(kw_only=True)
    class Clash(ai.LLM):
        maker: str | None = ai.link(
            "organization", relation="made by", inverse="products"
        )

    with pytest.raises(ai.errors.InvalidKindError, match=r"another link reads it"):
        ai.register_kind("clash-llm", Clash)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: ai.link("", relation="r", inverse="i"), "kind names"),
        (lambda: ai.link(("Technique",), relation="r", inverse="i"), "kind names"),
        (lambda: ai.link((), relation="r", inverse="i"), "kind names"),
        (lambda: ai.link("technique", relation=" ", inverse="i"), "relation"),
        (lambda: ai.link("technique", relation="r", inverse=3), "inverse"),  # type: ignore[arg-type]
    ],
)
def test_link_refuses_bad_declarations(call: object, message: str) -> None:
    with pytest.raises(ai.errors.InvalidArgumentError, match=message):
        call()  # type: ignore[operator]


@pytest.mark.parametrize("value", [1, "llm", ai.LLM, [ai.LLM]])
def test_links_takes_an_attrs_class(value: object) -> None:
    if value is ai.LLM:
        assert ai.links(value)
        return
    with pytest.raises(ai.errors.ArgumentTypeError, match="links\\(\\) takes"):
        ai.links(value)  # type: ignore[arg-type]


def test_an_unknown_relation_has_no_inverse() -> None:
    with pytest.raises(ai.errors.InvalidArgumentError, match="did you mean 'uses'"):
        _ = ai.Edge("a", "b", "usees").inverse


def test_edges_refuses_a_non_taxonomy_when_called() -> None:
    with pytest.raises(ai.errors.ArgumentTypeError, match="edges\\(\\) takes"):
        ai.edges(1)  # type: ignore[arg-type]


def test_every_edge_is_a_reference_of_its_source() -> None:
    for edge in ai.edges(BASE, organizations=True):
        assert edge.target in {ref for _, ref in BASE[edge.source].references()}


@given(sts.entities)
def test_references_are_the_declared_link_values(entity: ai.Entity) -> None:
    """Law: an entity references exactly what its link fields and citations hold."""
    expected = [i for k in ai.links(type(entity)) for i in k.ids(entity)]
    expected += [c.section for c in entity.provenance if c.section is not None]
    assert [ref for _, ref in entity.references()] == expected


@given(st.sampled_from(BUILTIN_LINKS))
def test_edge_relations_have_their_declared_inverse(row: tuple[object, ...]) -> None:
    cls, field = row[0], str(row[1])
    declared = {k.field: k for k in ai.links(cls)}[field]  # type: ignore[arg-type]
    assert ai.Edge("a", "b", declared.relation).inverse == declared.inverse


def test_a_citations_link_is_named_by_its_place_in_provenance() -> None:
    model = ai.GenAI(
        id="x",
        name="X",
        techniques=["gan", "diffusion"],
        provenance=[
            ai.Citation(url="https://example.org", as_of="2026-12-01"),
            ai.Citation(section="what-is-genai"),
        ],
    )
    assert list(model.references()) == [
        ("category", "genai"),
        ("techniques[0]", "gan"),
        ("techniques[1]", "diffusion"),
        ("provenance[1].section", "what-is-genai"),
    ]
