"""The real LiteLLM, models.dev and OpenRouter catalogs, imported and used (#12)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

import aitaxonomy as ai
from aitaxonomy import adapters
from aitaxonomy._cli import main
from conftest import REAL_CATALOGS, shared_fixture

if TYPE_CHECKING:
    from pathlib import Path

ADAPTERS = {
    "litellm": adapters.from_litellm,
    "models-dev": adapters.from_models_dev,
    "openrouter": adapters.from_openrouter,
}
BASE = ai.default_taxonomy()


@pytest.fixture(scope="module")
def results(real_catalogs: dict[str, Any]) -> dict[str, adapters.AdapterResult]:
    return {
        source: ADAPTERS[source](data, as_of="2026-12-02")
        for source, data in real_catalogs.items()
    }


@pytest.mark.parametrize("source", list(ADAPTERS))
def test_each_real_catalog_extends_the_default_taxonomy(
    results: dict[str, adapters.AdapterResult], source: str
) -> None:
    models = results[source].entities
    tax = results[source].taxonomy(BASE)
    assert len(BASE.models()) < len(tax.models()) <= len(BASE.models()) + len(models)
    for model in models:  # every import is found by its own id, here or folded
        for pair in model.sources.items():
            assert tax.by_source(*pair).sources[pair[0]] == pair[1]


def test_the_three_real_catalogs_merge_over_the_default_taxonomy(
    results: dict[str, adapters.AdapterResult],
) -> None:
    merged = BASE
    for result in results.values():
        merged = result.taxonomy(merged)
    assert len(merged.models()) > 11_500  # about 12,000 with the catalog
    gpt4o = merged.model("gpt-4o")
    assert set(gpt4o.sources) == {"litellm", "models.dev", "openrouter"}
    assert gpt4o.context_window == 128000
    assert gpt4o.knowledge_cutoff == "2023-09"  # models.dev's fact, folded in


@pytest.mark.parametrize(
    "table", [("models_dev", "organizations"), ("openrouter", "organizations")]
)
def test_every_organisation_the_vocabulary_names_is_in_the_catalog(
    table: tuple[str, str],
) -> None:
    """A provider mapped to a maker the taxonomy lacks would break every import."""
    named = set(adapters.vocabulary()[table[0]][table[1]].values())
    known = {o.id for o in BASE.organizations()}
    assert named - known == set()


@pytest.mark.parametrize("source", list(ADAPTERS))
def test_importing_a_real_catalog_into_files_exits_0_and_writes_them(
    source: str, tmp_path: Path
) -> None:
    path = shared_fixture(REAL_CATALOGS[source])
    out = tmp_path / "imported"
    assert main(["import", source, str(path), "-o", str(out), "--no-plugins"]) == 0
    loaded = ai.load(out, base=BASE)
    assert len(loaded.models()) > len(BASE.models())


WRONG_SOURCE = [
    (given, real) for given in ADAPTERS for real in ADAPTERS if given != real
]


@pytest.mark.parametrize(("given", "real"), WRONG_SOURCE)
def test_a_file_of_another_source_exits_1_naming_the_right_one(
    given: str, real: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = shared_fixture(REAL_CATALOGS[real])
    assert main(["import", given, str(path), "--no-plugins"]) == 1
    assert f"(aitaxonomy import {real})" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("adapter", "data", "real"),
    [
        (adapters.from_litellm, {"data": []}, "openrouter"),
        (adapters.from_litellm, {"openai": {"npm": "x", "models": {}}}, "models-dev"),
        (adapters.from_litellm, {"openai": {"env": ["K"], "models": {}}}, "models-dev"),
        (adapters.from_models_dev, {"sample_spec": {}, "m": {}}, "litellm"),
        (adapters.from_openrouter, {"m": {"litellm_provider": "openai"}}, "litellm"),
    ],
)
def test_adapters_refuse_another_sources_shape(
    adapter: Any, data: object, real: str
) -> None:
    with pytest.raises(adapters.AdapterError, match=f"aitaxonomy import {real}"):
        adapter(data)


def test_the_refusal_names_both_files_and_the_reader() -> None:
    with pytest.raises(adapters.AdapterError) as caught:
        adapters.from_litellm({"openai": {"npm": "x", "models": {}}})
    assert str(caught.value) == (
        "this is models.dev's api.json, not LiteLLM's model map: read it with "
        "from_models_dev() (aitaxonomy import models-dev)"
    )


@pytest.mark.parametrize(
    ("adapter", "data"),
    [
        # a provider record needs its models beside npm or env to count
        (adapters.from_litellm, {"openai": {"models": {}}}),
        (adapters.from_litellm, {"openai": {"npm": "x", "models": []}}),
        # signs in half the records or fewer do not make a file theirs
        (adapters.from_models_dev, {"a": {"litellm_provider": "x"}, "b": {}}),
        (
            adapters.from_litellm,
            {"a": {"npm": "x", "models": {}}, "b": {"mode": "chat"}},
        ),
    ],
)
def test_a_file_with_too_few_signs_of_another_source_is_read(
    adapter: Any, data: object
) -> None:
    assert adapter(data).skipped  # read, entry by entry, not refused whole


# -- one classification policy for every source ------------------------------------


@pytest.mark.parametrize(
    ("source", "model", "kind", "inputs", "outputs"),
    [
        (
            "models-dev",
            "models.dev/digitalocean/bge-m3",
            "ai-model",
            None,
            {"embedding"},
        ),
        (
            "models-dev",
            "models.dev/digitalocean/bge-reranker-v2-m3",
            "ai-model",
            None,
            {"ranking"},
        ),
        (
            "models-dev",
            "models.dev/vercel/voyage/voyage-3.5",
            "ai-model",
            None,
            {"embedding"},
        ),
        ("litellm", "litellm/whisper-1", "ai-model", {"speech"}, {"text"}),
        ("litellm", "litellm/tts-1", "genai", {"text"}, {"speech"}),
    ],
)
def test_the_policy_classifies_known_models(
    results: dict[str, adapters.AdapterResult],
    source: str,
    model: str,
    kind: str,
    inputs: set[str] | None,
    outputs: set[str],
) -> None:
    found = {e.id: e for e in results[source].entities}[model]
    assert kind == found.KIND
    assert set(found.output_modalities) == outputs
    if inputs is not None:
        assert set(found.input_modalities) == inputs


@pytest.mark.parametrize("source", list(ADAPTERS))
def test_the_policy_holds_for_every_imported_model(
    results: dict[str, adapters.AdapterResult], source: str
) -> None:
    """Whatever a source calls them: no bare "audio" voices, no generative
    transcribers, no rerankers or embedders taken for LLMs."""
    for model in results[source].entities:
        outputs = set(model.output_modalities)
        inputs = set(model.input_modalities)
        assert outputs != {"audio"}, model.id
        if outputs == {"text"} and inputs and inputs <= {"speech", "audio"}:
            assert not isinstance(model, ai.GenAI), model.id
        if isinstance(model, ai.LLM):
            assert "rerank" not in model.id, model.id
            assert "embed" not in model.id, model.id


def test_speech_jobs_find_imported_models(
    results: dict[str, adapters.AdapterResult],
) -> None:
    tax = results["models-dev"].taxonomy(BASE)
    spoken = tax.models(job_type="text-to-speech")
    heard = tax.models(job_type="speech-recognition")
    assert any(m.id.startswith("models.dev/") for m in spoken)
    assert any(m.id.startswith("models.dev/") for m in heard)


def test_placeholder_release_dates_are_dropped_with_a_note(
    results: dict[str, adapters.AdapterResult],
) -> None:
    result = results["models-dev"]
    assert all(m.released is None or m.released >= "1990" for m in result.entities)
    assert any("placeholder" in note for _, note in result.notes)


@pytest.mark.parametrize("source", list(ADAPTERS))
def test_each_result_stands_alone_and_is_chosen_from(
    results: dict[str, adapters.AdapterResult], source: str
) -> None:
    alone = results[source].taxonomy()
    assert len(alone.models()) == len(results[source].entities)
    assert {o.id for o in alone.organizations()} == {
        m.organization for m in alone.models() if m.organization
    }
    rec = ai.choose(task="a support chatbot for our shop", taxonomy=alone)
    assert rec.candidates


EVERYDAY_JOBS = [
    "a support chatbot for our shop",
    "extract text from scanned invoices",
    "transcribe customer calls",
    "generate product photos for our store",
    "embed documents for semantic search",
]


def _imported(model: ai.AIModel) -> bool:
    """An imported model, or a curated one the import folded its facts into."""
    imported = model.id.startswith(("litellm/", "models.dev/", "openrouter/"))
    return imported or model != BASE[model.id]


@pytest.mark.parametrize("task", EVERYDAY_JOBS)
def test_imported_models_compete_with_curated_ones(
    results: dict[str, adapters.AdapterResult], task: str
) -> None:
    """Over the catalog, an imported model is among the first few for an everyday
    job (LiteLLM's best OCR model ranked 1,585th of 1,677 before)."""
    merged = BASE
    for result in results.values():
        merged = result.taxonomy(merged)
    rec = ai.choose(task=task, taxonomy=merged, limit=5)
    assert any(_imported(c.model) for c in rec.candidates)
    full = ai.choose(task=task, taxonomy=merged, limit=5, requires="vision")
    assert all(c.model.reads("image") for c in full.candidates)
