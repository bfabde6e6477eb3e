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

from collections.abc import Mapping  # noqa: TC003  # typing.get_type_hints reads it
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from ._fields import (
    _NO_SOURCES,
    Link,
    _flag_field,
    _link,
    _source_ids,
    _strings,
    _text_field,
    _valid_bool,
    _valid_capabilities,
    _valid_count,
    _valid_date,
    _valid_id,
    _valid_ids,
    _valid_name,
    _valid_number,
    _valid_optional_id,
    _valid_optional_text,
    _valid_price,
    _valid_texts,
    links,
    normalise_id,
)
from ._modality import Modality, to_modalities
from .errors import InvalidEntityError, _EntityTypeError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

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


@attrs.frozen(kw_only=True)
class Citation:
    """Where a fact comes from: a section of the article, or a dated source.

    Attributes:
        section: The id of the article :class:`Section` that states the fact.
        url: A public source for facts the article does not state.
        as_of: The day the source was read (``YYYY-MM-DD``); required with a URL.
        covers: The fields the citation supports; empty means the whole entity.
        note: Anything a reader should know about the source, in our words.
        quote: The source's own words for the fact, exactly (for an article
            section, the article's wording: "specialized in", "primarily
            text"); what the library adds beyond them is its own.
        primary: ``True`` for a primary source (the maker's own page, paper,
            model card or repository; the article itself), ``False`` for a
            secondary one (an encyclopedia, the press, an aggregating
            catalog); ``None`` where it has not been judged.

    Example:
        >>> Citation(section="what-is-genai")
        Citation(section='what-is-genai', url=None, as_of=None, covers=(), note='', quote='', primary=None)
    """  # noqa: E501

    section: str | None = attrs.field(
        default=None,
        validator=_valid_optional_id,
        metadata=_link("section", relation="cites", inverse="cited by", edge=False),
    )
    url: str | None = attrs.field(default=None, validator=_valid_optional_text)
    as_of: str | None = attrs.field(default=None, validator=_valid_date)
    covers: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_texts
    )
    note: str = _text_field()
    quote: str = _text_field()
    primary: bool | None = _flag_field()

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

    def references(self) -> Iterator[tuple[str, str]]:
        """Yield ``(field path, id)`` for every link this entity makes to another.

        The links are the fields declared with :func:`~aitaxonomy.link`, and
        the article sections its citations name.

        Example:
            >>> import aitaxonomy as ai
            >>> list(ai.GenAI(id="x", name="X", techniques=["gan"]).references())
            [('category', 'genai'), ('techniques[0]', 'gan')]
        """
        for declared, ref, index, citation in linked(self):
            yield link_path(declared, index, citation), ref


def linked(entity: Entity) -> Iterator[tuple[Link, str, int, int | None]]:
    """``(link, id, index, citation)`` for every link *entity* makes.

    *citation* is the position in ``provenance`` for a citation's links, else
    ``None``; :func:`link_path` makes the field path, only where one is needed.
    """
    for declared in links(type(entity)):
        for index, ref in enumerate(declared.ids(entity)):
            yield declared, ref, index, None
    if entity.provenance:
        cited = links(Citation)
        for position, source in enumerate(entity.provenance):
            for declared in cited:
                for index, ref in enumerate(declared.ids(source)):
                    yield declared, ref, index, position


