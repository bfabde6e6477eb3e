"""Taxonomy: the container, its queries, and the validator on good and bad input."""

from __future__ import annotations

import threading
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import aitaxonomy as ai
import strategies as sts
from aitaxonomy._kinds import KindRegistry, default_kinds
from aitaxonomy._taxonomy import Comparison, _sound, check
from aitaxonomy._taxonomy import _problems as close_look

TAX = ai.article_taxonomy()
BASE = list(TAX)  # a valid list of entities to break in small ways


def _problems(*entities: ai.Entity, drop: tuple[str, ...] = ()) -> list[str]:
    items = [e for e in BASE if e.id not in drop] + list(entities)
    with pytest.raises(ai.TaxonomyError) as info:
        ai.Taxonomy(items)
    assert isinstance(info.value, ValueError)
    return [str(p) for p in info.value.problems]


def test_packaged_data_passes_the_validator() -> None:
    """The same validator users run holds on the shipped data."""
    assert ai.Taxonomy(BASE) == TAX
    assert check(BASE) == []


@pytest.mark.parametrize(
    ("entities", "drop", "expected"),
    [
        pytest.param(
            (ai.LLM(id="gpt-4", name="Dup"),),
            (),
            [f"duplicate id 'gpt-4' (already used by a model) @ $[{len(BASE)}].id"],
            id="duplicate",
        ),
        pytest.param(
            (ai.LLM(id="x", name="X", organization="opneai"),),
            (),
            [
                "unknown organization 'opneai' (did you mean 'openai'?) @ $['x'].organization"
            ],
            id="unknown-org",
        ),
        pytest.param(
            (
                ai.GenAI(
                    id="x", name="X", output_modalities="image", techniques=["difusion"]
                ),
            ),
            (),
            [
                "unknown technique 'difusion' (did you mean 'diffusion'?) @ $['x'].techniques[0]"
            ],
            id="unknown-technique",
        ),
        pytest.param(
            (ai.LLM(id="x", name="X", use_cases=["chatbots"]),),
            (),
            ["unknown use-case 'chatbots' @ $['x'].use_cases[0]"],
            id="unknown-use-case",
        ),
        pytest.param(
            (ai.LLM(id="x", name="X", powered_by=["openai"]),),
            (),
            ["'openai' is an organization, not an ai-model @ $['x'].powered_by[0]"],
            id="wrong-kind",
        ),
        pytest.param(
            (
                ai.GenAI(id="a", name="A", output_modalities="text", powered_by=["b"]),
                ai.GenAI(id="b", name="B", output_modalities="text", powered_by=["c"]),
                ai.GenAI(id="c", name="C", output_modalities="text", powered_by=["a"]),
            ),
            (),
            ["powered_by cycle: a -> b -> c -> a @ $['a'].powered_by"],
            id="cycle",
        ),
        pytest.param(
            (
                ai.GenAI(
                    id="self", name="S", output_modalities="text", powered_by=["self"]
                ),
            ),
            (),
            ["powered_by cycle: self -> self @ $['self'].powered_by"],
            id="self-cycle",
        ),
        pytest.param(
            (ai.GenAI(id="x", name="X", output_modalities="image", category="llm"),),
            (),
            [
                "category 'llm' is under 'llm', but a model of kind 'genai' belongs under 'genai' "
                "@ $['x'].category",
                "outputs image, which category 'llm' does not allow @ $['x'].output_modalities",
            ],
            id="genai-in-llm-category",
        ),
        pytest.param(
            (
                ai.AIModel(
                    id="x", name="X", output_modalities="embedding", category="genai"
                ),
            ),
            (),
            [
                "category 'genai' is under 'genai', but a model of kind 'ai-model' belongs under 'ai-model' "
                "@ $['x'].category",
                "outputs embedding, which category 'genai' does not allow "
                "@ $['x'].output_modalities",
            ],
            id="encoder-in-genai",
        ),
        pytest.param(
            (
                ai.Category(
                    id="image-generator",
                    name="Image generator",
                    parent="llm",
                    output_modalities="image",
                ),
            ),
            (),
            [
                "category 'image-generator' allows image, which its parent 'llm' does not "
                "@ $['image-generator'].output_modalities"
            ],
            id="category-outside-parent",
        ),
        pytest.param(
            (
                ai.Category(
                    id="image-generator",
                    name="Image generator",
                    parent="genai",
                    output_modalities="image",
                ),
                ai.GenAI(
                    id="x",
                    name="X",
                    output_modalities=["image", "video"],
                    category="image-generator",
                ),
            ),
            (),
            [
                "outputs video, which category 'image-generator' does not allow "
                "@ $['x'].output_modalities"
            ],
            id="model-outside-category",
        ),
        pytest.param(
            (ai.GenAI(id="x", name="X"),),
            (),
            [
                "a generative model must declare what it outputs @ $['x'].output_modalities"
            ],
            id="genai-outputs-nothing",
        ),
        pytest.param(
            (),
            ("openai",),
            [
                f"unknown organization 'openai' @ $['{m}'].organization"
                for m in ("chatgpt", "dall-e", "sora", "codex", "gpt-4")
            ],
            id="dangling-after-removal",
        ),
        pytest.param(
            (
                ai.Technique(id="t1", name="T1", part_of="t2"),
                ai.Technique(id="t2", name="T2", part_of="t1"),
            ),
            (),
            ["part_of cycle: t1 -> t2 -> t1 @ $['t1'].part_of"],
            id="technique-cycle",
        ),
        pytest.param(
            (
                ai.Organization(
                    id="acme",
                    name="Acme",
                    provenance=[ai.Citation(section="chapter-9")],
                ),
            ),
            (),
            ["unknown section 'chapter-9' @ $['acme'].provenance[0].section"],
            id="unknown-section",
        ),
    ],
)
def test_validator_names_each_problem(
    entities: tuple[ai.Entity, ...], drop: tuple[str, ...], expected: Any
) -> None:
    assert _problems(*entities, drop=drop) == expected


