"""Adapters from LiteLLM, models.dev, OpenRouter and Hugging Face tags."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aitaxonomy as ai
from aitaxonomy.adapters import (
    AdapterError,
    from_litellm,
    from_models_dev,
    from_openrouter,
    pipeline_tag,
    pipeline_tags,
)


@pytest.fixture(scope="module")
def litellm_map(real_catalogs: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = real_catalogs["litellm"]
    return found


def test_litellm_real_map_is_partitioned(litellm_map: dict[str, Any]) -> None:
    """Every one of the 4,878 keys is mapped or skipped with a reason, once."""
    result = from_litellm(litellm_map, as_of="2026-11-28")
    # A model named only by its variants (sizes, tiers, regions) also has
    # the name they share as an alias; every key is an alias or skipped.
    mapped = [key for e in result.entities for key in e.aliases if key in litellm_map]
    skipped = [key for key, _ in result.skipped]
    assert sorted(mapped + skipped) == sorted(litellm_map)
    assert len(litellm_map) == 4878
    counts = result.counts()
    assert counts["llm"] > 3000
    assert counts["genai"] > 400
    assert counts["ai-model"] > 200
    reasons = dict(result.skipped)
    assert reasons["sample_spec"] == "documentation of the format, not a model"
    assert all(reason for reason in reasons.values())


@pytest.mark.parametrize(
    ("model", "variants"),
    [
        (
            "litellm/azure/gpt-4o",
            ["azure/gpt-4o", "azure/eu/gpt-4o", "azure/us/gpt-4o"],
        ),
        (
            "litellm/azure/dall-e-3",
            ["azure/hd/1024-x-1792/dall-e-3", "azure/standard/1024-x-1024/dall-e-3"],
        ),
        (
            "litellm/stability.stable-diffusion-xl-v1",
            [
                "1024-x-1024/50-steps/stability.stable-diffusion-xl-v1",
                "1024-x-1024/max-steps/stability.stable-diffusion-xl-v1",
            ],
        ),
    ],
)
def test_litellm_variants_fold_into_one_model(
    litellm_map: dict[str, Any], model: str, variants: list[str]
) -> None:
    """Sizes, quality tiers, step counts and regions are one model, not several."""
    result = from_litellm(litellm_map)
    found = [e for e in result.entities if e.id == model]
    assert len(found) == 1
    assert set(variants) <= set(found[0].aliases)
    tax = result.taxonomy(ai.default_taxonomy())
    assert {tax[v].id for v in variants} == {model}
    assert not any(e.id.startswith(f"{model}/") for e in result.entities)


@pytest.mark.parametrize(
    ("key", "kind", "inputs", "outputs", "provider"),
    [
        ("gpt-4o", "llm", {"text", "image"}, {"text"}, "openai"),
        ("azure/gpt-4o", "llm", {"text", "image"}, {"text"}, "azure"),
        ("text-embedding-3-small", "ai-model", {"text"}, {"embedding"}, "openai"),
        ("whisper-1", "ai-model", {"speech"}, {"text"}, "openai"),
        ("tts-1", "genai", {"text"}, {"speech"}, "openai"),
        ("rerank-english-v3.0", "ai-model", {"text"}, {"ranking"}, "cohere"),
        ("omni-moderation-latest", "ai-model", {"text"}, {"label"}, "openai"),
    ],
)
def test_litellm_classification(
    litellm_map: dict[str, Any],
    key: str,
    kind: str,
    inputs: set[str],
    outputs: set[str],
    provider: str,
) -> None:
    result = from_litellm(litellm_map)
    model = {e.id: e for e in result.entities}[f"litellm/{key}"]
    tax = result.taxonomy(ai.default_taxonomy())
    if ai.default_taxonomy().get(key) is None:
        assert tax.model(key) == model  # found by its original key, an alias
    # the catalog's own model when it claims the id, else the import
    claimed = [
        m.id
        for m in ai.default_taxonomy().of_type(ai.AIModel)
        if m.sources.get("litellm") == key
    ]
    assert tax.by_source("litellm", key).id == (claimed[0] if claimed else model.id)
    assert kind == type(model).KIND
    assert {m.value for m in model.input_modalities} == inputs
    assert {m.value for m in model.output_modalities} == outputs
    assert model.provider == provider


def test_litellm_ids_are_normalised(litellm_map: dict[str, Any]) -> None:
    result = from_litellm(litellm_map)
    ids = {e.aliases[0]: e.id for e in result.entities}
    assert ids["cloudflare/@cf/meta/llama-2-7b-chat-fp16"] == (
        "litellm/cloudflare/cf/meta/llama-2-7b-chat-fp16"
    )
    assert ids["amazon.nova-lite-v1:0"] == "litellm/amazon.nova-lite-v1-0"
    assert len(set(ids.values())) == len(ids)


def test_results_extend_the_default_taxonomy(litellm_map: dict[str, Any]) -> None:
    result = from_litellm(litellm_map, as_of="2026-11-28")
    base = ai.default_taxonomy()
    tax = result.taxonomy(base)
    claimed = {p for m in base.models() for p in m.sources.items()}
    new = [e for e in result.entities if not claimed & set(e.sources.items())]
    assert len(tax) == len(base) + len(new)
    assert len(new) < len(result.entities)  # some are the catalog's own models
    rec = ai.choose(modalities="video", taxonomy=tax)
    assert any(c.model.id.startswith("litellm/") for c in rec.candidates)
    assert tax.checked_on(new[0]) == "2026-11-28"
    gpt4o = tax.by_source("litellm", "gpt-4o")
    assert gpt4o.id == "gpt-4o"
    assert (gpt4o.context_window, gpt4o.input_price, gpt4o.output_price) == (
        128000,
        2.5,
        10.0,
    )
    assert base.model("gpt-4o").context_window is None  # folded in, not at home


LITELLM_SMALL: list[tuple[str, Any, str]] = [
    ("not-an-object", 3, "the entry is int, not an object"),
    ("no-mode", {"litellm_provider": "x"}, "no mode"),
    ("odd-mode", {"mode": "chatt"}, "unknown mode 'chatt' (like 'chat'?)"),
    ("mode-number", {"mode": 7}, "mode 7 is not a string"),
    (
        "bad-modality",
        {"mode": "chat", "supported_modalities": ["smell"]},
        "unknown value 'smell' in supported_modalities",
    ),
    (
        "modalities-str",
        {"mode": "chat", "supported_modalities": "text"},
        "supported_modalities is str, not a list",
    ),
    ("wild/*", {"mode": "chat"}, "a wildcard pattern, not a model"),
    ("@@", {"mode": "chat"}, "has no letters or digits"),
]


@pytest.mark.parametrize(("key", "entry", "reason"), LITELLM_SMALL)
def test_litellm_odd_entries_are_skipped_with_reasons(
    key: str, entry: Any, reason: str
) -> None:
    result = from_litellm({key: entry})
    assert result.entities == ()
    ((skipped_key, why),) = result.skipped
    assert skipped_key == key
    assert reason in why


def test_litellm_collision_is_reported() -> None:
    result = from_litellm({"a:1": {"mode": "chat"}, "a-1": {"mode": "chat"}})
    assert [e.id for e in result.entities] == ["litellm/a-1"]
    assert result.skipped == (("a-1", "its id 'litellm/a-1' is taken by 'a:1'"),)


@pytest.mark.parametrize("data", [[], "x", 3, None], ids=["list", "str", "int", "none"])
def test_wrong_top_level_shape(data: object) -> None:
    with pytest.raises(AdapterError, match="not"):
        from_litellm(data)
    with pytest.raises(AdapterError):
        from_models_dev(data)


MODELS_DEV = {
    "openai": {
        "id": "openai",
        "name": "OpenAI",
        "models": {
            "gpt-4o": {
                "id": "gpt-4o",
                "name": "GPT-4o",
                "release_date": "2024-05-13",
                "open_weights": False,
                "modalities": {"input": ["text", "image", "pdf"], "output": ["text"]},
                "limit": {"context": 128000, "output": 16384},
            },
            "text-embedding-3-large": {
                "id": "text-embedding-3-large",
                "name": "text-embedding-3-large",
                "modalities": {"input": ["text"], "output": ["text"]},
            },
            "gpt-image-1": {
                "id": "gpt-image-1",
                "name": "GPT Image 1",
                "release_date": "April 2025",
                "modalities": {"input": ["text", "image"], "output": ["image"]},
            },
            "strange": {
                "id": "strange",
                "modalities": {"input": ["smell"], "output": []},
            },
            "no-modalities": {"id": "no-modalities", "name": "N"},
        },
    },
    "azure": {
        "id": "azure",
        "models": {
            "gpt-4o": {"modalities": {"input": ["text"], "output": ["text", "audio"]}},
        },
    },
    "broken-provider": "not a table",
}


def test_models_dev_sample() -> None:
    result = from_models_dev(MODELS_DEV, as_of="2026-11-28")
    found = {e.aliases[0]: e for e in result.entities}
    gpt4o = found["openai/gpt-4o"]
    assert (type(gpt4o).KIND, gpt4o.organization, gpt4o.open_weights) == (
        "llm",
        "openai",
        False,
    )
    assert {m.value for m in gpt4o.input_modalities} == {"text", "image"}
    embedding = found["openai/text-embedding-3-large"]
    assert type(embedding) is ai.AIModel
    assert embedding.output_modalities == {ai.Modality.EMBEDDING}
    image = found["openai/gpt-image-1"]
    assert type(image) is ai.GenAI
    assert image.released is None
    assert result.notes == (
        (
            "openai/gpt-image-1",
            "release date 'April 2025' is not YYYY, YYYY-MM or YYYY-MM-DD",
        ),
    )
    azure = found["azure/gpt-4o"]
    assert (type(azure).KIND, azure.provider, azure.organization) == (
        "genai",
        "azure",
        None,
    )
    assert dict(result.skipped) == {
        "openai/strange": "unknown value 'smell' in modalities.input",
        "openai/no-modalities": "no modalities, so what it reads and writes is unknown",
        "broken-provider": "a provider without a models table",
    }
    result.taxonomy(ai.default_taxonomy())


OPENROUTER = {
    "data": [
        {
            "id": "openai/gpt-4o",
            "name": "OpenAI: GPT-4o",
            "created": 1715558400,
            "architecture": {
                "modality": "text+image->text",
                "input_modalities": ["text", "image", "file"],
                "output_modalities": ["text"],
            },
        },
        {
            "id": "google/gemini-2.5-flash-image",
            "name": "Gemini Image",
            "created": 1756166400,
            "architecture": {
                "input_modalities": ["text", "image"],
                "output_modalities": ["image", "text"],
            },
        },
        {
            "id": "openai/text-embedding-3-small",
            "name": "Embeddings",
            "architecture": {
                "input_modalities": ["text"],
                "output_modalities": ["embeddings"],
            },
        },
        {
            "id": "cohere/rerank-v3.5",
            "architecture": {
                "input_modalities": ["text"],
                "output_modalities": ["rerank"],
            },
        },
        {
            "id": "openai/whisper-1",
            "architecture": {
                "input_modalities": ["audio"],
                "output_modalities": ["transcription"],
            },
        },
        {
            "id": "openai/tts-1",
            "architecture": {
                "input_modalities": ["text"],
                "output_modalities": ["speech"],
            },
        },
        {
            "id": "anthropic/claude-3.5-sonnet:beta",
            "created": "yesterday",
            "architecture": {
                "input_modalities": ["text"],
                "output_modalities": ["text"],
            },
        },
        {
            "id": "x/odd",
            "architecture": {
                "input_modalities": ["text"],
                "output_modalities": ["hologram"],
            },
        },
        {"name": "no id"},
        "not an object",
    ]
}


def test_openrouter_sample() -> None:
    result = from_openrouter(OPENROUTER)
    found = {e.aliases[0]: e for e in result.entities}
    assert found["openai/gpt-4o"].released == "2024-05-13"
    assert found["openai/gpt-4o"].organization == "openai"
    assert type(found["google/gemini-2.5-flash-image"]) is ai.GenAI
    assert found["openai/text-embedding-3-small"].output_modalities == {
        ai.Modality.EMBEDDING
    }
    assert type(found["cohere/rerank-v3.5"]) is ai.AIModel
    whisper = found["openai/whisper-1"]
    assert type(whisper) is ai.AIModel
    assert whisper.output_modalities == {ai.Modality.TEXT}
    assert found["openai/tts-1"].output_modalities == {ai.Modality.SPEECH}
    claude = found["anthropic/claude-3.5-sonnet:beta"]
    assert (claude.id, claude.released, claude.organization) == (
        "openrouter/anthropic/claude-3.5-sonnet-beta",
        None,
        "anthropic",
    )
    assert dict(result.skipped) == {
        "x/odd": "unknown value 'hologram' in architecture.output_modalities",
        "[8]": "no id",
        "[9]": "the entry is str, not an object",
    }
    assert from_openrouter(OPENROUTER["data"]) == result  # the bare list works too
    result.taxonomy(ai.default_taxonomy())


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=10,
)
_FIELDS = st.sampled_from(
    [
        "mode",
        "supported_modalities",
        "supported_output_modalities",
        "supports_vision",
        "litellm_provider",
        "modalities",
        "architecture",
        "created",
        "release_date",
        "id",
        "name",
        "models",
        "open_weights",
        "data",
    ]
)
_ENTRY = st.dictionaries(
    _FIELDS,
    _JSON
    | st.sampled_from(
        ["chat", "embedding", "image_generation", ["text"], ["image", "text"]]
    ),
    max_size=5,
)


@settings(max_examples=200)
@given(st.dictionaries(st.text(max_size=10), _ENTRY | _JSON, max_size=6))
def test_adapters_never_crash_and_partition(data: dict[str, Any]) -> None:
    """Law: any JSON-shaped input maps or skips every entry, or is refused whole
    as another source's file (naming that source); nothing else raises."""
    for source, adapter, source_data in (
        ("litellm", from_litellm, data),
        ("models-dev", from_models_dev, data),
        ("openrouter", from_openrouter, {"data": list(data.values())}),
    ):
        try:
            result = adapter(source_data)
        except AdapterError as exc:
            other = str(exc).rsplit("aitaxonomy import ", 1)[-1].rstrip(")")
            assert other in ("litellm", "models-dev", "openrouter")
            assert other != source
            continue
        if source != "models-dev":  # its entries are providers, not models
            assert len(result.entities) + len(result.skipped) == len(data)


