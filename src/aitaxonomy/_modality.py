"""Modalities: the kinds of content a model accepts or produces."""

from __future__ import annotations

import enum
from collections.abc import Iterable

from ._errors import did_you_mean, shown, suggest
from .errors import (
    ArgumentTypeError,
    InvalidArgumentError,
    InvalidModalityError,
    _WrongTypeError,
)

__all__ = [
    "Modality",
    "ModalityInput",
    "fits",
    "modalities_argument",
    "to_modalities",
]


class Modality(enum.StrEnum):
    """A kind of content a model accepts or produces.

    A ``StrEnum``: members compare equal to their lowercase values, sort, and
    hash in C. Some modalities are kinds of another (music and speech are
    audio); :attr:`parent` and :meth:`is_a` expose that.

    Two families share the enum. *Content* (text, code, images, audio, video,
    3D, molecules) is what generative AI creates; :attr:`content` is true for
    it. The rest give non-generative inputs and outputs a shape: structured
    data (``table``), and what analysing content yields: labels, boxes,
    masks, scores, rankings, forecasts, embeddings and actions.

    Forgiving strings are accepted wherever a modality is expected
    (``Modality("Images")``, ``Modality("picture")``); unknown ones raise
    :class:`~aitaxonomy.errors.InvalidModalityError` with a suggestion.

    Example:
        >>> from aitaxonomy import Modality
        >>> Modality("Pictures")
        <Modality.IMAGE: 'image'>
        >>> Modality.MUSIC.is_a(Modality.AUDIO)
        True
        >>> sorted(m.value for m in Modality.AUDIO.kinds())
        ['audio', 'music', 'speech']
    """

    TEXT = "text"
    CODE = "code"
    IMAGE = "image"
    AUDIO = "audio"
    MUSIC = "music"
    SPEECH = "speech"
    VIDEO = "video"
    EMBEDDING = "embedding"
    THREE_D = "3d"
    MOLECULE = "molecule"
    TABLE = "table"
    LABEL = "label"
    BOXES = "boxes"
    MASK = "mask"
    SCORE = "score"
    RANKING = "ranking"
    FORECAST = "forecast"
    ACTION = "action"

    @property
    def content(self) -> bool:
        """Whether this is content, the kind of thing generative AI creates.

        Example:
            >>> from aitaxonomy import Modality
            >>> Modality.THREE_D.content, Modality.LABEL.content
            (True, False)
        """
        return self in _CONTENT

    @property
    def parent(self) -> Modality | None:
        """The broader modality this one is a kind of, if any."""
        return _PARENTS.get(self)

    def is_a(self, other: Modality | str) -> bool:
        """Whether this modality is *other* or a kind of it."""
        return Modality.parse(other) in _LINEAGE[self]

    def kinds(self) -> frozenset[Modality]:
        """This modality and every modality that is a kind of it."""
        return _KINDS[self]

    def read_as(self) -> frozenset[Modality]:
        """The inputs that let a model read this modality.

        A model reads what it declares, a kind of it, or something broader
        (a model that takes audio takes speech); code and tables are written
        as text, so a model that reads text reads them too.

        Example:
            >>> from aitaxonomy import Modality
            >>> sorted(Modality.SPEECH.read_as())
            [<Modality.AUDIO: 'audio'>, <Modality.SPEECH: 'speech'>]
            >>> Modality.TEXT in Modality.CODE.read_as()
            True
        """
        return _READ_AS[self]

    def written_as(self) -> frozenset[Modality]:
        """The outputs that let a model produce this modality.

        A model produces what it declares or a kind of it (a music generator
        produces audio); a model that writes text writes code and tables.

        Example:
            >>> from aitaxonomy import Modality
            >>> sorted(Modality.CODE.written_as())
            [<Modality.CODE: 'code'>, <Modality.TEXT: 'text'>]
        """
        return _WRITTEN_AS[self]

    @classmethod
    def parse(cls, value: object) -> Modality:
        """Turn a member or a forgiving string into a member.

        Raises:
            InvalidModalityError: *value* is a string naming no modality.
            TypeError: *value* is neither a string nor a member (the raised
                error is an :class:`~aitaxonomy.errors.InvalidModalityError` too).
        """
        if type(value) is cls:  # the hot path: already a member
            return value
        exact = _BY_VALUE.get(value) if type(value) is str else None
        if exact is not None:  # the next hottest: the canonical spelling
            return exact
        if not isinstance(value, str):
            raise _WrongTypeError(
                f"a modality must be a string or a Modality, not "
                f"{type(value).__name__} {shown(value)}; known: {_KNOWN}"
            )
        key = _normalise(value)
        found = _ALIASES.get(key)
        if found is None and key.endswith("s"):  # a plural: "photos", "meshes"
            found = _ALIASES.get(key[:-1])
            if found is None and key.endswith("es"):
                found = _ALIASES.get(key[:-2])
        if found is None:
            near = (_ALIASES[alias].value for alias in suggest(key, _ALIASES))
            hint = did_you_mean(tuple(dict.fromkeys(near)))
            raise InvalidModalityError(
                f"unknown modality {shown(value)}{hint}; known: {_KNOWN}"
            )
        return found

    @classmethod
    def _missing_(cls, value: object) -> Modality:
        return cls.parse(value)


