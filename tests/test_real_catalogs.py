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
    tax = BASE.extend(*models)
    assert len(tax) == len(BASE) + len(models)


def test_the_three_real_catalogs_merge_over_the_default_taxonomy(
    results: dict[str, adapters.AdapterResult],
) -> None:
    merged = BASE.extend(*(m for r in results.values() for m in r.entities))
    assert len(merged.models()) == len(BASE.models()) + sum(
        len(r.entities) for r in results.values()
    )


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
        (adapters.from_models_dev, {"sample_spec": {}, "m": {}}, "litellm"),
        (adapters.from_openrouter, {"m": {"litellm_provider": "openai"}}, "litellm"),
    ],
)
def test_adapters_refuse_another_sources_shape(
    adapter: Any, data: object, real: str
) -> None:
    with pytest.raises(adapters.AdapterError, match=f"aitaxonomy import {real}"):
        adapter(data)
