"""Loading catalogs: the packaged default, and documents from files."""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

from ._errors import Problem, TaxonomyError
from ._taxonomy import Taxonomy, check

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ._entities import Entity
    from ._kinds import KindRegistry

__all__ = ["build_taxonomy", "default_taxonomy"]

_DATA_PACKAGE = "aitaxonomy.data"
_lock = threading.Lock()
_default: Taxonomy | None = None


def default_taxonomy() -> Taxonomy:
    """The taxonomy of the article, parsed from the package's data on first call.

    Later calls return the same object; concurrent first calls parse once.

    Example:
        >>> import aitaxonomy as ai
        >>> tax = ai.default_taxonomy()
        >>> tax is ai.default_taxonomy()
        True
        >>> isinstance(tax["gpt-4"], ai.LLM)
        True
    """
    global _default  # noqa: PLW0603  # the one cache, guarded by _lock
    found = _default
    if found is None:
        with _lock:
            found = _default
            if found is None:
                found = _default = _load_packaged("article")
    return found


def _load_packaged(folder: str) -> Taxonomy:
    # Parsers and resource lookup load on first use, not on `import aitaxonomy`.
    import tomllib  # noqa: PLC0415
    from importlib import resources  # noqa: PLC0415

    root = resources.files(_DATA_PACKAGE).joinpath(folder)
    documents = []
    for item in sorted(root.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".toml"):
            with item.open("rb") as handle:
                documents.append((f"{folder}/{item.name}", tomllib.load(handle)))
    return build_taxonomy(documents)


def build_taxonomy(
    documents: Iterable[tuple[str | None, object]], *, kinds: KindRegistry | None = None
) -> Taxonomy:
    """Structure and validate parsed documents into one taxonomy.

    Every problem, in structure or in the invariants, is reported at once with
    the file and the path inside it.

    Raises:
        TaxonomyError: Any document, or the taxonomy they make, is invalid.
    """
    from ._convert import document_to_entities  # noqa: PLC0415  # cattrs, lazily

    entities: list[Entity] = []
    problems: list[Problem] = []
    origins: list[tuple[str | None, str]] = []
    for file, document in documents:
        found, trouble = document_to_entities(document, file=file, kinds=kinds)
        problems.extend(trouble)
        entities.extend(found)
        origins.extend((file, where) for where in entity_paths(document))
    if problems:
        raise TaxonomyError(problems)
    invariant_problems = check(entities, kinds=kinds)
    if invariant_problems:
        raise TaxonomyError(_locate(p, entities, origins) for p in invariant_problems)
    return Taxonomy(entities)


def entity_paths(document: object) -> list[str]:
    """The path of each entry of a valid document, in structuring order."""
    if not isinstance(document, dict):
        return []
    return [
        f"$.{key}[{index}]"
        for key, value in document.items()
        if key != "format" and isinstance(value, list)
        for index in range(len(value))
    ]


_BY_POSITION = re.compile(r"\$\[(\d+)\](.*)")
_BY_ID = re.compile(r"\$\[('(?:[^'\\]|\\.)*')\](.*)")


def _locate(
    problem: Problem,
    entities: list[Entity],
    origins: list[tuple[str | None, str]],
) -> Problem:
    """Rewrite ``$[3]`` or ``$['id']`` paths as ``file: $.models[3]...``."""
    position: int | None = None
    match = _BY_POSITION.fullmatch(problem.path)
    if match is not None:
        position = int(match.group(1))
    else:
        match = _BY_ID.fullmatch(problem.path)
        if match is not None:
            wanted = match.group(1)[1:-1]
            position = next((i for i, e in enumerate(entities) if e.id == wanted), None)
    if match is None or position is None or position >= len(origins):
        return problem
    file, path = origins[position]
    return Problem(problem.message, path + match.group(2), file)
