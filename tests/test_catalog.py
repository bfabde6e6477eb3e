"""The packaged real-world catalog: size, coverage, sources, one file per entity."""

from __future__ import annotations

import tomllib
from collections import Counter
from importlib import resources

import pytest

import aitaxonomy as ai

TAX = ai.default_taxonomy()
ARTICLE = ai.article_taxonomy()
CATALOG = [m for m in TAX.of_type(ai.AIModel) if m.id not in ARTICLE]
FILES = resources.files("aitaxonomy.data").joinpath("catalog")
# The days the catalog's sources were read.
READ_FROM, READ_UNTIL = "2026-11-28", "2026-12-02"


def test_catalog_size_and_span() -> None:
    assert len(CATALOG) >= 120
    years = sorted(int(m.released[:4]) for m in CATALOG if m.released)
    assert years[0] <= 2017
    assert years[-1] >= 2025


@pytest.mark.parametrize(
    ("what", "matches"),
    [
        ("open-weight text LLM", lambda m: isinstance(m, ai.LLM) and m.open_weights),
        (
            "closed text LLM",
            lambda m: (
                isinstance(m, ai.LLM)
                and m.open_weights is False
                and m.organization in {"openai", "anthropic"}
            ),
        ),
        ("code model", lambda m: m.produces("code")),
        (
            "diffusion image generator",
            lambda m: m.produces("image") and "diffusion" in m.techniques,
        ),
        (
            "GAN image generator",
            lambda m: m.produces("image") and "gan" in m.techniques,
        ),
        ("video generator", lambda m: m.produces("video")),
        ("speech generator", lambda m: m.produces("speech")),
        ("music generator", lambda m: m.produces("music")),
        ("multimodal generator", lambda m: len(m.output_modalities) > 1),
        ("embedding model", lambda m: m.produces("embedding")),
        ("non-generative encoder", lambda m: type(m) is ai.AIModel),
        ("product linked to its models", lambda m: m.product and m.powered_by),
        ("domain-specific model", lambda m: bool(m.domains)),
        ("on-device model", lambda m: m.on_device),
    ],
)
def test_every_kind_of_system_is_covered(what: str, matches: object) -> None:
    assert callable(matches)
    assert [m for m in CATALOG if matches(m)], f"no {what} in the catalog"


@pytest.mark.parametrize(
    "domain", ["legal", "finance", "healthcare", "science", "enterprise"]
)
def test_every_domain_has_two_models(domain: str) -> None:
    """Each domain the README and choose() offer is served by sourced models."""
    assert len(TAX.models(domain=domain)) >= 2, f"fewer than 2 {domain} models"


def test_ten_models_run_on_device() -> None:
    assert len([m for m in TAX.models() if m.on_device]) >= 10


@pytest.mark.parametrize("model", CATALOG, ids=lambda m: m.id)
def test_every_fact_is_sourced(model: ai.AIModel) -> None:
    """Maker and date are stated and covered by a dated source; so is every citation."""
    assert model.organization
    assert model.released
    assert model.description.strip()
    covered = {f for c in model.provenance if c.url for f in c.covers}
    assert {"organization", "released"} <= covered
    for citation in model.provenance:
        assert citation.url
        assert citation.url.startswith("https://")
        assert citation.as_of is not None
        assert READ_FROM <= citation.as_of <= READ_UNTIL


def test_one_entity_per_file_named_by_its_id() -> None:
    seen = 0
    for group in ("models", "organizations"):
        for item in FILES.joinpath(group).iterdir():
            document = tomllib.loads(item.read_text("utf-8"))
            assert document["format"] == 1
            assert item.name == f"{document['id']}.toml"
            seen += 1
    assert seen == len(CATALOG) + len(
        [o for o in TAX.organizations() if o.id not in ARTICLE]
    )


def test_the_article_examples_stay_marked() -> None:
    assert {m.id for m in TAX.article_examples()} == {
        m.id for m in ARTICLE.article_examples()
    }
    assert len(ARTICLE.article_examples()) == 12


def test_stale() -> None:
    """Every sourced fact was read in the catalog's window; the day after finds all."""
    assert TAX.stale(READ_FROM) == ()
    stale = TAX.stale("2026-12-03")  # the day after READ_UNTIL
    assert {m.id for m in CATALOG} <= {e.id for e in stale}
    assert all(READ_FROM <= (TAX.checked_on(e) or "") <= READ_UNTIL for e in stale)
    assert TAX.checked_on("transformer") is None  # stated by the article
    with pytest.raises(ValueError, match="expected a date"):
        TAX.stale("yesterday")


def test_choose_ranks_from_the_catalog() -> None:
    """The catalog, not only the article's handful, supplies the candidates."""
    rec = ai.choose(modalities="video", task="an explainer clip for our app")
    assert sum(c.model.id not in ARTICLE for c in rec.candidates[:5]) >= 3


