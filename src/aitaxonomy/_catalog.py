"""The packaged taxonomies: the default catalog and the article alone, read once."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from ._load import Document, build
from .errors import Problem, TaxonomyError

if TYPE_CHECKING:
    from collections.abc import Iterator
    from importlib.resources.abc import Traversable

    from ._taxonomy import Taxonomy

__all__ = ["article_taxonomy", "default_taxonomy", "toml_documents"]

_DATA_PACKAGE = "aitaxonomy.data"
REVISIONS = "catalog/current/"
"""Entries that describe an article entity as it is now, replacing the article's.

The article's examples are described there as the article and their launch
saw them (ChatGPT on GPT-4 and DALL·E); the default taxonomy describes them
on its ``as_of`` date, so these files take their place in it, same id and
kind, keeping the article's citations beside the current ones.
"""
SNAPSHOT = "snapshot.json"
"""The JSON snapshot of every packaged TOML file, read instead of them."""

_lock = threading.Lock()
_cache: dict[str, Taxonomy] = {}
_snapshot_allowed = True


def ignore_snapshot() -> None:
    """Parse the packaged TOML files from now on, not the snapshot made of them.

    For ``scripts/regenerate.py``, which writes the snapshot and the docs
    from the TOML files and must not read the snapshot it is replacing.
    """
    global _snapshot_allowed  # noqa: PLW0603
    with _lock:
        _snapshot_allowed = False
        _cache.clear()


def default_taxonomy() -> Taxonomy:
    """The packaged taxonomy: the article's, plus the real-world catalog.

    Parsed from the package's data on first call; later calls return the same
    object, and concurrent first calls parse once. The article's own examples
    stay marked as such (:meth:`~aitaxonomy.Taxonomy.article_examples`).

    Example:
        >>> import aitaxonomy as ai
        >>> tax = ai.default_taxonomy()
        >>> tax is ai.default_taxonomy()
        True
        >>> isinstance(tax["gpt-4"], ai.LLM)
        True
    """
    return _cached("default", ("jobs", "article", "catalog"))


def article_taxonomy() -> Taxonomy:
    """The article's taxonomy alone: its categories, techniques, use cases and examples.

    Example:
        >>> import aitaxonomy as ai
        >>> len(ai.article_taxonomy().of_type(ai.AIModel))
        13
    """
    return _cached("article", ("jobs", "article"))


def _cached(name: str, folders: tuple[str, ...]) -> Taxonomy:
    found = _cache.get(name)
    if found is None:
        with _lock:
            found = _cache.get(name)
            if found is None:
                from ._gc import gc_paused  # noqa: PLC0415

                with gc_paused():  # parsing makes many small, acyclic objects
                    documents = revised(_packaged_documents(folders))
                found = _cache[name] = build(Document(f, d) for f, d in documents)
    return found


def _packaged_documents(folders: tuple[str, ...]) -> list[tuple[str | None, object]]:
    """Parsed documents of the packaged *folders*, from the snapshot if there is one."""
    import json  # noqa: PLC0415  # parsers load on first use, not on import

    data = _snapshot_bytes() if _snapshot_allowed else None
    if data is not None:
        sources = json.loads(data)["sources"]
        return [
            (source["file"], source["document"])
            for source in sources
            if source["file"].split("/", 1)[0] in folders
        ]
    return toml_documents(folders)


def revised(
    documents: list[tuple[str | None, object]],
) -> list[tuple[str | None, object]]:
    """*documents*, with each revision in place of the article entry it revises.

    A revision is a one-entity file under :data:`REVISIONS`. The article
    entry of the same id leaves its group, and the revision loads as the
    file it is, so that problems point at the file that has them.

    Raises:
        TaxonomyError: A revision revises no article entry, or one of
            another kind.
    """
    revisions = {
        document["id"]: (file, document)
        for file, document in documents
        if file is not None
        and file.startswith(REVISIONS)
        and isinstance(document, dict)
        and "id" in document
    }
    if not revisions:
        return documents
    kinds: dict[str, object] = {}  # the kind of each revised article entry

    def kept(group: list[object]) -> list[object]:
        out = []
        for entry in group:
            if isinstance(entry, dict) and entry.get("id") in revisions:
                kinds[entry["id"]] = entry.get("kind")
            else:
                out.append(entry)
        return out

    result = [
        (file, {k: kept(v) if isinstance(v, list) else v for k, v in document.items()})
        if isinstance(document, dict) and (file or "").startswith("article/")
        else (file, document)
        for file, document in documents
    ]
    problems = []
    for key, (file, document) in revisions.items():
        kind = document.get("kind")
        if key not in kinds:
            problems.append(Problem(f"{key!r} revises no article entry", "$.id", file))
        elif kinds[key] != kind:
            message = f"{key!r} is {kinds[key]!r} in the article, not {kind!r}"
            problems.append(Problem(message, "$.kind", file))
    if problems:
        raise TaxonomyError(problems)
    return result


def _snapshot_bytes() -> bytes | None:
    """The snapshot, read beside this module, or through importlib.resources.

    Reading the file beside this module is the common case (installed as files)
    and much cheaper than importlib.resources, kept for zipped installs.
    """
    import os  # noqa: PLC0415

    path = os.path.join(os.path.dirname(__file__), "data", SNAPSHOT)  # noqa: PTH118, PTH120
    try:
        with open(path, "rb") as handle:  # noqa: PTH123
            return handle.read()
    except OSError:
        pass
    from importlib import resources  # noqa: PLC0415

    snapshot = resources.files(_DATA_PACKAGE).joinpath(SNAPSHOT)
    return snapshot.read_bytes() if snapshot.is_file() else None


def toml_documents(folders: tuple[str, ...]) -> list[tuple[str | None, object]]:
    """Parse the packaged TOML files of *folders*, in a stable order."""
    import tomllib  # noqa: PLC0415
    from importlib import resources  # noqa: PLC0415

    root = resources.files(_DATA_PACKAGE)
    documents: list[tuple[str | None, object]] = []
    for folder in folders:
        for name, item in sorted(_walk(root.joinpath(folder), folder)):
            with item.open("rb") as handle:
                documents.append((name, tomllib.load(handle)))
    return documents


def _walk(node: Traversable, prefix: str) -> Iterator[tuple[str, Traversable]]:
    if not node.is_dir():
        return
    for item in node.iterdir():
        name = f"{prefix}/{item.name}"
        if item.is_dir():
            yield from _walk(item, name)
        elif item.name.endswith(".toml"):
            yield name, item
