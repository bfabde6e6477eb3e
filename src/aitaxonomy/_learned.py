"""A word model of job types, learned from example job descriptions.

The cues in ``task_cues.toml`` and each job type's ``cues`` are the words
people were expected to use. ``job_examples.toml`` holds job descriptions
written the way people do write them, each labelled with its job type; the
model counts which words and pairs of words turn up with which job type more
than with the others, and the reader adds what it says to the cues'
evidence. The examples are the library's own data, written for it; they are
not the evaluation set (``tests/job_eval``), which the model never sees.

The model is a smoothed log-odds of a word's presence in a job type's
examples against all examples: a word every job type uses ("need", "our")
counts for none, one that comes with a single job type ("transcript")
counts for it.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from ._words import stem, tokens

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

__all__ = ["EXAMPLES", "WORD_MODEL", "WordModel", "features"]

EXAMPLES = "job_examples.toml"
"""The packaged example descriptions the model learns from."""
WORD_MODEL = "job_words.tsv"
"""The packaged model, learned from :data:`EXAMPLES` by ``scripts/regenerate.py``."""

_SMOOTHING = 0.5
_LEAST_EXAMPLES = 1
"""A word counts for a job type once it turns up in this many of its examples."""
_LEAST_WEIGHT = 1.0
"""Weaker evidence than this is dropped, to keep the model small."""
_MARKS = frozenset(".;:!?\n,&/()\"'-><")


def features(words: Iterable[str]) -> set[str]:
    """The stems of *words* and the pairs of neighbouring stems.

    Example:
        >>> sorted(features(["transcribe", "the", "calls"]))
        ['call', 'the', 'the call', 'transcrib', 'transcrib the']
    """
    stems = [stem(w) for w in words if w not in _MARKS]
    found = set(stems)
    found.update(a + " " + b for a, b in itertools.pairwise(stems))
    return found


class WordModel:
    """Which job types a description's words point to, learned from examples."""

    def __init__(
        self, examples: Iterable[tuple[str, str]], jobs: Sequence[str]
    ) -> None:
        """Count *examples* (``(job type id, text)``) for the job types *jobs*."""
        known = set(jobs)
        seen: dict[str, Counter[str]] = defaultdict(Counter)
        sizes: Counter[str] = Counter()
        everywhere: Counter[str] = Counter()
        for job, text in examples:
            if job not in known:
                continue
            found = features(tokens(text))
            seen[job].update(found)
            everywhere.update(found)
            sizes[job] += 1
        total = sum(sizes.values())
        weights: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for job, counts in seen.items():
            size = sizes[job]
            for feature, count in counts.items():
                if count < _LEAST_EXAMPLES:
                    continue
                inside = (count + _SMOOTHING) / (size + 2 * _SMOOTHING)
                outside = (everywhere[feature] - count + _SMOOTHING) / (
                    total - size + 2 * _SMOOTHING
                )
                weight = math.log(inside / outside)
                if weight >= _LEAST_WEIGHT:
                    weights[feature].append((job, round(weight, 2)))
        self._weights: dict[str, tuple[tuple[str, float], ...]] = {
            feature: tuple(found) for feature, found in sorted(weights.items())
        }
        # a model read from a table parses a feature's pairs when first seen:
        # a job uses a few dozen of its 100,000 features
        self._unread: Mapping[str, str] = {}
        self._names: Sequence[str] = ()
        self._known: frozenset[str] = frozenset()
        self.size = total

    def table(self) -> str:
        """The model as text, one feature a line, for :meth:`from_table`.

        ``scripts/regenerate.py`` writes it into the package, so reading a
        job does not start by learning from the examples.
        """
        for feature in self._unread:
            self._weighed(feature)
        jobs = sorted({job for found in self._weights.values() for job, _ in found})
        number = {job: i for i, job in enumerate(jobs)}
        lines = [
            "# The word model of aitaxonomy._learned, learned from job_examples.toml",
            "# by scripts/regenerate.py: do not edit. First line: the job types;",
            "# then a feature a line, with job type number:weight pairs.",
            "\t".join(jobs),
        ]
        lines += [
            feature + "\t" + " ".join(f"{number[j]}:{w:g}" for j, w in found)
            for feature, found in sorted(self._weights.items())
            if found
        ]
        return "\n".join(lines) + "\n"

    @classmethod
    def from_table(cls, text: str, jobs: Iterable[str]) -> WordModel:
        """The model :meth:`table` wrote, for the job types *jobs* only."""
        model = cls((), ())
        rows = [line for line in text.splitlines() if not line.startswith("#")]
        if not rows:
            return model
        model._known = frozenset(jobs)
        model._names = rows[0].split("\t")
        unread = {}
        for row in rows[1:]:
            feature, _, pairs = row.partition("\t")
            unread[feature] = pairs
        model._unread = unread
        model.size = len(model._unread)
        return model

    def _weighed(self, feature: str) -> tuple[tuple[str, float], ...]:
        """A feature's weights, parsed from the table the first time it is seen."""
        found = self._weights.get(feature)
        if found is None:
            pairs = self._unread.get(feature)
            if pairs is None:
                return ()
            names, known = self._names, self._known
            parsed = []
            for pair in pairs.split():
                index, _, weight = pair.partition(":")
                job = names[int(index)]
                if job in known:
                    parsed.append((job, float(weight)))
            found = self._weights[feature] = tuple(parsed)
        return found

    def knows(self, feature: str) -> bool:
        """Whether the model has weights for *feature* (a stem, or two).

        Only features seen in enough examples to weigh are kept, so a word the
        model knows is a word people write.
        """
        return feature in self._unread or feature in self._weights

    def scores(self, words: Iterable[str]) -> dict[str, float]:
        """Each job type's evidence in *words*: the weights of the features found.

        Example:
            >>> model = WordModel(
            ...     [("speech-recognition", "transcribe the calls"),
            ...      ("speech-recognition", "transcribe my podcast"),
            ...      ("translation", "translate the calls"),
            ...      ("translation", "translate my podcast")],
            ...     ["speech-recognition", "translation"],
            ... )
            >>> model.scores(["please", "transcribe", "this"])
            {'speech-recognition': 1.61}
        """
        found: dict[str, float] = {}
        for feature in features(words):
            for job, weight in self._weighed(feature):
                found[job] = found.get(job, 0.0) + weight
        return found