def test_counts_by_category_and_modality() -> None:
    """The catalog spans the categories and the output modalities."""
    categories = Counter(TAX.category_of(m).id for m in CATALOG)
    outputs = Counter(o.value for m in CATALOG for o in m.output_modalities)
    assert set(categories) == {"ai-model", "genai", "llm"}
    assert {"text", "image", "video", "code", "speech", "music", "embedding"} <= set(
        outputs
    )


def test_every_source_is_marked_primary_or_secondary() -> None:
    """scripts/mark_sources.py marks them; a new citation must be marked too."""
    unmarked = [
        (e.id, c.url)
        for e in TAX
        for c in e.provenance
        if c.url is not None and c.primary is None
    ]
    assert unmarked == []


def test_text_only_generators_that_read_text_are_llms() -> None:
    """One reading of the library's rule across the catalog: a generator that
    reads text (and maybe more) and writes only text is an LLM, as GPT-4 is."""
    misfiled = [
        m.id
        for m in CATALOG
        if type(m) is ai.GenAI
        and m.output_modalities == {ai.Modality.TEXT}
        and ai.Modality.TEXT in m.input_modalities
    ]
    assert misfiled == []


REVISED = sorted(
    item.name.removesuffix(".toml") for item in FILES.joinpath("current").iterdir()
)


@pytest.mark.parametrize("key", REVISED)
def test_products_are_described_as_they_are_now(key: str) -> None:
    """The default taxonomy's entry is the current one; the article's keeps its own.

    Both are the same product: same id, kind, maker and launch. The current
    entry keeps every article citation of the launch entry, and a source read
    in the catalog's window covers what it says the product is made of.
    """
    now, then = TAX.model(key), ARTICLE.model(key)
    assert now != then
    assert (type(now), now.name, now.organization, now.released) == (
        type(then),
        then.name,
        then.organization,
        then.released,
    )
    sections = {c.section for c in then.provenance if c.section}
    assert sections <= {c.section for c in now.provenance if c.section}
    covered = {
        f
        for c in now.provenance
        if c.url and c.as_of and READ_FROM <= c.as_of <= READ_UNTIL
        for f in c.covers
    }
    assert {"powered_by", "input_modalities", "output_modalities"} <= covered
    assert TAX.checked_on(now) == READ_UNTIL


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            [
                ("article/m.toml", {"models": [{"id": "a", "kind": "llm"}]}),
                ("catalog/current/b.toml", {"id": "b", "kind": "llm"}),
            ],
            "'b' revises no article entry @ catalog/current/b.toml: $.id",
        ),
        (
            [
                ("article/m.toml", {"models": [{"id": "a", "kind": "llm"}]}),
                ("catalog/current/a.toml", {"id": "a", "kind": "genai"}),
            ],
            "'a' is 'llm' in the article, not 'genai' @ catalog/current/a.toml: $.kind",
        ),
    ],
)
def test_a_revision_must_revise_an_article_entry_of_its_kind(
    files: list[tuple[str, object]], message: str
) -> None:
    from aitaxonomy._catalog import revised  # noqa: PLC0415

    with pytest.raises(ai.errors.TaxonomyError) as caught:
        revised(list(files))
    assert [str(p) for p in caught.value.problems] == [message]


def test_a_revision_takes_the_article_entry_s_place() -> None:
    from aitaxonomy._catalog import revised  # noqa: PLC0415

    article = {"models": [{"id": "a", "kind": "llm"}, {"id": "b", "kind": "genai"}]}
    current = {"id": "a", "kind": "llm", "name": "A now"}
    documents: list[tuple[str | None, object]] = [
        ("article/m.toml", article),
        ("catalog/current/a.toml", current),
    ]
    assert revised(documents) == [
        ("article/m.toml", {"models": [{"id": "b", "kind": "genai"}]}),
        ("catalog/current/a.toml", current),
    ]
    assert article["models"][0]["id"] == "a"  # the parsed data is left as read
    assert revised(documents[:1]) == documents[:1]


def test_most_facts_rest_on_a_primary_source() -> None:
    """Issue 13's bar: at least 90% of cited facts have a primary source.

    A fact is a field of a curated model that a citation covers; it has a
    primary source when a citation marked primary (or the article) covers it.
    """
    facts: dict[tuple[str, str], bool] = {}
    for model in CATALOG:
        for citation in model.provenance:
            primary = bool(citation.primary or citation.section)
            for field in citation.covers:
                key = (model.id, field)
                facts[key] = facts.get(key, False) or primary
    share = sum(facts.values()) / len(facts)
    assert share >= 0.90, f"{share:.1%} of {len(facts)} facts"
    assert len(facts) > 1000  # the curated catalog, not a sample
