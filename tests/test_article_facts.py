"""The packaged taxonomy states every fact of the article, and true facts beyond it."""

from __future__ import annotations

from typing import Any

import pytest

import aitaxonomy as ai

M = ai.Modality

TAX = ai.default_taxonomy()
ARTICLE = ai.article_taxonomy()

# id, class, organisation, category, product?, inputs, outputs, techniques (subset)
MODELS = [
    (
        "chatgpt",
        ai.GenAI,
        "openai",
        "genai",
        True,
        {"text", "image", "speech"},
        {"text", "image", "speech"},
        set(),
    ),
    (
        "midjourney",
        ai.GenAI,
        "midjourney-inc",
        "genai",
        True,
        {"text", "image"},
        {"image", "video"},
        set(),
    ),
    (
        "dall-e",
        ai.GenAI,
        "openai",
        "genai",
        False,
        {"text", "image"},
        {"image"},
        {"transformer", "diffusion"},
    ),
    (
        "sora",
        ai.GenAI,
        "openai",
        "genai",
        False,
        {"text", "image", "video"},
        {"video"},
        {"diffusion", "transformer"},
    ),
    (
        "alphacode",
        ai.GenAI,
        "google-deepmind",
        "genai",
        False,
        {"text"},
        {"code"},
        {"transformer"},
    ),
    (
        "stable-diffusion",
        ai.GenAI,
        "stability-ai",
        "genai",
        False,
        {"text", "image"},
        {"image"},
        {"diffusion"},
    ),
    (
        "github-copilot",
        ai.GenAI,
        "github",
        "genai",
        True,
        {"text", "code"},
        {"code"},
        set(),
    ),
    (
        "codex",
        ai.GenAI,
        "openai",
        "genai",
        False,
        {"text", "code"},
        {"code"},
        {"transformer"},
    ),
    (
        "gpt-4",
        ai.LLM,
        "openai",
        "llm",
        False,
        {"text", "image"},
        {"text"},
        {"transformer"},
    ),
    ("claude", ai.LLM, "anthropic", "llm", False, {"text", "image"}, {"text"}, set()),
    ("llama", ai.LLM, "meta", "llm", False, {"text"}, {"text"}, {"transformer"}),
    (
        "mistral",
        ai.LLM,
        "mistral-ai",
        "llm",
        False,
        {"text"},
        {"text"},
        {"transformer"},
    ),
    (
        "bert",
        ai.AIModel,
        "google",
        "ai-model",
        False,
        {"text"},
        {"embedding"},
        {"transformer"},
    ),
]


@pytest.mark.parametrize(
    (
        "model_id",
        "cls",
        "org",
        "category",
        "product",
        "inputs",
        "outputs",
        "techniques",
    ),
    MODELS,
)
def test_model_facts(
    model_id: str,
    cls: type[Any],
    org: str,
    category: str,
    product: Any,
    inputs: set[str],
    outputs: frozenset[ai.Modality],
    techniques: set[str],
) -> None:
    """As the article (and, for products, their launch) has them."""
    model = ARTICLE.model(model_id)
    assert type(model) is cls
    assert isinstance(model, ai.AIModel)
    assert model.organization == org
    assert ARTICLE.category_of(model_id).id == category
    assert model.product is product
    assert model.input_modalities == {M(i) for i in inputs}
    assert model.output_modalities == {M(o) for o in outputs}
    assert techniques <= set(model.techniques)


def test_issue_contract() -> None:
    """The lines of the issue's example, verbatim."""
    gpt4 = TAX.get("gpt-4")
    assert isinstance(gpt4, ai.LLM)
    assert isinstance(gpt4, ai.GenAI)
    assert not isinstance(TAX.get("sora"), ai.LLM)
    assert TAX.get("absent") is None
    with pytest.raises(LookupError):
        TAX["x"]


@pytest.mark.parametrize(
    ("model_id", "released"),
    [
        ("chatgpt", "2022-11-30"),
        ("gpt-4", "2023-03-14"),
        ("llama", "2023-02-24"),
        ("mistral", "2023-09-27"),
        ("stable-diffusion", "2022-08-22"),
        ("bert", "2018-10-11"),
        ("github-copilot", "2021-06-29"),
        ("dall-e", "2021-01-05"),
        ("sora", "2024-12-09"),
        ("alphacode", "2022-02-02"),
        ("claude", "2023-03-14"),
    ],
)
def test_release_dates(model_id: str, released: str) -> None:
    assert TAX.model(model_id).released == released


@pytest.mark.parametrize(
    ("product", "then", "now"),
    [
        ("chatgpt", ("gpt-4", "dall-e"), {"gpt-5.5", "gpt-image-2"}),
        (
            "github-copilot",
            ("codex",),
            {"gpt-5.5", "claude-sonnet-4.6", "gemini-3.1-pro"},
        ),
    ],
)
def test_products_link_to_the_models_behind_them(
    product: str, then: tuple[str, ...], now: set[str]
) -> None:
    """At launch in the article's taxonomy; as they are now in the default one."""
    assert ARTICLE.model(product).powered_by == then
    assert now <= set(TAX.model(product).powered_by)
    for taxonomy in (ARTICLE, TAX):
        for model_id in taxonomy.model(product).powered_by:
            assert isinstance(taxonomy[model_id], ai.GenAI)


