"""Entities: construction, defaults, conversions and per-class invariants."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import attrs
import jsonschema
import pytest
from hypothesis import given

import aitaxonomy as ai
import strategies as sts
from aitaxonomy._entities import GENERATIVE_OUTPUTS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


def test_hierarchy_is_the_category() -> None:
    """LLM is a subclass of GenAI, which is a subclass of the root model class."""
    assert issubclass(ai.LLM, ai.GenAI)
    assert issubclass(ai.GenAI, ai.AIModel)
    assert not issubclass(ai.AIModel, ai.GenAI)
    assert (ai.AIModel.CATEGORY, ai.GenAI.CATEGORY, ai.LLM.CATEGORY) == (
        "ai-model",
        "genai",
        "llm",
    )


def test_short_construction_with_defaults() -> None:
    """Only id and name are required; an LLM defaults to text in, text out."""
    model = ai.LLM(id="tiny", name="Tiny")
    assert model.output_modalities == {ai.Modality.TEXT}
    assert model.input_modalities == {ai.Modality.TEXT}
    assert model.techniques == ()
    assert model.provenance == ()
    assert model.open_weights is None
    assert model.released is None


@pytest.mark.parametrize(
    "cls",
    [
        ai.AIModel,
        ai.GenAI,
        ai.LLM,
        ai.Technique,
        ai.Organization,
        ai.Trend,
        ai.Section,
        ai.Category,
    ],
)
def test_entities_are_frozen_and_slotted(cls: type[Any]) -> None:
    entity = cls(id="x", name="X")
    assert attrs.has(type(entity))
    assert not hasattr(entity, "__dict__")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        entity.name = "Y"
    assert hash(entity) == hash(cls(id="x", name="X"))


def test_llm_rejects_image_output() -> None:
    """The issue's contract: an LLM that outputs images cannot be built."""
    with pytest.raises(
        ai.errors.InvalidEntityError, match="an LLM outputs text only; got image"
    ):
        ai.LLM(id="pix", name="Pix", output_modalities={ai.Modality.IMAGE})


@given(sts.non_text_outputs)
def test_llm_with_any_non_text_output_fails(outputs: frozenset[ai.Modality]) -> None:
    """Law: whatever else an LLM is asked to output, construction fails."""
    with pytest.raises(ValueError, match="an LLM outputs text only") as info:
        ai.LLM(id="x", name="X", output_modalities=outputs)
    assert isinstance(info.value, ai.errors.InvalidEntityError)
    assert info.value.field == "output_modalities"


def test_llm_must_read_text() -> None:
    with pytest.raises(
        ai.errors.InvalidEntityError, match="input_modalities lack text"
    ):
        ai.LLM(id="x", name="X", input_modalities=["image"])


def test_llm_may_read_images() -> None:
    """GPT-4 and Claude read images; inputs may add to text."""
    model = ai.LLM(id="x", name="X", input_modalities=["text", "image"])
    assert model.accepts("image")
    assert model.accepts("text")


def test_genai_rejects_embedding_output() -> None:
    """Generative AI produces content; an embedding is not content."""
    with pytest.raises(ai.errors.InvalidEntityError, match="got embedding"):
        ai.GenAI(id="x", name="X", output_modalities="embedding")


def _video() -> Iterator[ai.Modality]:
    """A generator: made afresh in each test run, since a run uses it up."""
    yield ai.Modality.VIDEO


@pytest.mark.parametrize(
    ("given_value", "stored"),
    [
        ("image", {ai.Modality.IMAGE}),
        (["Text", "Pictures"], {ai.Modality.TEXT, ai.Modality.IMAGE}),
        (_video, {ai.Modality.VIDEO}),
        ({ai.Modality.AUDIO}, {ai.Modality.AUDIO}),
    ],
)
def test_modality_fields_accept_iterables_and_store_frozensets(
    given_value: Any, stored: set[ai.Modality]
) -> None:
    """A lone string is one modality; any iterable of members or strings works."""
    if callable(given_value):
        given_value = given_value()
    model = ai.GenAI(id="x", name="X", output_modalities=given_value)
    assert model.output_modalities == stored
    assert isinstance(model.output_modalities, frozenset)


