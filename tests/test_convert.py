"""The converter: entities to plain data and back, and errors with paths."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import aitaxonomy as ai
import strategies as sts
from aitaxonomy._catalog import _packaged_documents
from aitaxonomy._convert import (
    GROUPS,
    data_to_entity,
    document_to_entities,
    entities_to_document,
    entity_to_data,
)
from aitaxonomy._kinds import KindRegistry, default_kinds
from aitaxonomy._load import Document, build
from aitaxonomy._structure import (
    _citations_pass,
    _spec_of,
    fast_document,
    fast_documents,
)


@given(sts.entities)
def test_any_valid_entity_round_trips_unchanged(entity: ai.Entity) -> None:
    """Law: structure(unstructure(e)) == e, for every kind, through JSON text."""
    data = json.loads(json.dumps(entity_to_data(entity)))
    assert data["kind"] == type(entity).KIND
    assert data_to_entity(data, "$") == entity


def test_default_taxonomy_round_trips_as_a_document() -> None:
    document = json.loads(json.dumps(entities_to_document(list(ai.default_taxonomy()))))
    rebuilt = build([Document("doc.json", document)])
    assert rebuilt == ai.default_taxonomy()


def test_defaults_are_omitted_and_modalities_sorted() -> None:
    data = entity_to_data(ai.LLM(id="x", name="X", input_modalities=["text", "image"]))
    assert data == {
        "kind": "llm",
        "id": "x",
        "name": "X",
        "input_modalities": ["image", "text"],
    }


def _doc(*models: object, **extra: object) -> dict[str, object]:
    return {"format": 1, "models": list(models), **extra}


GOOD = {"kind": "llm", "id": "x", "name": "X"}


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        pytest.param(
            _doc({**GOOD, "output_modalities": ["imgae"]}),
            [
                "unknown modality 'imgae' (did you mean 'image'?); known: text, code, image, "
                "audio, music, speech, video, embedding, 3d, molecule, table, label, boxes, mask, score, ranking, forecast, action @ m.toml: $.models[0].output_modalities[0]"
            ],
            id="modality-typo",
        ),
        pytest.param(
            _doc(GOOD, {**GOOD, "id": "y", "output_modalities": ["text", "image"]}),
            [
                "'y': an LLM outputs text only; got image, text "
                "@ m.toml: $.models[1].output_modalities"
            ],
            id="llm-image",
        ),
        pytest.param(
            _doc({**GOOD, "nmae": "typo"}),
            ["unknown key 'nmae' (did you mean 'name'?) @ m.toml: $.models[0].nmae"],
            id="unknown-key",
        ),
        pytest.param(
            _doc({"kind": "llm", "id": "x"}),
            ["required field missing @ m.toml: $.models[0].name"],
            id="missing-name",
        ),
        pytest.param(
            _doc({**GOOD, "kind": "lml"}),
            ["unknown kind 'lml' (did you mean 'llm'?) @ m.toml: $.models[0].kind"],
            id="unknown-kind",
        ),
        pytest.param(
            _doc({**GOOD, "kind": "technique"}),
            [
                "a 'technique' does not belong in this list (it holds ai-model entities) "
                "@ m.toml: $.models[0].kind"
            ],
            id="kind-in-wrong-group",
        ),
        pytest.param(
            _doc({**GOOD, "techniques": "transformer"}),
            ["expected a list, got str 'transformer' @ m.toml: $.models[0].techniques"],
            id="string-for-list",
        ),
        pytest.param(
            _doc({**GOOD, "open_weights": "yes"}),
            [
                "expected true or false, got str 'yes' @ m.toml: $.models[0].open_weights"
            ],
            id="string-for-bool",
        ),
        pytest.param(
            _doc({**GOOD, "name": 42}),
            ["expected a string, got int 42 @ m.toml: $.models[0].name"],
            id="int-for-str",
        ),
        pytest.param(
            _doc({**GOOD, "id": "Not A Slug"}),
            [
                "id 'Not A Slug' is not a lowercase slug (did you mean 'not-a-slug'?); ids use "
                "a-z, 0-9 and '-', '_' or '.' between them ('/' between namespaces) "
                "@ m.toml: $.models[0].id"
            ],
            id="bad-id",
        ),
        pytest.param(
            _doc({**GOOD, "provenance": [{"url": "https://x.org"}]}),
            [
                "citation of 'https://x.org' needs as_of, the day it was read "
                "@ m.toml: $.models[0].provenance[0].as_of"
            ],
            id="citation-without-date",
        ),
        pytest.param(
            _doc({**GOOD, "provenance": ["article"]}),
            [
                "expected a table (mapping) for Citation @ m.toml: $.models[0].provenance[0]"
            ],
            id="citation-not-a-table",
        ),
        *(
            pytest.param(
                _doc({**GOOD, "provenance": [item]}),
                [
                    "expected a table (mapping) for Citation "
                    "@ m.toml: $.models[0].provenance[0]"
                ],
                id=f"citation-{type(item).__name__}",
            )
            for item in (3, None, ["article"], 1.5, True)
        ),
        pytest.param(
            _doc("not a table"),
            ["expected a table (mapping), got str @ m.toml: $.models[0]"],
            id="entry-str",
        ),
        pytest.param(
            {"models": [GOOD]},
            ["missing 'format' (this release reads format 1) @ m.toml: $.format"],
            id="no-format",
        ),
        pytest.param(
            {"format": 2, "models": [GOOD]},
            [
                "format 2 is newer than this release reads (1); upgrade aitaxonomy "
                "@ m.toml: $.format"
            ],
            id="newer-format",
        ),
        pytest.param(
            {"format": 1, "modles": []},
            ["unknown key 'modles' (did you mean 'models'?) @ m.toml: $.modles"],
            id="unknown-group",
        ),
        pytest.param(
            {"format": 1, "models": {"x": GOOD}},
            ["expected a list of tables, got dict @ m.toml: $.models"],
            id="group-not-list",
        ),
        pytest.param(
            [GOOD],
            ["expected a table at the top, got list @ m.toml: $"],
            id="top-list",
        ),
    ],
)
def test_document_errors_name_file_and_path(document: object, expected: Any) -> None:
    entities, problems = document_to_entities(document, file="m.toml")
    assert [str(p) for p in problems] == expected
    assert len(entities) + len(problems) >= 1


def test_missing_kind_lists_the_kinds_that_fit() -> None:
    """Built-in model kinds first, then any registered ones (other tests add some)."""
    _, problems = document_to_entities(_doc({"id": "x", "name": "X"}), file="m.toml")
    (problem,) = problems
    assert problem.message.startswith("missing 'kind' (one of: ai-model, genai, llm")
    assert "technique" not in problem.message
    assert (problem.file, problem.path) == ("m.toml", "$.models[0].kind")


def test_invariant_errors_point_into_the_file() -> None:
    """A dangling reference found after structuring still names the file and entry."""
    base = entities_to_document(list(ai.default_taxonomy()))
    extra = _doc(GOOD, {**GOOD, "id": "y", "organization": "opneai"})
    with pytest.raises(ai.TaxonomyError) as info:
        build([Document("base.json", base), Document("mine.toml", extra)])
    assert [str(p) for p in info.value.problems] == [
        "unknown organization 'opneai' (did you mean 'openai'?) "
        "@ mine.toml: $.models[1].organization"
    ]


def test_duplicate_across_files_points_at_the_second() -> None:
    base = entities_to_document(list(ai.default_taxonomy()))
    extra = _doc({**GOOD, "id": "gpt-4"})
    with pytest.raises(ai.TaxonomyError) as info:
        build([Document("base.json", base), Document("mine.toml", extra)])
    assert [str(p) for p in info.value.problems] == [
        "duplicate id 'gpt-4' (already used by a model) @ mine.toml: $.models[0].id"
    ]


# -- the fast path -------------------------------------------------------------------

_KEYS = st.sampled_from(
    [
        "kind", "id", "name", "aliases", "provenance", "organization", "category",
        "input_modalities", "output_modalities", "techniques", "powered_by",
        "open_weights", "released", "product", "parameters", "section", "url",
        "as_of", "covers", "note", "generative", "outputs", "number", "nmae",
    ]
)  # fmt: skip

_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-2, 2**51)
    | st.sampled_from(
        ["", " ", "x", "X Y", "gpt-4", "openai", "text", "imgae", "Images", "2024-13"]
    )
    | st.sampled_from(["2024-02", "https://a.org", "http://a.org", "diffusion"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3)
    ),
    max_leaves=8,
)


def _entries(entity: ai.Entity) -> st.SearchStrategy[dict[str, Any]]:
    """The entity's data, with up to two fields changed or removed."""
    data = json.loads(json.dumps(entity_to_data(entity)))
    changes = st.lists(st.tuples(_KEYS, _VALUES | st.just(_DROP)), max_size=2)

    def change(edits: list[tuple[str, object]]) -> dict[str, Any]:
        changed = dict(data)
        for key, value in edits:
            if value is _DROP:
                changed.pop(key, None)
            else:
                changed[key] = value
        return changed

    return changes.map(change)


