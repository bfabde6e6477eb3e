"""Each family of reading cues changes an answer, and the answer is pinned.

A reader built without one family of ``task_cues.toml`` (negations,
overrides, directions, steps, other languages) must read the pinned case
differently: so each case shows both what the library answers and that the
family is what makes it answer so. A test that compared the reader with
itself could not tell a family switched off.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pytest

import aitaxonomy as ai
from aitaxonomy._choose import _reader
from aitaxonomy._data import packaged
from aitaxonomy._learned import WORD_MODEL, WordModel
from aitaxonomy._reading import Reading, TaskReader, build_reader

TAX = ai.default_taxonomy()
CUES: Mapping[str, Any] = packaged("task_cues.toml")


def _without(family: str) -> Mapping[str, Any]:
    """The packaged cues with one family (a top-level table or list) left out."""
    assert family in CUES
    return {key: value for key, value in CUES.items() if key != family}


def _reader_with(cues: Mapping[str, Any]) -> TaskReader:
    from importlib import resources  # noqa: PLC0415

    table = resources.files("aitaxonomy.data").joinpath(WORD_MODEL).read_text("utf-8")
    jobs = TAX.job_types()
    model = WordModel.from_table(table, [j.id for j in jobs])
    return build_reader(jobs, TAX.use_cases(), cues, model=model)


def _shape(reading: Reading) -> tuple[list[str], list[str], list[str]]:
    return (
        sorted(reading.inputs),
        sorted(reading.outputs),
        [s.job_type for s in reading.steps],
    )


Check = Callable[[Reading], object]

CASES: list[tuple[str, Mapping[str, Any], str, Check, object]] = [
    # negation: "no music" cancels the music it names
    (
        "negation 'no'",
        _without("negations"),
        "write song lyrics, no music",
        _shape,
        (["text"], ["text"], ["text-generation"]),
    ),
    (
        "negation 'without'",
        _without("negations"),
        "a jingle without vocals",
        lambda r: [s.job_type for s in r.steps],
        ["music-generation"],
    ),
    # override: a programming language takes "translate" from language work
    (
        "override",
        _without("overrides"),
        "translate this Python script into Go",
        lambda r: dict(r.use_case_match.scores)["language_translation"],
        0.0,
    ),
    # direction: "turn X into Y" reads X and makes Y
    (
        "direction",
        _without("directions"),
        "turn our podcast into a blog post",
        _shape,
        (["speech"], ["text"], ["speech-recognition", "text-generation"]),
    ),
    # steps: ", then" splits a job in two, the second fed by the first
    (
        "steps",
        _without("steps"),
        "transcribe the call, then translate it to Spanish",
        lambda r: [(s.job_type, s.uses_previous) for s in r.steps],
        [("speech-recognition", False), ("translation", True)],
    ),
    # language: a Spanish job is read with Spanish words
    (
        "language",
        _without("languages"),
        "resume este articulo",
        lambda r: (r.language, [s.job_type for s in r.steps]),
        ("es", ["summarization"]),
    ),
]


@pytest.mark.parametrize(
    ("family", "cues", "task", "check", "expected"),
    CASES,
    ids=[case[0] for case in CASES],
)
def test_each_cue_family_decides_its_case(
    family: str,
    cues: Mapping[str, Any],
    task: str,
    check: Check,
    expected: object,
) -> None:
    packaged_reader = _reader(TAX)
    assert check(packaged_reader.read(task)) == expected
    assert check(_reader_with(cues).read(task)) != expected, (
        f"{task!r} reads the same without the {family} cues"
    )


def test_a_reader_built_from_the_packaged_cues_reads_as_choose_does() -> None:
    """The helper above rebuilds the reader ``choose()`` uses, not another."""
    rebuilt, used = _reader_with(CUES), _reader(TAX)
    for task, *_ in (case[2:] for case in CASES):
        assert rebuilt.read(task) == used.read(task)


@pytest.mark.parametrize(
    ("task", "override"),
    [
        ("rewrite this Java class in Kotlin", "programming-languages-are-code"),
        ("summarise what this Python function does", "programming-languages-are-code"),
    ],
)
def test_overrides_say_which_fired(task: str, override: str) -> None:
    """An override suppresses the use cases it names, and the match says so."""
    match = _reader(TAX).read(task).use_case_match
    assert override in {key for key, _ in match.suppressed}
    suppressed = {
        u for o in CUES["overrides"] if o["id"] == override for u in o["suppress"]
    }
    assert match.use_case not in suppressed


def test_a_cue_family_or_a_language_pack_may_leave_parts_out() -> None:
    """Every part of the cues is optional: a pack without job cues still reads."""
    languages = {
        code: {k: v for k, v in pack.items() if k not in {"jobs", "families"}}
        for code, pack in CUES["languages"].items()
    }
    cues = {
        **{k: v for k, v in CUES.items() if k != "families"},
        "languages": languages,
    }
    reader = _reader_with(cues)
    reading = reader.read("Traducir el menú del restaurante al inglés")
    assert reading.language == "es"
    assert reader.read("transcribe a podcast").language == "en"