def test_id_fields_take_one_string_or_many() -> None:
    model = ai.GenAI(id="x", name="X", techniques="diffusion", use_cases=["a", "b"])
    assert model.techniques == ("diffusion",)
    assert model.use_cases == ("a", "b")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"id": "GPT 4"}, "id 'GPT 4' is not a lowercase slug (did you mean 'gpt-4'?)"),
        ({"id": ""}, "id '' is not a lowercase slug"),
        ({"id": "-x"}, "id '-x' is not a lowercase slug (did you mean 'x'?)"),
        ({"name": "  "}, "name must not be empty"),
        (
            {"techniques": ["ok", "Bad Id"]},
            "techniques entry 'Bad Id' is not a lowercase slug",
        ),
        ({"techniques": ["a", "a"]}, "techniques lists 'a' more than once"),
        ({"released": "2023-13"}, "released '2023-13' is not a date"),
        ({"released": "March 2023"}, "released 'March 2023' is not a date"),
        ({"open_weights": "yes"}, "open_weights must be true, false or unset"),
        ({"organization": 7}, "organization must be a string, not int"),
    ],
)
def test_bad_fields_name_the_value(kwargs: dict[str, Any], message: str) -> None:
    """Each bad value raises the library's error quoting the value."""
    fields = {"id": "x", "name": "X", **kwargs}
    with pytest.raises(ai.errors.InvalidEntityError) as info:
        ai.GenAI(**fields)
    assert message in str(info.value)


@pytest.mark.parametrize(
    "good_id",
    ["gpt-4", "dall-e", "code_generation", "claude-3.5-sonnet", "litellm/azure/gpt-4o"],
)
def test_good_ids(good_id: str) -> None:
    assert ai.GenAI(id=good_id, name="X").id == good_id


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "needs an article section or a url"),
        (
            {"url": "http://example.org", "as_of": "2026-01-01"},
            "must be an https:// address",
        ),
        ({"url": "https://example.org"}, "needs as_of"),
        ({"section": "Bad Section"}, "not a lowercase slug"),
    ],
)
def test_bad_citations(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ai.errors.InvalidEntityError, match=message):
        ai.Citation(**kwargs)


def test_produces_respects_kinds() -> None:
    """A music generator produces audio; an audio generator does not promise music."""
    music = ai.GenAI(id="m", name="M", output_modalities="music")
    audio = ai.GenAI(id="a", name="A", output_modalities="audio")
    assert music.produces("audio")
    assert music.produces("music")
    assert audio.produces("audio")
    assert not audio.produces("music")


@given(sts.entities)
def test_generated_entities_are_valid_and_equal_to_their_copies(
    entity: ai.Entity,
) -> None:
    """Entities are values: evolve with no change gives an equal, equally hashed copy."""
    copy = attrs.evolve(entity)
    assert copy == entity
    assert hash(copy) == hash(entity)


_SCHEMA = ai.json_schema()


@given(sts.entities)
def test_to_dict_is_a_catalog_entry(entity: ai.Entity) -> None:
    """Law: ``to_dict()`` is JSON data that the catalog schema accepts for its kind."""
    data = entity.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert (data["kind"], data["id"], data["name"]) == (
        type(entity).KIND,
        entity.id,
        entity.name,
    )
    schema = {**_SCHEMA, "$ref": f"#/$defs/{data['kind']}"}
    del schema["oneOf"]
    jsonschema.validate(data, schema)


def test_to_dict_is_what_dumps_writes() -> None:
    tax = ai.default_taxonomy()
    document = json.loads(ai.dumps(tax, format="json"))
    written = {
        e["id"]: e
        for group in document.values()
        if isinstance(group, list)
        for e in group
    }
    assert written == {e.id: e.to_dict() for e in tax}


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "Acme \ud800"}, "name"),
        ({"name": "Acme", "description": "made in \udcff"}, "description"),
        ({"name": "Acme", "aliases": ("fine", "\udc80cme")}, "aliases"),
    ],
)
def test_text_no_file_can_hold_is_refused(fields: dict[str, Any], field: str) -> None:
    """A lone surrogate would make dump() fail later, far from its cause."""
    with pytest.raises(ai.errors.InvalidEntityError, match="lone surrogate") as info:
        ai.Organization(id="acme", **fields)
    assert info.value.field == field