_DROP = object()


def _both_paths(
    document: dict[str, Any], table: type
) -> tuple[
    tuple[dict[str, Any], list[ai.Entity]] | None, list[ai.Entity], list[ai.Problem]
]:
    """The fast path's answer for *document* parsed with *table* (``dict``, or
    ``tuple`` for the pairs a duplicate-key check parses), and the detailed
    path's entities and problems."""
    text = json.dumps(document)
    parsed = json.loads(text, object_pairs_hook=dict if table is dict else tuple)
    entities, problems = document_to_entities(json.loads(text))
    return fast_document(parsed, default_kinds()), entities, problems


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(sts.entities.flatmap(_entries), min_size=1, max_size=6),
    st.sampled_from([dict, tuple]),
)
def test_the_fast_path_accepts_only_what_the_detailed_one_does(
    entries: list[dict[str, Any]], table: type
) -> None:
    """Law: where the fast path gives entities, the detailed one gives the same, and
    no problem; tables as dicts or as the pairs a duplicate-key check parses."""
    groups: dict[str, list[Any]] = {}
    for entry in entries:
        kind = entry.get("kind")
        group = next(
            (
                g
                for g, base in GROUPS.items()
                if isinstance(kind, str)
                and kind in default_kinds()
                and issubclass(default_kinds().cls(kind), base)
            ),
            "models",
        )
        groups.setdefault(group, []).append(entry)
    document = {"format": 1, **groups}
    fast, entities, problems = _both_paths(document, table)
    if fast is not None:
        assert problems == []
        assert fast[1] == entities
        assert [type(e) for e in fast[1]] == [type(e) for e in entities]
        if table is dict:
            assert fast[0] == document


