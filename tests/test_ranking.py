"""Ranking: each score is the sum its reasons name, bounded, and best first."""

from __future__ import annotations

from typing import Any

import pytest

import aitaxonomy as ai
from aitaxonomy._ranking import REJECTED_SHOWN, Filters, StepNeeds, weights, why_not

JOBS: list[tuple[str, dict[str, Any]]] = [
    ("summarise legal contracts", {"domain": "legal"}),
    ("a poster image of a cat", {}),
    ("transcribe the interviews, then summarise them", {}),
    ("translate product pages into German", {}),
    ("write python code for a web scraper", {}),
    ("a jingle for our podcast", {}),
    ("detect objects in warehouse photos", {}),
    ("a support chatbot", {"open_weights": True}),
    ("a short video clip from a text prompt", {}),
    ("read the text off scanned receipts", {}),
]


def _weight_of(reason: str) -> float:
    """The weight a reason stands for, by the phrase ranking gives it."""
    table = weights()
    if reason.startswith("does "):
        return table["job_type"]
    if reason.startswith("suited to the use case"):
        return table["use_case"]
    if reason.startswith("in the category the job calls for"):
        return table["category"]
    if reason.startswith("specialised for "):
        return table["domain"]
    assert reason == "specialised in the output", reason
    return 0.0  # counted through the focus share


def test_the_weights_sum_to_one() -> None:
    assert sum(weights().values()) == pytest.approx(1.0)
    assert all(0 < w < 1 for w in weights().values())


@pytest.mark.parametrize(("task", "kwargs"), JOBS)
def test_a_score_is_the_sum_of_what_its_reasons_name(
    task: str, kwargs: dict[str, Any]
) -> None:
    rec = ai.choose(task=task, **kwargs)
    assert rec.steps
    for step in rec.steps:
        serving = {w for need in step.outputs for w in need.written_as()}
        assert step.candidates, task
        for candidate in step.candidates:
            outputs = candidate.model.output_modalities
            share = len(outputs & serving) / len(outputs) if outputs else 0.0
            expected = sum(map(_weight_of, candidate.reasons))
            expected += weights()["focus"] * share
            assert candidate.score == round(min(expected, 1.0), 3), candidate.model.id
            assert 0 <= candidate.score <= 1
            assert ("specialised in the output" in candidate.reasons) is (share == 1)
            # a reason is said once
            assert len(set(candidate.reasons)) == len(candidate.reasons)
        scores = [c.score for c in step.candidates]
        assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(("task", "kwargs"), JOBS)
def test_the_best_n_are_the_first_n_of_the_full_ranking(
    task: str, kwargs: dict[str, Any]
) -> None:
    full = ai.choose(task=task, **kwargs)
    for limit in (1, 3, 7):
        best = ai.choose(task=task, limit=limit, **kwargs)
        for whole, top in zip(full.steps, best.steps, strict=True):
            assert [(c.model.id, c.score) for c in top.candidates] == [
                (c.model.id, c.score) for c in whole.candidates[:limit]
            ]
            assert top.candidate_count == whole.candidate_count


def test_a_domain_specialist_earns_the_domain_weight() -> None:
    legal = ai.LLM(
        id="acme-legal",
        name="Acme Legal",
        domains=["legal"],
        job_types=["summarization"],
        use_cases=["text_summarization_analysis"],
    )
    tax = ai.article_taxonomy().extend(legal)
    task = "summarise contracts"
    plain = {c.model.id: c for c in ai.choose(task=task, taxonomy=tax).candidates}
    ranked = ai.choose(task=task, taxonomy=tax, domain="legal").candidates
    assert ranked[0].model.id == "acme-legal"
    assert "specialised for legal" in ranked[0].reasons
    assert ranked[0].score == pytest.approx(
        min(plain["acme-legal"].score + weights()["domain"], 1.0)
    )


def test_rejections_are_listed_up_to_a_cap_and_all_counted() -> None:
    rec = ai.choose(modalities="video")
    assert len(rec.rejected) == min(REJECTED_SHOWN, rec.rejected_count)
    assert rec.rejected_count + rec.candidate_count == len(
        list(ai.default_taxonomy().models())
    )
    assert rec.rejected_count > REJECTED_SHOWN


@pytest.mark.parametrize(
    ("kwargs", "model", "reason"),
    [
        ({"modalities": "text", "inputs": "speech"}, "gpt-4", "does not read speech"),
        ({"modalities": "video"}, "dall-e", "does not produce video"),
        (
            {"modalities": "text", "open_weights": True},
            "gpt-4",
            "open weights: no",
        ),
        (
            {"modalities": "image", "on_device": True},
            "dall-e",
            "on-device unknown",
        ),
        (
            {"modalities": "image", "on_device": False},
            "stable-diffusion",
            "on-device: yes",
        ),
    ],
)
def test_a_left_out_model_is_given_its_first_failing_check(
    kwargs: dict[str, Any], model: str, reason: str
) -> None:
    rec = ai.choose(taxonomy=ai.article_taxonomy(), **kwargs)
    reasons = {r.model.id: r.reason for r in rec.rejected}
    assert reasons[model] == reason


