"""Adapters from LiteLLM, models.dev, OpenRouter and Hugging Face tags."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
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
    vocabulary,
)

_DAY = "2026-11-28"


def _cited(source: str) -> tuple[ai.Citation, ...]:
    """The citation every entity of an import read on ``_DAY`` carries."""
    url = vocabulary()[source.replace(".", "_")]["source"]
    return (ai.Citation(url=url, as_of=_DAY, note=f"imported from {source}"),)


def _bare(source: str, key: str, **facts: Any) -> ai.LLM:
    """The text model an entry that gives only its key and modalities maps to."""
    return ai.LLM(
        id=f"{source}/{key}",
        name=key,
        aliases=(key,),
        provenance=_cited(source),
        input_modalities={"text"},
        output_modalities={"text"},
        sources={source: key},
        **facts,
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


def test_an_import_fills_only_what_the_catalog_model_lacks() -> None:
    """Folded into the curated model that claims it: the import's facts fill
    its empty fields, with a citation saying which; its own facts stay."""
    base = ai.default_taxonomy()
    data = [
        {
            "id": "openai/gpt-4o",
            "name": "OpenAI: GPT-4o (renamed)",
            "created": 1893456000,  # 2030-01-01: the curated date stays
            "context_length": 128000,
            "architecture": {
                "input_modalities": ["text"],
                "output_modalities": ["text"],
            },
            "pricing": {"prompt": "0.0000025", "completion": "0.00001"},
            "supported_parameters": ["tools"],
        }
    ]
    tax = from_openrouter(data, as_of=_DAY).taxonomy(base)
    curated = base.model("gpt-4o")
    (cited,) = _cited("openrouter")
    covers = ("context_window", "input_price", "output_price", "capabilities")
    assert tax.model("gpt-4o") == attrs.evolve(
        curated,
        context_window=128000,
        input_price=2.5,
        output_price=10.0,
        capabilities=("tools",),
        provenance=(*curated.provenance, attrs.evolve(cited, covers=covers)),
    )
    assert len(tax) == len(base)
    assert tax.by_source("openrouter", "openai/gpt-4o").id == "gpt-4o"


LITELLM_SMALL: list[tuple[str, Any, str]] = [
    ("not-an-object", 3, "the entry is int, not an object"),
    ("no-mode", {"litellm_provider": "x"}, "no mode, so what it does is unknown"),
    ("odd-mode", {"mode": "chatt"}, "unknown mode 'chatt' (like 'chat'?)"),
    ("odder-mode", {"mode": "qqqq"}, "unknown mode 'qqqq'"),  # nothing like it
    ("service", {"mode": "vector_store"}, "a vector store, not a model"),
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
    ("@@", {"mode": "chat"}, "key '@@' has no letters or digits to make an id from"),
    ("sample_spec", {"mode": "chat"}, "documentation of the format, not a model"),
]


@pytest.mark.parametrize(("key", "entry", "reason"), LITELLM_SMALL)
def test_litellm_odd_entries_are_skipped_with_reasons(
    key: str, entry: Any, reason: str
) -> None:
    result = from_litellm({key: entry})
    assert result.entities == ()
    ((skipped_key, why),) = result.skipped
    assert (skipped_key, why) == (key, reason)


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


# -- every field an entry gives lands in its own attribute ----------------------
# Each adapter maps one entry with every field it reads and one with none of
# them in a form it takes: the first must fill every attribute, the second
# none of them.


def test_litellm_maps_every_field_and_invents_none() -> None:
    data = {
        "openai/gpt-x": {
            "mode": "chat",
            "litellm_provider": "openai",
            "max_input_tokens": 1000,
            "max_output_tokens": 200,
            "input_cost_per_token": 2.5e-06,
            "output_cost_per_token": 1e-05,
            "output_cost_per_image": 0.04,
            "supports_function_calling": True,
            "supports_reasoning": True,
            "supports_response_schema": True,
            "supports_vision": True,
            "supports_audio_input": True,
            "supports_audio_output": True,
        },
        "plain": {"mode": "chat", "supports_vision": False},
    }
    cited = _cited("litellm")
    assert from_litellm(data, as_of=dt.date(2026, 11, 28)).entities == (
        ai.GenAI(
            id="litellm/openai/gpt-x",
            name="openai/gpt-x",
            aliases=("openai/gpt-x",),
            provenance=cited,
            input_modalities={"text", "image", "audio"},
            output_modalities={"text", "audio"},
            provider="openai",
            sources={"litellm": "openai/gpt-x"},
            context_window=1000,
            max_output=200,
            input_price=2.5,  # per million tokens, from per token
            output_price=10.0,
            image_price=0.04,  # per image, as given
            capabilities=("tools", "reasoning", "structured-output"),
        ),
        _bare("litellm", "plain"),
    )


def test_models_dev_maps_every_field_and_invents_none() -> None:
    data = {
        "mistral": {
            "id": "mistral",
            "npm": "@ai-sdk/mistral",
            "models": {
                "mistral-x": {
                    "id": "mistral-x",
                    "name": "Mistral X",
                    "family": "mistral",
                    "release_date": "2025-01-02",
                    "knowledge": "2024-10",
                    "open_weights": True,
                    "modalities": {"input": ["text", "pdf"], "output": ["text"]},
                    "limit": {"context": 32000, "output": 8000},
                    "cost": {"input": 0.4, "output": 2},
                    "tool_call": True,
                    "reasoning": True,
                    "structured_output": True,
                },
                "mini": {
                    "modalities": {"input": ["text"], "output": ["text"]},
                    "open_weights": "yes",  # not a boolean: unknown
                    "knowledge": "recent",  # not a date: no cutoff
                    "reasoning": "true",  # only True is a capability
                },
            },
        },
    }
    cited = _cited("models.dev")
    assert from_models_dev(data, as_of=_DAY).entities == (
        ai.LLM(
            id="models.dev/mistral/mistral-x",
            name="Mistral X",
            aliases=("mistral/mistral-x",),
            provenance=cited,
            input_modalities={"text"},
            output_modalities={"text"},
            organization="mistral-ai",
            provider="mistral",
            open_weights=True,
            released="2025-01-02",
            knowledge_cutoff="2024-10",
            sources={"models.dev": "mistral/mistral-x"},
            context_window=32000,
            max_output=8000,
            input_price=0.4,  # models.dev prices per million tokens already
            output_price=2.0,
            capabilities=("tools", "reasoning", "structured-output"),
        ),
        _bare(
            "models.dev", "mistral/mini", organization="mistral-ai", provider="mistral"
        ),
    )


def test_openrouter_maps_every_field_and_invents_none() -> None:
    text = {"input_modalities": ["text"], "output_modalities": ["text"]}
    data = {
        "data": [
            {
                "id": "mistralai/mistral-x",
                "name": "Mistral: X",
                "created": 1735776000,
                "context_length": 32000,
                "knowledge_cutoff": "2024-10",
                "architecture": {
                    "input_modalities": ["text", "file", "image"],
                    "output_modalities": ["text"],
                },
                "pricing": {"prompt": "0.0000004", "completion": "0.000002"},
                "top_provider": {"max_completion_tokens": 8000},
                "supported_parameters": ["tools", "reasoning", "response_format"],
            },
            {"id": "x/plain", "architecture": text, "supported_parameters": ["seed"]},
            {
                "id": "x/schema",
                "architecture": text,
                "supported_parameters": ["structured_outputs"],
            },
        ]
    }
    assert from_openrouter(data, as_of=_DAY).entities == (
        ai.LLM(
            id="openrouter/mistralai/mistral-x",
            name="Mistral: X",
            aliases=("mistralai/mistral-x",),
            provenance=_cited("openrouter"),
            input_modalities={"text", "image"},
            output_modalities={"text"},
            organization="mistral-ai",
            released="2025-01-02",  # from the Unix time, in UTC
            knowledge_cutoff="2024-10",
            sources={"openrouter": "mistralai/mistral-x"},
            context_window=32000,
            max_output=8000,
            input_price=0.4,  # per million tokens, from a per-token string
            output_price=2.0,
            capabilities=("tools", "reasoning", "structured-output"),
        ),
        _bare("openrouter", "x/plain"),
        _bare("openrouter", "x/schema", capabilities=("structured-output",)),
    )


# -- the policy every source shares ([policy] in vocabulary.toml) ---------------
# One row per rule, and one beside it where the rule must not fire: each row
# is a models.dev entry as its catalog states it, and what the model is.

_POLICY = [
    # (id, name, family, stated inputs, stated outputs, kind, inputs, outputs)
    ("rr-3", "Rerank 3", "", ["text"], ["text"], "ai-model", {"text"}, {"ranking"}),
    (
        "m-1",
        "M",
        "text-embedding",
        ["text"],
        ["text"],
        "ai-model",
        {"text"},
        {"embedding"},
    ),
    ("bge-art", "B", "", ["text"], ["image"], "genai", {"text"}, {"image"}),
    ("omni-moderation", "", "", ["text"], ["text"], "ai-model", {"text"}, {"label"}),
    (
        "whisper-v3",
        "",
        "",
        ["audio", "text"],
        ["text"],
        "ai-model",
        {"speech", "text"},
        {"text"},
    ),
    ("voice-in", "", "", ["audio"], ["text"], "ai-model", {"speech"}, {"text"}),
    (
        "gpt-transcribe",
        "",
        "",
        ["audio", "text"],
        ["text"],
        "ai-model",
        {"speech", "text"},
        {"text"},
    ),
    (
        "gpt-listen",
        "",
        "",
        ["audio", "text"],
        ["text"],
        "llm",
        {"audio", "text"},
        {"text"},
    ),
    ("voice-out", "", "", ["text"], ["audio"], "genai", {"text"}, {"speech"}),
    ("lyria-2", "", "", ["text"], ["audio"], "genai", {"text"}, {"music"}),
    ("talk", "", "", ["text"], ["audio", "text"], "genai", {"text"}, {"audio", "text"}),
]


@pytest.mark.parametrize(
    ("model", "name", "family", "reads", "writes", "kind", "inputs", "outputs"),
    _POLICY,
    ids=[row[0] for row in _POLICY],
)
def test_the_policy_reads_what_a_model_is_from_its_names(
    model: str,
    name: str,
    family: str,
    reads: list[str],
    writes: list[str],
    kind: str,
    inputs: set[str],
    outputs: set[str],
) -> None:
    """Rerankers, embedders, moderators, transcribers and voices are told by
    their id, name or family, whatever modalities the catalog gives them."""
    entry = {"modalities": {"input": reads, "output": writes}, "name": name}
    if family:
        entry["family"] = family
    (found,) = from_models_dev({"p": {"models": {model: entry}}}).entities
    assert (found.KIND, set(found.input_modalities), set(found.output_modalities)) == (
        kind,
        inputs,
        outputs,
    )


_STATED = [
    # a music maker LiteLLM files under speech
    ("litellm", "lyria-9", {"mode": "audio_speech"}, "genai", {"text"}, {"music"}),
    (
        "litellm",
        "gpt-transcribe-live",  # hears speech, writes text, named a transcriber
        {"mode": "realtime", "supported_output_modalities": ["text"]},
        "ai-model",
        {"text", "speech"},
        {"text"},
    ),
    (
        "litellm",
        "gpt-live",  # the same, named nothing in particular: it answers
        {"mode": "realtime", "supported_output_modalities": ["text"]},
        "llm",
        {"text", "speech"},
        {"text"},
    ),
    # OpenRouter's output kinds mark non-generative models, named or not
    (
        "openrouter",
        "x/sorter",
        {"input_modalities": ["text"], "output_modalities": ["rerank"]},
        "ai-model",
        {"text"},
        {"ranking"},
    ),
    (
        "openrouter",
        "x/ears",
        {"input_modalities": ["audio", "text"], "output_modalities": ["transcription"]},
        "ai-model",
        {"audio", "text"},
        {"text"},
    ),
]


@pytest.mark.parametrize(
    ("source", "key", "stated", "kind", "inputs", "outputs"),
    _STATED,
    ids=[row[1] for row in _STATED],
)
def test_what_a_source_states_and_the_policy_agree(
    source: str,
    key: str,
    stated: dict[str, Any],
    kind: str,
    inputs: set[str],
    outputs: set[str],
) -> None:
    if source == "litellm":
        result = from_litellm({key: stated})
    else:
        result = from_openrouter([{"id": key, "architecture": stated}])
    (found,) = result.entities
    assert (found.KIND, set(found.input_modalities), set(found.output_modalities)) == (
        kind,
        inputs,
        outputs,
    )


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
