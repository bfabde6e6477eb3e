"""The taxonomy as JSON-LD that other tools can reuse: RDFS, SKOS, schema.org.

The IRIs are documented in ``docs/linked-data.md`` and stable across
releases: queries written against one export keep working on the next.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import attrs

from ._entities import AIModel, Category, Citation, Entity, Organization
from ._fields import _valid_date, links
from ._kinds import default_kinds

if TYPE_CHECKING:
    from ._taxonomy import Taxonomy

__all__ = ["CATEGORY_SCHEME", "ENTITIES", "VOCABULARY", "jsonld"]

_HOME = "https://aitaxonomy.github.io/"
VOCABULARY = f"{_HOME}ns#"
"""The namespace of aitaxonomy's classes (one per kind) and properties."""
ENTITIES = f"{_HOME}id/"
"""The namespace of entity IRIs: an entity's IRI is this followed by its id."""
CATEGORY_SCHEME = f"{_HOME}categories"
"""The SKOS concept scheme the categories are in."""

_PREFIXES = {
    "aitx": VOCABULARY,
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
# Fields whose meaning a standard term already carries; every other field is
# aitx:<field name>, through @vocab. Keys stay field names, so the document
# still reads as the catalog's data. The fields named like a kind (category,
# organization, a citation's section) must map elsewhere, or one IRI would be
# both a class and a property.
_STANDARD_TERMS = {
    "name": "schema:name",
    "aliases": "schema:alternateName",
    "description": "schema:description",
    "url": "schema:url",
    "organization": "schema:creator",
    "released": "schema:datePublished",
    "category": "schema:category",
    "parent": "skos:broader",
    "section": "schema:citation",
}
# The standard class each branch of kinds sits under, so tools that know only
# schema.org or SKOS still find the nodes.
_STANDARD_CLASSES: tuple[tuple[type[Entity], str], ...] = (
    (AIModel, "schema:SoftwareApplication"),
    (Organization, "schema:Organization"),
    (Category, "skos:Concept"),
)
# xsd types by the length of a date's text: YYYY, YYYY-MM or YYYY-MM-DD.
_DATE_TYPES = {4: "xsd:gYear", 7: "xsd:gYearMonth", 10: "xsd:date"}


def _ref(entity_id: str) -> dict[str, str]:
    # Relative to @base, which is ENTITIES; ids hold no ':' so none reads as
    # an absolute IRI.
    return {"@id": entity_id}


def _dated(text: str) -> dict[str, str]:
    return {"@value": text, "@type": _DATE_TYPES[len(text)]}


def _web_address(text: object) -> bool:
    if not isinstance(text, str) or any(c.isspace() for c in text):
        return False
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@functools.cache
def _dates(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in attrs.fields(cls) if f.validator is _valid_date)


def _values(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """*data* (fields of an instance of *cls*) with links as IRIs and dates typed.

    Numbers and booleans stay JSON's, which JSON-LD reads as ``xsd:integer``
    and ``xsd:boolean``.
    """
    declared = {k.field for k in links(cls)}
    dates = _dates(cls)
    out: dict[str, Any] = {}
    for name, value in data.items():
        if value is None:
            continue
        if name in declared:
            out[name] = (
                [_ref(v) for v in value] if isinstance(value, list) else _ref(value)
            )
        elif name in dates:
            out[name] = _dated(value)
        elif name == "provenance":
            out[name] = [_values(Citation, c) for c in value]
        elif name == "url" and _web_address(value):
            out[name] = {"@id": value}
        else:
            out[name] = value
    return out


def _add_defaults(entity: Entity, data: dict[str, Any]) -> None:
    """Add to *data* the defaults that state facts, which the catalog leaves out.

    A triple store has no class defaults to fall back on: without them an LLM
    would have no output modality and a model no category. Unset numbers,
    text and empty lists say nothing, so they stay out.
    """
    for field in attrs.fields(type(entity)):
        if field.name in data:
            continue
        value = getattr(entity, field.name)
        if isinstance(value, bool):
            data[field.name] = value
        elif isinstance(value, frozenset) and value:
            data[field.name] = sorted(map(str, value))
    for declared in links(type(entity)):
        if declared.default_from is not None and declared.field not in data:
            # The id the link takes when unset (a model's own category).
            data[declared.field] = next(iter(declared.ids(entity)), None)


def _kind_names() -> dict[type[Entity], str]:
    registry = default_kinds()
    return {registry.cls(name): name for name in registry.names()}


def _standard(cls: type[Entity]) -> str | None:
    return next((s for base, s in _STANDARD_CLASSES if issubclass(cls, base)), None)


def _classes(cls: type[Entity], kinds: dict[type[Entity], str]) -> list[str]:
    """Every class a node of *cls* is in: its kind, the kinds above, the standard one.

    All of them, so ``?m a aitx:genai`` finds LLMs without RDFS inference.
    """
    found = [f"aitx:{kinds[c]}" for c in cls.__mro__ if c in kinds]
    standard = _standard(cls)
    return found if standard is None else [*found, standard]


def _class_node(cls: type[Entity], kinds: dict[type[Entity], str]) -> dict[str, Any]:
    """The RDFS class of a kind, under the nearest registered kind it extends."""
    above = next(
        (f"aitx:{kinds[c]}" for c in cls.__mro__[1:] if c in kinds), _standard(cls)
    )
    node: dict[str, Any] = {
        "@id": f"aitx:{kinds[cls]}",
        "@type": "rdfs:Class",
        "rdfs:label": kinds[cls],
    }
    summary = (vars(cls).get("__doc__") or "").strip().split("\n", 1)[0]
    if summary:
        node["rdfs:comment"] = summary
    if above is not None:
        node["rdfs:subClassOf"] = {"@id": above}
    return node


def _concept(category: Category, node: dict[str, Any]) -> None:
    """Add the SKOS labels and scheme to a category's node (``parent`` is broader)."""
    node["skos:prefLabel"] = category.name
    if category.aliases:
        node["skos:altLabel"] = list(category.aliases)
    node["skos:inScheme"] = {"@id": CATEGORY_SCHEME}
    if category.parent is None:
        node["skos:topConceptOf"] = {"@id": CATEGORY_SCHEME}


def jsonld(taxonomy: Taxonomy) -> str:
    """The taxonomy as one JSON-LD document with an inline context."""
    from ._convert import entity_to_data  # noqa: PLC0415  # it loads cattrs

    kinds = _kind_names()
    entities: list[dict[str, Any]] = []
    used: dict[type[Entity], None] = {}
    roots: list[dict[str, str]] = []
    for entity in taxonomy:
        cls = type(entity)
        used.update(dict.fromkeys(c for c in cls.__mro__ if c in kinds))
        data: dict[str, Any] = entity_to_data(entity)
        del data["kind"], data["id"]
        _add_defaults(entity, data)
        node = {"@id": entity.id, "@type": _classes(cls, kinds), **_values(cls, data)}
        if isinstance(entity, Category):
            _concept(entity, node)
            if entity.parent is None:
                roots.append(_ref(entity.id))
        entities.append(node)
    vocabulary = [_class_node(cls, kinds) for cls in kinds if cls in used]
    scheme = (
        [
            {
                "@id": CATEGORY_SCHEME,
                "@type": "skos:ConceptScheme",
                "skos:prefLabel": "aitaxonomy categories",
                "skos:hasTopConcept": roots,
            }
        ]
        if roots
        else []
    )
    document = {
        "@context": {
            "@base": ENTITIES,
            "@vocab": VOCABULARY,
            **_PREFIXES,
            **_STANDARD_TERMS,
        },
        "@graph": [*vocabulary, *scheme, *entities],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
