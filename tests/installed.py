"""Fake installed distributions for the plugin tests, laid out the way pip does."""

from __future__ import annotations

import importlib
import sys
import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def install(root: Path, dist: str, module: str, code: str, entry: str) -> None:
    """Put package *module* (source *code*) and its dist-info under *root*.

    *entry* is one line of the ``aitaxonomy.catalogs`` entry-point group,
    such as ``"acme = acme_catalog:entities"``; put *root* on ``sys.path``
    for :func:`importlib.metadata.entry_points` to find it.
    """
    # A run before this one, in this process, imported its own *module*, from
    # a folder since gone: import this one instead.
    sys.modules.pop(module, None)
    importlib.invalidate_caches()
    package = root / module
    package.mkdir()
    (package / "__init__.py").write_text(textwrap.dedent(code))
    info = root / f"{dist}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n"
    )
    (info / "entry_points.txt").write_text(f"[aitaxonomy.catalogs]\n{entry}\n")
    (info / "RECORD").write_text("")
