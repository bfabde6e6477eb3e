"""Reliability: a malformed-input corpus, stateful laws, fuzzing, concurrency."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    rule,
)

import aitaxonomy as ai
import strategies as sts
from aitaxonomy._taxonomy import check

CORPUS = Path(__file__).parent / "corpus"
EXPECTED: dict[str, str] = json.loads((CORPUS / "expected.json").read_text("utf-8"))
CHOOSE: list[dict[str, Any]] = json.loads((CORPUS / "choose.json").read_text("utf-8"))
FUZZ = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"


def test_the_corpus_is_large() -> None:
    assert len(EXPECTED) >= 300
    assert len(EXPECTED) + len(CHOOSE) >= 320
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(
        [*EXPECTED, "expected.json", "choose.json"]
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_catalog(name: str) -> None:
    """Each case raises the library's error naming the problem; never a partial load."""
    before = ai.default_taxonomy()
    with pytest.raises(ai.TaxonomyError) as info:
        ai.load(CORPUS / name, base=before)
    message = str(info.value)
    assert EXPECTED[name] in message
    assert info.value.problems
    for problem in info.value.problems:
        assert problem.message
        assert len(str(problem)) < 2_000, "messages quote values, never whole files"
    assert ai.default_taxonomy() is before
    assert "corpus-model" not in before


@pytest.mark.parametrize(
    "case", CHOOSE, ids=[json.dumps(c["kwargs"])[:40] for c in CHOOSE]
)
def test_bad_choose_arguments(case: dict[str, Any]) -> None:
    error = getattr(ai.errors, case["error"])
    with pytest.raises(error) as info:
        ai.choose(**case["kwargs"])
    assert isinstance(info.value, ai.AITaxonomyError)
    assert type(info.value) is error or isinstance(info.value, error)


# -- stateful: extend, merge, dump, load ---------------------------------------


class TaxonomyMachine(RuleBasedStateMachine):
    """Any sequence of growth and round trips keeps every invariant.

    Each taxonomy made is remembered with a copy of its entities, so any
    change to an earlier value would be caught: they are immutable.
    """

    taxonomies = Bundle("taxonomies")

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[ai.Taxonomy, list[ai.Entity]]] = []

    def _keep(self, tax: ai.Taxonomy) -> ai.Taxonomy:
        assert check(list(tax)) == []
        self.seen.append((tax, list(tax)))
        return tax

    @rule(target=taxonomies)
    def start(self) -> ai.Taxonomy:
        return self._keep(ai.default_taxonomy())

    @rule(target=taxonomies, tax=taxonomies, model=sts.extension_models)
    def extend(self, tax: ai.Taxonomy, model: ai.AIModel) -> ai.Taxonomy:
        if model.id in tax:
            with pytest.raises(ai.TaxonomyError, match="duplicate id"):
                tax.extend(model)
            return self._keep(tax.extend(model, replace=True))
        grown = tax.extend(model)
        assert grown[model.id] == model
        assert len(grown) == len(tax) + 1
        return self._keep(grown)

    @rule(target=taxonomies, left=taxonomies, right=taxonomies)
    def merge(self, left: ai.Taxonomy, right: ai.Taxonomy) -> ai.Taxonomy:
        return self._keep(left.merge(right, replace=True))

    @rule(
        target=taxonomies,
        tax=consumes(taxonomies),
        fmt=st.sampled_from(["toml", "json"]),
    )
    def round_trip(self, tax: ai.Taxonomy, fmt: str) -> ai.Taxonomy:
        again = ai.loads(ai.dumps(tax, format=fmt), format=fmt)  # type: ignore[arg-type]
        assert again == tax
        return self._keep(again)

    @invariant()
    def nothing_changed(self) -> None:
        for tax, entities in self.seen:
            assert list(tax) == entities


TestTaxonomyMachine = TaxonomyMachine.TestCase
TestTaxonomyMachine.settings = settings(
    max_examples=25, stateful_step_count=8, deadline=None
)