def test_products_now_differ_from_their_launch() -> None:
    """Copilot now chats and reads images; the article's entry writes code only."""
    now, then = TAX.model("github-copilot"), ARTICLE.model("github-copilot")
    assert then.output_modalities == {M.CODE}
    assert now.output_modalities == {M.CODE, M.TEXT}
    assert M.IMAGE in now.input_modalities
    assert type(now) is type(then) is ai.GenAI


@pytest.mark.parametrize(
    ("category", "examples"),
    [
        ("genai", ("dall-e", "midjourney", "sora", "alphacode")),
        ("llm", ("gpt-4", "claude", "llama", "mistral")),
    ],
)
def test_comparison_table_examples(category: str, examples: tuple[str, ...]) -> None:
    """The table's examples row, and each example is really in that category."""
    cat = TAX[category]
    assert isinstance(cat, ai.Category)
    assert cat.examples == examples
    for model_id in examples:
        assert any(
            c.id == category for c in TAX.category_path(TAX.category_of(model_id))
        )


def test_comparison_rows_in_article_order() -> None:
    table = TAX.comparison()
    assert [c.id for c in table.categories] == ["genai", "llm"]
    assert [label for label, _ in table.rows] == [
        "Primary function",
        "Output formats",
        "Training data",
        "Use cases",
        "Examples",
    ]
    examples = dict(table.rows)["Examples"]
    assert examples == (
        "DALL·E, Midjourney, Sora, AlphaCode",
        "GPT-4, Claude, LLaMA, Mistral",
    )
    text = str(table)
    assert text.splitlines()[0].startswith("Feature")
    assert "Generative AI" in text
    assert "Large language model" in text


@pytest.mark.parametrize(
    ("category", "features", "examples"),
    [
        ("genai", 3, ("chatgpt", "midjourney", "dall-e", "alphacode")),
        ("llm", 3, ("gpt-4", "llama", "claude", "mistral")),
    ],
)
def test_key_features_and_their_examples(
    category: str, features: int, examples: tuple[str, ...]
) -> None:
    cat = TAX[category]
    assert isinstance(cat, ai.Category)
    assert len(cat.key_features) == features
    assert cat.feature_examples == examples
    assert cat.how_it_works


def test_category_hierarchy() -> None:
    assert [c.id for c in TAX.category_path("llm")] == ["ai-model", "genai", "llm"]
    assert [c.id for c in TAX.categories()] == ["ai-model", "genai", "llm"]
    assert TAX["llm"].output_modalities == {M.TEXT}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("technique", "part_of"),
    [
        ("transformer", None),
        ("gan", None),
        ("diffusion", None),
        ("tokenization", "transformer"),
        ("attention", "transformer"),
        ("self-supervised-learning", "transformer"),
        ("next-token-prediction", "transformer"),
    ],
)
def test_techniques(technique: str, part_of: str | None) -> None:
    entity = TAX[technique]
    assert isinstance(entity, ai.Technique)
    assert entity.part_of == part_of


@pytest.mark.parametrize(
    ("technique", "examples"),
    [("transformer", ("gpt-4", "bert")), ("diffusion", ("stable-diffusion",))],
)
def test_technique_examples(technique: str, examples: tuple[str, ...]) -> None:
    assert TAX[technique].examples == examples  # type: ignore[attr-defined]


def test_query_by_technique_includes_its_concepts() -> None:
    """Mistral is tagged with attention, which is part of the transformer."""
    assert "mistral" in {m.id for m in TAX.models(technique="transformer")}


@pytest.mark.parametrize(
    ("use_case", "category", "produces", "examples"),
    [
        ("creative_content_generation", "genai", {"text", "image", "music"}, ()),
        ("code_generation", "genai", {"code"}, ("github-copilot",)),
        ("video_image_synthesis", "genai", {"video", "image"}, ("sora",)),
        ("art_design", "genai", {"image"}, ()),
        ("personalized_recommendations", "genai", {"music", "video"}, ()),
        ("chatbots_virtual_assistants", "llm", {"text"}, ()),
        ("text_summarization_analysis", "llm", {"text"}, ()),
        ("language_translation", "llm", {"text"}, ()),
        ("legal_medical_documentation", "llm", {"text"}, ()),
        ("business_intelligence", "llm", {"text"}, ()),
    ],
)
def test_use_cases(
    use_case: str, category: str, produces: set[str], examples: tuple[str, ...]
) -> None:
    entity = TAX[use_case]
    assert isinstance(entity, ai.UseCase)
    assert entity.category == category
    assert entity.produces == {M(p) for p in produces}
    assert entity.examples == examples
    assert entity.keywords, "every use case has cues for task matching"
    sections = {c.section for c in entity.provenance}
    assert (
        "when-to-use-genai" if category == "genai" else "when-to-use-llms"
    ) in sections