@given(sts.entities)
def test_the_fast_path_takes_any_valid_entity(entity: ai.Entity) -> None:
    document = {"format": 1, **entities_to_document([entity])}
    found = fast_document(json.loads(json.dumps(document)), default_kinds())
    assert found is not None
    assert found[1] == [entity]


@pytest.mark.parametrize(
    "text",
    [
        '{"format": 1, "models": [{"kind": "llm", "id": "a", "id": "a", "name": "A"}]}',
        '{"format": 1, "models": [{"kind": "llm", "id": "a", "name": "A", "provenance":'
        ' [{"section": "s", "section": "s"}]}]}',
        '{"format": 1, "format": 1, "models": []}',
    ],
)
def test_the_fast_path_sees_a_repeated_key(text: str) -> None:
    assert (
        fast_document(json.loads(text, object_pairs_hook=tuple), default_kinds())
        is None
    )


@pytest.mark.parametrize(
    "models",
    [
        # the same keys in another order, or some left out, in one list
        '[{"kind": "llm", "id": "a", "name": "A"}, {"name": "B", "id": "b", '
        '"kind": "llm"}]',
        '[{"kind": "llm", "id": "a", "name": "A", "released": "2024"}, '
        '{"kind": "genai", "id": "b", "name": "B"}, {"kind": "llm", "id": "c", '
        '"name": "C"}]',
        '[{"kind": "llm", "id": "a", "name": "A", "released": "2024"}, '
        '{"kind": "genai", "id": "b", "name": "B"}]',
        # several kinds naming the same keys: each column is checked once
        '[{"kind": "llm", "id": "a", "name": "A", "output_modalities": ["text"], '
        '"techniques": ["transformer"], "provenance": [{"section": "llms"}]}, '
        '{"kind": "genai", "id": "b", "name": "B", "output_modalities": ["image"], '
        '"techniques": ["diffusion"], "provenance": []}, '
        '{"kind": "ai-model", "id": "c", "name": "C", "output_modalities": '
        '["embedding"], "techniques": ["transformer"], "provenance": []}]',
    ],
)
def test_the_fast_path_reads_tables_of_differing_keys(models: str) -> None:
    text = f'{{"format": 1, "models": {models}}}'
    found = fast_document(json.loads(text, object_pairs_hook=tuple), default_kinds())
    assert found is not None
    assert found[1] == document_to_entities(json.loads(text))[0]


