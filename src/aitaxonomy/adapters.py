"""Read the catalogs people already use into aitaxonomy entities.

Each adapter is a pure function from the parsed JSON a catalog publishes to an
:class:`AdapterResult`: every source entry ends up either among
:attr:`~AdapterResult.entities`, classified into the taxonomy (an LLM when it
outputs text only, GenAI for other generators, :class:`~aitaxonomy.AIModel`
for embedding, rerank, moderation and other non-generative entries), or among
:attr:`~AdapterResult.skipped` with the reason. Nothing is guessed: a value the
mapping does not know skips the entry and says which value.

Imported ids are namespaced by source (``litellm/azure/gpt-4o``), lowercased,
with characters outside the id syntax (``:``, ``@``, spaces) turned into
``-``; the original key is kept as an alias, so ``taxonomy.get(key)`` finds
it. :meth:`AdapterResult.taxonomy` extends the default taxonomy with it,
folding imported models the catalog already holds into them::

    import json, aitaxonomy as ai
    from aitaxonomy.adapters import from_litellm

    result = from_litellm(json.load(open("model_prices_and_context_window.json")))
    tax = result.taxonomy(ai.default_taxonomy())

The mappings live in the package's ``vocabulary.toml`` and are documented as
tables generated from the same data.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from ._data import packaged
from ._entities import (
    LLM,
    AIModel,
    Category,
    Citation,
    GenAI,
    JobType,
    Organization,
    Section,
)
from ._errors import shown, suggest
from ._fields import _DATE, normalise_id
from ._modality import Modality
from ._taxonomy import Taxonomy
from .errors import AdapterError, AITaxonomyError, ArgumentTypeError, UnknownIdError

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = [
    "AdapterError",
    "AdapterResult",
    "PipelineTag",
    "from_litellm",
    "from_models_dev",
    "from_openrouter",
    "pipeline_tag",
    "pipeline_tags",
    "vocabulary",
]


@attrs.frozen
class AdapterResult:
    """What an adapter mapped, and what it did not.

    Attributes:
        entities: The mapped models, ready for ``Taxonomy.extend``.
        skipped: ``(source key, reason)`` for each entry not mapped.
        notes: ``(source key, message)`` for fields left out of a mapped entry
            (an unreadable release date, say).
    """

    entities: tuple[AIModel, ...]
    skipped: tuple[tuple[str, str], ...]
    notes: tuple[tuple[str, str], ...] = ()

    def taxonomy(self, base: Taxonomy | None = None) -> Taxonomy:
        """The models as a validated taxonomy: over *base*, or standing alone.

        Over a base, an imported model that a base model already claims (its
        :attr:`~aitaxonomy.AIModel.sources` name the same catalog id: the
        curated ``gpt-4o`` is LiteLLM's ``gpt-4o``) is not added again: the
        facts it brings that the base model lacks (context window, prices,
        capabilities...) are folded into that model, with the import's
        citation, so :meth:`~aitaxonomy.Taxonomy.by_source` stays unambiguous.

        Alone, it holds what its models need from the packaged taxonomy: the
        categories they sit in (without the article's example models), the
        job types they are found by, the organisations they name and the
        article sections those cite. Over *base* (usually
        :func:`~aitaxonomy.default_taxonomy`), the organisations *base* lacks
        are added with the models.

        Example:
            >>> from aitaxonomy import adapters
            >>> result = adapters.from_litellm(
            ...     {"whisper-1": {"mode": "audio_transcription"}})
            >>> [m.id for m in result.taxonomy().models(job_type="speech-recognition")]
            ['litellm/whisper-1']
        """
        from ._catalog import default_taxonomy  # noqa: PLC0415  # it loads the data

        packaged = default_taxonomy()
        named = {m.organization for m in self.entities if m.organization}
        if base is None:
            needed = [
                # the article's example models are not here to point at
                attrs.evolve(e, examples=(), feature_examples=())
                if isinstance(e, Category)
                else e
                for e in packaged
                if isinstance(e, Category | JobType | Section)
                or (isinstance(e, Organization) and e.id in named)
            ]
            return Taxonomy([*needed, *self.entities])
        missing = [packaged[o] for o in sorted(named) if o not in base]
        folded, new = _fold(base, self.entities)
        return base.extend(*missing, *folded, *new, replace=bool(folded))

    def to_dict(self) -> dict[str, Any]:
        """What was mapped and left out, as JSON-ready data (``import --json``).

        Example:
            >>> from aitaxonomy import adapters
            >>> adapters.from_litellm({"sample_spec": {}}).to_dict()["skipped"]
            [{'key': 'sample_spec', 'reason': 'documentation of the format, not a model'}]
        """  # noqa: E501
        return {
            "counts": self.counts(),
            "skipped": [{"key": k, "reason": r} for k, r in self.skipped],
            "notes": [{"key": k, "message": m} for k, m in self.notes],
        }

    def counts(self) -> dict[str, int]:
        """How many entities of each kind were mapped, and how many skipped.

        Example:
            >>> from aitaxonomy.adapters import from_openrouter
            >>> from_openrouter({"data": []}).counts()
            {'skipped': 0}
        """
        kinds = Counter(type(e).KIND for e in self.entities)
        return {**dict(sorted(kinds.items())), "skipped": len(self.skipped)}


def vocabulary() -> Mapping[str, Any]:
    """The mapping data (``vocabulary.toml``), parsed once, read-only."""
    found: Mapping[str, Any] = packaged("vocabulary.toml")
    return found


# -- shared pieces -------------------------------------------------------------

# The facts an import may add to a model the base already holds.
_FACTS = (
    "context_window",
    "max_output",
    "input_price",
    "output_price",
    "image_price",
    "capabilities",
    "knowledge_cutoff",
    "released",
    "open_weights",
)


def _fold(
    base: Taxonomy, imported: tuple[AIModel, ...]
) -> tuple[list[AIModel], list[AIModel]]:
    """Split *imported* into base models with its facts folded in, and new models."""
    claims = {
        pair: model
        for model in base.of_type(AIModel)
        if model.sources
        for pair in model.sources.items()
    }
    folded: dict[str, AIModel] = {}
    new: list[AIModel] = []
    for model in imported:
        owner = next((claims[p] for p in model.sources.items() if p in claims), None)
        if owner is None:
            new.append(model)
            continue
        current = folded.get(owner.id, owner)
        facts = {
            name: getattr(model, name)
            for name in _FACTS
            if getattr(current, name) in (None, ())
            and getattr(model, name) not in (None, ())
        }
        cites = (
            tuple(attrs.evolve(c, covers=tuple(facts)) for c in model.provenance)
            if facts
            else ()
        )
        folded[owner.id] = attrs.evolve(
            current,
            sources={**model.sources, **current.sources},
            provenance=(*current.provenance, *cites),
            **facts,
        )
    return list(folded.values()), new


class _Skip(Exception):  # noqa: N818  # a control-flow signal with a reason
    """An entry cannot be mapped; the message is the reason."""


def _slug(source: str, key: str) -> str:
    slug = normalise_id(key)
    if not slug:
        raise _Skip(f"key {key!r} has no letters or digits to make an id from")
    return f"{source}/{slug}"


def _map_values(values: object, table: Mapping[str, Any], field: str) -> set[str]:
    if not isinstance(values, list):
        raise _Skip(f"{field} is {type(values).__name__}, not a list")
    found = set()
    for value in values:
        if not isinstance(value, str) or value.lower() not in table:
            raise _Skip(f"unknown value {value!r} in {field}")
        found.add(table[value.lower()])
    return found


def _classify(
    inputs: set[str], outputs: set[str], *, generative: bool
) -> type[AIModel]:
    if not generative or not outputs or "embedding" in outputs:
        return AIModel
    if outputs == {"text"} and "text" in inputs:
        return LLM
    return GenAI


def _policy(
    inputs: set[str], outputs: set[str], words: str, *, generative: bool
) -> tuple[set[str], set[str], bool]:
    """What a model does, by one policy for every source (``[policy]``).

    Returns its inputs, outputs and whether it is generative, after the
    source's own mapping: a source that calls a reranker a chat model, or
    a voice "audio", still gives the model the job types say it has.
    """
    markers = vocabulary()["policy"]

    def said(rule: str) -> bool:
        return any(m in words for m in markers[rule])

    hears = bool(inputs & {"audio", "speech"})
    if said("rerank"):
        return inputs, {"ranking"}, False
    if said("embedding") and outputs <= {"text", "embedding"}:
        return inputs, {"embedding"}, False
    if said("moderation"):
        return inputs, {"label"}, False
    if (
        hears
        and outputs == {"text"}
        and (inputs <= {"audio", "speech"} or said("transcription"))
    ):
        return {"speech" if m == "audio" else m for m in inputs}, {"text"}, False
    if outputs in ({"audio"}, {"speech"}) and generative:
        return inputs, {"music" if said("music") else "speech"}, True
    return inputs, outputs, generative


def _released(value: object, key: str, notes: list[tuple[str, str]]) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and _DATE.fullmatch(value.strip()):
        if value.strip()[:4] < _EARLIEST_RELEASE:
            # 1970-01-01, the Unix epoch, stands in for "unknown" in models.dev
            notes.append((key, f"release date {value!r} is a placeholder, dropped"))
            return None
        return value.strip()
    notes.append((key, f"release date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD"))
    return None


def _cutoff(value: object) -> str | None:
    """A knowledge cutoff written as a date; anything else is no cutoff."""
    if isinstance(value, str) and _DATE.fullmatch(value.strip()):
        return value.strip()
    return None


_EARLIEST_RELEASE = "1990"
"""No model in these catalogs is older: an earlier date is a placeholder."""


def _count(value: object) -> int | None:
    """A positive whole number (a token limit), or ``None`` for anything else."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        return None
    return value


def _usd(value: object, scale: float = 1.0) -> float | None:
    """A price in US dollars times *scale*, from a number or a numeric string.

    OpenRouter writes prices as strings (``"0.0000025"``); LiteLLM and
    OpenRouter price per token, which *scale* turns into per million tokens.
    Negative prices (OpenRouter's ``"-1"`` for "varies") are no price.
    """
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or value < 0:
        return None
    return round(value * scale, 6)


def _table(value: object) -> Mapping[str, object]:
    """A JSON object, or an empty one for anything else (a missing block)."""
    return value if isinstance(value, dict) else {}


def _capabilities(*found: tuple[str, object]) -> tuple[str, ...]:
    """The capabilities whose flag is ``True``, in the library's order."""
    return tuple(name for name, flag in found if flag is True)


_PER_MILLION = 1_000_000


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


class _Collector:
    """Builds entities one entry at a time; every entry lands in one list."""

    def __init__(self, source: str, as_of: str | dt.date | None, url: str) -> None:
        self.source = source
        self.entities: list[AIModel] = []
        self.skipped: list[tuple[str, str]] = []
        self.notes: list[tuple[str, str]] = []
        self._ids: dict[str, str] = {}
        day = as_of.isoformat() if isinstance(as_of, dt.date) else as_of
        self._citation = (
            (Citation(url=url, as_of=day, note=f"imported from {source}"),)
            if day
            else ()
        )

    def add(
        self,
        key: str,
        build: Callable[[], dict[str, Any]],
        *,
        model_key: str | None = None,
        variants: tuple[str, ...] = (),
    ) -> None:
        """Map one entry; *model_key* names the model when *key* is a variant.

        *variants* are the other keys of the same model: they become its
        aliases, each with a note (or are skipped with it, if it fails).
        """
        try:
            entity = self._build(key, build, model_key or key, variants)
        except _Skip as exc:
            self.skipped.append((key, str(exc)))
            self.skipped.extend((v, f"a variant of {key!r}: {exc}") for v in variants)
            return
        except AITaxonomyError as exc:
            self.skipped.append((key, f"invalid: {exc}"))
            self.skipped.extend((v, f"a variant of invalid {key!r}") for v in variants)
            return
        self._ids[entity.id] = key
        self.entities.append(entity)
        self.notes.extend(
            (v, f"a variant of {entity.id!r}, folded into it as an alias")
            for v in variants
        )

    def _build(
        self,
        key: str,
        build: Callable[[], dict[str, Any]],
        model_key: str,
        variants: tuple[str, ...],
    ) -> AIModel:
        fields = build()
        entity_id = _slug(self.source, model_key)
        if entity_id in self._ids:
            raise _Skip(f"its id {entity_id!r} is taken by {self._ids[entity_id]!r}")
        words = " ".join(
            [key, str(fields.get("name") or ""), str(fields.pop("family", None) or "")]
        ).lower()
        inputs, outputs, generative = _policy(
            fields.pop("input_modalities"),
            fields.pop("output_modalities"),
            words,
            generative=fields.pop("generative"),
        )
        cls = _classify(inputs, outputs, generative=generative)
        return cls(
            input_modalities=inputs,
            output_modalities=outputs,
            id=entity_id,
            name=_text(fields.pop("name", None)) or model_key,
            aliases=tuple(dict.fromkeys((model_key, key, *variants))),
            provenance=self._citation,
            **fields,
        )

    def result(self) -> AdapterResult:
        return AdapterResult(
            tuple(self.entities), tuple(self.skipped), tuple(self.notes)
        )


# The sources by the name the CLI takes, with how each is named in messages.
_SOURCES = {
    "litellm": ("LiteLLM's model map", "from_litellm"),
    "models-dev": ("models.dev's api.json", "from_models_dev"),
    "openrouter": ("OpenRouter's /models response", "from_openrouter"),
}


def _source_of(data: object) -> str | None:
    """Which source's file *data* is, by shape alone; ``None`` when it cannot tell.

    Only signs no other source's file shows count: OpenRouter's ``data``
    list, models.dev's provider records (``models`` beside ``npm`` or
    ``env``), LiteLLM's ``sample_spec`` or ``litellm_provider``.
    """
    if isinstance(data, dict) and isinstance(data.get("data"), list):
        return "openrouter"
    if not isinstance(data, dict) or not data:
        return None
    records = [v for v in data.values() if isinstance(v, dict)]
    if len(records) * 2 <= len(data):
        return None
    if "sample_spec" in data or sum("litellm_provider" in r for r in records) * 2 > len(
        records
    ):
        return "litellm"
    providers = sum(
        isinstance(r.get("models"), dict) and ("npm" in r or "env" in r)
        for r in records
    )
    return "models-dev" if providers * 2 > len(records) else None


def _expect(data: object, source: str) -> None:
    """Refuse another source's file, naming it and the adapter that reads it."""
    found = _source_of(data)
    if found is not None and found != source:
        (theirs, reader), (ours, _) = _SOURCES[found], _SOURCES[source]
        raise AdapterError(
            f"this is {theirs}, not {ours}: read it with {reader}() "
            f"(aitaxonomy import {found})"
        )


# -- LiteLLM -------------------------------------------------------------------


def from_litellm(data: object, *, as_of: str | dt.date | None = None) -> AdapterResult:
    """Map LiteLLM's ``model_prices_and_context_window.json`` to entities.

    ``mode`` decides the kind and default modalities (``chat`` -> generator
    of text, ``embedding`` -> an AIModel producing embeddings, ...);
    ``supported_modalities``, ``supported_output_modalities`` and the
    ``supports_vision``, ``supports_audio_input``, ``supports_audio_output``
    and ``supports_pdf_input`` flags refine them. ``litellm_provider`` becomes
    :attr:`~aitaxonomy.AIModel.provider`. The ``sample_spec`` entry, service
    modes (search, guardrail...) and entries without a mode are skipped.

    Args:
        data: The parsed JSON object.
        as_of: The day the file was read; when given, every entity cites it.

    Raises:
        AdapterError: *data* is not a JSON object, or is another source's file.

    Example:
        >>> from aitaxonomy.adapters import from_litellm
        >>> result = from_litellm({
        ...     "gpt-4o": {"mode": "chat", "litellm_provider": "openai",
        ...                "supports_vision": True},
        ...     "dall-e-3": {"mode": "image_generation", "litellm_provider": "openai"},
        ...     "x": {"mode": "search"},
        ... })
        >>> [(e.id, e.KIND) for e in result.entities]
        [('litellm/gpt-4o', 'llm'), ('litellm/dall-e-3', 'genai')]
        >>> result.skipped
        (('x', 'a search service, not a model'),)
    """
    if not isinstance(data, dict):
        raise AdapterError(f"LiteLLM's map is a JSON object, not {type(data).__name__}")
    _expect(data, "litellm")
    table = vocabulary()["litellm"]
    collector = _Collector("litellm", as_of, table["source"])
    for model, keys in _variants(data, table["variant_segments"]).items():
        # The model's own entry speaks for it when there is one, else its first variant.
        key = model if model in data else keys[0]
        collector.add(
            key,
            functools.partial(_litellm_entry, key, data[key], table),
            model_key=model,
            variants=tuple(k for k in keys if k != key),
        )
    return collector.result()


def _variants(data: Mapping[object, object], segments: str) -> dict[str, list[str]]:
    """The keys of *data* grouped by the model they name, in the map's order.

    A key's leading path segments that name a variant (``hd/1024-x-1792/``,
    ``us-east-1/``) are dropped to find the model: ``azure/eu/gpt-4o`` is a
    regional deployment of ``azure/gpt-4o``, not another model.
    """
    variant = re.compile(segments)
    groups: dict[str, list[str]] = {}
    for raw in data:
        key = str(raw)
        *path, last = key.split("/")
        model = "/".join([*(p for p in path if not variant.fullmatch(p)), last])
        groups.setdefault(model, []).append(key)
    return groups


def _litellm_entry(key: str, entry: object, table: Mapping[str, Any]) -> dict[str, Any]:
    if key in table["skip_keys"]:
        raise _Skip(table["skip_keys"][key])
    if not isinstance(entry, dict):
        raise _Skip(f"the entry is {type(entry).__name__}, not an object")
    if "*" in key:
        raise _Skip("a wildcard pattern, not a model")
    mode = entry.get("mode")
    if mode is None:
        raise _Skip("no mode, so what it does is unknown")
    if not isinstance(mode, str):
        raise _Skip(f"mode {mode!r} is not a string")
    if mode in table["not_models"]:
        raise _Skip(table["not_models"][mode])
    spec = table["modes"].get(mode)
    if spec is None:
        hint = suggest(mode, table["modes"])
        raise _Skip(
            f"unknown mode {mode!r}" + (f" (like {hint[0]!r}?)" if hint else "")
        )
    inputs, outputs = set(spec["inputs"]), set(spec["outputs"])
    if entry.get("supported_modalities") is not None:
        inputs |= _map_values(
            entry["supported_modalities"], table["modalities"], "supported_modalities"
        )
    if entry.get("supported_output_modalities"):
        outputs = _map_values(
            entry["supported_output_modalities"],
            table["modalities"],
            "supported_output_modalities",
        )
    for flag, adds in table["flags"].items():
        if entry.get(flag) is True:
            if "input" in adds:
                inputs.add(adds["input"])
            if "output" in adds:
                outputs.add(adds["output"])
    return {
        "generative": spec["kind"] == "generator",
        "input_modalities": inputs,
        "output_modalities": outputs,
        "provider": _text(entry.get("litellm_provider")),
        "sources": {"litellm": key},
        "context_window": _count(entry.get("max_input_tokens")),
        "max_output": _count(entry.get("max_output_tokens")),
        "input_price": _usd(entry.get("input_cost_per_token"), _PER_MILLION),
        "output_price": _usd(entry.get("output_cost_per_token"), _PER_MILLION),
        "image_price": _usd(entry.get("output_cost_per_image")),
        "capabilities": _capabilities(
            ("tools", entry.get("supports_function_calling")),
            ("reasoning", entry.get("supports_reasoning")),
            ("structured-output", entry.get("supports_response_schema")),
        ),
    }


# -- models.dev ----------------------------------------------------------------


def from_models_dev(
    data: object, *, as_of: str | dt.date | None = None
) -> AdapterResult:
    """Map models.dev's ``api.json`` (providers -> models) to entities.

    ``modalities.input`` and ``modalities.output`` give the modalities,
    ``open_weights`` and ``release_date`` carry over, and the provider becomes
    :attr:`~aitaxonomy.AIModel.provider` (and the organisation, where the
    provider is the maker). models.dev has no kind field: the policy every
    adapter shares (``[policy]`` in ``vocabulary.toml``) reads the id, name
    and family to tell embedding models, rerankers and speech models apart.
    A placeholder release date (``1970-01-01``) is dropped with a note. Keys
    are ``provider/model``.

    Example:
        >>> from aitaxonomy.adapters import from_models_dev
        >>> api = {"openai": {"id": "openai", "models": {"gpt-4o": {
        ...     "id": "gpt-4o", "name": "GPT-4o", "release_date": "2024-05-13",
        ...     "open_weights": False,
        ...     "modalities": {"input": ["text", "image"], "output": ["text"]}}}}}
        >>> [(e.id, e.organization, e.released) for e in from_models_dev(api).entities]
        [('models.dev/openai/gpt-4o', 'openai', '2024-05-13')]
    """
    if not isinstance(data, dict):
        raise AdapterError(
            f"models.dev's api.json is an object, not {type(data).__name__}"
        )
    _expect(data, "models-dev")
    table = vocabulary()["models_dev"]
    collector = _Collector("models.dev", as_of, table["source"])
    for provider_id, provider in data.items():
        models = provider.get("models") if isinstance(provider, dict) else None
        if not isinstance(models, dict):
            collector.skipped.append(
                (str(provider_id), "a provider without a models table")
            )
            continue
        for model_id, entry in models.items():
            key = f"{provider_id}/{model_id}"
            collector.add(
                key,
                functools.partial(
                    _models_dev_entry,
                    key,
                    str(provider_id),
                    entry,
                    table,
                    collector.notes,
                ),
            )
    return collector.result()


def _models_dev_entry(
    key: str,
    provider: str,
    entry: object,
    table: Mapping[str, Any],
    notes: list[tuple[str, str]],
) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise _Skip(f"the entry is {type(entry).__name__}, not an object")
    modalities = entry.get("modalities")
    if not isinstance(modalities, dict):
        raise _Skip("no modalities, so what it reads and writes is unknown")
    inputs = _map_values(
        modalities.get("input"), table["modalities"], "modalities.input"
    )
    outputs = _map_values(
        modalities.get("output"), table["modalities"], "modalities.output"
    )
    open_weights = entry.get("open_weights")
    limit = _table(entry.get("limit"))
    cost = _table(entry.get("cost"))
    return {
        "generative": True,
        "name": entry.get("name"),
        "family": entry.get("family"),
        "input_modalities": inputs,
        "output_modalities": outputs,
        "open_weights": open_weights if isinstance(open_weights, bool) else None,
        "released": _released(entry.get("release_date"), key, notes),
        "provider": provider,
        "organization": table["organizations"].get(provider),
        "sources": {"models.dev": key},
        "context_window": _count(limit.get("context")),
        "max_output": _count(limit.get("output")),
        "input_price": _usd(cost.get("input")),
        "output_price": _usd(cost.get("output")),
        "capabilities": _capabilities(
            ("tools", entry.get("tool_call")),
            ("reasoning", entry.get("reasoning")),
            ("structured-output", entry.get("structured_output")),
        ),
        "knowledge_cutoff": _cutoff(entry.get("knowledge")),
    }


# -- OpenRouter ----------------------------------------------------------------


def from_openrouter(
    data: object, *, as_of: str | dt.date | None = None
) -> AdapterResult:
    """Map OpenRouter's ``/api/v1/models`` response to entities.

    ``architecture.input_modalities`` and ``output_modalities`` give the
    modalities (``embeddings``, ``rerank`` and ``transcription`` outputs mark
    non-generative models); ``created`` (a Unix time) becomes the release
    date; the author prefix of the id becomes the organisation where known.
    Takes the response object (``{"data": [...]}``) or its list.

    Example:
        >>> from aitaxonomy.adapters import from_openrouter
        >>> models = {"data": [{"id": "openai/gpt-4o", "name": "GPT-4o",
        ...     "created": 1715558400, "architecture": {
        ...     "input_modalities": ["text", "image"], "output_modalities": ["text"]}}]}
        >>> [(e.id, e.KIND, e.released) for e in from_openrouter(models).entities]
        [('openrouter/openai/gpt-4o', 'llm', '2024-05-13')]
    """
    _expect(data, "openrouter")
    entries = data.get("data") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise AdapterError(
            "OpenRouter's models are a list, or an object with a 'data' list; got "
            f"{type(data).__name__}"
        )
    table = vocabulary()["openrouter"]
    collector = _Collector("openrouter", as_of, table["source"])
    for index, entry in enumerate(entries):
        raw = entry.get("id") if isinstance(entry, dict) else None
        key = raw if isinstance(raw, str) and raw.strip() else f"[{index}]"
        collector.add(key, functools.partial(_openrouter_entry, key, entry, table))
    return collector.result()


def _openrouter_entry(
    key: str, entry: object, table: Mapping[str, Any]
) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise _Skip(f"the entry is {type(entry).__name__}, not an object")
    if key.startswith("["):
        raise _Skip("no id")
    architecture = entry.get("architecture")
    if not isinstance(architecture, dict):
        raise _Skip("no architecture, so what it reads and writes is unknown")
    inputs = _map_values(
        architecture.get("input_modalities"),
        table["input_modalities"],
        "architecture.input_modalities",
    )
    raw_outputs = architecture.get("output_modalities")
    if not isinstance(raw_outputs, list):
        raise _Skip("architecture.output_modalities is not a list")
    outputs: set[str] = set()
    generative = True
    for value in raw_outputs:
        spec = table["output_modalities"].get(value) if isinstance(value, str) else None
        if spec is None:
            raise _Skip(f"unknown value {value!r} in architecture.output_modalities")
        if "modality" in spec:
            outputs.add(spec["modality"])
        generative = generative and spec.get("kind") != "ai-model"
    created = entry.get("created")
    released = None
    if (
        isinstance(created, int | float)
        and not isinstance(created, bool)
        and created > 0
    ):
        released = dt.datetime.fromtimestamp(created, dt.UTC).date().isoformat()
    author = key.split("/", 1)[0].lower()
    pricing = _table(entry.get("pricing"))
    top = _table(entry.get("top_provider"))
    parameters = entry.get("supported_parameters")
    said = set(parameters) if isinstance(parameters, list) else set()
    return {
        "generative": generative,
        "name": entry.get("name"),
        "input_modalities": inputs,
        "output_modalities": outputs,
        "released": released,
        "organization": table["organizations"].get(author),
        "sources": {"openrouter": key},
        "context_window": _count(entry.get("context_length")),
        "max_output": _count(top.get("max_completion_tokens")),
        "input_price": _usd(pricing.get("prompt"), _PER_MILLION),
        "output_price": _usd(pricing.get("completion"), _PER_MILLION),
        "capabilities": _capabilities(
            ("tools", "tools" in said),
            ("reasoning", "reasoning" in said),
            (
                "structured-output",
                bool(said & {"structured_outputs", "response_format"}),
            ),
        ),
        "knowledge_cutoff": _cutoff(entry.get("knowledge_cutoff")),
    }


# -- Hugging Face pipeline tags ------------------------------------------------


@attrs.frozen
class PipelineTag:
    """What a Hugging Face ``pipeline_tag`` means in aitaxonomy's terms.

    Attributes:
        tag: The tag (``"text-to-image"``).
        domain: Hugging Face's grouping (nlp, cv, audio, multimodal, tabular,
            rl, other).
        inputs: What models with the tag read.
        outputs: What they produce (empty where no modality of ours fits,
            as for 3D assets or class labels).
        generative: Whether they create content.
        use_case: The article's use case that fits, if one does.
        note: Why a mapping is as it is, where that is not obvious.
        job_type: The id of the job type the tag corresponds to (the first
            that lists it); ``None`` for the catch-all ``other``.
    """

    tag: str
    domain: str
    inputs: frozenset[Modality]
    outputs: frozenset[Modality]
    generative: bool
    use_case: str | None = None
    note: str = ""
    job_type: str | None = None

    @property
    def kind(self) -> type[AIModel]:
        """The entity class a model with this tag belongs to."""
        return _classify(
            {m.value for m in self.inputs},
            {m.value for m in self.outputs},
            generative=self.generative,
        )


@functools.cache
def pipeline_tags() -> Mapping[str, PipelineTag]:
    """Every Hugging Face ``pipeline_tag`` value, mapped, read-only.

    The mapping is shared by every caller, so it cannot be changed.

    Example:
        >>> from aitaxonomy.adapters import pipeline_tags
        >>> tag = pipeline_tags()["text-to-image"]
        >>> sorted(m.value for m in tag.outputs), tag.kind.KIND, tag.use_case
        (['image'], 'genai', 'video_image_synthesis')
    """
    tags = vocabulary()["huggingface"]["tags"]
    # A tag belongs to the job type named after it, else to the first listing it.
    jobs: dict[str, str] = {}
    for job in packaged("jobs/job_types.toml")["job_types"]:
        for tag in job.get("pipeline_tags", ()):
            if job["id"] == tag:
                jobs[tag] = tag
            else:
                jobs.setdefault(tag, job["id"])
    return MappingProxyType(
        {
            name: PipelineTag(
                tag=name,
                domain=spec["domain"],
                inputs=frozenset(Modality(m) for m in spec["inputs"]),
                outputs=frozenset(Modality(m) for m in spec["outputs"]),
                generative=spec["kind"] == "generator",
                use_case=spec.get("use_case"),
                note=spec.get("note", ""),
                job_type=jobs.get(name),
            )
            for name, spec in tags.items()
        }
    )


def pipeline_tag(tag: str) -> PipelineTag:
    """The mapping of one ``pipeline_tag``.

    Raises:
        UnknownIdError: The tag is not one Hugging Face defines (with a
            suggestion).
        ArgumentTypeError: *tag* is not a string.
    """
    if not isinstance(tag, str):
        raise ArgumentTypeError(
            f"a pipeline_tag is a string, not {type(tag).__name__} {shown(tag)}"
        )
    tags = pipeline_tags()
    found = tags.get(tag)
    if found is None:
        raise UnknownIdError(tag, suggest(tag, tags), label="unknown pipeline_tag")
    return found
