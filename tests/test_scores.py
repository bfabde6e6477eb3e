"""Confidences and scores as numbers: bounded, ordered, monotone, and pinned.

The documented meanings are tested, not only that the code agrees with
itself: a confidence is 0 to 1, grows with the winner's score and shrinks as
the runner-up closes in; a weak match is never sure; scores come best first.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aitaxonomy as ai
from aitaxonomy._choose import _reader
from aitaxonomy._tasks import MATCH_THRESHOLD, TaskMatcher, confidence_of

TAX = ai.default_taxonomy()
SCORES = st.floats(min_value=0.0, max_value=1e6, allow_nan=False)


@pytest.mark.parametrize(
    ("top", "runner_up", "expected"),
    [
        # a clear winner: (1 - e^-4) * (0.4 + 0.6 * 1)
        (10.0, 0.0, 0.982),
        # a tie is only as sure as the score alone and no margin
        (1.0, 1.0, 0.132),
        (5.0, 2.5, round((1 - math.exp(-2)) * (0.4 + 0.6 * 0.5), 3)),
        (0.0, 0.0, 0.0),
    ],
)
def test_confidence_of_pinned(top: float, runner_up: float, expected: float) -> None:
    assert confidence_of(top, runner_up) == expected


@given(top=SCORES, runner_up=SCORES)
def test_confidence_is_a_share(top: float, runner_up: float) -> None:
    runner_up = min(runner_up, top)
    assert 0.0 <= confidence_of(top, runner_up) <= 1.0


@given(top=SCORES, gap=st.floats(0.0, 1e3), more=st.floats(0.01, 1e3))
def test_confidence_grows_with_the_winner_and_shrinks_with_the_runner_up(
    top: float, gap: float, more: float
) -> None:
    runner_up = max(0.0, top - gap)
    assert confidence_of(top + more, runner_up) >= confidence_of(top, runner_up)
    closer = min(top, runner_up + more)
    assert confidence_of(top, closer) <= confidence_of(top, runner_up)


MATCHER = TaskMatcher(
    [
        ("cooking", ["recipe", "bake a cake", "dinner"], ["Cooking"]),
        ("travel", ["flight", "hotel", "itinerary"], ["Travel"]),
    ],
    {},
)


def test_a_match_lists_scores_best_first_and_its_terms() -> None:
    match = MATCHER.match("find a recipe for dinner and bake a cake")
    assert match.use_case == "cooking"
    assert match.scores[0][0] == "cooking"
    assert [s for _, s in match.scores] == sorted(
        (s for _, s in match.scores), reverse=True
    )
    assert set(match.terms) == {"recipe", "dinner", "bake a cake"}
    assert 0.5 < match.confidence <= 1.0


def test_no_match_has_no_terms_and_no_confidence() -> None:
    match = MATCHER.match("the quarterly tax filing")
    assert match.use_case is None
    assert match.terms == ()
    assert match.confidence == 0.0


def test_a_weak_match_is_never_sure() -> None:
    """Below the threshold a use case is not chosen, and the doubt is stated."""
    match = MATCHER.match("Travel")  # a name alone weighs less than a cue
    top = match.scores[0][1]
    assert 0 < top < MATCH_THRESHOLD
    assert match.use_case is None
    assert match.confidence == round(min(0.3, top / 10), 3)
    assert 0 < match.confidence <= 0.3


@given(st.text(max_size=200))
def test_reading_confidence_is_a_share(text: str) -> None:
    reading = _reader(TAX).read(text)
    assert 0.0 <= reading.confidence <= 1.0
    assert 0.0 <= reading.use_case_match.confidence <= 1.0


@pytest.mark.parametrize(
    "task",
    [
        "translate our help pages into Spanish",
        "transcribe customer calls",
        "a logo for our bakery",
        "transcribe the podcast and then summarise it",
    ],
)
def test_candidates_are_ranked_and_bounded(task: str) -> None:
    rec = ai.choose(task=task)
    assert 0.0 < rec.confidence <= 1.0
    scores = [c.score for c in rec.candidates]
    assert all(0.0 <= s <= 1.0 for s in scores)
    # within a step, best first; the steps follow the job's order
    for step in {c.step for c in rec.candidates}:
        within = [c.score for c in rec.candidates if c.step == step]
        assert within == sorted(within, reverse=True)


def test_a_clear_job_is_surer_than_a_vague_one() -> None:
    clear = ai.choose(task="translate this letter into German")
    vague = ai.choose(task="something with our data")
    assert clear.confidence > vague.confidence
