"""The use-case matcher's weighting, pinned on a small table of cues.

Documented behaviour, by number: a cue counts ``log(1 + use cases / use
cases sharing it)`` (rarer says more), half as much again per extra word,
more the earlier it stands, once however often it is repeated; words of a
use case's name count 0.6 of a keyword; a negation cancels the next three
words; an override cancels the use cases it names; a misspelt cue is read
as the cue.
"""

from __future__ import annotations

import math

import pytest

from aitaxonomy._tasks import MATCH_THRESHOLD, TaskMatcher, confidence_of

MATCHER = TaskMatcher(
    [
        ("cooking", ["recipe", "bake a cake", "dinner"], ["Cooking and AI"]),
        ("travel", ["flight", "hotel", "dinner"], ["Travel"]),
    ],
    {
        "negations": ["no", "instead of"],
        "overrides": [
            {"id": "o", "when": ["airline"], "suppress": ["travel"], "why": "because"}
        ],
    },
)
RARE = math.log(1 + 2 / 1)  # a cue only one of the two use cases has
SHARED = math.log(1 + 2 / 2)  # a cue both have


def _boost(start: int, size: int) -> float:
    return 1 + 0.3 * (1 - start / size)


@pytest.mark.parametrize(
    ("text", "use_case", "score"),
    [
        ("recipe", "cooking", RARE * _boost(0, 1)),
        # later in the text, a cue says less
        ("a recipe", "cooking", RARE * _boost(1, 2)),
        # three words: one and a half again, twice
        ("bake a cake", "cooking", RARE * 2 * _boost(0, 3)),
        # repeated, a cue counts once
        ("recipe recipe", "cooking", RARE * _boost(0, 2)),
        # a misspelt cue is read as the cue
        ("recipie", "cooking", RARE * _boost(0, 1)),
        ("hotel flight", "travel", RARE * _boost(0, 2) + RARE * _boost(1, 2)),
    ],
)
def test_scores_weigh_rarity_length_and_place(
    text: str, use_case: str, score: float
) -> None:
    match = MATCHER.match(text)
    assert match.use_case == use_case
    assert match.scores[0][0] == use_case
    assert match.scores[0][1] == pytest.approx(score)
    assert match.confidence == confidence_of(match.scores[0][1], match.scores[1][1])


def test_a_shared_cue_says_less_and_a_tie_goes_by_id() -> None:
    match = MATCHER.match("dinner")
    assert SHARED * _boost(0, 1) >= MATCH_THRESHOLD
    assert [key for key, _ in match.scores] == ["cooking", "travel"]
    assert [score for _, score in match.scores] == pytest.approx(
        [SHARED * _boost(0, 1)] * 2
    )
    assert match.use_case == "cooking"
    assert match.confidence == confidence_of(SHARED * 1.3, SHARED * 1.3)


def test_a_name_word_counts_less_than_a_keyword() -> None:
    """0.6 of a keyword: too little alone to choose a use case."""
    match = MATCHER.match("cooking")
    assert match.scores[0][0] == "cooking"
    assert match.scores[0][1] == pytest.approx(0.6 * RARE * 1.3)
    assert match.use_case is None
    # "and" and "AI" in the name are not cues
    assert MATCHER.match("and ai").scores[0][1] == 0.0


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("no recipe", False),
        ("no a b recipe", False),  # the third word after it
        ("no a b c recipe", True),  # the fourth is out of its reach
        ("instead of recipe", False),  # a phrase
        ("of recipe", True),  # "of" alone negates nothing
    ],
)
def test_negation_reaches_three_words(text: str, counted: bool) -> None:
    match = MATCHER.match(text)
    assert (match.use_case == "cooking") is counted
    assert (match.terms == ("recipe",)) is counted


def test_an_override_cancels_what_it_names_and_says_why() -> None:
    match = MATCHER.match("airline hotel")
    assert match.suppressed == (("o", "because"),)
    assert dict(match.scores)["travel"] == 0.0
    assert match.use_case is None
    # without the override's cue, the same cue counts
    assert MATCHER.match("hotel").use_case == "travel"


def test_name_words_of_three_letters_or_more_are_cues() -> None:
    matcher = TaskMatcher([("video", [], ["TV Ads"])], {})
    assert matcher.match("ads").scores[0][1] > 0
    assert matcher.match("tv").scores[0][1] == 0.0


def test_ties_go_by_id_whatever_the_order_given() -> None:
    matcher = TaskMatcher(
        [("travel", ["dinner", "flight"], []), ("cooking", ["dinner", "recipe"], [])],
        {},
    )
    match = matcher.match("dinner")
    assert [key for key, _ in match.scores] == ["cooking", "travel"]
    assert match.use_case == "cooking"


def test_one_use_case_has_no_runner_up() -> None:
    matcher = TaskMatcher([("cooking", ["bake a cake"], [])], {})
    match = matcher.match("bake a cake")
    assert match.use_case == "cooking"
    assert match.confidence == confidence_of(match.scores[0][1], 0.0)


def test_no_use_cases_match_nothing_with_no_confidence() -> None:
    match = TaskMatcher([], {}).match("bake a cake")
    assert (match.use_case, match.confidence, match.scores, match.terms) == (
        None,
        0.0,
        (),
        (),
    )
