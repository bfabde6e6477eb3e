"""aitaxonomy's benchmarks: medians and ratios, measured side by side in one run.

    python benchmarks/run.py            # the full table (a few minutes)
    python benchmarks/run.py --quick    # small sizes, few repeats: checks it runs

Needs the ``bench`` extra (pydantic and msgspec, the baselines). Times are
medians of repeated runs; ratios compare against a baseline measured in the
same run, since absolute times are not comparable between machines or runs.
"""

from __future__ import annotations

import functools
import gc
import json
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import msgspec
import pydantic

import aitaxonomy as ai

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

QUICK = "--quick" in sys.argv
ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT.parent / "shared" / "fixtures" / "litellm-model-map-1.110.2.json"
ROWS: list[tuple[str, str, str, str]] = []


def median_seconds(fn: Callable[[], object], repeat: int, number: int = 1) -> float:
    """Median over *repeat* runs of the time of *number* calls, per call."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - start) / number)
    return statistics.median(times)


def interleaved_medians(
    contestants: Sequence[Callable[[], object]], repeat: int
) -> list[float]:
    """Each contestant's median time per call, timed in turns.

    Round after round, each contestant runs once, in an order that rotates:
    a pause of the machine (another process, a collection) then falls on
    all of them alike instead of on whichever ran at that moment.
    """
    times: list[list[float]] = [[] for _ in contestants]
    for round_ in range(repeat):
        shift = round_ % len(contestants)
        for index in [*range(shift, len(contestants)), *range(shift)]:
            start = time.perf_counter()
            contestants[index]()
            times[index].append(time.perf_counter() - start)
    return [statistics.median(each) for each in times]


def fresh_process(code: str, repeat: int) -> float:
    def run() -> None:
        subprocess.run([sys.executable, "-c", code], check=True)

    return median_seconds(run, repeat)


def forget(tax: ai.Taxonomy) -> None:
    """Drop what choose() remembers of a text for *tax*: its results and tokens.

    The taxonomy's indexes, the reader and per-word caches (stems) stay
    built, as in any process that has answered a question before.
    """
    from aitaxonomy import _choose, _words  # noqa: PLC0415

    _choose._MEMOS.pop(tax, None)  # noqa: SLF001
    _words._tokenized.cache_clear()  # noqa: SLF001


def row(name: str, value: str, ratio: str = "", target: str = "") -> None:
    ROWS.append((name, value, ratio, target))
    print(f"  {name:<46} {value:>14} {ratio:>10}  {target}", flush=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.2f} ms"


def us(seconds: float) -> str:
    return f"{seconds * 1e6:.1f} us"


# -- 1, 2: import, first load, choose ------------------------------------------


def bench_import_and_load() -> None:
    repeat = 3 if QUICK else 15
    base = fresh_process("pass", repeat)
    deps = fresh_process("import attrs, cattrs", repeat) - base
    ours = fresh_process("import aitaxonomy", repeat) - base
    used = fresh_process("import aitaxonomy as ai; ai.LLM; ai.Taxonomy", repeat) - base
    loaded = (
        fresh_process("import aitaxonomy as ai; ai.default_taxonomy()", repeat) - base
    )
    row("cold import attrs, cattrs", ms(deps))
    row("cold import aitaxonomy", ms(ours), f"{ours / deps:.2f}x", "<= 1.15x")
    row("  ... and touch ai.LLM, ai.Taxonomy", ms(used), f"{used / deps:.2f}x")
    row("first default_taxonomy() over the import", ms(loaded - ours), "", "<= 30 ms")
    chose = (
        fresh_process(
            "import aitaxonomy as ai; ai.choose(task='transcribe a podcast')", repeat
        )
        - base
    )
    row("first choose() over that (builds the reader)", ms(chose - loaded))
    tax = ai.default_taxonomy()
    row("cached default_taxonomy()", us(median_seconds(ai.default_taxonomy, 5, 10000)))
    calls: list[dict[str, Any]] = [
        {"modalities": "image", "task": "a mascot illustration for our brand"},
        {"modalities": "text", "task": "digest of today's news articles"},
        {"task": "rewrite this Java class in Kotlin"},
        {"task": "our FAQ bot should handle refund questions"},
        {"task": "shorten these meeting minutes"},
        {"modalities": ["video"], "domain": "legal"},
        {"task": "transcribe customer interviews, then summarise them"},
        {"task": "write a blog post with a header image"},
        {"task": "compute embeddings for a million product descriptions"},
        {"task": "resume este informe en tres frases"},
        {"task": "remove the background from our product photos"},
    ]
    for call in calls:
        ai.choose(**call)
    memo = [median_seconds(functools.partial(ai.choose, **c), 5, 2000) for c in calls]
    row(
        "choose() on the default, memoised (median)",
        us(statistics.median(memo)),
        "",
        "<= 50 us",
    )
    fresh = []
    for call in calls:
        # Clearing the memo before each call measures the full cost of choose().
        def once(c: dict[str, Any] = call) -> None:
            forget(tax)
            ai.choose(**c)

        fresh.append(median_seconds(once, 5 if QUICK else 20, 20))
    row(
        "choose() on the default, not memoised (median)",
        us(statistics.median(fresh)),
        "",
        "<= 1 ms",
    )
    row("  ... the slowest of those calls", us(max(fresh)))


# -- 3: loading a synthetic catalog -----------------------------------------------

MODALITY_SETS = [
    ["text"],
    ["text", "image"],
    ["image"],
    ["video"],
    ["code"],
    ["speech"],
]


def synthetic(n: int) -> list[dict[str, Any]]:
    tax = ai.default_taxonomy()
    orgs = [o.id for o in tax.organizations()]
    uses = [u.id for u in tax.use_cases()]
    records = []
    for i in range(n):
        kind = ("llm", "genai", "ai-model")[i % 10 // 5 if i % 10 < 9 else 2]
        outputs = (
            ["text"]
            if kind == "llm"
            else MODALITY_SETS[1 + i % 5]
            if kind == "genai"
            else ["embedding"]
        )
        record: dict[str, Any] = {
            "kind": kind,
            "id": f"synthetic/m{i}",
            "name": f"Model {i}",
            "organization": orgs[i % len(orgs)],
            "input_modalities": MODALITY_SETS[i % 2],
            "output_modalities": outputs,
            "techniques": ["transformer"] if i % 3 else ["diffusion"],
            "use_cases": [uses[i % len(uses)]],
            "domains": ["legal"] if i % 50 == 0 else [],
            "open_weights": i % 2 == 0,
            "released": f"20{15 + i % 11}-0{1 + i % 9}",
            "parameters": 1_000_000 * (1 + i % 500),
            "provenance": [{"url": f"https://example.org/m{i}", "as_of": "2026-11-28"}],
        }
        if kind == "genai" and record["output_modalities"] == ["code"]:
            record["input_modalities"] = ["text", "code"]
        records.append(record)
    return records


class PCitation(pydantic.BaseModel):
    """The baseline's citation record."""

    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    section: str | None = None
    url: str | None = None
    as_of: str | None = None
    covers: tuple[str, ...] = ()
    note: str = ""


