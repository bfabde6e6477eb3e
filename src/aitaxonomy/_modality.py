"""Modalities: the kinds of content a model accepts or produces."""

from __future__ import annotations

import enum
from collections.abc import Iterable

from ._errors import InvalidModalityError, did_you_mean, shown, suggest

__all__ = ["Modality", "ModalityInput", "to_modalities"]


class Modality(enum.StrEnum):
    """A kind of content a model accepts or produces.

    A ``StrEnum``: members compare equal to their lowercase values, sort, and
    hash in C. Some modalities are kinds of another (music and speech are
    audio); :attr:`parent` and :meth:`is_a` expose that.

    Forgiving strings are accepted wherever a modality is expected
    (``Modality("Images")``, ``Modality("picture")``); unknown ones raise
    :class:`~aitaxonomy.InvalidModalityError` with a suggestion.

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

    @classmethod
    def parse(cls, value: object) -> Modality:
        """Turn a member or a forgiving string into a member.

        Raises:
            InvalidModalityError: *value* is a string naming no modality.
            TypeError: *value* is neither a string nor a member (the raised
                error is an :class:`~aitaxonomy.InvalidModalityError` too).
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
        if found is None and key.endswith("s"):
            found = _ALIASES.get(key[:-1])
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


class _WrongTypeError(InvalidModalityError, TypeError):
    """A modality was given as something other than a string."""


def _normalise(value: str) -> str:
    return " ".join(value.strip().lower().replace("_", " ").replace("-", " ").split())


# Spellings users type for each member. The member's own value is added below.
_SYNONYMS: dict[Modality, tuple[str, ...]] = {
    Modality.TEXT: ("txt", "prose", "written text", "natural language"),
    Modality.CODE: ("source code", "program", "programming", "software"),
    Modality.IMAGE: ("img", "picture", "pic", "photo", "photograph", "graphic"),
    Modality.AUDIO: ("sound", "sound effect"),
    Modality.MUSIC: ("song", "melody", "soundtrack", "jingle"),
    Modality.SPEECH: ("voice", "spoken", "tts", "text to speech"),
    Modality.VIDEO: ("movie", "clip", "film", "animation"),
    Modality.EMBEDDING: ("embeddings", "vector", "vectors"),
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


ModalityInput = Modality | str | Iterable[Modality | str]
"""What fields and functions taking modalities accept: one, or an iterable."""


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
