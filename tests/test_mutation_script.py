"""scripts/mutation.py: the seeded sample, the equivalents list, the data sync."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    name = "aitaxonomy_mutation_script"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts/mutation.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


mutation = _script()


def test_the_sample_is_seeded_sorted_and_capped() -> None:
    names = [f"m{i}" for i in range(40)]
    first = mutation.sample(names, 10, seed=3)
    assert first == mutation.sample(list(reversed(names)), 10, seed=3)
    assert first == sorted(first)
    assert len(set(first)) == 10
    assert set(first) <= set(names)
    assert first != mutation.sample(names, 10, seed=4)
    assert mutation.sample(names, 40, seed=3) == sorted(names)
    assert mutation.sample(names, 99, seed=3) == sorted(names)


def test_a_score_counts_only_the_mutants_that_are_not_equivalent() -> None:
    row = mutation.Row("_x", sampled=10, killed=6, survived=("a", "b"), equivalent=2)
    assert row.score == pytest.approx(75.0)
    assert mutation.Row("_x", 3, 0, (), 3).score == 100.0
    assert "| `_x` | 10 | 6 | 2 | 2 | 75.0% |" in mutation.table([row])


def test_every_listed_equivalent_names_a_core_module_and_says_why() -> None:
    found = mutation.equivalent_mutants()
    assert found
    shape = re.compile(r"aitaxonomy\.(\w+)\.x\S*__mutmut_\d+")
    for name, reason in found.items():
        matched = shape.fullmatch(name)
        assert matched, name
        assert matched[1] in mutation.CORE, name
        assert len(reason.split()) >= 3, name


def test_an_equivalent_without_a_reason_is_refused(tmp_path: Path) -> None:
    listed = tmp_path / "equivalent.toml"
    listed.write_text(
        '[[mutant]]\nname = "aitaxonomy._x.x_f__mutmut_1"\nreason = " "\n'
    )
    with pytest.raises(SystemExit, match=r"x_f__mutmut_1 has no reason"):
        mutation.equivalent_mutants(listed)


def test_every_core_modules_tests_exist() -> None:
    for module, tests in mutation.CORE.items():
        assert (ROOT / "src/aitaxonomy" / f"{module}.py").is_file(), module
        for test in tests:
            assert (ROOT / "tests" / f"{test}.py").is_file(), test


def test_the_data_copies_are_brought_up_to_date(tmp_path: Path) -> None:
    source, copy = tmp_path / "src", tmp_path / "mutants"
    for root in (source, copy):
        (root / "pkg/data").mkdir(parents=True)
    (source / "pkg/data/kept.toml").write_text("same")
    (copy / "pkg/data/kept.toml").write_text("same")
    (source / "pkg/data/edited.toml").write_text("new")
    (copy / "pkg/data/edited.toml").write_text("old")
    (source / "pkg/data/added.toml").write_text("added")
    (copy / "pkg/data/removed.toml").write_text("gone from the source")
    (copy / "pkg/mod.py").write_text("# a mutated module: left alone")
    (copy / "pkg/mod.py.meta").write_text("{}")
    assert mutation.sync_data(source, copy) == 3
    assert (copy / "pkg/data/edited.toml").read_text() == "new"
    assert (copy / "pkg/data/added.toml").read_text() == "added"
    assert not (copy / "pkg/data/removed.toml").exists()
    assert (copy / "pkg/mod.py").is_file()
    assert (copy / "pkg/mod.py.meta").is_file()
    assert mutation.sync_data(source, copy) == 0


def test_named_mutants_are_grouped_by_their_core_module() -> None:
    names = [
        "aitaxonomy._taxonomy.x_check__mutmut_8",
        "aitaxonomy._modality.x_to_modalities__mutmut_1",
        "aitaxonomy._taxonomy.x__noun__mutmut_10",
        "aitaxonomy._taxonomy.x_check__mutmut_8",
    ]
    assert mutation.by_module(names) == {
        "_modality": ["aitaxonomy._modality.x_to_modalities__mutmut_1"],
        "_taxonomy": [
            "aitaxonomy._taxonomy.x__noun__mutmut_10",
            "aitaxonomy._taxonomy.x_check__mutmut_8",
        ],
    }


@pytest.mark.parametrize(
    "name", ["aitaxonomy._kinds.x_f__mutmut_1", "x_check__mutmut_8", "other._x.f"]
)
def test_a_name_outside_the_core_modules_is_refused(name: str) -> None:
    with pytest.raises(SystemExit, match=re.escape(f"{name}: not a mutant of a core")):
        mutation.by_module([name])
