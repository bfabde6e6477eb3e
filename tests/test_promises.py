"""Promises the code makes in its comments and docstrings, each held to account.

Each of these paths runs only when something goes wrong or a limit is
reached, so the ordinary tests never pass through them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path
from typing import IO, Any, Self

import pytest

import aitaxonomy as ai
from aitaxonomy import _choose
from installed import install

BASE = ai.default_taxonomy()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("failing", ["write", "replace"])
def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "catalog.json"
    target.write_text("the old catalog", encoding="utf-8")
    tax = ai.Taxonomy([ai.Organization(id="acme", name="Acme")])

    if failing == "replace":  # written in full, then the rename fails

        def broken(*_args: object, **_kwargs: object) -> None:
            raise OSError("disk full during replace")

        monkeypatch.setattr(Path, "replace", broken)
    else:  # the disk fills up halfway through the text
        opened = os.fdopen

        class HalfWritten:
            def __init__(self, handle: IO[str]) -> None:
                self.handle = handle

            def __enter__(self) -> Self:
                return self

            def __exit__(self, *_exc: object) -> None:
                self.handle.close()

            def write(self, text: str) -> int:
                self.handle.write(text[: len(text) // 2])
                raise OSError("disk full during write")

        def half(fd: int, *args: Any, **kwargs: Any) -> HalfWritten:
            return HalfWritten(opened(fd, *args, **kwargs))

        monkeypatch.setattr(os, "fdopen", half)
    with pytest.raises(OSError, match="disk full"):
        ai.dump(tax, target)
    assert target.read_text(encoding="utf-8") == "the old catalog"
    assert _leftovers(tmp_path) == []


def test_a_zipped_install_reads_the_packaged_data(tmp_path: Path) -> None:
    """Installed as a zip, the snapshot is read through importlib.resources.

    The TOML files are in the zip too, so the child refuses to parse them:
    the answer can only come from the snapshot.
    """
    package = Path(ai.__file__).parent
    archive = tmp_path / "aitaxonomy.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for path in sorted(package.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                out.write(path, Path("aitaxonomy") / path.relative_to(package))
    code = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(archive)!r})
        import aitaxonomy as ai
        from aitaxonomy import _catalog
        assert ai.__file__.startswith({str(archive)!r}), ai.__file__
        def parsed_toml(folders):
            raise AssertionError("the snapshot was not read")
        _catalog.toml_documents = parsed_toml  # only the snapshot may serve
        tax = ai.default_taxonomy()
        print(len(tax.models()), ai.choose(task="transcribe a podcast").job_type.id)
        """
    )
    done = subprocess.run(  # noqa: S603  # our own interpreter, our own code
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert done.returncode == 0, done.stderr
    count, job = done.stdout.split()
    assert int(count) == len(BASE.models())
    assert job == "speech-recognition"


def test_the_choose_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    tax = ai.Taxonomy(list(BASE))  # a memo of its own
    monkeypatch.setattr(_choose, "_MEMO_LIMIT", 2)
    tasks = [
        "transcribe a podcast",
        "summarise this report",
        "draw a logo",
        "translate this email into German",
        "upscale low-resolution photos",
    ]
    first = [ai.choose(task=t, taxonomy=tax) for t in tasks]
    assert 1 <= len(_choose._MEMOS[tax]) <= 3  # cleared once past the limit
    # what was forgotten is worked out again, equal to the first answer
    assert [ai.choose(task=t, taxonomy=tax) for t in tasks] == first


FAILING_GENERATOR = """
import aitaxonomy as ai

def entities():
    yield ai.Organization(id="halfway", name="Halfway")
    raise RuntimeError("the catalog server is down")
"""


def test_a_plugin_whose_generator_fails_is_named_and_never_half_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = "halfway_catalog"
    install(tmp_path, module, module, FAILING_GENERATOR, f"halfway = {module}:entities")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ai.errors.PluginError, match="halfway") as caught:
        ai.installed_taxonomy()
    assert "RuntimeError: the catalog server is down" in str(caught.value)
    with pytest.warns(ai.errors.PluginWarning, match="the catalog server is down"):
        tax = ai.installed_taxonomy(on_error="warn")
    # the organisation it yielded before failing is not kept either
    assert tax.get("halfway") is None
    assert len(tax) == len(BASE)