def test_the_fast_path_sees_a_key_repeated_in_every_table() -> None:
    rows = [f'{{"kind": "llm", "id": "{i}", "name": "M", "id": "{i}"}}' for i in "ab"]
    text = f'{{"format": 1, "models": [{", ".join(rows)}]}}'
    assert (
        fast_document(json.loads(text, object_pairs_hook=tuple), default_kinds())
        is None
    )


def test_the_fast_path_steps_aside_when_validators_are_off() -> None:
    document = {"format": 1, "models": [{"kind": "llm", "id": "a", "name": "A"}]}
    assert fast_document(document, default_kinds()) is not None
    with attrs.validators.disabled():
        assert fast_document(document, default_kinds()) is None


def test_built_entities_are_plain_frozen_instances() -> None:
    document = {"format": 1, "models": [{"kind": "genai", "id": "a", "name": "A"}]}
    found = fast_document(document, default_kinds())
    assert found is not None
    (model,) = found[1]
    assert type(model) is ai.GenAI
    assert model == ai.GenAI(id="a", name="A")
    assert hash(model) == hash(ai.GenAI(id="a", name="A"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        model.name = "B"  # type: ignore[misc]


def _accepts(cls: type[ai.GenAI], **fields: Any) -> bool:
    try:
        cls(**fields)
    except ai.errors.InvalidEntityError:
        return False
    return True


@given(
    st.sampled_from([ai.GenAI, ai.LLM]),
    sts.modalities,
    sts.modalities,
    st.lists(
        st.tuples(sts.ids, sts.names, sts.id_tuples, sts.dates, sts.flags),
        min_size=2,
        max_size=2,
    ),
)
def test_generative_rules_read_only_the_modalities(
    cls: type[ai.GenAI],
    inputs: frozenset[ai.Modality],
    outputs: frozenset[ai.Modality],
    others: list[tuple[str, str, tuple[str, ...], str | None, bool | None]],
) -> None:
    """The fast path checks one model per pair of modalities: what else a model
    holds never changes whether GenAI's and LLM's own rules accept it."""
    outcomes = {
        _accepts(
            cls,
            id=entity_id,
            name=name,
            techniques=techniques,
            released=released,
            open_weights=flag,
            input_modalities=inputs,
            output_modalities=outputs,
        )
        for entity_id, name, techniques, released, flag in others
    }
    assert len(outcomes) == 1


@given(
    st.lists(
        st.tuples(
            st.none() | st.just("intro"),
            st.none() | st.sampled_from(["https://a.org", "http://a.org", ""]),
            st.none() | st.just("2026-01-02"),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_citation_rules_are_proved_a_column_at_a_time(
    rows: list[tuple[str | None, str | None, str | None]],
) -> None:
    """The fast path proves Citation's own rules for a whole column at once:
    its proof holds exactly when every citation passes the class's check."""
    spec = _spec_of(ai.Citation)
    assert spec is not None
    names = [field.name for field in spec.fields]
    built = [
        spec.build(
            *(
                {"section": section, "url": url, "as_of": as_of}.get(
                    name, field.default
                )
                for name, field in zip(names, spec.fields, strict=True)
            )
        )
        for section, url, as_of in rows
    ]

    def passes(citation: ai.Citation) -> bool:
        try:
            citation.__attrs_post_init__()
        except ai.errors.InvalidEntityError:
            return False
        return True

    columns = {name: [getattr(citation, name) for citation in built] for name in names}
    assert _citations_pass(columns) == all(map(passes, built))


def test_packaged_documents_read_together_as_one_by_one() -> None:
    """The packaged catalog, one entity per file, is read as one long list:
    the same entities in the same order as file by file, the detailed way."""
    documents = _packaged_documents(("jobs", "article", "catalog"))
    one_by_one = [
        entity
        for file, document in documents
        for entity in document_to_entities(document, file=file)[0]
    ]
    together = fast_documents([d for _, d in documents], default_kinds())
    assert together == one_by_one
    assert [type(e) for e in together or ()] == [type(e) for e in one_by_one]


@given(st.lists(sts.entities, min_size=1, max_size=8), st.data())
def test_documents_of_any_shape_read_together_in_order(
    entities: list[ai.Entity], data: st.DataObject
) -> None:
    """Law: grouped and one-entity documents, mixed, give their entities in order."""
    documents: list[object] = []
    for entity in entities:
        if data.draw(st.booleans()):
            documents.append({"format": 1, **entity_to_data(entity)})
        else:
            documents.append({"format": 1, **entities_to_document([entity])})
    assert fast_documents(documents, default_kinds()) == entities


@pytest.mark.parametrize(
    ("fields", "problems"),
    [
        (
            {"context_window": True},
            ["expected an integer, got bool True @ $.models[0].context_window"],
        ),
        (
            {"context_window": 1.5},
            ["expected an integer, got float 1.5 @ $.models[0].context_window"],
        ),
        (
            {"context_window": "big"},
            ["expected an integer, got str 'big' @ $.models[0].context_window"],
        ),
        (
            {"input_price": True},
            ["expected a number, got bool True @ $.models[0].input_price"],
        ),
        (
            {"input_price": "cheap"},
            ["expected a number, got str 'cheap' @ $.models[0].input_price"],
        ),
        (
            {"open_weights": 1},
            ["expected true or false, got int 1 @ $.models[0].open_weights"],
        ),
        (
            {"output_modalities": "text"},
            ["expected a list of modalities, got str @ $.models[0].output_modalities"],
        ),
        ({"aliases": "a"}, ["expected a list, got str 'a' @ $.models[0].aliases"]),
        (
            {"aliases": [1, "b", 2]},
            [
                "expected a string, got int 1 @ $.models[0].aliases[0]",
                "expected a string, got int 2 @ $.models[0].aliases[2]",
            ],
        ),
        ({"name": 3}, ["expected a string, got int 3 @ $.models[0].name"]),
        ({"kind": 3}, ["kind must be a string, got 3 @ $.models[0].kind"]),
        (
            {"provenance": [{"sectoin": "conclusion"}]},
            [
                "unknown key 'sectoin' (did you mean 'section'?) "
                "@ $.models[0].provenance[0].sectoin"
            ],
        ),
        (
            {"provenance": [{"section": "conclusion", "as_of": 3}]},
            ["expected a string, got int 3 @ $.models[0].provenance[0].as_of"],
        ),
    ],
)
def test_a_wrong_type_is_named_with_its_value_and_place(
    fields: dict[str, object], problems: list[str]
) -> None:
    """Every bad value is reported at its own path, none dropped."""
    text = json.dumps({"format": 1, "models": [{**GOOD, **fields}]})
    with pytest.raises(ai.TaxonomyError) as info:
        ai.loads(text, format="json", base=ai.article_taxonomy())
    assert [str(p) for p in info.value.problems] == problems


@pytest.mark.parametrize(
    ("fields", "value"),
    [
        ({"input_price": 2}, 2),
        ({"input_price": 0.5}, 0.5),
        ({"input_price": 0}, 0),
        ({"context_window": 8192}, 8192),
        ({"open_weights": False}, False),
    ],
)
def test_good_values_are_read_as_given(
    fields: dict[str, object], value: object
) -> None:
    text = json.dumps({"format": 1, "models": [{**GOOD, **fields}]})
    model = ai.loads(text, format="json", base=ai.article_taxonomy())["x"]
    ((name, _),) = fields.items()
    assert getattr(model, name) == value


def _positive(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        # a TypeError on purpose: it is not about the shape of the data
        msg = f"{attribute.name} must not be negative, got {value}"
        raise TypeError(msg)


@attrs.frozen(kw_only=True)
class RatedLLM(ai.LLM):
    """A user's kind (not registered globally) with fields nothing else checks."""

    rating: int = attrs.field(default=0, validator=_positive)
    weights: dict[str, float] = attrs.field(factory=dict)


def _rated_kinds() -> KindRegistry:
    builtin = default_kinds()
    return KindRegistry(
        {**{n: builtin.cls(n) for n in builtin.names()}, "rated-llm": RatedLLM}
    )


RATED = {"kind": "rated-llm", "id": "r", "name": "R"}


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"weights": {"a": "x"}},
            ("expected a number, got str 'x'", "$.models[0].weights['a']"),
        ),
        (
            {"weights": ["a"]},
            ("expected a table (mapping) for dict[str, float]", "$.models[0].weights"),
        ),
        (
            {"weights": "a"},
            ("expected a table (mapping) for dict[str, float]", "$.models[0].weights"),
        ),
        (
            {"rating": "high"},
            ("expected an integer, got str 'high'", "$.models[0].rating"),
        ),
        # the class's own validator: about the value, not the data's shape
        (
            {"rating": -1},
            ("invalid value (rating must not be negative, got -1)", "$.models[0]"),
        ),
    ],
)
def test_a_users_kind_has_every_field_checked(
    fields: dict[str, object], expected: tuple[str, str]
) -> None:
    """A user's class is never built unchecked: its fields may have no validators."""
    problems = data_to_entity(
        {**RATED, **fields}, "$.models[0]", kinds=_rated_kinds(), file="f.toml"
    )
    assert isinstance(problems, list)
    assert [(p.message, p.path, p.file) for p in problems] == [(*expected, "f.toml")]


def test_a_users_kind_reads_as_given() -> None:
    data = {**RATED, "rating": 2, "weights": {"a": 1.5}, "sources": {"litellm": "r"}}
    entity = data_to_entity(data, "$", kinds=_rated_kinds())
    assert entity == RatedLLM(
        id="r", name="R", rating=2, weights={"a": 1.5}, sources={"litellm": "r"}
    )


@pytest.mark.parametrize("kind", ["ai-model", "genai", "llm"])
def test_a_citation_covers_a_list_of_fields_not_a_string(kind: str) -> None:
    """The quick path for built-in kinds refuses what the detailed path refuses."""
    citation = {"url": "https://example.com", "as_of": "2026-01-01", "covers": "id"}
    data = {"kind": kind, "id": "m", "name": "M", "provenance": [citation]}
    problems = data_to_entity(data, "$.models[0]", file="f.toml")
    assert isinstance(problems, list)
    assert [(p.message, p.path) for p in problems] == [
        ("expected a list, got str 'id'", "$.models[0].provenance[0].covers")
    ]


def test_the_kind_may_come_anywhere_in_an_entitys_table() -> None:
    """Every field after ``kind`` is read, not only those before it."""
    data = {"id": "m", "name": "M", "kind": "llm", "organization": "openai"}
    entity = data_to_entity(data, "$")
    assert entity == ai.LLM(id="m", name="M", organization="openai")


def test_a_one_entity_document_reads_with_the_given_kinds() -> None:
    """A models.dev-style file of one entity uses the caller's kinds too."""
    kinds = _rated_kinds()
    entities, problems = document_to_entities(
        {"format": 1, **RATED, "rating": 3}, kinds=kinds, file="one.toml"
    )
    assert (entities, problems) == ([RatedLLM(id="r", name="R", rating=3)], [])
    entities, problems = document_to_entities(
        {"format": 1, **RATED, "rating": "x"}, kinds=kinds, file="one.toml"
    )
    assert entities == []
    assert [str(p) for p in problems] == [
        "expected an integer, got str 'x' @ one.toml: $.rating"
    ]


@pytest.mark.parametrize("kind", [3, None, ["llm"], True])
def test_a_bad_kind_names_its_file(kind: object) -> None:
    """Every early refusal keeps the file, as the detailed errors do."""
    problems = data_to_entity({**GOOD, "kind": kind}, "$.models[0]", file="m.toml")
    assert isinstance(problems, list)
    assert [(p.path, p.file) for p in problems] == [("$.models[0].kind", "m.toml")]


# (field, value, whether the entity is valid): each rule of the fast path on
# both sides of its boundary. A valid value must be taken by the fast path (it
# is the common case, and speed is its point), an invalid one refused by both.
_EDGES = [
    ("id", "a" * 200, True),
    ("id", "a" * 201, False),
    ("id", "Open AI", False),
    ("name", "é", True),
    ("name", " ", False),
    ("name", "M\ud800", False),
    ("description", "x\ud800", False),
    ("aliases", ["é", "b"], True),
    ("aliases", ["a", " "], False),
    ("aliases", ["a\ud800"], False),
    ("organization", None, True),
    ("organization", "Open AI", False),
    ("techniques", ["transformer", "diffusion"], True),
    ("techniques", ["transformer", "transformer"], False),
    ("techniques", ["Transformer"], False),
    ("parameters", 1, True),
    ("parameters", 10**15, True),
    ("parameters", 0, False),
    ("parameters", -1, False),
    ("parameters", 10**15 + 1, False),
    ("context_window", None, True),
    ("context_window", 0, False),
    ("context_window", True, False),
    ("input_price", 0, True),
    ("input_price", 0.0, True),
    ("input_price", 2.5, True),
    ("input_price", -0.5, False),
    ("input_price", float("inf"), False),
    ("input_price", True, False),
    ("released", "2024", True),
    ("released", "2024-12-31", True),
    ("released", "2024-13", False),
    ("released", 2024, False),
    ("open_weights", None, True),
    ("open_weights", False, True),
    ("open_weights", 1, False),
    ("product", True, True),
    ("product", None, False),
    ("capabilities", ["reasoning", "tools"], True),
    ("capabilities", ["tools", "tools"], False),
    ("capabilities", ["tool"], False),
    ("sources", {}, True),
    ("sources", {"litellm": "x"}, True),
    ("sources", {"litellm": ""}, False),
    ("input_modalities", ["text", "text"], True),
    ("input_modalities", ["text", "image"], True),
    ("output_modalities", ["image"], False),
    ("provenance", [{"url": "https://a.org", "as_of": "2024"}], True),
    ("provenance", [{"url": "http://a.org", "as_of": "2024"}], False),
    ("provenance", [{"url": "https://a.org"}], False),
    ("number", 1, False),
]


_NEIGHBOURS: dict[str, list[dict[str, object]]] = {
    "one kind": [{"kind": "llm", "id": "first", "name": "First"}],
    "two kinds": [
        {"kind": "llm", "id": "first", "name": "First"},
        {"kind": "genai", "id": "art", "name": "Art", "output_modalities": ["image"]},
    ],
}


@pytest.mark.parametrize("table", [dict, tuple])
@pytest.mark.parametrize("neighbours", list(_NEIGHBOURS))
@pytest.mark.parametrize(
    ("field", "value", "valid"),
    _EDGES,
    ids=[f"{f}={v!r:.20}" for f, v, _ in _EDGES],
)
def test_the_fast_path_draws_each_line_where_the_classes_do(
    field: str, value: object, valid: bool, neighbours: str, table: type
) -> None:
    """Beside other models, so that each column holds several values."""
    models = [
        *_NEIGHBOURS[neighbours],
        {"kind": "llm", "id": "m", "name": "M", field: value},
    ]
    fast, entities, problems = _both_paths({"format": 1, "models": models}, table)
    assert (problems == []) is valid
    if valid:
        assert fast is not None
        assert fast[1] == entities
    else:
        assert fast is None


def test_the_fast_path_takes_a_one_entity_file() -> None:
    """A models.dev-style file of one entity is read a column at a time too."""
    document = {"format": 1, "kind": "llm", "id": "m", "name": "M"}
    found = fast_document(document, default_kinds())
    assert found is not None
    assert found[1] == [ai.LLM(id="m", name="M")]


@pytest.mark.parametrize("table", [dict, tuple])
def test_the_fast_path_checks_a_column_two_kinds_share_once(table: type) -> None:
    """Every table names every key: each column is checked once, for both kinds."""

    def model(kind: str, key: str, source: str, price: float | None) -> dict[str, Any]:
        # the same keys in the same order in every table, as a program writes them
        return {
            "kind": kind,
            "id": key,
            "name": key.upper(),
            "sources": {source: key},
            "capabilities": ["tools"],
            "input_modalities": ["text"],
            "released": "2024-05",
            "input_price": price,
            "product": False,
            "output_modalities": ["text"],
        }

    models = [  # prices whole, fractional and unknown: one column
        model("llm", "a", "litellm", 2),
        model("genai", "b", "x", 1.5),
        model("llm", "c", "y", None),
    ]
    fast, entities, problems = _both_paths({"format": 1, "models": models}, table)
    assert problems == []
    assert fast is not None
    assert fast[1] == entities
    assert [type(e) for e in fast[1]] == [ai.LLM, ai.GenAI, ai.LLM]
