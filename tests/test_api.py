"""The curated top level: one list of names, held to the lazy table, dir() and the docs."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

import aitaxonomy as ai

INIT = Path(ai.__file__)
API_DOC = Path(__file__).resolve().parent.parent / "docs" / "api.md"


def _imported(tree: ast.Module, *, guarded: bool) -> set[str]:
    """Names the package's ``__init__`` imports, at the top or under TYPE_CHECKING."""
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and guarded:
            body = node.body
        elif isinstance(node, ast.ImportFrom) and not guarded:
            body = [node]
        else:
            continue
        for statement in body:
            if isinstance(statement, ast.ImportFrom) and statement.level == 1:
                found.update(alias.asname or alias.name for alias in statement.names)
    return found


TREE = ast.parse(INIT.read_text(encoding="utf-8"))


def test_dir_is_the_curated_list() -> None:
    assert dir(ai) == sorted(ai.__all__)
    assert len(ai.__all__) == len(set(ai.__all__)), "a name listed twice"


@pytest.mark.parametrize("name", ai.__all__)
def test_every_listed_name_resolves(name: str) -> None:
    assert getattr(ai, name) is not None


def test_the_lazy_table_is_the_type_checking_imports() -> None:
    """The lazy names are written twice: the table, and the imports mypy reads."""
    lazy = {name for names in ai._LAZY.values() for name in names}
    assert _imported(TREE, guarded=True) == lazy


def test_every_name_is_imported_eagerly_or_lazily_exactly_once() -> None:
    eager = _imported(TREE, guarded=False) - {"TYPE_CHECKING", "Any"}
    lazy = {name for names in ai._LAZY.values() for name in names}
    assert not eager & lazy
    assert eager | lazy == set(ai.__all__)


@pytest.mark.parametrize(
    ("name", "module"),
    [(n, m) for m, names in ai._LAZY.items() for n in names],
)
def test_a_lazy_name_is_its_modules_object(name: str, module: str) -> None:
    home = importlib.import_module(module, "aitaxonomy")
    assert getattr(ai, name) is getattr(home, name)


def test_errors_live_in_their_module_and_only_the_common_three_at_the_top() -> None:
    classes = {
        name
        for name, value in vars(ai.errors).items()
        if isinstance(value, type)
        and issubclass(value, (ai.AITaxonomyError, Warning))
        and not name.startswith("_")
    }
    at_top = {name for name in ai.__all__ if name in classes}
    assert at_top == {"AITaxonomyError", "TaxonomyError"}
    assert ai.Problem is ai.errors.Problem


def test_the_api_page_documents_exactly_the_curated_names() -> None:
    text = API_DOC.read_text(encoding="utf-8")
    documented = set(
        re.findall(
            r"^\.\. auto(?:class|function|exception|data):: aitaxonomy\.(\w+)$",
            text,
            re.MULTILINE,
        )
    )
    # the three errors at the top are documented with the others, in errors
    common = {"AITaxonomyError", "TaxonomyError", "Problem"}
    assert documented == set(ai.__all__) - {"__version__", "errors"} - common
    assert ".. automodule:: aitaxonomy.errors" in text
    for name in ai.errors.__all__:
        assert f"aitaxonomy.errors.{name}\n" in text, f"{name} is not documented"


def test_an_unknown_name_says_so() -> None:
    with pytest.raises(AttributeError, match="no attribute 'NoMatchError'"):
        ai.NoMatchError  # noqa: B018  # the leaves moved to aitaxonomy.errors