def link_path(declared: Link, index: int, citation: int | None = None) -> str:
    """The field path of a link found by :func:`linked` (``provenance[0].section``)."""
    path = declared.path(index)
    return path if citation is None else f"provenance[{citation}].{path}"


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

    part_of: str | None = attrs.field(
        default=None,
        validator=_valid_optional_id,
        metadata=_link(
            "technique", relation="part of", inverse="concepts", acyclic=True
        ),
    )
    examples: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=_valid_ids,
        metadata=_link(
            "ai-model", relation="example", inverse="example of", edge=False, many=True
        ),
    )


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

    category: str = attrs.field(
        validator=_valid_id,
        metadata=_link("category", relation="favours", inverse="use cases"),
    )
    produces: frozenset[Modality] = attrs.field(
        default=frozenset(), converter=to_modalities
    )
    examples: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=_valid_ids,
        metadata=_link(
            "ai-model", relation="example", inverse="example of", edge=False, many=True
        ),
    )
    keywords: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_texts
    )
    job_types: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=_valid_ids,
        metadata=_link(
            "job-type",
            relation="instance of",
            inverse="use cases",
            edge=False,
            many=True,
        ),
    )


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
    category: str = attrs.field(
        validator=_valid_id,
        metadata=_link(
            "category", relation="calls for", inverse="job types", edge=False
        ),
    )
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
                    f"{', '.join(sorted(made))} {'is' if len(made) == 1 else 'are'}"
                    " not content",
                    field="outputs",
                )


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

    parent: str | None = attrs.field(
        default=None,
        validator=_valid_optional_id,
        metadata=_link("category", relation="is a", inverse="members", acyclic=True),
    )
    output_modalities: frozenset[Modality] = attrs.field(
        default=frozenset(), converter=to_modalities
    )
    primary_function: str = _text_field()
    output_formats: str = _text_field()
    training_data: str = _text_field()
    typical_uses: str = _text_field()
    examples: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=_valid_ids,
        metadata=_link(
            "ai-model", relation="example", inverse="example of", edge=False, many=True
        ),
    )
    key_features: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_texts
    )
    feature_examples: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=_valid_ids,
        metadata=_link(
            "ai-model",
            relation="feature example",
            inverse="feature example of",
            edge=False,
            many=True,
        ),
    )
    how_it_works: str = _text_field()


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
        sources: The id each catalog's API takes for it, by catalog
            (``{"litellm": "gpt-4o", "openrouter": "openai/gpt-4o"}``): how
            to call it (see :meth:`~aitaxonomy.Taxonomy.by_source`).
        context_window: The most tokens it reads at once, prompt and answer.
        max_output: The most tokens it writes in one answer.
        input_price: US dollars per million input tokens, as its source lists.
        output_price: US dollars per million output tokens.
        image_price: US dollars per image it makes.
        capabilities: What it can do besides its modalities:
            ``"tools"`` (calls functions), ``"reasoning"`` (thinks before it
            answers), ``"structured-output"`` (answers to a JSON schema).
        knowledge_cutoff: The date its training data ends, ``YYYY``,
            ``YYYY-MM`` or ``YYYY-MM-DD``.

    Prices and limits change: cite them (``covers``) with the catalog and the
    day it was read, as the adapters do.

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

    organization: str | None = attrs.field(
        default=None,
        validator=_valid_optional_id,
        metadata=_link("organization", relation="made by", inverse="models"),
    )
    category: str | None = attrs.field(
        default=None,
        validator=_valid_optional_id,
        metadata=_link(
            "category", relation="is a", inverse="members", default_from="CATEGORY"
        ),
    )
    input_modalities: frozenset[Modality] = attrs.field(
        default=frozenset(), converter=to_modalities
    )
    output_modalities: frozenset[Modality] = attrs.field(
        default=frozenset(), converter=to_modalities
    )
    techniques: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=_valid_ids,
        metadata=_link("technique", relation="uses", inverse="used by", many=True),
    )
    use_cases: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=_valid_ids,
        metadata=_link(
            "use-case", relation="suits", inverse="suited models", many=True
        ),
    )
    powered_by: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=_valid_ids,
        metadata=_link(
            "ai-model", relation="powered by", inverse="powers", acyclic=True, many=True
        ),
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
        default=(),
        converter=_strings,
        validator=_valid_ids,
        metadata=_link(
            "job-type", relation="does", inverse="models", edge=False, many=True
        ),
    )
    sources: Mapping[str, str] = attrs.field(default=_NO_SOURCES, converter=_source_ids)
    context_window: int | None = attrs.field(default=None, validator=_valid_count)
    max_output: int | None = attrs.field(default=None, validator=_valid_count)
    input_price: float | None = attrs.field(default=None, validator=_valid_price)
    output_price: float | None = attrs.field(default=None, validator=_valid_price)
    image_price: float | None = attrs.field(default=None, validator=_valid_price)
    capabilities: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_valid_capabilities
    )
    knowledge_cutoff: str | None = attrs.field(default=None, validator=_valid_date)

    @property
    def category_id(self) -> str:
        """The id of the category this model belongs to."""
        return self.category or self.CATEGORY

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


def price_of(model: AIModel) -> float | None:
    """The price a model is compared by: per million input tokens, or per image.

    Image makers are priced per image and language models per token; the
    one price a model lists is the one that ranks and filters it.
    """
    return model.input_price if model.input_price is not None else model.image_price


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