class PModel(pydantic.BaseModel):
    """The baseline's model record: the same fields and checks on types."""

    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    kind: Literal["llm", "genai", "ai-model"]
    id: str
    name: str
    organization: str | None = None
    input_modalities: frozenset[str] = frozenset()
    output_modalities: frozenset[str] = frozenset()
    techniques: tuple[str, ...] = ()
    use_cases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    open_weights: bool | None = None
    released: str | None = None
    parameters: int | None = None
    provenance: tuple[PCitation, ...] = ()


class MCitation(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """msgspec's citation record."""

    section: str | None = None
    url: str | None = None
    as_of: str | None = None
    covers: tuple[str, ...] = ()
    note: str = ""


class MModel(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """msgspec's model record."""

    kind: str
    id: str
    name: str
    organization: str | None = None
    input_modalities: frozenset[str] = frozenset()
    output_modalities: frozenset[str] = frozenset()
    techniques: tuple[str, ...] = ()
    use_cases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    open_weights: bool | None = None
    released: str | None = None
    parameters: int | None = None
    provenance: tuple[MCitation, ...] = ()


def bench_loading() -> ai.Taxonomy:
    sizes = [1_000] if QUICK else [1_000, 10_000, 100_000]
    adapter = pydantic.TypeAdapter(list[PModel])
    decoder = msgspec.json.Decoder(list[MModel])
    base = ai.default_taxonomy()
    big = base
    for n in sizes:
        records = synthetic(n)
        document = json.dumps({"format": 1, "models": records})
        array = json.dumps(records).encode()
        # A small load takes milliseconds, so one stray pause moves a median
        # of five: small loads are timed more often, each contestant after a
        # warm-up call of its own, the same for all four, in turns.
        repeat = 3 if n >= 100_000 else 5 if n >= 10_000 else 25
        contestants = [
            functools.partial(json.loads, document),
            functools.partial(adapter.validate_json, array),
            functools.partial(decoder.decode, array),
            functools.partial(ai.loads, document, format="json", base=base),
        ]
        for contestant in contestants if n < 10_000 else ():
            contestant()
        floor, theirs, limit, ours = interleaved_medians(contestants, repeat)
        row(
            f"loads {n:,} models (json.loads floor)",
            ms(floor),
            f"{floor / theirs:.2f}x",
        )
        row(f"loads {n:,} models: pydantic TypeAdapter", ms(theirs), "1.00x")
        row(f"loads {n:,} models: msgspec Structs", ms(limit), f"{limit / theirs:.2f}x")
        target = "<= 2x" if n == 1_000 else "<= 1.0x"
        row(
            f"loads {n:,} models: aitaxonomy", ms(ours), f"{ours / theirs:.2f}x", target
        )
        big = ai.loads(document, format="json", base=base)
        if n == sizes[-1]:
            bench_memory(document, array, adapter, base)
    return big


def bench_memory(document: str, array: bytes, adapter: Any, base: ai.Taxonomy) -> None:
    gc.collect()
    tracemalloc.start()
    ours = ai.loads(document, format="json", base=base)
    ours.models(output="image")  # indices built, as in use
    _, peak_ours = tracemalloc.get_traced_memory()
    held_ours = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    gc.collect()
    tracemalloc.start()
    theirs = adapter.validate_json(array)
    _, peak_theirs = tracemalloc.get_traced_memory()
    held_theirs = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del ours, theirs
    n = document.count('"kind"')
    row(
        f"peak memory, {n:,} models: pydantic",
        f"{peak_theirs / 2**20:.1f} MiB",
        "1.00x",
    )
    row(
        f"peak memory, {n:,} models: aitaxonomy",
        f"{peak_ours / 2**20:.1f} MiB",
        f"{peak_ours / peak_theirs:.2f}x",
        "<= 1.5x",
    )
    row(
        f"held memory, {n:,} models: aitaxonomy vs pydantic",
        f"{held_ours / 2**20:.1f} MiB",
        f"{held_ours / held_theirs:.2f}x",
    )


# -- 4, 5: queries and choose on the big taxonomy -----------------------------------


def bench_queries(tax: ai.Taxonomy) -> None:
    start = time.perf_counter()
    n = len(tax.models())
    row(
        f"first query on {n:,} models (builds indices)", ms(time.perf_counter() - start)
    )
    queries: list[tuple[str, dict[str, Any], Callable[[ai.AIModel], bool]]] = [
        (
            "outputs image, technique diffusion",
            {"output": "image", "technique": "diffusion"},
            lambda m: m.produces("image") and "diffusion" in m.techniques,
        ),
        (
            "by organisation",
            {"organization": "openai"},
            lambda m: m.organization == "openai",
        ),
        (
            "by use case",
            {"use_case": "art_design"},
            lambda m: "art_design" in m.use_cases,
        ),
    ]
    models = tax.of_type(ai.AIModel)
    for label, query, predicate in queries:
        indexed = median_seconds(
            functools.partial(tax.models, **query), 5 if QUICK else 20
        )
        scan = median_seconds(functools.partial(_scan, models, predicate), 5)
        row(f"query {label}: linear scan", ms(scan))
        row(
            f"query {label}: aitaxonomy",
            ms(indexed),
            f"{indexed / scan:.3f}x",
            "<= 1 ms",
        )
    for call in (
        {"modalities": "image", "task": "a mascot for our brand"},
        {"task": "summarise court rulings", "domain": "legal"},
    ):
        for limit in (None, 10):

            def once(c: dict[str, Any] = call, k: int | None = limit) -> None:
                forget(tax)  # the full cost, not the memo
                ai.choose(**c, taxonomy=tax, limit=k)

            label = "all candidates" if limit is None else f"limit={limit}"
            row(
                f"choose() on {n:,}: {str(call.get('task'))[:14]}..., {label}",
                ms(median_seconds(once, 3 if QUICK else 7)),
                "",
                "<= 5 ms",
            )


def _scan(
    models: tuple[ai.AIModel, ...], predicate: Callable[[ai.AIModel], bool]
) -> list[ai.AIModel]:
    return [m for m in models if predicate(m)]


# -- 6: the real catalogs: each adapter, the merge, choose() on the merge --------

REAL = {
    "LiteLLM": ("litellm-model-map-1.110.2.json", "from_litellm"),
    "models.dev": ("models-dev-api-2026-08-22.json", "from_models_dev"),
    "OpenRouter": ("openrouter-models-2026-05-15.json", "from_openrouter"),
}


def bench_adapters() -> None:
    from aitaxonomy import adapters  # noqa: PLC0415

    results = []
    for label, (name, function) in REAL.items():
        path = FIXTURE.parent / name
        if not path.is_file():
            row(f"{label} adapter", "fixture missing")
            return
        data = json.loads(path.read_text("utf-8"))
        adapter = getattr(adapters, function)
        results.append(adapter(data))
        took = median_seconds(lambda: adapter(data), 3 if QUICK else 7)  # noqa: B023
        row(f"{label} adapter on its real file", ms(took), "", "<= 300 ms")

    def merge() -> ai.Taxonomy:
        merged = ai.default_taxonomy()
        for result in results:
            merged = result.taxonomy(merged)
        return merged

    merged = merge()
    took = median_seconds(merge, 1 if QUICK else 3)
    row(
        f"merge the three into the default ({len(merged.models()):,} models)",
        ms(took),
        "",
        "<= 1 s",
    )
    tasks = ["a support chatbot for our shop", "transcribe customer calls"]
    for task in tasks:
        ai.choose(task=task, taxonomy=merged, limit=10)  # reader and indices built
    times = []
    for _ in range(3 if QUICK else 15):
        for task in tasks:
            forget(merged)  # not memoised
            start = time.perf_counter()
            ai.choose(task=task, taxonomy=merged, limit=10)
            times.append(time.perf_counter() - start)
    row(
        "choose(limit=10) on the merge, not memoised (median)",
        ms(statistics.median(times)),
        "",
        "<= 5 ms",
    )


def main() -> int:
    print(
        f"aitaxonomy {ai.__version__}, Python {sys.version.split()[0]}, "
        f"{'quick' if QUICK else 'full'} run"
    )
    bench_import_and_load()
    big = bench_loading()
    bench_queries(big)
    bench_adapters()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
