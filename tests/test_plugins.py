"""Catalog plugins: real distributions, found through the entry-point group."""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import sys
import textwrap
import zipfile
from importlib import metadata
from typing import TYPE_CHECKING

import pytest

import aitaxonomy as ai
from installed import install

if TYPE_CHECKING:
    from pathlib import Path

BASE = ai.default_taxonomy()


GOOD = """
import aitaxonomy as ai

def entities():
    return [
        ai.Organization(id="acme", name="Acme"),
        ai.LLM(id="acme-7b", name="Acme 7B", organization="acme"),
    ]
"""


def test_callable_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install(
        tmp_path,
        "acme-catalog",
        "acme_catalog_a",
        GOOD,
        "acme = acme_catalog_a:entities",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    tax = ai.installed_taxonomy()
    assert tax.model("acme-7b").organization == "acme"
    assert ai.default_taxonomy().get("acme-7b") is None, (
        "the default stays packaged data"
    )


def _wheel(root: Path, dist: str, module: str, code: str, entry: str) -> Path:
    """Build a real wheel file for a one-module plugin distribution."""
    info = f"{dist.replace('-', '_')}-1.0.dist-info"
    files = {
        f"{module}/__init__.py": textwrap.dedent(code),
        f"{info}/METADATA": (f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n"),
        f"{info}/WHEEL": (
            "Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\n"
            "Tag: py3-none-any\n"
        ),
        f"{info}/entry_points.txt": f"[aitaxonomy.catalogs]\n{entry}\n",
    }
    record = []
    for name, text in files.items():
        digest = hashlib.sha256(text.encode()).digest()
        encoded = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
        record.append(f"{name},sha256={encoded},{len(text.encode())}")
    record.append(f"{info}/RECORD,,")
    files[f"{info}/RECORD"] = "\n".join(record) + "\n"
    wheel = root / f"{dist.replace('-', '_')}-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return wheel


def test_plugin_installed_by_pip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real wheel, installed by pip (offline) into a folder on sys.path."""
    wheel = _wheel(
        tmp_path, "acme-wheel", "acme_catalog_w", GOOD, "acme = acme_catalog_w:entities"
    )
    target = tmp_path / "site"
    # The machine's pip configuration (constraints, indexes) is not the test's.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull
    subprocess.run(  # noqa: S603  # our own interpreter installing our own wheel
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-index",
            "--no-deps",
            "--disable-pip-version-check",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        env=env,
    )
    monkeypatch.syspath_prepend(str(target))
    assert ai.installed_taxonomy().model("acme-7b").organization == "acme"


def test_path_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = """
    from pathlib import Path
    CATALOG = Path(__file__).parent / "catalog.toml"
    """
    install(
        tmp_path, "zeta-catalog", "zeta_catalog", code, "zeta = zeta_catalog:CATALOG"
    )
    (tmp_path / "zeta_catalog" / "catalog.toml").write_text(
        'format = 1\n[[organizations]]\nkind = "organization"\nid = "zeta"\nname = "Zeta"\n'
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert ai.installed_taxonomy()["zeta"].name == "Zeta"


def test_a_path_plugin_refers_to_the_packaged_taxonomy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its files are read over the base: genai, openai and diffusion resolve."""
    code = """
    from pathlib import Path
    CATALOG = Path(__file__).parent / "models"
    """
    install(tmp_path, "eta-catalog", "eta_catalog", code, "eta = eta_catalog:CATALOG")
    folder = tmp_path / "eta_catalog" / "models"
    folder.mkdir()
    (folder / "eta-painter.toml").write_text(
        'format = 1\nkind = "genai"\nname = "Eta Painter"\norganization = "openai"\n'
        'techniques = ["diffusion"]\noutput_modalities = ["image"]\n'
    )
    (folder / "eta-writer.toml").write_text(
        'format = 1\nkind = "llm"\nname = "Eta Writer"\norganization = "opneai"\n'
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ai.errors.PluginError) as caught:
        ai.installed_taxonomy()
    message = str(caught.value)
    assert "unknown organization 'opneai' (did you mean 'openai'?)" in message
    assert "eta-writer.toml: $.organization" in message
    (folder / "eta-writer.toml").unlink()
    tax = ai.installed_taxonomy()
    assert tax.model("eta-painter").category_id == "genai"
    assert tax.models(technique="diffusion", organization="openai")[-1].id == (
        "eta-painter"
    )
    assert len(tax) == len(ai.default_taxonomy()) + 1


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (
            "def entities():\n    raise RuntimeError('boom')\n",
            "failed: RuntimeError: boom",
        ),
        (
            "def entities():\n    return 42\n",
            "must give entities, a Taxonomy, or a path",
        ),
        ("def entities():\n    return ['x']\n", "gave str 'x', not an entity"),
        ("import does_not_exist\n", "failed: ModuleNotFoundError"),
    ],
)
def test_broken_plugin_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str, message: str
) -> None:
    module = f"broken_{abs(hash(code))}"
    install(tmp_path, "broken-catalog", module, code, f"broken = {module}:entities")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ai.errors.PluginError, match=message) as info:
        ai.installed_taxonomy()
    assert info.value.plugin == f"broken = {module}:entities"
    assert "catalog plugin broken" in str(info.value)