def test_a_lone_surrogate_in_json_is_a_problem_at_its_path() -> None:
    text = json.dumps(
        {
            "format": 1,
            "organizations": [
                {"kind": "organization", "id": "acme", "name": "A\ud800"}
            ],
        }
    )
    with pytest.raises(ai.TaxonomyError, match="lone surrogate") as info:
        ai.loads(text, format="json")
    assert [p.path for p in info.value.problems] == ["$.organizations[0].name"]


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("# a comment \ud800\nformat = 1\n", None),
        ('format = 1  # "\udcff"\n', None),
        (
            'format = 1\n[[organizations]]\nkind = "organization"\nid = "a"\n'
            'name = "\ud800"\n',
            ["$.organizations[0].name"],
        ),
    ],
    ids=["toml-comment", "trailing-comment", "toml-value"],
)
def test_a_lone_surrogate_in_text_given_as_str(
    text: str, problems: list[str] | None
) -> None:
    """Outside the data it is harmless; in a value it is a problem at its path."""
    if problems is None:
        assert ai.loads(text) == ai.Taxonomy([])
        return
    with pytest.raises(ai.TaxonomyError, match="lone surrogate") as info:
        ai.loads(text)
    assert [p.path for p in info.value.problems] == problems


@pytest.mark.parametrize("field", ["aliases", "techniques", "domains", "job_types"])
@pytest.mark.parametrize("value", [1, None, 2.5])
def test_a_list_field_given_a_non_list_names_the_field(
    field: str, value: object
) -> None:
    with pytest.raises(ai.errors.InvalidEntityError) as caught:
        ai.GenAI(id="x", name="X", **{field: value})  # type: ignore[arg-type]
    assert isinstance(caught.value, TypeError)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field} must be a string or a list")


@pytest.mark.parametrize(
    ("build", "message", "field"),
    [
        (
            ai.Citation,
            "a citation needs an article section or a url",
            "section",
        ),
        (
            lambda: ai.Citation(url="http://example.org", as_of="2026-12-01"),
            "citation url 'http://example.org' must be an https:// address",
            "url",
        ),
        (
            lambda: ai.Citation(url="https://example.org"),
            "citation of 'https://example.org' needs as_of, the day it was read",
            "as_of",
        ),
        (
            lambda: ai.LLM(id="x", name="X", provenance=[{"section": "conclusion"}]),  # type: ignore[list-item]
            "provenance entries must be Citation objects, not dict",
            None,
        ),
        (
            lambda: ai.GenAI(id="x", name="X", output_modalities="label"),
            "'x': generative AI produces content "
            "(3d, audio, code, image, molecule, text, video); got label",
            "output_modalities",
        ),
        (
            lambda: ai.GenAI(
                id="x", name="X", output_modalities=["image", "mask", "label"]
            ),
            "'x': generative AI produces content "
            "(3d, audio, code, image, molecule, text, video); got label, mask",
            "output_modalities",
        ),
        (
            lambda: ai.LLM(id="x", name="X", output_modalities=["text", "image"]),
            "'x': an LLM outputs text only; got image, text",
            "output_modalities",
        ),
        (
            lambda: ai.LLM(id="x", name="X", output_modalities=[]),
            "'x': an LLM outputs text only; got nothing",
            "output_modalities",
        ),
        (
            lambda: ai.LLM(id="x", name="X", input_modalities="image"),
            "'x': an LLM reads text; its input_modalities lack text",
            "input_modalities",
        ),
    ],
)
def test_an_entity_that_breaks_its_rules_says_which_and_where(
    build: Callable[[], object], message: str, field: str | None
) -> None:
    with pytest.raises(ai.errors.InvalidEntityError) as info:
        build()
    assert str(info.value) == message
    assert info.value.field == field


def test_generative_ai_may_produce_every_kind_of_content_at_once() -> None:
    every = sorted(m for g in GENERATIVE_OUTPUTS for m in g.kinds())
    model = ai.GenAI(id="x", name="X", output_modalities=every)
    assert model.output_modalities == set(every)
