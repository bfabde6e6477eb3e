"""Job types: their data, their links to models, and the rules they keep."""

from __future__ import annotations

import attrs
import pytest

import aitaxonomy as ai
from aitaxonomy.adapters import pipeline_tags

TAX = ai.default_taxonomy()
JOBS = {j.id: j for j in TAX.job_types()}


def test_every_pipeline_tag_but_the_catch_all_has_a_job_type() -> None:
    """Each Hugging Face tag the adapters know belongs to at least one job type."""
    covered = {tag for job in JOBS.values() for tag in job.pipeline_tags}
    assert set(pipeline_tags()) - covered == {"other"}
    assert covered <= set(pipeline_tags())


@pytest.mark.parametrize(
    ("job", "inputs", "outputs", "generative", "category"),
    [
        ("speech-recognition", {"speech"}, {"text"}, False, "ai-model"),
        ("text-to-speech", {"text"}, {"speech"}, True, "genai"),
        ("image-captioning", {"image"}, {"text"}, True, "llm"),
        ("ocr", {"image"}, {"text"}, False, "ai-model"),
        ("visual-question-answering", {"image", "text"}, {"text"}, True, "llm"),
        ("image-editing", {"image", "text"}, {"image"}, True, "genai"),
        ("audio-editing", {"audio"}, {"audio"}, True, "genai"),
        ("text-to-3d", {"text"}, {"3d"}, True, "genai"),
        ("image-to-3d", {"image"}, {"3d"}, True, "genai"),
        ("multimodal-chat", {"text", "image"}, {"text"}, True, "llm"),
        ("object-detection", {"image"}, {"boxes"}, False, "ai-model"),
        ("image-segmentation", {"image"}, {"mask"}, False, "ai-model"),
        ("text-classification", {"text"}, {"label"}, False, "ai-model"),
        ("reranking", {"text"}, {"ranking"}, False, "ai-model"),
        ("time-series-forecasting", {"table"}, {"forecast"}, False, "ai-model"),
        ("recommendation", {"table"}, {"ranking"}, False, "ai-model"),
        ("code-generation", {"text"}, {"code"}, True, "genai"),
        ("translation", {"text"}, {"text"}, True, "llm"),
    ],
)
def test_job_shapes(
    job: str, inputs: set[str], outputs: set[str], generative: bool, category: str
) -> None:
    """Each job type reads and writes what its name says, and calls for its category."""
    found = JOBS[job]
    assert {m.value for m in found.inputs} == inputs
    assert {m.value for m in found.outputs} == outputs
    assert found.generative is generative
    assert found.category == category


def test_generative_jobs_sit_under_genai_and_others_outside() -> None:
    for job in JOBS.values():
        path = [c.id for c in TAX.category_path(job.category)]
        assert ("genai" in path) is job.generative, job.id
        assert all(m.content for m in job.outputs) or not job.generative


@pytest.mark.parametrize(
    ("use_case", "job"),
    [
        ("language_translation", "translation"),
        ("code_generation", "code-generation"),
        ("chatbots_virtual_assistants", "chat"),
        ("personalized_recommendations", "recommendation"),
        ("art_design", "text-to-image"),
        ("business_intelligence", "table-to-text"),
    ],
)
def test_use_cases_link_to_their_job_types(use_case: str, job: str) -> None:
    found = TAX[use_case]
    assert isinstance(found, ai.UseCase)
    assert found.job_types[0] == job
    assert all(j in JOBS for j in found.job_types)


@pytest.mark.parametrize(
    ("model", "has", "lacks"),
    [
        ("whisper", {"speech-recognition"}, {"text-to-speech", "chat"}),
        (
            "gpt-4",
            {"chat", "summarization", "image-captioning", "code-generation"},
            {"ocr"},
        ),
        ("musicgen", {"music-generation"}, {"sound-generation"}),
        ("stable-audio", {"music-generation", "sound-generation"}, {"text-to-speech"}),
        ("bge", {"text-embedding", "semantic-search"}, {"chat"}),
        ("gpt-4o", {"any-to-any", "voice-chat", "audio-understanding"}, {"ocr"}),
        ("codex", {"code-generation", "code-editing"}, {"text-generation"}),
    ],
)
def test_models_are_linked_to_what_they_can_do(
    model: str, has: set[str], lacks: set[str]
) -> None:
    """Links come from modalities where they tell, narrowest job first."""
    linked = {j.id for j in TAX.job_types_of(model)}
    assert has <= linked
    assert not lacks & linked
    assert {m.id for m in TAX.models(job_type=next(iter(has)))} >= {model}