def test_broken_plugin_can_be_skipped_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(
        tmp_path,
        "good-catalog",
        "acme_catalog_b",
        GOOD,
        "acme = acme_catalog_b:entities",
    )
    install(
        tmp_path, "bad-catalog", "bad_catalog", "X = 1\n", "bad = bad_catalog:missing"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.warns(ai.errors.PluginWarning, match="catalog plugin bad"):
        tax = ai.installed_taxonomy(on_error="warn")
    assert "acme-7b" in tax
    assert "bad" not in {e.id for e in tax}


def test_plugins_that_clash_are_reported_with_their_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(
        tmp_path, "one-catalog", "acme_catalog_c", GOOD, "one = acme_catalog_c:entities"
    )
    install(
        tmp_path, "two-catalog", "acme_catalog_d", GOOD, "two = acme_catalog_d:entities"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ai.TaxonomyError) as info:
        ai.installed_taxonomy()
    assert [str(p) for p in info.value.problems] == [
        "duplicate id 'acme' (already used by an organisation) @ plugin two: $[0].id",
        "duplicate id 'acme-7b' (already used by a model) @ plugin two: $[1].id",
    ]


DANGLING = """
import aitaxonomy as ai

def entities():
    return [ai.LLM(id="lost-7b", name="Lost 7B", organization="nobody")]
"""


def test_with_warn_a_plugin_that_breaks_what_came_before_is_left_out_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, code in (("one", GOOD), ("three", DANGLING), ("two", GOOD)):
        module = f"acme_catalog_warn_{name}"
        install(
            tmp_path, f"{name}-catalog", module, code, f"{name} = {module}:entities"
        )
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.warns(ai.errors.PluginWarning) as caught:
        tax = ai.installed_taxonomy(on_error="warn")
    said = sorted(str(w.message) for w in caught)
    assert len(said) == 2
    assert said[0].startswith("catalog plugin three left out: ")
    assert "'nobody'" in said[0]
    assert said[1].startswith("catalog plugin two left out: ")
    assert "duplicate id 'acme'" in said[1]
    # plugin one is in, whole; nothing of two or three is
    assert tax.model("acme-7b").organization == "acme"
    assert tax.get("lost-7b") is None
    assert len(tax) == len(BASE) + 2
    with pytest.raises(ai.TaxonomyError, match="plugin three"):
        ai.installed_taxonomy()  # raise: every problem, named


def test_invalid_plugin_catalog_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = "from pathlib import Path\nCATALOG = Path(__file__).parent / 'c.toml'\n"
    install(
        tmp_path, "typo-catalog", "typo_catalog", code, "typo = typo_catalog:CATALOG"
    )
    (tmp_path / "typo_catalog" / "c.toml").write_text(
        'format = 1\nkind = "lml"\nid = "a"\n'
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(
        ai.errors.PluginError, match=r"(?s)its catalog is invalid:.*unknown kind 'lml'"
    ):
        ai.installed_taxonomy()


def test_no_plugins_gives_the_default() -> None:
    assert ai.installed_taxonomy() == BASE


def test_on_error_is_checked() -> None:
    with pytest.raises(ValueError, match="on_error must be"):
        ai.installed_taxonomy(on_error="ignore")  # type: ignore[arg-type]


def test_nothing_installed_gives_the_base_itself() -> None:
    """With no plugin installed there is nothing to check again: the base comes back."""
    assert not metadata.entry_points(group="aitaxonomy.catalogs"), "a clean environment"
    assert ai.installed_taxonomy() is BASE
    other = BASE.extend(ai.Organization(id="acme", name="Acme"))
    assert ai.installed_taxonomy(base=other) is other