def _normalise(value: str) -> str:
    return " ".join(value.strip().lower().replace("_", " ").replace("-", " ").split())


# Spellings users type for each member. The member's own value is added below.
_SYNONYMS: dict[Modality, tuple[str, ...]] = {
    Modality.TEXT: ("txt", "prose", "written text", "natural language"),
    Modality.CODE: ("source code", "program", "programming", "software"),
    Modality.IMAGE: (
        "img",
        "picture",
        "pic",
        "photo",
        "photograph",
        "graphic",
        "illustration",
        "diagram",
    ),
    Modality.AUDIO: ("sound", "sound effect"),
    Modality.MUSIC: ("song", "melody", "soundtrack", "jingle"),
    Modality.SPEECH: (
        "voice",
        "spoken",
        "tts",
        "text to speech",
        "narration",
        "voiceover",
        "voice over",
    ),
    Modality.VIDEO: ("movie", "clip", "film", "animation", "footage"),
    Modality.EMBEDDING: ("embeddings", "vector", "vectors"),
    Modality.THREE_D: ("3-d", "3d model", "3d asset", "mesh", "three dimensional"),
    Modality.MOLECULE: ("protein", "protein structure", "dna", "molecular structure"),
    Modality.TABLE: (
        "tabular",
        "tabular data",
        "structured data",
        "spreadsheet",
        "csv",
        "time series",
    ),
    Modality.LABEL: ("labels", "classes", "class label", "category label"),
    Modality.BOXES: ("bounding box", "bounding boxes", "keypoints", "detections"),
    Modality.MASK: ("masks", "segmentation mask", "depth map", "per pixel map"),
    Modality.SCORE: ("scores", "probability", "regression value"),
    Modality.RANKING: ("rankings", "ranked list"),
    Modality.FORECAST: ("forecasts",),
    Modality.ACTION: ("actions", "control signal", "control signals"),
}
_ALIASES: dict[str, Modality] = {
    _normalise(spelling): member
    for member, spellings in _SYNONYMS.items()
    for spelling in (member.value, *spellings)
}
_PARENTS: dict[Modality, Modality] = {
    Modality.MUSIC: Modality.AUDIO,
    Modality.SPEECH: Modality.AUDIO,
}
_KNOWN = ", ".join(m.value for m in Modality)
# What generative AI creates (the article's five, plus 3D and molecules); the
# other members are shapes of data and analysis results.
_CONTENT = frozenset(
    {
        Modality.TEXT,
        Modality.CODE,
        Modality.IMAGE,
        Modality.AUDIO,
        Modality.MUSIC,
        Modality.SPEECH,
        Modality.VIDEO,
        Modality.THREE_D,
        Modality.MOLECULE,
    }
)
_BY_VALUE: dict[str, Modality] = {m.value: m for m in Modality}