def test_a_stated_job_replaces_the_inferred_ones() -> None:
    """A model that states its jobs is linked to those (and its use cases' only)."""
    mt = ai.LLM(id="acme-mt", name="Acme MT", job_types=["translation"])
    tax = TAX.extend(mt)
    assert [j.id for j in tax.job_types_of("acme-mt")] == ["translation"]
    plain = ai.LLM(id="acme-chat", name="Acme Chat")
    assert "chat" in {j.id for j in tax.extend(plain).job_types_of("acme-chat")}
    # A model outside the taxonomy is worked out the same way.
    assert [j.id for j in TAX.job_types_of(mt)] == ["translation"]


def test_an_imported_model_is_found_for_its_job() -> None:
    """Modalities alone place an imported recogniser and embedder."""
    asr = ai.AIModel(
        id="x/asr", name="X ASR", input_modalities="speech", output_modalities="text"
    )
    seg = ai.AIModel(
        id="x/seg", name="X Seg", input_modalities="image", output_modalities="mask"
    )
    tax = TAX.extend(asr, seg)
    assert "x/asr" in {m.id for m in tax.models(job_type="speech-recognition")}
    assert [j.id for j in tax.job_types_of("x/seg")] == ["image-segmentation"]


@pytest.mark.parametrize(
    ("model", "problem"),
    [
        (
            ai.AIModel(
                id="x",
                name="X",
                input_modalities="speech",
                output_modalities="text",
                job_types=["speech-recognition", "text-to-speech"],
            ),
            "cannot do job type 'text-to-speech': it does not read text",
        ),
        (
            ai.LLM(id="x", name="X", job_types=["chat", "text-to-image"]),
            "cannot do job type 'text-to-image': it does not produce image",
        ),
    ],
)
def test_a_model_cannot_state_a_job_it_cannot_do(
    model: ai.AIModel, problem: str
) -> None:
    """What it does not read is named first; else what it does not produce."""
    with pytest.raises(ai.TaxonomyError) as info:
        TAX.extend(model)
    assert [str(p) for p in info.value.problems] == [
        f"{problem} @ extend(): $[0].job_types[1]"
    ]


def test_a_job_is_held_to_what_its_category_inherits() -> None:
    """A category that states no outputs allows what its parent allows."""
    chat = ai.Category(id="my-chat", name="My chat", parent="llm")
    job = ai.JobType(
        id="j", name="J", generative=True, outputs=["image"], category="my-chat"
    )
    with pytest.raises(ai.TaxonomyError) as info:
        TAX.extend(chat, job)
    assert [str(p) for p in info.value.problems] == [
        "outputs image, which category 'my-chat' does not allow @ extend(): $[1].outputs"
    ]
    fitting = attrs.evolve(job, outputs=["text"])
    assert TAX.extend(chat, fitting)["j"] == fitting


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"generative": True, "outputs": ["label"], "category": "genai"},
            "'j': a generative job produces content; label is not content",
        ),
        (
            {"generative": True, "outputs": ["image", "mask", "label"]},
            "'j': a generative job produces content; label, mask are not content",
        ),
        (
            {"generative": False, "outputs": []},
            "'j': a job type must say what it produces",
        ),
        (
            {"generative": True, "outputs": []},
            "'j': a job type must say what it produces",
        ),
    ],
)
def test_job_types_check_themselves(kwargs: dict[str, object], message: str) -> None:
    base: dict[str, object] = {"id": "j", "name": "J", "category": "ai-model"}
    with pytest.raises(ai.errors.InvalidEntityError) as caught:
        ai.JobType(**{**base, **kwargs})  # type: ignore[arg-type]
    assert str(caught.value) == message
    assert caught.value.field == "outputs"


@pytest.mark.parametrize("outputs", [["label"], ["text", "embedding"], ["mask"]])
def test_a_job_that_is_not_generative_may_make_anything(outputs: list[str]) -> None:
    job = ai.JobType(
        id="j", name="J", category="ai-model", generative=False, outputs=outputs
    )
    assert job.outputs == {ai.Modality(o) for o in outputs}


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        (
            {"generative": True, "outputs": ["image"], "category": "ai-model"},
            "a generative job belongs under 'genai', not in 'ai-model' "
            "@ extend(): $[0].category",
        ),
        (
            {"generative": False, "outputs": ["label"], "category": "llm"},
            "a non-generative job belongs outside 'genai', not in 'llm' "
            "@ extend(): $[0].category\n"
            "outputs label, which category 'llm' does not allow @ extend(): $[0].outputs",
        ),
        (
            {"generative": True, "outputs": ["image"], "category": "llm"},
            "outputs image, which category 'llm' does not allow @ extend(): $[0].outputs",
        ),
        (
            {"generative": True, "outputs": ["video", "image"], "category": "llm"},
            "outputs image, video, which category 'llm' does not allow "
            "@ extend(): $[0].outputs",
        ),
    ],
)
def test_job_types_sit_in_a_category_that_fits(
    kwargs: dict[str, object], problem: str
) -> None:
    job = ai.JobType(id="j", name="J", **kwargs)  # type: ignore[arg-type]
    with pytest.raises(ai.TaxonomyError) as info:
        TAX.extend(job)
    assert [str(p) for p in info.value.problems] == problem.split("\n")