# -- fuzzing ---------------------------------------------------------------------

_FUZZ = settings() if FUZZ else settings(max_examples=300)


@pytest.mark.fuzz
@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_fuzz_loads(fmt: str) -> None:
    """Fuzz: loads() on arbitrary text and bytes raises only the library's errors."""
    from hypothesis import given  # noqa: PLC0415

    calls: list[int] = []

    @given(st.one_of(st.text(max_size=400), st.binary(max_size=400)))
    @_FUZZ
    def run(data: str | bytes) -> None:
        calls.append(1)
        with contextlib.suppress(ai.AITaxonomyError):
            ai.loads(data, format=fmt)  # type: ignore[arg-type]

    run()
    assert len(calls) >= _FUZZ.max_examples


@pytest.mark.fuzz
def test_fuzz_choose() -> None:
    """Fuzz: choose(task=...) on arbitrary text never raises anything else."""
    from hypothesis import given  # noqa: PLC0415

    @given(
        st.text(max_size=200),
        st.lists(st.sampled_from([*ai.Modality, "pictures", "songs"]), max_size=3),
    )
    @_FUZZ
    def run(task: str, modalities: list[Any]) -> None:
        calls.append(1)
        with contextlib.suppress(ai.AITaxonomyError):
            rec = ai.choose(modalities=modalities or None, task=task)
            assert rec.category.id in {"ai-model", "genai", "llm"}

    calls: list[int] = []
    run()
    assert len(calls) >= _FUZZ.max_examples


# -- concurrency -----------------------------------------------------------------

CALLS: list[dict[str, Any]] = [
    {"modalities": "image", "task": "a mascot for our brand"},
    {"task": "summarise court rulings", "domain": "legal"},
    {"modalities": ["text"], "inputs": ["image"]},
    {"task": "rewrite this Java class in Kotlin"},
    {"modalities": "video", "open_weights": True},
]


def _answers(tax: ai.Taxonomy) -> list[object]:
    out: list[object] = []
    for call in CALLS:
        rec = ai.choose(**call, taxonomy=tax)
        out.append((rec.category.id, [c.model.id for c in rec.candidates]))
    out.append([m.id for m in tax.models(output="image", technique="diffusion")])
    out.append([m.id for m in tax.models(organization="openai")])
    return out


def test_threads_share_a_taxonomy() -> None:
    """Eight threads choose and query one taxonomy while others extend copies."""
    tax = ai.Taxonomy._checked(list(ai.default_taxonomy()))  # fresh
    expected = _answers(ai.default_taxonomy())
    errors: list[BaseException] = []
    results: list[list[object]] = []
    barrier = threading.Barrier(8)

    def reader() -> None:
        barrier.wait()
        try:
            results.extend(_answers(tax) for _ in range(150))
        except BaseException as exc:  # noqa: BLE001  # reported below
            errors.append(exc)

    def writer(n: int) -> None:
        barrier.wait()
        try:
            for i in range(150):
                grown = tax.extend(
                    ai.LLM(id=f"t{n}-{i}", name="T", organization="openai")
                )
                assert grown.model(f"t{n}-{i}").organization == "openai"
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(6)]
    threads += [threading.Thread(target=writer, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(results) == 6 * 150
    assert all(result == expected for result in results)
    assert _answers(tax) == expected, "the shared taxonomy never changed"


def test_first_default_taxonomy_call_races() -> None:
    """In a fresh process, eight threads racing the first call get one object."""
    code = (
        "import threading, aitaxonomy as ai\n"
        "b = threading.Barrier(8); got = []\n"
        "def run():\n    b.wait(); got.append(ai.default_taxonomy())\n"
        "ts = [threading.Thread(target=run) for _ in range(8)]\n"
        "[t.start() for t in ts]; [t.join() for t in ts]\n"
        "print(len(got), len({id(t) for t in got}))\n"
    )
    out = subprocess.run(  # noqa: S603  # our interpreter, fixed code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["8", "1"]
