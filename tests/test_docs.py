"""Every example in the docstrings, the README and docs/ runs and gives what it shows."""

from __future__ import annotations

import doctest
import importlib
import os
import pkgutil
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import aitaxonomy
from conftest import REAL_CATALOGS, SHARED_FIXTURES

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
DOCUMENTS = [p for p in PAGES if ">>> " in p.read_text("utf-8")]
CONSOLE = re.compile(r"```console\n(.*?)```", re.DOTALL)
SCRIPT = shutil.which("aitaxonomy", path=str(Path(sys.executable).parent))
MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(aitaxonomy.__path__, prefix="aitaxonomy.")
    if not info.name.endswith("__main__")
)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
# Modules whose public objects promise runnable examples.
DOCUMENTED = {
    "aitaxonomy",
    "aitaxonomy._entities",
    "aitaxonomy._modality",
    "aitaxonomy._taxonomy",
    "aitaxonomy._catalog",
}


@pytest.mark.parametrize("name", MODULES)
@pytest.mark.usefixtures("fresh_kinds")
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    runner = doctest.DocTestRunner(optionflags=FLAGS, verbose=False)
    for test in doctest.DocTestFinder().find(module):
        # mutmut's copies of each function (its mutants, and the original
        # behind a trampoline) repeat the docstring: run the function's own.
        if "__mutmut_" not in test.name:
            runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0
    if name in DOCUMENTED:
        assert result.attempted > 0


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
@pytest.mark.usefixtures("fresh_kinds")
def test_markdown_examples(path: Path) -> None:
    """Markdown code blocks written as ``>>>`` sessions run as doctests."""
    parser = doctest.DocTestParser()
    test = parser.get_doctest(path.read_text("utf-8"), {}, path.name, str(path), 0)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    result = runner.run(test)
    assert result.attempted > 0, "a document listed here has no example to run"
    assert result.failed == 0


def test_the_package_under_test_is_the_installed_one() -> None:
    """The tests import aitaxonomy from site-packages (or an editable install), never src/ by path."""
    assert (
        "site-packages" in aitaxonomy.__file__
        or (ROOT / "src") in Path(aitaxonomy.__file__).parents
    )
    assert aitaxonomy.default_taxonomy()["gpt-4"].name == "GPT-4"


def _sessions() -> list[tuple[str, list[tuple[str, str]]]]:
    """Per console block: ``(page, [(command, expected output), ...])``."""
    found = []
    for page in PAGES:
        for number, block in enumerate(CONSOLE.findall(page.read_text("utf-8"))):
            lines = block.splitlines()
            steps = []
            for index, line in enumerate(lines):
                if not line.startswith("$ aitaxonomy"):
                    continue
                output = []
                for later in lines[index + 1 :]:
                    if later.startswith("$ "):
                        break
                    output.append(later)
                steps.append((line[2:], "\n".join(output)))
            if steps:
                found.append((f"{page.name}#{number}", steps))
    return found


LITELLM = SHARED_FIXTURES / REAL_CATALOGS["litellm"]


@pytest.mark.parametrize(("block", "steps"), _sessions(), ids=lambda v: str(v)[:40])
def test_console_examples(
    block: str, steps: list[tuple[str, str]], tmp_path: Path
) -> None:
    """The docs' commands run, in order, and print what the docs show, if shown."""
    del block
    (tmp_path / "mymodels.toml").write_text(
        'format = 1\n[[models]]\nkind = "llm"\nid = "mine"\nname = "Mine"\n'
    )
    if LITELLM.is_file():
        shutil.copy(LITELLM, tmp_path / "model_prices_and_context_window.json")
    elif any("model_prices" in command for command, _ in steps):
        pytest.skip("the shared LiteLLM fixture is not beside this checkout")
    assert SCRIPT is not None
    for command, expected in steps:
        result = subprocess.run(  # noqa: S603  # the docs' own commands
            [SCRIPT, *shlex.split(command)[1:]],
            capture_output=True,
            text=True,
            check=False,
            cwd=tmp_path,
            encoding="utf-8",
            env={k: v for k, v in os.environ.items() if k != "NO_COLOR"},
        )
        assert result.returncode == 0, (command, result.stderr)
        if expected:
            assert result.stdout.rstrip("\n") == expected, command


def test_generated_docs_are_current() -> None:
    """The data snapshot, schema, diagram and CLI help match their sources."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "scripts" / "regenerate.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + " (run python scripts/regenerate.py)"
