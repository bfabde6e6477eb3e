"""The entities of the taxonomy: models by category, and what they link to.

The type of a model is its category: :class:`AIModel` is any AI model,
:class:`GenAI` a generative one and :class:`LLM` the text-only subset of
generative AI. Techniques, use cases, organisations, categories, trends and
article sections are entities too, and every link between entities is an id,
resolved and checked by :class:`~aitaxonomy.Taxonomy`.

All entities are frozen, slotted attrs classes with keyword-only fields, so
they are hashable, safe to share between threads and cheap to hold.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any, ClassVar

import attrs

from ._errors import shown
from ._modality import Modality, to_modalities
from .errors import InvalidEntityError, _EntityTypeError

__all__ = [
    "GENERATIVE_OUTPUTS",
    "LLM",
    "AIModel",
    "Category",
    "Citation",
    "Entity",
    "GenAI",
    "JobType",
    "Organization",
    "Section",
    "Technique",
    "Trend",
    "UseCase",
    "normalise_id",
]

_ID = re.compile(r"[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*")
_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")

GENERATIVE_OUTPUTS = frozenset(
    {
        Modality.TEXT,
        Modality.CODE,
        Modality.IMAGE,
        Modality.AUDIO,
        Modality.VIDEO,
        Modality.THREE_D,
        Modality.MOLECULE,
    }
)
"""What generative AI produces: the article's text, images, audio, video and
code, plus 3D assets and molecules, which the article does not name."""

_GENERATIVE_KINDS = frozenset(m for g in GENERATIVE_OUTPUTS for m in g.kinds())


def normalise_id(value: str) -> str:
    """Return the slug an id would be if it followed the rules.

    Ids are lowercase ASCII letters and digits, with ``-``, ``_`` or ``.``
    between them and ``/`` between namespace segments.

    Example:
        >>> normalise_id("GPT 4")
        'gpt-4'
    """
    lowered = re.sub(r"[^a-z0-9._/-]+", "-", value.strip().lower())
    segments = (re.sub(r"[._-]{2,}", "-", s).strip("._-") for s in lowered.split("/"))
    return "/".join(s for s in segments if s)


@functools.lru_cache(maxsize=65536)
def _is_slug(value: str) -> bool:
    # Ids repeat across a catalog (organisations, techniques, use cases), so
    # the regular expression runs once per distinct id.
    return _ID.fullmatch(value) is not None


MAX_ID_LENGTH = 200
"""The longest id accepted, in characters."""
MAX_PARAMETERS = 10**15
"""The largest parameter count accepted (a thousand trillion)."""


def _check_id(value: object, what: str, field: str | None = None) -> None:
    if not isinstance(value, str):
        raise _EntityTypeError(
            f"{what} must be a string, not {type(value).__name__}", field=field
        )
    if len(value) > MAX_ID_LENGTH:
        raise InvalidEntityError(
            f"{what} {shown(value)} is {len(value):,} characters; ids are at most "
            f"{MAX_ID_LENGTH}",
            field=field,
        )
    if not _is_slug(value):
        fixed = normalise_id(value)
        hint = f" (did you mean {fixed!r}?)" if fixed and _ID.fullmatch(fixed) else ""
        raise InvalidEntityError(
            f"{what} {shown(value)} is not a lowercase slug{hint}; ids use a-z, 0-9 "
            "and '-', '_' or '.' between them ('/' between namespaces)",
            field=field,
        )


def _valid_id(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_id(value, attribute.name, attribute.name)


def _valid_optional_id(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        _check_id(value, attribute.name, attribute.name)


def _valid_ids(
    _: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    for item in value:
        _check_id(item, f"{attribute.name} entry", attribute.name)
    if len(set(value)) == len(value):
        return
    duplicates = sorted({item for item in value if value.count(item) > 1})
    if duplicates:
        raise InvalidEntityError(
            f"{attribute.name} lists {', '.join(map(repr, duplicates))} more than once",
            field=attribute.name,
        )


def _valid_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise _EntityTypeError(
            f"{attribute.name} must be a string, not {type(value).__name__}",
            field=attribute.name,
        )
    _check_writable(value, attribute.name)


def _check_writable(value: str, field: str) -> None:
    r"""Refuse a lone surrogate: no UTF-8 file can hold it, so dump() would fail.

    JSON's ``"\ud800"`` escape and text decoded with ``surrogateescape``
    make them; ASCII text (nearly all of it) is checked by one flag.
    """
    if value.isascii():
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidEntityError(
            f"{field} {shown(value)} holds a lone surrogate "
            f"(U+{ord(value[exc.start]):04X}), which no UTF-8 file can hold",
            field=field,
        ) from None


def _valid_optional_text(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        _valid_text(instance, attribute, value)


def _valid_name(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    _valid_text(instance, attribute, value)
    if not str(value).strip():
        raise InvalidEntityError(
            f"{attribute.name} must not be empty", field=attribute.name
        )


def _valid_texts(
    _: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]
) -> None:
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise _EntityTypeError(
                f"{attribute.name} entries must be non-empty strings, "
                f"got {shown(item)}",
                field=attribute.name,
            )
        _check_writable(item, attribute.name)


def _valid_date(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str) or _DATE.fullmatch(value) is None:
        raise InvalidEntityError(
            f"{attribute.name} {shown(value)} is not a date written YYYY, YYYY-MM or "
            "YYYY-MM-DD",
            field=attribute.name,
        )


def _valid_flag(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, bool):
        raise _EntityTypeError(
            f"{attribute.name} must be true, false or unset, not {shown(value)}",
            field=attribute.name,
        )


def _valid_bool(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise _EntityTypeError(
            f"{attribute.name} must be true or false, not {shown(value)}",
            field=attribute.name,
        )


def _valid_count(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise _EntityTypeError(
            f"{attribute.name} must be a positive whole number, not {shown(value)}",
            field=attribute.name,
        )
    if value > MAX_PARAMETERS:
        raise InvalidEntityError(
            f"{attribute.name} {shown(value)} is more than {MAX_PARAMETERS:,}; "
            "is it a typo?",
            field=attribute.name,
        )


def _valid_number(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _EntityTypeError(
            f"{attribute.name} must be a whole number, not {shown(value)}",
            field=attribute.name,
        )


def _strings(value: str | Iterable[str]) -> tuple[str, ...]:
    """Accept one string or an iterable of them; a string is never split."""
    kind = type(value)
    if kind is tuple:
        return value  # type: ignore[return-value]  # checked by the validators
    if kind is list:
        return tuple(value)
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, Iterable):
        raise _EntityTypeError(
            f"expected a string or an iterable of strings, not {type(value).__name__}"
        )
    return tuple(value)


def _text_field() -> Any:
    return attrs.field(default="", validator=_valid_text)


def _flag_field() -> Any:
    return attrs.field(default=None, validator=_valid_flag)


@attrs.frozen(kw_only=True)
class Citation:
    """Where a fact comes from: a section of the article, or a dated source.

    Attributes:
        section: The id of the article :class:`Section` that states the fact.
        url: A public source for facts the article does not state.
        as_of: The day the source was read (``YYYY-MM-DD``); required with a URL.
        covers: The fields the citation supports; empty means the whole entity.
        note: Anything a reader should know about the source, in our words.

    Example:
        >>> Citation(section="what-is-genai")
        Citation(section='what-is-genai', url=None, as_of=None, covers=(), note='')
    """

    section: str | None = attrs.field(default=None, validator=_valid_optional_id)
    url: str | None = attrs.field(default=None, validator=_valid_optional_text)
    as_of: str | None = attrs.field(default=None, validator=_valid_date)
    covers: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_texts
    )
    note: str = _text_field()

    def __attrs_post_init__(self) -> None:
        if self.section is None and self.url is None:
            raise InvalidEntityError(
                "a citation needs an article section or a url", field="section"
            )
        if self.url is not None:
            if not self.url.startswith("https://"):
                raise InvalidEntityError(
                    f"citation url {self.url!r} must be an https:// address",
                    field="url",
                )
            if self.as_of is None:
                raise InvalidEntityError(
                    f"citation of {self.url!r} needs as_of, the day it was read",
                    field="as_of",
                )


def _citations(value: Citation | Iterable[Citation]) -> tuple[Citation, ...]:
    if isinstance(value, Citation):
        return (value,)
    items = tuple(value)
    for item in items:
        if not isinstance(item, Citation):
            raise _EntityTypeError(
                "provenance entries must be Citation objects, not "
                f"{type(item).__name__}"
            )
    return items


@attrs.frozen(kw_only=True)
class Entity:
    """What every entity has: an id, a name, aliases, a description, provenance.

    Attributes:
        id: A lowercase slug, unique across every kind in a taxonomy.
        name: How people write it (``"DALL·E"``).
        aliases: Other names it is known by; lookups match them case-insensitively.
        description: A sentence or two in our own words.
        provenance: The citations that support its facts.
    """

    KIND: ClassVar[str] = "entity"

    id: str = attrs.field(validator=_valid_id)
    name: str = attrs.field(validator=_valid_name)
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_texts
    )
    description: str = _text_field()
    provenance: tuple[Citation, ...] = attrs.field(default=(), converter=_citations)

    def to_dict(self) -> dict[str, Any]:
        """This entity as JSON-ready data: one entry of a catalog file.

        ``kind`` first, then every field not at its default, as :func:`dumps`
        writes it and :func:`loads` reads it back; the shape is the catalog
        format's (``docs/catalog.md``).

        Example:
            >>> import aitaxonomy as ai
            >>> ai.LLM(id="acme-7b", name="Acme 7B", organization="acme").to_dict()
            {'kind': 'llm', 'id': 'acme-7b', 'name': 'Acme 7B', 'organization': 'acme'}
        """
        from ._convert import entity_to_data  # noqa: PLC0415  # it imports this module

        return entity_to_data(self)

    def references(self) -> Iterable[tuple[str, str]]:
        """Yield ``(field, id)`` for every link this entity makes to another.

        Example:
            >>> import aitaxonomy as ai
            >>> list(ai.GenAI(id="x", name="X", techniques=["gan"]).references())
            [('category', 'genai'), ('techniques[0]', 'gan')]
        """
        for field, refs, indexed in self._links():
            for index, ref in enumerate(refs):
                yield (f"{field}[{index}]" if indexed else field), ref
        for index, citation in enumerate(self.provenance):
            if citation.section is not None:
                yield f"provenance[{index}].section", citation.section

    def _links(self) -> Iterable[tuple[str, tuple[str, ...], bool]]:
        """``(field, ids, indexed)`` per linking field; paths are built only on need."""
        return ()


@attrs.frozen(kw_only=True)
class Section(Entity):
    """A section of the source article, cited by the facts it states.

    Attributes:
        number: Its position in the article, from 1.
    """

    KIND: ClassVar[str] = "section"

    number: int = attrs.field(default=0, validator=_valid_number)


@attrs.frozen(kw_only=True)
class Organization(Entity):
    """A company or lab that makes models.

    Attributes:
        url: Its public home page.
    """

    KIND: ClassVar[str] = "organization"

    url: str | None = attrs.field(default=None, validator=_valid_optional_text)


@attrs.frozen(kw_only=True)
class Technique(Entity):
    """A technique models are built with, or a concept inside one.

    Attributes:
        part_of: The technique this concept belongs to (attention is part of
            the transformer), if any.
        examples: Ids of the models the article gives as users of it.
    """

    KIND: ClassVar[str] = "technique"

    part_of: str | None = attrs.field(default=None, validator=_valid_optional_id)
    examples: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_ids
    )

    def _links(self) -> Iterable[tuple[str, tuple[str, ...], bool]]:
        if self.part_of is not None:
            yield "part_of", (self.part_of,), False
        yield "examples", self.examples, True


@attrs.frozen(kw_only=True)
class UseCase(Entity):
    """A job the article recommends a category for.

    Attributes:
        category: The id of the category the article favours for it.
        produces: The modalities the job typically produces.
        examples: Ids of the products or models the article gives as examples.
        keywords: Words and phrases that signal this job in a task description.
        job_types: Ids of the job types it is an instance of, most typical first.
    """

    KIND: ClassVar[str] = "use-case"

    category: str = attrs.field(validator=_valid_id)
    produces: frozenset[Modality] = attrs.field(
        default=frozenset(), converter=to_modalities
    )
    examples: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_ids
    )
    keywords: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_texts
    )
    job_types: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_ids
    )

    def _links(self) -> Iterable[tuple[str, tuple[str, ...], bool]]:
        yield "category", (self.category,), False
        yield "examples", self.examples, True
        yield "job_types", self.job_types, True


@attrs.frozen(kw_only=True)
class JobType(Entity):
    """A kind of job, by its shape: what goes in, what comes out, generative or not.

    Job types are the library's own vocabulary, finer than the article's use
    cases (each use case links to the job types it is an instance of) and
    mapped to Hugging Face's ``pipeline_tag`` values. Models link to the job
    types they can do, stated in the data or implied by their modalities.

    Attributes:
        inputs: What the job reads.
        outputs: What it produces.
        generative: Whether it creates new content (``False`` for jobs whose
            result is a label, box, mask, score, ranking, forecast, embedding,
            or text that was already there, as in transcription or OCR).
        category: The id of the category the job calls for.
        pipeline_tags: The Hugging Face ``pipeline_tag`` values it covers.
        cues: English words and phrases that signal it in a task description
            (other languages are in the package's ``task_cues.toml``).
        inferable: Whether a model that states no job types is linked to this
            one when its modalities fit; ``False`` where modalities cannot
            tell it apart (depth maps and segmentation masks look alike).
        group: What it works on, for grouping in tables (``"image"``...).

    Example:
        >>> import aitaxonomy as ai
        >>> job = ai.default_taxonomy()["speech-recognition"]
        >>> sorted(m.value for m in job.inputs), sorted(m.value for m in job.outputs)
        (['speech'], ['text'])
        >>> job.generative, job.category
        (False, 'ai-model')
    """

    KIND: ClassVar[str] = "job-type"

    inputs: frozenset[Modality] = attrs.field(
        default=frozenset(), converter=to_modalities
    )
    outputs: frozenset[Modality] = attrs.field(
        default=frozenset(), converter=to_modalities
    )
    generative: bool = attrs.field(validator=_valid_bool)
    category: str = attrs.field(validator=_valid_id)
    pipeline_tags: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_ids
    )
    cues: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_texts
    )
    inferable: bool = attrs.field(default=True, validator=_valid_bool)
    group: str = _text_field()

    def __attrs_post_init__(self) -> None:
        if not self.outputs:
            raise InvalidEntityError(
                f"{self.id!r}: a job type must say what it produces", field="outputs"
            )
        if self.generative:
            made = [m for m in self.outputs if not m.content]
            if made:
                raise InvalidEntityError(
                    f"{self.id!r}: a generative job produces content; "
                    f"{', '.join(sorted(made))} is not content",
                    field="outputs",
                )

    def _links(self) -> Iterable[tuple[str, tuple[str, ...], bool]]:
        yield "category", (self.category,), False


@attrs.frozen(kw_only=True)
class Trend(Entity):
    """A direction the article expects AI to take.

    Attributes:
        implies: The model fields that let users act on the trend
            (``"domains"``, ``"on_device"``, ...).
    """

    KIND: ClassVar[str] = "trend"

    implies: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_texts
    )


@attrs.frozen(kw_only=True)
class Category(Entity):
    """A category of AI model, with the article's description of it.

    The built-in categories are bound to classes (``genai`` to :class:`GenAI`,
    ``llm`` to :class:`LLM`); categories added as data sit under one of them.

    Attributes:
        parent: The id of the broader category, or ``None`` for the root.
        output_modalities: What its members may produce; empty means anything
            its parent allows. Kinds count: allowing audio allows music.
        primary_function: The comparison table's "primary function" row.
        output_formats: The "output formats" row.
        training_data: The "training data" row.
        typical_uses: The "use cases" row.
        examples: The "examples" row, as model ids.
        key_features: The article's key features, in our words.
        feature_examples: The examples its key features name, as model ids.
        how_it_works: How the article explains it works, in our words.
    """

    KIND: ClassVar[str] = "category"

    parent: str | None = attrs.field(default=None, validator=_valid_optional_id)
    output_modalities: frozenset[Modality] = attrs.field(
        default=frozenset(), converter=to_modalities
    )
    primary_function: str = _text_field()
    output_formats: str = _text_field()
    training_data: str = _text_field()
    typical_uses: str = _text_field()
    examples: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_ids
    )
    key_features: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_texts
    )
    feature_examples: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_ids
    )
    how_it_works: str = _text_field()

    def _links(self) -> Iterable[tuple[str, tuple[str, ...], bool]]:
        if self.parent is not None:
            yield "parent", (self.parent,), False
        yield "examples", self.examples, True
        yield "feature_examples", self.feature_examples, True


@attrs.frozen(kw_only=True)
class AIModel(Entity):
    """Any AI model or product: the root of the category hierarchy.

    Non-generative models live here directly (BERT encodes text, it does not
    generate it). Generative ones are :class:`GenAI`, text-only ones
    :class:`LLM`.

    Attributes:
        organization: The id of the organisation that makes it.
        category: A finer category than the class's own (one added as data,
            such as an "image generator" under GenAI); ``None`` for the class's.
        input_modalities: What it accepts.
        output_modalities: What it produces.
        techniques: Ids of the techniques it is built with.
        use_cases: Ids of the use cases it suits.
        powered_by: Ids of the models a product runs on (ChatGPT -> GPT-4).
        domains: Industries it is specialised for (``"healthcare"``, ...).
        open_weights: Whether its weights are published; ``None`` if unknown.
        on_device: Whether it (or a published variant) runs on a local device.
        released: When it was first released, ``YYYY``, ``YYYY-MM`` or
            ``YYYY-MM-DD``.
        product: ``True`` for a product people use (ChatGPT), ``False`` for a
            model (GPT-4).
        parameters: The number of parameters, where the maker published it.
        license: The licence of its weights (an SPDX id where one exists).
        provider: Who serves it, when that is not the maker (an imported
            catalog's ``azure`` or ``bedrock``).
        job_types: Ids of the job types it does, where its modalities alone
            do not tell (see :meth:`~aitaxonomy.Taxonomy.job_types_of`).

    Example:
        >>> import aitaxonomy as ai
        >>> bert = ai.AIModel(id="my-encoder", name="My encoder",
        ...                   output_modalities="embedding")
        >>> isinstance(bert, ai.GenAI)
        False
    """

    KIND: ClassVar[str] = "ai-model"
    CATEGORY: ClassVar[str] = "ai-model"
    """The id of the category the class stands for."""

    organization: str | None = attrs.field(default=None, validator=_valid_optional_id)
    category: str | None = attrs.field(default=None, validator=_valid_optional_id)
    input_modalities: frozenset[Modality] = attrs.field(
        default=frozenset(), converter=to_modalities
    )
    output_modalities: frozenset[Modality] = attrs.field(
        default=frozenset(), converter=to_modalities
    )
    techniques: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_ids
    )
    use_cases: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_ids
    )
    powered_by: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_ids
    )
    domains: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_ids
    )
    open_weights: bool | None = _flag_field()
    on_device: bool | None = _flag_field()
    released: str | None = attrs.field(default=None, validator=_valid_date)
    product: bool = attrs.field(default=False, validator=_valid_bool)
    parameters: int | None = attrs.field(default=None, validator=_valid_count)
    license: str | None = attrs.field(default=None, validator=_valid_optional_text)
    provider: str | None = attrs.field(default=None, validator=_valid_optional_text)
    job_types: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_ids
    )

    @property
    def category_id(self) -> str:
        """The id of the category this model belongs to."""
        return self.category or self.CATEGORY

    def _links(self) -> Iterable[tuple[str, tuple[str, ...], bool]]:
        if self.organization is not None:
            yield "organization", (self.organization,), False
        yield "category", (self.category_id,), False
        yield "techniques", self.techniques, True
        yield "use_cases", self.use_cases, True
        yield "powered_by", self.powered_by, True
        yield "job_types", self.job_types, True

    def produces(self, modality: Modality | str) -> bool:
        """Whether it outputs *modality* or a kind of it.

        Example:
            >>> import aitaxonomy as ai
            >>> ai.GenAI(id="m", name="M", output_modalities="music").produces("audio")
            True
        """
        return not self.output_modalities.isdisjoint(Modality.parse(modality).kinds())

    def accepts(self, modality: Modality | str) -> bool:
        """Whether it takes *modality* (or a kind of it) as input."""
        return not self.input_modalities.isdisjoint(Modality.parse(modality).kinds())

    def reads(self, modality: Modality | str) -> bool:
        """Whether it can be handed *modality*: see :meth:`Modality.read_as`.

        Example:
            >>> import aitaxonomy as ai
            >>> ai.LLM(id="m", name="M").reads("code")
            True
        """
        return not self.input_modalities.isdisjoint(Modality.parse(modality).read_as())

    def writes(self, modality: Modality | str) -> bool:
        """Whether it can be asked for *modality*: see :meth:`Modality.written_as`.

        Example:
            >>> import aitaxonomy as ai
            >>> ai.LLM(id="m", name="M").writes("code")
            True
        """
        return not self.output_modalities.isdisjoint(
            Modality.parse(modality).written_as()
        )


@attrs.frozen(kw_only=True)
class GenAI(AIModel):
    """A generative model: it creates new content.

    Per the article, generative AI produces text, images, audio, video and
    code, and may combine them.

    Example:
        >>> import aitaxonomy as ai
        >>> sora = ai.GenAI(id="clipper", name="Clipper",
        ...                 input_modalities=["text", "image"],
        ...                 output_modalities="video")
        >>> sorted(sora.output_modalities)
        [<Modality.VIDEO: 'video'>]
    """

    KIND: ClassVar[str] = "genai"
    CATEGORY: ClassVar[str] = "genai"

    def __attrs_post_init__(self) -> None:
        if self.output_modalities <= _GENERATIVE_KINDS:
            return
        outside = self.output_modalities - _GENERATIVE_KINDS
        if outside:
            raise InvalidEntityError(
                field="output_modalities",
                message=f"{self.id!r}: generative AI produces content "
                f"({', '.join(sorted(GENERATIVE_OUTPUTS))}); got "
                f"{', '.join(sorted(outside))}",
            )


@attrs.frozen(kw_only=True)
class LLM(GenAI):
    """A large language model: the text-only subset of generative AI.

    Its outputs are exactly text; its inputs include text and may add others
    (GPT-4 and Claude read images). Building one that outputs anything else
    raises :class:`~aitaxonomy.errors.InvalidEntityError`.

    Example:
        >>> import aitaxonomy as ai
        >>> ai.LLM(id="pix", name="Pix", output_modalities={ai.Modality.IMAGE})
        Traceback (most recent call last):
        ...
        aitaxonomy.errors.InvalidEntityError: 'pix': an LLM outputs text only; ...
    """

    KIND: ClassVar[str] = "llm"
    CATEGORY: ClassVar[str] = "llm"

    input_modalities: frozenset[Modality] = attrs.field(
        default=frozenset({Modality.TEXT}), converter=to_modalities
    )
    output_modalities: frozenset[Modality] = attrs.field(
        default=frozenset({Modality.TEXT}), converter=to_modalities
    )

    def __attrs_post_init__(self) -> None:
        # The LLM rule is the stricter one, so it speaks first.
        if self.output_modalities != {Modality.TEXT}:
            got = ", ".join(sorted(self.output_modalities)) or "nothing"
            raise InvalidEntityError(
                f"{self.id!r}: an LLM outputs text only; got {got}",
                field="output_modalities",
            )
        if Modality.TEXT not in self.input_modalities:
            raise InvalidEntityError(
                f"{self.id!r}: an LLM reads text; its input_modalities lack text",
                field="input_modalities",
            )
        super().__attrs_post_init__()