def test_exactly_ten_use_cases() -> None:
    assert len(TAX.use_cases()) == 10


@pytest.mark.parametrize(
    ("trend", "implies"),
    [
        ("multimodal-integration", "output_modalities"),
        ("ethical-ai", "provenance"),
        ("domain-specific-models", "domains"),
        ("edge-on-device", "on_device"),
    ],
)
def test_trends_name_the_fields_they_imply(trend: str, implies: str) -> None:
    entity = TAX[trend]
    assert isinstance(entity, ai.Trend)
    assert implies in entity.implies
    for field in entity.implies:
        assert field in {f.name for f in __import__("attrs").fields(ai.AIModel)}


@pytest.mark.parametrize(
    ("org", "name"),
    [
        ("openai", "OpenAI"),
        ("anthropic", "Anthropic"),
        ("meta", "Meta"),
        ("mistral-ai", "Mistral AI"),
        ("google-deepmind", "Google DeepMind"),
        ("google", "Google"),
        ("midjourney-inc", "Midjourney, Inc."),
        ("stability-ai", "Stability AI"),
        ("github", "GitHub"),
    ],
)
def test_organizations(org: str, name: str) -> None:
    entity = TAX[org]
    assert isinstance(entity, ai.Organization)
    assert entity.name == name


def test_model_keeps_plain_id_when_it_shares_a_name_with_its_maker() -> None:
    assert TAX.get("Midjourney") is TAX["midjourney"]
    assert isinstance(TAX["midjourney"], ai.GenAI)


def test_every_model_fact_beyond_the_article_is_cited() -> None:
    """Each model cites a dated source for maker and date, or the article itself."""
    for model in TAX.of_type(ai.AIModel):
        covered = {f for c in model.provenance if c.url for f in c.covers}
        assert {"organization", "released"} <= covered, model.id
        for citation in model.provenance:
            assert citation.section or (citation.url and citation.as_of)


def test_article_examples() -> None:
    """All twelve systems the article names, and nothing else (Codex is ours)."""
    names = {m.id for m in TAX.article_examples()}
    assert names == {
        "chatgpt",
        "dall-e",
        "midjourney",
        "sora",
        "alphacode",
        "gpt-4",
        "claude",
        "llama",
        "mistral",
        "github-copilot",
        "stable-diffusion",
        "bert",
    }


def test_sections_in_article_order() -> None:
    numbers = [s.number for s in TAX.sections()]
    assert numbers == sorted(numbers) == list(range(1, 15))


# -- the article's own words ---------------------------------------------------------


def _article_text() -> str:
    from conftest import SHARED_FIXTURES  # noqa: PLC0415  # the seed lies beside the fixtures

    path = SHARED_FIXTURES.parent / "seed" / "genai-vs-llm-article.txt"
    if not path.is_file():
        pytest.skip(f"the article is not beside this checkout: {path}")
    return " ".join(path.read_text("utf-8").split())


_QUOTED = [
    (entity.id, citation)
    for entity in ai.article_taxonomy()
    for citation in entity.provenance
    if citation.quote
]


@pytest.mark.parametrize(
    ("entity", "citation"), _QUOTED, ids=[f"{e}:{c.section}" for e, c in _QUOTED]
)
def test_quotes_are_the_articles_own_words(entity: str, citation: ai.Citation) -> None:
    """A quote is the article's wording, exactly: what the library adds is its own."""
    assert citation.section is not None, entity
    assert " ".join(citation.quote.split()) in _article_text()


@pytest.mark.parametrize(
    "kind",
    [ai.Category, ai.UseCase, ai.Trend, ai.Technique, ai.JobType],
    ids=lambda k: k.KIND,
)
def test_every_article_claim_of_these_kinds_quotes_the_article(
    kind: type[ai.Entity],
) -> None:
    unquoted = [
        (e.id, c.section)
        for e in ai.article_taxonomy().of_type(kind)
        for c in e.provenance
        if c.section is not None and not c.quote
    ]
    assert unquoted == []


def test_the_llm_rule_is_the_librarys_and_says_the_articles_words() -> None:
    """The article: "specialized in" text, "primarily text"; outputting text only
    is the library's stricter rule, stated beside the article's words."""
    quotes = [c.quote for c in TAX["llm"].provenance]
    assert "Primarily text" in quotes
    assert any("specialized in processing and generating text" in q for q in quotes)


@pytest.mark.parametrize(
    "rule", [r for r in ai.rules() if r.quotes], ids=lambda r: r.id
)
def test_the_rules_quote_the_article_exactly(rule: ai.Rule) -> None:
    """A rule taken from the article quotes its words; a test holds them to it."""
    article = _article_text()
    for quote in rule.quotes:
        assert " ".join(quote.split()) in article, quote
