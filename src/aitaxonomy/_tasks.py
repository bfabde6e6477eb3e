"""Reading free-text task descriptions: which use case, which outputs.

A small, offline matcher: text is normalised, split into words, stemmed with
a few suffix rules (and British spellings folded to American), near-miss typos
are snapped to the vocabulary, then each use case is scored by the keywords
that occur, weighted by how specific they are (rarer across use cases counts
more, longer phrases count more). Negations ("no images") cancel the cue that
follows them, and overrides in the data cancel misleading cues (translating
Java to Kotlin is code, not language translation).
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import attrs

from ._modality import Modality

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

__all__ = ["TaskMatch", "TaskMatcher", "stem_words"]

_WORD = re.compile(r"[a-z0-9+#]+(?:'[a-z]+)?")
# British to American, applied before stemming so both spellings meet.
_SPELLING = (
    (re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"yse(s|d)?$"), r"yze\1"),
    (re.compile(r"our$"), "or"),
)
_KEEP = frozenset(
    {
        "is",
        "has",
        "was",
        "does",
        "this",
        "his",
        "its",
        "us",
        "as",
        "news",
        "series",
        "business",
        "analysis",
        "always",
        "class",
        "kotlin",
        "rise",
        "advertise",
        "vise",
        "wise",
        "precise",
        "promise",
        "noise",
        "raise",
        "expertise",
        "surprise",
        "exercise",
        "compromise",
        "otherwise",
        "premise",
        "franchise",
        "merchandise",
        "concise",
        "disguise",
        "enterprise",
        "cruise",
    }
)


@functools.lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    """Reduce a word to a rough stem; both spellings of a word meet."""
    if len(word) <= 3 or word in _KEEP or not word.isalpha():  # noqa: PLR2004
        return word
    for pattern, repl in _SPELLING:
        word = pattern.sub(repl, word)
    for _ in range(2):  # "drawings" -> "drawing" -> "draw"
        for suffix, repl in (
            ("izations", "ize"),
            ("ization", "ize"),
            ("ational", "ate"),
            ("ies", "y"),
            ("ied", "y"),
            ("ing", ""),
            ("ed", ""),
            ("es", "e"),
            ("ly", ""),
            ("s", ""),
        ):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:  # noqa: PLR2004
                word = word[: -len(suffix)] + repl
                break
    # "summarize"/"summary", "translate"/"translation", "recommend"/"recommendation"
    for suffix in ("ation", "ion", "ize", "ment", "er", "e", "y"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:  # noqa: PLR2004
            return word[: -len(suffix)]
    return word


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = folded.encode("ascii", "ignore").decode()
    return _WORD.findall(ascii_text.replace("’", "'"))


def stem_words(text: str) -> tuple[str, ...]:
    """The stemmed words of *text*, in order.

    Example:
        >>> stem_words("Summarise the summaries")
        ('summar', 'the', 'summar')
    """
    return tuple(_stem(w) for w in _words(text))


@attrs.frozen
class TaskMatch:
    """What the matcher read in a task description.

    Attributes:
        use_case: The id of the best use case, or ``None`` when none fits well.
        confidence: How sure the match is, 0 to 1.
        scores: Every use case's score, best first.
        terms: The cues that matched for the chosen use case, as written.
        outputs: Modalities the text asks for ("a picture" asks for image).
        non_generative: Cues of a job that is not generative at all.
        suppressed: ``(override id, why)`` for cues cancelled by an override.
    """

    use_case: str | None
    confidence: float
    scores: tuple[tuple[str, float], ...]
    terms: tuple[str, ...]
    outputs: frozenset[Modality]
    non_generative: tuple[str, ...]
    suppressed: tuple[tuple[str, str], ...]


@attrs.frozen
class _Cue:
    """A phrase to look for, and what finding it means."""

    stems: tuple[str, ...]
    text: str
    kind: str  # "use_case", "modality", "non_generative" or "override"
    key: str
    weight: float = 1.0


# The minimum score for a use case to count as matched, and the weight of
# words from a use case's name and aliases relative to its keywords.
MATCH_THRESHOLD = 0.9
_NAME_WEIGHT = 0.6
_NEGATION_REACH = 3
_NON_GENERATIVE_WEIGHT = 3.0
_POSITION_BOOST = 0.3
_STOPWORDS = frozenset({"and", "the", "for", "with", "from", "into", "ai", "powered"})
_SNAP_CACHE_LIMIT = 65536


class TaskMatcher:
    """Scores task descriptions against a set of use cases.

    Every cue is indexed by its first stem, so reading a task costs a few
    dictionary look-ups per word, whatever the number of cues. Built once
    per taxonomy; matching is pure and thread-safe.
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
            # A use case's name and aliases count word by word, weakly.
            raw += [
                (use_case_id, word, _NAME_WEIGHT)
                for n in names
                for word in _words(n)
                if word not in _STOPWORDS and len(word) > 2  # noqa: PLR2004
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
        for name, words in cues.get("modalities", {}).items():
            modality = Modality.parse(name)
            entries += [
                _Cue(stem_words(w), w, "modality", modality.value) for w in words
            ]
        entries += [
            _Cue(stem_words(w), w, "non_generative", w)
            for w in cues.get("non_generative", ())
        ]
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
        self._typos = _TypoIndex({w for c in entries for w in _words(c.text)})

    def match(self, text: str) -> TaskMatch:
        """Read *text*: the best use case, its confidence, and requested outputs."""
        stems = [self._read(w) for w in _words(text)]
        negated = self._negated_positions(stems)
        hits: dict[tuple[str, str, tuple[str, ...]], tuple[_Cue, float]] = {}
        size = max(len(stems), 1)
        for start, stem in enumerate(stems):
            if start in negated:
                continue
            for cue in self._by_first.get(stem, ()):
                end = start + len(cue.stems)
                if tuple(stems[start:end]) == cue.stems:
                    # Jobs are usually stated first: earlier cues weigh a little more.
                    boost = 1 + _POSITION_BOOST * (1 - start / size)
                    hits.setdefault((cue.kind, cue.key, cue.stems), (cue, boost))
        by_kind: dict[str, list[_Cue]] = defaultdict(list)
        boosts: dict[int, float] = {}
        for cue, boost in hits.values():
            by_kind[cue.kind].append(cue)
            boosts[id(cue)] = boost
        outputs = frozenset(Modality(c.key) for c in by_kind["modality"])
        non_generative = tuple(c.text for c in by_kind["non_generative"])
        suppressed: dict[str, tuple[str, str]] = {}
        for cue in by_kind["override"]:
            targets, why = self._overrides[cue.key]
            for use_case_id in targets:
                suppressed.setdefault(use_case_id, (cue.key, why))
        scores = dict.fromkeys(self.use_cases, 0.0)
        terms: dict[str, list[str]] = defaultdict(list)
        for cue in by_kind["use_case"]:
            if cue.key not in suppressed:
                scores[cue.key] += cue.weight * boosts[id(cue)]
                terms[cue.key].append(cue.text)
        ranked = tuple(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))
        best, top = ranked[0] if ranked else (None, 0.0)
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        overrides = tuple(dict.fromkeys(suppressed.values()))
        if (
            best is None
            or top < MATCH_THRESHOLD
            or _NON_GENERATIVE_WEIGHT * len(non_generative) > top
        ):
            confidence = 0.0 if best is None else min(0.3, top / 10)
            # In a non-generative job, media mentioned are inputs ("classify photos").
            kept = frozenset() if non_generative else outputs
            return TaskMatch(
                None, round(confidence, 3), ranked, (), kept, non_generative, overrides
            )
        margin = (top - runner_up) / top
        confidence = (1 - math.exp(-top / 2.5)) * (0.4 + 0.6 * margin)
        return TaskMatch(
            best,
            round(min(confidence, 1.0), 3),
            ranked,
            tuple(terms[best]),
            outputs,
            non_generative,
            overrides,
        )

    def _read(self, word: str) -> str:
        """The stem of *word*, or of the cue word it misspells."""
        stem = _stem(word)
        if stem in self._stems:
            return stem
        return _stem(self._typos.snap(word))

    def _negated_positions(self, stems: Sequence[str]) -> frozenset[int]:
        negated: set[int] = set()
        for index, stem in enumerate(stems):
            for phrase in self._negations.get(stem, ()):
                end = index + len(phrase)
                if tuple(stems[index:end]) == phrase:
                    negated.update(range(end, end + _NEGATION_REACH))
        return frozenset(negated)