def test_check_points_at_what_is_not_an_entity_by_position() -> None:
    assert [(p.message, p.path) for p in check(["x", *BASE, 3])] == [
        ("not an entity: str", "$[0]"),
        ("not an entity: int", f"$[{len(BASE) + 1}]"),
    ]


@attrs.frozen(kw_only=True)
class _Arm(ai.AIModel):
    """A kind only a caller's registry knows, bound to a category of its own."""

    KIND: ClassVar[str] = "arm"
    CATEGORY: ClassVar[str] = "arms"


def test_check_binds_categories_with_the_kinds_it_is_given() -> None:
    builtin = default_kinds()
    arms = KindRegistry({**{n: builtin.cls(n) for n in builtin.names()}, "arm": _Arm})
    entities = [
        *BASE,
        ai.Category(id="arms", name="Arms", parent="ai-model"),
        _Arm(id="arm-1", name="Arm 1", output_modalities="text"),
    ]
    assert check(entities, kinds=arms) == []
    assert [p.path for p in check(entities)] == ["$['arm-1'].category"]


def test_every_problem_is_reported_at_once() -> None:
    problems = _problems(
        ai.LLM(id="gpt-4", name="Dup"),
        ai.LLM(id="y", name="Y", organization="nobody", use_cases=["nothing"]),
    )
    assert len(problems) == 3


def test_error_message_lists_problems() -> None:
    with pytest.raises(ai.TaxonomyError) as info:
        ai.Taxonomy([ai.LLM(id="x", name="X")])
    assert str(info.value).startswith(
        "1 problem in the taxonomy:\n  unknown category 'llm'"
    )


def test_a_comparison_renders_as_a_text_table_and_as_data() -> None:
    table = Comparison(TAX.comparison().categories, (("Row", ("x", "yy")),))
    assert str(table).splitlines() == [
        "Feature | Generative AI | Large language model",
        "--------+---------------+---------------------",
        "Row     | x             | yy",
    ]
    assert table.to_dict() == {
        "categories": ["genai", "llm"],
        "rows": [{"feature": "Row", "values": ["x", "yy"]}],
    }


def test_get_and_getitem() -> None:
    assert TAX.get("gpt-4") is TAX["gpt-4"]
    assert TAX.get("GPT4") is TAX["gpt-4"]  # alias, any case
    assert TAX.get("stable diffusion") is TAX["stable-diffusion"]  # name
    assert TAX.get(3) is None  # type: ignore[arg-type]
    with pytest.raises(
        ai.errors.UnknownIdError, match=r"no entity with id 'gtp-4' \(did you mean"
    ):
        TAX["gtp-4"]
    with pytest.raises(LookupError):
        TAX["nothing-like-it"]


def test_container_protocol() -> None:
    assert len(TAX) == len(BASE)
    assert "gpt-4" in TAX
    assert TAX["gpt-4"] in TAX
    assert ai.LLM(id="gpt-4", name="Other") not in TAX
    assert list(TAX) == BASE
    assert hash(TAX) == hash(ai.Taxonomy(BASE))
    assert "genai=8" in repr(TAX)


