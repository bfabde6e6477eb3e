"""A typed, extensible taxonomy of generative AI, and a chooser that explains itself.

Generative AI (:class:`GenAI`) is the parent category; a large language model
(:class:`LLM`) is its text-only subset; :class:`AIModel` is the root for any
model, generative or not. Techniques, use cases, organisations and the
article's example products are linked entities in a :class:`Taxonomy`.

Example:
    >>> import aitaxonomy as ai
    >>> tax = ai.default_taxonomy()
    >>> isinstance(tax["gpt-4"], ai.GenAI)
    True
    >>> issubclass(ai.LLM, ai.GenAI)
    True
"""

from typing import TYPE_CHECKING, Any

from . import errors
from ._catalog import article_taxonomy, default_taxonomy
from ._entities import (
    LLM,
    AIModel,
    Category,
    Citation,
    Entity,
    GenAI,
    JobType,
    Organization,
    Section,
    Technique,
    Trend,
    UseCase,
)
from ._fields import Link, link, links
from ._kinds import register_kind
from ._modality import Modality
from ._taxonomy import Comparison, Taxonomy
from ._version import __version__
from .errors import AITaxonomyError, Problem, TaxonomyError

if TYPE_CHECKING:
    from ._choose import (
        Candidate,
        Reason,
        Recommendation,
        Rejection,
        Step,
        choose,
    )
    from ._export import Edge, edges, export
    from ._files import Limits, dump, dumps, load, loads
    from ._plugins import installed_taxonomy
    from ._rules import Rule, rules
    from ._schema import json_schema

# Names whose modules load on first use: choosing, files, plugins, the schema
# and exports pull in cattrs, tomllib and more, which `import aitaxonomy` should
# not pay for (the benchmarks hold it near `import attrs, cattrs`).
_LAZY = {
    "._choose": (
        "Candidate",
        "Reason",
        "Recommendation",
        "Rejection",
        "Step",
        "choose",
    ),
    "._rules": ("Rule", "rules"),
    "._export": ("Edge", "edges", "export"),
    "._files": ("Limits", "dump", "dumps", "load", "loads"),
    "._plugins": ("installed_taxonomy",),
    "._schema": ("json_schema",),
}
_LAZY_NAMES = {name: module for module, names in _LAZY.items() for name in names}


def __getattr__(name: str) -> Any:
    module_name = _LAZY_NAMES.get(name)
    if module_name is None:
        raise AttributeError(f"module 'aitaxonomy' has no attribute {name!r}")
    import importlib  # noqa: PLC0415

    value = getattr(importlib.import_module(module_name, __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


# The curated top level: the entities, the taxonomy, choose() and what it
# returns, files and exports, and the three errors most code catches. Every
# error class lives in aitaxonomy.errors; tests/test_api.py holds this list,
# the lazy table, dir() and docs/api.md to one another.


__all__ = [
    "LLM",
    "AIModel",
    "AITaxonomyError",
    "Candidate",
    "Category",
    "Citation",
    "Comparison",
    "Edge",
    "Entity",
    "GenAI",
    "JobType",
    "Limits",
    "Link",
    "Modality",
    "Organization",
    "Problem",
    "Reason",
    "Recommendation",
    "Rejection",
    "Rule",
    "Section",
    "Step",
    "Taxonomy",
    "TaxonomyError",
    "Technique",
    "Trend",
    "UseCase",
    "__version__",
    "article_taxonomy",
    "choose",
    "default_taxonomy",
    "dump",
    "dumps",
    "edges",
    "errors",
    "export",
    "installed_taxonomy",
    "json_schema",
    "link",
    "links",
    "load",
    "loads",
    "register_kind",
    "rules",
]
