"""Mutation scores of the core modules, from a seeded sample of mutmut's mutants.

    python scripts/mutation.py                       # every core module
    python scripts/mutation.py --module _modality    # one (repeat for more)
    python scripts/mutation.py --sample 40 --seed 7
    python scripts/mutation.py --runner mutmut       # mutmut's own runner
    python scripts/mutation.py --only NAME [NAME ...]  # just these mutants

Needs the ``mutation`` extra (``pip install -e '.[mutation]'``: mutmut 3.8.1,
which writes the mutants) and runs in the checkout, using the
``[tool.mutmut]`` settings in ``pyproject.toml``. Slow: see
docs/contributing.md for the wall time. Not part of CI.

For each module it:

1. has mutmut write every mutant (into ``mutants/``), brings the copies of
   the packaged data there up to date, and takes a sample:
   ``random.Random(seed).sample(sorted(names), n)``, or all when fewer;
2. leaves out the sampled mutants listed as equivalent in
   ``tests/mutation/equivalent.toml`` (each with its reason);
3. runs the rest, a fresh process per mutant, as many at once as there are
   cores. The ``direct`` runner (the default) runs the module's own test
   files (``CORE`` below) with ``pytest -x``, after a clean run of them that
   must pass and that sets the timeout. The ``mutmut`` runner has ``mutmut
   run`` pick the tests it saw call the mutated function; for a function
   every test calls (loading, linking) that is the whole suite per mutant,
   which is why it is not the default. Its survivors are run again on the
   module's test files (pass 2), since mutmut misses code that runs once
   per process;
4. counts a failed test, a crash at collection (the mutant breaks the
   packaged catalog, so test modules cannot import) and a timeout as killed;

``--only`` runs the named mutants instead of a sample (say, a run's
survivors once tests for them are written), each under its own module.

It prints: module, sampled, killed, survived, equivalent, score (killed out
of the sampled mutants that are not equivalent), each row as its module
finishes, followed by its survivors; ``mutmut show NAME`` shows one. The
whole table comes last.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENT = ROOT / "tests" / "mutation" / "equivalent.toml"

# module -> the test files pass 2 runs its survivors on
CORE: dict[str, tuple[str, ...]] = {
    "_modality": ("test_modality", "test_entities", "test_errors", "test_scores"),
    "_entities": (
        "test_entities",
        "test_jobs",
        "test_links",
        "test_sources",
        "test_extend",
        "test_taxonomy",
        "test_errors",
    ),
    "_taxonomy": (
        "test_taxonomy",
        "test_jobs",
        "test_sources",
        "test_links",
        "test_catalog",
        "test_choose",
        "test_article_facts",
        "test_extend",
        "test_errors",
        "test_convert",
    ),
    "_tasks": (
        "test_matcher",
        "test_scores",
        "test_cues",
        "test_choose",
        "test_reading",
        "test_jobs",
    ),
    "_reading": ("test_reading", "test_cues", "test_choose", "test_jobs"),
    "_jobs": ("test_jobs", "test_reading", "test_choose"),
    "_words": ("test_words", "test_reading", "test_choose", "test_learned"),
    "_rules": ("test_rules", "test_choose", "test_article_facts", "test_promises"),
    "_ranking": ("test_ranking", "test_choose", "test_scores", "test_sources"),
    "_files": ("test_files", "test_files_pinned", "test_reliability", "test_errors"),
    "_convert": ("test_convert", "test_files", "test_errors"),
    "_load": ("test_load", "test_files", "test_plugins", "test_errors"),
    "_structure": ("test_load", "test_convert", "test_files", "test_errors"),
    "adapters": ("test_adapters", "test_real_catalogs"),
}

# Tests that start the command line or pip in a subprocess run the installed,
# unmutated package: they cannot kill a mutant, and they are slow.
DESELECTED = (
    "not test_console_examples and not test_generated_docs_are_current"
    " and not test_plugin_installed_by_pip"
)
LONGEST_RUN = 900  # seconds; a mutant that loops forever is killed by it
DIRECT_TIMEOUT_FACTOR = 5  # the direct runner's timeout, times a clean run's time
DIRECT_TIMEOUT_FLOOR = 120  # seconds, at least
PROGRESS_EVERY = 10  # mutants between progress lines

KILLED = {1, 3, 255, 36, 24, -24, 152, -9, -11}  # failed, crashed or timed out
SURVIVED = {0, 5, 33}  # passed, or no test reached it: pass 2 decides

GENERATE = """
import os
from mutmut.__main__ import create_mutants
from mutmut.mutation.trampoline import set_mutant_under_test
from mutmut.utils.file_utils import copy_also_copy_files, copy_src_dir

