"""Catalogs contributed by installed packages, through entry points."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ._catalog import default_taxonomy
from ._entities import Entity
from ._errors import shown
from ._files import check_base, checked_limits, load
from ._load import Document, build
from .errors import InvalidArgumentError, PluginError, PluginWarning, TaxonomyError

if TYPE_CHECKING:
    from importlib import metadata

    from ._files import Limits
    from ._taxonomy import Taxonomy

__all__ = ["ENTRY_POINT_GROUP", "installed_taxonomy"]

ENTRY_POINT_GROUP = "aitaxonomy.catalogs"
"""The entry-point group a package names its catalogs in."""


def _produce(entry: metadata.EntryPoint) -> object:
    target = entry.load()
    return target() if callable(target) else target


def _entities_of(
    entry: metadata.EntryPoint, limits: Limits | None, base: Taxonomy
) -> list[Entity]:
    """What one plugin contributes, or :class:`PluginError` naming it.

    Catalog files a plugin points at are read over *base*, as a user's files
    are with ``load(path, base=...)``: they may refer to its categories,
    techniques and organisations.
    """
    label = f"{entry.name} = {entry.value}"
    try:
        produced = _produce(entry)
        if isinstance(produced, str | os.PathLike):
            loaded = load(Path(produced), base=base, limits=limits)
            produced = list(loaded)[len(base) :]  # base first, then the files
    except TaxonomyError as exc:
        raise PluginError(label, f"its catalog is invalid:\n  {exc}") from exc
    except Exception as exc:  # a plugin's own failure, whatever it is
        raise PluginError(label, f"failed: {type(exc).__name__}: {exc}") from exc
    if not isinstance(produced, Iterable) or isinstance(produced, str | bytes):
        raise PluginError(
            label,
            "must give entities, a Taxonomy, or a path to catalog files, "
            f"not {type(produced).__name__}",
        )
    try:
        items = list(produced)
    except Exception as exc:  # a failing generator is the plugin's failure too
        raise PluginError(label, f"failed: {type(exc).__name__}: {exc}") from exc
    strangers = [item for item in items if not isinstance(item, Entity)]
    if strangers:
        raise PluginError(
            label, f"gave {type(strangers[0]).__name__} {strangers[0]!r}, not an entity"
        )
    return items


def installed_taxonomy(
    *,
    on_error: Literal["raise", "warn"] = "raise",
    base: Taxonomy | None = None,
    limits: Limits | None = None,
) -> Taxonomy:
    """The default taxonomy plus every installed plugin's catalog, validated.

    A package contributes a catalog by naming, in the ``aitaxonomy.catalogs``
    entry-point group, a callable that returns entities (or a ``Taxonomy``, or
    a path to catalog files), or a path-like object itself; catalog files are
    read over *base*, so they may refer to its entities::

        [project.entry-points."aitaxonomy.catalogs"]
        acme = "acme_models.catalog:entities"

    :func:`~aitaxonomy.default_taxonomy` never includes plugins; this does,
    all of them or none of a plugin.

    Args:
        on_error: ``"raise"`` stops at a broken plugin with
            :class:`PluginError`; ``"warn"`` skips it whole with a
            :class:`PluginWarning` naming it and loads the rest. A plugin
            is broken when it cannot be loaded, and, with ``"warn"``, when
            its entities break an invariant of what came before them (the
            base and the plugins before it, by name).
        base: What the plugins extend; the default taxonomy when omitted.
        limits: Limits for the catalog files plugins name (:class:`Limits`
            by default) and for the number of entities in the whole (none
            by default). With ``"warn"``, a plugin that goes past
            ``max_entities`` is left out.

    Raises:
        InvalidArgumentError: *on_error* is neither ``"raise"`` nor ``"warn"``.
        ArgumentTypeError: *base* is not a taxonomy, or *limits* not
            :class:`Limits`.
        PluginError: A plugin could not be loaded (with ``on_error="raise"``).
        TaxonomyError: The plugins' entities together break an invariant
            (with ``on_error="raise"``); each problem names the plugin it
            came from.
    """
    if on_error not in ("raise", "warn"):
        raise InvalidArgumentError(
            f"on_error must be 'raise' or 'warn', not {shown(on_error)}"
        )
    from importlib import metadata  # noqa: PLC0415  # slow to import; needed here only

    check_base(base)
    if limits is not None:
        checked_limits(limits)
    start = default_taxonomy() if base is None else base
    # each plugin is a document of entities, pointed at as `plugin NAME: $[i]`
    documents: list[Document] = []
    accepted = start
    for entry in sorted(
        metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name
    ):
        try:
            found = _entities_of(entry, limits, start)
        except PluginError as exc:
            if on_error == "raise":
                raise
            warnings.warn(str(exc), PluginWarning, stacklevel=2)
            continue
        document = Document(f"plugin {entry.name}", entities=found)
        if on_error == "warn":
            # one bad catalog must not take the others down: each is checked
            # against what came before it, and left out whole if it breaks it
            try:
                accepted = build([*documents, document], base=start, limits=limits)
            except TaxonomyError as exc:
                warnings.warn(
                    f"catalog plugin {entry.name} left out: {exc}",
                    PluginWarning,
                    stacklevel=2,
                )
                continue
        documents.append(document)
    if not any(d.entities for d in documents):  # the base is valid as it is
        return start
    if on_error == "warn":
        return accepted
    return build(documents, base=start, limits=limits)
