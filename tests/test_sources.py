"""Source ids and the facts catalogs publish: how to call a model, and what it costs (#12)."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aitaxonomy as ai
from aitaxonomy._cli import main

BASE = ai.default_taxonomy()


def _model(**fields: object) -> ai.LLM:
    return ai.LLM(id="acme-1", name="Acme 1", organization="openai", **fields)  # type: ignore[arg-type]


def test_sources_are_a_read_only_hashable_mapping() -> None:
    model = _model(sources={"litellm": "acme-1", "models.dev": "acme/acme-1"})
    assert dict(model.sources) == {"litellm": "acme-1", "models.dev": "acme/acme-1"}
    assert hash(model) == hash(_model(sources=dict(model.sources)))
    assert pickle.loads(pickle.dumps(model)) == model  # noqa: S301  # our own bytes
    with pytest.raises(TypeError):
        model.sources["x"] = "y"  # type: ignore[index]


@pytest.mark.parametrize(
    ("sources", "message"),
    [
        ("acme-1", "sources must be a table"),
        ({"LiteLLM": "acme-1"}, "lowercase slug"),
        ({"litellm": ""}, "non-empty string"),
        ({"litellm": " acme"}, "surrounding spaces"),
        ({"litellm": 1}, "not 1"),
    ],
)
def test_bad_sources_name_the_field(sources: object, message: str) -> None:
    with pytest.raises(ai.errors.InvalidEntityError, match=message) as caught:
        _model(sources=sources)
    assert caught.value.field == "sources"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("input_price", -1, "at least 0"),
        ("output_price", float("nan"), "at least 0"),
        ("image_price", "2", "not '2'"),
        ("context_window", 0, "positive whole number"),
        ("capabilities", ["tool"], "did you mean 'tools'"),
        ("capabilities", ["tools", "tools"], "more than once"),
        ("knowledge_cutoff", "2024-13", "YYYY-MM"),
    ],
)
def test_bad_facts_are_refused_naming_the_field(
    field: str, value: object, message: str
) -> None:
    with pytest.raises(ai.errors.InvalidEntityError, match=message) as caught:
        _model(**{field: value})
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("source", "key", "message"),
    [
        ("litelm", "gpt-4o", "unknown source 'litelm' (did you mean 'litellm'?)"),
        (
            ["litellm"],
            "gpt-4o",
            "unknown source \"['litellm']\" (did you mean 'litellm'?)",
        ),
        ("litellm", "gpt-4oo", "no litellm id 'gpt-4oo' (did you mean 'gpt-4o' or "),
        ("litellm", ["gpt-4o"], "no litellm id \"['gpt-4o']\""),
        ("nowhere", "x", "unknown source 'nowhere'"),
    ],
)
def test_by_source_says_which_part_it_does_not_know(
    source: object, key: object, message: str
) -> None:
    """Untyped callers get the same error as typed ones, never a TypeError."""
    with pytest.raises(ai.errors.UnknownIdError) as caught:
        BASE.by_source(source, key)  # type: ignore[arg-type]
    assert str(caught.value).startswith(message)


def test_by_source_finds_the_model_and_suggests_otherwise() -> None:
    assert BASE.by_source("litellm", "gpt-4o").id == "gpt-4o"
    with pytest.raises(ai.errors.UnknownIdError, match="did you mean 'gpt-4o'"):
        BASE.by_source("litellm", "gpt-4oo")
    with pytest.raises(ai.errors.UnknownIdError, match="did you mean 'litellm'"):
        BASE.by_source("litelm", "gpt-4o")


def test_two_models_cannot_claim_one_source_id() -> None:
    twin = ai.LLM(id="twin", name="Twin", sources={"litellm": "gpt-4o"})
    with pytest.raises(ai.TaxonomyError) as caught:
        BASE.extend(twin)
    assert [str(p) for p in caught.value.problems] == [
        "the litellm id 'gpt-4o' is 'gpt-4o''s already @ extend(): $[0].sources"
    ]


_facts = st.fixed_dictionaries(
    {},
    optional={
        "sources": st.dictionaries(
            st.sampled_from(["litellm", "models.dev", "openrouter"]),
            st.text("abc/-.", min_size=1, max_size=8).filter(lambda s: s == s.strip()),
            max_size=3,
        ),
        "context_window": st.integers(1, 10**7),
        "max_output": st.integers(1, 10**6),
        "input_price": st.floats(0, 1000, allow_nan=False) | st.integers(0, 1000),
        "output_price": st.floats(0, 1000, allow_nan=False),
        "image_price": st.floats(0, 10, allow_nan=False),
        "capabilities": st.lists(
            st.sampled_from(["tools", "reasoning", "structured-output"]), unique=True
        ),
        "knowledge_cutoff": st.sampled_from(["2023", "2024-04", "2025-01-31"]),
    },
)


@given(_facts, st.sampled_from(["toml", "json"]))
def test_facts_survive_a_file_round_trip(facts: dict[str, object], fmt: str) -> None:
    """Law: dumps then loads gives the model back, by the fast path or the careful one."""
    model = _model(**facts)
    tax = BASE.extend(model)
    text = ai.dumps(tax, exclude=BASE, format=fmt)  # type: ignore[arg-type]
    assert ai.loads(text, base=BASE, format=fmt)["acme-1"] == model  # type: ignore[arg-type]


# -- constraints and tie-breaks in choose() -----------------------------------------

_CHEAP = ai.LLM(
    id="cheap-bot",
    name="Cheap bot",
    organization="openai",
    sources={"litellm": "cheap-bot"},
    input_price=0.1,
    context_window=32_000,
    capabilities=["tools"],
)
_BIG = ai.LLM(
    id="big-bot",
    name="Big bot",
    organization="anthropic",
    sources={"litellm": "big-bot"},
    input_price=5.0,
    context_window=1_000_000,
    capabilities=["tools", "reasoning"],
)
_TAX = ai.article_taxonomy().extend(_CHEAP, _BIG)  # few enough to list every rejection


@pytest.mark.parametrize(
    ("constraints", "kept", "left_out"),
    [
        ({"max_price": 1}, {"cheap-bot"}, {"big-bot": "costs $5, over $1"}),
        (
            {"min_context": 100_000},
            {"big-bot"},
            {"cheap-bot": "context window 32,000, under 100,000"},
        ),
        ({"requires": "reasoning"}, {"big-bot"}, {"cheap-bot": "no reasoning"}),
        (
            {"providers": ["anthropic"]},
            {"big-bot"},
            {"cheap-bot": "not from anthropic"},
        ),
    ],
)
def test_constraints_keep_and_explain(
    constraints: dict[str, object], kept: set[str], left_out: dict[str, str]
) -> None:
    rec = ai.choose(task="a support chatbot", taxonomy=_TAX, **constraints)  # type: ignore[arg-type]
    ids = {c.model.id for c in rec.candidates}
    assert kept <= ids
    assert not ids & set(left_out)
    assert all(
        c.model.id in kept or c.model.id not in ("cheap-bot", "big-bot")
        for c in rec.candidates
    )
    assert any(r.id.startswith("filter-") for r in rec.rationale)
    full = ai.choose(task="a support chatbot", taxonomy=_TAX, **constraints)  # type: ignore[arg-type]
    reasons = {r.model.id: r.reason for r in full.rejected}
    for model, reason in left_out.items():
        assert reasons[model] == reason


@pytest.mark.parametrize(
    ("argument", "value", "error", "message"),
    [
        ("requires", "tool", ai.errors.InvalidArgumentError, "did you mean 'tools'"),
        ("requires", 3, ai.errors.ArgumentTypeError, "not int 3"),
        (
            "providers",
            "opneai",
            ai.errors.InvalidArgumentError,
            "did you mean 'openai'",
        ),
        ("max_price", -1, ai.errors.InvalidArgumentError, "at least 0"),
        ("max_price", "cheap", ai.errors.ArgumentTypeError, "'cheap'"),
        ("min_context", 0.5, ai.errors.ArgumentTypeError, "whole number"),
        ("domain", "legall", ai.errors.InvalidArgumentError, "did you mean 'legal'"),
    ],
)
def test_bad_constraints_are_refused(
    argument: str, value: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        ai.choose(task="a support chatbot", **{argument: value})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("facts", "order"),
    [
        # the more capable, then the cheaper, then the catalog's order
        (
            [
                {},
                {"input_price": 1.0},
                {"capabilities": ["tools"]},
                {"input_price": 0.5},
            ],
            ["ccc-bot", "ddd-bot", "bbb-bot", "aaa-bot"],
        ),
        # a maker's own listing first; any stated context window beats none
        (
            [
                {},
                {"context_window": 1},
                {"context_window": 8_000},
                {"organization": "openai"},
            ],
            ["ddd-bot", "ccc-bot", "bbb-bot", "aaa-bot"],
        ),
    ],
)
def test_ties_are_broken_by_facts_not_the_alphabet(
    facts: list[dict[str, object]], order: list[str]
) -> None:
    """Equal fits are told apart by what matters to a user, never by the name."""
    twins = [
        ai.LLM(id=f"{name}-bot", name=name, sources={"litellm": name}, **given)  # type: ignore[arg-type]
        for name, given in zip(("aaa", "bbb", "ccc", "ddd"), facts, strict=True)
    ]
    tax = ai.Taxonomy([*BASE, *twins])
    rec = ai.choose(task="a support chatbot", taxonomy=tax)
    assert [c.model.id for c in rec.candidates if c.model.id.endswith("-bot")] == order


def test_closed_weights_find_the_usual_models() -> None:
    """GPT-4 and kin have closed weights as models.dev states: the filter finds them."""
    rec = ai.choose(task="a support chatbot for our shop", open_weights=False)
    ids = {c.model.id for c in rec.candidates}
    assert {"gpt-4", "gpt-4o"} <= ids
    citation = next(
        c for c in BASE.model("gpt-4o").provenance if "open_weights" in c.covers
    )
    assert citation.url == "https://models.dev/api.json"


def test_the_cli_refuses_an_unknown_domain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["choose", "--task", "summarise rulings", "--domain", "helthcare"]) == 1
    assert "did you mean 'healthcare'" in capsys.readouterr().err


def _image_maker(id_: str, **price: float) -> ai.GenAI:
    return ai.GenAI(
        id=id_,
        name=id_.title(),
        sources={"litellm": id_},
        input_modalities="text",
        output_modalities="image",
        **price,  # type: ignore[arg-type]
    )


_PAINTER = _image_maker("painter", image_price=0.04)
_UNPRICED = _image_maker("unpriced")


@pytest.mark.parametrize(
    ("max_price", "kept", "left_out"),
    [
        (0.05, {"painter"}, {"unpriced": "price unknown"}),
        (0.04, {"painter"}, {"unpriced": "price unknown"}),
        (
            0.01,
            set(),
            {"painter": "costs $0.04, over $0.01", "unpriced": "price unknown"},
        ),
    ],
)
def test_an_image_maker_is_held_to_its_price_per_image(
    max_price: float, kept: set[str], left_out: dict[str, str]
) -> None:
    """The one price a model lists (per image here) is the one it is held to."""
    tax = ai.article_taxonomy().extend(_PAINTER, _UNPRICED)
    rec = ai.choose(task="a poster image", taxonomy=tax, max_price=max_price)
    assert {c.model.id for c in rec.candidates} == kept
    reasons = {r.model.id: r.reason for r in rec.rejected}
    for model, reason in left_out.items():
        assert reasons[model] == reason
