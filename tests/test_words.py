"""Words: folding, tokens, the stemmer's rules and the typo index, rule by rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aitaxonomy._words import (
    ARROW,
    MIN_SWAP_LENGTH,
    MIN_TYPO_LENGTH,
    QUOTE,
    TypoIndex,
    _distance,
    _measure,
    _repair,
    fold,
    hyphenated_tokens,
    stem,
    tokens,
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Straße", "strasse"),
        ("GROẞE", "grosse"),
        ("don’t", "don't"),
        ("Crème brûlée", "creme brulee"),
        ("ÉCOLE", "ecole"),
        ("plain", "plain"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "expected", "joined"),
    [
        # abbreviations lose their dots, so they end no sentence
        ("i.e. this", ["ie", "this"], set()),
        ("approx. 5 min. later", ["approx", "5", "min", "later"], set()),
        ("z. B. das", ["zb", "das"], set()),
        ("p. ex. ceci", ["pex", "ceci"], set()),
        ("vs. that, etc. and", ["vs", "that", ",", "etc", "and"], set()),
        ("nr. 5", ["nr", "5"], set()),
        ("tl;dr", ["tldr"], set()),
        # every arrow is one token
        ("a => b", ["a", ARROW, "b"], set()),
        ("a → b", ["a", ARROW, "b"], set()),
        ("a ---> b", ["a", ARROW, "b"], set()),
        # prefixes join the word after their hyphen; other hyphens are marked
        (
            "pre-train co-pilot non-stop un-do sub-title de-noise",
            ["pretrain", "copilot", "nonstop", "undo", "subtitle", "denoise"],
            set(),
        ),
        ("re-re-rank", ["rere", "rank"], {1}),
        ("multi-step", ["multi", "step"], {1}),
        ("snake_case words", ["snake", "case", "words"], {1}),
        ("text-to-speech", ["text", "to", "speech"], {1, 2}),
        # quotation marks, and apostrophes that are none
        ('it\'s "quoted" text', ["it's", QUOTE, "quoted", QUOTE, "text"], set()),
        ("“smart” quotes", [QUOTE, "smart", QUOTE, "quotes"], set()),
        ("«vite»", [QUOTE, "vite", QUOTE], set()),
        ("the players' scores", ["the", "players", "scores"], set()),
        ("a 'single' word", ["a", QUOTE, "single", QUOTE, "word"], set()),
        ("'open", [QUOTE, "open"], set()),
        # what stays one word
        ("C++ and C# code", ["c++", "and", "c#", "code"], set()),
        ("version 3.5.1 out", ["version", "3.5.1", "out"], set()),
        ("Q&A / FAQ (draft)", ["q", "&", "a", "/", "faq", "(", "draft", ")"], set()),
        ("line1\nline2", ["line1", "\n", "line2"], set()),
        ("plain lower case", ["plain", "lower", "case"], set()),
    ],
)
def test_tokens(text: str, expected: list[str], joined: set[int]) -> None:
    assert tokens(text) == expected
    assert hyphenated_tokens(text) == (expected, frozenset(joined))


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [
        # plurals
        ("cats", "cat"),
        ("classes", "class"),
        ("glasses", "glass"),
        ("stories", "story"),
        ("studies", "study"),
        ("tries", "try"),
        ("dies", "die"),  # too short for -ies
        ("boxes", "box"),
        ("matches", "match"),
        ("dishes", "dish"),
        ("takes", "take"),
        ("voices", "voice"),
        ("analysis", "analysis"),
        ("bonus", "bonus"),
        ("pdfs", "pdf"),
        ("csvs", "csv"),
        ("mp3s", "mp3"),
        # -ing and -ed, with the stem repaired
        ("using", "use"),
        ("used", "use"),
        ("running", "run"),
        ("hopping", "hop"),
        ("planned", "plan"),
        ("filled", "fill"),
        ("fizzed", "fizz"),
        ("created", "create"),
        ("troubled", "trouble"),
        ("writing", "write"),
        ("hoped", "hope"),
        ("making", "make"),
        ("generating", "generat"),
        ("bring", "bring"),  # no vowel before -ing: not a suffix
        ("spring", "spring"),
        ("shed", "shed"),  # three letters or fewer stay
        ("need", "need"),
        # a final e goes only from a long stem
        ("translate", "translat"),
        ("images", "imag"),
        ("make", "make"),
        # British spellings meet American ones
        ("summarising", "summariz"),
        ("summarizes", "summariz"),
        ("organisation", "organization"),
        ("analyse", "analyz"),
        ("analysing", "analyz"),
        ("travelled", "travel"),
        ("modelling", "model"),
        ("colours", "color"),
        ("behaviour", "behavior"),
        ("odour", "odor"),
        # words the rules would damage
        ("news", "news"),
        ("series", "series"),
        ("business", "business"),
        ("noise", "noise"),
        ("always", "always"),
        # what is not a plain word stays
        ("gpt-4", "gpt-4"),
        ("c++", "c++"),
        ("run", "run"),
    ],
)
def test_stem(word: str, stemmed: str) -> None:
    assert stem(word) == stemmed


@given(st.text(alphabet="abcdeilnorstuy", max_size=12))
def test_stemming_is_idempotent_on_its_own_output_length(word: str) -> None:
    """A stem is never longer than the word by more than its repaired 'e'."""
    assert len(stem(word)) <= len(word) + 1


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("", "", 0),
        ("abc", "abc", 0),
        ("abc", "", 3),
        ("", "ab", 2),
        ("ab", "ba", 1),
        ("abcd", "acbd", 1),
        ("abcd", "abd", 1),
        ("abd", "abcd", 1),
        ("abcd", "abxd", 1),
        ("kitten", "sitting", 3),
        ("ca", "abc", 3),
        # a swap looks back along both words, never wrapping round one
        ("abab", "ab", 2),
        ("ababa", "ab", 3),
        ("babab", "ab", 3),
    ],
)
def test_distance_counts_a_swap_as_one_edit(a: str, b: str, distance: int) -> None:
    assert _distance(a, b) == distance
    assert _distance(b, a) == distance


_VOCABULARY = {
    "translate",
    "video",
    "logo",
    "form",
    "from",
    "abcdef",
    "abcxeg",
    "gpt4vision",
}


@pytest.mark.parametrize(
    ("word", "snapped"),
    [
        ("translate", "translate"),
        ("tranlsate", "translate"),  # swapped neighbours
        ("translte", "translate"),  # a letter missing
        ("transslate", "translate"),  # a letter extra
        ("trenslate", "translate"),  # a letter changed
        ("trnslte", "trnslte"),  # two edits
        ("viddeo", "video"),  # six letters: one edit from a five-letter word
        ("vdieo", "video"),  # five letters: a swap only
        ("vidoe", "video"),
        ("vidoo", "vidoo"),
        ("lgoo", "logo"),  # four letters: a swap
        ("lgo", "lgo"),  # three: nothing
        ("fomr", "form"),
        ("from", "from"),  # a swap that is a word is that word
        ("vid3o", "vid3o"),  # not a plain word
        ("abcdeg", "abcdef"),  # a tie is broken by the longer common start
        ("transl4te", "transl4te"),  # a digit makes it no typo
        ("gptxvision", "gptxvision"),  # ... and no snap target
    ],
)
def test_typo_snapping_by_length(word: str, snapped: str) -> None:
    index = TypoIndex(_VOCABULARY)
    assert index.snap(word) == snapped
    assert index.snap(word) == snapped  # the cached answer is the same


def test_typo_lengths_are_as_documented() -> None:
    assert (MIN_SWAP_LENGTH, MIN_TYPO_LENGTH) == (4, 6)


def test_a_swap_shared_by_two_words_snaps_to_the_first_in_order() -> None:
    # "abdc" is a swap of both "abcd" and "adbc"
    assert TypoIndex({"adbc", "abcd"}).snap("abdc") == "abcd"


def test_a_word_longer_than_any_by_two_is_never_a_typo() -> None:
    index = TypoIndex({"abcdef"})
    assert index.snap("abcdefg") == "abcdef"
    assert index.snap("abcdefgh") == "abcdefgh"
    assert TypoIndex(set()).snap("abcdef") == "abcdef"


def test_a_far_candidate_does_not_hide_a_near_one() -> None:
    # every "?abcdefg" shares a deletion with the typo, two edits away from it
    far = {f"{c}abcdefg" for c in "ijklmnopqrstuvwxyz"}
    index = TypoIndex({*far, "abcdefgx"})
    assert index.snap("abcdefgh") == "abcdefgx"


@pytest.mark.parametrize(
    ("stem_", "measure"),
    [
        ("tr", 0),
        ("ee", 0),
        ("tree", 0),
        ("y", 0),
        ("by", 0),
        ("yttr", 0),  # a leading y is a consonant
        ("trouble", 1),
        ("oats", 1),
        ("ivy", 1),
        ("troubles", 2),
        ("private", 2),
        ("orrery", 2),
    ],
)
def test_measure_counts_vowel_consonant_runs(stem_: str, measure: int) -> None:
    assert _measure(stem_) == measure


@pytest.mark.parametrize(
    ("base", "repaired"),
    [
        ("creat", "create"),
        ("troubl", "trouble"),
        ("summariz", "summarize"),
        ("runn", "run"),
        ("hopp", "hop"),
        ("fill", "fill"),  # l, s and z stay doubled
        ("hiss", "hiss"),
        ("fizz", "fizz"),
        ("ee", "ee"),  # two letters are no doubled consonant
        ("hop", "hope"),  # a short syllable lost its e
        ("fix", "fix"),  # ... but not after w, x or y
        ("show", "show"),
        ("play", "play"),
        ("us", "use"),
        ("open", "open"),
    ],
)
def test_repair_undoes_what_taking_a_suffix_off_did(base: str, repaired: str) -> None:
    assert _repair(base) == repaired