def test_taxonomy_is_immutable() -> None:
    with pytest.raises(AttributeError, match="immutable"):
        TAX.foo = 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"output": "video"}, ["midjourney", "sora"]),
        ({"output": "image", "technique": "diffusion"}, ["dall-e", "stable-diffusion"]),
        ({"output": "code"}, ["alphacode", "codex", "github-copilot"]),
        ({"output": "audio"}, ["chatgpt"]),  # speech is a kind of audio
        ({"category": "llm"}, ["gpt-4", "claude", "llama", "mistral"]),
        (
            {"category": "genai", "organization": "openai"},
            ["chatgpt", "dall-e", "sora", "codex", "gpt-4"],
        ),
        ({"category": "ai-model", "output": "embedding"}, ["bert"]),
        ({"input": "image", "category": "llm"}, ["gpt-4", "claude"]),
        ({"use_case": "code_generation"}, ["alphacode", "codex", "github-copilot"]),
        ({"technique": "gan"}, []),
        ({"domain": "healthcare"}, []),
    ],
)
def test_model_queries(query: dict[str, Any], expected: Any) -> None:
    assert [m.id for m in TAX.models(**query)] == expected


def test_query_equals_a_linear_scan() -> None:
    """Indexed results agree with a plain filter over every model."""
    scan = [
        m.id
        for m in TAX.of_type(ai.AIModel)
        if m.produces("image")
        and TAX.category_path(m.category_id)[-1].id in {"genai", "llm"}
    ]
    assert [m.id for m in TAX.models(output="image", category="genai")] == scan


def test_query_with_unknown_id_suggests() -> None:
    with pytest.raises(ai.errors.UnknownIdError, match="did you mean 'diffusion'"):
        TAX.models(technique="difusion")


def test_of_type_respects_the_hierarchy() -> None:
    assert {type(m) for m in TAX.of_type(ai.GenAI)} == {ai.GenAI, ai.LLM}
    assert len(TAX.of_type(ai.LLM)) == 4
    assert len(TAX.of_type(ai.AIModel)) == 13


def test_indices_build_once_under_concurrency() -> None:
    """Eight threads racing the first query all see the same index."""
    fresh = ai.Taxonomy(BASE)
    barrier = threading.Barrier(8)
    seen = []

    def worker() -> None:
        barrier.wait()
        fresh.models(output="image")
        seen.append(fresh._get_index())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(index) for index in seen}) == 1


def test_default_taxonomy_is_cached_and_consistent() -> None:
    assert ai.default_taxonomy() is ai.default_taxonomy()


def test_entities_change_nothing_in_the_taxonomy() -> None:
    gpt4 = TAX["gpt-4"]
    changed = attrs.evolve(gpt4, name="Changed")
    assert TAX["gpt-4"].name == "GPT-4"
    assert changed != gpt4


# -- the quick proof of soundness ---------------------------------------------------

_DEFAULT = list(ai.default_taxonomy())


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sets(st.sampled_from([e.id for e in _DEFAULT]), max_size=6),
    st.lists(sts.entities, max_size=4),
    st.lists(sts.extension_models, max_size=4),
)
def test_the_quick_proof_agrees_with_the_close_look(
    dropped: set[str], strangers: list[ai.Entity], models: list[ai.AIModel]
) -> None:
    """Law: check() finds nothing exactly when the cheap route proves it sound.

    Dropping entities leaves references dangling and categories missing;
    random entities bring unknown references, wrong kinds, duplicate ids,
    cycles and category rules broken; extension models mostly fit.
    """
    items = [e for e in _DEFAULT if e.id not in dropped] + strangers + models
    registry = default_kinds()
    assert _sound(items, registry) == (not close_look(items, registry))


@pytest.mark.parametrize(
    "change",
    [
        {"powered_by": ("m37",)},
        {"category": "llm"},
        {"output_modalities": frozenset()},
        {"job_types": ("text-to-image",)},
        {"techniques": ("diffusion", "nope")},
    ],
)
def test_the_quick_proof_sees_a_problem_in_one_model_of_many(
    change: dict[str, Any],
) -> None:
    """A rule broken by one model among many of its shape is still found."""
    many = [
        ai.GenAI(
            id=f"m{i}", name="M", output_modalities="image", techniques=["diffusion"]
        )
        for i in range(50)
    ]
    many[37] = attrs.evolve(many[37], **change)
    items = [*_DEFAULT, *many]
    assert not _sound(items, default_kinds())
    assert check(items)
