"""Matching a job description to one of the article's use cases.

A small, offline matcher over the words of :mod:`aitaxonomy._words`: each use
case is scored by its keywords found in the text, weighted by how specific
they are (rarer across use cases counts more, longer phrases count more, and
earlier ones a little more: jobs are usually stated first). The words of a use
case's name and aliases count too, more weakly. Negations ("no images")
cancel the cue that follows them, and overrides in the data cancel misleading
cues (translating Java to Kotlin is code, not language translation).
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import attrs

from ._words import TypoIndex, stem, tokens

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

__all__ = ["MATCH_THRESHOLD", "TaskMatch", "TaskMatcher", "stem_words"]

MATCH_THRESHOLD = 0.9
"""The least score for a use case to count as matched."""
_NAME_WEIGHT = 0.6
"""The weight of a word from a use case's name or aliases, against a keyword."""
_NEGATION_REACH = 3
_POSITION_BOOST = 0.3
_STOPWORDS = frozenset({"and", "the", "for", "with", "from", "into", "ai", "powered"})
_MARKS = frozenset('.;:!?\n,&/()"')


def stem_words(text: str) -> tuple[str, ...]:
    """The stemmed words of *text*, in order.

    Example:
        >>> stem_words("Summarise the summaries")
        ('summariz', 'the', 'summary')
    """
    return tuple(stem(w) for w in tokens(text) if w not in _MARKS)


@attrs.frozen
class TaskMatch:
    """Which use case a job description reads as.

    Attributes:
        use_case: The id of the best use case, or ``None`` when none fits well.
        confidence: How sure the match is, 0 to 1.
        scores: Every use case's score, best first.
        terms: The cues that matched for the chosen use case, as written.
        suppressed: ``(override id, why)`` for cues cancelled by an override.
    """

    use_case: str | None
    confidence: float
    scores: tuple[tuple[str, float], ...]
    terms: tuple[str, ...]
    suppressed: tuple[tuple[str, str], ...]


@attrs.frozen
class _Cue:
    """A phrase to look for, and what finding it means."""

    stems: tuple[str, ...]
    text: str
    kind: str  # "use_case" or "override"
    key: str
    weight: float = 1.0


class TaskMatcher:
    """Scores task descriptions against a set of use cases.

    Every cue is indexed by its first stem, so reading a task costs a few
    dictionary look-ups per word, whatever the number of cues. Built once
    per taxonomy and language; matching is pure and thread-safe.
    """

    def __init__(
        self,
        use_cases: Sequence[tuple[str, Iterable[str], Iterable[str]]],
        cues: Mapping[str, Any],
    ) -> None:
        """Index use cases given as ``(id, keywords, names)`` and the cue data."""
        raw: list[tuple[str, str, float]] = []
        for use_case_id, keywords, names in use_cases:
            raw += [(use_case_id, k, 1.0) for k in keywords]
            raw += [
                (use_case_id, word, _NAME_WEIGHT)
                for n in names
                for word in tokens(n)
                if word not in _STOPWORDS and word not in _MARKS and len(word) > 2  # noqa: PLR2004
            ]
        found = [(key, text, weight, stem_words(text)) for key, text, weight in raw]
        found = [entry for entry in found if entry[3]]
        # Rarer cues say more: weight by inverse use-case frequency, and by length.
        frequency: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for key, _, _, stems in found:
            frequency[stems].add(key)
        count = max(len({key for key, *_ in found}), 1)
        entries = [
            _Cue(
                stems,
                text,
                "use_case",
                key,
                weight
                * (1 + 0.5 * (len(stems) - 1))
                * math.log(1 + count / len(frequency[stems])),
            )
            for key, text, weight, stems in found
        ]
        self.use_cases = tuple(dict.fromkeys(key for key, *_ in found))
        self._overrides: dict[str, tuple[frozenset[str], str]] = {}
        for override in cues.get("overrides", ()):
            self._overrides[override["id"]] = (
                frozenset(override["suppress"]),
                override["why"],
            )
            entries += [
                _Cue(stem_words(w), w, "override", override["id"])
                for w in override["when"]
            ]
        self._by_first: dict[str, list[_Cue]] = defaultdict(list)
        for cue in entries:
            if cue.stems:
                self._by_first[cue.stems[0]].append(cue)
        # Phrases, not words: "instead of" must not make every "of" a negation.
        self._negations: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for phrase in {stem_words(n) for n in cues.get("negations", ())} - {()}:
            self._negations[phrase[0]].append(phrase)
        self._stems = frozenset(s for c in entries for s in c.stems)
        self._typos = TypoIndex(
            {w for c in entries for w in tokens(c.text) if w not in _MARKS}
        )

    def match(self, text: str) -> TaskMatch:
        """Read *text*: the best use case and how sure the match is."""
        stems = [self._read(w) for w in tokens(text) if w not in _MARKS]
        negated = self._negated_positions(stems)
        hits: dict[tuple[str, str, tuple[str, ...]], tuple[_Cue, float]] = {}
        size = max(len(stems), 1)
        for start, word in enumerate(stems):
            if start in negated:
                continue
            for cue in self._by_first.get(word, ()):
                end = start + len(cue.stems)
                if tuple(stems[start:end]) == cue.stems:
                    boost = 1 + _POSITION_BOOST * (1 - start / size)
                    hits.setdefault((cue.kind, cue.key, cue.stems), (cue, boost))
        suppressed: dict[str, tuple[str, str]] = {}
        for cue, _ in hits.values():
            if cue.kind == "override":
                targets, why = self._overrides[cue.key]
                for use_case_id in targets:
                    suppressed.setdefault(use_case_id, (cue.key, why))
        scores = dict.fromkeys(self.use_cases, 0.0)
        terms: dict[str, list[str]] = defaultdict(list)
        for cue, boost in hits.values():
            if cue.kind == "use_case" and cue.key not in suppressed:
                scores[cue.key] += cue.weight * boost
                terms[cue.key].append(cue.text)
        ranked = tuple(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))
        best, top = ranked[0] if ranked else (None, 0.0)
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        overrides = tuple(dict.fromkeys(suppressed.values()))
        if best is None or top < MATCH_THRESHOLD:
            confidence = 0.0 if best is None else min(0.3, top / 10)
            return TaskMatch(None, round(confidence, 3), ranked, (), overrides)
        return TaskMatch(
            best,
            confidence_of(top, runner_up),
            ranked,
            tuple(terms[best]),
            overrides,
        )

    def _read(self, word: str) -> str:
        """The stem of *word*, or of the cue word it misspells."""
        found = stem(word)
        if found in self._stems:
            return found
        return stem(self._typos.snap(word))

    def _negated_positions(self, stems: Sequence[str]) -> frozenset[int]:
        negated: set[int] = set()
        for index, word in enumerate(stems):
            for phrase in self._negations.get(word, ()):
                end = index + len(phrase)
                if tuple(stems[index:end]) == phrase:
                    negated.update(range(end, end + _NEGATION_REACH))
        return frozenset(negated)


def confidence_of(top: float, runner_up: float) -> float:
    """How sure a match is from its score and the runner-up's, 0 to 1.

    Example:
        >>> confidence_of(10.0, 0.0), confidence_of(1.0, 1.0)
        (0.982, 0.132)
    """
    margin = (top - runner_up) / top if top else 0.0
    return round(min(1.0, (1 - math.exp(-top / 2.5)) * (0.4 + 0.6 * margin)), 3)