_CHEAP = ai.LLM(
    id="cheap-bot",
    name="Cheap bot",
    sources={"litellm": "cheap-bot"},
    input_price=0.1,
    context_window=32_000,
    capabilities=["tools"],
)
_PLAIN = ai.AIModel(
    id="plain-text",
    name="Plain text model",
    input_modalities="text",
    output_modalities="text",
)
_SMALL = ai.article_taxonomy().extend(_CHEAP, _PLAIN)


@pytest.mark.parametrize(
    ("kwargs", "model", "reason"),
    [
        ({"min_context": 1000}, "gpt-4", "context window unknown"),
        ({"min_context": 64_000}, "cheap-bot", "context window 32,000, under 64,000"),
        ({"requires": "vision"}, "llama", "does not read images"),
        ({"requires": "vision"}, "cheap-bot", "does not read images"),
        ({"requires": "reasoning"}, "cheap-bot", "no reasoning"),
        ({"open_weights": True}, "cheap-bot", "open weights unknown"),
        ({"providers": ["openai", "meta"]}, "cheap-bot", "not from meta, openai"),
        ({}, "plain-text", "not generative, and not known to do this job"),
    ],
)
def test_each_filter_says_why_it_left_a_model_out(
    kwargs: dict[str, Any], model: str, reason: str
) -> None:
    rec = ai.choose(task="write a short poem", taxonomy=_SMALL, **kwargs)
    reasons = {r.model.id: r.reason for r in rec.rejected}
    assert reasons[model] == reason
    assert model not in {c.model.id for c in rec.candidates}


@pytest.mark.parametrize(
    ("kwargs", "kept"),
    [
        ({"min_context": 32_000}, {"cheap-bot"}),
        ({"max_price": 0.1}, {"cheap-bot"}),
        ({"requires": "tools"}, {"cheap-bot"}),
        ({"requires": "vision"}, {"gpt-4", "claude", "chatgpt"}),
    ],
)
def test_a_constraint_met_exactly_keeps_the_model(
    kwargs: dict[str, Any], kept: set[str]
) -> None:
    rec = ai.choose(task="write a short poem", taxonomy=_SMALL, **kwargs)
    assert {c.model.id for c in rec.candidates} == kept


@pytest.mark.parametrize(
    "task",
    [
        "transcribe the interviews, then summarise them",
        "summarise this report and make an infographic image of it",
        "translate the podcast audio into Spanish text and then read it aloud as speech",
    ],
)
def test_a_model_for_every_step_scores_its_mean_over_the_steps(task: str) -> None:
    rec = ai.choose(task=task)
    alone = [c for c in rec.candidates if c.role == "all steps"]
    assert alone, task
    for candidate in alone:
        per_step = [
            next(c.score for c in step.candidates if c.model == candidate.model)
            for step in rec.steps
        ]
        assert candidate.score == round(sum(per_step) / len(per_step), 3)
        assert candidate.reasons == ("can do every step alone",)


@pytest.mark.parametrize(
    ("task", "job", "category"),
    [
        ("a poster image of a cat", "image generation from text", "genai"),
        ("summarise this long report", "summarization and analysis", "llm"),
    ],
)
def test_the_best_candidate_is_credited_for_the_job_and_the_category(
    task: str, job: str, category: str
) -> None:
    best = ai.choose(task=task).candidates[0]
    assert f"does {job}" in best.reasons
    assert f"in the category the job calls for ({category})" in best.reasons


def test_an_imported_model_earns_the_use_case_through_its_job_types() -> None:
    imported = ai.LLM(
        id="x/summariser",
        name="X",
        sources={"litellm": "x/summariser"},
        job_types=["summarization"],
    )
    tax = ai.article_taxonomy().extend(imported)
    rec = ai.choose(task="summarise this long report", taxonomy=tax)
    found = next(c for c in rec.candidates if c.model.id == "x/summariser")
    assert "suited to the use case by its job types (its catalog has none)" in (
        found.reasons
    )


def test_a_generative_step_takes_generative_models_and_those_linked_to_its_job() -> (
    None
):
    linked = ai.AIModel(
        id="x/linked",
        name="Linked",
        input_modalities="text",
        output_modalities="text",
        job_types=["summarization"],
    )
    other = ai.LLM(id="x/translator", name="Translator", job_types=["translation"])
    tax = ai.article_taxonomy().extend(linked, other)
    rec = ai.choose(task="summarise this long report", taxonomy=tax)
    scores = {c.model.id: c for c in rec.candidates}
    # a model that is not generative is a candidate because it is linked
    assert "does summarization and analysis" in scores["x/linked"].reasons
    # a generative model is a candidate though it is not linked, scoring less
    assert not any(r.startswith("does ") for r in scores["x/translator"].reasons)
    assert scores["x/translator"].score < scores["x/linked"].score


def test_why_not_names_the_first_input_it_cannot_read_then_output() -> None:
    needs = StepNeeds(
        job_type=None,
        inputs=frozenset({ai.Modality.IMAGE, ai.Modality.VIDEO}),
        outputs=frozenset({ai.Modality.SPEECH, ai.Modality.MUSIC}),
        category="genai",
    )
    deaf = ai.GenAI(id="x", name="X", input_modalities="text", output_modalities="code")
    assert why_not(deaf, needs, Filters()) == "does not read image"
    seer = ai.GenAI(
        id="x", name="X", input_modalities=["image", "video"], output_modalities="code"
    )
    assert why_not(seer, needs, Filters()) == "does not produce music"