@pytest.mark.parametrize(
    ("model", "linked", "not_linked"),
    [
        # a job no modality tells apart is reached through a use case
        (
            ai.GenAI(
                id="x/img",
                name="X",
                input_modalities="text",
                output_modalities="image",
                use_cases=["video_image_synthesis"],
            ),
            {"unconditional-image-generation", "text-to-image"},
            set(),
        ),
        # ... and only through it
        (
            ai.GenAI(
                id="x/img", name="X", input_modalities="text", output_modalities="image"
            ),
            {"text-to-image"},
            {"unconditional-image-generation"},
        ),
        # a music generator suited to creative content makes no sound effects
        (
            ai.GenAI(
                id="x/music",
                name="X",
                input_modalities="text",
                output_modalities="music",
                use_cases=["creative_content_generation"],
            ),
            {"music-generation"},
            {"sound-generation", "text-to-speech"},
        ),
        # a text model writes code as text: it makes code itself
        (
            ai.LLM(id="x/code", name="X", use_cases=["code_generation"]),
            {"code-generation", "code-editing", "code-explanation"},
            set(),
        ),
    ],
)
def test_a_use_case_links_the_jobs_a_model_makes_the_outputs_of(
    model: ai.AIModel, linked: set[str], not_linked: set[str]
) -> None:
    _assert_links(model, linked, not_linked)


def _assert_links(model: ai.AIModel, linked: set[str], not_linked: set[str]) -> None:
    found = {j.id for j in TAX.extend(model).job_types_of(model.id)}
    assert linked <= found
    assert not not_linked & found


@pytest.mark.parametrize(
    ("model", "linked", "not_linked"),
    [
        # music is a kind of audio, but a music maker is not a sound-effects one
        (
            ai.GenAI(
                id="x", name="X", input_modalities="text", output_modalities="music"
            ),
            {"music-generation"},
            {"sound-generation"},
        ),
        # ... unless it declares plain audio too
        (
            ai.GenAI(
                id="x",
                name="X",
                input_modalities="text",
                output_modalities=["music", "audio"],
            ),
            {"music-generation", "sound-generation"},
            set(),
        ),
        # code is written as text, and no narrower job takes it from a text model
        (
            ai.LLM(id="x", name="X"),
            {"chat", "code-generation", "code-explanation", "summarization"},
            {"music-generation", "speech-recognition"},
        ),
    ],
)
def test_an_inferred_link_is_the_narrowest_job_that_fits(
    model: ai.AIModel, linked: set[str], not_linked: set[str]
) -> None:
    _assert_links(model, linked, not_linked)


def test_a_use_case_links_only_jobs_whose_inputs_the_model_reads() -> None:
    """An image editor suited to art and design is not thereby a text-to-image model."""
    editor = ai.GenAI(
        id="x/editor",
        name="X",
        input_modalities="image",
        output_modalities="image",
        use_cases=["art_design"],
    )
    found = {j.id for j in TAX.extend(editor).job_types_of(editor.id)}
    assert "image-to-image" in found
    assert "text-to-image" not in found


def test_an_unknown_use_case_of_a_model_outside_the_taxonomy_is_passed_over() -> None:
    model = ai.GenAI(
        id="x/img",
        name="X",
        input_modalities="text",
        output_modalities="image",
        use_cases=["no-such-use-case", "video_image_synthesis"],
    )
    assert "unconditional-image-generation" in {j.id for j in TAX.job_types_of(model)}


def test_a_model_declaring_every_output_of_a_job_keeps_it_beside_a_narrower_one() -> (
    None
):
    """Narrower jobs win only over outputs the model does not declare itself."""
    both = ai.JobType(
        id="jingles-and-effects",
        name="Jingles and effects",
        inputs="text",
        outputs=["audio", "music"],
        generative=True,
        category="genai",
    )
    tunes = ai.JobType(
        id="tunes",
        name="Tunes",
        inputs="text",
        outputs="music",
        generative=True,
        category="genai",
    )
    exact = ai.GenAI(
        id="x/exact",
        name="X",
        input_modalities="text",
        output_modalities=["audio", "music"],
    )
    tax = TAX.extend(both, tunes, exact)
    assert {"jingles-and-effects", "tunes"} <= {
        j.id for j in tax.job_types_of("x/exact")
    }