def _lineage(member: Modality) -> frozenset[Modality]:
    found = {member}
    parent = _PARENTS.get(member)
    while parent is not None:
        found.add(parent)
        parent = _PARENTS.get(parent)
    return frozenset(found)


# Precomputed once: membership tests then cost one set look-up.
_LINEAGE: dict[Modality, frozenset[Modality]] = {m: _lineage(m) for m in Modality}
_KINDS: dict[Modality, frozenset[Modality]] = {
    m: frozenset(k for k in Modality if m in _LINEAGE[k]) for m in Modality
}
# Code and tables are text with a shape: a model that reads or writes text
# can be handed, or asked for, either.
_AS_TEXT = frozenset({Modality.CODE, Modality.TABLE})
_READ_AS: dict[Modality, frozenset[Modality]] = {
    m: _KINDS[m] | _LINEAGE[m] | ({Modality.TEXT} if m in _AS_TEXT else frozenset())
    for m in Modality
}
_WRITTEN_AS: dict[Modality, frozenset[Modality]] = {
    m: _KINDS[m] | ({Modality.TEXT} if m in _AS_TEXT else frozenset()) for m in Modality
}


ModalityInput = Modality | str | Iterable[Modality | str]
"""What fields and functions taking modalities accept: one, or an iterable."""


def fits(modality: Modality, shape: Iterable[Modality]) -> bool:
    """Whether *modality* is one of *shape*, a kind of one, or broader than one.

    Code and tables fit text: :meth:`Modality.read_as` holds the rule. The
    reader and ``choose()`` both match what was named against job shapes
    with it.
    """
    return not modality.read_as().isdisjoint(shape)


def to_modalities(value: ModalityInput) -> frozenset[Modality]:
    """Turn one modality or an iterable of them into a frozenset of members.

    A lone string is one modality, never a sequence of characters.

    Example:
        >>> from aitaxonomy import Modality
        >>> sorted(to_modalities("image"))
        [<Modality.IMAGE: 'image'>]
        >>> sorted(to_modalities(["Text", Modality.VIDEO]))
        [<Modality.TEXT: 'text'>, <Modality.VIDEO: 'video'>]
    """
    if type(value) is list or type(value) is tuple:
        try:  # the common case: canonical spellings, no parsing needed
            return frozenset([_BY_VALUE[item] for item in value])
        except (KeyError, TypeError):
            pass
    elif type(value) is frozenset and all(type(m) is Modality for m in value):
        return value  # every member is checked just above
    if isinstance(value, str):
        return frozenset((Modality.parse(value),))
    if not isinstance(value, Iterable):
        raise _WrongTypeError(
            "modalities must be a modality or an iterable of them, not "
            f"{type(value).__name__} {shown(value)}"
        )
    return frozenset(Modality.parse(item) for item in value)


def modalities_argument(value: object, name: str) -> frozenset[Modality]:
    """A caller's modalities argument (``None`` for none), or an error naming it.

    The one reading of modality arguments, for :func:`~aitaxonomy.choose`
    and :meth:`~aitaxonomy.Taxonomy.models` alike.
    """
    if value is None:
        return frozenset()
    if isinstance(value, bytes | bytearray) or not isinstance(
        value, str | Modality | Iterable
    ):
        raise ArgumentTypeError(
            f"{name} must be a modality or an iterable of modalities, not "
            f"{type(value).__name__} {shown(value)}"
        )
    try:
        return to_modalities(value)
    except TypeError as exc:
        raise ArgumentTypeError(f"{name}: {exc}") from None
    except ValueError as exc:
        raise InvalidArgumentError(f"{name}: {exc}") from None
