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

import difflib
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
    stems: tuple[str, ...]
    text: str


def _cue(text: str) -> _Cue:
    return _Cue(stem_words(text), text)


@attrs.frozen
class _Override:
    id: str
    when: tuple[_Cue, ...]
    suppress: frozenset[str]
    why: str


# The minimum score for a use case to count as matched, and the weight of
# words from a use case's name and aliases relative to its keywords.
MATCH_THRESHOLD = 0.9
_NAME_WEIGHT = 0.6
_NEGATION_REACH = 3
_TYPO_CUTOFF = 0.78


class TaskMatcher:
    """Scores task descriptions against a set of use cases.

    Built once per set of use cases (see :func:`matcher_for`); matching is
    pure and thread-safe.
    """

    def __init__(
        self,
        use_cases: Sequence[tuple[str, Iterable[str], Iterable[str]]],
        cues: Mapping[str, Any],
    ) -> None:
        """Index use cases given as ``(id, keywords, names)`` and the cue data."""
        self._cues: dict[str, list[tuple[_Cue, float]]] = {}
        document_frequency: dict[tuple[str, ...], int] = defaultdict(int)
        raw: dict[str, list[tuple[_Cue, float]]] = {}
        for use_case_id, keywords, names in use_cases:
            entries = [(_cue(k), 1.0) for k in keywords]
            entries += [(_cue(n), _NAME_WEIGHT) for n in names]
            entries = [(c, w) for c, w in entries if c.stems]
            raw[use_case_id] = entries
            for stems in {c.stems for c, _ in entries}:
                document_frequency[stems] += 1
        count = max(len(raw), 1)
        for use_case_id, entries in raw.items():
            self._cues[use_case_id] = [
                (
                    c,
                    w
                    * (1 + 0.5 * (len(c.stems) - 1))
                    * math.log(1 + count / document_frequency[c.stems]),
                )
                for c, w in entries
            ]
        self._modalities = [
            (Modality.parse(name), _cue(word))
            for name, words in cues.get("modalities", {}).items()
            for word in words
        ]
        self._negations = frozenset(
            s for n in cues.get("negations", ()) for s in stem_words(n)
        )
        self._non_generative = [_cue(w) for w in cues.get("non_generative", ())]
        self._overrides = [
            _Override(
                o["id"],
                tuple(_cue(w) for w in o["when"]),
                frozenset(o["suppress"]),
                o["why"],
            )
            for o in cues.get("overrides", ())
        ]
        vocabulary = {
            s for entries in self._cues.values() for c, _ in entries for s in c.stems
        }
        vocabulary |= {s for _, c in self._modalities for s in c.stems}
        vocabulary |= {s for c in self._non_generative for s in c.stems}
        self._vocabulary = vocabulary
        self._sorted_vocabulary = sorted(vocabulary)

    def _snap(self, stem: str) -> str:
        """Map an unknown word to a close vocabulary word (typos), else keep it."""
        if stem in self._vocabulary or len(stem) < 4 or not stem.isalpha():  # noqa: PLR2004
            return stem
        close = difflib.get_close_matches(
            stem, self._sorted_vocabulary, n=1, cutoff=_TYPO_CUTOFF
        )
        return close[0] if close else stem

    def match(self, text: str) -> TaskMatch:
        """Read *text*: the best use case, its confidence, and requested outputs."""
        stems = [self._snap(_stem(w)) for w in _words(text)]
        negated = self._negated_positions(stems)
        outputs = frozenset(
            modality
            for modality, cue in self._modalities
            if _find(stems, cue.stems, negated)
        )
        non_generative = tuple(
            c.text for c in self._non_generative if _find(stems, c.stems, negated)
        )
        suppressed: dict[str, tuple[str, str]] = {}
        for override in self._overrides:
            if any(_find(stems, c.stems, negated) for c in override.when):
                for use_case_id in override.suppress:
                    suppressed.setdefault(use_case_id, (override.id, override.why))
        scores: dict[str, float] = {}
        terms: dict[str, list[str]] = {}
        for use_case_id, entries in self._cues.items():
            if use_case_id in suppressed:
                scores[use_case_id] = 0.0
                continue
            total = 0.0
            found: list[str] = []
            seen: set[tuple[str, ...]] = set()
            for cue, weight in entries:
                if cue.stems not in seen and _find(stems, cue.stems, negated):
                    seen.add(cue.stems)
                    total += weight
                    found.append(cue.text)
            scores[use_case_id] = total
            terms[use_case_id] = found
        ranked = tuple(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))
        best, top = ranked[0] if ranked else (None, 0.0)
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        non_generative_score = 1.2 * len(non_generative)
        if best is None or top < MATCH_THRESHOLD or non_generative_score > top:
            confidence = 0.0 if best is None else min(0.3, top / 10)
            # In a non-generative job, media mentioned are inputs ("classify photos").
            kept = frozenset() if non_generative else outputs
            return TaskMatch(
                None,
                round(confidence, 3),
                ranked,
                (),
                kept,
                non_generative,
                tuple(suppressed.values()),
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
            tuple(suppressed.values()),
        )

    def _negated_positions(self, stems: Sequence[str]) -> frozenset[int]:
        negated: set[int] = set()
        for index, stem in enumerate(stems):
            if stem in self._negations:
                negated.update(range(index + 1, index + 1 + _NEGATION_REACH))
        return frozenset(negated)


def _find(stems: Sequence[str], cue: tuple[str, ...], negated: frozenset[int]) -> bool:
    """Whether *cue* occurs in *stems* at a position no negation reaches."""
    size = len(cue)
    first = cue[0]
    for start, stem in enumerate(stems):
        if (
            stem == first
            and tuple(stems[start : start + size]) == cue
            and start not in negated
        ):
            return True
    return False