def test_hugging_face_tags() -> None:
    tags = pipeline_tags()
    assert len(tags) >= 53
    for tag in (
        "text-generation",
        "summarization",
        "translation",
        "text-to-image",
        "image-to-text",
        "text-to-video",
        "image-to-video",
        "text-to-speech",
        "text-to-audio",
        "automatic-speech-recognition",
        "image-text-to-text",
        "any-to-any",
        "feature-extraction",
    ):
        assert tag in tags
    assert {t.domain for t in tags.values()} == {
        "nlp",
        "cv",
        "audio",
        "multimodal",
        "tabular",
        "rl",
        "other",
    }


@pytest.mark.parametrize(
    ("tag", "kind", "use_case"),
    [
        ("text-generation", "llm", None),
        ("translation", "llm", "language_translation"),
        ("summarization", "llm", "text_summarization_analysis"),
        ("text-to-image", "genai", "video_image_synthesis"),
        ("text-to-speech", "genai", None),
        ("image-text-to-text", "llm", None),
        ("feature-extraction", "ai-model", None),
        ("automatic-speech-recognition", "ai-model", None),
        ("image-classification", "ai-model", None),
        ("any-to-any", "genai", None),
    ],
)
def test_hugging_face_tag_mapping(tag: str, kind: str, use_case: str | None) -> None:
    mapped = pipeline_tag(tag)
    assert kind == mapped.kind.KIND
    assert mapped.use_case == use_case
    if use_case is not None:
        assert use_case in {u.id for u in ai.default_taxonomy().use_cases()}


def test_hugging_face_tags_agree_with_their_job_types() -> None:
    """Every tag but the catch-all belongs to a job type of the same shape."""
    jobs = {j.id: j for j in ai.default_taxonomy().job_types()}
    for tag in pipeline_tags().values():
        if tag.tag == "other":
            assert tag.job_type is None
            continue
        assert tag.job_type is not None, tag.tag
        job = jobs[tag.job_type]
        assert tag.tag in job.pipeline_tags
        assert job.outputs <= tag.outputs, tag.tag
        assert job.inputs <= tag.inputs, tag.tag  # zero-shot tags also read labels
    assert pipeline_tag("text-ranking").outputs == {ai.Modality.RANKING}
    assert pipeline_tag("image-segmentation").job_type == "image-segmentation"
    assert pipeline_tag("automatic-speech-recognition").job_type == "speech-recognition"


def test_unknown_tag_suggests() -> None:
    with pytest.raises(
        ai.errors.UnknownIdError,
        match="unknown pipeline_tag 'text-to-imag'"
        r" \(did you mean 'text-to-image'",
    ):
        pipeline_tag("text-to-imag")
