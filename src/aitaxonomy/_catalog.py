"""Loading catalogs: the packaged default, and documents from files."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from ._errors import Problem, TaxonomyError
from ._taxonomy import Taxonomy, assemble

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
    from ._convert import document_to_entities, entity_paths  # noqa: PLC0415

    entities: list[Entity] = []
    problems: list[Problem] = []
    origins: list[tuple[str | None, str] | None] = []
    for file, document in documents:
        found, trouble = document_to_entities(document, file=file, kinds=kinds)
        problems.extend(trouble)
        entities.extend(found)
        origins.extend((file, where) for where in entity_paths(document))
    if problems:
        raise TaxonomyError(problems)
    return assemble(entities, origins, kinds=kinds)
