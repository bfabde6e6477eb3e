"""Every example in the docstrings, the README and docs/ runs and gives what it shows."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import aitaxonomy

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
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
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=FLAGS, verbose=False)
    assert result.failed == 0
    if name in DOCUMENTED:
        assert result.attempted > 0


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
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