class _TypoIndex:
    """Snaps misspelt words to the vocabulary by deletion neighbourhoods.

    Each vocabulary word is indexed under itself and every form with one
    letter deleted (two for long words), so a look-up builds the same forms
    of the typo and meets its candidates in a dictionary, instead of
    comparing against every word. Candidates are then checked with an
    edit distance that counts a swap of neighbours as one edit. Words are
    matched as written (before stemming), since a typo can hide a suffix.
    """

    def __init__(self, vocabulary: set[str]) -> None:
        self._vocabulary = frozenset(vocabulary)
        self._index: dict[str, set[str]] = defaultdict(set)
        for word in vocabulary:
            if len(word) >= _MIN_TYPO_LENGTH - 1 and word.isalpha():
                for form in _deletions(word, _allowed_edits(len(word))):
                    self._index[form].add(word)
        self._cache: dict[str, str] = {}

    def snap(self, word: str) -> str:
        """The vocabulary word *word* is a typo of, or *word* itself."""
        if (
            word in self._vocabulary
            or len(word) < _MIN_TYPO_LENGTH
            or not word.isalpha()
        ):
            return word
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        limit = _allowed_edits(len(word))
        candidates: set[str] = set()
        for form in _deletions(word, limit):
            candidates.update(self._index.get(form, ()))
        best = word
        best_key: tuple[int, int, str] | None = None
        for candidate in candidates:
            distance = _distance(word, candidate)
            if distance > limit:
                continue
            key = (distance, -_common_prefix(word, candidate), candidate)
            if best_key is None or key < best_key:
                best, best_key = candidate, key
        if len(self._cache) < _SNAP_CACHE_LIMIT:
            self._cache[word] = best
        return best


# A changed letter in a short word usually makes another real word ("trial",
# "trail"), so only words this long are corrected, and by one edit.
_MIN_TYPO_LENGTH = 6


def _allowed_edits(length: int) -> int:
    # Two edits turn real words into other real ones ("retention", "detection").
    del length
    return 1


def _deletions(word: str, depth: int) -> set[str]:
    forms = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {f[:i] + f[i + 1 :] for f in frontier for i in range(len(f))}
        forms |= frontier
    return forms


def _common_prefix(a: str, b: str) -> int:
    size = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        size += 1
    return size


def _distance(a: str, b: str) -> int:
    """Edit distance where swapping two neighbouring letters is one edit."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        previous2, previous = previous, current
    return previous[-1]