os.makedirs("mutants", exist_ok=True)
set_mutant_under_test("mutant_generation")
copy_src_dir()
copy_also_copy_files()
create_mutants(os.cpu_count() or 2)
"""


class Row(NamedTuple):
    """One module's line of the table."""

    module: str
    sampled: int
    killed: int
    survived: tuple[str, ...]
    equivalent: int

    @property
    def score(self) -> float:
        """Killed, out of the sampled mutants that are not equivalent."""
        tested = self.sampled - self.equivalent
        return 100.0 * self.killed / tested if tested else 100.0


def equivalent_mutants(path: Path = EQUIVALENT) -> dict[str, str]:
    """Mutant name -> why it cannot change behaviour, from *path*."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for entry in data.get("mutant", []):
        name, reason = entry["name"], entry.get("reason", "")
        if not reason.strip():
            sys.exit(f"{path}: {name} has no reason")
        found[name] = reason
    return found


def _meta(module: str) -> Path:
    return ROOT / "mutants" / "src" / "aitaxonomy" / f"{module}.py.meta"


def _exit_codes(module: str) -> dict[str, int | None]:
    data = json.loads(_meta(module).read_text(encoding="utf-8"))
    codes: dict[str, int | None] = data["exit_code_by_key"]
    return codes


def sample(names: list[str], size: int, seed: int) -> list[str]:
    """The seeded sample of *names* (all of them when there are no more)."""
    if size >= len(names):
        return sorted(names)
    return sorted(random.Random(seed).sample(sorted(names), size))  # noqa: S311


def by_module(names: list[str]) -> dict[str, list[str]]:
    """*names* grouped by the core module they mutate, in the order of ``CORE``.

    A name that mutates no core module is an error, not a silent skip.
    """
    grouped: dict[str, list[str]] = {}
    for name in names:
        package, _, rest = name.partition(".")
        module = rest.partition(".")[0] if package == "aitaxonomy" else ""
        if module not in CORE:
            sys.exit(f"{name}: not a mutant of a core module ({', '.join(CORE)})")
        grouped.setdefault(module, []).append(name)
    return {m: sorted(set(grouped[m])) for m in CORE if m in grouped}


def _mutmut(*args: str) -> None:
    subprocess.run(  # noqa: S603  # our own interpreter, mutmut's own command
        [sys.executable, "-m", "mutmut", *args], cwd=ROOT, check=True
    )


def _killed(name: str, tests: tuple[str, ...], timeout: float) -> bool:
    """Whether *tests* kill mutant *name*, run in a fresh process.

    An empty *name* runs the unmutated code: a clean run.
    """
    env = {
        **os.environ,
        "MUTANT_UNDER_TEST": name,
        "PYTHONPATH": str(ROOT / "mutants" / "src"),
    }
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-x",
        "-q",
        "-p",
        "no:cacheprovider",
        "-k",
        DESELECTED,
        *(f"tests/{test}.py" for test in tests),
    ]
    try:
        result = subprocess.run(  # noqa: S603  # our own interpreter and tests
            command,
            cwd=ROOT / "mutants",
            env=env,
            capture_output=True,
            check=False,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return True
    if result.returncode in {4, 5}:  # a usage error, or no tests: not a verdict
        sys.exit(f"{name or 'clean run'}: pytest exit {result.returncode}")
    # 1: a test failed; 2: collection crashed; 3: pytest itself broke
    return result.returncode in {1, 2, 3}


def _each(names: list[str], tests: tuple[str, ...], timeout: float) -> list[str]:
    """The mutants of *names* that *tests* do not kill, as many at once as cores."""
    survived: list[str] = []
    with ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        runs = {pool.submit(_killed, n, tests, timeout): n for n in names}
        for done, run in enumerate(as_completed(runs), 1):
            if not run.result():
                survived.append(runs[run])
            if done % PROGRESS_EVERY == 0 or done == len(names):
                print(
                    f"   {done}/{len(names)} run, {len(survived)} survived", flush=True
                )
    return sorted(survived)


def _direct(module: str, names: list[str]) -> list[str]:
    """Run *names* on *module*'s test files; the survivors."""
    tests = CORE[module]
    start = time.monotonic()
    if _killed("", tests, LONGEST_RUN):
        sys.exit(f"{module}: the clean run of {', '.join(tests)} fails")
    clean = time.monotonic() - start
    # a mutant may slow a run down a lot before it fails: allow for it
    timeout = max(DIRECT_TIMEOUT_FLOOR, DIRECT_TIMEOUT_FACTOR * clean)
    print(f"== {module}: {len(names)} mutants (clean run {clean:.0f} s)", flush=True)
    return _each(names, tests, timeout)


