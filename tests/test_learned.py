"""The word model learned from example job descriptions (aitaxonomy._learned)."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aitaxonomy as ai
from aitaxonomy._learned import EXAMPLES, WORD_MODEL, WordModel
from aitaxonomy._words import TypoIndex, _distance

HERE = Path(__file__).resolve().parent
LANGUAGES = {"en", "es", "fr", "de", "pt"}


def _examples() -> list[dict[str, str]]:
    text = resources.files("aitaxonomy.data").joinpath(EXAMPLES).read_text("utf-8")
    found: list[dict[str, str]] = tomllib.loads(text)["example"]
    return found


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def test_every_job_type_has_examples_in_every_language() -> None:
    counts = Counter((e["job"], e["lang"]) for e in _examples())
    jobs = {j.id for j in ai.default_taxonomy().job_types()}
    assert {job for job, _ in counts} == jobs
    for job in jobs:
        for language in LANGUAGES:
            assert counts[job, language] >= 5, (job, language)


def _evaluation_tasks() -> list[str]:
    found = [
        case["task"]
        for path in sorted((HERE / "job_eval").glob("*.toml"))
        for case in tomllib.loads(path.read_text("utf-8"))["case"]
    ]
    found += [
        case["task"]
        for case in tomllib.loads((HERE / "task_eval.toml").read_text("utf-8"))["case"]
    ]
    return found


def test_no_example_is_close_to_an_evaluation_case() -> None:
    """The model never sees the evaluation set, nor anything near it.

    No example shares 60% or more of its words with an evaluation case
    (Jaccard similarity of the word sets). Only examples that share a word
    with the rarest part of a case can come that close, so those are the
    only ones compared.
    """
    examples = [frozenset(_fold(e["text"]).split()) for e in _examples()]
    postings: dict[str, list[int]] = {}
    for index, words in enumerate(examples):
        for word in words:
            postings.setdefault(word, []).append(index)
    for task in _evaluation_tasks():
        words = frozenset(_fold(task).split())
        # a pair that close shares at least `needed` of the case's words, so
        # one of any len(words) - needed + 1 of them: take the rarest
        needed = -(-6 * len(words) // 10)
        rarest = sorted(words, key=lambda w: len(postings.get(w, ())))
        candidates = {
            i for w in rarest[: len(words) - needed + 1] for i in postings.get(w, ())
        }
        for i in candidates:
            shared = len(words & examples[i])
            assert shared < 0.6 * len(words | examples[i]), task


def test_the_packaged_model_is_the_one_learned_from_the_examples() -> None:
    jobs = [j.id for j in ai.default_taxonomy().job_types()]
    learned = WordModel(((e["job"], e["text"]) for e in _examples()), jobs)
    packaged = (
        resources.files("aitaxonomy.data").joinpath(WORD_MODEL).read_text("utf-8")
    )
    assert learned.table() == packaged


_MODEL = WordModel(
    [
        ("speech-recognition", "transcribe the calls"),
        ("speech-recognition", "transcribe my podcast episodes"),
        ("translation", "translate the calls into Spanish"),
        ("translation", "translate my podcast episodes"),
        ("summarization", "summarise the calls"),
    ],
    ["speech-recognition", "translation", "summarization"],
)


@given(
    st.lists(st.sampled_from(["transcribe", "the", "calls", "translate", "my", "x"]))
)
def test_a_model_written_out_and_read_back_scores_alike(words: list[str]) -> None:
    again = WordModel.from_table(
        _MODEL.table(), ["speech-recognition", "translation", "summarization"]
    )
    assert again.scores(words) == _MODEL.scores(words)


@given(
    st.lists(st.sampled_from(["transcribe", "the", "calls", "translate", "my", "x"]))
)
def test_a_model_read_back_writes_the_same_table_after_any_use(
    words: list[str],
) -> None:
    """Parsing a feature when first seen changes nothing the model says."""
    jobs = ["speech-recognition", "translation", "summarization"]
    again = WordModel.from_table(_MODEL.table(), jobs)
    again.scores(words)
    assert again.table() == _MODEL.table()


def test_a_model_read_back_keeps_only_known_job_types() -> None:
    again = WordModel.from_table(_MODEL.table(), ["translation"])
    assert set(again.scores(["translate", "transcribe"])) <= {"translation"}


@pytest.mark.parametrize(
    ("task", "job"),
    [
        (
            "give our support team a bot that looks up orders and issues refunds "
            "by itself",
            "agent",
        ),
        (
            "estimate what each used car on our lot should sell for",
            "tabular-regression",
        ),
    ],
)
def test_the_model_reads_jobs_the_cues_miss(
    task: str, job: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Words no cue lists still point to the job, through the examples."""
    assert [s.job_type.id for s in ai.choose(task=task).steps if s.job_type] == [job]
    # and it is the model that finds it: without it, the reading differs
    from aitaxonomy import _choose, _reading  # noqa: PLC0415

    monkeypatch.setattr(_reading, "_LEARNED", 0.0)
    monkeypatch.setattr(_reading, "_TRUSTED", 0.0)
    taxonomy = ai.default_taxonomy()
    _choose._MEMOS.pop(taxonomy, None)
    try:
        without = [s.job_type.id for s in ai.choose(task=task).steps if s.job_type]
    except ai.errors.NoMatchError:
        without = []
    finally:
        _choose._MEMOS.pop(taxonomy, None)
    assert without != [job]


def test_a_sure_model_outweighs_a_stray_cue(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Tell me what" asks a question; the script makes it code explanation."""
    task = "can an AI tell me what this shell script actually does before I delete it?"
    assert [s.job_type.id for s in ai.choose(task=task).steps if s.job_type] == [
        "code-explanation"
    ]
    from aitaxonomy import _choose, _reading  # noqa: PLC0415

    monkeypatch.setattr(_reading, "_TRUSTED", 0.0)
    taxonomy = ai.default_taxonomy()
    _choose._MEMOS.pop(taxonomy, None)
    try:
        without = [s.job_type.id for s in ai.choose(task=task).steps if s.job_type]
    finally:
        _choose._MEMOS.pop(taxonomy, None)
    assert without != ["code-explanation"]


_WORDS = {"summarise", "transcribe", "translate", "illustration"}


@given(st.text(alphabet="abcdefghilmnorstuz", min_size=0, max_size=40))
def test_a_typo_snaps_to_a_vocabulary_word_one_edit_away_or_stays(word: str) -> None:
    snapped = TypoIndex(_WORDS).snap(word)
    assert snapped == word or (snapped in _WORDS and _distance(word, snapped) <= 1)


@pytest.mark.parametrize(
    ("word", "snapped"),
    [
        ("sumarise", "summarise"),
        ("transcirbe", "transcribe"),
        ("illustrations", "illustration"),
        ("illustrationss", "illustrationss"),  # two edits away
        ("x" * 5_000, "x" * 5_000),  # far longer than any word: returned at once
    ],
)
def test_typo_snapping(word: str, snapped: str) -> None:
    assert TypoIndex(_WORDS).snap(word) == snapped
