"""The converter: entities to plain data and back, and errors with paths."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given

import aitaxonomy as ai
import strategies as sts
from aitaxonomy._catalog import build_taxonomy
from aitaxonomy._convert import (
    data_to_entity,
    document_to_entities,
    entities_to_document,
    entity_to_data,
)


@given(sts.entities)
def test_any_valid_entity_round_trips_unchanged(entity: ai.Entity) -> None:
    """Law: structure(unstructure(e)) == e, for every kind, through JSON text."""
    data = json.loads(json.dumps(entity_to_data(entity)))
    assert data["kind"] == type(entity).KIND
    assert data_to_entity(data, "$") == entity


def test_default_taxonomy_round_trips_as_a_document() -> None:
    document = json.loads(json.dumps(entities_to_document(list(ai.default_taxonomy()))))
    rebuilt = build_taxonomy([("doc.json", document)])
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
                "a 'technique' does not belong in this list (expected a ai-model) "
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
        build_taxonomy([("base.json", base), ("mine.toml", extra)])
    assert [str(p) for p in info.value.problems] == [
        "unknown organization 'opneai' (did you mean 'openai'?) "
        "@ mine.toml: $.models[1].organization"
    ]


def test_duplicate_across_files_points_at_the_second() -> None:
    base = entities_to_document(list(ai.default_taxonomy()))
    extra = _doc({**GOOD, "id": "gpt-4"})
    with pytest.raises(ai.TaxonomyError) as info:
        build_taxonomy([("base.json", base), ("mine.toml", extra)])
    assert [str(p) for p in info.value.problems] == [
        "duplicate id 'gpt-4' (already used by a llm) @ mine.toml: $.models[0].id"
    ]