def _via_mutmut(module: str, names: list[str]) -> list[str]:
    """Run *names* with ``mutmut run``, then pass 2; the survivors."""
    if names:
        _mutmut("run", *names)
    codes = _exit_codes(module)
    survived = []
    for name in names:
        code = codes.get(name)
        if code in SURVIVED:
            survived.append(name)
        elif code not in KILLED:
            sys.exit(f"{name}: mutmut gave exit code {code}; run it again")
    print(f"== pass 2: {module}, {len(survived)} survivors", flush=True)
    return _each(survived, CORE[module], LONGEST_RUN)


def sync_data(source: Path = ROOT / "src", copy: Path = ROOT / "mutants/src") -> int:
    """Make the data files in *copy* those of *source*; how many changed.

    mutmut rewrites a Python file whose source changed, but keeps the copies
    of other files (the packaged catalog) from its first run, so a catalog
    edited since would be tested stale and the clean run would fail.
    """
    changed = 0
    wanted = {
        p.relative_to(source): p
        for p in source.rglob("*")
        if p.is_file() and p.suffix != ".py" and "__pycache__" not in p.parts
    }
    for path in sorted(copy.rglob("*")):
        relative = path.relative_to(copy)
        stale = path.suffix not in {".py", ".meta"} and relative not in wanted
        if path.is_file() and "__pycache__" not in path.parts and stale:
            path.unlink()
            changed += 1
    for relative, path in sorted(wanted.items()):
        target = copy / relative
        data = path.read_bytes()
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            changed += 1
    return changed


def run(
    modules: list[str],
    size: int,
    seed: int,
    runner: str = "direct",
    only: dict[str, list[str]] | None = None,
) -> list[Row]:
    """Sample, run and score *modules* (or the mutants *only* names); one row each."""
    equivalent = equivalent_mutants()
    print("== writing the mutants (mutants/)", flush=True)
    subprocess.run(  # noqa: S603  # our own interpreter, mutmut's own functions
        [sys.executable, "-c", GENERATE],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,  # a line per file; errors still show
    )
    if changed := sync_data():
        print(f"== {changed} data files brought up to date in mutants/", flush=True)
    rows = []
    for module in modules:
        known = list(_exit_codes(module))
        if only is None:
            names = sample(known, size, seed)
        else:
            names = only[module]
            if missing := sorted(set(names) - set(known)):
                sys.exit(f"no such mutant (renumbered?): {', '.join(missing)}")
        tested = [n for n in names if n not in equivalent]
        still = (_direct if runner == "direct" else _via_mutmut)(module, tested)
        killed = len(tested) - len(still)
        row = Row(module, len(names), killed, tuple(still), len(names) - len(tested))
        # each module's result as it comes: a long run stopped early keeps them
        print(f"== {table([row]).splitlines()[-1]}", flush=True)
        for name in row.survived:
            print(f"   survived: {name}", flush=True)
        rows.append(row)
    return rows


def table(rows: list[Row]) -> str:
    """The scores as a Markdown table."""
    lines = [
        "| module | sampled | killed | survived | equivalent | score |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines.extend(
        f"| `{r.module}` | {r.sampled} | {r.killed} | {len(r.survived)} "
        f"| {r.equivalent} | {r.score:.1f}% |"
        for r in rows
    )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Run the sample the command line asks for and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--module",
        action="append",
        choices=sorted(CORE),
        help="a core module to test (repeatable; default: all of them)",
    )
    parser.add_argument(
        "--sample",
        type=int,
        default=150,
        metavar="N",
        help="mutants per module (default: 150; all when fewer)",
    )
    parser.add_argument("--seed", type=int, default=20261201, help="sample seed")
    parser.add_argument(
        "--runner",
        choices=("direct", "mutmut"),
        default="direct",
        help="run each mutant on its module's test files (default), or with mutmut",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="NAME",
        help="run these mutants (mutmut's names) instead of a sample",
    )
    args = parser.parse_args(argv)
    if args.sample < 1:
        parser.error("--sample must be at least 1")
    if args.only and args.module:
        parser.error("--only names its modules: leave out --module")
    only = by_module(args.only) if args.only else None
    modules = list(only) if only else args.module or list(CORE)
    start = time.monotonic()
    rows = run(modules, args.sample, args.seed, args.runner, only)
    print()
    print(table(rows))
    print(f"\nwall time: {(time.monotonic() - start) / 60:.1f} min (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
